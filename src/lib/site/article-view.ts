/**
 * What pages, feeds, the sitemap and the headline index read of an article, derived once per build from its
 * entry (site-data.ts): its path, section name, last change, labelled notes and authors. Nothing downstream
 * derives these again.
 */
import type { CollectionEntry } from 'astro:content';
import { sectionName } from '../../config';
import { lastModified } from './article-meta';
import type { ArticleSummary } from './headlines';
import { articlePath } from '../util/urls';

export type Article = CollectionEntry<'articles'>;
export type Author = CollectionEntry<'authors'>;

/** An update or correction note, with the label readers see before it. */
export type Note = Article['data']['updates'][number] & { label: 'Update' | 'Correction' };

export interface ArticleView extends ArticleSummary {
  /** The article as written (body, pictures, sources, related ids…). */
  data: Article['data'];
  /** The section as readers see it ("World"). */
  sectionName: string;
  notes: Note[];
  /** The authors' entries, in byline order. */
  byline: Author[];
}

export function articleView({ id, data }: Article, authors: ReadonlyMap<string, Author>): ArticleView {
  const byline = data.authors.map((reference) => {
    const author = authors.get(reference.id);
    // The content check refuses an unknown author before the build starts; this guards a skipped check.
    if (!author) throw new Error(`articles/${id}: no author "${reference.id}" in authors/`);
    return author;
  });
  return {
    id,
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
    notes: data.updates.map((note) => ({ ...note, label: note.kind === 'correction' ? 'Correction' : 'Update' })),
    byline,
  };
}
