/** axe-core on every page type, in light and dark colour schemes, at desktop and phone widths. */
import AxeBuilder from '@axe-core/playwright';
import { fullArticle } from './arabic-content';
import { expect, test } from './fixtures';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const pageTypes: { name: string; site: 'seed' | 'reader' | 'arabic' | 'oneStory' | 'threeStories'; path: string; status?: number; results?: number }[] = [
  { name: 'front page', site: 'reader', path: '/' },
  { name: 'front page of one story', site: 'oneStory', path: '/' },
  { name: 'front page of three stories', site: 'threeStories', path: '/' },
  { name: 'front page of the seed’s twelve stories', site: 'seed', path: '/' },
  { name: 'seed article', site: 'seed', path: '/articles/putin-not-ready-to-acknowledge-trump-loss/' },
  { name: 'article with two authors, avatar and newsletter form', site: 'reader', path: '/articles/synthetic-b/' },
  { name: 'section front', site: 'reader', path: '/sections/business/' },
  { name: 'section page 2', site: 'reader', path: '/sections/business/2/' },
  { name: 'topics', site: 'reader', path: '/tags/' },
  { name: 'topic', site: 'reader', path: '/tags/russia/' },
  { name: 'author', site: 'reader', path: '/authors/synthetic-writer/' },
  { name: 'archive', site: 'reader', path: '/archive/' },
  { name: 'archive month', site: 'reader', path: '/archive/2020/11/' },
  { name: 'search with results', site: 'seed', path: '/search/?q=Yashar', results: 1 },
  { name: 'search with older results to show', site: 'reader', path: '/search/?q=synthetic', results: 20 },
  { name: 'not found', site: 'seed', path: '/no-such-page/', status: 404 },
  { name: 'Arabic front page, right to left', site: 'arabic', path: '/' },
  { name: 'Arabic article, right to left', site: 'arabic', path: `/articles/${fullArticle.id}/` },
  { name: 'Arabic archive month, right to left', site: 'arabic', path: '/archive/2024/03/' },
];

test.use({ allowedStatus: [404] });

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name, site, path, status = 200, results } of pageTypes) {
    test(`${name}, ${colorScheme}: no WCAG 2.2 A/AA violations @js @a11y`, async ({ page, sites, samples }) => {
      await page.emulateMedia({ colorScheme });
      const response = await page.goto(`${{ ...sites, ...samples }[site]}${path}`);
      expect(response?.status()).toBe(status);
      if (results) await expect(page.locator('.search__results > li')).toHaveCount(results);
      const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(violations.map(({ id, impact, nodes }) => `${id} (${impact}): ${nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
