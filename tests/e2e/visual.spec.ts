/**
 * Screenshots compared against the committed baselines in tests/e2e/__screenshots__/ (article, front pages,
 * section front; light and dark; at desktop and phone width; and the Arabic site's article and front page,
 * mirrored). After an intended design change, review and update them with
 * `npx playwright test -c tests/playwright.config.ts visual --update-snapshots`.
 */
import { fullArticle } from './arabic-content';
import { expect, loadAllPictures, test } from './fixtures';

/** Fronts at 1, 3, 12 (the seed) and many stories, an article and a section front, in both schemes unless `schemes` says. */
const pages: { name: string; site: 'reader' | 'seed' | 'oneStory' | 'threeStories' | 'arabic'; path: string; schemes?: readonly ('light' | 'dark')[] }[] = [
  { name: 'article', site: 'reader', path: '/articles/synthetic-c/' },
  { name: 'front', site: 'reader', path: '/' },
  { name: 'front-1-story', site: 'oneStory', path: '/' },
  { name: 'front-3-stories', site: 'threeStories', path: '/' },
  { name: 'front-12-stories', site: 'seed', path: '/' },
  { name: 'section', site: 'reader', path: '/sections/business/' },
  // Right to left (arabic-content.ts): the light scheme shows the mirroring as well as both would.
  { name: 'rtl-article', site: 'arabic', path: `/articles/${fullArticle.id}/`, schemes: ['light'] },
  { name: 'rtl-front', site: 'arabic', path: '/', schemes: ['light'] },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name, site, path } of pages.filter(({ schemes }) => schemes?.includes(colorScheme) ?? true)) {
    test(`${name}, ${colorScheme} @visual`, async ({ page, sites, samples }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${{ ...sites, ...samples }[site]}${path}`);
      await loadAllPictures(page);
      await expect(page).toHaveScreenshot(`${name}-${colorScheme}.png`, { fullPage: true, maxDiffPixelRatio: 0.01 });
    });
  }
}
