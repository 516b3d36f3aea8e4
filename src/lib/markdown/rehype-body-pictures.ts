import type { Element, ElementContent, Nodes, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { contentDir } from '../content/content-dir.ts';
import { filePathOf, isLocalPicture, pictureProblem } from '../content/content-files.ts';

/** A picture beside the Markdown file, to be optimised by astro:assets where the marker stands. */
export interface BodyPicture {
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  /** Alone in its paragraph: shown as a figure, with its caption. */
  figure: boolean;
}

/**
 * Stands in the HTML where picture `index` goes: a comment node, which no writer can forge past the sanitizer
 * (it removes every comment). Only a comment *node* counts: the same characters typed into an attribute or
 * text are not one, so the rendered HTML is read back as a tree, never searched as a string.
 */
const MARKER = /^picture:(\d+)$/;
const marker = (index: number) => `picture:${index}`;

/** The picture a node of the rendered HTML stands for, if it is a marker. */
export function markedPicture(node: Nodes): number | undefined {
  const match = node.type === 'comment' ? MARKER.exec(node.value) : null;
  return match ? Number(match[1]) : undefined;
}

/** The elements of a rendered body that hold a picture marker, however deep. */
export function elementsHoldingPictures(tree: Root): Set<Element> {
  const spine = new Set<Element>();
  visitParents(tree, 'comment', (node, ancestors) => {
    if (markedPicture(node) !== undefined) for (const ancestor of ancestors) if (ancestor.type === 'element') spine.add(ancestor);
  });
  return spine;
}

const isBlank = (node: ElementContent) => node.type === 'text' && !node.value.trim();

/**
 * Takes the writer's local pictures (`![alt](./chart.png "Caption | Credit")`, or a raw `<img>`) out of the
 * HTML, leaving a marker and recording them in `file.data.pictures`. Remote pictures, and files astro:assets
 * cannot optimise, stay as they are.
 */
export default function rehypeBodyPictures() {
  return (tree: Root, file: VFile) => {
    const root = file.data.contentRoot ?? contentDir;
    const pictures: BodyPicture[] = [];
    const figureParagraphs = new Set<Element>();
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const { src, alt, title } = node.properties;
      // A picture that may not be published (missing, outside the content folder, not a picture) stays a
      // plain, broken `<img>`, which the content check reports; astro:assets never reads it.
      if (typeof src !== 'string' || !isLocalPicture(src) || !file.dirname || pictureProblem(file.dirname, src, root)) return;
      const [caption, credit] = typeof title === 'string' ? title.split(' | ').map((part) => part.trim()) : [];
      const alone = parent.type === 'element' && parent.tagName === 'p' && parent.children.every((child) => child === node || isBlank(child));
      pictures.push({ src: filePathOf(src), alt: String(alt ?? ''), caption: caption || undefined, credit: credit || undefined, figure: alone });
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
    /** The content folder the file's pictures must be in (default: the site's). */
    contentRoot: string;
  }
}
