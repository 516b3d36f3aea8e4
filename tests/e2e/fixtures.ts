import { test as base, expect, type Page } from '@playwright/test';
import { servedSites, type BasePath } from './sites';

export interface SiteOptions {
  /** Where the project serves the sites: at the root or under /news/. */
  basePath: BasePath;
}

interface SiteFixtures {
  /** Each site's address including the base path, e.g. `http://127.0.0.1:4413/news`: append `/articles/x/`. */
  sites: { seed: string; reader: string };
  /** The generated sample sites, served at the root only: the one- and three-story fronts (sample-fronts.ts) and the Arabic site (arabic-content.ts), whose looks and direction do not depend on the base path. */
  samples: { oneStory: string; threeStories: string; arabic: string };
  /** The base path as links carry it: `` or `/news`. */
  base: string;
  /** The absolute public URL (canonical, feeds, sitemap) of a site path. */
  publicUrl: (path: string) => string;
  /** Statuses a test expects, such as the 404 page's. */
  allowedStatus: number[];
}

/**
 * Every test fails on a console error, a page error or a failed request (an expected 404 page is the one
 * exception a test may declare).
 */
export const test = base.extend<SiteOptions & SiteFixtures>({
  basePath: ['/', { option: true }],
  base: async ({ basePath }, use) => use(basePath.replace(/\/$/, '')),
  sites: async ({ basePath, base: prefix }, use) => {
    const { seed, reader } = servedSites[basePath];
    await use({ seed: `http://127.0.0.1:${seed.port}${prefix}`, reader: `http://127.0.0.1:${reader.port}${prefix}` });
  },
  samples: async ({}, use) => {
    const { oneStory, threeStories, arabic } = servedSites['/'];
    const at = (site: { port: number }) => `http://127.0.0.1:${site.port}`;
    await use({ oneStory: at(oneStory), threeStories: at(threeStories), arabic: at(arabic) });
  },
  publicUrl: async ({ base: prefix }, use) => use((path) => `https://example.org${prefix}${path}`),
  allowedStatus: [[], { option: true }],
  page: async ({ page, allowedStatus }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      const expected = allowedStatus.some((status) => message.text().includes(`status of ${status}`));
      if (message.type() === 'error' && !expected) problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // ERR_ABORTED: the test navigated on before, say, the favicon finished loading; not a broken request.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
        problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !allowedStatus.includes(response.status())) {
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
    await use(page);
    expect(problems).toEqual([]);
  },
});

/**
 * Brings every picture on the page into view and waits until each is decoded, so what a test measures or
 * photographs never depends on how fast a lazy picture happened to load.
 */
export async function loadAllPictures(page: Page): Promise<void> {
  for (const img of await page.locator('img').all()) {
    await img.scrollIntoViewIfNeeded();
    await img.evaluate((element: HTMLImageElement) => element.decode());
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

export { expect };
