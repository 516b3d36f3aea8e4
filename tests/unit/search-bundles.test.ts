/**
 * A shard's bundle is the same file for file whenever the same pages are indexed, however long each page's
 * document takes to read (here a batch's pages are read in order, then in reverse): a deploy then uploads only
 * the shards whose pages changed.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { keepShard } from '../../src/lib/publish/search-bundles';
import { PUBLISHED } from '../../src/lib/publish/search-manifest';
import type { SearchDocument } from '../../src/lib/publish/search-pages';
import { outputRoot } from '../support/build-site';

const folder = join(outputRoot, 'search-bundles-unit');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const pages = Array.from({ length: 120 }, (_, index) => `articles/story-${String(index).padStart(3, '0')}/index.html`);

/** A page's document, as search-pages.ts makes it, read in a batch's order or in the reverse of it. */
const documentOf = (reversed: boolean) => (path: string): Promise<SearchDocument> => {
  const number = path.replace(/\D/g, '');
  const published = `2020-11-${String((Number(number) % 28) + 1).padStart(2, '0')}T05:00:00.000Z`;
  const body = `<article data-pagefind-body><h1>Story ${number}</h1><p>The harbour council met, word ${number}.</p><p><time datetime="${published}" data-pagefind-sort="${PUBLISHED}[datetime]">${published}</time></p></article>`;
  const document = { month: '2020-11', html: `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`, published };
  const place = Number(number) % 32;
  return new Promise((done) => setTimeout(() => done(document), 2 * (reversed ? 32 - place : place)));
};

/** Every file of a bundle, by its path in the bundle: its bytes. */
function bundleFiles(bundle: string): Map<string, string> {
  const entries = readdirSync(bundle, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(entries.map((entry) => [join(entry.parentPath, entry.name).slice(bundle.length), readFileSync(join(entry.parentPath, entry.name)).toString('base64')]));
}

it('indexes the same pages into the same files, whichever document is read first', async () => {
  const bundles: Map<string, string>[] = [];
  for (const [run, reversed] of [['in order', false], ['reversed', true]] as const) {
    const { entry, indexed } = await keepShard(join(folder, run), '2020-11', 'a'.repeat(64), pages, documentOf(reversed));
    expect(indexed).toBe(true);
    bundles.push(bundleFiles(join(entry, 'bundle')));
  }
  expect(bundles[0].size).toBeGreaterThan(pages.length); // a fragment a page, and the index
  expect([...bundles[1].keys()].sort()).toEqual([...bundles[0].keys()].sort());
  expect([...bundles[0]].filter(([path, bytes]) => bundles[1].get(path) !== bytes).map(([path]) => path)).toEqual([]);
});
