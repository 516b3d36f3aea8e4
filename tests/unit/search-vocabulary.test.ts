/**
 * A shard's vocabulary is every token of the text its Pagefind bundle indexed — the fragments' `content` and
 * metadata values, split at Unicode white space as Pagefind splits them — by the language in the fragment's
 * name; it becomes one vocabulary record a shard and language, tagged with the shard. Then the fragments
 * are slimmed to what a result shows.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { slimFragments } from '../../src/lib/publish/search-fragments';
import { VOCABULARY_FILTER } from '../../src/lib/publish/search-manifest';
import { bundleVocabulary, vocabularyRecords, type Vocabulary } from '../../src/lib/publish/search-vocabulary';
import { outputRoot } from '../support/build-site';

const bundle = join(outputRoot, 'search-vocabulary-unit');

/** Writes fragments as Pagefind does: gzip of its signature and the page's JSON. */
function writeFragments(fragments: Record<string, object>, signature = 'pagefind_dcd') {
  rmSync(bundle, { recursive: true, force: true });
  mkdirSync(join(bundle, 'fragment'), { recursive: true });
  for (const [name, page] of Object.entries(fragments)) {
    writeFileSync(join(bundle, 'fragment', name), gzipSync(`${signature}${JSON.stringify({ url: '/x/', anchors: [], filters: {}, word_count: 1, ...page })}`));
  }
}

it('reads each token of the indexed text and metadata once, by language', () => {
  writeFragments({
    'en_1a2b3c4.pf_fragment': { content: 'The harbour, the Harbour\u00a0board 7351.', meta: { title: 'Harbour news', image: '/a b.jpg' } },
    'en_5d6e7f8.pf_fragment': { content: 'harbour zero\u200bwidth', meta: {} },
    'pt-br_9a8b7c6.pf_fragment': { content: 'O porto', meta: { title: 'Porto' } },
  });
  expect(bundleVocabulary(bundle)).toEqual({
    // No-break space is white space to Pagefind; a zero-width space is not.
    en: ['/a', '7351.', 'Harbour', 'The', 'b.jpg', 'board', 'harbour', 'harbour,', 'news', 'the', 'zero\u200bwidth'],
    'pt-br': ['O', 'Porto', 'porto'],
  });
});

it('refuses a file that is not a Pagefind fragment, naming it', () => {
  writeFragments({ 'en_1a2b3c4.pf_fragment': { content: 'x', meta: {} } }, 'something_else');
  expect(() => bundleVocabulary(bundle)).toThrow(/en_1a2b3c4\.pf_fragment is not a Pagefind fragment/);
});

it('slims each fragment to its URL, metadata and filters, which a result shows, as Pagefind can read it', () => {
  const page = { url: '/articles/a/', word_count: 812, filters: { section: ['World'] }, meta: { title: 'Harbour news', kicker: 'Speed Read', dek: 'The board met.' } };
  writeFragments({ 'en_1a2b3c4.pf_fragment': { ...page, content: 'The harbour board met.', anchors: [{ element: 'h2', id: 'x', text: 'X', location: 3 }] } });
  const file = join(bundle, 'fragment', 'en_1a2b3c4.pf_fragment');
  slimFragments(bundle);
  const data = gunzipSync(readFileSync(file)).toString('utf8');
  expect(data.startsWith('pagefind_dcd')).toBe(true);
  expect(JSON.parse(data.slice('pagefind_dcd'.length))).toEqual({ ...page, content: '', anchors: [] });
});

it('adds to a slimmed fragment the metadata its result shows beyond Pagefind’s, by its URL', () => {
  const page = { url: '/articles/a/', word_count: 812, filters: {}, meta: { title: 'Harbour news' } };
  writeFragments({ 'en_1a2b3c4.pf_fragment': { ...page, content: 'The harbour board met.' }, 'en_5d6e7f8.pf_fragment': { ...page, url: '/articles/b/', content: 'Undated.' } });
  slimFragments(bundle, new Map([['/articles/a/', { published: '2020-11-23T05:00:00.000Z' }]]));
  const meta = (name: string) => JSON.parse(gunzipSync(readFileSync(join(bundle, 'fragment', name))).toString('utf8').slice('pagefind_dcd'.length)).meta;
  expect(meta('en_1a2b3c4.pf_fragment')).toEqual({ title: 'Harbour news', published: '2020-11-23T05:00:00.000Z' });
  expect(meta('en_5d6e7f8.pf_fragment')).toEqual({ title: 'Harbour news' });
});

it('makes one record a shard and language, filtered by the shard and carrying no metadata', () => {
  const records = vocabularyRecords(new Map<string, Vocabulary>([['2021', { en: ['harbour', 'wombat'] }], ['2019', { en: ['quokkas'], fr: ['port'] }]]));
  expect(records).toEqual([
    { url: '/search-shard/2021/en/', content: 'harbour wombat', language: 'en', filters: { [VOCABULARY_FILTER]: ['2021'] } },
    { url: '/search-shard/2019/en/', content: 'quokkas', language: 'en', filters: { [VOCABULARY_FILTER]: ['2019'] } },
    { url: '/search-shard/2019/fr/', content: 'port', language: 'fr', filters: { [VOCABULARY_FILTER]: ['2019'] } },
  ]);
});
