/**
 * `npm run preview` serves `dist/` under the base path it was built with (read back from the
 * `headlines.json` the build wrote), so a site built with `BASE_PATH=/news/` previews at `/news/` as it will
 * be served in production, without repeating the variable.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readFileSync } from 'node:fs';
import type { HeadlinesJson } from '../lib/publish/headlines-json';

export function previewBuiltBase(): AstroIntegration {
  return {
    name: 'broadsheet:preview-base',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        const index = new URL('headlines.json', config.outDir);
        if (command !== 'preview' || process.env.BASE_PATH || !existsSync(index)) return;
        const { site } = JSON.parse(readFileSync(index, 'utf8')) as HeadlinesJson;
        const base = new URL(site.url).pathname;
        if (base !== config.base) {
          updateConfig({ base });
          logger.info(`serving dist/ under ${base}, the base path it was built with`);
        }
      },
    },
  };
}
