/**
 * Writes N synthetic benchmark articles (400–900 words with headings, lists, links, quotes and emphasis),
 * their authors and a headline index into a content folder. Deterministic: the same N gives the same files.
 * Everything is marked synthetic; it is written under tests/.output and never committed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded generator, so every run writes the same content. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'council budget minister election policy report market energy climate court ruling vote coalition border trade ' +
  'inflation study research hospital school transport housing water harvest storm coast city region province ' +
  'agency official statement analysts investors workers union strike talks agreement summit treaty sanctions ' +
  'ceasefire parliament senate governor mayor committee inquiry evidence witness data survey figures growth decline ' +
  'rise fall week month year morning evening plan proposal reform law bill tax spending deficit surplus export import'
).split(' ');
const KICKERS = ['Speed Read', 'Instant Opinion', 'Explainer', 'Analysis'];
const SECTIONS = ['world', 'politics', 'business', 'science', 'culture', 'opinion'];
const TAGS = Array.from({ length: 30 }, (_, index) => `synthetic-topic-${index + 1}`);
const AUTHORS = Array.from({ length: 5 }, (_, index) => `synthetic-author-${index + 1}`);

/** Synthetic text drawn from `next`: words, sentences, article bodies and whole article files. */
function writer(next: () => number) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const words = (count: number) => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = () => {
    const text = words(8 + Math.floor(next() * 14));
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => {
    const parts = Array.from({ length: 3 + Math.floor(next() * 3) }, sentence);
    const roll = next();
    if (roll < 0.3) parts[0] = `**${parts[0]}**`;
    else if (roll < 0.5) parts[1] = `*${parts[1]}*`;
    else if (roll < 0.7) parts[1] = `[${parts[1].slice(0, -1)}](https://example.org/synthetic/${Math.floor(next() * 1000)}).`;
    return parts.join(' ');
  };
  const body = () => {
    const blocks: string[] = [];
    const target = 400 + Math.floor(next() * 500);
    let count = 0;
    while (count < target) {
      const roll = next();
      let block: string;
      if (roll < 0.1) block = `## ${sentence().slice(0, -1)}`;
      else if (roll < 0.18) block = Array.from({ length: 3 + Math.floor(next() * 3) }, () => `- ${sentence()}`).join('\n');
      else if (roll < 0.24) block = `> ${sentence()} ${sentence()}`;
      else block = paragraph();
      blocks.push(block);
      count += block.split(/\s+/).length;
    }
    return blocks.join('\n\n');
  };
  /** Article `index` (from 0) as a file name and its text; `published` is drawn after the tags. */
  const article = (index: number, published: () => string) => {
    const id = `synthetic-${String(index + 1).padStart(6, '0')}`;
    const tags = [...new Set([pick(TAGS), pick(TAGS), pick(TAGS)])];
    const date = published();
    const frontmatter = [
      `title: "Synthetic benchmark article ${index + 1}: ${words(6)}"`,
      `dek: "${sentence()}"`,
      `kicker: ${pick(KICKERS)}`,
      `section: ${pick(SECTIONS)}`,
      `authors: [${pick(AUTHORS)}]`,
      `published: ${date}`,
      `tags: [${tags.join(', ')}]`,
    ];
    return { file: `${id}.md`, text: `---\n${frontmatter.join('\n')}\n---\n\n${body()}\n` };
  };
  return { pick, words, sentence, article };
}

export function generateContent(folder: string, articles: number): void {
  const next = random(articles);
  const { pick, words, sentence, article } = writer(next);

  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'articles'), { recursive: true });
  mkdirSync(join(folder, 'authors'), { recursive: true });
  for (const author of AUTHORS) {
    writeFileSync(join(folder, 'authors', `${author}.md`), `---\nname: Synthetic ${author.slice(-1)}\nrole: Benchmark author\n---\n\nSynthetic benchmark author; not a person.\n`);
  }
  const start = Date.UTC(2015, 0, 1);
  // About three articles a day from 2015 on; closer for very large archives, so every date is before 2025.
  const spacing = Math.min(8 * 3600_000, (Date.UTC(2025, 0, 1) - start) / articles);
  for (let index = 0; index < articles; index++) {
    const published = () => new Date(start + Math.floor(index * spacing) + Math.floor(next() * Math.min(spacing, 3600_000))).toISOString();
    const { file, text } = article(index, published);
    writeFileSync(join(folder, 'articles', file), text);
  }
  const extras = Array.from({ length: 50 }, (_, index) =>
    `- kicker: ${pick(KICKERS)}\n  title: "Synthetic benchmark headline ${index + 1}: ${words(5)}"\n  dek: "${sentence()}"\n  url: https://example.org/synthetic/headline-${index + 1}`,
  );
  writeFileSync(join(folder, 'headlines.yaml'), `# Synthetic benchmark headlines; not news.\n${extras.join('\n')}\n`);
}

/** Scenario "publish one new article": writes article N+1 of a folder of N, dated `date`. */
export function publishOne(folder: string, articles: number, date: Date): string {
  const { file, text } = writer(random(articles + 1_000_000)).article(articles, () => date.toISOString());
  writeFileSync(join(folder, 'articles', file), text);
  return file;
}

/** Scenario "correct one old article": the oldest article gets an `updated` date and a corrected last line. */
export function correctOne(folder: string, date: Date): string {
  const file = join(folder, 'articles', 'synthetic-000001.md');
  const text = readFileSync(file, 'utf8')
    .replace(/^published: .*$/m, (line) => `${line}\nupdated: ${date.toISOString()}`)
    .replace(/\n*$/, '\n\nCorrection: an earlier version of this synthetic article misstated a synthetic figure.\n');
  writeFileSync(file, text);
  return 'synthetic-000001.md';
}
