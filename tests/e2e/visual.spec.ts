/**
 * Screenshots compared against the committed baselines in tests/e2e/__screenshots__/ (article, front page,
 * section front; light and dark; at desktop and phone width; and the Arabic site's article and front page,
 * mirrored). After an intended design change, review and update them with
 * `npx playwright test -c tests/playwright.config.ts visual --update-snapshots`.
 */
import { arabicSite, fullArticle } from './arabic-content';
import { expect, loadAllPictures, test } from './fixtures';

/** Each page at the reader site's `path` unless another `site` is named, in both schemes unless `schemes` says. */
const pages: { name: string; path: string; site?: string; schemes?: readonly ('light' | 'dark')[] }[] = [
  { name: 'article', path: '/articles/synthetic-c/' },
  { name: 'front', path: '/' },
  { name: 'section', path: '/sections/business/' },
  // Right to left (arabic-content.ts): the light scheme shows the mirroring as well as both would.
  { name: 'rtl-article', site: arabicSite, path: `/articles/${fullArticle.id}/`, schemes: ['light'] },
  { name: 'rtl-front', site: arabicSite, path: '/', schemes: ['light'] },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name, site, path } of pages.filter(({ schemes }) => schemes?.includes(colorScheme) ?? true)) {
    test(`${name}, ${colorScheme} @visual`, async ({ page, sites }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${site ?? sites.reader}${path}`);
      await loadAllPictures(page);
      await expect(page).toHaveScreenshot(`${name}-${colorScheme}.png`, { fullPage: true, maxDiffPixelRatio: 0.01 });
    });
  }
}
