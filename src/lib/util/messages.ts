/**
 * The words of the site's interface, in every language it can be built in: one table per language, each
 * typed as `Messages`, so a language missing a message (or a message missing a language) does not compile.
 * Pages and components read `ui`, the table of the site's language (`lang` in src/config.ts); the content's
 * own words (headlines, section names, the newsletter's copy) are the newsroom's, in src/config.ts and content/.
 *
 * Numbers in messages are written with the site's exact language tag (`ar-EG`: Arabic-Indic digits), so a
 * language's table is a function of the number formats it is handed; dates are src/lib/util/dates.ts's.
 */
import { site } from '../../config';
import type { BodyWords } from '../markdown/processor';

/** How the site's language writes numbers. */
export interface NumberFormats {
  /** "12" */
  count: (value: number) => string;
  /** "5 minutes": the unit in words, in the plural form the number takes ("دقيقتان", two minutes). */
  minutes: (value: number) => string;
}

export interface Messages {
  /** Before the byline's authors: "By Peter and Sam". */
  by: string;
  /** Before the date of an article's last change. */
  updated: string;
  /** Reading time in the dateline. */
  readingTime: (minutes: number) => string;
  /** The label before an update or correction note. */
  noteLabels: { update: string; correction: string };
  /** The words a rendered body carries (src/lib/markdown/processor.ts says which). */
  footnotes: BodyWords;
  sources: string;
  /** Between a source's publisher and its title. */
  comma: string;
  /** The topics an article is filed under; the topic index's title. */
  topics: string;
  /** The box with an author's bio under an article. */
  aboutAuthor: (name: string) => string;
  /** The rail beside an article. */
  moreStories: string;
  newsletterEmail: string;
  share: { label: string; heading: string; email: string };
  pagination: { label: string; newer: string; older: string; status: (current: number, last: number) => string };
  /** A listing's page title after page 1. */
  titleWithPage: (title: string, current: number, last: number) => string;
  authorPage: { stories: (name: string) => string; description: (name: string, role: string, siteName: string) => string };
  topic: { kicker: string; title: (topic: string) => string; description: (topic: string, siteName: string) => string };
  topicIndex: { description: string; empty: string };
  /** How many stories a topic or an archive month holds, after its name. */
  storyCount: (stories: number) => string;
  archive: { title: string; description: string; empty: string; month: (month: string) => string };
  notFound: { title: string; description: string; text: string; frontPage: string };
  /** The front page's heading (for screen readers), its blocks, and what it says with no story at all. */
  front: { title: (siteName: string) => string; lead: string; topStories: string; latest: string; empty: string };
  /** A section front's description and the link to its feed. */
  section: { description: (section: string, siteName: string) => string; feed: (section: string) => string };
  /** A listing with no story. */
  listingEmpty: string;
  /** The header, skip link, footer and theme toggle, on every page. */
  chrome: { skipLink: string; sections: string; search: string; archive: string; feeds: { rss: string; json: string }; darkTheme: string };
  /**
   * The search page. Templates name their blanks in braces: the page fills `{section}`, `{topic}` and
   * `{archive}` with links, its script `{query}` and `{count}` (the rule: src/lib/util/template.ts). `matches` has a
   * template for each plural category the language uses (`Intl.PluralRules`); `other` is the fallback.
   * `matchesAtLeast` counts the matches found before the search stopped, newest first, with a page of them:
   * older stories may match too, and `older` shows the next page.
   */
  search: {
    description: (siteName: string) => string;
    query: string;
    section: string;
    allSections: string;
    noScript: string;
    links: { section: string; topic: string; archive: string };
    devOnly: string;
    failed: string;
    none: string;
    matches: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
    matchesAtLeast: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
    older: string;
  };
}

/** One language's messages, given the site's number formats. */
export type Translation = (numbers: NumberFormats) => Messages;

