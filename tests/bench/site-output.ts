/**
 * What a build wrote: its files and pages (HTML files), the weight of one article page, and what changed
 * between two builds — files whose bytes differ (by content hash), files written again (newer mtime),
 * files added and removed.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface OutputFile {
  hash: string;
  mtimeMs: number;
}

/** Every file under `dir`, by path relative to it. */
export function snapshot(dir: string): Map<string, OutputFile> {
  const files = new Map<string, OutputFile>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const hash = createHash('sha1').update(readFileSync(path)).digest('hex');
    files.set(relative(dir, path), { hash, mtimeMs: statSync(path).mtimeMs });
  }
  return files;
}

export const isPage = (path: string) => path.endsWith('.html');

export interface Changes {
  /** Pages (HTML files) after the build. */
  pages: number;
  /** Pages whose bytes differ, added or removed: what a deploy has to upload or delete. */
  pagesChanged: number;
  pagesAdded: number;
  pagesRemoved: number;
  /** Pages written again by the build (newer mtime), whether or not their bytes changed. */
  pagesRewritten: number;
  /** All files after the build, and those whose bytes differ, added or removed. */
  files: number;
  filesChanged: number;
}

export function compare(before: Map<string, OutputFile>, after: Map<string, OutputFile>): Changes {
  const count = (paths: Iterable<string>, test: (path: string) => boolean) => [...paths].filter(test).length;
  const differs = (path: string) => before.get(path)?.hash !== after.get(path)?.hash;
  const removed = [...before.keys()].filter((path) => !after.has(path));
  return {
    pages: count(after.keys(), isPage),
    pagesChanged: count(after.keys(), (path) => isPage(path) && differs(path)) + count(removed, isPage),
    pagesAdded: count(after.keys(), (path) => isPage(path) && !before.has(path)),
    pagesRemoved: count(removed, isPage),
    pagesRewritten: count(after.keys(), (path) => isPage(path) && after.get(path)!.mtimeMs !== before.get(path)?.mtimeMs),
    files: after.size,
    filesChanged: count(after.keys(), differs) + removed.length,
  };
}

export interface PageWeight {
  htmlBytes: number;
  htmlGzip: number;
  cssBytes: number;
  cssGzip: number;
  jsBytes: number;
  jsGzip: number;
}

/** Bytes of one article page and of the CSS and JS it loads. */
export function pageWeight(dir: string, pagePath: string): PageWeight {
  const html = readFileSync(join(dir, pagePath));
  const assets = (pattern: RegExp) =>
    [...html.toString().matchAll(pattern)].map(([, href]) => readFileSync(join(dir, href.replace(/^\//, ''))));
  const css = assets(/<link[^>]+rel="?stylesheet"?[^>]+href="?([^" >]+)"?/g);
  const js = assets(/<script[^>]+src="?([^" >]+)"?/g);
  const sum = (files: Buffer[]) => files.reduce((total, file) => total + file.length, 0);
  const gzip = (files: Buffer[]) => files.reduce((total, file) => total + gzipSync(file).length, 0);
  return { htmlBytes: html.length, htmlGzip: gzipSync(html).length, cssBytes: sum(css), cssGzip: gzip(css), jsBytes: sum(js), jsGzip: gzip(js) };
}
