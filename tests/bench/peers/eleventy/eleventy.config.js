// The benchmark's Eleventy peer: the generated (synthetic) articles in BENCH_CONTENT/articles, each rendered
// with its title, body and ten "More stories" (one point per shared tag and one for the same section, newest
// first among equals), written to BENCH_OUTPUT. Run by tests/bench/peers/eleventy.ts.
import { relative } from 'node:path';

const input = `${process.env.BENCH_CONTENT}/articles`;
const includes = relative(input, new URL('_includes', import.meta.url).pathname);

/** The ten stories sharing most with each article, by its URL; scored through a tag and section index. */
function relatedByUrl(articles) {
  const newestFirst = [...articles].sort((a, b) => b.data.published - a.data.published);
  const keysOf = (article) => [...new Set(article.data.tags ?? [])].map((tag) => `tag:${tag}`).concat(`section:${article.data.section}`);
  const byKey = new Map();
  newestFirst.forEach((article, position) => {
    for (const key of keysOf(article)) {
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(position);
    }
  });
  const related = {};
  newestFirst.forEach((article, self) => {
    const scores = new Map();
    for (const key of keysOf(article)) for (const position of byKey.get(key)) scores.set(position, (scores.get(position) ?? 0) + 1);
    scores.delete(self);
    related[article.url] = [...scores]
      .sort(([positionA, scoreA], [positionB, scoreB]) => scoreB - scoreA || positionA - positionB)
      .slice(0, 10)
      .map(([position]) => ({ url: newestFirst[position].url, title: newestFirst[position].data.title }));
  });
  return related;
}

export default function (config) {
  config.addGlobalData('layout', 'article.njk');
  config.addCollection('related', (collections) => relatedByUrl(collections.getAll()));
  return {
    dir: { input, includes, output: process.env.BENCH_OUTPUT },
    templateFormats: ['md'],
    // Bodies are Markdown only: not run through Liquid first.
    markdownTemplateEngine: false,
  };
}
