/** The sideways paths: section fronts, tags, authors, the archive, search, feeds, sitemap, metadata. */
import { parseJsonFeed, parseRssFeed } from 'feedsmith';
import { urlsetXml } from '../../src/lib/publish/sitemap';
import { builtPages } from '../support/build-site';
import { seedBodyParagraphs, seedHeadline, straightenQuotes } from '../support/seed';
import { newsSitemapErrors } from '../support/xmllint';
import { expect, test } from './fixtures';
import { fillerCount, syntheticTitle } from './reader-content';
import { servedSites } from './sites';

const seedArticlePath = '/articles/putin-not-ready-to-acknowledge-trump-loss/';

test('section front → page 2 → an article @basepath @anyjs', async ({ page, sites, base }) => {
  await page.goto(`${sites.reader}/`);
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Business' }).click();
  await expect(page).toHaveURL(`${sites.reader}/sections/business/`);
  await expect(page.locator('h1')).toHaveText('Business');
  await expect(page.locator('.pagination__status')).toHaveText('Page 1 of 3');
  await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', `${base}/sections/business/2/`);
  await expect(page.locator('link[rel="prev"]')).toHaveCount(0);
  // Newest first: the lead is the last filler, then 19 more in the band and the river.
  await expect(page.locator('.front__lead h2')).toHaveText(syntheticTitle(`synthetic-filler-${fillerCount}`));
  await expect(page.locator('.front__top li, .front__latest li')).toHaveCount(19);

  await page.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(`${sites.reader}/sections/business/2/`);
  await expect(page.locator('.pagination__status')).toHaveText('Page 2 of 3');
  await expect(page.locator('link[rel="prev"]')).toHaveAttribute('href', `${base}/sections/business/`);
  await expect(page.locator('link[rel="next"]')).toHaveAttribute('href', `${base}/sections/business/3/`);
  await expect(page).toHaveTitle(/Business \(page 2 of 3\)/);
  const first = page.locator('.headline-list h2 a').first();
  const title = await first.innerText();
  expect(title).toBe(syntheticTitle(`synthetic-filler-${fillerCount - 20}`));
  await first.click();
  await expect(page.locator('h1')).toHaveText(title);
});

test('last section page has 5 stories and no next page @once', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/sections/business/3/`);
  await expect(page.locator('.headline-list > li')).toHaveCount(5);
  await expect(page.locator('link[rel="next"]')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Older →' })).toHaveCount(0);
});

test('kicker and section stay separate: the kicker names the format, the section links to its front @basepath @anyjs', async ({ page, sites }) => {
  await page.goto(`${sites.reader}${seedArticlePath}`);
  const kicker = page.locator('.article-header .kicker');
  await expect(kicker).toContainText('Speed Read');
  await kicker.getByRole('link', { name: 'World' }).click();
  await expect(page).toHaveURL(`${sites.reader}/sections/world/`);
});

test('tag page from an article’s topics @basepath @anyjs', async ({ page, sites, base }) => {
  await page.goto(`${sites.reader}/articles/synthetic-a/`);
  await page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'russia' }).click();
  await expect(page).toHaveURL(`${sites.reader}/tags/russia/`);
  await expect(page.locator('h1')).toHaveText('russia');
  const titles = (await page.locator('.listing h2 a').allInnerTexts()).map(straightenQuotes);
  expect(titles).toEqual([syntheticTitle('synthetic-a'), seedHeadline]);

  await page.goto(`${sites.reader}/tags/`);
  await expect(page.getByRole('link', { name: 'vladimir-putin' })).toHaveAttribute('href', `${base}/tags/vladimir-putin/`);
});

test('author page from a byline: bio, role and their articles @basepath @anyjs', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/articles/synthetic-b/`);
  await page.locator('.byline').getByRole('link', { name: 'Synthetic Writer' }).click();
  await expect(page).toHaveURL(`${sites.reader}/authors/synthetic-writer/`);
  await expect(page.locator('h1')).toHaveText('Synthetic Writer');
  await expect(page.locator('.author-header')).toContainText('Test fixture');
  await expect(page.locator('.author-header')).toContainText('A bio generated for the tests.');
  await expect(page.locator('.listing h2 a')).toHaveText([syntheticTitle('synthetic-b')]);

  await page.goto(`${sites.reader}/authors/peter/`);
  // Peter wrote the seed, A, B, C and the 45 fillers: 49 articles on 3 pages.
  await expect(page.locator('.pagination__status')).toHaveText('Page 1 of 3');
});

