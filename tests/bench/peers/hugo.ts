/**
 * The Hugo peer (Debian's `hugo`, when installed): the minimal site in peers/hugo/ over the generated
 * articles, read where they are (`--contentDir`). Every `hugo` build renders the whole site; there is no
 * incremental build outside `hugo server`, so its warm rows are full builds too.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { timed } from '../process-tree.ts';
import { buildLog, output, type Site } from '../sites.ts';

const source = new URL('hugo/', import.meta.url).pathname;

/** The Hugo site, or why its row is skipped. */
export function hugoPeer(): Site | string {
  const version = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) return 'hugo not installed (apt-get install hugo) — peer row skipped';
  const outDir = join(output, 'hugo-site');
  const cacheDir = join(output, 'hugo-cache');
  return {
    id: 'hugo',
    label: `Hugo ${/v(\d+\.\d+\.\d+)/.exec(version.stdout)?.[1] ?? ''}`.trim(),
    outDir,
    samplePage: 'articles/synthetic-000002/index.html',
    clear() {
      rmSync(outDir, { recursive: true, force: true });
      rmSync(cacheDir, { recursive: true, force: true });
    },
    build: (content) =>
      timed('hugo', ['--source', source, '--contentDir', content, '--destination', outDir, '--cacheDir', cacheDir, '--noBuildLock', '--quiet'], {
        cwd: source,
        log: buildLog,
        label: 'Hugo build',
      }),
  };
}
