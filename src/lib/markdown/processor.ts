/**
 * The one Markdown pipeline. Article bodies and author bios go through `renderMarkdown` (called by the
 * content loader, src/lib/content/markdown-loader.ts); `markdownConfig` gives Astro the same steps for any
 * Markdown it renders itself (and the benchmark's baseline).
 *
 * The writer's raw HTML is parsed (one Markdown block at a time: raw-html.ts) and every heading given its id
 * *before* sanitizing, so sanitizing is the last thing that shapes the tree.
 */
import { unified as astroUnified, type RehypePlugins, type RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { rehypeHeadingIds, remarkHeadingIds } from './heading-ids.ts';
import rehypeBodyPictures, { type BodyPicture } from './rehype-body-pictures.ts';
import rehypeDemoteH1 from './rehype-demote-h1.ts';
import rehypeLowercaseSchemes from './rehype-lowercase-schemes.ts';
import rehypePrefixFragmentLinks from './rehype-prefix-fragment-links.ts';
import { rawHtmlToHast, rehypeHtmlBlocks } from './raw-html.ts';
import rehypeStripControlCharacters from './rehype-strip-control-characters.ts';
import remarkLiteralText from './remark-literal-text.ts';
import remarkNestingLimit from './remark-nesting-limit.ts';
import remarkSmartPunctuation from './remark-smart-punctuation.ts';
import { CLOBBER_PREFIX, sanitizeSchema } from './sanitize-schema.ts';
import { fillTemplate } from '../util/template.ts';

// Literal text is marked before GFM's autolink transform splits text nodes its own way (remark-literal-text.ts).
// Headings are named while their text is as typed, before smart punctuation (heading-ids.ts).
const markdownSteps: RemarkPlugins = [remarkLiteralText, remarkGfm, remarkNestingLimit, remarkHeadingIds, remarkSmartPunctuation];

// Footnote ids are prefixed once, by the sanitizer, like every other writer-supplied id.
const remarkRehypeOptions: RemarkRehypeOptions = { ...rawHtmlToHast, clobberPrefix: '' };

const sanitizingSteps: RehypePlugins = [
  rehypeHtmlBlocks,
  rehypeDemoteH1,
  rehypeHeadingIds,
  rehypeLowercaseSchemes,
  [rehypeSanitize, sanitizeSchema],
  [rehypePrefixFragmentLinks, { prefix: CLOBBER_PREFIX }],
  rehypeStripControlCharacters,
];

/**
 * The words a body carries, in the site's language (messages.ts `footnotes`; English without them): the
 * footnotes' heading, read by screen readers, and each back-link's label, `{reference}` the number of the
 * footnote's reference ("1", "1-2").
 */
export interface BodyWords {
  heading: string;
  backToReference: string;
}

function footnoteOptions(words?: BodyWords): RemarkRehypeOptions {
  if (!words) return {};
  return {
    footnoteLabel: words.heading,
    // The reference's number as remark-rehype writes it: "1", and "1-2" for its second reference.
    footnoteBackLabel: (index, rereference) => fillTemplate(words.backToReference, { reference: `${index + 1}${rereference > 1 ? `-${rereference}` : ''}` }),
  };
}

/** One pipeline for each set of words (a build has one). */
const pipelines = new Map<string, ReturnType<typeof pipelineFor>>();

function pipelineFor(words?: BodyWords) {
  return unified()
    .use(remarkParse)
    .use(markdownSteps as PluggableList)
    .use(remarkRehype, { ...remarkRehypeOptions, ...footnoteOptions(words) })
    .use(sanitizingSteps as PluggableList)
    .use(rehypeBodyPictures)
    .use(rehypeStringify)
    .freeze();
}

export interface RenderedMarkdown {
  /** Sanitized HTML, with a marker comment where each local picture goes (see `markedPicture`). */
  html: string;
  pictures: BodyPicture[];
}

/**
 * @param path the Markdown file, beside which its pictures are looked for
 * @param contentRoot the content folder its pictures must be in (default: the site's, `CONTENT_DIR`)
 * @param words the words the body carries, in the site's language
 */
export async function renderMarkdown(markdown: string, path?: string, contentRoot?: string, words?: BodyWords): Promise<RenderedMarkdown> {
  const key = JSON.stringify(words ?? null);
  let pipeline = pipelines.get(key);
  if (!pipeline) pipelines.set(key, (pipeline = pipelineFor(words)));
  const file = await pipeline.process({ value: markdown, path, data: contentRoot ? { contentRoot } : {} });
  return { html: String(file.value), pictures: file.data.pictures ?? [] };
}

/** Astro's `markdown` config: the same steps, Astro adding its own image and heading handling after them. */
export const markdownConfig = {
  processor: astroUnified({
    gfm: false, // markdownSteps has it, in its place
    smartypants: false, // remarkSmartPunctuation does it, many times faster
    remarkPlugins: markdownSteps,
    remarkRehype: remarkRehypeOptions,
    rehypePlugins: sanitizingSteps,
  }),
  // Highlighting would emit inline styles that the sanitizer removes anyway; news copy has little code.
  syntaxHighlight: false as const,
};
