/**
 * The end-to-end reader site: the real seed content plus three synthetic stories (clearly marked, generated
 * here, never part of the production site), so that the sidebar has articles to link to and rank.
 */
import { join } from 'node:path';
import { stringify } from 'yaml';
import { outputRoot, projectRoot, writeContent } from '../support/build-site';

interface Synthetic {
  id: string;
  section: string;
  published: string;
  tags?: string[];
  related?: string[];
}

export const syntheticStories: Synthetic[] = [
  { id: 'synthetic-a', section: 'world', published: '2024-03-01T09:00:00Z', tags: ['russia'] },
  { id: 'synthetic-b', section: 'science', published: '2024-02-01T09:00:00Z', related: ['synthetic-c'] },
  { id: 'synthetic-c', section: 'culture', published: '2024-01-01T09:00:00Z' },
];

export const syntheticTitle = (id: string) => `Synthetic story ${id.slice(-1).toUpperCase()} (test fixture)`;

export function writeReaderContent(): string {
  const files = Object.fromEntries(
    syntheticStories.map(({ id, ...fields }) => [
      `articles/${id}.md`,
      `---\n${stringify({
        title: syntheticTitle(id),
        dek: 'Generated for the end-to-end tests; not news.',
        kicker: 'Test Fixture',
        authors: ['peter'],
        ...fields,
      })}---\n\nSynthetic body text for ${id}. [Jump to the note](#note).\n\n## Note\n\nA footnote.[^1]\n\n[^1]: Synthetic.\n`,
    ]),
  );
  return writeContent(join(outputRoot, 'reader-content'), files, join(projectRoot, 'content'));
}
