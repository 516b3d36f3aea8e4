// @ts-check
import { defineConfig } from 'astro/config';
import { site } from './src/config';
import { markdownProcessor } from './src/lib/markdown/processor';

export default defineConfig({
  site: site.url,
  base: process.env.BASE_PATH || '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    processor: markdownProcessor,
    // Highlighting would emit inline styles that the sanitizer removes anyway; news copy has little code.
    syntaxHighlight: false,
  },
  devToolbar: { enabled: false },
});
