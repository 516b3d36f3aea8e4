// @ts-check
import { defineConfig } from 'astro/config';
import { site } from './src/config';
import { contentCheck } from './src/integrations/content-check';
import { pagefindIndex } from './src/integrations/pagefind';
import { previewBuiltBase } from './src/integrations/preview-base';
import { securityHeaders } from './src/integrations/security-headers';
import { staticPreview } from './src/integrations/static-preview';
import { markdownConfig } from './src/lib/markdown/processor';
import { contentSecurityPolicy } from './src/lib/publish/security';

const csp = contentSecurityPolicy(site);

export default defineConfig({
  site: site.url,
  base: site.basePath,
  trailingSlash: 'always',
  // Stylesheets as files: the policy then needs no hashes for styles, and browsers cache them across pages.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  security: {
    csp: {
      directives: csp.directives,
      scriptDirective: { resources: csp.scriptSources },
      styleDirective: { resources: csp.styleSources },
    },
  },
  markdown: markdownConfig,
  // Pictures in articles get a srcset of widths (the layout's own CSS is left out: ours sizes them).
  image: { layout: 'constrained', responsiveStyles: false },
  integrations: [contentCheck(), pagefindIndex(), securityHeaders(), previewBuiltBase(), staticPreview()],
  // Pages whose `cacheKey` (src/lib/site/cache-keys.ts) and code are unchanged are restored from the last build.
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
  // Scripts ship as files, never inlined: Vite's dynamic-import helper breaks in inlined scripts, and files
  // are what a strict Content-Security-Policy allows by origin.
  vite: { build: { assetsInlineLimit: 0 } },
});
