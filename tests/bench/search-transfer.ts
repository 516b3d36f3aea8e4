/**
 * What one search costs a reader: the bytes their browser downloads from `pagefind/` (script, WebAssembly,
 * index chunks, the fragments of the results shown) to answer `query` on a built site, served by the
 * tests' nginx and searched in the tests' browser, as on the site's search page.
 */
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import config from '../playwright.config.ts';
import { startNginx } from '../support/nginx.ts';
import { portOffsets, testPort } from '../support/ports.ts';


export interface SearchCost {
  bytes: number;
  requests: number;
  matches: string;
}

export async function searchTransfer(siteDir: string, query: string): Promise<SearchCost> {
  const port = await testPort(portOffsets.searchTransferBench);
  const nginx = await startNginx([{ port, dir: siteDir, base: '/' }]);
  try {
    const browser = await chromium.launch(config.use?.launchOptions);
    try {
      const page = await browser.newPage();
      const sizes: Promise<number>[] = [];
      page.on('requestfinished', (request) => {
        if (new URL(request.url()).pathname.startsWith('/pagefind/')) sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize));
      });
      await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
      await page.locator('.search__status').filter({ hasText: /match/ }).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const bytes = (await Promise.all(sizes)).reduce((total, size) => total + size, 0);
      return { bytes, requests: sizes.length, matches: (await page.locator('.search__status').textContent()) ?? '' };
    } finally {
      await browser.close();
    }
  } finally {
    await nginx.stop();
  }
}

/** What one search may transfer, in KB (the targets, for 10,000 articles; 500 KB at 100,000). */
export const SEARCH_TARGETS_KB = { rare: 150, common: 350, commonAt100k: 500 };

export interface SearchCosts {
  /** A word in one article: a title's number with as many digits as the largest, so no other number extends it. */
  rare: SearchCost & { query: string };
  /** A word of the synthetic vocabulary: every article holds it, the worst case. */
  common: SearchCost & { query: string };
}

/** The cost of a rare and of a common word, or one line saying why they could not be measured (no nginx, no browser, …). */
export async function searchCosts(siteDir: string, articles: number): Promise<SearchCosts | string> {
  const nginx = process.env.NGINX_PATH || '/usr/sbin/nginx';
  if (!existsSync(nginx)) return `nginx not installed (apt-get install nginx, or set NGINX_PATH) — search row skipped`;
  const rare = String(Math.floor(articles / 2) + 1);
  const common = 'council';
  try {
    return { rare: { query: rare, ...(await searchTransfer(siteDir, rare)) }, common: { query: common, ...(await searchTransfer(siteDir, common)) } };
  } catch (error) {
    return `search not measured (${(error as Error).message.split('\n')[0]}) — search row skipped`;
  }
}
