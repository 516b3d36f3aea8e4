/**
 * `npm run preview` serves the built site as production would: under the base path it was built with, with
 * the headers the build wrote to `_headers`. This builds the real content with BASE_PATH=/news/ into a folder
 * of its own (dist/ belongs to `npm test`'s browser tests) and previews that.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSite, outputRoot, projectRoot } from '../support/build-site';
import { portOffsets, testPort } from '../support/ports';
import { page, startScript, stopServer, terminateNpm, type Server } from '../support/servers';

const outDir = join(outputRoot, 'preview-dist');
let preview: Server;

beforeAll(async () => {
  const build = buildSite(join(projectRoot, 'content'), outDir, { BASE_PATH: '/news/' });
  expect(build.status, build.output).toBe(0);
  preview = startScript('preview', await testPort(portOffsets.preview), { env: { BASE_PATH: '' }, args: ['--outDir', outDir] });
});

afterAll(() => {
  stopServer(preview);
  rmSync(outDir, { recursive: true, force: true });
});

it('serves the site under the base path it was built with, without being told again', async () => {
  const home = await page(preview, '/news/');
  expect(home.status).toBe(200);
  expect(home.text).toContain('href="/news/articles/putin-not-ready-to-acknowledge-trump-loss/"');
  expect((await page(preview, '/news/pagefind/pagefind.js')).status).toBe(200);
  const missing = await page(preview, '/news/no-such-page/');
  expect(missing.status).toBe(404);
  expect(missing.text).toContain('Page not found');
});

it('sends the headers of _headers: the security policy on every response, a year of caching for /_astro/*', async () => {
  const home = await page(preview, '/news/');
  expect(home.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(home.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(home.headers.get('x-frame-options')).toBe('DENY');
  expect(home.headers.get('cache-control') ?? '').not.toContain('immutable');
  const stylesheet = /href="(\/news\/_astro\/[^"]+\.css)"/.exec(home.text)?.[1];
  expect(stylesheet).toBeDefined();
  const asset = await page(preview, stylesheet!);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect(asset.headers.get('content-security-policy')).toContain("default-src 'self'");
  expect((await page(preview, '/news/no-such-page/')).headers.get('x-content-type-options')).toBe('nosniff');
});

it('says without JavaScript where else stories are found, words apart', async () => {
  const search = await page(preview, '/news/search/');
  // The links may carry the component's scoping attribute; the words around them must stay apart.
  expect(search.text).toMatch(/Every story is also reachable by <a href="\/news\/"[^>]*>section<\/a>, <a href="\/news\/tags\/"[^>]*>topic<\/a> and the <a href="\/news\/archive\/"[^>]*>archive<\/a>\./);
});

it('redirects a folder without its slash, and does not publish _headers itself', async () => {
  const folder = await fetch(`http://localhost:${preview.port}/news/articles/putin-not-ready-to-acknowledge-trump-loss`, { redirect: 'manual' });
  expect(folder.status).toBe(301);
  expect(folder.headers.get('location')).toBe('/news/articles/putin-not-ready-to-acknowledge-trump-loss/');
  expect((await page(preview, '/news/_headers')).status).toBe(404);
});

it('stops when npm is stopped', () => terminateNpm(preview), 30_000);
