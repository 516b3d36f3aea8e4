/**
 * The end-to-end reader site: the real seed content plus three synthetic stories (clearly marked, generated
 * here, never part of the production site), so that the sidebar has articles to link to and rank.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { stringify } from 'yaml';
import { outputRoot, projectRoot, writeContent } from '../support/build-site';

interface Synthetic {
  id: string;
  section: string;
  published: string;
  updated?: string;
  authors?: string[];
  tags?: string[];
  related?: string[];
  draft?: boolean;
  image?: Record<string, string>;
  updates?: Record<string, string>[];
  sources?: Record<string, string>[];
  body?: string;
}

export const syntheticStories: Synthetic[] = [
  { id: 'synthetic-a', section: 'world', published: '2024-03-01T09:00:00Z', updated: '2024-03-02T15:30:00Z', tags: ['russia'] },
  {
    id: 'synthetic-b',
    section: 'science',
    published: '2024-02-01T09:00:00Z',
    related: ['synthetic-c'],
    authors: ['peter', 'synthetic-writer'],
  },
  {
    id: 'synthetic-c',
    section: 'culture',
    published: '2024-01-01T09:00:00Z',
    image: { src: './synthetic-lead.jpg', alt: 'A synthetic test picture', caption: 'A generated gradient.', credit: 'Test fixture' },
    updates: [
      { date: '2024-01-02T10:00:00Z', kind: 'update', note: 'A synthetic update to the story.' },
      { date: '2024-01-03T12:00:00Z', kind: 'correction', note: 'A synthetic correction of a detail.' },
    ],
    sources: [
      { publisher: 'Example Publisher', title: 'A synthetic source document', url: 'https://example.org/synthetic-source' },
      { publisher: 'Example Agency', title: 'Another synthetic source', url: 'https://example.com/another-source' },
    ],
    body: `${'Synthetic body text for synthetic-c. '.repeat(40)}\n\n![A synthetic chart](./synthetic-chart.png "A synthetic caption | Synthetic credit")\n\nMore synthetic text after the chart.`,
  },
  // Newest of all, but a draft: the production build must leave it out everywhere.
  { id: 'synthetic-draft', section: 'world', published: '2024-04-01T09:00:00Z', tags: ['russia'], draft: true },
];

/**
 * When the reader site is built (SOURCE_DATE_EPOCH): a day and a bit after synthetic A, the only story of the
 * 48 hours before, so its News sitemap has one article.
 */
export const readerBuildTime = new Date('2024-03-02T12:00:00Z');

/** Enough older Business stories to fill three listing pages (20 a page): 2019-01-01 … 2019-02-14. */
export const fillerCount = 45;
const fillers: Synthetic[] = Array.from({ length: fillerCount }, (_, index) => ({
  id: `synthetic-filler-${String(index + 1).padStart(2, '0')}`,
  section: 'business',
  published: new Date(Date.UTC(2019, 0, 1 + index, 12)).toISOString(),
}));

/** An extra headline entry that links elsewhere (a reserved example domain, never fetched). */
export const linkedExtra = {
  kicker: 'Test Fixture',
  title: 'Synthetic linked headline (test fixture)',
  dek: 'An extra entry with a URL.',
  url: 'https://example.org/synthetic-linked-headline',
  date: '2023-12-01T00:00:00Z',
};

/** A 4×4 PNG, so the author avatar goes through astro:assets. */
const avatarPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEElEQVQImWPokpGBIwbiOABCYwwhCnwkygAAAABJRU5ErkJggg==',
  'base64',
);

export const syntheticTitle = (id: string) => `Synthetic story ${id.replace('synthetic-', '').toUpperCase()} (test fixture)`;

/** A generated gradient picture of the given size, for the lead and inline images. */
export async function gradient(width: number, height: number, format: 'jpeg' | 'png'): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#8a1c1c"/><stop offset="1" stop-color="#1a4f8b"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg))[format]().toBuffer();
}

export async function writeReaderContent(): Promise<string> {
  const files = Object.fromEntries(
    [...syntheticStories, ...fillers].map(({ id, body, ...fields }) => [
      `articles/${id}.md`,
      `---\n${stringify({
        title: syntheticTitle(id),
        dek: 'Generated for the end-to-end tests; not news.',
        kicker: 'Test Fixture',
        authors: ['peter'],
        ...fields,
      })}---\n\n${body ?? `Synthetic body text for ${id}.`} [Jump to the note](#note).\n\n## Note\n\nA footnote.[^1]\n\n[^1]: Synthetic.\n`,
    ]),
  );
  const seedHeadlines = readFileSync(join(projectRoot, 'content/headlines.yaml'), 'utf8');
  const folder = writeContent(
    join(outputRoot, 'reader-content'),
    {
      ...files,
      'headlines.yaml': `${seedHeadlines}${stringify([linkedExtra])}`,
      'authors/synthetic-writer.md':
        '---\nname: Synthetic Writer\nrole: Test fixture\navatar: { src: ./synthetic-writer.png, alt: Avatar of the synthetic writer }\n---\n\nA bio generated for the tests.\n',
    },
    join(projectRoot, 'content'),
  );
  writeFileSync(join(folder, 'authors/synthetic-writer.png'), avatarPng);
  writeFileSync(join(folder, 'articles/synthetic-lead.jpg'), await gradient(1600, 900, 'jpeg'));
  writeFileSync(join(folder, 'articles/synthetic-chart.png'), await gradient(800, 400, 'png'));
  return folder;
}
