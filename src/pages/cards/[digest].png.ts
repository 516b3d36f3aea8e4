import type { APIRoute, GetStaticPaths } from 'astro';
import { renderCard } from '../../lib/cards/card';
import type { CardContent } from '../../lib/cards/card-content';
import { cardKey } from '../../lib/site/cache-keys';
import { getSiteData } from '../../lib/site/site-data';

/**
 * The social cards, one PNG per digest. Keyed by it, a card is restored from the last build unless what it
 * shows, its fonts or the code that draws it changed: a warm build draws only new and changed cards.
 */
export const getStaticPaths = (async () => {
  const { socialCards } = await getSiteData();
  return socialCards.all.map((card) => ({ params: { digest: card.digest }, props: { content: card.content }, cacheKey: cardKey(card) }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ content: CardContent }> = async ({ props }) =>
  new Response(new Uint8Array(await renderCard(props.content)), { headers: { 'Content-Type': 'image/png' } });
