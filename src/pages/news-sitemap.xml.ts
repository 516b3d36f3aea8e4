import type { APIRoute } from 'astro';
import { site } from '../config';
import { newsSitemapUrls, urlsetXml, xmlResponse } from '../lib/publish/sitemap';
import { getSiteData } from '../lib/site/site-data';
import { buildTime } from '../lib/publish/build-time';

/**
 * Google's News sitemap (robots.txt points here): the articles of the 48 hours before the build. A route with
 * no `cacheKey`, so every build writes it afresh, with the build's time.
 */
export const GET: APIRoute = async () => xmlResponse(urlsetXml(newsSitemapUrls((await getSiteData()).articles, site, buildTime())));
