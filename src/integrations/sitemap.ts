/**
 * `@astrojs/sitemap`, with each article's `lastmod` taken from the headline index this same build wrote
 * (`headlines.json`), so the sitemap and the site agree on when a story last changed.
 */
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { readFile } from 'node:fs/promises';
import type { HeadlinesJson } from '../lib/publish/headlines-json';
import { lastmodByUrl } from '../lib/publish/sitemap-dates';

export function sitemapWithLastmod(): AstroIntegration[] {
  let outDir: URL;
  let lastmods: Promise<Map<string, string>> | undefined;
  const readLastmods = async () =>
    lastmodByUrl(JSON.parse(await readFile(new URL('headlines.json', outDir), 'utf8')) as HeadlinesJson);

  return [
    {
      name: 'broadsheet:sitemap-lastmod',
      hooks: {
        'astro:config:done': ({ config }) => {
          outDir = config.outDir;
        },
      },
    },
    sitemap({
      async serialize(item) {
        const lastmod = (await (lastmods ??= readLastmods())).get(item.url);
        return lastmod ? { ...item, lastmod } : item;
      },
    }),
  ];
}
