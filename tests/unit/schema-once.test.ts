import type { ImageFunction } from 'astro/content/config';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { schemaOnce } from '../../src/lib/content/schema-once';

// Astro types image() as the picture's metadata; what it gives schemas at run time is a string schema.
/** An image() like the content layer's: picture paths become import markers. */
const layerImage = (() => z.string().transform((path) => `__ASTRO_IMAGE_${path}`)) as unknown as ImageFunction;
/** The one Astro's type generator passes. */
const plainImage = (() => z.string()) as unknown as ImageFunction;

describe('schemaOnce', () => {
  it('builds a collection schema once for all entries whose image() behave alike', () => {
    let builds = 0;
    const schema = schemaOnce(({ image }) => {
      builds++;
      return z.object({ src: image() });
    });
    const first = schema({ image: layerImage });
    const second = schema({ image: layerImage });
    expect(second).toBe(first);
    expect(builds).toBe(1);
    expect(second.parse({ src: './a.png' })).toEqual({ src: '__ASTRO_IMAGE_./a.png' });
  });

  it("keeps a schema per kind of image(), so the type generator's never serves the content layer", () => {
    const schema = schemaOnce(({ image }) => z.object({ src: image() }));
    expect(schema({ image: plainImage }).parse({ src: './a.png' })).toEqual({ src: './a.png' });
    expect(schema({ image: layerImage }).parse({ src: './a.png' })).toEqual({ src: '__ASTRO_IMAGE_./a.png' });
    expect(schema({ image: plainImage }).parse({ src: './a.png' })).toEqual({ src: './a.png' });
  });
});
