/**
 * The tags of a writer's raw HTML, read the way an HTML tokenizer reads them, and paired the way a parser's
 * stack of open elements pairs them: enough to tell which tags a Markdown block closes, before parsing it.
 */

/**
 * Elements whose content the tokenizer reads as text up to their end tag, whatever tags it holds; the same
 * nine that GFM's tagfilter extension (spec section 6.11) shows as text.
 */
export const RAW_TEXT = new Set(['title', 'textarea', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'script', 'plaintext']);

/** Elements that never have content or an end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Foreign elements, for which `<svg/>` is a whole element (an HTML `<div/>` is only a start tag). */
const FOREIGN = new Set(['svg', 'math']);

export interface HtmlTag {
  /** Which of the strings scanned holds the tag. */
  source: number;
  /** Where the tag's `<` stands in that string. */
  index: number;
  name: string;
  closing: boolean;
  /** A start tag that needs no end tag: a void element, or a foreign one written `<svg/>`. */
  whole: boolean;
}

// Where a comment or a tag may start; then the rest of a tag, whose attribute values may hold `>` in quotes.
const OPENING = /<!--|<(\/?)([a-z][^\s/>]*)/gi;
const COMMENT_END = /-->/g;
const TAG_END = /(?:[^>"']|"[^"]*"|'[^']*')*>/y;

/**
 * The tags of `sources`, raw HTML strings read as one stream in order (the raw HTML of one Markdown block,
 * whose text in between is not HTML). The content of a raw-text element is skipped up to its end tag; one
 * with no end tag anywhere after it is read on, as it will not be an element. As in a tokenizer, a comment
 * or tag left unfinished takes the rest of its string: no tag follows it there. So the reading is linear,
 * whatever a writer types.
 */
export function htmlTags(sources: readonly string[]): HtmlTag[] {
  const tags: HtmlTag[] = [];
  const unended = new Set<string>(); // raw-text elements with no end tag from some point on
  let source = 0;
  let from = 0;
  while (source < sources.length) {
    const text = sources[source];
    OPENING.lastIndex = from;
    const opening = OPENING.exec(text);
    const [end, tagName, slash] = opening ? [finish(text, opening), opening[2], opening[1]] : [-1];
    if (!opening || end < 0) {
      source += 1;
      from = 0;
      continue;
    }
    from = end;
    if (!tagName) continue; // a comment, whose tags are no tags
    const name = tagName.toLowerCase();
    const closing = slash === '/';
    const whole = !closing && (VOID.has(name) || (FOREIGN.has(name) && text[end - 2] === '/'));
    tags.push({ source, index: opening.index, name, closing, whole });
    if (closing || !RAW_TEXT.has(name) || unended.has(name)) continue;
    const endTag = endTagAfter(sources, name, source, from);
    if (endTag) ({ source, from } = endTag);
    else unended.add(name);
  }
  return tags;
}

/** Where the comment or tag begun by `opening` ends in `text`, or -1 if it never does. */
function finish(text: string, opening: RegExpExecArray): number {
  const rest = opening.index + opening[0].length;
  const pattern = opening[2] ? TAG_END : COMMENT_END;
  pattern.lastIndex = rest;
  return pattern.exec(text) ? pattern.lastIndex : -1;
}

/** Where the end tag of raw-text element `name` stands, from `from` in `sources[source]` on. */
function endTagAfter(sources: readonly string[], name: string, source: number, from: number): { source: number; from: number } | undefined {
  const endTag = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'gi');
  for (let index = source; index < sources.length; index++) {
    endTag.lastIndex = index === source ? from : 0;
    const found = endTag.exec(sources[index]);
    if (found) return { source: index, from: found.index };
  }
  return undefined;
}

/**
 * Each start tag's end tag and each end tag's start tag, matched as a parser's stack of open elements matches
 * them: an end tag closes the latest open element of its name and every element opened inside it, which are
 * left without a partner. Tags missing from the map have none.
 */
export function pairTags(tags: readonly HtmlTag[]): Map<HtmlTag, HtmlTag> {
  const partners = new Map<HtmlTag, HtmlTag>();
  const open: HtmlTag[] = [];
  // Where the open elements of each name stand in `open`, so no end tag searches it: linear in the tags.
  const openByName = new Map<string, number[]>();
  for (const tag of tags) {
    const named = openByName.get(tag.name) ?? openByName.set(tag.name, []).get(tag.name)!;
    if (!tag.closing) {
      if (!tag.whole) named.push(open.push(tag) - 1);
      continue;
    }
    const index = named.at(-1);
    if (index === undefined) continue;
    partners.set(open[index], tag).set(tag, open[index]);
    for (const closed of open.splice(index)) openByName.get(closed.name)!.pop();
  }
  return partners;
}
