// @ts-check
import { defineConfig } from 'astro/config';
import { site } from './src/config';
import { markdownConfig } from './src/lib/markdown/processor';

export default defineConfig({
  site: site.url,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: markdownConfig,
  devToolbar: { enabled: false },
});
