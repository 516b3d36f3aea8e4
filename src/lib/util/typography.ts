import { smartypantsu } from 'smartypants';

// SmartyPants reads `\` as an escape, `<…>` as a tag to skip and `&…;` as an entity to decode (`&#8220;` typed
// as text came out `“`); in plain text they are just characters, so they travel as Unicode noncharacters
// (which never occur in valid text, and are stripped below).
const SHIELDS = [
  ['\\', '\uFDD0'],
  ['<', '\uFDD1'],
  ['&', '\uFDD2'],
] as const;
const shielded = (text: string) => SHIELDS.reduce((value, [character, shield]) => value.replaceAll(shield, '').replaceAll(character, shield), text);
const unshielded = (text: string) => SHIELDS.reduce((value, [character, shield]) => value.replaceAll(shield, character), text);

/** Curly quotes and apostrophes only: one character for one, so text split across nodes can be mapped back. */
export function smartQuotes(text: string): string {
  return unshielded(smartypantsu(shielded(text), 'q'));
}

/** `--` and `---` as an em dash (longer runs of hyphens are left as typed), `...` as an ellipsis. */
export function smartDashesAndEllipses(text: string): string {
  return text.replace(/(?<!-)-{2,3}(?!-)/g, '\u2014').replace(/\.\.\.|\. \. \./g, '\u2026');
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
 * screen, invalid HTML, unreadable XML feeds, as are the noncharacters U+FFFE and U+FFFF; the other
 * noncharacters show as boxes, and a lone surrogate, which a YAML escape can write, as a replacement mark), and
 * the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which reverse or reorder
 * what follows them on the page, the site's own links beside the text included. The direction marks U+200E
 * and U+200F stay: they reorder nothing beyond their neighbours.
 */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\p{Noncharacter_Code_Point}\p{Surrogate}]/gu, '');
}
