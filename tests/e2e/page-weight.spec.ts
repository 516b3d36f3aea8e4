/**
 * The article page's budget: its HTML plus every stylesheet it links, gzipped, fit in 14 KB — the first
 * round trip of a TCP connection — so a reader on a slow line sees the article after one.
 */
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';

const BUDGET_BYTES = 14 * 1024;

const articles = [
  { site: 'seed', path: '/articles/putin-not-ready-to-acknowledge-trump-loss/' },
  // Two authors, an avatar, a lead picture, notes, sources and the newsletter form: the richest article.
  { site: 'reader', path: '/articles/synthetic-b/' },
] as const;

for (const { site, path } of articles) {
  test(`${site} article ${path}: HTML + CSS ≤ 14 KB gzipped @once @basepath`, async ({ page, sites }) => {
    const response = await page.request.get(`${sites[site]}${path}`);
    expect(response.status()).toBe(200);
    const html = await response.body();
    const stylesheets = [...html.toString('utf8').matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)].map((match) => match[1]);
    let bytes = gzipSync(html, { level: 9 }).length;
    for (const href of stylesheets) bytes += gzipSync(await (await page.request.get(new URL(href, `${sites[site]}${path}`).href)).body(), { level: 9 }).length;
    expect(bytes, `${stylesheets.length} stylesheets`).toBeLessThanOrEqual(BUDGET_BYTES);
  });
}
