/**
 * The Eleventy peer: the site in peers/eleventy/ (its own package.json and lockfile, never a dependency of
 * Broadsheet), installed into that folder with `npm ci` the first time the bench needs it. Eleventy builds
 * the whole site each time (its incremental mode is for its watch server), so its warm rows are full builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from '../process-tree.ts';
import { buildLog, output, type Site } from '../sites.ts';

const folder = new URL('eleventy/', import.meta.url).pathname;
const installed = join(folder, 'node_modules/@11ty/eleventy/package.json');

const versionOf = (file: string, field: (json: any) => string | undefined) => (existsSync(file) ? field(JSON.parse(readFileSync(file, 'utf8'))) : undefined);

/** Installs the pinned Eleventy when it is missing or another version; the reason it could not, if so. */
function install(): string | undefined {
  const pinned = versionOf(join(folder, 'package.json'), (json) => json.dependencies['@11ty/eleventy']);
  if (versionOf(installed, (json) => json.version) === pinned) return undefined;
  console.log(`Installing Eleventy ${pinned} into ${folder} (npm ci) …`);
  const npm = spawnSync('npm', ['ci', '--prefix', folder, '--ignore-scripts', '--no-audit', '--no-fund', '--fetch-retries=1'], { encoding: 'utf8', timeout: 300_000 });
  if (npm.error || npm.status !== 0) {
    const lines = npm.stderr?.split('\n').filter((line) => line.trim() && !/complete log|syscall|errno/.test(line)) ?? [];
    const why = (npm.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT' ? 'npm not found on PATH' : (npm.error?.message ?? lines[0] ?? `exit ${npm.status}`);
    return `Eleventy could not be installed (npm ci --prefix tests/bench/peers/eleventy: ${why}) — peer row skipped`;
  }
  return undefined;
}

/** The Eleventy site, or why its row is skipped. */
export function eleventyPeer(): Site | string {
  const failure = install();
  if (failure) return failure;
  const outDir = join(output, 'eleventy-site');
  return {
    id: 'eleventy',
    label: `Eleventy ${versionOf(installed, (json) => json.version)}`,
    outDir,
    samplePage: 'synthetic-000002/index.html',
    clear: () => rmSync(outDir, { recursive: true, force: true }),
    build: (content) =>
      timed(process.execPath, [join(folder, 'node_modules/@11ty/eleventy/cmd.cjs'), '--config=eleventy.config.js', '--quiet'], {
        cwd: folder,
        env: { BENCH_CONTENT: content, BENCH_OUTPUT: outDir },
        log: buildLog,
        label: 'Eleventy build',
      }),
  };
}
