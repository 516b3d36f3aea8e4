/**
 * Turns a parsed scrape into the files it becomes: `articles/<slug>.md`, `authors/<id>.md` and the new
 * entries of `headlines.yaml`. The Markdown is built as an mdast tree and stringified by remark's
 * serializer, so quotes, asterisks and brackets in the text are escaped and re-parse to the same text.
 * Pure apart from reading the files that exist already (`read`, undefined for a file that does not exist;
 * `list`, the names of the files in a folder).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { toMarkdown } from 'mdast-util-to-markdown';
import { Document, isSeq, parseDocument, stringify, YAMLSeq, type Node } from 'yaml';
import { z } from 'astro/zod';
import { readHeadlineFile } from '../content/headlines-loader';
import { readMarkdown } from '../content/markdown-file';
import { formatProblem } from '../content/problems';
import { articleSchema } from '../content/schemas';
import { isSlug, slugify } from '../content/slugs';
import type { Scrape } from './parse-scrape';

export interface ImportOptions {
  section?: string;
  kicker?: string;
  author?: string;
  role?: string;
  published?: string;
}

export interface PlannedFile {
  /** Relative to the content folder. */
  path: string;
  content: string;
  state: 'new' | 'unchanged' | 'changed';
  /** The text there now, if there is a file. */
  existing?: string;
  /** Why writing over this changed file takes --force (an article or author; a headline file is merged). */
  conflict?: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  storiesAdded: number;
  storiesAlreadyListed: number;
  /** "More stories" entries left out because the story has an article file here. */
  storiesWithArticle: number;
  /** Titles of headline entries taken out of the headline file because this article replaces them. */
  replacedHeadlines: string[];
}

export const HEADLINE_FILE = 'headlines.yaml';
const SLUG_FORM = 'lowercase letters, digits and single hyphens';

export class ImportError extends Error {}

/** Markdown text: optional YAML frontmatter, then one paragraph per entry of `paragraphs`. */
export function markdownDocument(frontmatter: Record<string, unknown>, paragraphs: readonly string[]): string {
  const tree: Root = {
    type: 'root',
    children: [
      { type: 'yaml', value: stringify(frontmatter, { lineWidth: 0 }).trimEnd() },
      ...paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, value: text }] })),
    ],
  };
  return toMarkdown(tree, { extensions: [frontmatterToMarkdown(['yaml'])] });
}

/** The first sentence of the body, as the dek the scrape does not have. */
function firstSentence(paragraph: string): string {
  const match = /^.+?[.!?]["”’]?(?=\s+[A-Z“"]|$)/u.exec(paragraph);
  return (match?.[0] ?? paragraph).slice(0, 300);
}

const FLAG_OF: Record<string, string> = { section: '--section', kicker: '--kicker', published: '--published', authors: '--author' };

/** The headline file as an editable YAML list, comments kept; one that is not a list is refused, not rewritten. */
function headlineList(text: string | undefined): Document {
  if (text === undefined) {
    const doc = new Document([]);
    doc.commentBefore = " The headline index's extra entries: stories with no article file on this site.";
    return doc;
  }
  const unreadable = readHeadlineFile(text, HEADLINE_FILE).problems.find((problem) => problem.field === '(file)');
  if (unreadable) throw new ImportError(`${formatProblem(unreadable)} (left as it is: fix it, then import again)`);
  const doc: Document = parseDocument(text);
  if (!isSeq(doc.contents)) doc.contents = new YAMLSeq(); // nothing but comments (or `~`): an empty list
  return doc;
}

const joinComments = (...comments: (string | null | undefined)[]) => comments.filter(Boolean).join('\n');

/**
 * Takes `removed` out of the headline list, keeping the comments above them (a file's header sits on its
 * first entry): each passes to the next entry left, or to the end of the list (the top, if none is left).
 */
function removeEntries(doc: Document, removed: readonly unknown[]): void {
  const list = doc.contents as YAMLSeq;
  const orphaned: string[] = [];
  const kept: Node[] = [];
  for (const entry of list.items as Node[]) {
    if (!removed.includes(entry)) {
      if (orphaned.length > 0) entry.commentBefore = joinComments(...orphaned.splice(0), entry.commentBefore);
      kept.push(entry);
    } else if (entry.commentBefore) orphaned.push(entry.commentBefore);
  }
  list.items = kept;
  if (orphaned.length === 0) return;
  if (kept.length > 0) list.comment = joinComments(list.comment, ...orphaned);
  else doc.commentBefore = joinComments(doc.commentBefore, ...orphaned);
}

function titleOf(entry: unknown): string {
  return String((entry as { get?(key: string): unknown }).get?.('title') ?? '');
}

/**
 * What a Markdown file says: its fields and its body's tree, without positions. Files that say the same are
 * the same however they are written (YAML comments, quoting, key order, spacing); undefined if unreadable.
 */
function meaning(text: string): { fields: unknown; body: unknown[] } | undefined {
  const file = readMarkdown(text, '');
  if ('problem' in file) return undefined;
  return { fields: file.source.data, body: JSON.parse(JSON.stringify(fromMarkdown(file.body).children, (key, value) => (key === 'position' ? undefined : value))) };
}

/** `content` to write at `path`, against the text there now; a file that says the same is left as it is. */
function planFile(path: string, content: string, existing: string | undefined, conflict?: string): PlannedFile {
  if (existing === undefined) return { path, content, state: 'new' };
  const same = existing === content || (path.endsWith('.md') && isDeepStrictEqual(meaning(existing), meaning(content)));
  return same ? { path, content, existing, state: 'unchanged' } : { path, content, existing, state: 'changed', conflict };
}

