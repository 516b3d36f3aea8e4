/**
 * Which picture each page shares on social sites, decided once per build (site-data.ts): an article with a
 * lead picture shares that picture (its page makes the JPEG); the newest articles without one share a card of
 * their own (kicker, headline, site name: src/lib/cards/); every other page, older articles included, shares
 * the site's card (name and description). A card's file is named by its digest, so a corrected headline gets
 * a new address, which social sites fetch afresh instead of showing the one they cached.
 */
import type { SiteConfig } from '../../config';
import { CARD_HEIGHT, CARD_WIDTH, cardDigest, undrawable, type CardContent } from '../cards/card-content';
import { absoluteUrl, withBase } from '../util/urls';
import type { ArticleView } from './article-view';

export interface SocialCard {
  content: CardContent;
  digest: string;
  /** Base-aware path of the PNG. */
  path: string;
  /** What the card says, as `og:image:alt`. */
  alt: string;
}

export interface SocialCards {
  /** The card each article without a lead picture shares: its own, or the site's. */
  byArticle: Map<string, SocialCard>;
  /** Every card to draw, once each: the site's and the articles'. */
  all: SocialCard[];
}

/** The base-aware path of a card's PNG. */
const cardPath = (digest: string) => withBase(`/cards/${digest}.png`);

/** A card as the layout's `image` takes it: its absolute address, its text and its size. */
export const socialCardImage = (card: SocialCard, siteUrl: string) => ({ url: absoluteUrl(card.path, siteUrl), alt: card.alt, width: CARD_WIDTH, height: CARD_HEIGHT });

function socialCard(content: CardContent, alt: string): SocialCard {
  const digest = cardDigest(content);
  return { content, digest, path: cardPath(digest), alt };
}

const siteCards = new WeakMap<SiteConfig, SocialCard>();

/** The site's card (its name and description), made once per config; the build stops if it cannot be drawn. */
export function siteSocialCard(config: SiteConfig): SocialCard {
  let card = siteCards.get(config);
  if (card) return card;
  card = socialCard({ kind: 'site', lang: config.lang, name: config.name, description: config.description }, `${config.name}: ${config.description}`);
  const missing = undrawable(card.content);
  if (missing) throw new Error(`src/config.ts: the site's name or description has "${missing}", which no font of the social cards draws (src/lib/cards/faces.ts)`);
  siteCards.set(config, card);
  return card;
}

/**
 * The cards of the site's articles (newest first). The `socialCards` newest without a lead picture get their
 * own, unless their text is in a script no shipped font draws: those share the site's card rather than one
 * with empty boxes for letters.
 */
export function buildSocialCards(articles: readonly ArticleView[], config: SiteConfig): SocialCards {
  const site = siteSocialCard(config);
  const byArticle = new Map<string, SocialCard>();
  const all = new Map([[site.digest, site]]);
  let own = 0;
  for (const article of articles) {
    if (article.data.image) continue;
    const content: CardContent = { kind: 'article', lang: config.lang, kicker: article.kicker, headline: article.title, siteName: config.name };
    const drawn = own < config.socialCards && !undrawable(content);
    const card = drawn ? socialCard(content, `${article.kicker}: ${article.title} — ${config.name}`) : site;
    if (drawn) own++;
    byArticle.set(article.id, card);
    all.set(card.digest, card);
  }
  return { byArticle, all: [...all.values()] };
}
