/**
 * Checks a whole content folder and reports every problem at once, each with its file, line and field, what
 * is wrong and what is expected. The build runs it first (src/integrations/content-check.ts) and stops on any
 * problem; `npm run check:content` prints the same report. Files are read by the loaders' reader
 * (./markdown-file.ts), records checked against their schemas (./record-problems.ts), bodies by
 * ./body-problems.ts, and what lies between entries by ./cross-entry.ts. Given a cache file, what a Markdown
 * file holds is found once for its bytes (./check-cache.ts); the report is the same with or without one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'astro/zod';
import { bodyFindings, withTree } from './body-problems';
import { checkMemory, type CheckMemory, type FileFacts } from './check-cache';
import { frontmatterPictures, isPictureFile } from './content-files';
import { articleIdClashes, fileNameClashes, referenceProblems, referencesOf, type References } from './cross-entry';
import { judge, recordFindings, type Judging } from './findings';
import { readHeadlineFile } from './headlines-loader';
import { checkCode } from './loader-code';
import { contentText, idOf, readMarkdown, refusedFile } from './markdown-file';
import type { Problem } from './problems';
import { recordProblems } from './record-problems';
import { articleSchema, authorSchema, headlineEntrySchema, slug, SLUG_FORM } from './schemas';

export interface CheckOptions {
  /** The moment "in the future" is measured from; the build's start. */
  now?: Date;
  /** How far ahead of `now` a date may lie (clock skew, time zones) before it is an error. */
  futureToleranceHours?: number;
  /** Where to remember what each file holds between runs (./check-cache.ts); none: every file is read in full. */
  cacheFile?: string;
  /** The digest of the check's code, part of every remembered file's key; by default `checkCodeDigest()`. */
  codeDigest?: string;
}

const digests = new Map<string, string>();
/**
 * The digest of the check's code in the project at `root` (./loader-code.ts) and of the Node.js running it,
 * worked out once a process: the code a process runs is the code it loaded.
 */
export function checkCodeDigest(root = new URL('../../../', import.meta.url)): string {
  const digest = digests.get(root.href) ?? createHash('sha256').update(`${process.version}\0${checkCode(root)}`).digest('hex');
  digests.set(root.href, digest);
  return digest;
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

/** What is found in a Markdown file, from its bytes alone: its findings, and what the rules between entries need. */
function factsOf(bytes: Uint8Array, file: string, schema: z.ZodType): FileFacts {
  const record = readMarkdown(contentText(bytes), file);
  if ('problem' in record) return { findings: [{ problem: record.problem }] };
  return {
    findings: [...recordFindings(schema, record.source, file), ...bodyFindings(withTree(record)), ...frontmatterPictures(record.source).map((picture) => ({ picture }))],
    references: referencesOf(record),
  };
}

/**
 * Every problem of the Markdown files of one folder, against `schema`; calls `each` with what each file that
 * could be read names. File names, whether a file may be read, dates and pictures are judged on every run;
 * the rest of a file is found once for its bytes (`memory`).
 */
function folderProblems(contentDir: string, kind: string, schema: z.ZodType, judging: Omit<Judging, 'folder'>, memory: CheckMemory, each: (references: References) => void): Problem[] {
  const folder = join(contentDir, kind);
  const problems: Problem[] = [];
  if (!existsSync(folder)) return problems;
  const clash = fileNameClashes();
  for (const name of readdirSync(folder).sort()) {
    if (isPictureFile(name)) continue; // pictures sit beside the files that use them
    const path = join(folder, name);
    const file = relative(process.cwd(), path);
    const wrongName = fileNameProblem(name, file, kind);
    if (wrongName) problems.push(wrongName);
    if (!name.endsWith('.md')) continue;
    const sameUrl = clash(idOf(name), file);
    if (sameUrl) problems.push(sameUrl);
    const refused = refusedFile(path, contentDir, file);
    if (refused) {
      problems.push(refused);
      continue;
    }
    const bytes = readFileSync(path);
    const facts = memory.recall(file, bytes, () => factsOf(bytes, file, schema));
    problems.push(...judge(facts.findings, file, { ...judging, folder }));
    if (facts.references) each(facts.references);
  }
  return problems;
}

export function checkContent(contentDir: string, options: CheckOptions = {}): Problem[] {
  const now = options.now ?? new Date();
  const latest = new Date(now.getTime() + (options.futureToleranceHours ?? 24) * 3_600_000);
  const memory = checkMemory(options.cacheFile, options.cacheFile ? (options.codeDigest ?? checkCodeDigest()) : '', contentDir);
  const judging = { root: contentDir, latest };

  const authorIds = new Set<string>();
  const articles: References[] = [];
  // Schemas built once: constructing a zod schema costs more than validating a record with it.
  const authorProblems = folderProblems(contentDir, 'authors', authorSchema(z.string()), judging, memory, (author) => authorIds.add(author.id));
  const articleProblems = folderProblems(contentDir, 'articles', articleSchema(z.string()), judging, memory, (article) => articles.push(article));
  memory.save();

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
