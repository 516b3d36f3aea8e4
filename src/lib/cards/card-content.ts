/**
 * What a social card shows — its texts, and the faces each is set in — and the digest of it, which names the
 * card's file and keys it in the incremental build. Site data reads this module alone; how a card looks
 * (card.ts) stays out of every page's code, so redrawing the cards renders no page again.
 */
import { createHash } from 'node:crypto';
import { facesDigest, oneLine, stacks, uncovered, type Face } from './faces';

/** The size of a card in px: what Facebook, LinkedIn and X show large. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export type CardContent =
  /** An article's card: its kicker, its headline and the site's name. */
  | { kind: 'article'; lang: string; kicker: string; headline: string; siteName: string }
  /** The site's card, for every other page: its name and description. */
  | { kind: 'site'; lang: string; name: string; description: string };

export type CardRole = 'kicker' | 'headline' | 'siteName' | 'name' | 'description';

/** The stack each text of a card is set in. */
const faces: Record<CardRole, readonly Face[]> = {
  kicker: stacks.sansBold,
  headline: stacks.serifBold,
  siteName: stacks.serifBold,
  name: stacks.serifBold,
  description: stacks.serif,
};

/**
 * Each text of a card as drawn (on one line, as the page shows it; kickers in capitals, as on the site), with
 * its role and stack. Whether every grapheme has a font is asked of this text, so a line break is no grapheme
 * without a glyph.
 */
export function cardTexts(content: CardContent): { role: CardRole; text: string; faces: readonly Face[] }[] {
  const texts: [CardRole, string][] =
    content.kind === 'article'
      ? [
          ['kicker', content.kicker.toLocaleUpperCase(content.lang)],
          ['headline', content.headline],
          ['siteName', content.siteName],
        ]
      : [
          ['name', content.name],
          ['description', content.description],
        ];
  return texts.map(([role, text]) => ({ role, text: oneLine(text), faces: faces[role] }));
}

/** The first grapheme of the card's texts that no shipped face can draw (a script without a font), if any. */
export function undrawable(content: CardContent): string | undefined {
  for (const { text, faces: stack } of cardTexts(content)) {
    const grapheme = uncovered(text, stack);
    if (grapheme) return grapheme;
  }
  return undefined;
}

/** Changes with anything the card shows and with the font files: 96 bits, as a file name. */
export function cardDigest(content: CardContent): string {
  return createHash('sha256').update(JSON.stringify([facesDigest, content])).digest('base64url').slice(0, 16);
}
