/**
 * XSS, proven in Chromium: every page of the hostile site (see support/hostile-content.ts) is opened with a
 * probe that records any dialog, any script the page runs, any navigation and any request leaving the site;
 * then its DOM is checked: writer HTML only from the allow-list, no event handlers, no scriptable URLs,
 * no unprefixed writer ids, no control characters. Zero findings, under the site's strict
 * Content-Security-Policy and with none at all (a host that ignores `_headers`). Then every feed must be
 * well-formed XML or JSON, read strictly, with the same HTML inside.
 */
import { readdirSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { parseRssFeed } from 'feedsmith';
import { visit } from 'unist-util-visit';
import { expect, test, type APIRequestContext, type ConsoleMessage, type Dialog, type Frame, type Page, type Request } from '@playwright/test';
import { site } from '../../src/config';
import { CLOBBER_PREFIX } from '../../src/lib/markdown/sanitize-schema';
import { auditWriterHtml, isScriptableUrl, parseFragment, unresolvedFragmentLinks } from '../support/allow-list';
import { builtPages } from '../support/build-site';
import { CONTROL_CHARACTERS, codePoint, LONG_WORD, markerAttacks, picturesIn, TYPED_MARKER } from '../support/hostile-content';
import { newsSitemapErrors } from '../support/xmllint';
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
  // 'load' waits for every picture to load or fail, so onload and onerror handlers have run by then.
  await page.goto(url, { waitUntil: 'load' });
  // Autofocus (and its onfocus) happens when the page is next rendered: two frames, then the tasks they
  // queued. The evaluation's answer comes after the console messages sent before it, so none is missed.
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(settled, 0)))));
  page.off('console', onConsole);
  page.off('pageerror', onError);
  page.off('dialog', onDialog);
  page.off('request', onRequest);
  page.off('framenavigated', onNavigation);
  return { findings, html: await page.content() };
}

/** The site's own policy, as its layout writes it into every page's <head>. */
const CSP_META = /<meta http-equiv="content-security-policy"[^>]*>/i;

/**
 * `strict`: pages as the site serves them, its Content-Security-Policy in the header (from `_headers`) and in
 * a <meta>. `none`: as a host that ignores `_headers` would, and with the <meta> cut out too, so that only
 * the sanitizing keeps payloads from running.
 */
type Csp = 'strict' | 'none';

/** The page without its CSP <meta>, cut out of the text as served (re-serializing a parsed tree could change what a payload parses into). */
function withoutCspMeta(html: string): string {
  const meta = CSP_META.exec(html);
  if (!meta) throw new Error('no Content-Security-Policy <meta> to remove');
  return html.slice(0, meta.index) + html.slice(meta.index + meta[0].length);
}

/** Serves the site's documents to `page` with the probe policy added and `csp` as the site's own; `edit` changes a page first. */
async function serve(page: Page, csp: Csp, edit = (html: string) => html) {
  await page.route(`${origin}/**`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    // The body sent is decoded, maybe shorter: the original's encoding and length no longer apply.
    const { 'content-length': _length, 'content-encoding': _encoding, ...headers } = response.headers();
    if (csp === 'none') delete headers['content-security-policy'];
    const html = edit(await response.text());
    await route.fulfill({
      response,
      headers: { ...headers, 'content-security-policy-report-only': PROBE_POLICY },
      body: csp === 'none' ? withoutCspMeta(html) : html,
    });
  });
}

/** What astro:assets writes for a picture of the writer's (BodyNodes.astro): elements and their attributes. */
const SITE_PICTURE: Record<string, string[]> = {
  picture: [],
  source: ['srcSet', 'type', 'sizes'],
  img: ['src', 'srcSet', 'alt', 'sizes', 'loading', 'decoding', 'width', 'height', 'dataAstroImage', 'dataAstroImageFit', 'dataAstroImagePos'],
};
/** An optimised file of the site's own, root-relative (feeds make it absolute), with its width in a srcset. */
const SITE_FILE = /^\/_astro\/[\w.-]+\.(?:avif|webp|png|jpe?g|gif)(?: \d+w)?$/;
const siteOrigin = new URL(site.url).origin;
const isSiteFile = (url: string) => SITE_FILE.test(url.startsWith(siteOrigin) ? url.slice(siteOrigin.length) : url);

function isSitePicture(picture: Element): boolean {
  return [picture, ...selectAll('*', picture)].every((element) => {
    const allowed = SITE_PICTURE[element.tagName];
    return (
      allowed !== undefined &&
      Object.entries(element.properties).every(
        ([name, value]) => allowed.includes(name) && (!['src', 'srcSet'].includes(name) || [value].flat().every((url) => isSiteFile(String(url)))),
      )
    );
  });
}

