/** How long a body takes to read, measured once when the loader renders it (src/lib/content/markdown-loader.ts). */

/** Minutes to read a rendered body at 230 words a minute (at least one). */
export function readingMinutes(html: string): number {
  const words = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[#\w]+;/g, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  return Math.max(1, Math.round(words / 230));
}
