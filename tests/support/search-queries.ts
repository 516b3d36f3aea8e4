/**
 * Searches a built site's index as the browser does, for build tests: nginx serves the folder, Chromium opens
 * its search page and runs Pagefind there. `searchPage` reads what the search page itself shows (its index:
 * the vocabulary and the shards it picks, a page of results at a time); `searchIndex` returns every matching
 * URL of one Pagefind bundle searched alone — to compare the sharded index with a single one.
 */
import { chromium } from '@playwright/test';
import config from '../playwright.config.ts';
import { startNginx } from './nginx.ts';

/** What the search page shows: its status line, the result links in its order, and whether it offers older ones. */
export interface SearchPageView {
  status: string;
  urls: string[];
  older: boolean;
  /** The shards (folders of `/pagefind/`) it loaded anything from. */
  shards: string[];
}

export interface SearchSession {
  /**
   * What the search page shows for `query`, in `section` if given: its first page of results, or with
   * `everyPage` all of them, "Show older stories" pressed until it is gone.
   */
  searchPage(query: string, section?: string, everyPage?: boolean): Promise<SearchPageView>;
  /** Every URL `query` finds, sorted, in the bundle at `bundle` (a path such as `/pagefind/`). */
  searchIndex(query: string, bundle: string, section?: string): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * Runs in the page, as text: the test runner rewrites a dynamic `import()` in functions it compiles, and this
 * one must load the site's own Pagefind module.
 */
const searchInPage = `async ({ query, bundle, section }) => {
  const pagefind = await import(bundle + 'pagefind.js');
  await pagefind.options({ baseUrl: '/' });
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
  return {
    async searchPage(query, section, everyPage = false) {
      const page = await browser.newPage();
      const shards = new Set<string>();
      // A shard is merged from its own pagefind-entry.json.
      page.on('request', (request) => {
        const shard = /^\/pagefind\/([^/]+)\/pagefind-entry\.json$/.exec(new URL(request.url()).pathname)?.[1];
        if (shard) shards.add(shard);
      });
      await page.goto(`${origin}/search/?${new URLSearchParams({ q: query, ...(section && { section }) })}`);
      await page.locator('.search__status').filter({ hasText: /match|could not/ }).waitFor({ timeout: 30_000 });
      const older = page.locator('.search__older');
      while (everyPage && (await older.isVisible())) {
        const listed = await page.locator('.search__results > li').count();
        await older.click();
        // Each press lists more, or finds there are none and hides the button.
        await page.waitForFunction(
          (listed) => document.querySelectorAll('.search__results > li').length > listed || document.querySelector<HTMLElement>('.search__older')!.hidden,
          listed,
          { timeout: 30_000 },
        );
      }
      const view = {
        status: (await page.locator('.search__status').textContent()) ?? '',
        urls: await page.locator('.search__results a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
        older: await older.isVisible(),
        shards: [...shards].sort(),
      };
      await page.close();
      return view;
    },
    async searchIndex(query, bundle, section) {
      // A page of its own each time: nothing left of the search page's own index.
      const page = await browser.newPage();
      await page.goto(`${origin}/search/`);
      const urls = (await page.evaluate(`(${searchInPage})(${JSON.stringify({ query, bundle, section })})`)) as string[];
      await page.close();
      return urls.sort();
    },
    async close() {
      await browser.close();
      await nginx.stop();
    },
  };
}
