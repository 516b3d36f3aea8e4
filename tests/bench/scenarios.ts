/**
 * The four scenarios, in order, on one site over one content folder: a cold build (no output, no cache), a
 * warm rebuild with nothing changed, publishing one new article, and correcting one old article. Each is
 * timed with the peak memory of its process tree; after each warm one, the output is compared with the one
 * before it to count what the build changed.
 */
import { correctOne, publishOne } from './generate.ts';
import type { Run } from './process-tree.ts';
import type { Site } from './sites.ts';
import { compare, isPage, pageWeight, snapshot, type Changes, type PageWeight } from './site-output.ts';

export interface WarmRun extends Run {
  changes: Changes;
}

export interface SiteResult {
  label: string;
  cold: Run;
  warm: WarmRun;
  publish: WarmRun;
  correct: WarmRun;
  /** Pages (HTML files) and all files the cold build wrote. */
  pages: number;
  files: number;
  weight: PageWeight;
}

export const scenarioNames = {
  cold: 'cold build',
  warm: 'warm rebuild, no change',
  publish: 'publish one new article',
  correct: 'correct one old article',
} as const;

export type ScenarioName = keyof typeof scenarioNames;

const describe = (run: Run) => `${run.seconds.toFixed(1)} s, ${run.peakRssMb} MB`;

/** `content` holds `articles` generated articles; it is left with one more, and the oldest corrected. */
export async function runScenarios(site: Site, content: string, articles: number, now: Date): Promise<SiteResult> {
  site.clear();
  const cold = await site.build(content);
  let before = snapshot(site.outDir);
  const pages = [...before.keys()].filter(isPage).length;
  const files = before.size;
  const weight = pageWeight(site.outDir, site.samplePage);
  console.log(`  ${site.label}: ${scenarioNames.cold} ${describe(cold)}, ${pages} pages`);

  const warmRun = async (name: ScenarioName, change?: () => void): Promise<WarmRun> => {
    change?.();
    const run = await site.build(content);
    const after = snapshot(site.outDir);
    const changes = compare(before, after);
    before = after;
    console.log(`  ${site.label}: ${scenarioNames[name]} ${describe(run)}, pages changed ${changes.pagesChanged} of ${changes.pages}`);
    return { ...run, changes };
  };
  const warm = await warmRun('warm');
  const publish = await warmRun('publish', () => publishOne(content, articles, now));
  const correct = await warmRun('correct', () => correctOne(content, now));
  return { label: site.label, cold, warm, publish, correct, pages, files, weight };
}
