/**
 * Checks a whole content folder and reports every problem at once, each with its file, line and field, what
 * is wrong and what is expected. The build runs it first (src/integrations/content-check.ts) and stops on any
 * problem; `npm run check:content` prints the same report. Files are read by the loaders' reader
 * (./markdown-file.ts), records checked against their schemas (./record-problems.ts), bodies by
 * ./body-problems.ts, and what lies between entries by ./cross-entry.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { bodyProblems, withTree, type MarkdownRecord } from './body-problems';
import { frontmatterPictureProblems, isPictureFile } from './content-files';
import { articleIdClashes, fileNameClashes, referenceProblems, referencesOf, type References } from './cross-entry';
import { readHeadlineFile } from './headlines-loader';
import { contentText, idOf, readMarkdownFile, refusedFile } from './markdown-file';
import type { Problem } from './problems';
import { recordProblems } from './record-problems';
import { articleSchema, authorSchema, headlineEntrySchema, slug, SLUG_FORM } from './schemas';

export interface CheckOptions {
  /** The moment "in the future" is measured from; the build's start. */
  now?: Date;
  /** How far ahead of `now` a date may lie (clock skew, time zones) before it is an error. */
  futureToleranceHours?: number;
}

/** What is wrong with the name of a file in the folder `kind` of the content folder; undefined if nothing. */
function fileNameProblem(name: string, file: string, kind: string): Problem | undefined {
  const at = { file, line: 1, field: '(file name)' };
  if (/\.svg$/i.test(name)) return { ...at, wrong: 'an SVG picture, which can carry script', expected: 'a PNG, JPEG, WebP, AVIF or GIF picture instead' };
  if (!name.endsWith('.md')) return { ...at, wrong: 'not a Markdown file or a picture, so it would not be published', expected: `a .md file (or a picture it uses) in ${kind}/, or no file here` };
  const id = idOf(name);
  const idIssue = slug.safeParse(id).error?.issues[0];
  if (!idIssue) return undefined;
  const wrong = idIssue.code === 'too_big' ? `"${id}" is too long: ${id.length} characters` : `"${id}" is not URL-safe`;
  return { ...at, wrong, expected: `a file name of ${SLUG_FORM}` };
}

/**
 * Reads the Markdown files of one folder one at a time (a parsed file is let go before the next is read),
 * reporting files it cannot take rather than skipping them.
 */
function* markdownRecords(folder: string, kind: string, root: string, problems: Problem[]): Generator<MarkdownRecord> {
  if (!existsSync(folder)) return;
  const clash = fileNameClashes();
  for (const name of readdirSync(folder).sort()) {
    const file = relative(process.cwd(), join(folder, name));
    if (isPictureFile(name)) continue; // pictures sit beside the files that use them
    const wrongName = fileNameProblem(name, file, kind);
    if (wrongName) problems.push(wrongName);
    if (!name.endsWith('.md')) continue;
    const sameUrl = clash(idOf(name), file);
    if (sameUrl) problems.push(sameUrl);
    const record = readMarkdownFile(join(folder, name), root, file);
    if ('problem' in record) problems.push(record.problem);
    else yield withTree(record);
  }
}

/** Every problem of the Markdown files of one folder, against `schema`; calls `each` with each file read. */
function folderProblems(contentDir: string, kind: string, schema: z.ZodType, latest: Date, each: (record: MarkdownRecord) => void): Problem[] {
  const folder = join(contentDir, kind);
  const problems: Problem[] = [];
  for (const record of markdownRecords(folder, kind, contentDir, problems)) {
    each(record);
    problems.push(
      ...recordProblems(schema, record.source, record.file, latest),
      ...bodyProblems(record, folder, contentDir),
      ...frontmatterPictureProblems(record.file, record.source, folder, contentDir),
    );
  }
  return problems;
}

export function checkContent(contentDir: string, options: CheckOptions = {}): Problem[] {
  const now = options.now ?? new Date();
  const latest = new Date(now.getTime() + (options.futureToleranceHours ?? 24) * 3_600_000);

  const authorIds = new Set<string>();
  const articles: References[] = [];
  // Schemas built once: constructing a zod schema costs more than validating a record with it.
  const authorProblems = folderProblems(contentDir, 'authors', authorSchema(z.string()), latest, (author) => authorIds.add(author.id));
  const articleProblems = folderProblems(contentDir, 'articles', articleSchema(z.string()), latest, (article) => articles.push(referencesOf(article)));

  const headlinesPath = join(contentDir, 'headlines.yaml');
  const headlineFile = relative(process.cwd(), headlinesPath);
  const refused = existsSync(headlinesPath) ? refusedFile(headlinesPath, contentDir, headlineFile) : undefined;
  const headlines = existsSync(headlinesPath) && !refused ? readHeadlineFile(contentText(readFileSync(headlinesPath)), headlineFile) : { entries: [], problems: [] };
  const articleIds = new Set(articles.map((article) => article.id));
  // Spread into a new list, not into push(): a broken archive has more problems than a call takes arguments.
  return [
    ...authorProblems,
    ...articleProblems,
    ...(refused ? [refused] : []),
    ...headlines.problems,
    ...headlines.entries.flatMap((entry) => recordProblems(headlineEntrySchema, entry.source, headlineFile, latest)),
    ...articleIdClashes(headlines.entries, articleIds, headlineFile),
    ...referenceProblems(articles, authorIds, new Set([...articleIds, ...headlines.entries.map((entry) => entry.id)])),
  ];
}
