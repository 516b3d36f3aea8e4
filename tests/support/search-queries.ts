/**
 * Searches a built site's index as the browser does, for build tests: nginx serves the folder, Chromium opens
 * its search page and runs Pagefind there. `searchPage` reads what the search page itself shows; `searchIndex`
 * returns every matching URL of one Pagefind bundle, alone or with other bundles merged into it (as
 * src/scripts/search-index.ts merges the shards) — to compare the sharded index with a single one.
 */
import { chromium, type Page } from '@playwright/test';
import config from '../playwright.config.ts';
import { startNginx } from './nginx.ts';

export interface SearchSession {
  /** The status line and the result links the search page shows for `query`. */
  searchPage(query: string): Promise<{ status: string; urls: string[] }>;
  /** Every URL `query` finds, sorted: with the bundle at `primary` (a path such as `/pagefind/`) and `merged` ones. */
  searchIndex(query: string, primary: string, merged: string[], section?: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Runs in the page, as text: the test runner rewrites a dynamic `import()` in functions it compiles, and this
 * one must load the site's own Pagefind module.
 */
const searchInPage = `async ({ query, primary, merged, section }) => {
  const pagefind = await import(primary + 'pagefind.js');
  await pagefind.options({ baseUrl: '/' });
  for (const bundle of merged) await pagefind.mergeIndex(bundle, { baseUrl: '/' });
  const search = await pagefind.search(query, section ? { filters: { section } } : {});
  return Promise.all(search.results.map(async (result) => (await result.data()).url));
}`;

/** Serves the built folder `dir` at `/` on `port` and opens a browser on it; close() stops both. */
export async function openSearch(dir: string, port: number): Promise<SearchSession> {
  const nginx = await startNginx([{ port, dir, base: '/' }]);
  const browser = await chromium.launch(config.use?.launchOptions).catch(async (error) => {
    await nginx.stop();
    throw error;
  });
  const origin = `http://127.0.0.1:${port}`;
  const fresh = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    await page.goto(`${origin}${path}`);
    return page;
  };
  return {
    async searchPage(query) {
      const page = await fresh(`/search/?q=${encodeURIComponent(query)}`);
      await page.locator('.search__status').filter({ hasText: /match/ }).waitFor({ timeout: 30_000 });
      const urls = await page.locator('.search__results a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      const status = (await page.locator('.search__status').textContent()) ?? '';
      await page.close();
      return { status, urls: urls.sort() };
    },
    async searchIndex(query, primary, merged, section) {
      // A page of its own each time: a Pagefind module keeps the indexes merged into it.
      const page = await fresh('/search/');
      const urls = (await page.evaluate(`(${searchInPage})(${JSON.stringify({ query, primary, merged, section })})`)) as string[];
      await page.close();
      return urls.sort();
    },
    async close() {
      await browser.close();
      await nginx.stop();
    },
  };
}
