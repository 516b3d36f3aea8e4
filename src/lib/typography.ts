import { smartypantsu } from 'smartypants';

// SmartyPants reads `\` as an escape and `<…>` as a tag to skip; in plain text they are just characters, so
// they travel as Unicode noncharacters (which never occur in valid text, and are stripped below).
const BACKSLASH = '\uFDD0';
const LESS_THAN = '\uFDD1';
const shielded = (text: string) => text.replaceAll(BACKSLASH, '').replaceAll(LESS_THAN, '').replaceAll('\\', BACKSLASH).replaceAll('<', LESS_THAN);
const unshielded = (text: string) => text.replaceAll(BACKSLASH, '\\').replaceAll(LESS_THAN, '<');

/** Curly quotes and apostrophes only: one character for one, so text split across nodes can be mapped back. */
export function smartQuotes(text: string): string {
  return unshielded(smartypantsu(shielded(text), 'q'));
}

/** `--` as an em dash and `...` as an ellipsis. */
export function smartDashesAndEllipses(text: string): string {
  return unshielded(smartypantsu(shielded(text), 'de'));
}

/**
 * Curly quotes, apostrophes, dashes and ellipses for the plain-text fields (titles, deks, names), by the
 * same rules the Markdown pipeline applies to article bodies, so a page never mixes the two styles.
 */
export function smartPunctuation(text: string): string {
  return smartDashesAndEllipses(smartQuotes(text));
}

/**
 * Characters with no place in text: control characters other than tab and line breaks (boxes on
 * screen, invalid HTML, unreadable XML feeds, as are the noncharacters U+FFFE and U+FFFF), and the bidi
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which reverse or reorder what
 * follows them on the page, the site's own links beside the text included. The direction marks U+200E and
 * U+200F stay: they reorder nothing beyond their neighbours.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g, '');
}
