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

// A comment (whose tags are no tags), or a tag: attribute values may hold `>` inside quotes.
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-z][^\s/>]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;

/**
 * The tags of `sources`, raw HTML strings read as one stream in order (the raw HTML of one Markdown block,
 * whose text in between is not HTML). The content of a raw-text element is skipped up to its end tag; one
 * with no end tag anywhere after it is read on, as it will not be an element.
 */
export function htmlTags(sources: readonly string[]): HtmlTag[] {
  const tags: HtmlTag[] = [];
  let source = 0;
  let from = 0;
  while (source < sources.length) {
    TOKEN.lastIndex = from;
    const match = TOKEN.exec(sources[source]);
    if (!match) {
      source += 1;
      from = 0;
      continue;
    }
    from = TOKEN.lastIndex;
    const [, slash, tagName, attributes] = match;
    if (!tagName) continue;
    const name = tagName.toLowerCase();
    const closing = slash === '/';
    const whole = !closing && (VOID.has(name) || (FOREIGN.has(name) && /\/\s*$/.test(attributes)));
    tags.push({ source, index: match.index, name, closing, whole });
    if (!closing && RAW_TEXT.has(name)) ({ source, from } = endTagAfter(sources, name, source, from) ?? { source, from });
  }
  return tags;
}

/** Where the end tag of raw-text element `name` stands, from `from` in `sources[source]` on. */
function endTagAfter(sources: readonly string[], name: string, source: number, from: number): { source: number; from: number } | undefined {
  const endTag = new RegExp(`</${name}(?=[\\t\\n\\f\\r />])`, 'i');
  for (let index = source; index < sources.length; index++) {
    const start = index === source ? from : 0;
    const found = sources[index].slice(start).search(endTag);
    if (found >= 0) return { source: index, from: start + found };
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
  for (const tag of tags) {
    if (!tag.closing) {
      if (!tag.whole) open.push(tag);
      continue;
    }
    const index = open.findLastIndex((start) => start.name === tag.name);
    if (index < 0) continue;
    partners.set(open[index], tag).set(tag, open[index]);
    open.length = index;
  }
  return partners;
}
