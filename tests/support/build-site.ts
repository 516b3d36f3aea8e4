/** Builds the whole site from another content folder, as `CONTENT_DIR` lets tests and benchmarks do. */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const outputRoot = join(projectRoot, 'tests/.output');

/**
 * The environment for a child `astro` process: this one's, less what Vitest puts there for its own
 * `import.meta.env` (BASE_URL, MODE, …), which Astro would otherwise take for the site's.
 */
export function buildEnvironment(): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, NODE_ENV: _node, VITEST: _vitest, ...env } = process.env;
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1' };
}

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/**
 * How to run `astro build` (`rebuild`: with `--force`, every page rendered, none restored from the
 * incremental build cache), or `astro sync`, with `contentDir` as the content folder; clears `outDir` first.
 */
function astroCommand(contentDir: string, outDir: string, env: Record<string, string>, command: 'build' | 'rebuild' | 'sync') {
  rmSync(outDir, { recursive: true, force: true });
  const build = ['build', '--outDir', outDir];
  return {
    file: join(projectRoot, 'node_modules/.bin/astro'),
    args: command === 'sync' ? ['sync'] : command === 'rebuild' ? [...build, '--force'] : build,
    options: { cwd: projectRoot, env: { ...buildEnvironment(), CONTENT_DIR: contentDir, ...env } },
  };
}

/** `astro build` (or `astro sync`, the content check alone) with `contentDir` as the content folder. */
export function buildSite(contentDir: string, outDir: string, env: Record<string, string> = {}, command: 'build' | 'rebuild' | 'sync' = 'build'): BuildResult {
  const { file, args, options } = astroCommand(contentDir, outDir, env, command);
  const result = spawnSync(file, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}\n${result.stderr}`), outDir };
}

/**
 * `astro build` as `buildSite` does, in the background and with a cache folder of its own
 * (support/astro-cache.config.mjs): each site keeps its content store, images and incremental caches to
 * itself from one run to the next. Builds of one checkout still run one at a time: each writes the project's
 * `.astro/` folder too.
 */
export function buildSiteAside(contentDir: string, outDir: string, cacheDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  const { file, args, options } = astroCommand(contentDir, outDir, { ...env, ASTRO_CACHE_DIR: cacheDir }, 'build');
  // Astro reads --config relative to the project.
  const child = spawn(file, [...args, '--config', 'tests/support/astro-cache.config.mjs'], options);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('close', (status) => done({ status, output: stripVTControlCharacters(output), outDir }));
  });
}

/** The environment that builds a site as if at `time` (`src/lib/publish/build-time.ts`): the News sitemap's "now". */
export const builtAt = (time: Date) => ({ SOURCE_DATE_EPOCH: String(Math.floor(time.getTime() / 1000)) });

/** Writes `files` (path relative to the folder → text) into a fresh content folder, optionally on top of a copy. */
export function writeContent(folder: string, files: Record<string, string>, copyFrom?: string): string {
  rmSync(folder, { recursive: true, force: true });
  if (copyFrom) cpSync(copyFrom, folder, { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

/** Every page of a built site folder, as the sorted URL paths it is served under at `base`. */
export function builtPages(dir: string, base = '/'): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() && entry.name !== 'pagefind'
        ? walk(join(folder, entry.name))
        : entry.name === 'index.html'
          ? [`${base}${relative(dir, folder)}/`.replace(/\/+/g, '/')]
          : [],
    );
  return walk(dir).sort();
}
