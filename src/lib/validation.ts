/**
 * Checks across files that a single file's schema cannot make: every author and related id must exist.
 * Each problem names the file and the field, so an editor can act on it.
 */

export interface ArticleReferences {
  id: string;
  file: string;
  authors: string[];
  related: string[];
}

export function findBrokenReferences(
  articles: ArticleReferences[],
  authorIds: ReadonlySet<string>,
  headlineIds: ReadonlySet<string>,
): string[] {
  return articles.flatMap((article) => [
    ...article.authors
      .filter((author) => !authorIds.has(author))
      .map((author) => `${article.file} authors — unknown author "${author}" — expected a file authors/${author}.md`),
    ...article.related
      .filter((id) => id === article.id)
      .map(() => `${article.file} related — an article cannot pin itself — expected another article's id`),
    ...article.related
      .filter((id) => id !== article.id && !headlineIds.has(id))
      .map((id) => `${article.file} related — unknown id "${id}" — expected an article file name or a headline id`),
  ]);
}
