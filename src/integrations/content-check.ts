/**
 * Checks the whole content folder before anything is built (`astro build`, and `astro sync`, which is what
 * `npm run check:content` runs): every problem is printed, then the command fails, so nothing is written to
 * dist/ from invalid content. In `astro dev`, or with `CONTENT_CHECK=report` (the XSS tests, which build
 * hostile content on purpose), the problems are printed and the build goes on.
 */
import type { AstroIntegration } from 'astro';
import { checkContent } from '../lib/content-check';
import { contentDir } from '../lib/content-dir';
import { formatReport } from '../lib/problems';

export function contentCheck(): AstroIntegration {
  return {
    name: 'broadsheet:content-check',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'preview') return;
        const problems = checkContent(contentDir);
        if (problems.length === 0) {
          logger.info('content is valid');
          return;
        }
        logger.error(formatReport(problems));
        if (command !== 'dev' && process.env.CONTENT_CHECK !== 'report') {
          throw new Error(`The content has ${problems.length} problem${problems.length === 1 ? '' : 's'} (listed above); nothing was built.`);
        }
      },
    },
  };
}
