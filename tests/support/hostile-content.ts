/**
 * A content folder written to attack the site: every DOMPurify payload and the Markdown-specific attacks in
 * article bodies (and in the alt text and caption of a local picture there), and payloads in every
 * frontmatter field that reaches a page, a feed, JSON-LD or a <meta> tag and accepts free text (title, dek,
 * kicker, update and correction notes, sources, the lead picture's alt text, caption and credit, author name,
 * role, bio and avatar alt text, headline-index titles, deks and URLs), the articles spread over every
 * section. Then characters with no place in text (controls, noncharacters, bidi overrides) in every field and
 * body, and typed picture markers beside real pictures. Fields that only take slugs, ids or section names
 * reject such text; tests/unit/schemas.test.ts shows that. All of it is synthetic and lives only under
 * tests/.output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sectionIds } from '../../src/config';
import { outputRoot, writeContent } from './build-site';
import { markdownAttacks } from './markdown-attacks';
import { TINY_PNG } from './pictures';

export const vectors: { title: string; payload: string }[] = JSON.parse(
  readFileSync(new URL('../fixtures/xss/dompurify-vectors.json', import.meta.url), 'utf8'),
);

/** Payloads short enough for the shorter fields. */
const shortPayloads = [
  '<img src=x onerror=alert(1)>',
  '"><script>alert(1)</script>',
  "'><svg onload=alert(1)>",
  '</script><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<!--<script>alert(1)//-->',
  '{{constructor.constructor("alert(1)")()}}',
  'javascript:alert(1)',
];

/** Valid http(s) URLs that try to break out of an attribute or a feed. */
const hostileUrls = [
  'https://example.org/"><script>alert(1)</script>',
  'https://example.org/?q=<img src=x onerror=alert(1)>',
  "https://example.org/'onmouseover='alert(1)",
  'https://example.org/#javascript:alert(1)',
];

/**
 * Characters with no place in text, one of each kind: C0 controls (NUL and its neighbours, vertical tab, form
 * feed, escape), DEL, C1 controls (NEL among them), the noncharacters U+FFFE and U+FFFF, bidi embeddings,
 * overrides and isolates. None may reach a page or a feed; XML 1.0 cannot even hold most of them.
 */
export const CONTROL_CHARACTERS = [
  '\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u000E', '\u001B', '\u001F', '\u007F', '\u0080', '\u0085', '\u009F',
  '\uFFFE', '\uFFFF', '\u202A', '\u202D', '\u202E', '\u2066', '\u2067', '\u2069',
];

/** U+000B as the tests name it. */
export const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Free text of at most `max` characters, never empty after trimming. */
const fit = (text: string, max: number, fallback: string) => text.slice(0, max).trim() || fallback;

/** Text with `char` inside every word gap, and never at an end (where trimming could take it). */
const laced = (text: string, char: string) => text.replaceAll(' ', `${char} `);

/** Real pictures beside the Markdown files: lead pictures and pictures in bodies. */
const LEAD = './lead.png';
const CHART = './chart.png';

