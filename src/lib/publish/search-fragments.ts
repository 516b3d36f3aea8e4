/**
 * A Pagefind fragment: the file of a page in a bundle's `fragment/` folder that a search result loads for
 * its URL and metadata. Each is gzip of `pagefind_dcd` and the page's JSON, its name starting with the page's
 * language (`en_<hash>.pf_fragment`). The vocabulary is read from the fragments (search-vocabulary.ts), which
 * are then slimmed to what the search page shows.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

/** What a fragment holds: the page's URL, its indexed text and metadata, among what Pagefind's excerpts need. */
export interface Fragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  anchors: unknown[];
}

const SIGNATURE = 'pagefind_dcd';

/** Every fragment of the Pagefind bundle at `bundle`, in file name order, with its file and language. */
export function* bundleFragments(bundle: string): Generator<{ file: string; language: string; fragment: Fragment }> {
  const folder = join(bundle, 'fragment');
  for (const name of readdirSync(folder).sort()) {
    const file = join(folder, name);
    const data = gunzipSync(readFileSync(file));
    if (data.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`search: ${file} is not a Pagefind fragment`);
    const fragment = JSON.parse(data.subarray(SIGNATURE.length).toString('utf8'));
    // One page's fragment, not some other file under the same signature (Pagefind can group fragments).
    if (typeof fragment?.url !== 'string' || typeof fragment.content !== 'string') throw new Error(`search: ${file} is not one page's Pagefind fragment`);
    const hash = name.replace(/\.pf_fragment$/, '');
    yield { file, language: hash.slice(0, hash.lastIndexOf('_')), fragment: fragment as Fragment };
  }
}

/**
 * Keeps of each fragment of `bundle` everything (its URL, metadata, filters) but its indexed text and headings: those are
 * what Pagefind builds excerpts from, which the search page does not show, and they are most of the bytes
 * each result shown costs a reader. Searching reads the index, never a fragment, so what is found is the same.
 * `shown` holds metadata a result shows beyond Pagefind's, by the fragment's URL: added here, after
 * indexing, it is nothing a search can find.
 */
export function slimFragments(bundle: string, shown: ReadonlyMap<string, Record<string, string>> = new Map()): void {
  for (const { file, fragment } of bundleFragments(bundle)) {
    const slim = { ...fragment, meta: { ...fragment.meta, ...shown.get(fragment.url) }, content: '', anchors: [] };
    writeFileSync(file, gzipSync(`${SIGNATURE}${JSON.stringify(slim)}`, { level: constants.Z_BEST_COMPRESSION }));
  }
}
