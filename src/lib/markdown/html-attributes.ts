import type { Element } from 'hast';
import { find, html } from 'property-information';

/** An element's properties as HTML attributes (names as HTML spells them, lists joined), for a template to write. */
export function htmlAttributes(element: Element): Record<string, string | boolean> {
  const attributes: Record<string, string | boolean> = {};
  for (const [property, value] of Object.entries(element.properties)) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(html, property);
    attributes[info.attribute] = value === true ? true : Array.isArray(value) ? value.join(info.commaSeparated ? ', ' : ' ') : String(value);
  }
  return attributes;
}
