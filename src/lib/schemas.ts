/**
 * The shape of every piece of content, as plain zod schemas so they can be unit-tested without Astro.
 * `src/content.config.ts` wires them to collections; `reference()` and `image()` are passed in there.
 */
import { z } from 'astro/zod';
import { sectionIds } from '../config';
import { smartPunctuation, withoutControlCharacters } from './typography';

const nonEmpty = (what: string) => z.string().trim().min(1, `${what} must not be empty`);

/** A one-line text shown to readers: not empty, at most `max` characters, typographic punctuation. */
const displayText = (what: string, max: number) =>
  nonEmpty(what)
    .max(max)
    .transform((text) => smartPunctuation(withoutControlCharacters(text)));

/** An ISO 8601 date-time that names its zone (`Z` or `±hh:mm`), e.g. `2020-11-23T09:00:00-05:00`. */
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * YAML turns an unquoted timestamp into a Date (zone already applied); a quoted one stays a string, which
 * must then carry its zone so the moment is unambiguous.
 */
export const dateTime = z.union([
  z.date(),
  z
    .string()
    .regex(ZONED_DATE_TIME, 'expected a date-time with zone, e.g. 2020-11-23T09:00:00-05:00')
    .transform((value) => new Date(value)),
]);

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected a lowercase slug such as "putin-biden-win"');

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
      alt: nonEmpty('alt text').max(300),
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
      avatar: z.object({ src: avatar, alt: nonEmpty('avatar alt text') }).strict().optional(),
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
