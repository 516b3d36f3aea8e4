/**
 * The printed report: every figure per site, Broadsheet's ratios to each other site, and the issue's targets
 * with ✓/✗. Returns the targets as judged, for the run's JSON.
 */
import type { Run } from './process-tree.ts';
import { costBreakdown, SEARCH_TARGETS_KB, type SearchCosts } from './search-transfer.ts';
import { scenarioNames, type ScenarioName, type SiteResult } from './scenarios.ts';
import type { Changes } from './site-output.ts';
import { broadsheetPhases } from './sites.ts';

/** The targets are set for this size of archive. */
export const TARGET_ARTICLES = 10_000;
const PEAK_RSS_TARGET_MB = 1536;

export interface Verdict {
  name: string;
  value: number | null;
  /** The same ratio on CPU time (user + system of the process trees): less swayed by a busy machine. */
  cpuValue?: number | null;
  target: number | null;
  met: boolean | null;
  note?: string;
}

type Cell = string | number;
const scenarios = Object.keys(scenarioNames) as ScenarioName[];
const runOf = (result: SiteResult, name: ScenarioName): Run => result[name];
const peakOf = (result: SiteResult) => Math.max(...scenarios.map((name) => runOf(result, name).peakRssMb));
const times = (value: number | null) => (value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`);
const share = (part: number, whole: number) => `${part} of ${whole}`;

function printTable(header: Cell[], rows: Cell[][]): void {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column] ?? '').length)));
  const line = (row: Cell[]) =>
    row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[0]) : String(cell ?? '').padStart(widths[column]))).join('   ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function figureRows(): [string, (result: SiteResult) => Cell][] {
  const changeRows = (name: Exclude<ScenarioName, 'cold'>, label: string): [string, (result: SiteResult) => Cell][] => {
    const changes = (result: SiteResult): Changes => result[name].changes;
    return [
      [`${label}: pages changed (bytes)`, (result) => share(changes(result).pagesChanged, changes(result).pages)],
      [`${label}: pages added / removed`, (result) => `${changes(result).pagesAdded} / ${changes(result).pagesRemoved}`],
      [`${label}: pages written again (mtime)`, (result) => share(changes(result).pagesRewritten, changes(result).pages)],
      [`${label}: files changed, all kinds`, (result) => share(changes(result).filesChanged, changes(result).files)],
    ];
  };
  const bytes = (size: number, gzip: number) => `${size} / ${gzip}`;
  return [
    ...scenarios.map((name): [string, (result: SiteResult) => Cell] => [`${scenarioNames[name]} (s)`, (result) => runOf(result, name).seconds.toFixed(1)]),
    ...scenarios.map((name): [string, (result: SiteResult) => Cell] => [`CPU time, ${scenarioNames[name]} (s)`, (result) => runOf(result, name).cpuSeconds.toFixed(1)]),
    ...scenarios.map((name): [string, (result: SiteResult) => Cell] => [`peak RSS, ${scenarioNames[name]} (MB)`, (result) => runOf(result, name).peakRssMb]),
    ['pages written, cold (HTML files)', (result) => result.pages],
    ['files written, cold', (result) => result.files],
    ['cold time per page written (ms)', (result) => ((result.cold.seconds * 1000) / result.pages).toFixed(2)],
    ...changeRows('warm', 'no change'),
    ...changeRows('publish', 'publish one'),
    ...changeRows('correct', 'correct one'),
    ['article HTML (bytes / gzip)', (result) => bytes(result.weight.htmlBytes, result.weight.htmlGzip)],
    ['article CSS (bytes / gzip)', (result) => bytes(result.weight.cssBytes, result.weight.cssGzip)],
    ['article JS (bytes / gzip)', (result) => bytes(result.weight.jsBytes, result.weight.jsGzip)],
  ];
}

/** Seconds per phase of each Broadsheet build: from one mark to the next, the last to the end. */
function printPhases(result: SiteResult): void {
  const names = broadsheetPhases.map(([name]) => name);
  const durations = (run: Run): Cell[] => {
    const ends = [...names.map((name) => run.marks?.[name]), run.seconds];
    return ends.map((end, index) => {
      const start = index === 0 ? 0 : ends[index - 1];
      return end === undefined || start === undefined ? '—' : (end - start).toFixed(1);
    });
  };
  const columns = scenarios.map((name) => durations(runOf(result, name)));
  console.log(`\nWhere ${result.label}'s time goes (s)`);
  printTable(['', 'cold', 'no change', 'publish one', 'correct one'], [...names, 'finish (to exit)'].map((name, row) => [name, ...columns.map((column) => column[row])]));
}

