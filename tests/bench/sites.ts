/**
 * The sites the bench builds, behind one shape: where each writes, how to build it from a content folder and
 * how to make its next build cold. Broadsheet and the Astro baseline are here; the peers in peers/.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { timed, type Run } from './process-tree.ts';

export const root = new URL('../../', import.meta.url).pathname;
export const output = join(root, 'tests/.output/bench');
/** Every build's output, appended; a failed build names it. */
export const buildLog = join(output, 'build.log');

export interface Site {
  id: string;
  label: string;
  outDir: string;
  /** A typical article page (the second article), relative to outDir. */
  samplePage: string;
  /** Removes the output and every cache the site keeps: the next build starts from nothing. */
  clear(): void;
  build(content: string): Promise<Run>;
}

const astro = join(root, 'node_modules/.bin/astro');

interface AstroOptions {
  args: string[];
  cacheDir: string;
  samplePage: string;
  marks?: [string, RegExp][];
}

function astroSite(id: string, label: string, options: AstroOptions): Site {
  const outDir = join(output, `${id}-site`);
  return {
    id,
    label,
    outDir,
    samplePage: options.samplePage,
    clear() {
      rmSync(options.cacheDir, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
    },
    build: (content) =>
      timed(astro, ['build', ...options.args, '--outDir', outDir], {
        cwd: root,
        env: { CONTENT_DIR: content },
        log: buildLog,
        label: `${label} build`,
        marks: options.marks,
      }),
  };
}

/**
 * Where a Broadsheet build's time goes: each phase ends at the first log line matching its pattern (the
 * last one at the end of the build). Shown by the report for every scenario.
 */
export const broadsheetPhases: [string, RegExp][] = [
  ['start-up, content check, Markdown (content sync)', /\[content\] Synced content/],
  ['types, build info, Vite bundle', /generating static routes/],
  // Astro's own line closing route generation (its other "Completed" lines carry a "[build]" tag).
  ['pages rendered and written', /\d ✓ Completed in/],
  ['pictures, search index (Pagefind)', /\[broadsheet:pagefind\] indexed/],
];

/** The whole site: sections, tags, authors, archive, feeds, sitemap, search. */
export const broadsheet = astroSite('broadsheet', 'Broadsheet', {
  args: [],
  cacheDir: join(root, 'node_modules/.astro'),
  samplePage: 'articles/synthetic-000002/index.html',
  marks: broadsheetPhases,
});

/** The smallest Astro 7 site over the same files with the same Markdown processor: title and body. */
export const baseline = astroSite('baseline', 'baseline', {
  args: ['--root', 'tests/bench/baseline'],
  cacheDir: join(output, 'baseline-cache'),
  samplePage: 'synthetic-000002/index.html',
});
