/** Reading through the site: front page → article → "More stories" → the next article, on every project. */
import { seedBodyParagraphs, seedHeadline, straightenQuotes } from '../support/seed';
import { expect, test } from './fixtures';
import { linkedExtra, syntheticTitle } from './reader-content';

const sidebarTitles = (page: import('@playwright/test').Page) =>
  page.locator('aside.more-stories .headline-item__title').allInnerTexts();

test('home → article → a sidebar link → that article @basepath @anyjs', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/`);
  await page.locator('.front__lead').getByRole('link', { name: syntheticTitle('synthetic-a') }).click();
  await expect(page.locator('h1')).toHaveText(syntheticTitle('synthetic-a'));

  // The seed article shares synthetic A's section and tag, so it leads the sidebar.
  await page.locator('aside.more-stories').getByRole('link').first().click();
  await expect(page).toHaveURL(`${sites.reader}/articles/putin-not-ready-to-acknowledge-trump-loss/`);
  expect(straightenQuotes(await page.locator('h1').innerText())).toBe(seedHeadline);
  expect((await page.locator('.article-body p').allInnerTexts()).map(straightenQuotes)).toEqual(seedBodyParagraphs);
});

test('sidebar order: pinned first, then shared tags or section, then newest of the window; never the article itself', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/articles/synthetic-b/`);
  const titles = await sidebarTitles(page);
  expect(titles).toHaveLength(10);
  // Pinned C; nothing shares B's section or tags; then newest: A (29 days after B, inside its window), the dated
  // extra (2023), the seed (2020).
  expect(titles.slice(0, 4).map(straightenQuotes)).toEqual([
    syntheticTitle('synthetic-c'),
    syntheticTitle('synthetic-a'),
    linkedExtra.title,
    seedHeadline,
  ]);
  expect(titles).not.toContain(syntheticTitle('synthetic-b'));
  expect(new Set(titles).size).toBe(titles.length);

  // The seed (2020) shares A's section and tag, but A, B and C came years later, past its 30-day window: an
  // archive page keeps the stories of its time.
  await page.goto(`${sites.reader}/articles/putin-not-ready-to-acknowledge-trump-loss/`);
  const seedRail = await sidebarTitles(page);
  expect(seedRail).toHaveLength(10);
  for (const id of ['synthetic-a', 'synthetic-b', 'synthetic-c']) expect(seedRail).not.toContain(syntheticTitle(id));
});

test('in-page links from the writer resolve: heading anchor and footnotes @anyjs', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/articles/synthetic-c/`);
  for (const link of await page.locator('.article-body a[href^="#"]').all()) {
    const target = decodeURIComponent((await link.getAttribute('href'))!.slice(1));
    await expect(page.locator(`[id="${target}"]`)).toHaveCount(1);
  }
  await page.getByRole('link', { name: 'Jump to the note' }).click();
  await expect(page).toHaveURL(/#user-content-note$/);
});

test('newsletter sign-up is a plain form posting to the configured action @once', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/articles/synthetic-a/`);
  const form = page.locator('.newsletter form');
  await expect(form).toHaveAttribute('action', 'https://example.org/newsletter');
  await expect(form).toHaveAttribute('method', 'post');
  await expect(form.getByLabel('Email address')).toHaveAttribute('type', 'email');
});

test('layout: sidebar beside the article on wide screens, after it on narrow ones; no sideways scroll', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/articles/synthetic-a/`);
  const article = (await page.locator('main article.article').boundingBox())!;
  const sidebar = (await page.locator('aside.more-stories').boundingBox())!;
  const viewport = page.viewportSize()!;
  if (viewport.width >= 960) {
    expect(sidebar.x).toBeGreaterThanOrEqual(article.x + article.width);
    expect(sidebar.y).toBeLessThan(article.y + article.height);
  } else {
    expect(sidebar.y).toBeGreaterThanOrEqual(article.y + article.height);
  }
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(viewport.width);
  // A readable measure: body lines no wider than about 75 characters.
  const measure = await page.locator('.article-body p').first().evaluate((p) => p.getBoundingClientRect().width / parseFloat(getComputedStyle(p).fontSize));
  expect(measure).toBeLessThanOrEqual(38);
});

test('visible focus on links @keyboard', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/articles/synthetic-a/`);
  const link = page.locator('aside.more-stories a').first();
  await link.focus();
  const outline = await link.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).toBe('solid');
});

test('dates: published and updated in <time datetime> @once', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/articles/synthetic-a/`);
  const times = page.locator('.article-header time');
  await expect(times.nth(0)).toHaveAttribute('datetime', '2024-03-01T09:00:00.000Z');
  await expect(times.nth(0)).toHaveText('March 1, 2024');
  await expect(times.nth(1)).toHaveAttribute('datetime', '2024-03-02T15:30:00.000Z');
  await expect(page.locator('.dateline')).toContainText('Updated March 2, 2024');
});

test('several authors: a joined byline and a bio box each, with the optimised avatar @basepath', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/articles/synthetic-b/`);
  await expect(page.locator('.byline')).toHaveText('By Peter and Synthetic Writer');
  await expect(page.locator('.author-bio')).toHaveCount(2);
  const avatar = page.locator('.author-bio img');
  await expect(avatar).toHaveCount(1);
  await expect(avatar).toHaveAttribute('alt', 'Avatar of the synthetic writer');
  await expect(avatar).toHaveAttribute('src', /\/_astro\/.+\.webp$/);
  // Lazy: it loads once in view, which decode() waits for.
  await avatar.scrollIntoViewIfNeeded();
  expect(await avatar.evaluate(async (img: HTMLImageElement) => (await img.decode(), img.naturalWidth))).toBeGreaterThan(0);
});

test('extra headline entries with a URL link to it; drafts are left out of the build @once', async ({ page, request, sites }) => {
  await page.goto(`${sites.reader}/`);
  await expect(page.getByRole('link', { name: linkedExtra.title })).toHaveAttribute('href', linkedExtra.url);
  await expect(page.getByText(syntheticTitle('synthetic-draft'))).toHaveCount(0);
  const { headlines } = await (await request.get(`${sites.reader}/headlines.json`)).json();
  expect(headlines.map((headline: { id: string }) => headline.id)).not.toContain('synthetic-draft');
  expect((await request.get(`${sites.reader}/articles/synthetic-draft/`)).status()).toBe(404);
});