const translations = {
  en: ({ count }) => ({
    by: 'By',
    updated: 'Updated',
    readingTime: (minutes) => `${count(minutes)} min read`,
    noteLabels: { update: 'Update', correction: 'Correction' },
    footnotes: { heading: 'Footnotes', backToReference: 'Back to reference {reference}' },
    sources: 'Sources',
    comma: ', ',
    topics: 'Topics',
    aboutAuthor: (name) => `About ${name}`,
    moreStories: 'More stories',
    newsletterEmail: 'Email address',
    share: { label: 'Share this article', heading: 'Share', email: 'Email' },
    pagination: {
      label: 'Pages',
      newer: '← Newer',
      older: 'Older →',
      status: (current, last) => `Page ${count(current)} of ${count(last)}`,
    },
    titleWithPage: (title, current, last) => `${title} (page ${count(current)} of ${count(last)})`,
    authorPage: {
      stories: (name) => `Stories by ${name}`,
      description: (name, role, siteName) => `${name}, ${role}, at ${siteName}.`,
    },
    topic: {
      kicker: 'Topic',
      title: (topic) => `Topic: ${topic}`,
      description: (topic, siteName) => `Stories about ${topic} from ${siteName}.`,
    },
    topicIndex: { description: 'Every topic covered, A to Z.', empty: 'No topics yet.' },
    storyCount: (stories) => `(${count(stories)})`,
    archive: {
      title: 'Archive',
      description: 'Every article, month by month.',
      empty: 'No articles yet.',
      month: (month) => `Articles published in ${month}.`,
    },
    notFound: {
      title: 'Page not found',
      description: 'There is no page at this address.',
      text: 'There is no page at this address. It may have moved, or the link may be mistyped.',
      frontPage: 'Go to the front page',
    },
    front: {
      title: (siteName) => `${siteName}: the latest news`,
      lead: 'Lead story',
      topStories: 'Top stories',
      latest: 'Latest',
      empty: 'No stories have been published yet.',
    },
    section: {
      description: (section, siteName) => `The latest ${section} stories from ${siteName}.`,
      feed: (section) => `RSS feed for ${section}`,
    },
    listingEmpty: 'No stories yet.',
    chrome: {
      skipLink: 'Skip to main content',
      sections: 'Sections',
      search: 'Search',
      archive: 'Archive',
      feeds: { rss: 'RSS', json: 'JSON Feed' },
      darkTheme: 'Dark theme',
    },
    search: {
      description: (siteName) => `Search every article on ${siteName}.`,
      query: 'Search stories',
      section: 'Section',
      allSections: 'All sections',
      noScript: 'Search needs JavaScript, which is off in your browser. Every story is also reachable by {section}, {topic} and the {archive}.',
      links: { section: 'section', topic: 'topic', archive: 'archive' },
      devOnly: 'Search works only in the built site: run npm run build, then npm run preview.',
      failed: 'Search could not be loaded. Try again, or find stories by section, topic or the archive.',
      none: 'No stories match “{query}”.',
      matches: { one: '{count} story matches “{query}”.', other: '{count} stories match “{query}”.' },
      matchesAtLeast: { one: 'At least {count} story matches “{query}”.', other: 'At least {count} stories match “{query}”.' },
      older: 'Show older stories',
    },
  }),
  // The arrows point outwards in both languages: in right-to-left text the newer pages are to the right.
  ar: ({ count, minutes }) => ({
    by: 'بقلم',
    updated: 'آخر تحديث',
    readingTime: (value) => `مدة القراءة: ${minutes(value)}`,
    noteLabels: { update: 'تحديث', correction: 'تصحيح' },
    footnotes: { heading: 'الحواشي', backToReference: 'العودة إلى الإشارة {reference}' },
    sources: 'المصادر',
    comma: '، ',
    topics: 'الموضوعات',
    aboutAuthor: (name) => `نبذة عن ${name}`,
    moreStories: 'مزيد من القصص',
    newsletterEmail: 'البريد الإلكتروني',
    share: { label: 'شارك هذه المقالة', heading: 'مشاركة', email: 'البريد الإلكتروني' },
    pagination: {
      label: 'الصفحات',
      newer: '→ الأحدث',
      older: 'الأقدم ←',
      status: (current, last) => `الصفحة ${count(current)} من ${count(last)}`,
    },
    titleWithPage: (title, current, last) => `${title} (الصفحة ${count(current)} من ${count(last)})`,
    authorPage: {
      stories: (name) => `قصص بقلم ${name}`,
      description: (name, role, siteName) => `${name}، ${role}، في ${siteName}.`,
    },
    topic: {
      kicker: 'موضوع',
      title: (topic) => `موضوع: ${topic}`,
      description: (topic, siteName) => `قصص عن ${topic} من ${siteName}.`,
    },
    topicIndex: { description: 'كل الموضوعات، مرتبة أبجديًا.', empty: 'لا موضوعات بعد.' },
    storyCount: (stories) => `(${count(stories)})`,
    archive: {
      title: 'الأرشيف',
      description: 'كل المقالات، شهرًا بشهر.',
      empty: 'لا مقالات بعد.',
      month: (month) => `مقالات نُشرت في ${month}.`,
    },
    notFound: {
      title: 'الصفحة غير موجودة',
      description: 'لا توجد صفحة على هذا العنوان.',
      text: 'لا توجد صفحة على هذا العنوان. ربما نُقلت، أو ربما في الرابط خطأ.',
      frontPage: 'اذهب إلى الصفحة الأولى',
    },
    front: {
      title: (siteName) => `${siteName}: آخر الأخبار`,
      lead: 'القصة الرئيسية',
      topStories: 'أهم القصص',
      latest: 'الأحدث',
      empty: 'لم تُنشر أي قصص بعد.',
    },
    section: {
      description: (section, siteName) => `أحدث قصص ${section} من ${siteName}.`,
      feed: (section) => `موجز RSS لقسم ${section}`,
    },
    listingEmpty: 'لا قصص بعد.',
    chrome: {
      skipLink: 'انتقل إلى المحتوى الرئيسي',
      sections: 'الأقسام',
      search: 'بحث',
      archive: 'الأرشيف',
      feeds: { rss: 'RSS', json: 'JSON Feed' },
      darkTheme: 'المظهر الداكن',
    },
    search: {
      description: (siteName) => `ابحث في كل مقالات ${siteName}.`,
      query: 'ابحث في القصص',
      section: 'القسم',
      allSections: 'كل الأقسام',
      noScript: 'يحتاج البحث إلى جافاسكربت، وهي معطّلة في متصفحك. يمكن الوصول إلى كل قصة أيضًا عبر {section} و{topic} و{archive}.',
      links: { section: 'الأقسام', topic: 'الموضوعات', archive: 'الأرشيف' },
      devOnly: 'البحث يعمل في الموقع المبني فقط: شغّل npm run build ثم npm run preview.',
      failed: 'تعذّر تحميل البحث. حاول مجددًا، أو تصفح القصص حسب القسم أو الموضوع أو الأرشيف.',
      none: 'لا قصص تطابق «{query}».',
      matches: {
        zero: 'لا قصص تطابق «{query}».',
        one: 'قصة واحدة تطابق «{query}».',
        two: 'قصتان تطابقان «{query}».',
        few: '{count} قصص تطابق «{query}».',
        many: '{count} قصة تطابق «{query}».',
        other: '{count} قصة تطابق «{query}».',
      },
      matchesAtLeast: {
        one: 'قصة واحدة على الأقل تطابق «{query}».',
        two: 'قصتان على الأقل تطابقان «{query}».',
        few: '{count} قصص على الأقل تطابق «{query}».',
        many: '{count} قصة على الأقل تطابق «{query}».',
        other: '{count} قصة على الأقل تطابق «{query}».',
      },
      older: 'اعرض قصصًا أقدم',
    },
  }),
} satisfies Record<string, Translation>;