test('archive: front page → archive → month → article @basepath @anyjs', async ({ page, sites }) => {
  await page.goto(`${sites.reader}/`);
  await page.getByRole('link', { name: 'Archive' }).click();
  await expect(page.locator('h1')).toHaveText('Archive');
  await page.getByRole('link', { name: 'November 2020' }).click();
  await expect(page).toHaveURL(`${sites.reader}/archive/2020/11/`);
  await page.locator('.listing h2 a').first().click();
  await expect(page).toHaveURL(`${sites.reader}${seedArticlePath}`);
});

test('every article is reachable from the front page within four clicks @once @basepath', async ({ request, sites, base, publicUrl }) => {
  const { headlines } = await (await request.get(`${sites.reader}/headlines.json`)).json();
  const articles = new Set<string>(
    headlines.filter((headline: { url: string | null }) => headline.url?.startsWith(publicUrl('/articles/'))).map((headline: { url: string }) => new URL(headline.url).pathname),
  );
  expect(articles.size).toBeGreaterThan(10); // the index's article addresses carry the base path
  const origin = new URL(sites.reader).origin;
  const seen = new Set([`${base}/`]);
  let frontier = [`${base}/`];
  for (let depth = 0; depth < 4 && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const path of frontier) {
      const html = await (await request.get(`${origin}${path}`)).text();
      for (const [, href] of html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)) {
        if (!seen.has(href) && href.endsWith('/')) {
          seen.add(href);
          next.push(href);
        }
      }
    }
    frontier = next;
  }
  expect([...articles].filter((path) => !seen.has(path))).toEqual([]);
});

