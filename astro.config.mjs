// @ts-check
import { defineConfig } from 'astro/config';
import { site } from './src/config';
import { contentCheck } from './src/integrations/content-check';
import { pagefindIndex } from './src/integrations/pagefind';
import { previewBuiltBase } from './src/integrations/preview-base';
import { sitemapWithLastmod } from './src/integrations/sitemap';
import { markdownConfig } from './src/lib/markdown/processor';

export default defineConfig({
  site: site.url,
  base: site.basePath,
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: markdownConfig,
  integrations: [contentCheck(), sitemapWithLastmod(), pagefindIndex(), previewBuiltBase()],
  devToolbar: { enabled: false },
  // Scripts ship as files, never inlined: Vite's dynamic-import helper breaks in inlined scripts, and files
  // are what a strict Content-Security-Policy allows by origin.
  vite: { build: { assetsInlineLimit: 0 } },
});
