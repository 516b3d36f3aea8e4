/**
 * Sets one block of text (a kicker, a headline, a name) in a box, as a browser would, but with the fonts the
 * project ships: each grapheme in the first face of the stack that has its glyphs, shaped by fontkit
 * (ligatures, kerning, Arabic joining), lines broken where Unicode allows (UAX #14, so between ideographs
 * too), ordered by the Unicode bidirectional algorithm, so right-to-left text reads right to left and its
 * lines start at the right. The largest size at which the text fits the box wins: long text wraps, then
 * shrinks. A word wider than the box at the style's smallest size may break anywhere, as with CSS's
 * `overflow-wrap: anywhere`, so that any text fits.
 */
import bidiFactory from 'bidi-js';
import type { Glyph } from 'fontkit';
import LineBreaker from 'linebreak';
import { covers, graphemesOf, oneLine, type Face, type FontFile } from './faces';

const bidi = bidiFactory();

export interface TextStyle {
  /** The faces to set the text in, in order of preference. */
  faces: readonly Face[];
  /** Size in px when the text fits at it; smaller sizes are tried in steps of 1 px. */
  maxSize: number;
  /** A word wider than the box at this size may break anywhere. */
  minSize: number;
  /** Line height, times the size. */
  lineHeight: number;
  /** Letter-spacing in em, as CSS's (never in a joined script). */
  tracking: number;
  /** Lines of equal length rather than a full first line and a short last one (CSS's `text-wrap: balance`). */
  balance: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A glyph at its place on the card: its baseline origin and size in px. */
export interface PlacedGlyph {
  font: FontFile;
  glyph: Glyph;
  x: number;
  y: number;
  size: number;
}

export interface TextLayout {
  /** The size the text is set in, in px. */
  size: number;
  lines: number;
  /** The paragraph's direction: the side lines start at. */
  direction: 'ltr' | 'rtl';
  glyphs: PlacedGlyph[];
}

/** Text with a grapheme none of the faces can draw (a script the project ships no font for). */
export class UncoveredText extends Error {
  constructor(readonly grapheme: string) {
    super(`no font for "${grapheme}" (U+${[...grapheme].map((char) => char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')).join(' U+')})`);
  }
}

/** Glyphs of one font at one bidi level, shaped together; widths in em. */
interface Run {
  font: FontFile;
  level: number;
  glyphs: Glyph[];
  /** Where each glyph goes from the pen, and how far the pen moves after it. */
  offsets: { x: number; y: number; advance: number }[];
  width: number;
  /** Whitespace: ends a line without being drawn. */
  space: boolean;
}

/** What lies between two places a line may break: a word and the spaces after it. */
interface Piece {
  content: Run[];
  spaces: Run[];
  /** Width of the content, in em. */
  width: number;
  /** Width of the trailing spaces, in em. */
  spaceWidth: number;
}

type FontChoice = { start: number; end: number; font: FontFile; face: Face };

/** Which font of the stack draws each grapheme: the one before it where it can, for unbroken runs. */
function fontsFor(text: string, faces: readonly Face[]): FontChoice[] {
  const candidates = faces.flatMap((face) => face.fonts.map((font) => ({ font, face })));
  const chosen: FontChoice[] = [];
  for (const { segment, index } of graphemesOf(text)) {
    const previous = chosen.at(-1);
    const pick = previous && covers(previous.font, segment) ? previous : candidates.find(({ font }) => covers(font, segment));
    if (!pick) throw new UncoveredText(segment);
    chosen.push({ start: index, end: index + segment.length, font: pick.font, face: pick.face });
  }
  return chosen;
}

const isSpace = (text: string, index: number) => /\s/u.test(text[index]);

/** Shapes graphemes of `text` (mirrored where right-to-left) into runs of one font, bidi level and kind each. */
function shapeRuns(text: string, levels: Uint8Array, graphemesOfPiece: FontChoice[], tracking: number): Run[] {
  const runs: Run[] = [];
  for (let start = 0; start < graphemesOfPiece.length; ) {
    const { font, face, start: first } = graphemesOfPiece[start];
    const level = levels[first];
    const space = isSpace(text, first);
    let end = start + 1;
    while (end < graphemesOfPiece.length) {
      const next = graphemesOfPiece[end];
      if (next.font !== font || levels[next.start] !== level || isSpace(text, next.start) !== space) break;
      end++;
    }
    const shaped = font.layout(text.slice(first, graphemesOfPiece[end - 1].end), undefined, undefined, undefined, level % 2 ? 'rtl' : 'ltr');
    const em = font.unitsPerEm;
    const spacing = face.cursive ? 0 : tracking;
    const offsets = shaped.positions.map((position) => ({ x: position.xOffset / em, y: position.yOffset / em, advance: position.xAdvance / em + spacing }));
    runs.push({ font, level, glyphs: shaped.glyphs, offsets, width: offsets.reduce((sum, { advance }) => sum + advance, 0), space });
    start = end;
  }
  return runs;
}

const widthOf = (runs: Run[]) => runs.reduce((sum, run) => sum + run.width, 0);

function piece(runs: Run[]): Piece {
  const contentEnd = runs.findLastIndex((run) => !run.space) + 1;
  const content = runs.slice(0, contentEnd);
  const spaces = runs.slice(contentEnd);
  return { content, spaces, width: widthOf(content), spaceWidth: widthOf(spaces) };
}

/** Where lines may break in `text` (before the character at each position), as Unicode's UAX #14 says. */
function lineBreaks(text: string): number[] {
  const breaker = new LineBreaker(text);
  const positions: number[] = [];
  for (let next = breaker.nextBreak(); next; next = breaker.nextBreak()) positions.push(next.position);
  return positions;
}

interface Shaped {
  pieces: Piece[];
  direction: 'ltr' | 'rtl';
}

/**
 * The text cut where lines may break, each piece shaped. A word wider than `widest` em (the box at the
 * smallest size) is cut between every two graphemes instead, as CSS's `overflow-wrap: anywhere` does.
 */
function shapePieces(text: string, style: TextStyle, widest: number): Shaped {
  const embedding = bidi.getEmbeddingLevels(text);
  // Brackets and the like face the other way in right-to-left text. Indexes count UTF-16 code units.
  const units = text.split('');
  for (const [index, char] of bidi.getMirroredCharactersMap(text, embedding.levels)) units[index] = char;
  const shapingText = units.join('');
  const shape = (graphemes: FontChoice[]) => piece(shapeRuns(shapingText, embedding.levels, graphemes, style.tracking));
  const fonts = fontsFor(text, style.faces);
  const pieces: Piece[] = [];
  let next = 0;
  for (const end of [...lineBreaks(text), text.length]) {
    const from = next;
    while (next < fonts.length && fonts[next].start < end) next++;
    if (next === from) continue;
    const word = shape(fonts.slice(from, next));
    pieces.push(...(word.width > widest ? fonts.slice(from, next).map((grapheme) => shape([grapheme])) : [word]));
  }
  return { pieces, direction: (embedding.paragraphs[0]?.level ?? 0) % 2 ? 'rtl' : 'ltr' };
}

/** Fills lines of `width` em, one piece after another; null where a piece alone is wider. */
function breakLines(pieces: Piece[], width: number): Piece[][] | null {
  const lines: Piece[][] = [];
  let used = 0;
  for (const item of pieces) {
    if (item.width > width) return null;
    const line = lines.at(-1);
    const gap = line?.at(-1)?.spaceWidth ?? 0;
    if (line && used + gap + item.width <= width) {
      line.push(item);
      used += gap + item.width;
    } else {
      lines.push([item]);
      used = item.width;
    }
  }
  return lines;
}

/** The narrowest width that keeps the same number of lines, so that their lengths even out. */
function balanced(pieces: Piece[], width: number, count: number): Piece[][] {
  let low = Math.max(...pieces.map((item) => item.width));
  let high = width;
  for (let step = 0; step < 12; step++) {
    const middle = (low + high) / 2;
    if ((breakLines(pieces, middle)?.length ?? Infinity) <= count) high = middle;
    else low = middle;
  }
  return breakLines(pieces, high)!;
}

/** Unicode's rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above. */
function visualOrder(runs: Run[]): Run[] {
  const ordered = [...runs];
  const levels = runs.map((run) => run.level);
  const lowestOdd = Math.min(...levels.map((level) => (level % 2 ? level : level + 1)));
  for (let level = Math.max(...levels); level >= lowestOdd; level--) {
    for (let start = 0; start < ordered.length; start++) {
      if (ordered[start].level < level) continue;
      let end = start;
      while (end + 1 < ordered.length && ordered[end + 1].level >= level) end++;
      ordered.splice(start, end - start + 1, ...ordered.slice(start, end + 1).reverse());
      start = end;
    }
  }
  return ordered;
}

function place(lines: Piece[][], size: number, box: Box, style: TextStyle, direction: 'ltr' | 'rtl'): PlacedGlyph[] {
  const primary = style.faces[0].fonts[0];
  const ascent = primary.ascent / primary.unitsPerEm;
  const descent = -primary.descent / primary.unitsPerEm;
  const lineHeight = size * style.lineHeight;
  // As CSS does: the line's leading split above and below the font's ascent and descent.
  const baseline = box.y + (lineHeight - (ascent + descent) * size) / 2 + ascent * size;
  const placed: PlacedGlyph[] = [];
  lines.forEach((line, index) => {
    // The spaces that end a line are neither drawn nor given room (rule L1 puts them at the line's end).
    const runs = line.flatMap((item, at) => (at === line.length - 1 ? item.content : [...item.content, ...item.spaces]));
    const width = widthOf(runs) * size;
    let x = direction === 'rtl' ? box.x + box.width - width : box.x;
    const y = baseline + index * lineHeight;
    for (const run of visualOrder(runs)) {
      run.glyphs.forEach((glyph, at) => {
        const { x: dx, y: dy, advance } = run.offsets[at];
        if (!run.space) placed.push({ font: run.font, glyph, x: x + dx * size, y: y - dy * size, size });
        x += advance * size;
      });
    }
  });
  return placed;
}

/**
 * Sets `text` in `box`: the largest size (≤ `maxSize`) at which its lines fit the box's width and height.
 * Throws `UncoveredText` when a grapheme has no font in the stack.
 */
export function layoutText(text: string, box: Box, style: TextStyle): TextLayout {
  const { pieces, direction } = shapePieces(oneLine(text), style, box.width / style.minSize);
  for (let size = style.maxSize; size >= 1; size--) {
    const lines = breakLines(pieces, box.width / size);
    if (!lines || lines.length * size * style.lineHeight > box.height) continue;
    const final = style.balance && lines.length > 1 ? balanced(pieces, box.width / size, lines.length) : lines;
    return { size, lines: final.length, direction, glyphs: place(final, size, box, style, direction) };
  }
  throw new Error(`"${oneLine(text)}" does not fit a box of ${box.width}×${box.height} px at any size`);
}
