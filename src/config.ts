/**
 * Everything a newsroom sets once, typed in one place. Pages and modules read from here;
 * nothing else hard-codes the site's name, URL, sections or sizes.
 */

export interface Section {
  /** Used in URLs and in article frontmatter (`section: world`). */
  id: string;
  /** Shown to readers. */
  name: string;
}

export interface NewsletterConfig {
  heading: string;
  blurb: string;
  /** Where the sign-up form posts. Empty: no form is rendered at all. */
  action: string;
  /** Name of the e-mail field the sign-up service expects. */
  emailField: string;
  buttonLabel: string;
}

/** Which way the site's text runs: left to right, or right to left (Arabic, Hebrew, Persian, Urdu…). */
export type TextDirection = 'ltr' | 'rtl';

export interface SiteConfig {
  /** `SITE_NAME` overrides it at build time. */
  name: string;
  /** `SITE_DESCRIPTION` overrides it at build time. */
  description: string;
  /** Absolute URL of the site's domain root; `SITE_URL` overrides it at build time. */
  url: string;
  /** Sub-folder the site is served from, `/` or e.g. `/news/`; `BASE_PATH` overrides it at build time. */
  basePath: string;
  /**
   * BCP 47 language tag of the site, for `<html lang>`: dates and numbers are written as it writes them
   * (`ar-EG`: Arabic-Indic digits), and the interface's words come from its language's table in
   * src/lib/util/messages.ts (`en`, `ar`). `SITE_LANG` overrides it at build time.
   */
  lang: string;
  /**
   * Direction of the site's text, for `<html dir>`: the styles use logical properties (start and end, not
   * left and right), so `rtl` mirrors the whole layout. `SITE_DIR` overrides it at build time.
   */
  dir: TextDirection;
  /** IANA time zone in which dates are shown to readers. */
  timeZone: string;
  sections: readonly Section[];
  /** Format labels used above headlines; the importer recognises "more stories" entries by them. */
  kickers: readonly string[];
  /** How many entries the "More stories" sidebar shows at most. */
  sidebarSize: number;
  /**
   * How many days after an article a story may be published and still appear in its "More stories" (pinned
   * `related` stories and undated entries always may). Keeps archive pages as they were, so a publish
   * re-renders only the articles of the last few weeks.
   */
  sidebarWindowDays: number;
  /**
   * The front page: how many top stories stand in the band under the lead, how many the "Latest" river beside
   * them lists, and how many of its newest stories each section's row shows. A section front's first page has
   * a band of `sectionTopStories`, and the rest of its page as the river. Sized so that band and river end
   * at about the same height.
   */
  front: { topStories: number; latest: number; perSection: number; sectionTopStories: number };
  /**
   * Stories per page on section, tag, author and archive listings, and search results shown at a time.
   * `LISTING_PAGE_SIZE` overrides it at build time (the tests' small sites).
   */
  listingPageSize: number;
  /** How many of the newest articles each feed carries. */
  feedSize: number;
  /**
   * How many of the newest articles without a lead picture get a social card of their own (their kicker and
   * headline, drawn at build time); older ones share the site's card. A card costs 12–20 ms of CPU, so one for
   * each of 10,000 articles would add minutes to a cold build, for pages rarely shared after their first
   * weeks; 500 add about 10 s, a tenth of a cold build of 10,000 articles.
   */
  socialCards: number;
  /**
   * At most how many pages each shard of the search index holds (consecutive publication months, oldest first;
   * a bigger month alone: src/lib/publish/search-shards.ts). A word in every article loads every shard, and
   * each costs a reader three requests of its own (about 4 KB); a rare word loads one, whose list of pages
   * costs about 8 bytes a page; Pagefind's memory while it writes a shard, the build's peak, grows by about
   * 100 KB a page. 1,500 pages (163 MB) peak no higher than a year of 10,000 articles, 1,100 pages, did.
   * `SEARCH_SHARD_PAGES` overrides it at build time (the tests' small sites).
   */
  searchShardPages: number;
  newsletter: NewsletterConfig;
}

/** `SITE_DIR`, else left to right; any other value stops the build rather than half-mirror the site. */
function textDirection(value = 'ltr'): TextDirection {
  if (value === 'ltr' || value === 'rtl') return value;
  throw new Error(`SITE_DIR (the site's \`dir\` in src/config.ts) must be "ltr" or "rtl", not ${JSON.stringify(value)}`);
}

/** A count from the environment variable `name` (overriding the config field `field`), else `fallback`. */
function positiveCount(name: string, field: keyof SiteConfig, fallback: number): number {
  const value = process.env[name] || undefined;
  if (value === undefined) return fallback;
  const number = Number(value);
  if (Number.isInteger(number) && number > 0) return number;
  throw new Error(`${name} (the site's \`${field}\` in src/config.ts) must be a whole number above 0, not ${JSON.stringify(value)}`);
}

// Values that differ between builds of the same code (where a site is published, and the tests' sample
// sites, an Arabic one among them) come from the environment; the rest is set here.
export const site: SiteConfig = {
  name: process.env.SITE_NAME || 'Broadsheet',
  description: process.env.SITE_DESCRIPTION || 'News, briefly and clearly.',
  url: process.env.SITE_URL || 'https://example.org',
  basePath: process.env.BASE_PATH || '/',
  lang: process.env.SITE_LANG || 'en',
  dir: textDirection(process.env.SITE_DIR || undefined),
  timeZone: 'America/New_York',
  sections: [
    { id: 'world', name: 'World' },
    { id: 'politics', name: 'Politics' },
    { id: 'business', name: 'Business' },
    { id: 'science', name: 'Science' },
    { id: 'culture', name: 'Culture' },
    { id: 'opinion', name: 'Opinion' },
  ],
  kickers: ['Speed Read', 'Instant Opinion'],
  sidebarSize: 10,
  sidebarWindowDays: 30,
  front: { topStories: 4, latest: 8, perSection: 3, sectionTopStories: 8 },
  listingPageSize: positiveCount('LISTING_PAGE_SIZE', 'listingPageSize', 20),
  feedSize: 50,
  socialCards: 500,
  searchShardPages: positiveCount('SEARCH_SHARD_PAGES', 'searchShardPages', 1500),
  newsletter: {
    heading: 'Get the briefing',
    blurb: 'The day’s most important stories, in your inbox every morning.',
    action: process.env.NEWSLETTER_ACTION ?? '',
    emailField: 'email',
    buttonLabel: 'Sign up',
  },
};

export const sectionIds = site.sections.map((section) => section.id);

export function sectionName(id: string): string {
  return site.sections.find((section) => section.id === id)?.name ?? id;
}
