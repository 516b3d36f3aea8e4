/**
 * Two tiny sample sites for the front page's looks at one and at three stories (the seed site shows twelve,
 * the reader site many): generated stories, marked as test fixtures, written only under tests/.output/ and
 * never part of the production site.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { outputRoot, writeContent } from '../support/build-site';
import { gradient } from './reader-content';

interface SampleArticle {
  id: string;
  title: string;
  section: string;
  published: string;
  image?: Record<string, string>;
}

export const sampleArticles: SampleArticle[] = [
  {
    id: 'sample-lead',
    title: 'Sample lead story (test fixture)',
    section: 'world',
    published: '2024-05-06T13:30:00Z',
    image: { src: './sample-lead.jpg', alt: 'A generated sample picture', credit: 'Test fixture' },
  },
  { id: 'sample-second', title: 'Sample second story (test fixture)', section: 'science', published: '2024-05-06T11:00:00Z' },
];

/** A dated "more stories" entry with no URL: plain text wherever it is listed. */
export const sampleUnlinked = {
  kicker: 'Test Fixture',
  title: 'Sample headline with no link (test fixture)',
  dek: 'A generated extra entry without a URL.',
  date: '2024-05-06T09:15:00Z',
  section: 'culture',
};

/** The content folder of a site with `stories` stories: the lead alone, or the lead, a second article and an entry with no link. */
export async function writeSampleFront(stories: 1 | 3): Promise<string> {
  const articles = stories === 1 ? sampleArticles.slice(0, 1) : sampleArticles;
  const folder = writeContent(join(outputRoot, `front-${stories}-content`), {
    ...Object.fromEntries(
      articles.map(({ id, ...fields }) => [
        `articles/${id}.md`,
        `---\n${stringify({ dek: 'Generated for the front page tests; not news.', kicker: 'Test Fixture', authors: ['sample-writer'], ...fields })}---\n\n${'Sample body text, generated for the tests. '.repeat(20)}\n`,
      ]),
    ),
    ...(stories === 3 && { 'headlines.yaml': stringify([sampleUnlinked]) }),
    'authors/sample-writer.md': '---\nname: Sample Writer\nrole: Test fixture\n---\n\nA bio generated for the tests.\n',
  });
  writeFileSync(join(folder, 'articles/sample-lead.jpg'), await gradient(1600, 900, 'jpeg'));
  return folder;
}
