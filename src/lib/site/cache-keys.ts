/**
 * The `cacheKey` of every page with `getStaticPaths()`: with `experimental.incrementalBuild`, Astro restores a
 * page from the last build when its key and its code (the page's module graph) are unchanged. A key therefore
 * covers everything the page shows that is not code: the entries it renders (their digests: frontmatter and
 * body, as the Markdown loader hashed them), the pictures they show (a picture's built URL carries a hash of
 * its bytes, and pictures are not in the digest), the stories it lists, and the site config, whose values may
 * come from the environment (`SITE_URL`, `BASE_PATH`, `NEWSLETTER_ACTION`) and so are not in the code.
 */
import { createHash } from 'node:crypto';
import type { Page } from 'astro';
import { site } from '../../config';
import type { ArticleView, Author, SiteHeadline, SocialCard } from './site-data';

function digestOf(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

const siteDigest = digestOf(site);

/** An author as bylines, bios and author pages show them: the entry and the avatar's built picture. */
function authorKey(author: Author): unknown {
  return [author.id, author.digest, author.data.avatar?.src];
}

/** A story as rails and listings show it. */
function storyKey(story: SiteHeadline): unknown {
  if (story.kind === 'extra') return story;
  return [story.id, story.digest, story.data.image?.src];
}

/**
 * No key in `astro dev`, which renders every request afresh anyway, and keeps serving content the check
 * refused: an article naming an unknown author must fail only where the author is shown (article-view.ts).
 */
export function articlePageKey(article: ArticleView, rail: readonly SiteHeadline[], card: SocialCard | undefined): string | undefined {
  if (import.meta.env.DEV) return undefined;
  return digestOf([
    siteDigest,
    article.id,
    article.digest,
    article.data.image?.src,
    article.data.renderedBody.pictures.map((picture) => picture.src),
    article.byline.map(authorKey),
    rail.map(storyKey),
    // Its own card or the site's: an article that drops out of the newest shares the site's from then on.
    card?.digest,
  ]);
}

/** A social card: its digest covers all it shows and the font files it is drawn with. */
export const cardKey = (card: SocialCard): string => card.digest;

/**
 * A page of a listing, as Astro's `paginate()` made it, with its key: its stories, where it sits among its
 * pages, and the author it belongs to, if any.
 */
export function withListingKey<Path extends { props: { page: Page<SiteHeadline>; author?: Author } }>(path: Path): Path & { cacheKey: string } {
  const { page, author } = path.props;
  const { data, ...position } = page;
  return { ...path, cacheKey: digestOf([siteDigest, position, data.map(storyKey), author && authorKey(author)]) };
}
