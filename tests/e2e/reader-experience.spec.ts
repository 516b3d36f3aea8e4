/** The article as a reader meets it: pictures, notes, sources, sharing, colour schemes, print, stability. */
import { expect, loadAllPictures, test } from './fixtures';

const richArticle = '/articles/synthetic-c/';

test('lead picture: AVIF and WebP with a JPEG fallback, a srcset of widths, its size set, caption and credit @basepath', async ({ page, sites }) => {
  await page.goto(`${sites.reader}${richArticle}`);
  const figure = page.locator('.lead-image');
  await expect(figure.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /480w.*800w.*1200w/);
  await expect(figure.locator('source[type="image/webp"]')).toHaveAttribute('srcset', /480w.*800w.*1200w/);
  const img = figure.locator('img');
  await expect(img).toHaveAttribute('src', /\.jpg$/);
  await expect(img).toHaveAttribute('width', '1600');
  await expect(img).toHaveAttribute('height', '900');
  await expect(img).toHaveAttribute('alt', 'A synthetic test picture');
  await expect(img).toHaveAttribute('loading', 'eager');
  await expect(figure.locator('figcaption')).toHaveText('A generated gradient. Test fixture');
  expect(await img.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
});

test('inline pictures: AVIF and WebP with a fallback, sized, lazy, with a srcset, caption and credit @basepath', async ({ page, sites }) => {
  await page.goto(`${sites.reader}${richArticle}`);
  const figure = page.locator('.article-body figure.body-picture');
  await expect(figure.locator('source[type="image/avif"]')).toHaveAttribute('srcset', /640w.*800w/);
  await expect(figure.locator('source[type="image/webp"]')).toHaveAttribute('srcset', /640w.*800w/);
  const img = figure.locator('img');
  await expect(img).toHaveAttribute('src', /synthetic-chart\..+\.png$/);
  await expect(img).toHaveAttribute('alt', 'A synthetic chart');
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('width', '800');
  await expect(img).toHaveAttribute('srcset', /640w.*800w/);
  await expect(figure.locator('figcaption')).toHaveText('A synthetic caption Synthetic credit');
  await img.scrollIntoViewIfNeeded();
  await expect.poll(() => img.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0)).toBe(true);
  expect(await img.evaluate((element: HTMLImageElement) => element.currentSrc)).toMatch(/\.avif$/);
});

test('the sharing picture is a JPEG, as social sites require @once @basepath', async ({ page, request, sites }) => {
  await page.goto(`${sites.reader}${richArticle}`);
  const url = await page.locator('meta[property="og:image"]').getAttribute('content');
  expect(url).toMatch(/\.jpe?g$/);
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const response = await request.get(`${new URL(sites.reader).origin}${new URL(url!).pathname}`);
  expect(response.headers()['content-type']).toBe('image/jpeg');
});

test('updates and corrections under the dek, feeding dateModified and the feeds @once @basepath', async ({ page, request, sites, publicUrl }) => {
  await page.goto(`${sites.reader}${richArticle}`);
  await expect(page.locator('.notes li')).toHaveText([
    'Update (January 2, 2024): A synthetic update to the story.',
    'Correction (January 3, 2024): A synthetic correction of a detail.',
  ]);
  await expect(page.locator('.dateline')).toContainText('Updated January 3, 2024');
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd['@graph'][0].dateModified).toBe('2024-01-03T12:00:00.000Z');
  const { items } = await (await request.get(`${sites.reader}/feed.json`)).json();
  const item = items.find((candidate: { id: string }) => candidate.id === publicUrl(richArticle));
  expect(item.date_modified).toBe('2024-01-03T12:00:00.000Z');
  expect(item.content_html).toContain('<strong>Correction (January 3, 2024):</strong> A synthetic correction of a detail.');
  // Pictures in feeds point at their optimised files, by absolute address; readers that drop <source> get the fallback.
  const src = /<img [^>]*src="([^"]+)"/.exec(item.content_html)?.[1];
  expect(src).toMatch(new RegExp(`^${publicUrl('/_astro/').replace(/[/.]/g, '\\$&')}synthetic-chart\\..+\\.png$`));
  expect(item.content_html).toMatch(new RegExp(`<source srcset="${publicUrl('/_astro/').replace(/[/.]/g, '\\$&')}[^"]+\\.avif [^"]+" type="image/avif"`));
  expect(item.content_html).not.toContain('<!--picture:');
  const picture = await request.get(`${new URL(sites.reader).origin}${new URL(src!).pathname}`);
  expect(picture.headers()['content-type']).toBe('image/png');
});

