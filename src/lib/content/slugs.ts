import { slug } from 'github-slugger';

/** What a file name or id must be to serve as a URL: lowercase letters, digits and single hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(text: string): boolean {
  return SLUG.test(text);
}

/**
 * Lowercase slug of a title: the same rule GitHub uses for heading anchors. It keeps letters beyond a–z
 * ("café") and may be empty, so a slug that names a file must pass `isSlug` too.
 */
export function slugify(text: string): string {
  return slug(text).replace(/-+/g, '-').replace(/^-|-$/g, '');
}
