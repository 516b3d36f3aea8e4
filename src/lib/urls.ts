/** The one place internal URLs are made, so every link honours the site's base path. */

/** `path` (starting with `/`) under the site's base, e.g. `/articles/x/` → `/news/articles/x/`. */
export function withBase(path: string, base: string = import.meta.env.BASE_URL): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

export function articlePath(id: string): string {
  return withBase(`/articles/${id}/`);
}

/** Absolute URL for feeds and JSON, from a base-aware path (absolute URLs pass through unchanged). */
export function absoluteUrl(pathOrUrl: string, site: string): string {
  return new URL(pathOrUrl, site).href;
}
