import type { SiteConfig } from '../../config';
import type { Headline } from '../site/headlines';
import { absoluteUrl, withBase } from '../util/urls';

export interface HeadlinesJson {
  /** `url`: the site's home page, base path included. */
  site: { name: string; url: string };
  headlines: {
    id: string;
    kicker: string;
    title: string;
    dek: string;
    url: string | null;
    date: string | null;
    updated: string | null;
    section: string | null;
    tags: string[];
  }[];
}

/** The public shape of `/headlines.json`: absolute URLs and ISO dates, `null` where a story has none. */
export function toHeadlinesJson(headlines: readonly Headline[], site: Pick<SiteConfig, 'name' | 'url'>): HeadlinesJson {
  return {
    site: { name: site.name, url: absoluteUrl(withBase('/'), site.url) },
    headlines: headlines.map((headline) => ({
      id: headline.id,
      kicker: headline.kicker,
      title: headline.title,
      dek: headline.dek,
      url: headline.url ? absoluteUrl(headline.url, site.url) : null,
      date: headline.date?.toISOString() ?? null,
      updated: (headline.kind === 'article' && headline.updated?.toISOString()) || null,
      section: headline.section ?? null,
      tags: headline.tags,
    })),
  };
}
