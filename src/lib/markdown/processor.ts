/**
 * The one Markdown pipeline: article bodies, author bios and (later) feeds all go through it.
 *
 * Astro appends its own rehype steps after these (image placeholders, heading ids, `rehype-raw`). So the
 * writer's raw HTML is parsed here, every heading is given its id here, and sanitizing is the last thing
 * that shapes the tree: Astro's steps then find nothing left to parse and no heading without an id.
 */
import { unified } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeDemoteH1 from './rehype-demote-h1';
import rehypePrefixFragmentLinks from './rehype-prefix-fragment-links';
import rehypeStripControlCharacters from './rehype-strip-control-characters';
import remarkSmartPunctuation from './remark-smart-punctuation';
import { CLOBBER_PREFIX, sanitizeSchema } from './sanitize-schema';

const processor = unified({
  gfm: true,
  smartypants: false, // remarkSmartPunctuation does it, many times faster
  remarkPlugins: [remarkSmartPunctuation],
  // Footnote ids are prefixed once, by the sanitizer, like every other writer-supplied id.
  remarkRehype: { clobberPrefix: '' },
  rehypePlugins: [
    rehypeRaw,
    rehypeDemoteH1,
    rehypeSlug,
    [rehypeSanitize, sanitizeSchema],
    [rehypePrefixFragmentLinks, { prefix: CLOBBER_PREFIX }],
    rehypeStripControlCharacters,
  ],
});

/** Astro's `markdown` config; unit tests build their renderer from the same object. */
export const markdownConfig = {
  processor,
  // Highlighting would emit inline styles that the sanitizer removes anyway; news copy has little code.
  syntaxHighlight: false as const,
};