test('sources, reading time and plain share links @once @basepath', async ({ page, sites, publicUrl }) => {
  await page.goto(`${sites.reader}${richArticle}`);
  await expect(page.locator('.sources li')).toHaveText(['Example Publisher, A synthetic source document', 'Example Agency, Another synthetic source']);
  await expect(page.locator('.sources a').first()).toHaveAttribute('href', 'https://example.org/synthetic-source');
  await expect(page.locator('.dateline')).toContainText('1 min read');
  const share = page.getByRole('navigation', { name: 'Share this article' });
  await expect(share.getByRole('link')).toHaveText(['Email', 'Bluesky', 'X', 'Facebook', 'LinkedIn']);
  for (const href of await share.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')!))) {
    expect(href).toContain(encodeURIComponent(publicUrl(richArticle)));
  }
});

test('colour scheme follows the system setting @js @once', async ({ page, sites }) => {
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${sites.reader}${richArticle}`);
  expect(await background()).toBe('rgb(253, 252, 249)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(22, 21, 19)');
});

test('the theme toggle switches, is remembered, and applies before the first paint @js @once', async ({ page, sites }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${sites.reader}${richArticle}`);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // On the next page the saved choice is applied by a blocking script in <head>: the body is dark from its
  // very first style computation, so there is no flash of the light theme.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      (window as { firstBackground?: string }).firstBackground = getComputedStyle(document.body).backgroundColor;
    });
  });
  await page.goto(`${sites.reader}/`);
  expect(await page.evaluate(() => (window as { firstBackground?: string }).firstBackground)).toBe('rgb(22, 21, 19)');
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
});

test('without JavaScript the toggle is not shown and the system setting rules @nojs', async ({ page, sites }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${sites.reader}${richArticle}`);
  await expect(page.locator('[data-theme-toggle]')).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(22, 21, 19)');
});

test('print: article, byline, dates and sources; no navigation, rail, forms or sharing @once', async ({ page, sites }) => {
  await page.goto(`${sites.reader}${richArticle}`);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.site-nav', '.more-stories', '.newsletter', '.share', '.site-footer', '.theme-toggle', '.article-tags']) {
    await expect(page.locator(hidden)).toBeHidden();
  }
  for (const shown of ['h1', '.byline', '.dateline', '.sources', '.article-body']) await expect(page.locator(shown)).toBeVisible();
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
});

test('nothing moves while the page loads (cumulative layout shift 0) @js', async ({ page, sites }) => {
  // Watching from the first byte, then through every picture loading, rather than for a fixed while.
  await page.addInitScript(() => {
    const shifts: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) shifts.push(entry.value);
    });
    observer.observe({ type: 'layout-shift', buffered: true });
    Object.assign(window, { layoutShifts: () => [...shifts, ...observer.takeRecords().map((entry) => (entry as PerformanceEntry & { value: number }).value)] });
  });
  await page.goto(`${sites.reader}${richArticle}`, { waitUntil: 'load' });
  await loadAllPictures(page);
  // Two frames: a shift caused by the last picture is laid out and reported by then.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(() => (window as unknown as { layoutShifts: () => number[] }).layoutShifts())).toEqual([]);
});

test('a recent update also says how long ago, on top of the absolute date @js @once', async ({ page, sites }) => {
  // Five minutes after the correction of 2024-01-03 12:00 UTC.
  await page.clock.setFixedTime(new Date('2024-01-03T12:05:00Z'));
  await page.goto(`${sites.reader}${richArticle}`);
  await expect(page.locator('.dateline')).toContainText('Updated January 3, 2024 (5 minutes ago)');
  await expect(page.locator('.dateline__updated')).toHaveAttribute('datetime', '2024-01-03T12:00:00.000Z');
});

test('an update older than a week shows the date alone @once', async ({ page, sites }) => {
  await page.goto(`${sites.reader}${richArticle}`);
  await expect(page.locator('.dateline')).toContainText('Updated January 3, 2024 · 1 min read');
  await expect(page.locator('.relative-time')).toHaveCount(0);
});
