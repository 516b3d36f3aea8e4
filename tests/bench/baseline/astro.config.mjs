// The benchmark's baseline: the smallest Astro 7 site over the same files, with the same Markdown processor
// (remark, rehype-sanitize), one page per article rendering title and body. Built with `--root`.
import { defineConfig } from 'astro/config';
import { markdownConfig } from '../../../src/lib/markdown/processor';

export default defineConfig({
  markdown: markdownConfig,
  cacheDir: '../../.output/bench/baseline-cache',
  devToolbar: { enabled: false },
});