function judge(results: Map<string, SiteResult>): Verdict[] {
  const broadsheet = results.get('broadsheet');
  const baseline = results.get('baseline');
  const hugo = results.get('hugo');
  const eleventy = results.get('eleventy');
  const over = (name: string, a: Run | undefined, b: Run | undefined, target: number | null, missing: string): Verdict => {
    const value = a && b ? a.seconds / b.seconds : null;
    const cpuValue = a && b ? a.cpuSeconds / b.cpuSeconds : null;
    return { name, value, cpuValue, target, met: value === null || target === null ? null : value <= target, note: value === null ? missing : undefined };
  };
  const peak = broadsheet ? peakOf(broadsheet) : null;
  return [
    over('Broadsheet cold ÷ baseline cold', broadsheet?.cold, baseline?.cold, 0.6, 'no baseline row'),
    over('Broadsheet cold ÷ Hugo cold', broadsheet?.cold, hugo?.cold, null, 'no Hugo row'),
    over('Broadsheet cold ÷ Eleventy cold', broadsheet?.cold, eleventy?.cold, null, 'no Eleventy row'),
    over('publish one (warm) ÷ Hugo full cold build', broadsheet?.publish, hugo?.cold, 1.5, 'no Hugo row'),
    over('correct one (warm) ÷ Hugo full cold build', broadsheet?.correct, hugo?.cold, 1.5, 'no Hugo row'),
    { name: 'peak RSS, process tree, worst scenario (MB)', value: peak, target: PEAK_RSS_TARGET_MB, met: peak === null ? null : peak <= PEAK_RSS_TARGET_MB, note: peak === null ? 'no Broadsheet row' : undefined },
  ];
}

function searchVerdicts(articles: number, search: SearchCosts | string): Verdict[] {
  if (typeof search === 'string') return [];
  const kb = (bytes: number) => Math.round(bytes / 1024);
  const commonTarget = articles >= 100_000 ? SEARCH_TARGETS_KB.commonAt100k : SEARCH_TARGETS_KB.common;
  return [
    { name: `search transfer, rare word "${search.rare.query}" (KB)`, value: kb(search.rare.bytes), target: SEARCH_TARGETS_KB.rare, met: kb(search.rare.bytes) <= SEARCH_TARGETS_KB.rare },
    { name: `search transfer, common word "${search.common.query}" (KB)`, value: kb(search.common.bytes), target: commonTarget, met: kb(search.common.bytes) <= commonTarget },
  ];
}

/** What one search cost on Broadsheet, word by word, and where its bytes went; or why it was not measured. */
export function printSearchCosts(search: SearchCosts | string): void {
  if (typeof search === 'string') return console.log(search);
  for (const cost of [search.rare, search.common]) {
    console.log(`search "${cost.query}" on Broadsheet: ${cost.bytes} bytes in ${cost.requests} requests (${cost.matches.trim()})`);
    console.log(`  ${costBreakdown(cost)}`);
  }
}

/** The search rows of the targets, for a run that built nothing else (`--cold-only`). */
export function printSearchTargets(articles: number, search: SearchCosts | string): Verdict[] {
  const verdicts = searchVerdicts(articles, search);
  for (const verdict of verdicts) console.log(`${verdict.name}: ${verdict.value} (target ≤ ${verdict.target}) ${verdict.met ? '✓' : '✗'}`);
  return verdicts;
}

export function printReport(articles: number, results: Map<string, SiteResult>, skipped: string[], search: SearchCosts | string): Verdict[] {
  const sites = [...results.values()];
  console.log(`\n${articles} synthetic articles`);
  if (sites.length > 0) printTable(['', ...sites.map((site) => site.label)], figureRows().map(([label, cell]) => [label, ...sites.map(cell)]));
  printSearchCosts(search);
  for (const line of skipped) console.log(`skipped: ${line}`);

  const broadsheet = results.get('broadsheet');
  const others = sites.filter((site) => site !== broadsheet);
  if (broadsheet && others.length > 0) {
    console.log('\nBroadsheet ÷ each');
    const ratioRow = (label: string, value: (result: SiteResult) => number): Cell[] => [label, ...others.map((other) => times(value(broadsheet) / value(other)))];
    const rows = scenarios.flatMap((name) => [
      ratioRow(`${scenarioNames[name]} (time)`, (result) => runOf(result, name).seconds),
      ratioRow(`${scenarioNames[name]} (CPU time)`, (result) => runOf(result, name).cpuSeconds),
    ]);
    rows.push(ratioRow('peak RSS, worst scenario', peakOf), ratioRow('pages written', (result) => result.pages));
    printTable(['', ...others.map((other) => other.label)], rows);
  }

  if (broadsheet) printPhases(broadsheet);

  const verdicts = [...judge(results), ...searchVerdicts(articles, search)];
  console.log(`\nTargets (set for ${TARGET_ARTICLES.toLocaleString('en')} articles${articles === TARGET_ARTICLES ? '' : `; this run has ${articles}, so the marks only indicate`})`);
  const mark = (verdict: Verdict) => (verdict.met === null ? verdict.note ?? '' : verdict.met ? '✓' : '✗');
  const value = (verdict: Verdict) => (/\((MB|KB)\)$/.test(verdict.name) ? String(verdict.value ?? '—') : times(verdict.value));
  const target = (verdict: Verdict) => (verdict.target === null ? '(no target)' : /\((MB|KB)\)$/.test(verdict.name) ? `≤ ${verdict.target}` : `≤ ${times(verdict.target)}`);
  const cpu = (verdict: Verdict) => (verdict.cpuValue === undefined ? '' : times(verdict.cpuValue));
  printTable(['', 'value', 'target', '', 'on CPU time'], verdicts.map((verdict) => [verdict.name, value(verdict), target(verdict), mark(verdict), cpu(verdict)]));
  if (broadsheet) {
    const { pagesChanged, pages, pagesRewritten } = broadsheet.publish.changes;
    console.log(`Publishing one article changes ${share(pagesChanged, pages)} Broadsheet pages; the build writes ${pagesRewritten} again.`);
  }
  return verdicts;
}
