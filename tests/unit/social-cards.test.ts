/**
 * Social cards: text set in a box with the shipped fonts (wrapping, then shrinking; right to left; between
 * ideographs), the PNG, the SVG a hostile headline makes, the digest, and which page shares which card.
 */
import type { Glyph, GlyphRun } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { site, type SiteConfig } from '../../src/config';
import { cardSvg, renderCard } from '../../src/lib/cards/card';
import { CARD_HEIGHT, CARD_WIDTH, cardDigest, cardTexts, undrawable, type CardContent } from '../../src/lib/cards/card-content';
import { stacks, type Face, type FontFile } from '../../src/lib/cards/faces';
import { layoutText, UncoveredText, type Box, type TextLayout, type TextStyle } from '../../src/lib/cards/text-layout';
import type { ArticleView } from '../../src/lib/site/article-view';
import { buildSocialCards, siteSocialCard } from '../../src/lib/site/social-cards';
import { CONTROL_CHARACTERS, LONG_WORD, vectors } from '../support/hostile-content';

const box: Box = { x: 80, y: 120, width: 1040, height: 360 };
const headline: TextStyle = { faces: stacks.serifBold, maxSize: 84, minSize: 40, lineHeight: 1.12, tracking: -0.015, balance: true };

/** The glyphs' ink, in px: the left and right edges of their outlines as placed. */
function inkExtent({ glyphs }: TextLayout): { left: number; right: number; top: number; bottom: number } {
  const edges = glyphs.map(({ glyph, x, y, size, font }) => {
    const scale = size / font.unitsPerEm;
    const { minX, maxX, minY, maxY } = glyph.bbox;
    return { left: x + minX * scale, right: x + maxX * scale, top: y - maxY * scale, bottom: y - minY * scale };
  });
  return {
    left: Math.min(...edges.map((edge) => edge.left)),
    right: Math.max(...edges.map((edge) => edge.right)),
    top: Math.min(...edges.map((edge) => edge.top)),
    bottom: Math.max(...edges.map((edge) => edge.bottom)),
  };
}

/** The text's lines fit the box: no ink beyond its sides (a pixel of overshoot allowed), none off the card. */
function expectInBox(layout: TextLayout, where: Box = box) {
  const ink = inkExtent(layout);
  expect(ink.left).toBeGreaterThanOrEqual(where.x - 1);
  expect(ink.right).toBeLessThanOrEqual(where.x + where.width + 1);
  expect(layout.lines * layout.size * headline.lineHeight).toBeLessThanOrEqual(where.height);
  expect(ink.top).toBeGreaterThan(0);
  expect(ink.bottom).toBeLessThan(CARD_HEIGHT);
}

/** The x of the first glyph drawn for `char`. */
const xOf = (layout: TextLayout, char: string) => layout.glyphs.find(({ glyph }) => glyph.codePoints.includes(char.codePointAt(0)!))!.x;

