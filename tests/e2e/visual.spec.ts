/**
 * Screenshots compared against the committed baselines in tests/e2e/__screenshots__/ (article, front page,
 * section front; light and dark; at desktop and phone width). After an intended design change, review and
 * update them with `npx playwright test -c tests/playwright.config.ts visual --update-snapshots`.
 */
import { expect, loadAllPictures, test } from './fixtures';

const pages = [
  { name: 'article', path: '/articles/synthetic-c/' },
  { name: 'front', path: '/' },
  { name: 'section', path: '/sections/business/' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name, path } of pages) {
    test(`${name}, ${colorScheme} @visual`, async ({ page, sites }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${sites.reader}${path}`);
      await loadAllPictures(page);
      await expect(page).toHaveScreenshot(`${name}-${colorScheme}.png`, { fullPage: true, maxDiffPixelRatio: 0.01 });
    });
  }
}
