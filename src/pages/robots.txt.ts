import type { APIRoute } from 'astro';
import { site } from '../config';
import { absoluteUrl, withBase } from '../lib/util/urls';

/** Points search engines at the sitemap index and at Google's News sitemap. */
export const GET: APIRoute = () => {
  const sitemaps = ['/sitemap-index.xml', '/news-sitemap.xml'].map((path) => `Sitemap: ${absoluteUrl(withBase(path), site.url)}\n`);
  return new Response(`User-agent: *\nAllow: /\n\n${sitemaps.join('')}`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
