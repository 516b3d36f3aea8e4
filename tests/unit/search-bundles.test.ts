/**
 * A shard's bundle is the same file for file whenever the same pages are indexed, however long each page's
 * document takes to read: a deploy then uploads only the shards whose pages changed.
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

/** A page's document, as search-pages.ts makes it, handed over after a delay that differs from run to run. */
function documentOf(path: string): Promise<SearchDocument> {
  const number = path.replace(/\D/g, '');
  const published = `2020-11-${String((Number(number) % 28) + 1).padStart(2, '0')}T05:00:00.000Z`;
  const body = `<article data-pagefind-body><h1>Story ${number}</h1><p>The harbour council met, word ${number}.</p><p><time datetime="${published}" data-pagefind-sort="${PUBLISHED}[datetime]">${published}</time></p></article>`;
  const document = { month: '2020-11', html: `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body>${body}</body></html>`, published };
  return new Promise((done) => setTimeout(() => done(document), Math.random() * 15));
}

/** Every file of a bundle, by its path in the bundle: its bytes. */
function bundleFiles(bundle: string): Map<string, string> {
  const entries = readdirSync(bundle, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(entries.map((entry) => [join(entry.parentPath, entry.name).slice(bundle.length), readFileSync(join(entry.parentPath, entry.name)).toString('base64')]));
}

it('indexes the same pages into the same files, whichever document is read first', async () => {
  const bundles: Map<string, string>[] = [];
  for (const run of ['first', 'second']) {
    const { entry, indexed } = await keepShard(join(folder, run), '2020-11', 'a'.repeat(64), pages, documentOf);
    expect(indexed).toBe(true);
    bundles.push(bundleFiles(join(entry, 'bundle')));
  }
  expect(bundles[0].size).toBeGreaterThan(pages.length); // a fragment a page, and the index
  expect([...bundles[1].keys()].sort()).toEqual([...bundles[0].keys()].sort());
  expect([...bundles[0]].filter(([path, bytes]) => bundles[1].get(path) !== bytes).map(([path]) => path)).toEqual([]);
});