/**
 * Writer HTML without the site's own pictures, which stand where the writer put local ones and which the
 * allow-list does not cover (no writer can make a <picture>): each must be exactly what astro:assets writes,
 * its files the site's own, or it stays in for the allow-list to report. Their figures lose the template's
 * class names with them.
 */
function withoutSitePictures(html: string): string {
  const tree = parseFragment(html);
  visit(tree, 'element', (element, index, parent) => {
    if (element.tagName === 'picture' && isSitePicture(element) && parent && index !== undefined) {
      parent.children.splice(index, 1);
      return index;
    }
    const [first] = element.children;
    if (element.tagName === 'figure' && first?.type === 'element' && first.tagName === 'picture' && isSitePicture(first)) {
      delete element.properties.className;
      for (const credit of selectAll('figcaption > span.figure-credit', element)) delete credit.properties.className;
    }
  });
  return toHtml(tree);
}

/** The control characters planted in the hostile content that are in `text`, with where. */
function controlCharacters(text: string, where: string): string[] {
  return CONTROL_CHARACTERS.filter((char) => text.includes(char)).map((char) => {
    const at = text.indexOf(char);
    return `${where}: control character ${codePoint(char)} in ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`;
  });
}

function auditPage(html: string): string[] {
  const tree = fromHtml(html);
  const findings: string[] = [];
  for (const area of WRITER_AREAS) {
    for (const element of selectAll(area, tree)) {
      const inner = withoutSitePictures(toHtml(element.children));
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
  findings.push(...controlCharacters(html, 'page'));
  return findings;
}

test.describe.configure({ mode: 'parallel' });

const PASSES: Record<Csp, string> = { strict: 'under the strict CSP', none: 'with no CSP' };

/** What the probe and the DOM audit find on `paths`, opened one after another in `page`, served with `csp`. */
async function probeAll(page: Page, csp: Csp, paths: string[]): Promise<string[]> {
  await serve(page, csp);
  const findings: string[] = [];
  for (const path of paths) {
    const result = await probe(page, path);
    if (csp === 'none' && (await page.locator('meta[http-equiv="content-security-policy" i]').count()) > 0) findings.push(`${path} a CSP <meta> is left`);
    findings.push(...[...result.findings, ...auditPage(result.html)].map((finding) => `${path} ${finding}`));
  }
  return findings.map((finding) => `${PASSES[csp]}: ${finding}`);
}

for (let chunk = 0; chunk < CHUNKS; chunk++) {
  test(`hostile site, pages ${chunk + 1}/${CHUNKS}, under the strict CSP and with none: no script runs, nothing outside the allow-list`, async ({ context }) => {
    test.setTimeout(180_000);
    const paths = builtPages(dir).filter((_, index) => index % CHUNKS === chunk);
    expect(paths.length).toBeGreaterThan(20);
    // The two passes side by side, each in a page of its own: a page spends most of its time waiting.
    const findings = await Promise.all((Object.keys(PASSES) as Csp[]).map(async (csp) => probeAll(await context.newPage(), csp, paths)));
    expect(findings.flat()).toEqual([]);
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

test('with no CSP, a handler the strict CSP blocks runs: the second pass has no policy but the probe\'s', async ({ page }) => {
  const injected = (html: string) => html.replace('</body>', '<img src="x" onerror="alert(1)"></body>');
  for (const [csp, runs] of [['strict', false], ['none', true]] as const) {
    await page.unrouteAll();
    await serve(page, csp, injected);
    const { findings } = await probe(page, '/');
    expect(findings, csp).toContainEqual(expect.stringMatching(/^script attempt: /));
    expect(findings.includes('dialog: alert "1"'), csp).toBe(runs);
  }
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

/** Characters XML 1.0 cannot hold, not even escaped. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

/**
 * What is wrong with `xml`, read strictly (feedsmith is lenient): a character XML cannot hold, or what
 * Chromium's XML parser finds; null if nothing.
 */
async function xmlProblem(page: Page, xml: string): Promise<string | null> {
  const bad = NOT_XML.exec(xml);
  if (bad) return `${codePoint(bad[0])}, which XML cannot hold, at ${bad.index}`;
  const error = await page.evaluate((text) => new DOMParser().parseFromString(text, 'application/xml').querySelector('parsererror')?.textContent, xml);
  return error ? `not well-formed: ${error.slice(0, 200)}` : null;
}

/** Every string in a parsed feed. */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];

/** The feeds and other data files the hostile build wrote (sitemaps, feeds, headlines.json). */
const dataFiles = (readdirSync(dir, { recursive: true }) as string[]).filter((file) => /\.(xml|json)$/.test(file) && !/^(pagefind|_astro)\//.test(file)).sort();
const rssFiles = dataFiles.filter((file) => file.endsWith('rss.xml'));

const get = async (request: APIRequestContext, file: string) => (await request.get(`${origin}/${file}`)).text();

test('the strict XML check rejects what feedsmith lets through', async ({ page }) => {
  const channel = (title: string) => `<rss version="2.0"><channel><title>${title}</title></channel></rss>`;
  for (const title of ['a\u000Bb', 'a\uFFFEb', 'a</b>', 'a&nbsp;b', 'a & b']) {
    expect(parseRssFeed(channel(title)).title, title).toBeDefined();
    expect(await xmlProblem(page, channel(title)), title).not.toBeNull();
  }
  expect(await xmlProblem(page, channel('a &amp; b'))).toBeNull();
});

test('every feed, sitemap and headlines.json is well-formed, read strictly, with no control character in any field', async ({ page, request }) => {
  expect(dataFiles).toEqual(expect.arrayContaining(['rss.xml', 'feed.json', 'headlines.json', 'sections/world/rss.xml', 'sections/opinion/rss.xml', 'news-sitemap.xml']));
  const findings: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const file of dataFiles) {
    const text = await get(request, file);
    if (file.endsWith('.json')) {
      parsed[file] = JSON.parse(text);
    } else {
      const problem = await xmlProblem(page, text);
      if (problem) findings.push(`${file}: ${problem}`);
      if (rssFiles.includes(file)) parsed[file] = parseRssFeed(text);
    }
    findings.push(...stringsIn(parsed[file]).flatMap((value) => controlCharacters(value, file)));
  }
  expect(findings).toEqual([]);
  // Taking a control character out leaves the text around it as it was.
  const { headlines } = parsed['headlines.json'] as { headlines: { title: string }[] };
  const { items } = parsed['feed.json'] as { items: { title: string }[] };
  for (const char of CONTROL_CHARACTERS) {
    expect(headlines.map((headline) => headline.title)).toContain(`Synthetic entry with ${codePoint(char)}`);
    expect(items.map((item) => item.title)).toContain(`Control character ${codePoint(char)} in every field of a synthetic article`);
  }
});

test('the News sitemap lists every article, newest first, each title as the site shows it, valid against Google’s schema', async ({ page, request }) => {
  const xml = await get(request, 'news-sitemap.xml');
  expect(newsSitemapErrors(xml)).toEqual([]);
  await page.goto('about:blank');
  const listed: { loc: string; date: string; title: string }[] = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    return [...doc.getElementsByTagName('url')].map((url) => {
      const [loc, date, title] = ['loc', 'publication_date', 'title'].map((name) => url.getElementsByTagNameNS('*', name)[0].textContent!);
      return { loc, date, title };
    });
  }, xml);
  // Built at HOSTILE_BUILD_TIME, under 48 hours after the oldest article: every article is there, in the headline index's order.
  const { headlines } = JSON.parse(await get(request, 'headlines.json')) as { headlines: { url: string | null; date: string; title: string }[] };
  const articles = headlines.filter((headline) => headline.url?.startsWith(`${siteOrigin}/articles/`));
  expect(articles.length).toBeGreaterThan(250);
  // XML reads every line break as a line feed.
  expect(listed).toEqual(articles.map(({ url, date, title }) => ({ loc: url, date, title: title.replace(/\r\n?/g, '\n') })));
  expect(listed.map(({ date }) => date)).toEqual(listed.map(({ date }) => date).sort().reverse());
  expect(listed.flatMap(({ title }) => controlCharacters(title, 'news-sitemap.xml'))).toEqual([]);
});

test('the HTML in every feed stays inside the allow-list', async ({ request }) => {
  const findings: string[] = [];
  for (const file of rssFiles) {
    const feed = parseRssFeed(await get(request, file));
    expect(feed.items!.length, file).toBeGreaterThan(file === 'rss.xml' ? 49 : 20); // 50: the site's feed size
    for (const item of feed.items!) findings.push(...auditWriterHtml(withoutSitePictures(item.content!.encoded!)).map((finding) => `${file} ${item.link}: ${finding}`));
  }
  const { items } = JSON.parse(await get(request, 'feed.json'));
  for (const item of items) findings.push(...auditWriterHtml(withoutSitePictures(item.content_html)).map((finding) => `feed.json ${item.url}: ${finding}`));
  expect(findings).toEqual([]);
});

test('RSS descriptions, which feed readers take for HTML, carry each dek as text', async ({ request }) => {
  const summaries = new Map<string, string>(JSON.parse(await get(request, 'feed.json')).items.map((item: { url: string; summary: string }) => [item.url, item.summary]));
  const findings: string[] = [];
  for (const file of rssFiles) {
    for (const { link, description } of parseRssFeed(await get(request, file)).items!) {
      const html = parseFragment(description!);
      const elements = selectAll('*', html).map((element) => `<${element.tagName}>`);
      if (elements.length > 0) findings.push(`${file} ${link}: the dek is HTML with ${elements.join(' ')}`);
      else if (summaries.has(link!) && toString(html) !== summaries.get(link!)) {
        findings.push(`${file} ${link}: the dek reads ${JSON.stringify(toString(html))}, not ${JSON.stringify(summaries.get(link!))}`);
      }
    }
  }
  expect(findings).toEqual([]);
});

test('control characters are taken out of every field and body, the text around them kept', async ({ request }) => {
  for (const [index, char] of CONTROL_CHARACTERS.entries()) {
    const clean = `Control character ${codePoint(char)} in every field of a synthetic article`;
    const tree = fromHtml(await get(request, `articles/control-${index}/`));
    const text = (selector: string) => selectAll(selector, tree).map((element) => toString(element).trim());
    expect.soft(
      {
        headline: text('h1'),
        dek: text('.dek'),
        kicker: text('.kicker > span:first-child'),
        notes: text('.notes li').map((note) => note.replace(/^.*?\): /, '')),
        byline: text('.byline a'),
        lead: [select('.lead-image img', tree)?.properties.alt, ...text('.lead-image figcaption')],
        sources: text('.sources li'),
        heading: text('.article-body h2').slice(0, 1),
      },
      codePoint(char),
    ).toEqual({
      headline: [clean],
      dek: [clean],
      kicker: ['Control character'],
      notes: [clean, clean],
      byline: ['Synthetic Control Author'],
      lead: [clean, `${clean} ${clean}`],
      sources: [`${clean}, ${clean}`, `Synthetic Wire, ${clean}`],
      // CommonMark has a NUL in Markdown read as U+FFFD, the replacement character.
      heading: [char === '\u0000' ? 'Heading\uFFFD text' : 'Heading text'],
    });
  }
});

/** What is wrong with the body of a marker article: its pictures, comments left, live HTML, the typed text. */
function markerFindings(html: string, markdown: string): string[] {
  const tree = parseFragment(html);
  const findings = auditWriterHtml(withoutSitePictures(html));
  const pictures = selectAll('picture', tree).length;
  if (pictures !== picturesIn(markdown)) findings.push(`${pictures} pictures, not ${picturesIn(markdown)}`);
  visit(tree, 'comment', (comment) => void findings.push(`a comment <!--${comment.value}--> is left`));
  // What was typed stays whole, in the attribute or text it was typed in.
  const typed: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'text') typed.push(node.value);
    if (node.type === 'element') typed.push(...stringsIn(node.properties));
  });
  if (markdown.includes(TYPED_MARKER) && !typed.includes(TYPED_MARKER)) findings.push('the typed marker is not kept whole as text');
  return findings;
}

