/**
 * A rendered body as a tree: the sanitized HTML read back, each picture marker replaced by the picture
 * astro:assets made of it (body-html.ts resolves them), and, for feeds, every root-relative address made
 * absolute. Works on hast nodes only: the sanitized HTML is never edited as a string.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { find, html } from 'property-information';
import { visit } from 'unist-util-visit';
import { markedPicture, type BodyPicture } from '../markdown/rehype-body-pictures';
import { absoluteSrcset, absoluteUrl, isRootRelative } from '../util/urls';

/** One optimised picture: its `<source>` per format and its fallback `<img>`, as HTML attributes. */
export interface PictureImages {
  sources: Record<string, unknown>[];
  img: Record<string, unknown>;
}

type Attributes = Record<string, unknown>;

/** An element from HTML attribute names, in their order (left out: undefined, null and false). */
function element(tagName: string, attributes: Attributes, children: ElementContent[] = []): Element {
  const properties: Properties = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    properties[find(html, name).property] = typeof value === 'boolean' ? value : String(value);
  }
  return { type: 'element', tagName, properties, children };
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * The markup astro:assets' `<Picture>` writes, and, for a picture alone in its paragraph, the figure with its
 * caption and credit that `Figure.astro` writes around the lead picture.
 */
export function pictureElement(picture: Pick<BodyPicture, 'caption' | 'credit' | 'figure'>, images: PictureImages): Element {
  const node = element('picture', {}, [...images.sources.map((source) => element('source', source)), element('img', images.img)]);
  if (!picture.figure) return node;
  const { caption, credit } = picture;
  const figcaption = element('figcaption', {}, [
    ...(caption ? [text(caption)] : []),
    ...(credit ? [element('span', { class: 'figure-credit' }, [text(` ${credit}`)])] : []),
  ]);
  return element('figure', { class: 'body-picture' }, caption || credit ? [node, figcaption] : [node]);
}

/** The body's HTML as a tree, with picture `i` where marker `i` stood (a comment node, never typed text). */
export function bodyTree(bodyHtml: string, pictures: readonly Element[]): Root {
  const tree = fromHtml(bodyHtml, { fragment: true });
  visit(tree, 'comment', (node, index, parent) => {
    const picture = markedPicture(node);
    if (picture === undefined || !parent || index === undefined) return;
    parent.children[index] = pictures[picture];
  });
  return tree;
}

/** Root-relative `src`, `href` and `srcset` addresses made absolute under `site` (text showing an address stays as written). */
export function withAbsoluteUrls(tree: Root, site: string): Root {
  visit(tree, 'element', ({ properties }) => {
    for (const name of ['src', 'href'] as const) {
      const value = properties[name];
      if (typeof value === 'string' && isRootRelative(value)) properties[name] = absoluteUrl(value, site);
    }
    if (typeof properties.srcSet === 'string') properties.srcSet = absoluteSrcset(properties.srcSet, site);
  });
  return tree;
}
