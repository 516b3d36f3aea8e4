import { slug } from 'github-slugger';

/** URL-safe, lowercase slug of a title: the same rule GitHub uses for heading anchors. */
export function slugify(text: string): string {
  return slug(text).replace(/-+/g, '-').replace(/^-|-$/g, '');
}
