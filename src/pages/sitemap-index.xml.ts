import type { APIRoute } from 'astro';
import { site } from '../config';
import { sitemapFiles, sitemapIndexXml, xmlResponse } from '../lib/publish/sitemap';
import { getSiteData } from '../lib/site/site-data';
import { sitePages } from '../lib/site/site-pages';
import { absoluteUrl, withBase } from '../lib/util/urls';

/** The sitemap index (robots.txt points here), naming each `sitemap-<n>.xml`. */
export const GET: APIRoute = async () => {
  const files = sitemapFiles(sitePages(await getSiteData(), site.sections, site.listingPageSize), site.url);
  return xmlResponse(sitemapIndexXml(files, (index) => absoluteUrl(withBase(`/sitemap-${index}.xml`), site.url)));
};
