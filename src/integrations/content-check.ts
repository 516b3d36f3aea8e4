/**
 * Checks the whole content folder before anything is built (`astro build`, and `astro sync`, which is what
 * `npm run check:content` runs): every problem is printed, then the command fails, so nothing is written to
 * dist/ from invalid content. With `CONTENT_CHECK=report` (the XSS tests, which build hostile content on
 * purpose), the problems are printed and the build goes on.
 *
 * In `astro dev` the server keeps running: the check runs again whenever a file in the content folder changes,
 * prints the problems when they change, and every page shows them (./dev-problems.ts) until they are fixed.
 *
 * What the check finds in each file is kept in Astro's cache folder (src/lib/content/check-cache.ts), so a
 * build or a save in `astro dev` checks an unchanged file again only when the check's code changed (or with
 * `--force`, which starts the cache afresh as it does Astro's).
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { rmSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { checkCacheFile } from '../lib/content/check-cache';
import { checkCodeDigest, checkContent, type CheckOptions } from '../lib/content/check';
import { contentDir } from '../lib/content/content-dir';
import { formatReport, type Problem } from '../lib/content/problems';
import { publishProblems } from './dev-problems';

/**
 * Ends the process once what was logged has been written out. The report is all an editor needs: throwing
 * from a hook would make Astro add "An unhandled error occurred…" and a stack trace of this file after it.
 */
async function exitWithReport(): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((written) => stream.write('', written))));
  process.exit(1);
}

/** Editors save in bursts (a temporary file, then a rename): one check after the burst is enough. */
const RECHECK_DELAY_MS = 50;

export function contentCheck(): AstroIntegration {
  let reported = '';
  /** Where the check remembers files, and the digest of the code that ran (worked out when the config is loaded). */
  let cache: CheckOptions = {};
  /** In `astro dev`: the problems as pages show them, printed only when they differ from the last print. */
  const devReport = (problems: readonly Problem[], logger: AstroIntegrationLogger) => {
    publishProblems(problems);
    const report = problems.length === 0 ? '' : formatReport(problems);
    if (report === reported) return;
    if (report) logger.error(`${report}\nEvery page shows ${problems.length === 1 ? 'it' : 'them'} until the files are fixed.`);
    else logger.info(reported ? 'content is valid again' : 'content is valid');
    reported = report;
  };

  return {
    name: 'broadsheet:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger, addMiddleware }) => {
        if (command === 'preview') return;
        const cacheFile = checkCacheFile(config.cacheDir, contentDir);
        if (process.argv.includes('--force')) rmSync(cacheFile, { force: true });
        cache = { cacheFile, codeDigest: checkCodeDigest(config.root) };
        const problems = checkContent(contentDir, cache);
        if (command === 'dev') {
          addMiddleware({ entrypoint: new URL('./dev-problems.ts', import.meta.url), order: 'pre' });
          reported = ''; // a restarted server prints the problems again
          devReport(problems, logger);
          return;
        }
        if (problems.length === 0) {
          logger.info('content is valid');
          return;
        }
        logger.error(formatReport(problems));
        if (process.env.CONTENT_CHECK === 'report') return;
        const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
        logger.error(`The content has ${count} (listed above)${command === 'build' ? '; nothing was built' : ''}.`);
        await exitWithReport();
      },
      'astro:server:setup': ({ server, logger, refreshContent }) => {
        // The content folder may lie outside the project (CONTENT_DIR), where Vite does not watch by itself.
        server.watcher.add(contentDir);
        let timer: NodeJS.Timeout | undefined;
        let latest = 0;
        const recheck = async () => {
          const run = ++latest;
          const problems = checkContent(contentDir, cache);
          // Pages read Astro's content store, which the loaders update on their own time: it is brought up to
          // date before pages go out without the notice, or one could still meet the broken entry and fail.
          if (problems.length === 0) await refreshContent?.({}).catch(() => undefined);
          if (run === latest) devReport(problems, logger);
        };
        server.watcher.on('all', (_event, path) => {
          const inContent = relative(contentDir, path);
          if (!inContent || inContent.startsWith('..') || isAbsolute(inContent)) return;
          clearTimeout(timer);
          timer = setTimeout(recheck, RECHECK_DELAY_MS);
        });
      },
    },
  };
}
