import type { Nodes, Parent, Root, Text } from 'mdast';
import type { CompileContext, Extension } from 'mdast-util-from-markdown';
import type { Processor } from 'unified';

/**
 * Characters a writer escaped (`\"`, `\-\-`) or spelled as a character reference (`&quot;`) mean themselves:
 * each run of them becomes a text node of its own, marked `literal`, which smart punctuation leaves as typed.
 *
 * The parser merges them into the text around them, so where they stood is noted while it reads them, and the
 * text split once the tree is built, before GFM's autolink transform splits text nodes its own way: so this
 * plugin goes before remark-gfm.
 */
export default function remarkLiteralText(this: Processor) {
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).push(literalText);
}

/** Where literal characters stand in a text node's value, as [start, end) pairs, until the node is split. */
const literalRanges = new WeakMap<Text, number[]>();

/** The text node being read: on top of the stack while a character reference is read, else the last child. */
function currentText(context: CompileContext): Text | undefined {
  const top = context.stack.at(-1) as Nodes;
  const node = top.type === 'text' ? top : (top as Parent).children.at(-1);
  return node?.type === 'text' ? node : undefined;
}

function literalStart(this: CompileContext) {
  const text = currentText(this);
  if (text) literalRanges.set(text, [...(literalRanges.get(text) ?? []), text.value.length]);
}

/** Ends the run begun, if any (a reference's `&` marker ends none: its value is still to come). */
function literalEnd(this: CompileContext) {
  const text = currentText(this);
  const ranges = text && literalRanges.get(text);
  if (ranges && ranges.length % 2 === 1) ranges.push(text.value.length);
}

const literalText: Extension = {
  // Handlers of tokens the parser has none for, so its own (which build the text) run as ever.
  enter: { characterEscapeValue: literalStart, characterReferenceValue: literalStart },
  exit: { characterEscape: literalEnd, characterReferenceMarker: literalEnd },
  transforms: [splitLiteralText],
};

function splitText(node: Text, ranges: number[]): Text[] {
  const pieces: Text[] = [];
  let from = 0;
  for (let index = 0; index < ranges.length; index += 2) {
    const [start, end] = [ranges[index], ranges[index + 1]];
    if (start > from) pieces.push({ type: 'text', value: node.value.slice(from, start) });
    const last = pieces.at(-1);
    // Adjacent runs (`\-\-`) make one node.
    if (last?.data?.literal && from === start) last.value += node.value.slice(start, end);
    else pieces.push({ type: 'text', value: node.value.slice(start, end), data: { literal: true } });
    from = end;
  }
  if (from < node.value.length) pieces.push({ type: 'text', value: node.value.slice(from) });
  return pieces;
}

function splitLiteralText(tree: Root): undefined {
  // Walked without recursion: this runs inside the parser, before the nesting limit is checked.
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('children' in node)) continue;
    if (node.children.some((child) => child.type === 'text' && literalRanges.has(child))) {
      (node as Parent).children = node.children.flatMap((child) => (child.type === 'text' && literalRanges.has(child) ? splitText(child, literalRanges.get(child)!) : [child]));
    }
    stack.push(...node.children);
  }
}

declare module 'mdast' {
  interface TextData {
    /** Typed as an escape or character reference: to be shown as typed, never "educated". */
    literal?: boolean;
  }
}
