/**
 * What pages, feeds, the sitemap and the headline index read of an article, derived once per build from its
 * entry (site-data.ts): its path, section name, last change, labelled notes and authors. Nothing downstream
 * derives these again.
 */
import type { CollectionEntry } from 'astro:content';
import { sectionName } from '../../config';
import { lastModified } from './article-meta';
import type { ArticleSummary } from './headlines';
import { ui } from '../util/messages';
import { articlePath } from '../util/urls';

export type Article = CollectionEntry<'articles'>;
export type Author = CollectionEntry<'authors'>;

/** An update or correction note, with the label readers see before it ("Update", "Correction"). */
export type Note = Article['data']['updates'][number] & { label: string };

export interface ArticleView extends ArticleSummary {
  /** The content layer's hash of the article file and of the code that rendered it: changes when either does. */
  digest: string;
  /** The article as written (body, pictures, sources, related ids…). */
  data: Article['data'];
  /** The section as readers see it ("World"). */
  sectionName: string;
  notes: Note[];
  /** The authors' entries, in byline order. */
  byline: Author[];
}

/**
 * Stands for an author id with no entry, which the content check reports (a build stops before this). In
 * `astro dev`, which keeps serving, the site data still loads and only what shows the author fails, so the
 * dev server lists the problem on that page instead.
 */
function unknownAuthor(articleId: string, authorId: string): Author {
  const problem = `articles/${articleId}: no author "${authorId}" in authors/`;
  return {
    id: authorId,
    collection: 'authors',
    get data(): never {
      throw new Error(problem);
    },
  };
}

export function articleView({ id, data, digest }: Article, authors: ReadonlyMap<string, Author>): ArticleView {
  const byline = data.authors.map((reference) => authors.get(reference.id) ?? unknownAuthor(id, reference.id));
  return {
    id,
    digest: String(digest),
    url: articlePath(id),
    kicker: data.kicker,
    title: data.title,
    dek: data.dek,
    published: data.published,
    updated: lastModified(data),
    section: data.section,
    tags: data.tags,
    authors: byline.map((author) => author.id),
    data,
    sectionName: sectionName(data.section),
    notes: data.updates.map((note) => ({ ...note, label: ui.noteLabels[note.kind] })),
    byline,
  };
}
