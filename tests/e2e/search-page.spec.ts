/**
 * The search page: the form's layout, and search as the reader types (on the reader site, whose many
 * synthetic stories give counts to tell apart): results and their count after a pause in typing, newest first
 * and a page at a time, the section filter applied at once, Enter at once, and only the last query's results
 * and count ever shown, however its searches finish.
 */
import { devices, type Page } from '@playwright/test';
import { VOCABULARY_FILTER } from '../../src/lib/publish/search-manifest';
import { seedHeadline, straightenQuotes } from '../support/seed';
import { expect, test } from './fixtures';
import { fillerCount, syntheticTitle } from './reader-content';

const queryField = (page: Page) => page.getByLabel('Search stories');
const resultTitles = async (page: Page) => (await page.locator('.search__results h2').allInnerTexts()).map(straightenQuotes);

/** Every story with "synthetic" in it: the fillers and synthetic A, B and C (the draft is not published). */
const syntheticCount = fillerCount + 3;

interface HeldSearch {
  query: string;
  /** Hands the answer to the page, once Pagefind has it. */
  release: () => Promise<void>;
}
/** The page's window, with what the stand-in and the test keep there. */
type TestWindow = Window & { heldSearches?: HeldSearch[]; statusSaid?: string[]; holdShardSearches?: boolean; mergedShards?: string[] };

/**
 * Serves the page a stand-in for Pagefind's module: each search for results is noted when the page asks,
 * answered in full by the real Pagefind, and handed to the page only when the test releases it, so the test
 * sees when searches start and decides in which order they finish. The page's first search of each query,
 * in the vocabulary index for the shards that can match (src/scripts/search-index.ts), goes straight through
 * — or is held too, as `shards for <query>`, once the test sets `holdShardSearches`. Each shard merged is noted.
 */
async function holdSearches(page: Page): Promise<void> {
  await page.route('**/pagefind/pagefind.js', (route, request) => {
    if (new URL(request.url()).search) return route.continue(); // the stand-in importing the real module
    return route.fulfill({
      contentType: 'text/javascript',
      body: `
        import * as pagefind from './pagefind.js?real';
        const held = (window.heldSearches = []);
        const merged = (window.mergedShards = []);
        export function createInstance(options) {
          const instance = pagefind.createInstance(options);
          const search = (query, options) => {
            if (options?.filters?.${VOCABULARY_FILTER}) {
              if (!window.holdShardSearches) return instance.search(query, options);
              const answer = instance.search(query, options);
              return new Promise((resolve) => held.push({ query: 'shards for ' + query, release: () => answer.then(resolve) }));
            }
            const answer = instance.search(query, options).then(async (found) => {
              const data = await Promise.all(found.results.map((result) => result.data()));
              return { ...found, results: found.results.map((result, index) => ({ ...result, data: async () => data[index] })) };
            });
            return new Promise((resolve) => held.push({ query, release: () => answer.then(resolve) }));
          };
          const mergeIndex = (path, options) => {
            merged.push(path);
            return instance.mergeIndex(path, options);
          };
          return { ...instance, search, mergeIndex };
        }`,
    });
  });
}

const heldQueries = (page: Page) => page.evaluate(() => ((window as TestWindow).heldSearches ?? []).map((search) => search.query));

/**
 * Hands one held search to the page, then waits for a task (a message, which the test clock does not hold
 * back): by then the page has done all it does with the answer, which takes only microtasks.
 */
async function release(page: Page, query: string): Promise<void> {
  await page.evaluate(async (query) => {
    await (window as TestWindow).heldSearches!.find((search) => search.query === query)!.release();
    await new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  }, query);
}

/** The form's labels, fields and button in reading order, each where it is drawn. */
const formParts = (page: Page) => {
  const parts = [
    page.getByText('Search stories'),
    page.getByLabel('Search stories'),
    page.getByText('Section', { exact: true }),
    page.getByLabel('Section', { exact: true }),
    page.getByRole('button', { name: 'Search' }),
  ];
  return Promise.all(parts.map(async (part) => (await part.boundingBox())!));
};

