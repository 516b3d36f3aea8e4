/**
 * Turns a parsed scrape into the files it becomes: `articles/<slug>.md`, `authors/<id>.md` and the new
 * entries of `headlines.yaml`. The Markdown is built as an mdast tree and stringified by remark's
 * serializer, so quotes, asterisks and brackets in the text are escaped and re-parse to the same text.
 * Pure apart from reading the files that exist already (`read`).
 */
import type { Root } from 'mdast';
import { frontmatterToMarkdown } from 'mdast-util-frontmatter';
import { toMarkdown } from 'mdast-util-to-markdown';
import { Document, isSeq, parseDocument, stringify, YAMLSeq } from 'yaml';
import { z } from 'astro/zod';
import { articleSchema } from '../schemas';
import { slugify } from '../slugs';
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
}

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
  if (!authorId) throw new ImportError('no author: the text has no bio to take one from — pass --author <id>');
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
  files.push(stateOf(`articles/${slug}.md`, markdownDocument(frontmatter, scrape.paragraphs), read));

  // More stories: appended to the headline file unless already listed (same headline, any punctuation).
  const existingText = read('headlines.yaml');
  const doc: Document = existingText === undefined ? new Document([]) : parseDocument(existingText);
  if (existingText === undefined) doc.commentBefore = " The headline index's extra entries: stories with no article file on this site.";
  if (!isSeq(doc.contents)) doc.contents = new YAMLSeq();
  const list = doc.contents as YAMLSeq;
  const listed = new Set(list.items.map((entry) => slugify(String((entry as { get?(key: string): unknown }).get?.('title') ?? ''))));
  const added = scrape.stories.filter((story) => {
    const id = slugify(story.title);
    if (listed.has(id) || id === slug) return false;
    listed.add(id);
    return true;
  });
  if (added.length > 0) {
    for (const story of added) list.add(doc.createNode({ kicker: story.kicker, title: story.title, dek: story.dek }));
    files.push(stateOf('headlines.yaml', doc.toString({ lineWidth: 0 }), read));
  }
  return { files, storiesAdded: added.length, storiesAlreadyListed: scrape.stories.length - added.length };
}