/** The languages the site can be built in. */
export const languages = Object.keys(translations) as (keyof typeof translations)[];

/**
 * The messages for a BCP 47 tag: its own table (`ar`), else its language's (`ar-EG` → `ar`). A language
 * with no table stops the build, naming the setting to change.
 */
export function messagesFor(lang: string): Messages {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(lang);
  } catch {
    throw new Error(`lang in src/config.ts (or SITE_LANG) is ${JSON.stringify(lang)}, which is not a BCP 47 language tag such as "en" or "ar-EG"`);
  }
  // Own keys only: `toString` is a valid tag, and a plain lookup would find Object.prototype's method.
  const table = (tag: string) => (Object.hasOwn(translations, tag) ? translations[tag as keyof typeof translations] : undefined);
  const translation = table(lang) ?? table(locale.language);
  if (!translation) {
    throw new Error(
      `lang in src/config.ts (or SITE_LANG) is ${JSON.stringify(lang)}, but src/lib/util/messages.ts has no messages in that language: it has ${languages.join(', ')}`,
    );
  }
  const count = new Intl.NumberFormat(lang);
  const minutes = new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  return translation({ count: (value) => count.format(value), minutes: (value) => minutes.format(value) });
}

/** The interface's words in the site's language. */
export const ui = messagesFor(site.lang);

const conjunction = new Intl.ListFormat(site.lang, { type: 'conjunction' });

/**
 * `items` joined as the site's language joins a list ("A, B, and C"; "A وB وC"): each item in order, with
 * the words between them, for a caller that renders an item as more than its name (a byline's links).
 */
export function listParts<Item>(items: readonly Item[], nameOf: (item: Item) => string): ({ item: Item } | { text: string })[] {
  let next = 0;
  return conjunction.formatToParts(items.map(nameOf)).map((part) => (part.type === 'element' ? { item: items[next++] } : { text: part.value }));
}
