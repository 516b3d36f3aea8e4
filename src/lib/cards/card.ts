/**
 * How a social card looks, and the PNG of it: CARD_WIDTH × CARD_HEIGHT px in the site's light colours (read from src/styles/tokens.css, so they follow the site's): a band of
 * the accent colour, the kicker, the headline as large as fits, and under a double rule, as in the site's
 * header, the site's name. The site's own card has its name over the rule and its description under it.
 *
 * Every text is drawn as glyph outlines (SVG paths of the shipped fonts), never as SVG text: nothing a writer
 * types reaches the SVG, which holds only numbers, the tokens' colours and path data from the font files.
 * `sharp` (librsvg) rasterizes it.
 */
import sharp from 'sharp';
import tokensCss from '../../styles/tokens.css?raw';
import { CARD_HEIGHT, CARD_WIDTH, cardTexts, type CardContent, type CardRole } from './card-content';
import type { FontFile } from './faces';
import { layoutText, type Box, type PlacedGlyph, type TextStyle } from './text-layout';

const MARGIN = 80;
const INNER = CARD_WIDTH - 2 * MARGIN;

/** A colour of the light scheme, from `--name: light-dark(#light, #dark)` in tokens.css. */
function lightColour(name: string): string {
  const match = new RegExp(`--${name}:\\s*light-dark\\(\\s*(#[0-9a-f]{3,8})\\s*,`, 'i').exec(tokensCss);
  if (!match) throw new Error(`src/styles/tokens.css: --${name} is not light-dark(#hex, …), which social cards read`);
  return match[1];
}

const colours = {
  paper: lightColour('paper'),
  ink: lightColour('ink'),
  inkMuted: lightColour('ink-muted'),
  accent: lightColour('accent'),
  rule: lightColour('rule'),
};

const box = (y: number, height: number): Box => ({ x: MARGIN, y, width: INNER, height });

/**
 * Each text's look (sizes, leading and spacing as the site sets it: shared.css, ArticleHeader, BaseLayout,
 * scaled up), its box and colour.
 */
const looks: Record<CardRole, Omit<TextStyle, 'faces'> & { box: Box; fill: string }> = {
  kicker: { maxSize: 30, minSize: 16, lineHeight: 1.3, tracking: 0.06, balance: false, box: box(64, 40), fill: colours.accent },
  headline: { maxSize: 84, minSize: 40, lineHeight: 1.12, tracking: -0.015, balance: true, box: box(120, 360), fill: colours.ink },
  siteName: { maxSize: 40, minSize: 20, lineHeight: 1.2, tracking: -0.01, balance: false, box: box(540, 52), fill: colours.ink },
  name: { maxSize: 128, minSize: 48, lineHeight: 1.1, tracking: -0.01, balance: true, box: box(150, 180), fill: colours.ink },
  description: { maxSize: 52, minSize: 24, lineHeight: 1.3, tracking: 0, balance: true, box: box(382, 190), fill: colours.inkMuted },
};

/** Where the double rule goes: over the article card's site name, under the site card's. */
const ruleY: Record<CardContent['kind'], number> = { article: 516, site: 350 };

/** Plain shapes around the text: the paper, the accent band and the double rule. */
function frame(content: CardContent): string {
  const y = ruleY[content.kind];
  return [
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${colours.paper}"/>`,
    `<rect width="${CARD_WIDTH}" height="12" fill="${colours.accent}"/>`,
    `<rect x="${MARGIN}" y="${y}" width="${INNER}" height="2" fill="${colours.rule}"/>`,
    `<rect x="${MARGIN}" y="${y + 4}" width="${INNER}" height="2" fill="${colours.rule}"/>`,
  ].join('');
}

/** Each font file's glyph outlines, in font units, as SVG path data: drawn once per build, reused by every card. */
const outlines = new WeakMap<FontFile, { key: number; paths: Map<number, string> }>();
let fontsSeen = 0;

function outline(font: FontFile, glyph: PlacedGlyph['glyph']): { id: string; path: string } {
  let known = outlines.get(font);
  if (!known) outlines.set(font, (known = { key: fontsSeen++, paths: new Map() }));
  let path = known.paths.get(glyph.id);
  if (path === undefined) known.paths.set(glyph.id, (path = glyph.path.toSVG()));
  return { id: `g${known.key}-${glyph.id}`, path };
}

const number = (value: number, digits = 2) => String(Number(value.toFixed(digits)));

/** The card as SVG: shapes, then each glyph once in `<defs>` and placed by `<use>`. */
export function cardSvg(content: CardContent): string {
  const defs = new Map<string, string>();
  const groups = cardTexts(content).map(({ role, text, faces }) => {
    const { box: where, fill, ...style } = looks[role];
    const uses = layoutText(text, where, { ...style, faces }).glyphs.map(({ font, glyph, x, y, size }) => {
      const { id, path } = outline(font, glyph);
      if (path) defs.set(id, path);
      const scale = number(size / font.unitsPerEm, 6);
      return path ? `<use href="#${id}" transform="translate(${number(x)} ${number(y)}) scale(${scale} -${scale})"/>` : '';
    });
    return `<g fill="${fill}">${uses.join('')}</g>`;
  });
  const glyphs = [...defs].map(([id, path]) => `<path id="${id}" d="${path}"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}">${frame(content)}<defs>${glyphs}</defs>${groups.join('')}</svg>`;
}

/** The card as a PNG; zlib level 3 costs a fifth less time than the default 6 for a file a tenth larger. */
export function renderCard(content: CardContent): Promise<Buffer> {
  return sharp(Buffer.from(cardSvg(content))).png({ compressionLevel: 3 }).toBuffer();
}
