/**
 * A content folder written to attack the site: every DOMPurify payload and the Markdown-specific attacks in
 * article bodies, and payloads in every frontmatter field that reaches a page, a feed, JSON-LD or a <meta>
 * tag and accepts free text (title, dek, kicker, author name, role and bio, headline-index titles, deks and
 * URLs). Fields that only take slugs, ids or section names reject such text; tests/unit/schemas.test.ts
 * shows that. All of it is synthetic and lives only under tests/.output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { outputRoot, writeContent } from './build-site';
import { markdownAttacks } from './markdown-attacks';

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

/** Free text of at most `max` characters, never empty after trimming. */
const fit = (text: string, max: number, fallback: string) => text.slice(0, max).trim() || fallback;

function article(id: string, index: number, body: string, payload: string): string {
  const frontmatter = {
    title: fit(payload, 140, `Synthetic article ${id}`),
    dek: fit(payload, 300, 'Synthetic dek'),
    kicker: fit(shortPayloads[index % shortPayloads.length], 40, 'Test'),
    section: 'world',
    authors: [index % 2 === 0 ? 'hostile-author' : 'plain-author'],
    published: new Date(Date.UTC(2024, 0, 1, 0, index)).toISOString(),
    tags: [`synthetic-tag-${index % 5}`],
  };
  return `---\n${stringify(frontmatter)}---\n\n${body}\n`;
}

/** Writer ids that could shadow page globals, with in-page links to them that must keep working. */
const clobbering = ['## config', '', '<h2 id="location">Raw</h2>', '', '<img name="getElementById" id="body" alt="x">', '', 'See [config](#config), [raw](#location) and a note.[^1]', '', '[^1]: The note.'].join('\n');

export function writeHostileContent(): string {
  const articles = {
    ...Object.fromEntries(
      vectors.map((vector, index) => [
        `articles/vector-${index}.md`,
        article(`vector-${index}`, index, `Before\n\n${vector.payload}\n\nInline ${vector.payload} after`, vector.payload),
      ]),
    ),
    ...Object.fromEntries(
      markdownAttacks.map(([name, markdown], index) => [`articles/markdown-${index}.md`, article(`markdown-${index}`, index, markdown, `${name}: ${markdown}`)]),
    ),
    'articles/clobbering.md': article('clobbering', 0, clobbering, 'DOM clobbering'),
  };
  const headlines = shortPayloads.map((payload, index) => ({
    kicker: fit(payload, 40, 'Test'),
    title: `Synthetic entry ${index} ${payload}`,
    dek: `${payload} ${vectors[index].payload}`.slice(0, 300),
    url: [
      'https://example.org/"><script>alert(1)</script>',
      'https://example.org/?q=<img src=x onerror=alert(1)>',
      "https://example.org/'onmouseover='alert(1)",
      'https://example.org/#javascript:alert(1)',
    ][index % 4],
  }));
  const bio = [vectors[0].payload, vectors[1].payload, ...markdownAttacks.map(([, markdown]) => markdown)].join('\n\n');
  return writeContent(join(outputRoot, 'hostile-content'), {
    ...articles,
    'authors/hostile-author.md': `---\n${stringify({ name: '<img src=x onerror=alert(1)>', role: '"><script>alert(1)</script>' })}---\n\n${bio}\n`,
    'authors/plain-author.md': `---\n${stringify({ name: 'Synthetic Plain Author', role: 'Test fixture' })}---\n\nGenerated for tests.\n`,
    'headlines.yaml': stringify(headlines),
  });
}