test.describe('the form', () => {
  test('wide: the labels on one line, the fields and the button on the next, top and bottom aligned @once', async ({ page, sites }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${sites.reader}/search/`);
    const [queryLabel, query, sectionLabel, section, button] = await formParts(page);
    expect(sectionLabel.y).toBe(queryLabel.y);
    expect(sectionLabel.height).toBe(queryLabel.height);
    for (const control of [section, button]) {
      expect(control.y).toBe(query.y);
      expect(control.height).toBe(query.height);
    }
    expect(query.x + query.width).toBeLessThan(section.x);
    expect(section.x + section.width).toBeLessThan(button.x);
  });

  test('on a phone: label, field, label, field, button, one under another @once', async ({ page, sites }) => {
    await page.setViewportSize(devices['Pixel 7'].viewport);
    await page.goto(`${sites.reader}/search/`);
    const parts = await formParts(page);
    for (let index = 1; index < parts.length; index++) {
      expect(parts[index].y).toBeGreaterThanOrEqual(parts[index - 1].y + parts[index - 1].height);
    }
  });
});

test('typing a word, without Enter, shows the results and their count in the status region @js @basepath', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/search/`);
  await queryField(page).pressSequentially('synthetic');
  await expect(page.getByRole('status')).toHaveText(`${syntheticCount} stories match “synthetic”.`);
  await expect(page.locator('.search__results > li')).toHaveCount(20);
  await expect(page).toHaveURL(/\/search\/\?q=synthetic$/);
});

test('results come newest first, a page at a time; "Show older stories" lists the next page and moves to it @js @once', async ({ page, sites }) => {
  const newestFirst = ['synthetic-a', 'synthetic-b', 'synthetic-c', ...Array.from({ length: fillerCount }, (_, index) => `synthetic-filler-${String(fillerCount - index).padStart(2, '0')}`)].map(syntheticTitle);
  const results = page.locator('.search__results > li');
  const older = page.getByRole('button', { name: 'Show older stories' });
  await page.goto(`${sites.reader}/search/?q=synthetic`);
  await expect(page.getByRole('status')).toHaveText(`${syntheticCount} stories match “synthetic”.`);
  expect(await resultTitles(page)).toEqual(newestFirst.slice(0, 20));
  // Each dated as the listings date it: synthetic A at 09:00 UTC on March 1, 2024, the same day in New York.
  await expect(results.first().locator('time')).toHaveText('March 1, 2024');
  await expect(results.first().locator('time')).toHaveAttribute('datetime', '2024-03-01T09:00:00.000Z');
  await older.click();
  await expect(results).toHaveCount(40);
  expect(await resultTitles(page)).toEqual(newestFirst.slice(0, 40));
  await expect(page.getByRole('link', { name: newestFirst[20] })).toBeFocused();
  await older.click();
  await expect(results).toHaveCount(syntheticCount);
  await expect(older).toBeHidden();
  expect(await resultTitles(page)).toEqual(newestFirst);
  // A new search starts from its own first page.
  await queryField(page).fill('chart');
  await queryField(page).press('Enter');
  await expect(page.getByRole('status')).toHaveText('1 story matches “chart”.');
  await expect(results).toHaveCount(1);
  await expect(older).toBeHidden();
});

test('changing the section narrows the results at once, without a submit @js @once', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/search/`);
  await queryField(page).pressSequentially('synthetic');
  await expect(page.getByRole('status')).toHaveText(`${syntheticCount} stories match “synthetic”.`);
  const section = page.getByLabel('Section', { exact: true });
  await section.selectOption('Business');
  await expect(page.getByRole('status')).toHaveText(`${fillerCount} stories match “synthetic”.`);
  expect((await resultTitles(page)).every((title) => /^Synthetic story FILLER-\d+ /.test(title))).toBe(true);
  await expect(page).toHaveURL(/\?q=synthetic&section=Business$/);
  await section.selectOption('Culture');
  await expect(page.getByRole('status')).toHaveText('1 story matches “synthetic”.');
  expect(await resultTitles(page)).toEqual([syntheticTitle('synthetic-c')]);
});

test('fast typing ends with the results of the final query @js @once', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/search/`);
  // "c" finds synthetic C and the seed; "cou" only the seed.
  await queryField(page).pressSequentially('cou');
  await expect(page.getByRole('status')).toHaveText('1 story matches “cou”.');
  expect(await resultTitles(page)).toEqual([seedHeadline]);
});

