/**
 * A rendered Markdown body's HTML (an article's or an author's bio), the one way pages and feeds alike get
 * it: local pictures optimised by astro:assets where the writer put them, and for feeds every root-relative
 * address made absolute.
 */
import { getImage, imageConfig } from 'astro:assets';
import { readFile } from 'node:fs/promises';
import { toHtml } from 'hast-util-to-html';
import type { Article, Author } from './article-view';
import { bodyTree, pictureElement, withAbsoluteUrls, type PictureImages } from './body-tree';

type RenderedBody = (Article | Author)['data']['renderedBody'];
type BodyPicture = RenderedBody['pictures'][number];

/** Body pictures take the column's width on wide screens, the screen's on narrow ones. */
const SIZES = '(min-width: 60rem) 42rem, 100vw';
const FORMATS = ['avif', 'webp'] as const;
/** Formats kept as they are for the fallback `<img>`, as astro:assets' `<Picture>` keeps them; others fall back to PNG. */
const KEPT_FORMATS = new Set(['gif', 'svg', 'jpg', 'jpeg']);

/** The optimised files of one picture, asked of astro:assets exactly as its `<Picture>` asks (the lead picture uses that component). */
async function pictureImages({ src, alt }: BodyPicture): Promise<PictureImages> {
  const image = src as ImageMetadata;
  const options = {
    src: image,
    alt,
    sizes: SIZES,
    loading: 'lazy' as const,
    layout: imageConfig.layout,
    fit: imageConfig.objectFit ?? 'cover',
    position: imageConfig.objectPosition ?? 'center',
  };
  const [sources, fallback] = await Promise.all([
    Promise.all(FORMATS.map((format) => getImage({ ...options, format }))),
    getImage({ ...options, format: KEPT_FORMATS.has(image.format) ? image.format : 'png' }),
  ]);
  const { class: _class, ...attributes } = fallback.attributes;
  return {
    sources: sources.map((source, index) => ({ srcset: source.srcSet.attribute, type: `image/${FORMATS[index]}`, sizes: SIZES })),
    img: { src: fallback.src, srcset: fallback.srcSet.values.length > 0 ? fallback.srcSet.attribute : undefined, ...attributes },
  };
}

/**
 * The body's HTML. Without pictures, and not for a feed, it is the file exactly as the sanitizer left it;
 * otherwise it is read back as a tree (see body-tree.ts) and written out again.
 */
export async function bodyHtml(body: RenderedBody, options: { absoluteUnder?: string } = {}): Promise<string> {
  const html = await readFile(body.htmlFile, 'utf8');
  if (body.pictures.length === 0 && !options.absoluteUnder) return html;
  const pictures = await Promise.all(body.pictures.map(async (picture) => pictureElement(picture, await pictureImages(picture))));
  const tree = bodyTree(html, pictures);
  return toHtml(options.absoluteUnder ? withAbsoluteUrls(tree, options.absoluteUnder) : tree);
}
