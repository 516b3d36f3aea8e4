/**
 * The code a loaded entry depends on: the loaders, the Markdown pipeline and the schemas, found by following
 * relative imports from the loaders and the collection config, plus the packages (the lockfile). Its digest is
 * part of every entry's digest, so a change to this code renders every body again, and a change anywhere else
 * (a page, the ranker, a feed) renders none.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where loading starts: the collection config, and the worker that renders bodies on other threads. */
const ENTRY_POINTS = ['src/content.config.ts', 'src/lib/markdown/render-worker.ts'];

const RELATIVE_IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function resolveModule(from: string, specifier: string): string | undefined {
  const path = resolve(dirname(from), specifier);
  return [path, `${path}.ts`, `${path}/index.ts`].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

/** Every source file reachable from the entry points through relative imports, sorted. */
export function loaderCodeFiles(root: URL): string[] {
  const pending = ENTRY_POINTS.map((file) => fileURLToPath(new URL(file, root)));
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

/** The text the loaders hash into every entry's digest. */
export function loaderCode(root: URL): string {
  const files = [...loaderCodeFiles(root), fileURLToPath(new URL('package-lock.json', root))];
  return files.map((file) => `${file}\n${readFileSync(file, 'utf8')}`).join('\0');
}