test.describe('on a clock the test moves', () => {
  test.beforeEach(async ({ page }) => {
    // Stopped: the page's timers (the pause in typing) fire only when the test runs the clock on.
    await page.clock.install({ time: new Date('2024-01-01T00:00:00Z') });
    await page.clock.pauseAt(new Date('2024-01-01T00:01:00Z'));
  });

  test('Enter searches at once, without waiting for a pause in typing @js @once', async ({ page, sites }) => {
    await page.goto(`${sites.reader}/search/`);
    await queryField(page).fill('chart');
    await queryField(page).press('Enter');
    await expect(page.getByRole('status')).toHaveText('1 story matches “chart”.');
    expect(await resultTitles(page)).toEqual([syntheticTitle('synthetic-c')]);
  });

  test('typing searches once the reader pauses, and the status changes once, to the settled count @js @once', async ({ page, sites }) => {
    await holdSearches(page);
    // A first search, from the address, loads Pagefind: later ones start the moment the page asks.
    await page.goto(`${sites.reader}/search/?q=synthetic`);
    await expect.poll(() => heldQueries(page)).toEqual(['synthetic']);
    await release(page, 'synthetic');
    await expect(page.getByRole('status')).toHaveText(`${syntheticCount} stories match “synthetic”.`);
    await page.getByRole('status').evaluate((status) => {
      const said: string[] = ((window as TestWindow).statusSaid = []);
      new MutationObserver(() => said.push(status.textContent!)).observe(status, { childList: true, characterData: true, subtree: true });
    });
    await queryField(page).clear();
    await queryField(page).pressSequentially('cou');
    await page.clock.runFor(249);
    expect(await heldQueries(page)).toEqual(['synthetic']);
    await page.clock.runFor(1);
    await expect.poll(() => heldQueries(page)).toEqual(['synthetic', 'cou']);
    await release(page, 'cou');
    await expect(page.getByRole('status')).toHaveText('1 story matches “cou”.');
    expect(await page.evaluate(() => (window as TestWindow).statusSaid)).toEqual(['1 story matches “cou”.']);
  });

  test('a new search hides "Show older stories" until its own results say whether it has older ones @js @once', async ({ page, sites }) => {
    await holdSearches(page);
    await page.goto(`${sites.reader}/search/?q=synthetic`);
    await expect.poll(() => heldQueries(page)).toEqual(['synthetic']);
    await release(page, 'synthetic');
    const older = page.getByRole('button', { name: 'Show older stories' });
    await expect(older).toBeVisible();
    await queryField(page).fill('cou');
    await page.clock.runFor(250);
    await expect.poll(() => heldQueries(page)).toEqual(['synthetic', 'cou']);
    // Pressed now, it would list older stories of "synthetic" under the query "cou".
    await expect(older).toBeHidden();
    await release(page, 'cou');
    await expect(page.getByRole('status')).toHaveText('1 story matches “cou”.');
    await expect(older).toBeHidden();
  });

  test('a search that finishes after a newer one started never replaces its results @js @once', async ({ page, sites }) => {
    await holdSearches(page);
    await page.goto(`${sites.reader}/search/`);
    // Each letter typed after a pause: three searches under way at once.
    for (const [typed, searches] of [['c', ['c']], ['co', ['c', 'co']], ['cou', ['c', 'co', 'cou']]] as const) {
      await queryField(page).fill(typed);
      await page.clock.runFor(250);
      await expect.poll(() => heldQueries(page)).toEqual(searches);
    }
    await release(page, 'cou');
    await expect(page.getByRole('status')).toHaveText('1 story matches “cou”.');
    // The older searches finish last; had they not been dropped, "c" would list synthetic C and the seed.
    await release(page, 'c');
    await release(page, 'co');
    await expect(page.getByRole('status')).toHaveText('1 story matches “cou”.');
    expect(await resultTitles(page)).toEqual([seedHeadline]);
  });

  test('a search overtaken before it knows its shards loads none, nor searches them @js @once', async ({ page, sites }) => {
    await holdSearches(page);
    await page.goto(`${sites.reader}/search/`);
    await page.evaluate(() => ((window as TestWindow).holdShardSearches = true));
    for (const [typed, searches] of [['c', ['shards for c']], ['cou', ['shards for c', 'shards for cou']]] as const) {
      await queryField(page).fill(typed);
      await page.clock.runFor(250);
      await expect.poll(() => heldQueries(page)).toEqual(searches);
    }
    await release(page, 'shards for cou');
    await expect.poll(() => heldQueries(page)).toContain('cou');
    await release(page, 'cou');
    await expect(page.getByRole('status')).toHaveText('1 story matches “cou”.');
    const merged = await page.evaluate(() => (window as TestWindow).mergedShards);
    expect(merged!.length).toBeGreaterThan(0);
    // Its shards known, the overtaken search stops there: it merges no shard (not even one "cou" lacks) and
    // asks none for results, which it would do at once where "cou" merged them all already.
    await release(page, 'shards for c');
    expect(await page.evaluate(() => (window as TestWindow).mergedShards)).toEqual(merged);
    expect(await heldQueries(page)).toEqual(['shards for c', 'shards for cou', 'cou']);
    expect(await resultTitles(page)).toEqual([seedHeadline]);
  });
});
