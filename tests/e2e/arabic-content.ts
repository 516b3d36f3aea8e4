/**
 * The end-to-end Arabic site: the same code built right to left (`SITE_LANG=ar`, `SITE_DIR=rtl`) from a few
 * generated articles. Every word is neutral sample text that says it is one (no news), the site's name and
 * description say it is a sample, and none of it is part of the production site. Kept small: every site
 * the suite builds adds to its set-up time.
 */
import { join } from 'node:path';
import { stringify } from 'yaml';
import { outputRoot, writeContent } from '../support/build-site';

/** The build's environment: language, direction, and a name and description marking the site as a sample. */
export const arabicSiteEnv = {
  SITE_LANG: 'ar',
  SITE_DIR: 'rtl',
  // "Sample site" / "A sample for testing the site in Arabic, right to left; not news."
  SITE_NAME: 'موقع تجريبي',
  SITE_DESCRIPTION: 'عيّنة لاختبار الموقع بالعربية من اليمين إلى اليسار؛ ليست أخبارًا.',
};

/** "Sample text": the kicker over every story. */
const kicker = 'نص تجريبي';
/** "Text generated for the site's right-to-left tests; not news." */
const dek = 'نص مولَّد لاختبارات الموقع من اليمين إلى اليسار؛ ليس خبرًا.';

/** "This is a sample paragraph for testing Arabic text from right to left; it carries no news and only fills the page." */
const paragraph = 'هذه فقرة تجريبية لاختبار عرض النص العربي من اليمين إلى اليسار. لا تحمل هذه الفقرة أي خبر، وإنما تملأ المساحة ليظهر شكل الصفحة.';

/** The article the tests read: a quote, a list, a sub-heading, Latin and digits within the Arabic, a note, sources. */
const fullBody = [
  paragraph,
  paragraph,
  // "A sample quote: this line starts at the right, and its rule is on the right."
  '> اقتباس تجريبي: يبدأ هذا السطر من الجهة اليمنى، ويظهر خطه على اليمين.',
  // "A sample sub-heading"
  '## عنوان فرعي تجريبي',
  // "This line holds a Latin word, Broadsheet, and a number, 2024, to test text in both directions."
  'يحتوي هذا السطر على كلمة لاتينية، Broadsheet، وعلى رقم، 2024، لاختبار النص ثنائي الاتجاه.',
  // "The first item of a sample list." / "The second item."
  '- البند الأول من قائمة تجريبية.\n- البند الثاني.',
  paragraph,
].join('\n\n');

/** The article the tests read ("First sample article (text for testing)"). */
export const fullArticle = {
  id: 'sample-first',
  section: 'world',
  published: '2024-03-01T09:00:00Z',
  title: 'مقالة تجريبية أولى (نص للاختبار)',
  // "A sample update note."
  updates: [{ date: '2024-03-02T15:30:00Z', kind: 'update', note: 'ملاحظة تحديث تجريبية.' }],
  // "Sample publisher" / "A sample document"
  sources: [{ publisher: 'ناشر تجريبي', title: 'وثيقة تجريبية', url: 'https://example.org/sample-source' }],
  tags: ['sample-text'],
  body: fullBody,
};

/** The sample articles: the full one, and two short ones for its rail and the front page. */
const arabicArticles = [
  fullArticle,
  { id: 'sample-second', section: 'science', published: '2024-02-01T09:00:00Z', title: 'مقالة تجريبية ثانية (نص للاختبار)', tags: ['sample-text'], body: paragraph },
  // A footnote: its heading and back-link are labelled in Arabic.
  { id: 'sample-third', section: 'culture', published: '2024-01-01T09:00:00Z', title: 'مقالة تجريبية ثالثة (نص للاختبار)', body: `${paragraph}[^1]\n\n[^1]: حاشية للاختبار.` },
];

export function writeArabicContent(): string {
  const articles = Object.fromEntries(
    arabicArticles.map(({ id, body, ...fields }) => [
      `articles/${id}.md`,
      `---\n${stringify({ ...fields, dek, kicker, authors: ['sample-writer'] })}---\n\n${body}\n`,
    ]),
  );
  return writeContent(join(outputRoot, 'arabic-content'), {
    ...articles,
    // "Sample writer", "Sample text for the tests", "A sample bio generated for the tests."
    'authors/sample-writer.md': '---\nname: كاتب تجريبي\nrole: نص تجريبي للاختبارات\n---\n\nنبذة تجريبية مولَّدة للاختبارات.\n',
    // "An extra sample headline, with no article"
    'headlines.yaml': stringify([{ kicker, title: 'عنوان تجريبي إضافي بلا مقالة', dek }]),
  });
}
