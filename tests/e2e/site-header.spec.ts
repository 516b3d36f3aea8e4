/**
 * The site header on every page: one row no taller than 64 px on a phone (name, sections, theme toggle), the
 * sections on one line that scrolls sideways by touch and by keyboard, and the toggle as a named icon button.
 */
import { devices, type Page } from '@playwright/test';
import { expect, test } from './fixtures';

const sectionLinks = (page: Page) => page.getByRole('navigation', { name: 'Sections' }).getByRole('link');

/** A phone's width, where the sections do not fit beside the name and the toggle. */
const phoneViewport = devices['Pixel 7'].viewport;

for (const colorScheme of ['light', 'dark'] as const) {
  test(`one row at most 64 px tall, the sections on one line, ${colorScheme} @anyjs`, async ({ page, sites }) => {
    await page.emulateMedia({ colorScheme });
    for (const path of ['/', '/articles/synthetic-c/', '/search/']) {
      await page.goto(`${sites.reader}${path}`);
      expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThanOrEqual(64);
      const tops = await sectionLinks(page).evaluateAll((links) => links.map((link) => link.getBoundingClientRect().top));
      expect(tops).toHaveLength(7);
      expect(new Set(tops).size).toBe(1);
    }
  });
}

test.describe('at a phone’s width', () => {
  test.use({ viewport: phoneViewport });

  test.describe('with a touch screen', () => {
    test.use({ hasTouch: true });

    test('the sections scroll sideways by touch, faded at the end while more follows', async ({ page, sites }) => {
      await page.goto(`${sites.reader}/`);
      const nav = page.getByRole('navigation', { name: 'Sections' });
      const search = nav.getByRole('link', { name: 'Search' });
      expect(await nav.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
      expect(await nav.evaluate((element) => getComputedStyle(element).maskImage)).toMatch(/^linear-gradient/);
      await expect(search).not.toBeInViewport();
      // A finger swiping the row to the left: touch events the browser scrolls by, not a script setting scrollLeft.
      const box = (await nav.boundingBox())!;
      const session = await page.context().newCDPSession(page);
      const touch = (type: 'touchStart' | 'touchMove', x: number) =>
        session.send('Input.dispatchTouchEvent', { type, touchPoints: [{ x, y: box.y + box.height / 2 }] });
      // Twice from the row's end to the screen's edge: further than the row can scroll (it stops at its end).
      const [from, to] = [box.x + box.width - 4, 4];
      for (let stroke = 0; stroke < 2; stroke++) {
        await touch('touchStart', from);
        for (let step = 1; step <= 10; step++) await touch('touchMove', from - ((from - to) * step) / 10);
        await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      }
      await expect(search).toBeInViewport({ ratio: 1 });
      // The row scrolled, not the page.
      expect(await page.evaluate(() => window.scrollX)).toBe(0);
    });
  });

  test('on a section’s page, its link in the row is shown whole, clear of the fade, and the page is not scrolled @js', async ({ page, sites }) => {
    for (const [path, name] of [['/sections/culture/', 'Culture'], ['/sections/opinion/', 'Opinion'], ['/sections/business/2/', 'Business']]) {
      await page.goto(`${sites.reader}${path}`);
      const nav = page.getByRole('navigation', { name: 'Sections' });
      const link = nav.getByRole('link', { name, exact: true });
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expect(link).toBeInViewport({ ratio: 1 });
      const { box, row, fade } = await link.evaluate((element) => {
        const row = element.closest('nav')!;
        return { box: element.getBoundingClientRect().toJSON() as DOMRect, row: row.getBoundingClientRect().toJSON() as DOMRect, fade: parseFloat(getComputedStyle(row).scrollPaddingInlineEnd) };
      });
      expect(box.left).toBeGreaterThanOrEqual(row.left);
      // Scroll positions are whole pixels: the link's end may pass the fade's start by a fraction of one.
      expect(box.right, name).toBeLessThanOrEqual(row.right - fade + 1);
      expect(await page.evaluate(() => [window.scrollX, window.scrollY])).toEqual([0, 0]);
    }
  });

  test('opened further down (at #main), a section’s page stays where it was opened, its row scrolled all the same @js', async ({ page, sites }) => {
    await page.goto(`${sites.reader}/sections/business/2/#main`);
    const main = await page.locator('#main').evaluate((element) => element.getBoundingClientRect().top);
    // The page is where the address put it: #main at the top, the header above it, out of view.
    expect(Math.abs(main)).toBeLessThanOrEqual(1);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const { link, row } = await page.locator('.site-nav a[aria-current="page"]').evaluate((element) => ({
      link: element.getBoundingClientRect().toJSON() as DOMRect,
      row: element.closest('nav')!.getBoundingClientRect().toJSON() as DOMRect,
    }));
    expect(link.left).toBeGreaterThanOrEqual(row.left);
    expect(link.right).toBeLessThanOrEqual(row.right);
  });

  test('right to left, the current section’s link is shown whole, clear of the fade on the left @js @once', async ({ page, samples }) => {
    await page.goto(`${samples.arabic}/sections/culture/`);
    const link = page.getByRole('navigation').first().locator('a[aria-current="page"]');
    await expect(link).toBeInViewport({ ratio: 1 });
    const { box, row, fade } = await link.evaluate((element) => {
      const row = element.closest('nav')!;
      return { box: element.getBoundingClientRect().toJSON() as DOMRect, row: row.getBoundingClientRect().toJSON() as DOMRect, fade: parseFloat(getComputedStyle(row).scrollPaddingInlineEnd) };
    });
    expect(box.left).toBeGreaterThanOrEqual(row.left + fade - 1);
    expect(box.right).toBeLessThanOrEqual(row.right);
  });

  test('every section link is reached by Tab, scrolled clear of the fade, with a focus ring @keyboard @js', async ({ page, sites }) => {
    await page.goto(`${sites.reader}/`);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const fade = await nav.evaluate((element) => parseFloat(getComputedStyle(element).scrollPaddingInlineEnd));
    expect(fade).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Broadsheet', exact: true }).focus();
    for (const link of await sectionLinks(page).all()) {
      await page.keyboard.press('Tab');
      await expect(link).toBeFocused();
      await expect(link).toBeInViewport({ ratio: 1 });
      // The ring as drawn (a negative outline-offset puts it inside the link) lies in the row's visible part.
      const { ring, row } = await link.evaluate((element) => {
        const style = getComputedStyle(element);
        const spread = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
        const box = element.getBoundingClientRect();
        return {
          ring: { style: style.outlineStyle, width: parseFloat(style.outlineWidth), left: box.left - spread, right: box.right + spread, top: box.top - spread, bottom: box.bottom + spread },
          row: element.closest('nav')!.getBoundingClientRect().toJSON() as DOMRect,
        };
      });
      expect(ring.style).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(2);
      expect(ring.left).toBeGreaterThanOrEqual(row.left);
      expect(ring.top).toBeGreaterThanOrEqual(row.top);
      expect(ring.bottom).toBeLessThanOrEqual(row.bottom);
      // Scroll positions are whole pixels: the link's end may pass the fade's start by a fraction of one.
      expect(ring.right).toBeLessThanOrEqual(row.right - fade + 1);
    }
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Dark theme' })).toBeFocused();
  });
});

test('the theme toggle is an icon button with a name, a 48 px target, and switches the theme @js', async ({ page, sites }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(`${sites.reader}/`);
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle.locator('svg')).toHaveAttribute('aria-hidden', 'true');
  await expect(toggle.locator('svg')).toBeVisible();
  const box = (await toggle.boundingBox())!;
  expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(48);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
