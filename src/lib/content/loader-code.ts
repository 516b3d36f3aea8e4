/**
 * The code that results kept between builds depend on, in one place: what loading runs (the loaders, the
 * Markdown pipeline and the schemas) and what the content check runs, each found by following relative
 * imports from its entry points, plus the packages (the lockfile). A digest of it is part of every key: a
 * change to this code renders every body again (or checks every file again), and a change anywhere else (a
 * page, the ranker, a feed) neither.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where loading starts: the collection config, and the worker that renders bodies on other threads. */
const LOADER_ENTRY_POINTS = ['src/content.config.ts', 'src/lib/markdown/render-worker.ts'];

/** Where the content check starts: what it remembers of a file (./check-cache.ts) is keyed on this code. */
const CHECK_ENTRY_POINTS = ['src/lib/content/check.ts'];

const RELATIVE_IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function resolveModule(from: string, specifier: string): string | undefined {
  const path = resolve(dirname(from), specifier);
  return [path, `${path}.ts`, `${path}/index.ts`].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

/** Every source file reachable from the entry points through relative imports, sorted. */
function reachableFiles(root: URL, entryPoints: readonly string[]): string[] {
  const pending = entryPoints.map((file) => fileURLToPath(new URL(file, root)));
  const seen = new Set<string>();
  for (const file of pending) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, imported, dynamic] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const next = resolveModule(file, imported ?? dynamic);
      if (next) pending.push(next);
    }
  }
  return [...seen].sort();
}

/** The files and packages' lockfile as one text: each file's path, then its text. */
function codeOf(root: URL, files: readonly string[]): string {
  return [...files, fileURLToPath(new URL('package-lock.json', root))].map((file) => `${file}\n${readFileSync(file, 'utf8')}`).join('\0');
}

/** The source files loading runs. */
export const loaderCodeFiles = (root: URL) => reachableFiles(root, LOADER_ENTRY_POINTS);

/** The text the loaders hash into every entry's digest. */
export const loaderCode = (root: URL) => codeOf(root, loaderCodeFiles(root));

/** The source files the content check runs. */
export const checkCodeFiles = (root: URL) => reachableFiles(root, CHECK_ENTRY_POINTS);

/** The text the content check hashes into the key of every file it remembers. */
export const checkCode = (root: URL) => codeOf(root, checkCodeFiles(root));
