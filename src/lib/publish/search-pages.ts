/**
 * What search reads of a built site: its article pages, and of each page only what Pagefind indexes — the
 * `data-pagefind-body` element(s) (the article's `data-pagefind-meta` and `data-pagefind-filter` attributes
 * sit inside it) and the page's language — plus when it was published (the dateline's time, which Pagefind
 * sorts by and a result shows), whose month picks its index shard.
 * Pagefind is given exactly the document `searchDocument` returns, so a digest of it says honestly whether
 * a shard's index can be kept: sidebars, navigation and other chrome around the article change it not.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withTrailingSlash } from '../util/urls';
import { PUBLISHED, UNDATED } from './search-manifest';

export interface SearchDocument {
  /** The publication month, of `published` (`2020-11`), or `UNDATED` without it. */
  month: string;
  /** A whole HTML document: the page's language and its `data-pagefind-body` element(s), nothing else. */
  html: string;
  /** The publication time its body gives Pagefind to sort by (ISO 8601), which its result shows; none if undated. */
  published?: string;
}

/** Every `.html` file under `articles/` of the built site, as sorted `/`-separated paths relative to it. */
export function articlePages(site: string): string[] {
  const walk = (folder: string, prefix: string): string[] =>
    readdirSync(join(site, folder), { withFileTypes: true }).flatMap((entry) => {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) return walk(join(folder, entry.name), `${path}/`);
      return entry.isFile() && entry.name.endsWith('.html') ? [path] : [];
    });
  try {
    return walk('articles', 'articles/').sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []; // a site without articles
    throw error;
  }
}

/**
 * The file of the article page served at `pathname` (a URL path without the base path) as `articlePages`
 * names it, `articles/x/index.html` (the site is built with `build.format: 'directory'`); undefined for any
 * other page.
 */
export function articleFile(pathname: string): string | undefined {
  const file = `${withTrailingSlash(decodeURI(pathname).replace(/^\/+/, ''))}index.html`;
  return file.startsWith('articles/') ? file : undefined;
}

// A comment, or a tag: its name and its attributes (quoted values may hold `>`); text never holds a raw `<`.
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const RAW_TEXT = new Set(['script', 'style', 'template', 'textarea', 'title']);

/** The outer HTML of every element marked `data-pagefind-body`, in document order. */
export function pagefindBodies(html: string): string[] {
  const bodies: string[] = [];
  let open: { name: string; start: number; depth: number } | undefined;
  TOKEN.lastIndex = 0;
  for (let token = TOKEN.exec(html); token; token = TOKEN.exec(html)) {
    const [whole, closing, rawName, attributes] = token;
    if (!rawName) continue; // a comment
    const name = rawName.toLowerCase();
    if (!closing && RAW_TEXT.has(name)) {
      // Skip to the end of a raw-text element: what it holds is not markup.
      const end = html.toLowerCase().indexOf(`</${name}`, TOKEN.lastIndex);
      TOKEN.lastIndex = end === -1 ? html.length : end;
      continue;
    }
    if (!open) {
      if (!closing && /\sdata-pagefind-body(?=[\s=/]|$)/i.test(attributes)) open = { name, start: token.index, depth: 1 };
      continue;
    }
    if (name !== open.name || (!closing && whole.endsWith('/>'))) continue;
    open.depth += closing ? -1 : 1;
    if (open.depth === 0) {
      bodies.push(html.slice(open.start, TOKEN.lastIndex));
      open = undefined;
    }
  }
  if (open) bodies.push(html.slice(open.start)); // unclosed: the rest of the page, as a parser would take it
  return bodies;
}

const TIME_TAG = /<time\s(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** The `datetime` of the `<time>` in `body` that Pagefind sorts by (`data-pagefind-sort`, in ArticleHeader). */
function publishedTime(body: string): string | undefined {
  const tag = body.match(TIME_TAG)?.find((time) => time.includes(`data-pagefind-sort="${PUBLISHED}[datetime]"`));
  return tag && /\sdatetime="([^"]*)"/.exec(tag)?.[1];
}

/** The document Pagefind indexes for a built page, and its month; undefined for a page search leaves out. */
export function searchDocument(page: string): SearchDocument | undefined {
  const bodies = pagefindBodies(page);
  if (bodies.length === 0) return undefined;
  const lang = /<html\s(?:[^>"']|"[^"]*"|'[^']*')*?\blang="([^"]*)"/i.exec(page)?.[1] ?? '';
  const body = bodies.join('\n');
  // One reading of the date, from the document itself: the shard and the result's date cannot disagree.
  const published = publishedTime(body);
  return {
    month: (published && /^\d{4}-\d{2}(?=-)/.exec(published)?.[0]) || UNDATED,
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${body}</body></html>`,
    published,
  };
}
