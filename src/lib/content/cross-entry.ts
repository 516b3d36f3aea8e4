/**
 * The rules between entries, which no single file can break alone: two files or headline entries with one URL
 * or id, an entry of `headlines.yaml` with the id of an article, and names an article gives (authors, related
 * stories) that must exist. The content check applies them all; `readHeadlineFile` (headlines-loader.ts)
 * drops a repeated headline by the same rule, so the loader never holds two entries with one id.
 */
import type { Problem } from './problems';
import type { RawHeadlineEntry } from './headlines-loader';
import type { MarkdownFile } from './markdown-file';
import { valueAt } from './schema-walk';

/**
 * Reports each id claimed a second time: the returned function takes an id, and what the problem of a second
 * claim is (given the first claim's holder); it gives that problem, or undefined for a first claim.
 */
function firstClaims<Holder>(): (id: string, holder: Holder, clash: (first: Holder) => Problem) => Problem | undefined {
  const held = new Map<string, Holder>();
  return (id, holder, clash) => {
    const first = held.get(id);
    if (first === undefined) held.set(id, holder);
    return first === undefined ? undefined : clash(first);
  };
}

/** For the files of one folder: a file whose name another has when case is ignored, which would share its URL. */
export function fileNameClashes(): (id: string, file: string) => Problem | undefined {
  const claim = firstClaims<string>();
  return (id, file) =>
    claim(id.toLowerCase(), file, (first) => ({ file, line: 1, field: '(file name)', wrong: `same URL as ${first} when case is ignored`, expected: 'a file name no other file has, whatever the case' }));
}

/** For the entries of a headline file: an entry whose headline (so its id) an earlier one has. */
export function headlineClashes(file: string): (id: string, line: number, titleLine: number) => Problem | undefined {
  const claim = firstClaims<number>();
  return (id, line, titleLine) =>
    claim(id, line, (first) => ({ file, line: titleLine, field: 'title', wrong: `same headline as the entry at line ${first}`, expected: 'each story listed once' }));
}

/** Headline entries with the id of an article: the entry is for stories with no article file here. */
export function articleIdClashes(entries: readonly RawHeadlineEntry[], articleIds: ReadonlySet<string>, file: string): Problem[] {
  return entries
    .filter((entry) => articleIds.has(entry.id))
    .map((entry) => ({ file, line: entry.source.lineOf(['title']), field: 'title', wrong: `its id "${entry.id}" is the file name of an article`, expected: 'a story with no article file here (remove the entry or the article)' }));
}

interface Reference {
  value: string;
  line: number;
}

/** What an article names that must exist elsewhere, with lines: kept for the end, when all ids are known. */
export interface References {
  id: string;
  file: string;
  authors: Reference[];
  related: Reference[];
}

export function referencesOf({ id, file, source }: MarkdownFile): References {
  const list = (field: string) => {
    const value = valueAt(source.data, [field]);
    return Array.isArray(value) ? value.map((item, index) => ({ value: String(item), line: source.lineOf([field, index]) })) : [];
  };
  return { id, file, authors: list('authors'), related: list('related') };
}

/** Authors and related stories named by articles must exist; an article cannot pin itself. */
export function referenceProblems(articles: readonly References[], authorIds: ReadonlySet<string>, storyIds: ReadonlySet<string>): Problem[] {
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
