import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isPictureFile } from '../markdown-file.ts';

/** A picture beside the Markdown file, to be optimised by astro:assets where the marker stands. */
export interface BodyPicture {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** Alone in its paragraph: shown as a figure, with its caption. */
  figure: boolean;
}

/** Stands in the HTML where picture `index` goes; a comment, which no writer can forge past the sanitizer. */
export const pictureMarker = (index: number) => `picture:${index}`;

/** A picture file beside the Markdown file (not a URL, nor a path from the site's root). */
export const isLocalPicture = (src: string) => !/^(?:[a-z][a-z\d+.-]*:|\/|#)/i.test(src) && isPictureFile(src);
const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();

/** Whether the picture exists; a missing one stays a plain (broken) `<img>`, which the content check reports. */
const besideTheFile = (file: VFile, src: string) => !file.dirname || existsSync(join(file.dirname, decodeURI(src)));

/**
 * Takes the writer's local pictures (`![alt](./chart.png "Caption | Credit")`, or a raw `<img>`) out of the
 * HTML, leaving a marker and recording them in `file.data.pictures`. Remote pictures, and files astro:assets
 * cannot optimise, stay as they are.
 */
export default function rehypeBodyPictures() {
  return (tree: Root, file: VFile) => {
    const pictures: BodyPicture[] = [];
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const { src, alt, title } = node.properties;
      if (typeof src !== 'string' || !isLocalPicture(src) || !besideTheFile(file, src)) return;
      const [caption, credit] = typeof title === 'string' ? title.split(' | ').map((part) => part.trim()) : [];
      const alone = parent.type === 'element' && parent.tagName === 'p' && parent.children.every((child) => child === node || isBlank(child));
      pictures.push({ src: decodeURI(src), alt: String(alt ?? ''), caption: caption || undefined, credit: credit || undefined, figure: alone });
      parent.children[index] = { type: 'comment', value: pictureMarker(pictures.length - 1) };
      return SKIP;
    });
    // A paragraph holding only a figure marker becomes the marker: a figure cannot sit inside a <p>.
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !isBlank(child));
      if (content.length === 1 && content[0].type === 'comment' && content[0].value.startsWith('picture:')) {
        parent.children[index] = content[0];
      }
    });
    file.data.pictures = pictures;
  };
}

declare module 'vfile' {
  interface DataMap {
    pictures: BodyPicture[];
  }
}

/** The rendered HTML cut at its picture markers: HTML strings, and the index of the picture between them. */
export function splitAtPictures(html: string): (string | number)[] {
  return html.split(/<!--picture:(\d+)-->/).map((part, index) => (index % 2 === 1 ? Number(part) : part)).filter((part) => part !== '');
}
