/**
 * The same code built in Arabic, right to left (arabic-content.ts): the layout mirrored, nothing scrolling
 * sideways, dates and the interface's words in Arabic. axe checks it in accessibility.spec.ts, its looks
 * visual.spec.ts.
 */
import { site } from '../../src/config';
import { fullArticle } from './arabic-content';
import { expect, test } from './fixtures';

const articlePath = `/articles/${fullArticle.id}/`;

test('the page says it is Arabic and right to left; body text starts at the right edge, rules and indents on the right', async ({ page, samples }) => {
  await page.goto(`${samples.arabic}${articlePath}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const paragraph = page.locator('.article-body p').first();
  const { firstLetter, box } = await paragraph.evaluate((element) => {
    const range = document.createRange();
    range.setStart(element.firstChild!, 0);
    range.setEnd(element.firstChild!, 1);
    return { firstLetter: range.getBoundingClientRect().toJSON(), box: element.getBoundingClientRect().toJSON() };
  });
  expect(Math.abs(box.right - firstLetter.right)).toBeLessThan(2);
  const sides = (selector: string) =>
    page.locator(selector).first().evaluate((element) => {
      const style = getComputedStyle(element);
      return { right: [style.borderRightWidth, style.paddingRight], left: [style.borderLeftWidth, style.paddingLeft] };
    });
  expect(await sides('.article-body blockquote')).toEqual({ right: ['3px', '16px'], left: ['0px', '0px'] });
  expect(await sides('.notes')).toEqual({ right: ['3px', '16px'], left: ['0px', '16px'] });
  expect((await sides('.sources ul')).right).toEqual(['0px', '20px']);
});

test('the rail is on the left of the article on wide screens, after it on narrow ones; nothing scrolls sideways', async ({ page, samples }) => {
  await page.goto(`${samples.arabic}${articlePath}`);
  const article = (await page.locator('main article.article').boundingBox())!;
  const rail = (await page.locator('aside.more-stories').boundingBox())!;
  if (page.viewportSize()!.width >= 960) {
    expect(rail.x + rail.width).toBeLessThanOrEqual(article.x);
    expect(rail.y).toBeLessThan(article.y + article.height);
  } else {
    expect(rail.y).toBeGreaterThanOrEqual(article.y + article.height);
  }
  for (const path of ['/', articlePath, '/sections/world/', '/archive/', '/archive/2024/03/', '/tags/', '/authors/sample-writer/']) {
    await page.goto(`${samples.arabic}${path}`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => {
      const { scrollWidth, clientWidth } = document.scrollingElement!;
      return { scrollWidth, clientWidth };
    });
    expect(scrollWidth, path).toBeLessThanOrEqual(clientWidth);
  }
});

test('dates, reading time and the interface are written in Arabic @once', async ({ page, samples }) => {
  const arabicDate = new Intl.DateTimeFormat('ar', { dateStyle: 'long', timeZone: site.timeZone });
  await page.goto(`${samples.arabic}${articlePath}`);
  const dateline = page.locator('.dateline');
  await expect(dateline.locator('time').first()).toHaveText(arabicDate.format(new Date(fullArticle.published)));
  await expect(dateline.locator('time').first()).toHaveText('1 مارس 2024');
  await expect(dateline).toHaveText('1 مارس 2024 · آخر تحديث 2 مارس 2024 · مدة القراءة: دقيقة');
  await expect(page.locator('.notes li')).toHaveText('تحديث (2 مارس 2024): ملاحظة تحديث تجريبية.');
  await expect(page.locator('.byline')).toHaveText('بقلم كاتب تجريبي');
  await expect(page.locator('#more-stories-heading')).toHaveText('مزيد من القصص');
  await expect(page.locator('.sources li')).toHaveText('ناشر تجريبي، وثيقة تجريبية');
  // A footnote's heading (for screen readers) and back-link, which the Markdown pipeline writes.
  await page.goto(`${samples.arabic}/articles/sample-third/`);
  await expect(page.locator('.footnotes h2')).toHaveText('الحواشي');
  await expect(page.locator('.footnotes [data-footnote-backref]')).toHaveAttribute('aria-label', 'العودة إلى الإشارة 1');
  await page.goto(`${samples.arabic}/archive/`);
  await expect(page.locator('h1')).toHaveText('الأرشيف');
  await expect(page.locator('.term-list a')).toHaveText(['مارس 2024', 'فبراير 2024', 'يناير 2024']);
});

test('a recent update says how long ago in Arabic @js @once', async ({ page, samples }) => {
  const [update] = fullArticle.updates;
  await page.clock.setFixedTime(new Date(Date.parse(update.date) + 5 * 60_000));
  await page.goto(`${samples.arabic}${articlePath}`);
  await expect(page.locator('.relative-time')).toHaveText(' (قبل 5 دقائق)');
});
