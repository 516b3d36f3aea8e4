/**
 * A rebuild renders only the Markdown files that changed since the last one, and still shows every edit,
 * addition and removal, and every picture (the loader's digests cover the file, its place, the code it
 * depends on and the words of the site's language a body carries).
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { renderedHtmlFolder } from '../../src/lib/content/markdown-loader';
import { buildSite, outputRoot, projectRoot, writeContent } from '../support/build-site';

const content = join(outputRoot, 'incremental-content');
const outDir = join(outputRoot, 'incremental-site');
const article = join(content, 'articles/putin-not-ready-to-acknowledge-trump-loss.md');
const page = (id: string) => readFileSync(join(outDir, 'articles', id, 'index.html'), 'utf8');
const renderedCounts = (output: string) => [...output.matchAll(/(\w+): (\d+) of (\d+) files rendered/g)].map(([, folder, count, of]) => `${folder} ${count}/${of}`).sort();

it('re-renders only what changed, and the site shows every change', async () => {
  const seed = readFileSync(join(projectRoot, 'content/articles/putin-not-ready-to-acknowledge-trump-loss.md'), 'utf8');
  const synthetic = (title: string) => seed.replace(/^title: .*$/m, `title: ${title} (test fixture)`);
  writeContent(
    content,
    {
      'articles/synthetic-second.md': `${synthetic('A synthetic second story')}\n![A synthetic chart](./synthetic-chart.png)\n`,
      'articles/synthetic-third.md': synthetic('A synthetic third story'),
    },
    join(projectRoot, 'content'),
  );
  await sharp({ create: { width: 64, height: 32, channels: 3, background: '#1a4f8b' } }).png().toFile(join(content, 'articles/synthetic-chart.png'));
  // The cache may hold entries from any earlier build: the first build here renders what differs from them.
  const first = buildSite(content, outDir);
  expect(first.status, first.output).toBe(0);

  writeFileSync(article, `${readFileSync(article, 'utf8')}\nA synthetic sentence added for the rebuild test.\n`);
  rmSync(join(content, 'articles/synthetic-third.md'));
  const rebuild = buildSite(content, outDir);
  expect(rebuild.status, rebuild.output).toBe(0);
  // Articles: the edited one rendered again, the untouched one kept, the removed one dropped; authors: as they were.
  expect(renderedCounts(rebuild.output)).toEqual(['articles 1/2', 'authors 0/1']);
  expect(page('putin-not-ready-to-acknowledge-trump-loss')).toContain('A synthetic sentence added for the rebuild test.');
  expect(page('synthetic-second')).toContain('A synthetic second story (test fixture)');
  // The untouched article's picture is still optimised, though its entry was not loaded again.
  expect(page('synthetic-second')).toMatch(/<source srcset="[^"]+\.avif/);
  expect(() => page('synthetic-third')).toThrow();
  // The rendered HTML of the edited and the removed article's earlier versions is gone from the cache.
  expect(readdirSync(renderedHtmlFolder(pathToFileURL(join(projectRoot, 'node_modules/.astro/')), join(content, 'articles')))).toHaveLength(2);
});

it('renders every body again for a site in another language: the words a body carries are in its digest', () => {
  const english = buildSite(content, outDir); // the content of the test above, every body rendered in English
  expect(english.status, english.output).toBe(0);
  const arabic = buildSite(content, outDir, { SITE_LANG: 'ar', SITE_DIR: 'rtl' });
  expect(arabic.status, arabic.output).toBe(0);
  expect(renderedCounts(arabic.output)).toEqual(['articles 2/2', 'authors 1/1']);
});
