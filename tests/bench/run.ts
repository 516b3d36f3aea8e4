/**
 * `npm run bench -- --articles N [--series]`: builds Broadsheet and the baseline (tests/bench/baseline) over
 * the same N synthetic articles, cold and warm, and prints wall time, peak memory of the whole process tree,
 * pages written, and the weight of a typical article page; then the ratios Broadsheet/baseline.
 * `--series` also times Broadsheet alone at 1k, 2k, 5k and 10k articles (time per article should stay flat);
 * `--cold-only` builds Broadsheet once, cold, and nothing else (for 100k articles). It also measures what one
 * search costs a reader on the built site. Results go to tests/.output/bench/result-<N>.json.
 * Not part of `npm test`: these are figures, not verdicts.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateContent } from './generate.ts';
import { searchTransfer } from './search-transfer.ts';

const root = new URL('../../', import.meta.url).pathname;
const output = join(root, 'tests/.output/bench');
const astro = join(root, 'node_modules/.bin/astro');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const articles = option('articles', 10_000);

interface Run {
  seconds: number;
  peakRssMb: number;
}

/** Sum of the resident memory of a process and all its descendants, from /proc. */
function treeRssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
    return rss + children.reduce((sum, child) => sum + treeRssKb(child), 0);
  } catch {
    return 0; // the process ended between two reads
  }
}

