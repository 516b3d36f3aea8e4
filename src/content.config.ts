/**
 * The content collections: what `content/` (or `CONTENT_DIR`) holds, and the schema each file must meet.
 * The schemas themselves live in `src/lib/schemas.ts`.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { contentDir } from './lib/content-dir';
import { headlinesLoader } from './lib/headlines-loader';
import { articleSchema, authorSchema, headlineEntrySchema } from './lib/schemas';

/** The file name is the id and the URL slug, whatever the title says. */
const markdownFiles = (folder: string) =>
  glob({ pattern: '*.md', base: join(contentDir, folder), generateId: ({ entry }) => entry.replace(/\.md$/, '') });

const articles = defineCollection({
  loader: markdownFiles('articles'),
  schema: ({ image }) => articleSchema(reference('authors'), image()),
});

const authors = defineCollection({
  loader: markdownFiles('authors'),
  schema: ({ image }) => authorSchema(image()),
});

const headlines = defineCollection({
  loader: headlinesLoader(join(contentDir, 'headlines.yaml')),
  schema: headlineEntrySchema.extend({ order: z.number().int() }),
});

export const collections = { articles, authors, headlines };
