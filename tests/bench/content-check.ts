/**
 * `node_modules/.bin/node --import tsx tests/bench/content-check.ts [--articles N]`: times the content check
 * alone (wall clock and CPU time) over N generated articles (tests/.output/bench/content-N, made if missing):
 * with no cache, with a cold cache (none yet), warm (nothing changed), and after one article was edited.
 * Figures, not verdicts: not part of `npm test`.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, type CheckOptions } from '../../src/lib/content/check';
import { correctOne, generateContent } from './generate.ts';

const args = process.argv.slice(2);
const articles = Number(args.includes('--articles') ? args[args.indexOf('--articles') + 1] : 2000);
const folder = join('tests/.output/bench', `content-${articles}`);
if (!existsSync(join(folder, 'articles'))) generateContent(folder, articles);
const cacheFile = join('tests/.output/bench', `content-check-${articles}.json`);

function time(label: string, options: CheckOptions = {}): void {
  const [start, cpu] = [performance.now(), process.cpuUsage()];
  const problems = checkContent(folder, options);
  const { user, system } = process.cpuUsage(cpu);
  const ms = (value: number) => value.toFixed(0).padStart(6);
  console.log(`${label.padEnd(22)} ${ms(performance.now() - start)} ms, CPU ${ms((user + system) / 1000)} ms  (${problems.length} problems)`);
}

rmSync(cacheFile, { force: true });
time('no cache');
time('cold cache', { cacheFile });
for (let run = 1; run <= 3; run++) time(`warm cache, run ${run}`, { cacheFile });
correctOne(folder, new Date('2024-06-01T00:00:00Z'));
time('one article edited', { cacheFile });
generateContent(folder, articles); // the corpus as it was, for the next run
