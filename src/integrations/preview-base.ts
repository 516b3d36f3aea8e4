/**
 * `npm run preview` serves a built folder under the base path it was built with, so a site built with
 * `BASE_PATH=/news/` previews at `/news/` as it will be served in production, without repeating the variable.
 *
 * The build hands the base path over directly: when it is done it writes it to a small file in Astro's cache
 * folder (`node_modules/.astro/`, never published), named after the output folder, and `astro preview` of
 * that folder reads it back. Not from the environment (preview runs without `BASE_PATH`, which is the point),
 * nor from the built site (its public files are no hand-over between build steps).
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where the base path a folder was built with is kept. */
function recordOf(cacheDir: URL, outDir: URL): URL {
  const key = createHash('sha256').update(fileURLToPath(outDir)).digest('hex').slice(0, 16);
  return new URL(`broadsheet/built-base/${key}`, cacheDir);
}

export function previewBuiltBase(): AstroIntegration {
  let record: URL;
  let base: string;
  return {
    name: 'broadsheet:preview-base',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        const built = recordOf(config.cacheDir, config.outDir);
        if (command !== 'preview' || process.env.BASE_PATH || !existsSync(built)) return;
        const builtBase = readFileSync(built, 'utf8');
        if (builtBase !== config.base) {
          updateConfig({ base: builtBase });
          logger.info(`serving ${fileURLToPath(config.outDir)} under ${builtBase}, the base path it was built with`);
        }
      },
      'astro:config:done': ({ config }) => {
        record = recordOf(config.cacheDir, config.outDir);
        base = config.base;
      },
      'astro:build:done': () => {
        mkdirSync(new URL('.', record), { recursive: true });
        writeFileSync(record, base);
      },
    },
  };
}
