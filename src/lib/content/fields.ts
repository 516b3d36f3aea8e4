/**
 * The kinds of field content is made of (text, date-times, slugs, sections, URLs), each with the wording an
 * editor is shown when a value is wrong. The wording sits on the schema itself, made from the same constant as
 * the limit it states, so a field's rule is written once; the content check reads it back (`expectedAt` in
 * ./schema-walk.ts). Plain zod, so it can be unit-tested without Astro.
 */
import { z } from 'astro/zod';
import { sectionIds } from '../../config';
import { SLUG } from './slugs';
import { smartPunctuation, withoutControlCharacters } from '../util/typography';

/** What a field must hold, as the content check's report words it ("expected"). */
export const expectations = z.registry<{ expected: string }>();

/**
 * `schema` with the wording of what it must hold. Give it a schema made for this field alone (`register` marks
 * the instance itself): a shared one would carry the wording into every field that uses it.
 */
export function expecting<T extends z.ZodType>(schema: T, expected: string): T {
  expectations.add(schema, { expected });
  return schema;
}

/**
 * Text a reader can see: something besides spaces, control characters and invisible format characters
 * (U+200B zero-width space and the like), which would otherwise pass for a headline and render as a blank.
 */
const VISIBLE = /[^\s\p{Cc}\p{Cf}]/u;

const nonEmpty = (what: string) =>
  z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      if (VISIBLE.test(text)) return;
      ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 1, inclusive: true, input: text, message: `${what} must not be empty` });
    });

/**
 * Combining marks one letter may carry: more than any language stacks (Vietnamese two, pointed Hebrew with
 * cantillation four, a Devanagari conjunct five), far fewer than a "Zalgo" stack, whose ink rises and falls
 * over the lines around it: other stories' headlines on a front or in a rail, the site's header, the rest of
 * a social card.
 */
const MAX_MARKS_PER_LETTER = 8;
const letters = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const MARK = /\p{M}/gu;

/**
 * The first letter (grapheme) of `text` that carries more than MAX_MARKS_PER_LETTER combining marks: where it
 * starts, and what an editor is told of it. Asked of the text as published, once the characters with no place
 * in it are gone (`withoutControlCharacters`): a control character between two runs of marks would otherwise
 * hide a stack that its removal joins.
 */
export function stackedLetter(text: string): { index: number; wrong: string; expected: string } | undefined {
  // Text with no more marks in all than one letter may carry (most text) is not split into letters.
  if ((text.match(MARK)?.length ?? 0) <= MAX_MARKS_PER_LETTER) return undefined;
  for (const { segment, index } of letters.segment(text)) {
    const marks = segment.match(MARK)?.length ?? 0;
    if (marks <= MAX_MARKS_PER_LETTER) continue;
    const wrong = `the letter "${segment.replace(MARK, '')}" carries ${marks} combining marks, which draw over the lines around it`;
    return { index, wrong, expected: `at most ${MAX_MARKS_PER_LETTER} to a letter` };
  }
  return undefined;
}

function noStackedMarks(text: string, ctx: z.RefinementCtx) {
  const stacked = stackedLetter(text);
  if (stacked) ctx.addIssue({ code: 'custom', input: text, message: `${stacked.wrong} — ${stacked.expected}` });
}

/** How an editor is told what a text field holds: `a headline` becomes "a headline of 1–140 characters". */
export interface TextWording {
  /** What the text is, e.g. `a headline`. */
  is: string;
  /** An example to add, e.g. `"Speed Read"`. */
  example?: string;
}

const worded = <T extends z.ZodType>(schema: T, max: number, wording?: TextWording): T =>
  wording ? expecting(schema, `${wording.is} of 1–${max} characters${wording.example ? `, e.g. ${wording.example}` : ''}`) : schema;

/**
 * One line of plain text (alt text, too, lands in feeds' XML): not empty, at most `max` characters. Without a
 * wording, a report names the wording of the field it is part of.
 */
