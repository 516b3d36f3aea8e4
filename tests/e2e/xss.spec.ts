/**
 * XSS, proven in Chromium: every page of the hostile site (see support/hostile-content.ts) is opened with a
 * probe that records any dialog, any script the page runs, any navigation and any request leaving the site;
 * then its DOM is checked: writer HTML only from the allow-list, no event handlers, no scriptable URLs,
 * no unprefixed writer ids. Zero findings.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { parseRssFeed } from 'feedsmith';
import { expect, test, type ConsoleMessage, type Dialog, type Frame, type Page, type Request } from '@playwright/test';
import { CLOBBER_PREFIX } from '../../src/lib/markdown/sanitize-schema';
import { auditWriterHtml, isScriptableUrl, unresolvedFragmentLinks } from '../support/allow-list';
import { builtPages } from '../support/build-site';
import { servedSites } from './sites';

const { port, dir } = servedSites['/'].hostile;
const origin = `http://127.0.0.1:${port}`;
const CHUNKS = 8;
/** Where writers' HTML lands on a page. */
const WRITER_AREAS = ['.article-body', '.author-bio__text'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'xLinkHref', 'srcSet', 'data', 'background'];

/**
 * Every page is served with a report-only Content-Security-Policy that allows the site's own script files
 * and nothing else: any inline script, event handler, `javascript:` URL or eval a payload manages to start
 * is reported to the console (and still runs, so its dialogs and requests show too).
 */
const PROBE_POLICY = "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-src 'none'";

