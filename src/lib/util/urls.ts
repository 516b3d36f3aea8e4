/** The one place internal URLs are made, so every link honours the site's base path. */

/** `path` (starting with `/`) under the site's base, e.g. `/articles/x/` → `/news/articles/x/`. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

/** A path as a folder, ending in one `/`: `/news` and `/news/` → `/news/` (Astro's base path comes either way). */
export const withTrailingSlash = (path: string) => path.replace(/\/?$/, '/');

export const articlePath = (id: string) => withBase(`/articles/${id}/`);
export const sectionPath = (id: string) => withBase(`/sections/${id}/`);
export const tagPath = (tag: string) => withBase(`/tags/${tag}/`);
export const authorPath = (id: string) => withBase(`/authors/${id}/`);
/** `month` as `2020/11`. */
export const archivePath = (month?: string) => withBase(month ? `/archive/${month}/` : '/archive/');

/** Absolute URL for feeds and JSON, from a base-aware path (absolute URLs pass through unchanged). */
export function absoluteUrl(pathOrUrl: string, site: string): string {
  return new URL(pathOrUrl, site).href;
}

/** `/path`, but not `//host/path`. */
export const isRootRelative = (url: string) => url.startsWith('/') && !url.startsWith('//');

/** A `srcset` ("address width, address width") with each root-relative address made absolute. */
export function absoluteSrcset(srcset: string, site: string): string {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().replace(/^\S+/, (url) => (isRootRelative(url) ? absoluteUrl(url, site) : url)))
    .join(', ');
}
