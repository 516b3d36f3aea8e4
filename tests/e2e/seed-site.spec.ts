/** The production build of the real content: the seed article page, the front page, the index, the 404. */
import { seedBio, seedBodyParagraphs, seedHeadline, seedMoreStories, straightenQuotes } from '../support/seed';
import { expect, test } from './fixtures';

const articlePath = '/articles/putin-not-ready-to-acknowledge-trump-loss/';

test.describe('seed article page @anyjs', () => {
  test.beforeEach(async ({ page, sites }) => {
    await page.goto(`${sites.seed}${articlePath}`);
  });

  test('shows kicker, one headline, dek, byline and dates @basepath', async ({ page, base }) => {
    const header = page.locator('article .article-header');
    await expect(header.locator('.kicker')).toContainText('Speed Read');
    await expect(page.locator('h1')).toHaveCount(1);
    expect(straightenQuotes(await page.locator('h1').innerText())).toBe(seedHeadline);
    await expect(header.locator('.dek')).not.toBeEmpty();
    await expect(header.locator('.byline')).toHaveText('By Peter');
    await expect(header.locator('.byline a')).toHaveAttribute('href', `${base}/authors/peter/`);
    await expect(header.locator('time')).toHaveAttribute('datetime', '2020-11-23T05:00:00.000Z');
    await expect(header.locator('time')).toHaveText('November 23, 2020');
  });

  test('renders the seed’s body text, and none of its page furniture', async ({ page }) => {
    const paragraphs = await page.locator('.article-body p').allInnerTexts();
    expect(paragraphs.map(straightenQuotes)).toEqual(seedBodyParagraphs);
    await expect(page.locator('body')).not.toContainText('Subscribe to The Week');
    await expect(page.locator('body')).not.toContainText('Sign up for');
  });

  test('shows the author bio box', async ({ page }) => {
    const bio = page.locator('.author-bio');
    await expect(bio.locator('.author-bio__name')).toHaveText('Peter');
    expect(straightenQuotes(await bio.locator('.author-bio__text').innerText())).toBe(seedBio);
  });

  test('lists the first ten seed stories in the sidebar, in order, as plain text', async ({ page }) => {
    const items = page.locator('aside.more-stories li');
    await expect(items).toHaveCount(10);
    const shown = await items.evaluateAll((lis) =>
      lis.map((li) => ({
        kicker: li.querySelector('.kicker')!.textContent,
        title: li.querySelector('.headline-item__title')!.textContent,
        dek: li.querySelector('.headline-item__dek')!.textContent,
      })),
    );
    expect(shown.map(({ kicker, title, dek }) => ({ kicker, title: straightenQuotes(title!), dek: straightenQuotes(dek!) }))).toEqual(
      seedMoreStories.slice(0, 10),
    );
    // The seed's entries carry no URL, so none is a link.
    await expect(page.locator('aside.more-stories a')).toHaveCount(0);
  });

  test('has landmarks, a working skip link and no newsletter form without an action', async ({ page }) => {
    for (const landmark of ['banner', 'main', 'contentinfo', 'complementary']) {
      await expect(page.getByRole(landmark as 'main')).toHaveCount(1);
    }
    await expect(page.locator('main article.article')).toHaveCount(1);
    await expect(page.locator('form')).toHaveCount(0);
    // No inline script: only the site's own files (the theme toggle, enhancements) and the JSON-LD data block.
    const scripts = await page.locator('script:not([type="application/ld+json"])').evaluateAll((elements) => elements.map((script) => script.getAttribute('src')));
    expect(scripts.every((src) => src !== null && src.startsWith('/'))).toBe(true);
  });
});

test('skip link moves focus to the main content @keyboard @anyjs', async ({ page, sites }) => {
  await page.goto(`${sites.seed}${articlePath}`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('front page leads with the seed article, and its headline opens it @basepath @anyjs', async ({ page, sites }) => {
  await page.goto(`${sites.seed}/`);
  const lead = page.locator('.front__lead');
  expect(straightenQuotes(await lead.locator('h2').innerText())).toBe(seedHeadline);
  await lead.getByRole('link').click();
  await expect(page).toHaveURL(`${sites.seed}${articlePath}`);
});

test('publishes the headline index as JSON @once', async ({ request, sites }) => {
  const response = await request.get(`${sites.seed}/headlines.json`);
  expect(response.headers()['content-type']).toContain('application/json');
  const { headlines } = await response.json();
  expect(headlines).toHaveLength(12);
  expect(headlines[0]).toMatchObject({ id: 'putin-not-ready-to-acknowledge-trump-loss', section: 'world' });
  expect(headlines.slice(1).map((entry: { title: string }) => straightenQuotes(entry.title))).toEqual(
    seedMoreStories.map((story) => story.title),
  );
});

test.describe('missing pages', () => {
  test.use({ allowedStatus: [404] });

  test('get the 404 page with status 404 @basepath @anyjs', async ({ page, sites }) => {
    const response = await page.goto(`${sites.seed}/no-such-story/`);
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('Page not found');
    await page.getByRole('link', { name: 'Go to the front page' }).click();
    await expect(page).toHaveURL(`${sites.seed}/`);
  });
});