describe('text layout', () => {
  it('sets a short headline at the largest size, on one line', () => {
    const layout = layoutText('Putin speaks', box, headline);
    expect(layout).toMatchObject({ size: 84, lines: 1, direction: 'ltr' });
    expectInBox(layout);
  });

  it('wraps a longer headline first, keeping the largest size while the lines fit', () => {
    const layout = layoutText('Russia’s Putin says he still isn’t ready to acknowledge Trump’s loss', box, headline);
    expect(layout.size).toBe(84);
    expect(layout.lines).toBeGreaterThan(1);
    expectInBox(layout);
  });

  it('then shrinks a headline too long for the box at the largest size, until it fits', () => {
    const text = 'A very long headline that goes on about the state of the world, the economy, the election and everything else a newsroom might cram in';
    const layout = layoutText(text, box, headline);
    expect(layout.size).toBeLessThan(84);
    expect(layout.size).toBeGreaterThanOrEqual(headline.minSize);
    expect(layoutText(text, box, { ...headline, maxSize: layout.size + 1 }).size).toBe(layout.size); // one px more does not fit
    expectInBox(layout);
  });

  it('fits a word longer than any line by breaking it, and a text far beyond any headline by shrinking further', () => {
    const word = layoutText(LONG_WORD, box, headline);
    expect(word.lines).toBeGreaterThan(1);
    expectInBox(word);
    const huge = layoutText(`${'Words upon words, '.repeat(60)}${LONG_WORD}`, box, headline);
    expect(huge.size).toBeLessThan(headline.minSize);
    expectInBox(huge);
  });

  it('lays out Arabic right to left: lines start at the right, the first word rightmost, letters joined', () => {
    // Two words with no letter in common: كتب ("wrote") then دور ("role").
    const layout = layoutText('كتب دور', box, headline);
    expect(layout.direction).toBe('rtl');
    expect(xOf(layout, 'ك')).toBeGreaterThan(xOf(layout, 'د'));
    expect(inkExtent(layout).right).toBeCloseTo(box.x + box.width, -1);
    // Joined: the ك that starts a word is its initial form, not the glyph the letter has alone.
    const kaf = layout.glyphs.find(({ glyph }) => glyph.codePoints.includes(0x0643))!;
    expect(kaf.glyph.id).not.toBe(kaf.font.layout('ك').glyphs[0].id);
  });

  it('turns brackets around in right-to-left text, after any character', () => {
    // U+10EFD (an Arabic small low word mark) takes two UTF-16 units: the brackets after it still turn.
    const layout = layoutText('كتب\u{10EFD} (دور)', box, headline);
    expect(xOf(layout, ')')).toBeGreaterThan(xOf(layout, 'د'));
    expect(xOf(layout, '(')).toBeLessThan(xOf(layout, 'ر'));
  });

  it('keeps numbers and Latin in Arabic text left to right, and Arabic in Latin text right to left', () => {
    const arabic = layoutText('عام 1234 جديد', box, headline);
    expect(xOf(arabic, '1')).toBeLessThan(xOf(arabic, '4'));
    expect(xOf(arabic, 'ع')).toBeGreaterThan(xOf(arabic, '4'));
    expect(xOf(arabic, '1')).toBeGreaterThan(xOf(arabic, 'ج'));
    const latin = layoutText('Putin said كتب دور today', box, headline);
    expect(latin.direction).toBe('ltr');
    expect(xOf(latin, 'P')).toBeLessThan(xOf(latin, 'ك'));
    expect(xOf(latin, 'ك')).toBeGreaterThan(xOf(latin, 'د'));
    expect(xOf(latin, 'y')).toBeGreaterThan(xOf(latin, 'ك'));
    expect(inkExtent(latin).left).toBeCloseTo(box.x, -1);
  });

  it('breaks Chinese between ideographs, never before a closing full stop, in a face that has them', () => {
    const square: TextStyle = { ...headline, faces: [squareFace], balance: false };
    const tenSquares: Box = { ...box, width: 10 * square.maxSize };
    const lines = (text: string) => {
      const layout = layoutText(text, tenSquares, square);
      expectInBox(layout, tenSquares);
      return layout.glyphs.reduce<string[]>((all, { glyph, x }) => {
        if (x === tenSquares.x) all.push('');
        all[all.length - 1] += String.fromCodePoint(glyph.codePoints[0]);
        return all;
      }, []);
    };
    expect(lines('中'.repeat(25))).toEqual(['中'.repeat(10), '中'.repeat(10), '中'.repeat(5)]);
    // Ten squares fill the line, but the full stop may not start the next: its ideograph goes with it.
    expect(lines(`${'中'.repeat(10)}。文`)).toEqual(['中'.repeat(9), '中。文']);
  });

  it('refuses text in a script none of the shipped faces draws, naming the character', () => {
    expect(() => layoutText('上海 headline', box, headline)).toThrow(UncoveredText);
    expect(() => layoutText('上海 headline', box, headline)).toThrow('U+4E0A');
  });
});

/**
 * A stand-in CJK face: every ideograph a full-width square, as in real CJK fonts. The project ships no CJK
 * font (a newsroom writing in Chinese adds one to src/lib/cards/faces.ts); line breaking does not depend on it.
 */
const squareFont: FontFile = {
  unitsPerEm: 1000,
  ascent: 880,
  descent: -120,
  hasGlyphForCodePoint: (codePoint) => (codePoint >= 0x4e00 && codePoint <= 0x9fff) || codePoint === 0x3002,
  layout: (text: string) => {
    const codePoints = [...text].map((char) => char.codePointAt(0)!);
    const glyphs = codePoints.map((codePoint) => ({ id: codePoint, codePoints: [codePoint], advanceWidth: 1000, bbox: { minX: 50, maxX: 950, minY: -80, maxY: 820 }, path: { toSVG: () => 'M50 -80H950V820H50Z' } }));
    return { glyphs: glyphs as unknown as Glyph[], positions: glyphs.map(() => ({ xAdvance: 1000, yAdvance: 0, xOffset: 0, yOffset: 0 })) } as GlyphRun;
  },
};
const squareFace: Face = { fonts: [squareFont], cursive: false };

const article: CardContent = { kind: 'article', lang: 'en', kicker: 'Speed Read', headline: 'Russia’s Putin says he still isn’t ready to acknowledge Trump’s loss', siteName: 'Broadsheet' };