test('typed picture markers stay text: the page and both feeds show the real pictures only, nothing live from the attribute', async ({ page, request }) => {
  const rss = parseRssFeed(await get(request, 'rss.xml')).items!;
  const { items } = JSON.parse(await get(request, 'feed.json'));
  for (const [index, [name, markdown]] of markerAttacks.entries()) {
    const path = `/articles/marker-${index}/`;
    await page.goto(`${origin}${path}`);
    const bodies = {
      page: await page.locator('.article-body').innerHTML(),
      'rss.xml': rss.find((item) => item.link!.endsWith(path))!.content!.encoded!,
      'feed.json': items.find((item: { url: string }) => item.url.endsWith(path)).content_html,
    };
    for (const [where, html] of Object.entries(bodies)) expect(markerFindings(html, markdown), `${name}, ${where}`).toEqual([]);
    await expect(page.locator('meta[http-equiv="refresh" i]')).toHaveCount(0);
  }
});

test('one long unbroken word in every field wraps: no page is wider than a phone', async ({ browser }) => {
  const phone = await browser.newPage({ viewport: { width: 412, height: 915 } });
  for (const path of ['/', '/articles/long-words/', '/sections/world/', '/archive/2024/01/', '/tags/synthetic-tag-0/', '/authors/hostile-author/']) {
    await phone.goto(`${origin}${path}`);
    await expect(phone.getByText(LONG_WORD.slice(0, 40)).first()).toBeVisible();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(412);
  }
  await phone.close();
});
