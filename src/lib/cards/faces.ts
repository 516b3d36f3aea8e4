/**
 * The faces cards are drawn with, shipped as npm packages (fontsource), so a build never fetches a font and
 * never reads one from the system: the same card comes out on every machine. Charis SIL is SIL's libre
 * descendant of Bitstream Charter, the site's `--font-text`; Inter stands in for the system sans of
 * `--font-ui`; Noto Naskh Arabic draws Arabic. A fontsource package ships each weight as one file per
 * Unicode subset (latin, cyrillic, …): a face is the files of one weight, tried in order.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** What layout needs of a font file: fontkit's `Font`, narrowed so that tests can stand in fonts of their own. */
export type FontFile = Pick<fontkit.Font, 'unitsPerEm' | 'ascent' | 'descent' | 'hasGlyphForCodePoint' | 'layout'>;

export interface Face {
  /** One weight's files, one per Unicode subset, tried in order; parsed on first use. */
  readonly fonts: readonly FontFile[];
  /** A joined script (Arabic): letter-spacing would break the joins, so it gets none. */
  cursive: boolean;
}

const require = createRequire(import.meta.url);
const bytesRead: Buffer[] = [];

/** One weight of a fontsource package, the `subsets` named or all it has, Latin first. */
function fontsourceFace(pkg: string, weight: number, { subsets, cursive = false }: { subsets?: string[]; cursive?: boolean } = {}): Face {
  const metadata: { id: string; subsets: string[]; defSubset: string } = require(`${pkg}/metadata.json`);
  const wanted = subsets ?? [metadata.defSubset, ...metadata.subsets.filter((subset) => subset !== metadata.defSubset)];
  const files = wanted.map((subset) => readFileSync(require.resolve(`${pkg}/files/${metadata.id}-${subset}-${weight}-normal.woff`)));
  bytesRead.push(...files);
  let fonts: FontFile[] | undefined;
  return {
    get fonts() {
      return (fonts ??= files.map((bytes) => fontkit.create(bytes) as fontkit.Font));
    },
    cursive,
  };
}

const arabic = { subsets: ['arabic'], cursive: true };
const charis = fontsourceFace('@fontsource/charis-sil', 400);
const charisBold = fontsourceFace('@fontsource/charis-sil', 700);
const inter = fontsourceFace('@fontsource/inter', 400);
const interBold = fontsourceFace('@fontsource/inter', 700);
const naskh = fontsourceFace('@fontsource/noto-naskh-arabic', 400, arabic);
const naskhBold = fontsourceFace('@fontsource/noto-naskh-arabic', 700, arabic);

/** The stacks cards set text in: a grapheme takes the first face that has all its glyphs. */
export const stacks = {
  /** Headlines and the site's name, as `--font-text` bold; Inter covers Greek, which Charis SIL's package lacks. */
  serifBold: [charisBold, naskhBold, interBold],
  /** The site's description. */
  serif: [charis, naskh, inter],
  /** Kickers, as `--font-ui` bold. */
  sansBold: [interBold, naskhBold],
} satisfies Record<string, Face[]>;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const IGNORABLE = /^\p{Default_Ignorable_Code_Point}$/u;

/** The graphemes of `text`, each with its offset. */
export const graphemesOf = (text: string) => graphemes.segment(text);

/** Whether `font` has every glyph `grapheme` needs (invisible format characters need none: fontkit hides them). */
export function covers(font: FontFile, grapheme: string): boolean {
  return [...grapheme].every((char) => IGNORABLE.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0)!));
}

/** The first grapheme of `text` that no font of the stack has the glyphs for, if any. */
export function uncovered(text: string, faces: readonly Face[]): string | undefined {
  const fonts = faces.flatMap((face) => face.fonts);
  for (const { segment } of graphemesOf(text)) if (!fonts.some((font) => covers(font, segment))) return segment;
  return undefined;
}

/** A digest of every font file above: a card drawn with other fonts is another card. */
export const facesDigest = createHash('sha256')
  .update(Buffer.concat(bytesRead))
  .digest('base64url');

/**
 * Collapses white space as HTML does (not the no-break space), and the line and paragraph separators a YAML
 * escape can write: a card's text is one paragraph, and a break is no grapheme a font must draw.
 */
export const oneLine = (text: string) => text.replace(/[\t\n\f\r \u2028\u2029]+/g, ' ').trim();
