/**
 * What one search costs a reader: the bytes their browser downloads from `pagefind/` (script, WebAssembly,
 * index chunks, the fragments of the results shown) to answer `query` on a built site, served by the
 * tests' nginx and searched in the tests' browser, as on the site's search page.
 */
import { chromium, type Request } from '@playwright/test';
import { existsSync } from 'node:fs';
import { get } from 'node:http';
import config from '../playwright.config.ts';
import { startNginx } from '../support/nginx.ts';
import { portOffsets, testPort } from '../support/ports.ts';


export interface SearchCost {
  bytes: number;
  requests: number;
  matches: string;
  /** Each request: its path under `pagefind/` and its bytes (headers and body as sent). */
  files: { path: string; bytes: number }[];
}

/** The body's bytes as nginx sends them (gzip where it compresses), asking as a browser does. */
function servedBodyBytes(url: string): Promise<number> {
  return new Promise((done, fail) => {
    get(url, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => (bytes += chunk.length));
      response.on('end', () => done(bytes));
    }).on('error', fail);
  });
}

/**
 * A request's bytes: headers and body. Chromium reports no body size for a worker's own script (Pagefind's
 * `pagefind-worker.js`), so that body is asked of the server again.
 */
async function requestBytes(request: Request): Promise<number> {
  const size = await request.sizes();
  const body = size.responseBodySize > 0 || (await request.response())?.status() !== 200 ? size.responseBodySize : await servedBodyBytes(request.url());
  return body + size.responseHeadersSize;
}

export async function searchTransfer(siteDir: string, query: string): Promise<SearchCost> {
  const port = await testPort(portOffsets.searchTransferBench);
  const nginx = await startNginx([{ port, dir: siteDir, base: '/' }]);
  try {
    const browser = await chromium.launch(config.use?.launchOptions);
    try {
      const page = await browser.newPage();
      const files: Promise<{ path: string; bytes: number }>[] = [];
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.startsWith('/pagefind/')) files.push(requestBytes(request).then((bytes) => ({ path: path.slice('/pagefind/'.length), bytes })));
      });
      await page.goto(`http://127.0.0.1:${port}/search/?q=${encodeURIComponent(query)}`);
      await page.locator('.search__status').filter({ hasText: /match/ }).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      const sent = await Promise.all(files);
      const bytes = sent.reduce((total, file) => total + file.bytes, 0);
      return { bytes, requests: sent.length, matches: (await page.locator('.search__status').textContent()) ?? '', files: sent };
    } finally {
      await browser.close();
    }
  } finally {
    await nginx.stop();
  }
}

/** Kinds of file of the sharded index, by path under `pagefind/`: where a search's bytes go. */
const FILE_KINDS: [string, RegExp][] = [
  ['script, WebAssembly, shard list', /^[^/]+\.(js|pagefind|json)$/],
  ['vocabulary index', /^(index|filter)\/|^[^/]+\.pf_meta$/],
  ['shard entry', /^[^/]+\/pagefind-entry\.json$/],
  ['shard metadata', /^[^/]+\/[^/]+\.pf_meta$/],
  ['shard index chunks', /^[^/]+\/index\//],
  ['shard filter chunks', /^[^/]+\/filter\//],
  ['results shown (fragments)', /^[^/]+\/fragment\//],
];

/** A search's bytes by kind of file, largest first: `kind: KB in requests`. */
export function costBreakdown(cost: SearchCost): string {
  const kinds = new Map<string, { bytes: number; requests: number }>();
  for (const file of cost.files) {
    const kind = FILE_KINDS.find(([, pattern]) => pattern.test(file.path))?.[0] ?? 'other';
    const sum = kinds.get(kind) ?? { bytes: 0, requests: 0 };
    kinds.set(kind, { bytes: sum.bytes + file.bytes, requests: sum.requests + 1 });
  }
  return [...kinds]
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([kind, { bytes, requests }]) => `${kind} ${(bytes / 1024).toFixed(1)} KB in ${requests}`)
    .join('; ');
}

/** What one search may transfer, in KB (the targets, for 10,000 articles; 500 KB at 100,000). */
export const SEARCH_TARGETS_KB = { rare: 150, common: 350, commonAt100k: 500 };

export interface SearchCosts {
  /** A word in one article: a title's number with as many digits as the largest, so no other number extends it. */
  rare: SearchCost & { query: string };
  /** A word of the synthetic vocabulary: every article holds it, the worst case. */
  common: SearchCost & { query: string };
}

/** The cost of a rare and of a common word, or one line saying why they could not be measured (no nginx, no browser, …). */
export async function searchCosts(siteDir: string, articles: number): Promise<SearchCosts | string> {
  const nginx = process.env.NGINX_PATH || '/usr/sbin/nginx';
  if (!existsSync(nginx)) return `nginx not installed (apt-get install nginx, or set NGINX_PATH) — search row skipped`;
  const rare = String(Math.floor(articles / 2) + 1);
  const common = 'council';
  try {
    return { rare: { query: rare, ...(await searchTransfer(siteDir, rare)) }, common: { query: common, ...(await searchTransfer(siteDir, common)) } };
  } catch (error) {
    return `search not measured (${(error as Error).message.split('\n')[0]}) — search row skipped`;
  }
}
