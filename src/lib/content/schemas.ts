/**
 * The shape of every piece of content, as plain zod schemas so they can be unit-tested without Astro.
 * `src/content.config.ts` wires them to collections; `reference()` and `image()` are passed in there. Each
 * field carries the wording of what it must hold (./fields.ts), which the content check reports.
 */
import { z } from 'astro/zod';
import { DATE_TIME, dateTime, displayText, expecting, httpUrl, plainText, section, slug, tags } from './fields';

export { dateTime, section, slug, SLUG_FORM, SLUG_MAX_LENGTH, tags } from './fields';

/** Alt text (it lands in feeds' XML, too). */
const altText = (what: string) => expecting(plainText(what, 300), 'alt text describing the picture');
const KICKER = { is: 'a format label', example: '"Speed Read"' };
const DEK = { is: 'a one-line summary' };

/** A picture with the words that go with it; `src` is `image()` in the build, any schema in unit tests. */
function picture<Src extends z.ZodType>(src: Src) {
  return z
    .object({
      src,
      alt: altText('alt text'),
      caption: displayText('caption', 300).optional(),
      credit: displayText('credit', 120).optional(),
    })
    .strict();
}

const NOTE_KINDS = ['update', 'correction'] as const;

/** A dated note under the dek: an update to the story, or a correction of it. */
const noteSchema = z
  .object({
    date: dateTime,
    kind: z.enum(NOTE_KINDS, { error: `expected ${NOTE_KINDS.join(' or ')}` }),
    note: displayText('note', 600),
  })
  .strict();

const UPDATES = `a list of { date: ${DATE_TIME.replace(/^a /, '')}, kind: ${NOTE_KINDS.join(' or ')}, note: … }, none before published`;

/** Where the story's facts come from, listed under the article. */
const sourceSchema = z
  .object({ publisher: displayText('publisher', 120), title: displayText('title', 300), url: httpUrl() })
  .strict();

/**
 * `author` is `reference('authors')` in the build and a plain slug in unit tests; `image` is astro:assets'
 * `image()` in the build and, by default, any string.
 */
export function articleSchema<Author extends z.ZodType, Image extends z.ZodType = z.ZodString>(author: Author, image?: Image) {
  return z
    .object({
      title: displayText('title', 140, { is: 'a headline' }),
      dek: displayText('dek', 300, DEK),
      kicker: displayText('kicker', 40, KICKER),
      section,
      authors: expecting(z.array(author).min(1, 'name at least one author'), 'a list of author ids, e.g. [peter]'),
      published: dateTime,
      updated: expecting(dateTime.optional(), `${DATE_TIME}, not earlier than published`),
      tags,
      related: expecting(z.array(slug).default([]), 'a list of article file names or headline ids'),
      draft: expecting(z.boolean().default(false), 'true or false'),
      image: expecting(picture(image ?? z.string()).optional(), '{ src: ./picture.jpg, alt: a description of the picture, caption: …, credit: … }'),
      updates: expecting(z.array(noteSchema).default([]), UPDATES),
      sources: expecting(z.array(sourceSchema).default([]), 'a list of { publisher: …, title: …, url: an absolute http(s) URL }'),
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
      name: displayText('name', 100, { is: 'a name' }),
      role: displayText('role', 120, { is: 'a role' }),
      avatar: expecting(
        z.object({ src: avatar, alt: altText('avatar alt text') }).strict().optional(),
        '{ src: ./picture.jpg, alt: a description of the picture }',
      ),
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
    kicker: displayText('kicker', 40, KICKER),
    title: displayText('title', 200, { is: 'a headline' }),
    dek: displayText('dek', 300, DEK),
    url: httpUrl().optional(),
    date: dateTime.optional(),
    section: section.optional(),
    tags,
  })
  .strict();

export type HeadlineEntryData = z.infer<typeof headlineEntrySchema>;
