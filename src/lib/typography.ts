import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

const smartypants = retext().use(retextSmartypants);

/**
 * Curly quotes, apostrophes, dashes and ellipses for the plain-text fields (titles, deks, names), by the
 * same rules the Markdown pipeline applies to article bodies, so a page never mixes the two styles.
 */
export function smartPunctuation(text: string): string {
  return String(smartypants.processSync(text));
}

/** Control characters (other than tab and line breaks) have no place in text and make HTML invalid. */
export function withoutControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '');
}
