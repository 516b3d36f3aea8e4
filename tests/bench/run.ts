/**
 * `npm run bench -- --articles N`: generates N synthetic articles and, over that same corpus, builds
 * Broadsheet, the Astro baseline (tests/bench/baseline) and the peers a newsroom might pick instead — Hugo
 * (when installed) and Eleventy (installed on demand into tests/bench/peers/eleventy) — in four scenarios:
 * cold, warm with no change, publish one new article, correct one old article. Prints every figure (time,
 * peak memory of the process tree, pages written and changed, page weight, the cost of one search), the
 * ratios and the targets; keeps a JSON per run in tests/.output/bench/.
 * `--only broadsheet,hugo` builds only those sites; `--series` also times Broadsheet alone, cold, at 1k, 2k,
 * 5k and 10k articles; `--cold-only` builds Broadsheet once, cold, and measures its search, nothing else (for
 * 100k articles).
 * Not part of `npm test`: these are figures, not verdicts.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { cardCost, cardCostLine } from './cards.ts';
import { generateContent } from './generate.ts';
import { eleventyPeer } from './peers/eleventy.ts';
import { hugoPeer } from './peers/hugo.ts';
import { BenchError } from './process-tree.ts';
import { printReport, printSearchCosts, printSearchTargets } from './report.ts';
import { runScenarios, type SiteResult } from './scenarios.ts';
import { searchCosts, type SearchCosts } from './search-transfer.ts';
import { baseline, broadsheet, buildLog, output, type Site } from './sites.ts';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const articles = Number(option('articles') ?? 10_000);
const only = option('only')?.split(',');
const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
const wanted = (id: string) => !only || only.includes(id);

function writeResult(name: string, result: object): void {
  const file = join(output, `result-${articles}-${name}${stamp}.json`);
  writeFileSync(file, JSON.stringify({ articles, date: new Date().toISOString(), cpus: cpus().length, node: process.version, ...result }, null, 2));
  console.log(`\nWritten ${file}`);
}

/** Broadsheet alone, cold, at growing sizes: the time per article should stay flat. */
async function series() {
  const runs: { articles: number; seconds: number; peakRssMb: number; msPerArticle: number }[] = [];
  for (const size of [1000, 2000, 5000, 10_000].filter((size) => size <= articles)) {
    const folder = join(output, `content-${size}`);
    generateContent(folder, size);
    broadsheet.clear();
    const run = await broadsheet.build(folder);
    runs.push({ articles: size, ...run, msPerArticle: (run.seconds * 1000) / size });
    console.log(`series: ${size} articles, cold ${run.seconds.toFixed(1)} s, ${runs.at(-1)!.msPerArticle.toFixed(2)} ms per article, ${run.peakRssMb} MB`);
  }
  return runs;
}

async function main() {
  if (!Number.isInteger(articles) || articles < 10) throw new BenchError(`--articles takes a whole number of at least 10 (got ${option('articles')})`);
  mkdirSync(output, { recursive: true });
  rmSync(buildLog, { force: true });
  const content = join(output, `content-${articles}`);
  console.log(`Generating ${articles} synthetic articles in ${content} …`);
  generateContent(content, articles);
  const cards = await cardCost(content);
  console.log(cardCostLine(cards, articles));

  if (args.includes('--cold-only')) {
    broadsheet.clear();
    const cold = await broadsheet.build(content);
    console.log(`\n${articles} articles, Broadsheet cold build: ${cold.seconds.toFixed(1)} s, peak RSS ${cold.peakRssMb} MB`);
    const search = await searchCosts(broadsheet.outDir, articles);
    printSearchCosts(search);
    return writeResult('cold-', { cold, cards, search, targets: printSearchTargets(articles, search) });
  }

  const sites: (Site | string)[] = [broadsheet, baseline, ...(wanted('hugo') ? [hugoPeer()] : []), ...(wanted('eleventy') ? [eleventyPeer()] : [])];
  const now = new Date(); // the date of the published article and of the correction, the same for every site
  const results = new Map<string, SiteResult>();
  const skipped: string[] = [];
  let search: SearchCosts | string = 'not measured (Broadsheet not built)';
  for (const site of sites) {
    if (typeof site === 'string') {
      console.log(site);
      skipped.push(site);
      continue;
    }
    if (!wanted(site.id)) continue;
    console.log(`${site.label} …`);
    generateContent(content, articles); // the same corpus for every site, without the last site's changes
    results.set(site.id, await runScenarios(site, content, articles, now));
    if (site === broadsheet) search = await searchCosts(site.outDir, articles);
  }

  const verdicts = printReport(articles, results, skipped, search);
  console.log(cardCostLine(cards, articles));
  const seriesRuns = args.includes('--series') ? await series() : [];
  writeResult('', { sites: Object.fromEntries(results), skipped, search, targets: verdicts, series: seriesRuns, cards });
}

try {
  await main();
} catch (error) {
  if (!(error instanceof BenchError)) throw error;
  console.error(`\nbench stopped: ${error.message}`);
  process.exitCode = 1;
}
