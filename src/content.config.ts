/**
 * The content collections: what `content/` (or `CONTENT_DIR`) holds, and the schema each file must meet.
 * The schemas themselves live in `src/lib/content/schemas.ts`.
 */
import { defineCollection, reference } from 'astro:content';
import { z } from 'astro/zod';
import { join } from 'node:path';
import { contentDir } from './lib/content/content-dir';
import { headlinesLoader } from './lib/content/headlines-loader';
import { markdownLoader } from './lib/content/markdown-loader';
import { schemaOnce } from './lib/content/schema-once';
import { articleSchema, authorSchema, headlineEntrySchema, renderedBody } from './lib/content/schemas';

// The file name is the id and the URL slug, whatever the title says.
const articles = defineCollection({
  loader: markdownLoader(join(contentDir, 'articles')),
  schema: schemaOnce(({ image }) => articleSchema(reference('authors'), image()).safeExtend({ renderedBody: renderedBody(image()) })),
});

const authors = defineCollection({
  loader: markdownLoader(join(contentDir, 'authors')),
  schema: schemaOnce(({ image }) => authorSchema(image()).extend({ renderedBody: renderedBody(image()) })),
});

const headlines = defineCollection({
  loader: headlinesLoader(join(contentDir, 'headlines.yaml')),
  schema: headlineEntrySchema.extend({ order: z.number().int() }),
});

export const collections = { articles, authors, headlines };
