/** What a shared link shows on social sites: an article's own card, its lead picture, or the site's card. */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The sharing picture a page names, checked in every tag that names it, with its size as the page states it. */
async function sharedImage(page: Page): Promise<{ url: string; alt: string; width: string; height: string }> {
  const meta = (selector: string) => page.locator(`meta[${selector}]`).getAttribute('content');
  const url = (await meta('property="og:image"'))!;
  expect(await meta('name="twitter:image"')).toBe(url);
  expect(await meta('name="twitter:card"')).toBe('summary_large_image');
  const alt = (await meta('property="og:image:alt"'))!;
  expect(await meta('name="twitter:image:alt"')).toBe(alt);
  return { url, alt, width: (await meta('property="og:image:width"'))!, height: (await meta('property="og:image:height"'))! };
}

/** The picture at a public URL, fetched from the test server: its type and its size from its header. */
async function fetchPicture(request: APIRequestContext, site: string, url: string) {
  const response = await request.get(`${new URL(site).origin}${new URL(url).pathname}`);
  expect(response.status()).toBe(200);
  const body = await response.body();
  const size = response.headers()['content-type'] === 'image/png' ? [body.readUInt32BE(16), body.readUInt32BE(20)] : undefined;
  return { type: response.headers()['content-type'], size };
}

const escape = (text: string) => text.replace(/[/.]/g, '\\$&');

test('an article without a lead picture shares its own card: a 1200×630 PNG at an absolute URL under the base path @once @basepath', async ({ page, request, sites, publicUrl }) => {
  for (const [site, path, headline] of [
    [sites.seed, '/articles/putin-not-ready-to-acknowledge-trump-loss/', 'Russia’s Putin says he still isn’t ready to acknowledge Trump’s loss'],
    [sites.reader, '/articles/synthetic-a/', 'Synthetic story A (test fixture)'],
  ]) {
    await page.goto(`${site}${path}`);
    const image = await sharedImage(page);
    expect(image.url).toMatch(new RegExp(`^${escape(publicUrl('/cards/'))}[\\w-]{16}\\.png$`));
    expect(image).toMatchObject({ width: '1200', height: '630', alt: expect.stringContaining(headline) });
    expect(await fetchPicture(request, site, image.url)).toEqual({ type: 'image/png', size: [1200, 630] });
  }
});

test('each article’s card is its own; every other page shares the site’s card @once @basepath', async ({ page, request, sites }) => {
  const cardOf = async (path: string) => {
    await page.goto(`${sites.reader}${path}`);
    return sharedImage(page);
  };
  const [a, b] = [await cardOf('/articles/synthetic-a/'), await cardOf('/articles/synthetic-b/')];
  expect(a.url).not.toBe(b.url);
  const siteCard = await cardOf('/');
  expect(siteCard.url).not.toBe(a.url);
  expect(siteCard).toMatchObject({ width: '1200', height: '630', alt: 'Broadsheet: News, briefly and clearly.' });
  for (const path of ['/sections/world/', '/tags/', '/archive/', '/search/']) expect((await cardOf(path)).url).toBe(siteCard.url);
  expect(await fetchPicture(request, sites.reader, siteCard.url)).toEqual({ type: 'image/png', size: [1200, 630] });
});

test('an article with a lead picture keeps sharing its picture, as a JPEG with its size @once @basepath', async ({ page, request, sites, publicUrl }) => {
  await page.goto(`${sites.reader}/articles/synthetic-c/`);
  const image = await sharedImage(page);
  expect(image.url).toMatch(new RegExp(`^${escape(publicUrl('/_astro/'))}synthetic-lead\\..+\\.jpe?g$`));
  // The 1600×900 picture, 1200 wide.
  expect(image).toEqual({ url: image.url, alt: 'A synthetic test picture', width: '1200', height: '675' });
  expect((await fetchPicture(request, sites.reader, image.url)).type).toBe('image/jpeg');
});
