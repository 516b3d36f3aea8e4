/** The fronts (the front page, a section's first page) and the dates on every listing. */
import type { Locator, Page } from '@playwright/test';
import { seedHeadline, seedMoreStories, straightenQuotes } from '../support/seed';
import { expect, test } from './fixtures';
import { fillerCount, linkedExtra, syntheticTitle } from './reader-content';
import { sampleArticles, sampleUnlinked } from './sample-fronts';

const titlesIn = async (scope: Locator) => (await scope.locator('.headline-item__title').allInnerTexts()).map((title) => straightenQuotes(title.trim()));
const filler = (number: number) => syntheticTitle(`synthetic-filler-${String(number).padStart(2, '0')}`);

test('a front of many stories: the lead, four top stories, the latest eight, then a row for each section with stories left', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/`);
  await expect(page.locator('.front__lead h2')).toHaveText(syntheticTitle('synthetic-a'));
  expect(await titlesIn(page.locator('.front__top'))).toEqual([syntheticTitle('synthetic-b'), syntheticTitle('synthetic-c'), linkedExtra.title, seedHeadline]);
  expect(await titlesIn(page.locator('.front__latest'))).toEqual(Array.from({ length: 8 }, (_, index) => filler(fillerCount - index)));
  // World (A, the seed) and Science and Culture (B, C) are all shown higher up; Politics and Opinion have no stories.
  await expect(page.locator('.front__section h2')).toHaveText(['Business']);
  expect(await titlesIn(page.locator('.front__section'))).toEqual([filler(37), filler(36), filler(35)]);
  await page.locator('.front__section h2').getByRole('link', { name: 'Business' }).click();
  await expect(page.locator('h1')).toHaveText('Business');
});

test('no story appears twice on a front', async ({ page, sites, samples }) => {
  for (const front of [`${sites.reader}/`, `${sites.seed}/`, `${samples.threeStories}/`, `${sites.reader}/sections/business/`]) {
    await page.goto(front);
    const titles = await titlesIn(page.locator('main'));
    expect(titles.length, front).toBeGreaterThan(2);
    expect(new Set(titles).size, front).toBe(titles.length);
  }
});

test('the seed site’s twelve stories: the lead, four top stories and the river; no section rows', async ({ page, sites }) => {
  await page.goto(`${sites.seed}/`);
  await expect(page.locator('h1')).toHaveCount(1);
  expect(straightenQuotes(await page.locator('.front__lead h2').innerText())).toBe(seedHeadline);
  const more = seedMoreStories.map((story) => story.title);
  expect(await titlesIn(page.locator('.front__top'))).toEqual(more.slice(0, 4));
  expect(await titlesIn(page.locator('.front__latest'))).toEqual(more.slice(4));
  await expect(page.locator('.front__section')).toHaveCount(0);
});

test('one story: a lead alone, with its picture; three: the lead and a band of two', async ({ page, samples }) => {
  await page.goto(`${samples.oneStory}/`);
  await expect(page.locator('.front__lead h2')).toHaveText(sampleArticles[0].title);
  await expect(page.locator('.headline-item')).toHaveCount(1);
  await expect(page.locator('.front__top, .front__latest, .front__section')).toHaveCount(0);
  // The article page's picture: AVIF and WebP with a JPEG fallback, its size set, loaded first.
  const picture = page.locator('.front__lead .lead-image');
  await expect(picture.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /480w.*800w.*1200w/);
  await expect(picture.locator('img')).toHaveAttribute('width', '1600');
  await expect(picture.locator('img')).toHaveAttribute('height', '900');
  await expect(picture.locator('img')).toHaveAttribute('loading', 'eager');
  await expect(picture.locator('img')).toHaveAttribute('alt', 'A generated sample picture');

  await page.goto(`${samples.threeStories}/`);
  await expect(page.locator('.front__lead h2')).toHaveText(sampleArticles[0].title);
  expect(await titlesIn(page.locator('.front__top'))).toEqual([sampleArticles[1].title, sampleUnlinked.title]);
  await expect(page.locator('.front__latest, .front__section')).toHaveCount(0);
});

/** Each listing item's `<time>`: its `datetime` and text; none when the item has none. */
const itemTimes = (page: Page) =>
  page.locator('main .headline-item').evaluateAll((items) =>
    items.map((item) => {
      const time = item.querySelector('time');
      return { title: item.querySelector('.headline-item__title')!.textContent!, datetime: time?.getAttribute('datetime'), text: time?.textContent };
    }),
  );

test('every listing item shows its date in a <time datetime>: the day on listings, the time too on fronts', async ({ page, sites, request }) => {
  for (const path of ['/sections/business/2/', '/tags/russia/', '/authors/peter/', '/archive/2019/02/']) {
    await page.goto(`${sites.reader}${path}`);
    const items = await itemTimes(page);
    expect(items.length, path).toBeGreaterThan(1);
    for (const { title, datetime, text } of items) {
      expect(datetime, `${path} ${title}`).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      // In the newsroom's time zone (New York): noon UTC is the same day there.
      expect(text, `${path} ${title}`).toBe(new Date(datetime!).toLocaleDateString('en-US', { dateStyle: 'long', timeZone: 'America/New_York' }));
    }
  }

  // Fronts: every dated story with its date and time; the seed's undated "more stories" with none.
  for (const [site, path] of [[sites.reader, '/'], [sites.reader, '/sections/business/'], [sites.seed, '/']]) {
    const front = `${site}${path}`;
    const { headlines } = await (await request.get(`${site}/headlines.json`)).json();
    const dateOf = new Map(headlines.map((headline: { title: string; date: string | null }) => [straightenQuotes(headline.title), headline.date]));
    await page.goto(front);
    const items = await itemTimes(page);
    expect(items.filter((item) => item.datetime)).not.toHaveLength(0);
    for (const { title, datetime, text } of items) {
      expect(dateOf.has(straightenQuotes(title.trim())), `${front} ${title}`).toBe(true);
      expect(datetime ?? null, `${front} ${title}`).toBe(dateOf.get(straightenQuotes(title.trim())));
      if (datetime) expect(text, `${front} ${title}`).toMatch(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d\d\s[AP]M E[SD]T$/);
    }
  }
  await page.goto(`${sites.reader}/`);
  await expect(page.locator('.front__lead time')).toHaveText('Mar 1, 2024, 4:00 AM EST');
});

test('headline entries without a URL are plain text, nowhere styled as links', async ({ page, sites, samples }) => {
  const unlinked = async (title: string) => {
    const heading = page.locator('.headline-item__title', { hasText: title }).first();
    await expect(heading).toBeVisible();
    await expect(heading.locator('a')).toHaveCount(0);
    await expect(page.getByRole('link', { name: title })).toHaveCount(0);
    await heading.hover();
    return heading.evaluate((element) => ({ cursor: getComputedStyle(element).cursor, decoration: getComputedStyle(element).textDecorationLine, color: getComputedStyle(element).color }));
  };
  const ink = async () => page.locator('.front__lead .headline-item__title a').evaluate((link) => getComputedStyle(link).color);

  await page.goto(`${samples.threeStories}/`);
  expect(await unlinked(sampleUnlinked.title)).toEqual({ cursor: 'auto', decoration: 'none', color: await ink() });
  await page.goto(`${sites.seed}/`);
  for (const { title } of [seedMoreStories[0], seedMoreStories[10]]) {
    expect(await unlinked(title)).toEqual({ cursor: 'auto', decoration: 'none', color: await ink() });
  }
});

test('a section front: its lead, eight top stories and the rest of its first page as the river; later pages stay lists', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/sections/business/`);
  await expect(page.locator('.front__lead h2')).toHaveText(filler(fillerCount));
  expect(await titlesIn(page.locator('.front__top'))).toEqual(Array.from({ length: 8 }, (_, index) => filler(fillerCount - 1 - index)));
  expect(await titlesIn(page.locator('.front__latest'))).toEqual(Array.from({ length: 11 }, (_, index) => filler(fillerCount - 9 - index)));
  await expect(page.locator('.front__section')).toHaveCount(0);
  await expect(page.locator('.pagination__status')).toHaveText('Page 1 of 3');

  await page.goto(`${sites.reader}/sections/business/2/`);
  await expect(page.locator('.front__lead, .front__top, .front__latest')).toHaveCount(0);
  expect(await titlesIn(page.locator('.headline-list'))).toEqual(Array.from({ length: 20 }, (_, index) => filler(fillerCount - 20 - index)));
});

test('a recent story’s time on a front also says how long ago @js @once', async ({ page, sites }) => {
  // Two hours after synthetic A was published.
  await page.clock.setFixedTime(new Date('2024-03-01T11:00:00Z'));
  await page.goto(`${sites.reader}/`);
  await expect(page.locator('.front__lead .headline-item__date')).toHaveText('Mar 1, 2024, 4:00 AM EST (2 hours ago)');
  // A week and more before: the time alone.
  await expect(page.locator('.front__top .headline-item__date').first()).toHaveText('Feb 1, 2024, 4:00 AM EST');
});
