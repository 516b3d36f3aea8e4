import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { sanitizeSchema } from './sanitize-schema.ts';

/** The URL properties whose scheme the sanitizer checks. */
const URL_PROPERTIES = Object.keys(sanitizeSchema.protocols ?? {});
const SCHEME = /^[a-z][a-z\d+.-]*(?=:)/i;

/**
 * URL schemes are case-insensitive (`HTTPS://`, `<MAILTO:…>`), but the sanitizer compares them as written and
 * would refuse the link: they are lower-cased first, so `JAVASCRIPT:` is refused as `javascript:` is.
 */
export default function rehypeLowercaseSchemes() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      for (const property of URL_PROPERTIES) {
        const url = node.properties[property];
        if (typeof url === 'string') node.properties[property] = url.replace(SCHEME, (scheme) => scheme.toLowerCase());
      }
    });
  };
}
