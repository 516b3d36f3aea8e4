/**
 * What the build may read from the content folder, and what counts as a picture there. Content is untrusted:
 * a path that leaves the folder (`..`, an absolute path, a symbolic link pointing elsewhere) or a file that is
 * not what its name says (a script named face.png) must never be read, imported or published. The content
 * check reports these with file and line; the loaders and the Markdown pipeline refuse them too, so
 * `astro dev` and a build that only reports problems are just as safe.
 */
// Explicit `.ts`: the render workers load this file with Node's own TypeScript support.
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { Problem } from './problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** What an editor is told a picture path must be. */
export const PICTURE_PATH = 'the path of a PNG, JPEG, WebP, AVIF or GIF picture in the content folder, relative to the Markdown file';

/**
 * The pictures astro:assets optimises. SVG is refused: an SVG file can carry script, which runs when the file
 * is opened on its own from a host that does not send the site's Content-Security-Policy.
 */
export const isPictureFile = (name: string) => /\.(png|jpe?g|webp|avif|gif)$/i.test(name);

/** A picture named by a path (not a URL, nor an address on the site, nor a fragment). */
export const isLocalPicture = (src: string) => !/^(?:[a-z][a-z\d+.-]*:|[/\\?#])/i.test(src);

/** A URL-encoded path as a file path; a `%` that starts no escape (`growth-100%.png`) is taken as written. */
export function filePathOf(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}

/** The first bytes of each picture format astro:assets takes (PNG, JPEG, GIF, WebP, AVIF). */
const SIGNATURES: ((head: Buffer) => boolean)[] = [
  (head) => head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  (head) => head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff,
  (head) => /^GIF8[79]a/.test(head.toString('latin1', 0, 6)),
  (head) => head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP',
  (head) => head.toString('latin1', 4, 8) === 'ftyp' && /^avi[fs]$/.test(head.toString('latin1', 8, 12)),
];

function looksLikePicture(path: string): boolean {
  const head = Buffer.alloc(16);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return SIGNATURES.some((matches) => matches(head));
}

/** Whether `path` is in `folder`, as written (no `..` out of it). */
function isInside(path: string, folder: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (!rest.startsWith('..') && !isAbsolute(rest));
}

/**
 * Why the file at `path` may not be read as content of the folder `root`: outside it, or reached through a
 * link that leads out of it, or not a plain file. Undefined when it may be read.
 */
export function contentFileProblem(path: string, root: string): string | undefined {
  if (!isInside(resolve(path), resolve(root))) return 'outside the content folder';
  let real: string;
  try {
    real = realpathSync.native(path);
  } catch {
    return 'missing';
  }
  if (!isInside(real, realpathSync.native(root))) return 'a link to a file outside the content folder';
  if (!statSync(real).isFile()) return 'not a file';
  return undefined;
}


/** The report of a content file that may not be read (`why` from `contentFileProblem`). */
export const unreadableFile = (file: string, why: string): Problem => ({
  file,
  line: 1,
  field: '(file)',
  wrong: `${why}, so it is not read`,
  expected: 'a file of the content folder itself (not a link to one elsewhere)',
});

/**
 * Why `src` (as written in a Markdown file in `folder` of the content folder `root`: a body picture,
 * `image.src` or `avatar.src`) cannot be published as a picture; undefined when it can.
 */
export function pictureProblem(folder: string, src: string, root: string): string | undefined {
  const path = filePathOf(src);
  // The path is handed to astro:assets as an import: Vite reads what follows ? or # as a query (which can
  // forge Astro's own flags and point elsewhere) and a backslash as a folder separator.
  if (/[?#\\]/.test(src + path)) return `${src} has a ?, # or \\ in it, which a picture path cannot`;
  if (/\.svg$/i.test(path)) return `${src} is an SVG picture, which can carry script`;
  if (!isPictureFile(path)) return `${src} is not a picture file`;
  const problem = contentFileProblem(join(folder, path), root);
  if (problem === 'missing') return `no file ${src} beside the file`;
  if (problem) return `${src} is ${problem}`;
  if (!looksLikePicture(join(folder, path))) return `${src} is not a PNG, JPEG, WebP, AVIF or GIF picture inside`;
  return undefined;
}

/**
 * A picture a Markdown file names, where it names it. The file system can change under an unchanged file (a
 * picture replaced, deleted, made a link), so the content check judges every use again on every run.
 */
export interface PictureUse {
  line: number;
  field: string;
  /** The path as written. */
  src: string;
}

/** What is wrong with a picture use of `file`, in `folder` of the content folder `root`; undefined if nothing. */
export function pictureUseProblem(file: string, { line, field, src }: PictureUse, folder: string, root: string): Problem | undefined {
  const wrong = pictureProblem(folder, src, root);
  return wrong ? { file, line, field, wrong, expected: PICTURE_PATH } : undefined;
}

/** The frontmatter fields that name a picture by its `src`. */
const FRONTMATTER_PICTURES = ['image', 'avatar'] as const;

/** Pictures named in a file's frontmatter (`image.src`, `avatar.src`), with their lines. */
export function frontmatterPictures(source: YamlSource): PictureUse[] {
  return FRONTMATTER_PICTURES.flatMap((field) => {
    const src = (source.data as Record<string, { src?: unknown } | undefined> | null)?.[field]?.src;
    return typeof src === 'string' ? [{ line: source.lineOf([field, 'src']), field: `${field}.src`, src }] : [];
  });
}

/** Pictures named in a file's frontmatter that may not be published, with their lines. */
export function frontmatterPictureProblems(file: string, source: YamlSource, folder: string, root: string): Problem[] {
  return frontmatterPictures(source).flatMap((use) => pictureUseProblem(file, use, folder, root) ?? []);
}
