import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { bodyTree, pictureElement, withAbsoluteUrls, type PictureImages } from '../../src/lib/site/body-tree';
import { absoluteSrcset } from '../../src/lib/util/urls';

const images: PictureImages = {
  sources: [{ srcset: '/_astro/a.avif 640w, /_astro/b.avif 800w', type: 'image/avif', sizes: '100vw' }],
  img: { src: '/_astro/a.png', srcset: '/_astro/a.png 640w, /_astro/b.png 800w', alt: 'A "chart" & more', loading: 'lazy', width: 800, class: undefined },
};

describe('body pictures', () => {
  it('are written as astro:assets’ <Picture> writes them, in a figure with caption and credit when alone', () => {
    expect(toHtml(pictureElement({ figure: false }, images))).toBe(
      '<picture><source srcset="/_astro/a.avif 640w, /_astro/b.avif 800w" type="image/avif" sizes="100vw"><img src="/_astro/a.png" srcset="/_astro/a.png 640w, /_astro/b.png 800w" alt="A &#x22;chart&#x22; &#x26; more" loading="lazy" width="800"></picture>',
    );
    const figure = toHtml(pictureElement({ figure: true, caption: 'Caption', credit: 'Credit' }, images));
    expect(figure).toMatch(/^<figure class="body-picture"><picture>.*<\/picture><figcaption>Caption<span class="figure-credit"> Credit<\/span><\/figcaption><\/figure>$/);
    expect(toHtml(pictureElement({ figure: true }, images))).toMatch(/^<figure class="body-picture"><picture>.*<\/picture><\/figure>$/);
  });

  it('stand where their markers stood; marker text typed by a writer stays text', () => {
    const tree = bodyTree('<p>a</p>\n<!--picture:0-->\n<p title="<!--picture:0-->">&lt;!--picture:0--&gt;</p>', [pictureElement({ figure: true }, images)]);
    const html = toHtml(tree);
    expect(html).toMatch(/^<p>a<\/p>\n<figure class="body-picture"><picture>/);
    expect(html).toContain('<p title="<!--picture:0-->">&#x3C;!--picture:0--></p>');
  });
});

describe('absolute addresses for feeds', () => {
  it('are made for root-relative src, href and every srcset candidate; others stay', () => {
    const tree = bodyTree('<p><a href="/a/">x</a> <a href="//other.org/">y</a> <a href="#note">z</a> /text/ <img src="https://cdn.org/p.png" alt=""></p><!--picture:0-->', [pictureElement({ figure: false }, images)]);
    const html = toHtml(withAbsoluteUrls(tree, 'https://e.org'));
    expect(html).toContain('<a href="https://e.org/a/">x</a> <a href="//other.org/">y</a> <a href="#note">z</a> /text/ <img src="https://cdn.org/p.png" alt="">');
    expect(html).toContain('<source srcset="https://e.org/_astro/a.avif 640w, https://e.org/_astro/b.avif 800w"');
    expect(html).toContain('<img src="https://e.org/_astro/a.png" srcset="https://e.org/_astro/a.png 640w, https://e.org/_astro/b.png 800w"');
  });

  it('keep a srcset’s descriptors and leave absolute candidates alone', () => {
    expect(absoluteSrcset('/a.png 1x,https://c.org/b.png 2x', 'https://e.org/news/')).toBe('https://e.org/a.png 1x, https://c.org/b.png 2x');
  });
});