test.describe('search', () => {
  test('without JavaScript says so and offers the other ways in @nojs', async ({ page, sites }) => {
    await page.goto(`${sites.seed}/search/`);
    await expect(page.locator('.search__noscript')).toBeVisible();
    await expect(page.locator('.search__noscript').getByRole('link', { name: 'archive' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Show older stories' })).toBeHidden();
  });

  test('the ways in offered without JavaScript carry the base path @once @basepath', async ({ request, sites, base }) => {
    const html = await (await request.get(`${sites.seed}/search/`)).text();
    const noscript = html.match(/<noscript>([\s\S]*?)<\/noscript>/)?.[1] ?? '';
    const hrefs = [...noscript.matchAll(/href="([^"]*)"/g)].map(([, href]) => href);
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) expect(href, href).toMatch(new RegExp(`^${base}/([a-z]+/)?$`));
  });

  test('finds the seed article by a word of its body, and the result opens it @js @once @basepath', async ({ page, sites }) => {
    await page.goto(`${sites.seed}/search/`);
    await page.getByLabel('Search stories').fill('Yashar');
    await page.getByRole('button', { name: 'Search' }).click();
    const result = page.locator('.search__results li');
    await expect(result).toHaveCount(1);
    await expect(result.locator('.kicker')).toHaveText('Speed Read');
    expect(straightenQuotes(await result.locator('h2').innerText())).toBe(seedHeadline);
    await expect(result.locator('.headline-item__dek')).not.toBeEmpty();
    await expect(page).toHaveURL(/\?q=Yashar$/);
    await result.getByRole('link').click();
    await expect(page).toHaveURL(`${sites.seed}${seedArticlePath}`);
  });

  test('filters by section and indexes neither sidebars nor chrome @js @once @basepath', async ({ page, sites }) => {
    await page.goto(`${sites.seed}/search/?q=Yashar&section=Business`);
    await expect(page.locator('.search__status')).toHaveText('No stories match “Yashar”.');
    await page.goto(`${sites.seed}/search/?q=Yashar&section=World`);
    await expect(page.locator('.search__results li')).toHaveCount(1);
    // "Dehorning" is only in the sidebar, "Broadsheet" only in the page chrome.
    for (const word of ['Dehorning', 'Broadsheet']) {
      await page.goto(`${sites.seed}/search/?q=${word}`);
      await expect(page.locator('.search__status')).toHaveText(`No stories match “${word}”.`);
    }
  });
});

test.describe('feeds and sitemap', () => {
  test('site RSS parses and matches the articles @once @basepath', async ({ request, sites, publicUrl }) => {
    const feed = parseRssFeed(await (await request.get(`${sites.seed}/rss.xml`)).text());
    expect(feed.title).toBe('Broadsheet');
    expect(feed.items).toHaveLength(1);
    const [item] = feed.items!;
    expect(straightenQuotes(item.title!)).toBe(seedHeadline);
    expect(item.link).toBe(publicUrl(seedArticlePath));
    expect(new Date(item.pubDate!).toISOString()).toBe('2020-11-23T05:00:00.000Z');
    expect(item.categories!.map((category) => category.name)).toEqual(['World', 'russia', 'vladimir-putin', 'joe-biden', 'donald-trump', 'election-2020']);
    expect(item.dc?.creators).toEqual(['Peter']);
    const content = straightenQuotes(item.content!.encoded!);
    for (const paragraph of seedBodyParagraphs) expect(content).toContain(paragraph);
  });

  test('section RSS carries only that section @once @basepath', async ({ request, sites }) => {
    const world = parseRssFeed(await (await request.get(`${sites.reader}/sections/world/rss.xml`)).text());
    expect(world.items!.map((item) => straightenQuotes(item.title!))).toEqual([syntheticTitle('synthetic-a'), seedHeadline]);
    const business = parseRssFeed(await (await request.get(`${sites.reader}/sections/business/rss.xml`)).text());
    expect(business.items).toHaveLength(fillerCount);
  });

  test('JSON Feed 1.1 parses and matches the articles @once @basepath', async ({ request, sites, publicUrl }) => {
    const response = await request.get(`${sites.reader}/feed.json`);
    const feed = parseJsonFeed(await response.json());
    expect(feed.title).toBe('Broadsheet');
    const [first] = feed.items!;
    expect(first).toMatchObject({
      id: publicUrl('/articles/synthetic-a/'),
      title: syntheticTitle('synthetic-a'),
      date_published: '2024-03-01T09:00:00.000Z',
      date_modified: '2024-03-02T15:30:00.000Z',
      authors: [{ name: 'Peter', url: publicUrl('/authors/peter/') }],
    });
    expect(first.content_html).toContain('Synthetic body text for synthetic-a.');
  });

  test('sitemap lists every page with lastmod for articles; robots.txt points to it @once @basepath', async ({ request, page, sites, publicUrl, basePath }) => {
    const robots = await (await request.get(`${sites.reader}/robots.txt`)).text();
    expect(robots).toContain(`Sitemap: ${publicUrl('/sitemap-index.xml')}`);
    const index = await (await request.get(`${sites.reader}/sitemap-index.xml`)).text();
    expect(index).toContain(`<loc>${publicUrl('/sitemap-0.xml')}</loc>`);
    const xml = await (await request.get(`${sites.reader}/sitemap-0.xml`)).text();
    await page.goto('about:blank');
    const urls: { loc: string; lastmod: string | null }[] = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      if (doc.querySelector('parsererror')) throw new Error('sitemap is not well-formed XML');
      return [...doc.getElementsByTagName('url')].map((url) => ({
        loc: url.getElementsByTagName('loc')[0].textContent!,
        lastmod: url.getElementsByTagName('lastmod')[0]?.textContent ?? null,
      }));
    }, xml);
    const byLoc = new Map(urls.map((url) => [url.loc, url.lastmod]));
    expect(byLoc.get(publicUrl('/articles/synthetic-a/'))).toBe('2024-03-02T15:30:00.000Z');
    expect(byLoc.get(publicUrl(seedArticlePath))).toBe('2020-11-23T05:00:00.000Z');
    expect(byLoc.has(publicUrl('/sections/business/3/'))).toBe(true);
    expect(byLoc.has(publicUrl('/articles/synthetic-draft/'))).toBe(false);
    expect([...byLoc.keys()].some((loc) => loc.includes('404'))).toBe(false);
    // The sitemap is made from site data, not from the built folder: it lists exactly the pages built.
    expect([...byLoc.keys()].map((loc) => new URL(loc).pathname).sort()).toEqual(builtPages(servedSites[basePath].reader.dir, basePath));
  });

  test('News sitemap: the articles of the 48 hours before the build, valid against Google’s schema; robots.txt lists it @once @basepath', async ({ request, sites, publicUrl }) => {
    const robots = await (await request.get(`${sites.reader}/robots.txt`)).text();
    expect(robots).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${publicUrl('/sitemap-index.xml')}\nSitemap: ${publicUrl('/news-sitemap.xml')}\n`);
    // Built at readerBuildTime (reader-content.ts), 27 hours after synthetic A; every other story is older than 48 hours.
    const response = await request.get(`${sites.reader}/news-sitemap.xml`);
    expect(response.headers()['content-type']).toMatch(/^(application|text)\/xml/);
    const xml = await response.text();
    expect(newsSitemapErrors(xml)).toEqual([]);
    expect(xml.match(/<url>.*?<\/url>/g)).toEqual([
      `<url><loc>${publicUrl('/articles/synthetic-a/')}</loc><news:news><news:publication><news:name>Broadsheet</news:name><news:language>en</news:language></news:publication>` +
        `<news:publication_date>2024-03-01T09:00:00.000Z</news:publication_date><news:title>${syntheticTitle('synthetic-a')}</news:title></news:news></url>`,
    ]);
    // The seed site's one article is from 2020: nothing for Google News, and still a well-formed file.
    expect(await (await request.get(`${sites.seed}/news-sitemap.xml`)).text()).toBe(urlsetXml([]));
  });
});

test('every article page: one canonical, one JSON-LD block that parses, Open Graph and Twitter tags @once @basepath', async ({ page, request, sites, publicUrl }) => {
  const { headlines } = await (await request.get(`${sites.reader}/headlines.json`)).json();
  const articleUrls: string[] = headlines.map((headline: { url: string | null }) => headline.url).filter((url: string | null) => url?.startsWith(publicUrl('/articles/')));
  expect(articleUrls.length).toBeGreaterThan(40);
  for (const url of articleUrls.slice(0, 8)) {
    await page.goto(`${new URL(sites.reader).origin}${new URL(url).pathname}`);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', url);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const graph = JSON.parse(blocks[0])['@graph'];
    const article = graph.find((node: { '@type': string }) => node['@type'] === 'NewsArticle');
    expect(article.mainEntityOfPage['@id']).toBe(url);
    expect(article.headline).toBe(await page.locator('h1').innerText());
    expect(graph.find((node: { '@type': string }) => node['@type'] === 'BreadcrumbList').itemListElement).toHaveLength(3);
    await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
    await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', url);
    await expect(page.locator('meta[property="article:published_time"]')).toHaveAttribute('content', article.datePublished);
    await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute('content', article.dateModified);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', article.description);
    // A large picture always: the lead picture, else the article's card (social-cards.spec.ts).
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  }
  await page.goto(`${sites.reader}${seedArticlePath}`);
  await expect(page.locator('meta[property="article:section"]')).toHaveAttribute('content', 'World');
  await expect(page.locator('meta[property="article:tag"]')).toHaveCount(5);
});