export const plainText = (what: string, max: number, wording?: TextWording) =>
  worded(nonEmpty(what).max(max).transform(withoutControlCharacters).superRefine(noStackedMarks), max, wording);

/** A one-line text shown to readers: plain text with typographic punctuation. */
export const displayText = (what: string, max: number, wording?: TextWording) =>
  worded(nonEmpty(what).max(max).transform(withoutControlCharacters).superRefine(noStackedMarks).transform(smartPunctuation), max, wording);

/** An ISO 8601 date-time that names its zone (`Z` or `±hh:mm`), e.g. `2020-11-23T09:00:00-05:00`. */
const ZONED_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i;
const DATE_TIME_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?$/;

/** What a date-time field holds, as editors are told. */
export const DATE_TIME = 'a date-time with zone, e.g. 2020-11-23T09:00:00-05:00';

/**
 * The moment a date-time written as text names, or what is wrong with it. Each part is checked: `Date`
 * would roll 2021-02-30 over to March 2, and make month 13 an invalid date that throws only where it is shown.
 */
function zonedMoment(text: string): Date | string {
  const match = ZONED_DATE_TIME.exec(text);
  if (!match) return DATE_TIME_WITHOUT_ZONE.test(text) ? `"${text}" has no time zone` : `"${text}" is not a date-time`;
  const [year, month, day, hour, minute, second, fraction, , zoneHours, zoneMinutes] = match.slice(1).map((part) => Number(part ?? 0));
  const moment = new Date(0);
  moment.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 1900–1999
  moment.setUTCHours(hour, minute, second, fraction * 1000);
  const read = [moment.getUTCFullYear(), moment.getUTCMonth() + 1, moment.getUTCDate(), moment.getUTCHours(), moment.getUTCMinutes(), moment.getUTCSeconds()];
  const real = read.join() === [year, month, day, hour, minute, second].join() && zoneHours <= 23 && zoneMinutes <= 59;
  if (!real) return `"${text}" is not a real date`;
  const offsetMinutes = (match[8] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  return new Date(moment.getTime() - offsetMinutes * 60_000);
}

/**
 * A date-time with its zone, naming a real moment. Our YAML reader (1.2) keeps timestamps as text; a YAML 1.1
 * reader (Astro's frontmatter parser, in tests) gives a Date, whose zone is already applied. Every field of this
 * schema is a date the content check also holds against the clock (none may lie in the future).
 */
export const dateTime = expecting(
  z.preprocess(
    (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
    z.string().transform((text, ctx) => {
      const moment = zonedMoment(text);
      if (typeof moment === 'string') {
        ctx.addIssue({ code: 'custom', input: text, message: moment });
        return z.NEVER;
      }
      return moment;
    }),
  ),
  DATE_TIME,
);

/**
 * Longest slug (tag, id, file name): each becomes a folder name in the built site, which file systems limit
 * (255 bytes). Room for the slug of a long headline, as the importer names article files.
 */
export const SLUG_MAX_LENGTH = 100;

/** What a slug must be, as editors are told. */
export const SLUG_FORM = `at most ${SLUG_MAX_LENGTH} lowercase letters, digits and single hyphens, e.g. putin-biden-win`;

/** What a tag or id must be to serve in a URL and as a folder name. */
export const slug = z
  .string()
  .max(SLUG_MAX_LENGTH)
  .regex(SLUG, 'expected a lowercase slug such as "putin-biden-win"');

const SECTIONS = `one of: ${sectionIds.join(', ')}`;

export const section = expecting(z.enum(sectionIds as [string, ...string[]], { error: `expected ${SECTIONS}` }), SECTIONS);

export const tags = expecting(z.array(slug).default([]), `a list of tags, each ${SLUG_FORM}`);

const HTTP_URL = 'an absolute http(s) URL';

/** An absolute http(s) URL (a `javascript:` one would run script where it is linked). */
export const httpUrl = () => expecting(z.url({ protocol: /^https?$/, error: `expected ${HTTP_URL}` }), HTTP_URL);