describe('card', () => {
  it('is a PNG of 1200×630', async () => {
    const png = await renderCard(article);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
    const site = await renderCard({ kind: 'site', lang: 'en', name: 'Broadsheet', description: 'News, briefly and clearly.' });
    expect([site.readUInt32BE(16), site.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('carries no text of a hostile headline or kicker: only shapes, glyph outlines and numbers', async () => {
    const payloads = [...vectors.map(({ payload }) => payload), '</svg><script>alert(1)</script>', '"><use href="https://example.org/x.svg#a"/>', ...CONTROL_CHARACTERS.map((char) => `A${char}B`)];
    let drawn = 0;
    for (const payload of payloads) {
      const content: CardContent = { ...article, kicker: payload.slice(0, 40), headline: payload.slice(0, 140) };
      if (undrawable(content)) continue; // such an article shares the site's card (tested below)
      const svg = cardSvg(content);
      drawn++;
      expect(new Set([...svg.matchAll(/<\/?([a-zA-Z]+)/g)].map(([, name]) => name))).toEqual(new Set(['svg', 'rect', 'defs', 'path', 'g', 'use']));
      // Between tags nothing; in attributes only numbers, path data, colours, glyph ids and the SVG namespace.
      expect(svg.replace(/<[^>]*>/g, '')).toBe('');
      for (const [, value] of svg.matchAll(/="([^"]*)"/g)) expect(value).toMatch(/^(?:[-\d. MLQCZHVhvz]*|#[0-9a-f]{6}|#g\d+-\d+|g\d+-\d+|translate\([-\d. ]+\) scale\([-\d. ]+\)|http:\/\/www\.w3\.org\/2000\/svg)$/i);
    }
    expect(drawn).toBeGreaterThan(payloads.length / 2);
    const png = await renderCard({ ...article, kicker: '"><svg onload=alert(1)>', headline: vectors[0].payload.slice(0, 140) });
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([CARD_WIDTH, CARD_HEIGHT]);
  });
});

describe('card digest', () => {
  it('changes with the headline, the kicker and the site name, and with nothing else', () => {
    const digest = cardDigest(article);
    expect(cardDigest({ ...article })).toBe(digest);
    expect(cardDigest({ ...article, headline: `${article.headline}!` })).not.toBe(digest);
    expect(cardDigest({ ...article, kicker: 'Instant Opinion' })).not.toBe(digest);
    expect(cardDigest({ ...article, siteName: 'Another Sheet' })).not.toBe(digest);
    expect(digest).toMatch(/^[\w-]{16}$/);
  });
});

describe('which card a page shares', () => {
  const view = (id: string, title: string, image?: object) => ({ id, kicker: 'Speed Read', title, data: { image } }) as unknown as ArticleView;
  const config: SiteConfig = { ...site, socialCards: 2 };
  const articles = [
    view('newest', 'The newest story'),
    view('pictured', 'A story with a lead picture', { src: {}, alt: 'A picture' }),
    view('chinese', '上海的新闻'),
    view('second', 'The second story'),
    view('third', 'The third story'),
  ];

  it('the newest articles without a picture their own; older ones, and text no font draws, the site’s', () => {
    const cards = buildSocialCards(articles, config);
    expect(cards.byArticle.has('pictured')).toBe(false);
    expect(cards.byArticle.get('newest')!.content).toMatchObject({ kind: 'article', headline: 'The newest story', kicker: 'Speed Read', siteName: site.name });
    expect(cards.byArticle.get('second')!.content).toMatchObject({ headline: 'The second story' });
    const siteCard = siteSocialCard(config);
    expect(cards.byArticle.get('third')).toBe(siteCard);
    expect(cards.byArticle.get('chinese')).toBe(siteCard);
    expect(siteCard.content).toEqual({ kind: 'site', lang: site.lang, name: site.name, description: site.description });
    expect(cards.all.map((card) => card.digest).sort()).toEqual([siteCard, cards.byArticle.get('newest')!, cards.byArticle.get('second')!].map((card) => card.digest).sort());
  });

  it('a headline with a line break or a tab (white space HTML collapses) or a line separator gets its own card, set on one line', () => {
    const cards = buildSocialCards([view('broken', 'A headline\nbroken\tin\u2028two')], config);
    expect(cards.byArticle.get('broken')).not.toBe(siteSocialCard(config));
    expect(cardTexts(cards.byArticle.get('broken')!.content).map(({ text }) => text)).toEqual(['SPEED READ', 'A headline broken in two', site.name]);
  });

  it('are PNGs named by their digest under the base path, described by what they say', () => {
    const card = buildSocialCards(articles, config).byArticle.get('newest')!;
    expect(card.path).toBe(`${import.meta.env.BASE_URL.replace(/\/$/, '')}/cards/${card.digest}.png`);
    expect(card.alt).toBe(`Speed Read: The newest story — ${site.name}`);
  });

  it('stop the build when the site’s own name cannot be drawn', () => {
    expect(() => buildSocialCards(articles, { ...site, name: '新闻' })).toThrow(/src\/config\.ts.*新/);
  });
});
