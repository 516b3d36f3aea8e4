import type { Author } from '../site/article-view';
import { absoluteUrl, authorPath } from '../util/urls';

/** An article's authors as feeds and JSON-LD name them: name and absolute page URL. */
export function authorCredits(byline: readonly Author[], site: string): { name: string; url: string }[] {
  return byline.map((author) => ({ name: author.data.name, url: absoluteUrl(authorPath(author.id), site) }));
}
