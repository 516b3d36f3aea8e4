/**
 * Checks a whole content folder and reports every problem at once, each with its file, line and field, what
 * is wrong and what is expected. The build runs it first (src/integrations/content-check.ts) and stops on any
 * problem; `npm run check:content` prints the same report.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Image, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { visit } from 'unist-util-visit';
import { z } from 'astro/zod';
import { readHeadlineFile } from './headlines-loader';
import { contentFileProblem, frontmatterPictureProblems, isLocalPicture, isPictureFile, PICTURE_PATH, pictureProblem, unreadableFile } from './content-files';
import { NESTING_EXPECTED, nestingProblem } from '../markdown/nesting';
import { droppedContent, unclosedBlocks } from '../markdown/raw-html';
import { contentText, readMarkdown, type MarkdownSource } from './markdown-file';
import type { Problem } from './problems';
import { recordProblems } from './record-problems';
import { valueAt } from './schema-walk';
import { articleSchema, authorSchema, headlineEntrySchema, slug, SLUG_FORM } from './schemas';

export interface CheckOptions {
  /** The moment "in the future" is measured from; the build's start. */
  now?: Date;
  /** How far ahead of `now` a date may lie (clock skew, time zones) before it is an error. */
  futureToleranceHours?: number;
}

interface MarkdownRecord extends MarkdownSource {
  id: string;
  file: string;
  /** The body's Markdown tree, parsed on first use only: most bodies need none of the checks that read it. */
  tree: () => Root;
}

/**
 * Reads the Markdown files of one folder one at a time (a parsed file is let go before the next is read),
 * reporting files it cannot take rather than skipping them.
 */
function* markdownRecords(folder: string, kind: string, root: string, problems: Problem[]): Generator<MarkdownRecord> {
  if (!existsSync(folder)) return;
  const ids = new Map<string, string>();
  for (const name of readdirSync(folder).sort()) {
    const file = relative(process.cwd(), join(folder, name));
    if (isPictureFile(name)) continue; // pictures sit beside the files that use them
    if (/\.svg$/i.test(name)) {
      problems.push({ file, line: 1, field: '(file name)', wrong: 'an SVG picture, which can carry script', expected: 'a PNG, JPEG, WebP, AVIF or GIF picture instead' });
      continue;
    }
    if (!name.endsWith('.md')) {
      problems.push({ file, line: 1, field: '(file name)', wrong: 'not a Markdown file or a picture, so it would not be published', expected: `a .md file (or a picture it uses) in ${kind}/, or no file here` });
      continue;
    }
    const id = name.slice(0, -3);
    const idIssue = slug.safeParse(id).error?.issues[0];
    if (idIssue) {
      const wrong = idIssue.code === 'too_big' ? `"${id}" is too long: ${id.length} characters` : `"${id}" is not URL-safe`;
      problems.push({ file, line: 1, field: '(file name)', wrong, expected: `a file name of ${SLUG_FORM}` });
    }
    const clash = ids.get(id.toLowerCase());
    if (clash) {
      problems.push({ file, line: 1, field: '(file name)', wrong: `same URL as ${clash} when case is ignored`, expected: 'a file name no other file has, whatever the case' });
    }
    ids.set(id.toLowerCase(), file);

    const unreadable = contentFileProblem(join(folder, name), root);
    if (unreadable) {
      problems.push(unreadableFile(file, unreadable));
      continue;
    }
    const record = readMarkdown(contentText(readFileSync(join(folder, name))), file);
    if ('problem' in record) problems.push(record.problem);
    else {
      let tree: Root | undefined;
      yield { id, file, ...record, tree: () => (tree ??= fromMarkdown(record.body)) };
    }
  }
}

interface Reference {
  value: string;
  line: number;
}

/** What an article names that must exist elsewhere, with lines: kept for the end, when all ids are known. */
interface References {
  id: string;
  file: string;
  authors: Reference[];
  related: Reference[];
}

function referencesOf({ id, file, source }: MarkdownRecord): References {
  const list = (field: string) => {
    const value = valueAt(source.data, [field]);
    return Array.isArray(value) ? value.map((item, index) => ({ value: String(item), line: source.lineOf([field, index]) })) : [];
  };
  return { id, file, authors: list('authors'), related: list('related') };
}

/** A body the pipeline would refuse to render, or would render without some of its text. */
function bodyProblems(record: MarkdownRecord): Problem[] {
  const wrong = nestingProblem(record.body, record.tree);
  if (wrong) return [{ file: record.file, line: record.bodyLine, field: '(body)', wrong, expected: NESTING_EXPECTED }];
  const hidden = /<[!?]/.test(record.body) ? unclosedBlocks(record.tree()) : [];
  return [...droppedContent(record.body), ...hidden].map(({ line, ...problem }) => ({ file: record.file, line: record.bodyLine + line - 1, field: '(body)', ...problem }));
}