export function planImport(
  scrape: Scrape,
  options: ImportOptions,
  read: (path: string) => string | undefined,
  list: (folder: string) => readonly string[] = () => [],
): ImportPlan {
  const files: PlannedFile[] = [];

  // The author, from the bio: "Peter has worked as a news and culture writer and editor at The Week…"
  const bioMatch = !scrape.bio ? null : /^(?<name>[\p{L}'’ -]+?) (?:has|is|was|writes|covers|joined|reports)\b.*?\bas an? (?<role>[^.,]+?) (?:at|for|with)\b/u.exec(scrape.bio);
  const name = bioMatch?.groups?.name ?? scrape.bio?.split(' ')[0];
  const authorId = options.author ?? (name ? slugify(name) : undefined);
  if (authorId === undefined) throw new ImportError('no author: the text has no bio to take one from — pass --author <id>');
  // Ids become file names: only a slug keeps the write inside its folder (no `..`, `/` or empty name).
  if (!isSlug(authorId)) {
    throw new ImportError(
      options.author !== undefined
        ? `--author "${authorId}" is not an id: it must be ${SLUG_FORM}, e.g. peter`
        : `the name "${name}" in the bio makes the author id "${authorId}", not ${SLUG_FORM} — pass --author <id>`,
    );
  }
  if (scrape.bio) {
    const role = options.role ?? bioMatch?.groups?.role;
    if (!role) throw new ImportError(`cannot tell ${name}'s role from the bio — pass --role "<role>"`);
    const frontmatter = { name, role: role[0].toUpperCase() + role.slice(1) };
    const path = `authors/${authorId}.md`;
    files.push(planFile(path, markdownDocument(frontmatter, [scrape.bio]), read(path), 'already exists with other content'));
  } else if (read(`authors/${authorId}.md`) === undefined) {
    throw new ImportError(`no author entry authors/${authorId}.md and no bio in the text to create it from`);
  }

  const missing = (['section', 'kicker', 'published'] as const).filter((flag) => !options[flag]);
  if (missing.length > 0) {
    throw new ImportError(`the text does not say its ${missing.join(', ')} — pass ${missing.map((flag) => `${FLAG_OF[flag]} …`).join(' ')}`);
  }
  const frontmatter = {
    title: scrape.title,
    dek: firstSentence(scrape.paragraphs[0]),
    kicker: options.kicker,
    section: options.section,
    authors: [authorId],
    published: options.published,
  };
  const checked = articleSchema(z.string()).safeParse(frontmatter);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => {
      const field = String(issue.path[0]);
      return `${field}${FLAG_OF[field] ? ` (${FLAG_OF[field]})` : ''}: ${issue.message}`;
    });
    throw new ImportError(`the article would not pass the content check: ${problems.join('; ')}`);
  }
  const slug = slugify(scrape.title);
  if (!slug) throw new ImportError(`the title "${scrape.title}" has no letters or digits to make the article's file name from`);
  if (!isSlug(slug)) throw new ImportError(`the title "${scrape.title}" makes the file name "${slug}", not ${SLUG_FORM}`);
  const article = markdownDocument(frontmatter, scrape.paragraphs);
  // The story may be here under another file name (renamed by an editor): the same headline, or the same
  // source text (its opening paragraph) under an edited one. That file is the one to update: never a second copy.
  const lede = meaning(article)!.body[0];
  const articles = list('articles')
    .filter((name) => name.endsWith('.md'))
    .map((name) => {
      const said = meaning(read(`articles/${name}`) ?? '');
      return { path: `articles/${name}`, id: slugify(String(Object(said?.fields).title ?? '')), lede: said?.body[0] };
    });
  const own = `articles/${slug}.md`;
  const path = read(own) !== undefined ? own : (articles.find((other) => other.id === slug || isDeepStrictEqual(other.lede, lede))?.path ?? own);
  files.push(planFile(path, article, read(path), `already has this story ("${scrape.title}")`));

  // A story is either an article file or a headline entry, never both (the content check refuses that):
  // this article replaces the entry another scrape listed it under...
  const doc = headlineList(read(HEADLINE_FILE));
  const index = doc.contents as YAMLSeq;
  const replaced = index.items.filter((entry) => slugify(titleOf(entry)) === slug);
  removeEntries(doc, replaced);
  // ...and its "more stories" are appended unless already listed (same headline, any punctuation) or articles.
  const listed = new Set(index.items.map((entry) => slugify(titleOf(entry))));
  let storiesWithArticle = 0;
  const added = scrape.stories.filter((story) => {
    const id = slugify(story.title);
    if (listed.has(id)) return false;
    if (id === slug || read(`articles/${id}.md`) !== undefined || articles.some((other) => other.id === id)) {
      storiesWithArticle++;
      return false;
    }
    listed.add(id);
    return true;
  });
  for (const story of added) index.add(doc.createNode({ kicker: story.kicker, title: story.title, dek: story.dek }));
  if (added.length > 0 || replaced.length > 0) files.push(planFile(HEADLINE_FILE, doc.toString({ lineWidth: 0 }), read(HEADLINE_FILE)));
  return {
    files,
    storiesAdded: added.length,
    storiesAlreadyListed: scrape.stories.length - added.length - storiesWithArticle,
    storiesWithArticle,
    replacedHeadlines: replaced.map(titleOf),
  };
}