/** Opens `path` with the probe; returns what ran, popped up, navigated or left the site, and the final HTML. */
async function probe(page: Page, path: string): Promise<{ findings: string[]; html: string }> {
  const findings: string[] = [];
  const url = `${origin}${path}`;
  const record = (finding: string) => findings.push(finding);
  const onConsole = (message: ConsoleMessage) => {
    if (/Content Security Policy/i.test(message.text())) record(`script attempt: ${message.text().slice(0, 160)}`);
  };
  const onError = (error: Error) => record(`script error: ${error.message}`);
  const onDialog = (dialog: Dialog) => {
    record(`dialog: ${dialog.type()} "${dialog.message()}"`);
    void dialog.dismiss();
  };
  const onRequest = (request: Request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) record(`request: ${request.url()}`);
  };
  const onNavigation = (frame: Frame) => {
    if (frame.url() !== url && frame.url() !== 'about:blank') record(`navigation: ${frame.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onError);
  page.on('dialog', onDialog);
  page.on('request', onRequest);
  page.on('framenavigated', onNavigation);
  await page.goto(url, { waitUntil: 'load' });
  // Give timers and late handlers (onerror on broken images, autofocus/onfocus) a moment to fire.
  await page.waitForTimeout(150);
  page.off('console', onConsole);
  page.off('pageerror', onError);
  page.off('dialog', onDialog);
  page.off('request', onRequest);
  page.off('framenavigated', onNavigation);
  return { findings, html: await page.content() };
}

test.beforeEach(async ({ page }) => {
  await page.route(`${origin}/**`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy-report-only': PROBE_POLICY } });
  });
});

function auditPage(html: string): string[] {
  const tree = fromHtml(html);
  const findings: string[] = [];
  for (const area of WRITER_AREAS) {
    for (const element of selectAll(area, tree)) {
      const inner = toHtml(element.children);
      findings.push(...auditWriterHtml(inner).map((finding) => `${area}: ${finding}`));
    }
  }
  const writerElements = new Set(WRITER_AREAS.flatMap((area) => selectAll(`${area} *`, tree)));
  for (const element of selectAll('*', tree) as Element[]) {
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) findings.push(`event handler ${name} on <${element.tagName}>`);
      if (URL_ATTRIBUTES.includes(name) && isScriptableUrl(String(value))) findings.push(`scriptable URL ${name}="${value}" on <${element.tagName}>`);
      // Outside writers' areas ids are the templates' own; a writer's could only get there unprefixed.
      if ((name === 'id' || name === 'name') && !writerElements.has(element) && String(value).startsWith(CLOBBER_PREFIX)) {
        findings.push(`writer ${name} "${value}" outside the article body`);
      }
    }
  }
  for (const script of selectAll('script', tree)) {
    const { type, src } = script.properties;
    if (type === 'application/ld+json') {
      try {
        JSON.parse(toHtml(script.children));
      } catch {
        findings.push('JSON-LD block does not parse: a payload broke out of it');
      }
    } else if (!/^\/(_astro\/|theme\.js$)/.test(String(src ?? ''))) {
      findings.push(`script element ${toHtml(script).slice(0, 80)}`);
    }
  }
  if (selectAll('title', tree).length !== 1) findings.push('the page has more or fewer than one <title>');
  return findings;
}

test.describe.configure({ mode: 'parallel' });

for (let chunk = 0; chunk < CHUNKS; chunk++) {
  test(`hostile site, pages ${chunk + 1}/${CHUNKS}: no script runs, nothing outside the allow-list`, async ({ page }) => {
    test.setTimeout(180_000);
    const pages = builtPages(dir).filter((_, index) => index % CHUNKS === chunk);
    expect(pages.length).toBeGreaterThan(20);
    const findings: string[] = [];
    for (const path of pages) {
      const result = await probe(page, path);
      findings.push(...[...result.findings, ...auditPage(result.html)].map((finding) => `${path} ${finding}`));
    }
    expect(findings).toEqual([]);
  });
}

test('hostile text stays text: headline, <title>, meta and JSON-LD carry it escaped, intact', async ({ page }) => {
  await page.goto(`${origin}/articles/vector-1/`);
  const h1 = await page.locator('h1').innerText();
  expect(h1.length).toBeGreaterThan(10);
  expect(await page.title()).toContain(h1);
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', h1);
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  expect(jsonLd['@graph'][0].headline).toBe(h1);
  await page.goto(`${origin}/articles/vector-0/`);
  await expect(page.locator('.byline')).toContainText('<img src=x onerror=alert(1)>');
});

test('the probe itself catches a handler that runs, a dialog and a request leaving the site', async ({ page }) => {
  await page.route(`${origin}/probe-self-test/`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      headers: { 'content-security-policy-report-only': PROBE_POLICY },
      body: '<!doctype html><title>t</title><img src="x" onerror="alert(1)"><img src="https://example.org/beacon.png">',
    }),
  );
  const { findings } = await probe(page, '/probe-self-test/');
  expect(findings).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^script attempt: /),
      'dialog: alert "1"',
      'request: https://example.org/beacon.png',
    ]),
  );
});

test('writer ids are prefixed and their in-page links still resolve', async ({ page }) => {
  await page.goto(`${origin}/articles/clobbering/`);
  const body = page.locator('.article-body');
  await expect(body.locator('h2').first()).toHaveAttribute('id', 'user-content-config');
  await expect(body.locator('img')).toHaveAttribute('id', 'user-content-body');
  await expect(body.locator('img')).not.toHaveAttribute('name', /.*/);
  // The globals the payload aimed at are untouched.
  expect(await page.evaluate(() => typeof document.getElementById === 'function' && document.body instanceof HTMLBodyElement)).toBe(true);
  await body.getByRole('link', { name: 'config' }).click();
  await expect(page).toHaveURL(/#user-content-config$/);
  expect(unresolvedFragmentLinks(await body.innerHTML())).toEqual([]);
});

test('hostile feeds stay well-formed and their article HTML stays inside the allow-list', async ({ request }) => {
  const feed = parseRssFeed(await (await request.get(`${origin}/rss.xml`)).text());
  expect(feed.items!.length).toBe(50);
  for (const item of feed.items!) expect(auditWriterHtml(item.content!.encoded!)).toEqual([]);
  const { items } = await (await request.get(`${origin}/feed.json`)).json();
  for (const item of items) expect(auditWriterHtml(item.content_html)).toEqual([]);
});
