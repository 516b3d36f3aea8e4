/**
 * Turns a parsed scrape into the files it becomes: `articles/<slug>.md`, `authors/<id>.md` and the new
 * entries of `headlines.yaml`. The Markdown is built as an mdast tree and stringified by remark's
 * serializer, so quotes, asterisks and brackets in the text are escaped and re-parse to the same text.
 * Pure apart from reading the files that exist already (`read`, undefined for a file that does not exist).
 */
import type { Root } from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { toMarkdown } from 'mdast-util-to-markdown';
import { Document, isSeq, parseDocument, stringify, YAMLSeq, type Node } from 'yaml';
import { z } from 'astro/zod';
import { readHeadlineFile } from '../headlines-loader';
import { formatProblem } from '../problems';
import { articleSchema } from '../schemas';
import { isSlug, slugify } from '../slugs';
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

function stateOf(path: string, content: string, read: (path: string) => string | undefined): PlannedFile {
  const existing = read(path);
  return { path, content, state: existing === undefined ? 'new' : existing === content ? 'unchanged' : 'changed' };
}

export function planImport(scrape: Scrape, options: ImportOptions, read: (path: string) => string | undefined): ImportPlan {
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
    files.push(stateOf(`authors/${authorId}.md`, markdownDocument(frontmatter, [scrape.bio]), read));
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
  files.push(stateOf(`articles/${slug}.md`, markdownDocument(frontmatter, scrape.paragraphs), read));

  // A story is either an article file or a headline entry, never both (the content check refuses that):
  // this article replaces the entry another scrape listed it under...
  const doc = headlineList(read(HEADLINE_FILE));
  const list = doc.contents as YAMLSeq;
  const replaced = list.items.filter((entry) => slugify(titleOf(entry)) === slug);
  removeEntries(doc, replaced);
  // ...and its "more stories" are appended unless already listed (same headline, any punctuation) or articles.
  const listed = new Set(list.items.map((entry) => slugify(titleOf(entry))));
  let storiesWithArticle = 0;
  const added = scrape.stories.filter((story) => {
    const id = slugify(story.title);
    if (listed.has(id)) return false;
    if (id === slug || read(`articles/${id}.md`) !== undefined) {
      storiesWithArticle++;
      return false;
    }
    listed.add(id);
    return true;
  });
  for (const story of added) list.add(doc.createNode({ kicker: story.kicker, title: story.title, dek: story.dek }));
  if (added.length > 0 || replaced.length > 0) files.push(stateOf(HEADLINE_FILE, doc.toString({ lineWidth: 0 }), read));
  return {
    files,
    storiesAdded: added.length,
    storiesAlreadyListed: scrape.stories.length - added.length - storiesWithArticle,
    storiesWithArticle,
    replacedHeadlines: replaced.map(titleOf),
  };
}
