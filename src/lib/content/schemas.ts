/**
 * The shape of every piece of content, as plain zod schemas so they can be unit-tested without Astro.
 * `src/content.config.ts` wires them to collections; `reference()` and `image()` are passed in there.
 */
import { z } from 'astro/zod';
import { sectionIds } from '../../config';
import { SLUG } from './slugs';
import { smartPunctuation, withoutControlCharacters } from '../util/typography';

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

/** One line of plain text (alt text, too, lands in feeds' XML): not empty, at most `max` characters. */
const plainText = (what: string, max: number) => nonEmpty(what).max(max).transform(withoutControlCharacters);

/** A one-line text shown to readers: plain text with typographic punctuation. */
const displayText = (what: string, max: number) => plainText(what, max).transform(smartPunctuation);

/** An ISO 8601 date-time that names its zone (`Z` or `±hh:mm`), e.g. `2020-11-23T09:00:00-05:00`. */
const ZONED_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/i;
const DATE_TIME_WITHOUT_ZONE = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+)?$/;

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
 * reader (Astro's frontmatter parser, in tests) gives a Date, whose zone is already applied.
 */
export const dateTime = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : value),
  z.string().transform((text, ctx) => {
    const moment = zonedMoment(text);
    if (typeof moment === 'string') {
      ctx.addIssue({ code: 'custom', input: text, message: moment });
      return z.NEVER;
    }
    return moment;
  }),
);

/**
 * Longest slug (tag, id, file name): each becomes a folder name in the built site, which file systems limit
 * (255 bytes). Room for the slug of a long headline, as the importer names article files.
 */
export const SLUG_MAX_LENGTH = 100;

/** What a tag or id must be to serve in a URL and as a folder name. */
export const slug = z
  .string()
  .max(SLUG_MAX_LENGTH)
  .regex(SLUG, 'expected a lowercase slug such as "putin-biden-win"');

export const section = z.enum(sectionIds as [string, ...string[]], {
  error: `expected one of: ${sectionIds.join(', ')}`,
});

export const tags = z.array(slug).default([]);

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL' });

/** A picture with the words that go with it; `src` is `image()` in the build, any schema in unit tests. */
function picture<Src extends z.ZodType>(src: Src) {
  return z
    .object({
      src,
      alt: plainText('alt text', 300),
      caption: displayText('caption', 300).optional(),
      credit: displayText('credit', 120).optional(),
    })
    .strict();
}

/** A dated note under the dek: an update to the story, or a correction of it. */
const noteSchema = z
  .object({
    date: dateTime,
    kind: z.enum(['update', 'correction'], { error: 'expected update or correction' }),
    note: displayText('note', 600),
  })
  .strict();

/** Where the story's facts come from, listed under the article. */
const sourceSchema = z
  .object({ publisher: displayText('publisher', 120), title: displayText('title', 300), url: httpUrl })
  .strict();

/**
 * `author` is `reference('authors')` in the build and a plain slug in unit tests; `image` is astro:assets'
 * `image()` in the build and, by default, any string.
 */
export function articleSchema<Author extends z.ZodType, Image extends z.ZodType = z.ZodString>(author: Author, image?: Image) {
  return z
    .object({
      image: picture(image ?? z.string()).optional(),
      updates: z.array(noteSchema).default([]),
      sources: z.array(sourceSchema).default([]),
      title: displayText('title', 140),
      dek: displayText('dek', 300),
      kicker: displayText('kicker', 40),
      section,
      authors: z.array(author).min(1, 'name at least one author'),
      published: dateTime,
      updated: dateTime.optional(),
      tags,
      related: z.array(slug).default([]),
      draft: z.boolean().default(false),
    })
    .strict()
    .refine((article) => !article.updated || article.updated >= article.published, {
      path: ['updated'],
      message: 'updated must not be earlier than published',
    })
    .refine((article) => article.updates.every((update) => update.date >= article.published), {
      path: ['updates'],
      message: 'an update must not be dated before publication',
    });
}

/** `avatar` is `image()` in the build (optimised by astro:assets) and any schema in unit tests. */
export function authorSchema<Avatar extends z.ZodType>(avatar: Avatar) {
  return z
    .object({
      name: displayText('name', 100),
      role: displayText('role', 120),
      avatar: z.object({ src: avatar, alt: plainText('avatar alt text', 300) }).strict().optional(),
    })
    .strict();
}

/**
 * What the content loader adds to an entry's fields from its Markdown body (writers never set it): the file
 * holding the rendered HTML, the reading time, and the local pictures (`![alt](./chart.png "Caption |
 * Credit")`) for astro:assets. Missing alt text is the content check's to report, with its line.
 */
export function renderedBody<Src extends z.ZodType>(src: Src) {
  return z
    .object({
      htmlFile: z.string(),
      readingMinutes: z.number().int().positive(),
      pictures: z.array(picture(src).extend({ alt: z.string(), figure: z.boolean() })),
    })
    .strict();
}

/** A headline-index entry for a story with no article file here (from `content/headlines.yaml`). */
export const headlineEntrySchema = z
  .object({
    kicker: displayText('kicker', 40),
    title: displayText('title', 200),
    dek: displayText('dek', 300),
    url: httpUrl.optional(),
    date: dateTime.optional(),
    section: section.optional(),
    tags,
  })
  .strict();

export type HeadlineEntryData = z.infer<typeof headlineEntrySchema>;
