import type { APIRoute } from 'astro';
import { site } from '../config';
import { getSiteData } from '../lib/site/site-data';
import { toHeadlinesJson } from '../lib/publish/headlines-json';

/** The headline index for widgets and other sites. */
export const GET: APIRoute = async () => {
  const { headlines } = await getSiteData();
  return new Response(JSON.stringify(toHeadlinesJson(headlines, site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