/** Images in a Markdown body (Markdown or raw HTML) without alt text, or naming a picture that may not be published. */
function bodyImageProblems(record: MarkdownRecord, folder: string, root: string): Problem[] {
  const problems: Problem[] = [];
  // Parsing every body is the check's slowest step: skip those with no image at all.
  if (!/!\[|<img/i.test(record.body)) return problems;
  const check = (src: string, hasAlt: boolean, line: number | undefined, shown: string, expected: string) => {
    const at = { file: record.file, line: record.bodyLine + (line ?? 1) - 1, field: '(body)' };
    if (!hasAlt) problems.push({ ...at, wrong: `${shown} has no alt text`, expected });
    const wrong = isLocalPicture(src) ? pictureProblem(folder, src, root) : undefined;
    if (wrong) problems.push({ ...at, wrong, expected: PICTURE_PATH });
  };
  visit(record.tree(), (node) => {
    if (node.type === 'image') {
      const { url, alt } = node as Image;
      check(url, Boolean(alt?.trim()), node.position?.start.line, `image ${url}`, '![a description of the picture](…)');
    }
    if (node.type === 'html') {
      // Read as the pipeline reads raw HTML (an HTML parser, not a pattern), so no spelling of src escapes.
      visit(fromHtml((node as Html).value, { fragment: true }), 'element', (element: Element) => {
        if (element.tagName !== 'img') return;
        const { src, alt } = element.properties;
        check(String(src ?? ''), Boolean(String(alt ?? '').trim()), node.position?.start.line, `<img src="${String(src ?? '')}">`, '<img … alt="a description of the picture">');
      });
    }
  });
  return problems;
}

export function checkContent(contentDir: string, options: CheckOptions = {}): Problem[] {
  const now = options.now ?? new Date();
  const latest = new Date(now.getTime() + (options.futureToleranceHours ?? 24) * 3_600_000);
  const problems: Problem[] = [];

  // Built once: constructing a zod schema costs more than validating a record with it.
  const authorRecord = authorSchema(z.string());
  const articleRecord = articleSchema(z.string());

  const authorIds = new Set<string>();
  for (const author of markdownRecords(join(contentDir, 'authors'), 'authors', contentDir, problems)) {
    authorIds.add(author.id);
    problems.push(...recordProblems(authorRecord, author.source, author.file, latest));
    problems.push(...bodyProblems(author), ...bodyImageProblems(author, join(contentDir, 'authors'), contentDir), ...frontmatterPictureProblems(author.file, author.source, join(contentDir, 'authors'), contentDir));
  }

  const articles: References[] = [];
  for (const article of markdownRecords(join(contentDir, 'articles'), 'articles', contentDir, problems)) {
    articles.push(referencesOf(article));
    problems.push(...recordProblems(articleRecord, article.source, article.file, latest));
    problems.push(...bodyProblems(article), ...bodyImageProblems(article, join(contentDir, 'articles'), contentDir), ...frontmatterPictureProblems(article.file, article.source, join(contentDir, 'articles'), contentDir));
  }

  const headlinesPath = join(contentDir, 'headlines.yaml');
  const headlineFile = relative(process.cwd(), headlinesPath);
  const headlinesUnreadable = existsSync(headlinesPath) ? contentFileProblem(headlinesPath, contentDir) : undefined;
  if (headlinesUnreadable) problems.push(unreadableFile(headlineFile, headlinesUnreadable));
  const headlines = existsSync(headlinesPath) && !headlinesUnreadable ? readHeadlineFile(contentText(readFileSync(headlinesPath)), headlineFile) : { entries: [], problems: [] };
  problems.push(...headlines.problems);
  const articleIds = new Set(articles.map((article) => article.id));
  for (const entry of headlines.entries) {
    problems.push(...recordProblems(headlineEntrySchema, entry.source, headlineFile, latest));
    if (articleIds.has(entry.id)) {
      problems.push({ file: headlineFile, line: entry.source.lineOf(['title']), field: 'title', wrong: `its id "${entry.id}" is the file name of an article`, expected: 'a story with no article file here (remove the entry or the article)' });
    }
  }
  problems.push(...crossReferenceProblems(articles, authorIds, new Set([...articleIds, ...headlines.entries.map((entry) => entry.id)])));
  return problems;
}

/** Authors and related stories named by articles must exist; an article cannot pin itself. */
function crossReferenceProblems(articles: References[], authorIds: ReadonlySet<string>, storyIds: ReadonlySet<string>): Problem[] {
  return articles.flatMap(({ id, file, authors, related }) => [
    ...authors.flatMap(({ value: author, line }) =>
      authorIds.has(author) ? [] : [{ file, line, field: 'authors', wrong: `unknown author "${author}"`, expected: `a file authors/${author}.md, or an existing author id` }],
    ),
    ...related.flatMap(({ value: story, line }) => {
      if (story === id) return [{ file, line, field: 'related', wrong: 'the article pins itself', expected: "another article's file name or a headline id" }];
      return storyIds.has(story) ? [] : [{ file, line, field: 'related', wrong: `unknown id "${story}"`, expected: 'an article file name or a headline id' }];
    }),
  ]);
}
