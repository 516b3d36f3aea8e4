/**
 * The vocabulary index: the primary Pagefind bundle at `<site>/pagefind/`, one record a shard (and language)
 * whose text is every word the shard's own index holds. The search page searches it first, for the whole
 * query, and searches only the shards it returns; the result is what one index over every page would find.
 *
 * Why, in Pagefind's terms (pagefind_web/src/search.rs, `search_term` and `find_word_extensions`). In one
 * index, a query term t matches the words E(t) that start with t; when there is none, the longest word t
 * starts with (`1234` falls back to `123`); a term with neither is left out of the query; the results are the
 * pages holding a word of E(t) for every term left in. Pagefind splits and stems each whitespace-separated
 * token on its own, so a record made of a shard's tokens holds exactly the shard's words W(s), and the
 * vocabulary index holds their union: the words W of one index over all pages. So it computes the same E(t)
 * as one index, and returns the shards s where W(s) meets E(t) for every term left in. In such a shard every
 * term has a word of E(t): when those are words starting with t, the shard's index matches the same ones it
 * has; when E(t) is the fallback p, the shard has no word starting with t (nor has any index) and p, the
 * longest in all of W, is the longest in W(s) too; a term left out everywhere is left out there. Its results
 * are then one index's results among its pages. A shard not returned lacks every word of E(t) for some term,
 * so one index has no result among its pages either. Section filters apply after the terms in Pagefind, so
 * they do not change which shards can match. A quoted (exact) query matches only the words themselves and
 * never falls back: the page asks the vocabulary without the quotes, which returns at least every shard that
 * has all the words, and each shard's exact search is then one index's.
 *
 * One limit is Pagefind's own: an index loads only the chunk of its words around each term, so extensions of
 * a term in a next chunk are missed, in one index as in a shard or the vocabulary, each with chunk bounds of
 * its own; a whole word is always in the chunk loaded for it.
 */
import { bundleFragments } from './search-fragments';
import { VOCABULARY_FILTER } from './search-manifest';

/** A shard's words by Pagefind language: every token of the text Pagefind indexed, once each, sorted. */
export type Vocabulary = Record<string, string[]>;

/** Pagefind splits text into tokens at Unicode white space (Rust's `split_whitespace`). */
const WHITE_SPACE = /\p{White_Space}+/u;

/**
 * The vocabulary of a Pagefind bundle, from its fragments (search-fragments.ts), before they are slimmed:
 * each page's `content` (the text Pagefind indexed, its tokens joined by spaces) and `meta` (whose values
 * Pagefind indexes too), by the page's language.
 */
export function bundleVocabulary(bundle: string): Vocabulary {
  const words = new Map<string, Set<string>>();
  for (const { language, fragment } of bundleFragments(bundle)) {
    let tokens = words.get(language);
    if (!tokens) words.set(language, (tokens = new Set()));
    for (const text of [fragment.content, ...Object.values(fragment.meta)]) {
      for (const token of text.split(WHITE_SPACE)) if (token) tokens.add(token);
    }
  }
  return Object.fromEntries([...words].map(([language, tokens]) => [language, [...tokens].sort()]));
}

/** A record of the vocabulary index, for Pagefind's `addCustomRecord`: no metadata, whose words it would add. */
export interface VocabularyRecord {
  url: string;
  content: string;
  language: string;
  filters: Record<string, string[]>;
}

/** The vocabulary index's records: one for each shard and language, filtered by the shard's name. */
export function vocabularyRecords(vocabularies: Map<string, Vocabulary>): VocabularyRecord[] {
  return [...vocabularies].flatMap(([shard, vocabulary]) =>
    Object.entries(vocabulary).map(([language, tokens]) => ({
      url: `/search-shard/${shard}/${language}/`,
      content: tokens.join(' '),
      language,
      filters: { [VOCABULARY_FILTER]: [shard] },
    })),
  );
}