/** `text` as Markdown that reads back as just that text, on one line: every ASCII punctuation mark escaped. */
const literal = (text: string, max: number) => fit(text.replace(/\s+/g, ' '), max, 'Text').replace(/[!-/:-@[-`{-~]/g, '\\$&');

/** A local picture with `text` as its alt text and caption, `credit` as its credit. */
const bodyPicture = (text: string, credit: string) => `![${literal(text, 300)}](${CHART} "${literal(text, 300)} | ${literal(credit, 120)}")`;

const minutesAfter = (date: Date, minutes: number) => new Date(date.getTime() + minutes * 60_000).toISOString();

/** `text` in every free-text field an article may have beyond title, dek and kicker. */
function everyField(text: string, published: Date, index: number) {
  return {
    image: { src: LEAD, alt: fit(text, 300, 'Alt text'), caption: fit(text, 300, 'Caption'), credit: fit(text, 120, 'Credit') },
    updates: [
      { date: minutesAfter(published, 60), kind: 'update', note: fit(text, 600, 'Update') },
      { date: minutesAfter(published, 120), kind: 'correction', note: fit(text, 600, 'Correction') },
    ],
    sources: [
      { publisher: fit(text, 120, 'Publisher'), title: fit(text, 300, 'Title'), url: hostileUrls[index % hostileUrls.length] },
      { publisher: 'Synthetic Wire', title: fit(text, 300, 'Title'), url: 'https://example.org/source' },
    ],
  };
}

interface ArticleOptions {
  /** Text for every free-text field (the kicker gets a short payload unless given). */
  text: string;
  kicker?: string;
  published: Date;
  author?: string;
}

/** An article in one of the sections in turn, so every section's feed carries hostile items. */
function article(index: number, body: string, { text, kicker, published, author }: ArticleOptions): string {
  const frontmatter = {
    title: fit(text, 140, `Synthetic article ${index}`),
    dek: fit(text, 300, 'Synthetic dek'),
    kicker: fit(kicker ?? shortPayloads[index % shortPayloads.length], 40, 'Test'),
    section: sectionIds[index % sectionIds.length],
    authors: [author ?? (index % 2 === 0 ? 'hostile-author' : 'plain-author')],
    published: published.toISOString(),
    tags: [`synthetic-tag-${index % 5}`],
    ...everyField(text, published, index),
  };
  return `---\n${stringify(frontmatter)}---\n\n${body}\n`;
}

/** A word too long for any column, which must wrap rather than widen the page. */
export const LONG_WORD = 'Unbroken'.repeat(40);

const minute = (day: number, index: number) => new Date(Date.UTC(2024, 0, day, 0, index));

/**
 * When the hostile site is built (SOURCE_DATE_EPOCH): under 48 hours after the first articles (1 January) and
 * before the last (4 January), so that its News sitemap lists every article.
 */
export const HOSTILE_BUILD_TIME = new Date(Date.UTC(2024, 0, 2, 12));

/** Writer ids that could shadow page globals, with in-page links to them that must keep working. */
const clobbering = ['## config', '', '<h2 id="location">Raw</h2>', '', '<img name="getElementById" id="body" alt="x">', '', 'See [config](#config), [raw](#location) and a note.[^1]', '', '[^1]: The note.'].join('\n');

/**
 * A body with the character `c` in text, bold, inline code, a link and its title, a table, a heading, a
 * footnote, a local picture's alt text and caption, raw HTML attribute values and URLs, and as a character
 * reference.
 */
function controlBody(c: string): string {
  const reference = `&#${c.codePointAt(0)};`;
  return [
    `Text${c} with a control character, **bold${c} text**, \`code${c} span\` and [a link${c} text](https://example.org/ "Link${c} title").[^n]`,
    '',
    `![Alt${c} text](${CHART} "Caption${c} text | Credit${c} text")`,
    '',
    `Inline ![alt${c} text](${CHART}) and <abbr title="a${c}b">abbr${c} text</abbr> <img src="/favicon.svg" alt="raw${c} alt"> <a href="https://example.org/" title="t${c}t">x${c}y</a> <a href="java${c}script:alert(1)">scheme</a> <a href="${c}javascript:alert(1)">lead</a> <time datetime="2024-01-01${c}">t</time>`,
    '',
    `Referenced${reference} text and <abbr title="a${reference}b">referenced</abbr>`,
    '',
    `## Heading${c} text`,
    '',
    `| a${c}b | c |`,
    '| --- | --- |',
    `| d${c}e | f |`,
    '',
    `[^n]: Footnote${c} text.`,
  ].join('\n');
}

/** Live HTML after a typed marker: if it ever left its attribute, the page would redirect and link to script. */
const LIVE_HTML = "<meta http-equiv=refresh content='0;url=https://example.org/'><a href=javascript:alert(1)>y</a>";
/** The pipeline's picture marker (a comment where a local picture goes), typed by a writer, live HTML after it. */
export const TYPED_MARKER = `x<!--picture:0-->${LIVE_HTML}`;

/**
 * Typed markers in an attribute, alt text and code, each in a body that also has a real picture: only a
 * comment node may become a picture, so what was typed must stay text where it was typed.
 */
export const markerAttacks: [name: string, markdown: string][] = [
  ['in an abbr title', `<abbr title="${TYPED_MARKER}">t</abbr>`],
  ['in a link title', `[t](https://example.org/ "${TYPED_MARKER}")`],
  ['in alt text', `Inline ![${TYPED_MARKER}](${CHART}) picture`],
  ['in a raw picture alt text', `<img src="${CHART}" alt="${TYPED_MARKER}">`],
  ['in a code span', `\`${TYPED_MARKER}\``],
  ['as real comments', `Text <!--picture:0--> and <!--picture:1--> ${LIVE_HTML}`],
].map(([name, attack]): [string, string] => [name, `![A chart](${CHART})\n\n${attack}\n\nAfter the attack.`]);

/** Real pictures in a marker article's body: each time it names the chart. */
export const picturesIn = (markdown: string) => markdown.split(CHART).length - 1;

export function writeHostileContent(): string {
  const articles = {
    ...Object.fromEntries(
      vectors.map((vector, index) => [
        `articles/vector-${index}.md`,
        article(index, `Before\n\n${vector.payload}\n\nInline ${vector.payload} after\n\n${bodyPicture(vector.payload, shortPayloads[index % shortPayloads.length])}`, {
          text: vector.payload,
          published: minute(1, index),
        }),
      ]),
    ),
    ...Object.fromEntries(
      markdownAttacks.map(([name, markdown], index) => [
        `articles/markdown-${index}.md`,
        article(index, `${markdown}\n\n${bodyPicture(markdown, name)}`, { text: `${name}: ${markdown}`, published: minute(1, index) }),
      ]),
    ),
    'articles/clobbering.md': article(0, clobbering, { text: 'DOM clobbering', published: minute(1, 0) }),
    // The newest, so that the site's feed carries them all.
    ...Object.fromEntries(
      CONTROL_CHARACTERS.map((char, index) => [
        `articles/control-${index}.md`,
        article(index, controlBody(char), {
          text: laced(`Control character ${codePoint(char)} in every field of a synthetic article`, char),
          kicker: laced('Control character', char),
          published: minute(2, index),
          author: 'control-author',
        }),
      ]),
    ),
    ...Object.fromEntries(
      markerAttacks.map(([name, markdown], index) => [`articles/marker-${index}.md`, article(index, markdown, { text: `Typed picture marker ${name}: ${TYPED_MARKER}`, published: minute(3, index) })]),
    ),
    // The newest of all, so it leads the front page: one unbroken word in every field and the body.
    'articles/long-words.md': article(0, `${LONG_WORD}\n\n[${LONG_WORD}](https://example.org/${LONG_WORD})`, { text: LONG_WORD, kicker: LONG_WORD, published: minute(4, 0) }),
  };
  const headlines = [
    ...shortPayloads.map((payload, index) => ({
      kicker: fit(payload, 40, 'Test'),
      title: `Synthetic entry ${index} ${payload}`,
      dek: `${payload} ${vectors[index].payload}`.slice(0, 300),
      url: hostileUrls[index % hostileUrls.length],
    })),
    { kicker: LONG_WORD.slice(0, 40), title: LONG_WORD.slice(0, 200), dek: LONG_WORD.slice(0, 300), date: minute(4, 1).toISOString() },
    ...CONTROL_CHARACTERS.map((char) => ({
      kicker: laced('Control character', char),
      title: laced(`Synthetic entry with ${codePoint(char)}`, char),
      dek: laced('A control character in every field of a headline entry', char),
    })),
  ];
  const bio = [vectors[0].payload, vectors[1].payload, ...markdownAttacks.map(([, markdown]) => markdown)].join('\n\n');
  const allControls = CONTROL_CHARACTERS.join('');
  const folder = writeContent(join(outputRoot, 'hostile-content'), {
    ...articles,
    'authors/hostile-author.md': `---\n${stringify({
      name: '<img src=x onerror=alert(1)>',
      role: '"><script>alert(1)</script>',
      avatar: { src: './hostile-author.png', alt: `"><img src=x onerror=alert(1)> ${vectors[2].payload}`.slice(0, 300) },
    })}---\n\n${bio}\n`,
    'authors/plain-author.md': `---\n${stringify({ name: 'Synthetic Plain Author', role: 'Test fixture' })}---\n\nGenerated for tests.\n`,
    'authors/control-author.md': `---\n${stringify({
      name: `Synthetic${allControls} Control Author`,
      role: `Test${allControls} fixture`,
      avatar: { src: './control-author.png', alt: `Avatar${allControls} alt text` },
    })}---\n\n${CONTROL_CHARACTERS.map(controlBody).join('\n\n')}\n`,
    'headlines.yaml': stringify(headlines),
  });
  for (const picture of ['articles/lead.png', 'articles/chart.png', 'authors/chart.png', 'authors/hostile-author.png', 'authors/control-author.png']) {
    writeFileSync(join(folder, picture), TINY_PNG);
  }
  return folder;
}
