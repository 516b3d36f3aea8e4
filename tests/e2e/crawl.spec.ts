/**
 * Follows every internal link, asset and in-page anchor from the front page, as a crawler would, and expects
 * zero broken ones, no page of the build left unreached, and the security policy on every page (in a
 * <meta> and, from _headers, in the response) — at the domain root and under /news/. Request-level, so it
 * runs once per base (@once).
 */
import { createHash } from 'node:crypto';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import type { APIRequestContext } from '@playwright/test';
import { builtPages } from '../support/build-site';
import { expect, test } from './fixtures';
import { servedSites } from './sites';

const LINKING = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['form[action]', 'action'],
] as const;

/** A policy as its directives, each with its set of sources. */
function directives(policy: string): Map<string, Set<string>> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, new Set(sources)]),
  );
}

const withoutHashes = (sources: Set<string> | undefined) => [...(sources ?? [])].filter((source) => !source.startsWith("'sha256-")).sort();

/**
 * Where the <meta> policy and the _headers policy disagree (both are enforced, so a page gets the stricter of
 * the two), and inline scripts or styles whose hash either policy lacks (they would not run).
 */
function policyMismatches(meta: string, header: string, tree: ReturnType<typeof fromHtml>): string[] {
  const inMeta = directives(meta);
  const inHeader = directives(header);
  inHeader.delete('frame-ancestors'); // a <meta> policy cannot carry it
  const problems = [...new Set([...inMeta.keys(), ...inHeader.keys()])]
    .filter((name) => withoutHashes(inMeta.get(name)).join(' ') !== withoutHashes(inHeader.get(name)).join(' '))
    .map((name) => `${name} differs: <meta> "${withoutHashes(inMeta.get(name)).join(' ')}", header "${withoutHashes(inHeader.get(name)).join(' ')}"`);
  const inline = [
    ...selectAll('script:not([src]):not([type="application/ld+json"])', tree).map((script) => ['script-src', script] as const),
    ...selectAll('style', tree).map((style) => ['style-src', style] as const),
  ];
  for (const [directive, element] of inline) {
    const hash = `'sha256-${createHash('sha256').update(toHtml(element.children)).digest('base64')}'`;
    for (const [where, policy] of [['<meta>', inMeta], ['header', inHeader]] as const) {
      if (!policy.get(directive)?.has(hash)) problems.push(`inline <${element.tagName}> ${hash} not allowed by the ${where} policy`);
    }
  }
  return problems;
}

async function crawl(request: APIRequestContext, start: string) {
  const origin = new URL(start).origin;
  const pages = new Map<string, Set<string>>(); // page URL → its element ids
  const status = new Map<string, number>();
  const anchors: { from: string; to: string; fragment: string }[] = [];
  const policyProblems: string[] = [];
  const queue = [start];
  while (queue.length > 0) {
    const url = queue.shift()!;
    const response = await request.get(url, { maxRedirects: 0 });
    status.set(url, response.status());
    if (!response.ok() || !response.headers()['content-type']?.startsWith('text/html')) continue;
    const tree = fromHtml(await response.text());
    const policies = selectAll('meta[http-equiv="content-security-policy"]', tree).map((meta) => String(meta.properties.content));
    if (policies.length !== 1 || /unsafe-inline|'unsafe-eval'/.test(policies[0] ?? '')) policyProblems.push(`${url}: <meta> policies ${JSON.stringify(policies)}`);
    const header = response.headers()['content-security-policy'];
    if (!header?.includes("frame-ancestors 'none'")) policyProblems.push(`${url}: no policy header from _headers`);
    else if (policies.length === 1) policyProblems.push(...policyMismatches(policies[0], header, tree).map((problem) => `${url}: ${problem}`));
    pages.set(url, new Set(selectAll('[id]', tree).map((element: Element) => String(element.properties.id))));
    for (const [selector, attribute] of LINKING) {
      for (const element of selectAll(selector, tree)) {
        const value = String(element.properties[attribute === 'href' ? 'href' : attribute]);
        const target = new URL(value, url);
        if (target.origin !== origin) continue;
        const fragment = decodeURIComponent(target.hash.slice(1));
        target.hash = '';
        if (fragment) anchors.push({ from: url, to: target.href, fragment });
        if (!status.has(target.href) && !queue.includes(target.href)) queue.push(target.href);
      }
    }
  }
  const broken = [...status].filter(([, code]) => code !== 200).map(([url, code]) => `${code} ${url}`);
  const missingAnchors = anchors
    .filter(({ to, fragment }) => pages.has(to) && !pages.get(to)!.has(fragment))
    .map(({ from, to, fragment }) => `${from} → ${to}#${fragment}`);
  return { visited: status.size, pages: [...pages.keys()], broken, missingAnchors, policyProblems };
}

for (const site of ['seed', 'reader'] as const) {
  test(`${site} site: every internal link, asset and anchor from the front page resolves; every page is reached and carries the policy @once @basepath`, async ({ request, sites, basePath }) => {
    test.setTimeout(120_000);
    const result = await crawl(request, `${sites[site]}/`);
    expect(result.broken).toEqual([]);
    expect(result.missingAnchors).toEqual([]);
    expect(result.policyProblems).toEqual([]);
    const reached = new Set(result.pages.map((url) => new URL(url).pathname));
    expect(builtPages(servedSites[basePath][site].dir, basePath).filter((path) => !reached.has(path))).toEqual([]);
    expect(result.visited).toBeGreaterThan(site === 'seed' ? 20 : 60);
  });
}

test('missing pages get the site’s 404 page with status 404; folders redirect to their slash @once @basepath', async ({ request, sites, base }) => {
  const missing = await request.get(`${sites.seed}/no-such-page/`);
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('Page not found');
  const bare = await request.get(`${sites.seed}/archive`, { maxRedirects: 0 });
  expect(bare.status()).toBe(301);
  expect(bare.headers().location).toBe(`${base}/archive/`);
});
