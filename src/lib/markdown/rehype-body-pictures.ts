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

/** Stands in the HTML where picture `index` goes: a comment, which no writer can forge past the sanitizer. */
const MARKER = /^picture:(\d+)$/;
const marker = (index: number) => `picture:${index}`;
export const isPictureMarker = (comment: string) => MARKER.test(comment);

/** A picture file beside the Markdown file (not a URL, nor a path from the site's root). */
export const isLocalPicture = (src: string) => !/^(?:[a-z][a-z\d+.-]*:|\/|#)/i.test(src) && isPictureFile(src);
const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();

/** Whether a body picture's file is in `folder`; the `src` is as written in the Markdown (URL-encoded). */
export const pictureExists = (folder: string, src: string) => existsSync(join(folder, decodeURI(src)));

/**
 * Takes the writer's local pictures (`![alt](./chart.png "Caption | Credit")`, or a raw `<img>`) out of the
 * HTML, leaving a marker and recording them in `file.data.pictures`. Remote pictures, and files astro:assets
 * cannot optimise, stay as they are.
 */
export default function rehypeBodyPictures() {
  return (tree: Root, file: VFile) => {
    const pictures: BodyPicture[] = [];
    const figureParagraphs = new Set<Element>();
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const { src, alt, title } = node.properties;
      // A missing picture stays a plain (broken) `<img>`, which the content check reports.
      if (typeof src !== 'string' || !isLocalPicture(src) || (file.dirname && !pictureExists(file.dirname, src))) return;
      const [caption, credit] = typeof title === 'string' ? title.split(' | ').map((part) => part.trim()) : [];
      const alone = parent.type === 'element' && parent.tagName === 'p' && parent.children.every((child) => child === node || isBlank(child));
      pictures.push({ src: decodeURI(src), alt: String(alt ?? ''), caption: caption || undefined, credit: credit || undefined, figure: alone });
      parent.children[index] = { type: 'comment', value: marker(pictures.length - 1) };
      if (alone) figureParagraphs.add(parent);
      return SKIP;
    });
    // A figure's paragraph becomes its marker alone: a figure cannot sit inside a <p>.
    visit(tree, 'element', (node, index, parent) => {
      if (!figureParagraphs.has(node) || !parent || index === undefined) return;
      parent.children[index] = node.children.find((child) => child.type === 'comment')!;
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
  return html.split(new RegExp(`<!--${MARKER.source.slice(1, -1)}-->`)).map((part, index) => (index % 2 === 1 ? Number(part) : part)).filter((part) => part !== '');
}