function timed(command: string, commandArgs: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: root, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 100);
    child.on('exit', (code) => {
      clearInterval(poll);
      appendFileSync(join(output, 'build.log'), log);
      if (code !== 0) fail(new Error(`${commandArgs.join(' ')} failed (${code}); see ${join(output, 'build.log')}`));
      else done({ seconds: (performance.now() - started) / 1000, peakRssMb: Math.round(peak / 1024) });
    });
  });
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Bytes of one article page and of the CSS and JS it loads. */
function pageWeight(dir: string, pagePath: string) {
  const html = readFileSync(join(dir, pagePath));
  const assets = (pattern: RegExp) =>
    [...html.toString().matchAll(pattern)].map(([, href]) => readFileSync(join(dir, href.replace(/^\//, ''))));
  const css = assets(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
  const js = assets(/<script[^>]+src="([^"]+)"/g);
  const sum = (files: Buffer[]) => files.reduce((total, file) => total + file.length, 0);
  const gzip = (files: Buffer[]) => files.reduce((total, file) => total + gzipSync(file).length, 0);
  return { htmlBytes: html.length, htmlGzip: gzipSync(html).length, cssBytes: sum(css), cssGzip: gzip(css), jsBytes: sum(js), jsGzip: gzip(js) };
}

type Site = 'broadsheet' | 'baseline';
const outDirOf = (name: Site) => join(output, `${name}-site`);
const buildArgsOf = (name: Site) =>
  name === 'broadsheet' ? ['build', '--outDir', outDirOf(name)] : ['build', '--root', 'tests/bench/baseline', '--outDir', outDirOf(name)];

/** A build from nothing: no content cache, no output folder. */
async function coldBuild(name: Site, content: string): Promise<Run> {
  rmSync(name === 'broadsheet' ? join(root, 'node_modules/.astro') : join(output, 'baseline-cache'), { recursive: true, force: true });
  rmSync(outDirOf(name), { recursive: true, force: true });
  return timed(astro, buildArgsOf(name), { CONTENT_DIR: content });
}

async function measure(name: Site, content: string) {
  const cold = await coldBuild(name, content);
  // Warm: one article edited, everything else as the last build left it.
  const edited = join(content, 'articles', 'synthetic-000001.md');
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nOne more synthetic sentence, edited for the warm build.\n`);
  const warm = await timed(astro, buildArgsOf(name), { CONTENT_DIR: content });
  const page = name === 'broadsheet' ? 'articles/synthetic-000002/index.html' : 'synthetic-000002/index.html';
  return { cold, warm, pages: htmlFiles(outDirOf(name)).length, weight: pageWeight(outDirOf(name), page) };
}

const ratio = (a: number, b: number) => (b === 0 ? '—' : `${(a / b).toFixed(2)}×`);

mkdirSync(output, { recursive: true });
rmSync(join(output, 'build.log'), { force: true });
const content = join(output, `content-${articles}`);
console.log(`Generating ${articles} synthetic articles in ${content} …`);
generateContent(content, articles);

if (args.includes('--cold-only')) {
  const cold = await coldBuild('broadsheet', content);
  const pages = htmlFiles(outDirOf('broadsheet')).length;
  console.log(`\n${articles} articles, Broadsheet cold build: ${cold.seconds.toFixed(1)} s, peak RSS ${cold.peakRssMb} MB, ${pages} pages`);
  writeFileSync(join(output, `result-${articles}-cold.json`), JSON.stringify({ articles, date: new Date().toISOString(), cold, pages }, null, 2));
  process.exit(0);
}

const broadsheet = await measure('broadsheet', content);
// Every word of the synthetic text is common, so this is the worst case: the query matches every article.
const search = await searchTransfer(outDirOf('broadsheet'), 'council');
generateContent(content, articles); // undo the warm-build edit so the baseline sees the same files
const baseline = await measure('baseline', content);

const rows: [string, string | number, string | number, string][] = [
  ['cold build (s)', broadsheet.cold.seconds.toFixed(1), baseline.cold.seconds.toFixed(1), ratio(broadsheet.cold.seconds, baseline.cold.seconds)],
  ['warm rebuild, one article edited (s)', broadsheet.warm.seconds.toFixed(1), baseline.warm.seconds.toFixed(1), ratio(broadsheet.warm.seconds, baseline.warm.seconds)],
  ['warm rebuild / cold baseline', '', '', ratio(broadsheet.warm.seconds, baseline.cold.seconds)],
  ['peak RSS, cold (MB)', broadsheet.cold.peakRssMb, baseline.cold.peakRssMb, ratio(broadsheet.cold.peakRssMb, baseline.cold.peakRssMb)],
  ['pages written', broadsheet.pages, baseline.pages, ratio(broadsheet.pages, baseline.pages)],
  ['cold time per page written (ms)', ((broadsheet.cold.seconds * 1000) / broadsheet.pages).toFixed(2), ((baseline.cold.seconds * 1000) / baseline.pages).toFixed(2), ''],
  ['article HTML (bytes)', broadsheet.weight.htmlBytes, baseline.weight.htmlBytes, ratio(broadsheet.weight.htmlBytes, baseline.weight.htmlBytes)],
  ['article HTML gzip (bytes)', broadsheet.weight.htmlGzip, baseline.weight.htmlGzip, ratio(broadsheet.weight.htmlGzip, baseline.weight.htmlGzip)],
  ['article CSS (bytes / gzip)', `${broadsheet.weight.cssBytes} / ${broadsheet.weight.cssGzip}`, `${baseline.weight.cssBytes} / ${baseline.weight.cssGzip}`, ''],
  ['article JS (bytes)', broadsheet.weight.jsBytes, baseline.weight.jsBytes, ''],
  ['article HTML + CSS gzip (bytes)', broadsheet.weight.htmlGzip + broadsheet.weight.cssGzip, baseline.weight.htmlGzip + baseline.weight.cssGzip, ''],
  ['search "council": bytes / requests', `${search.bytes} / ${search.requests}`, '—', ''],
];
console.log(`\n${articles} articles            Broadsheet   baseline   ratio`);
for (const [label, a, b, r] of rows) console.log(`${label.padEnd(38)} ${String(a).padStart(10)} ${String(b).padStart(10)}   ${r}`);

const series: { articles: number; seconds: number; msPerArticle: number }[] = [];
if (args.includes('--series')) {
  for (const size of [1000, 2000, 5000, 10_000].filter((size) => size <= articles)) {
    const folder = join(output, `content-${size}`);
    generateContent(folder, size);
    const run = await coldBuild('broadsheet', folder);
    series.push({ articles: size, seconds: run.seconds, msPerArticle: (run.seconds * 1000) / size });
    console.log(`series: ${size} articles, cold ${run.seconds.toFixed(1)} s, ${((run.seconds * 1000) / size).toFixed(2)} ms per article`);
  }
}

const resultFile = join(output, `result-${articles}.json`);
writeFileSync(resultFile, JSON.stringify({ articles, date: new Date().toISOString(), broadsheet, baseline, search, series }, null, 2));
console.log(`\nWritten ${resultFile}${existsSync(resultFile) ? ` (${statSync(resultFile).size} bytes)` : ''}`);
