/**
 * The seed brief the site was created from (a copy of shared/seed/, kept in the repo so tests run anywhere),
 * split into its parts the way its README describes them.
 */
import { readFileSync } from 'node:fs';

/** The raw scraped text. */
export const seedText = readFileSync(new URL('../fixtures/seed/000_4cac75d680034900.txt', import.meta.url), 'utf8');
const lines = seedText.split('\n');

export const seedHeadline = lines[0].trim();

/** The three body paragraphs: the lines after the headline, up to the subscribe blurb. */
export const seedBodyParagraphs = lines.slice(1, lines.indexOf('Subscribe to The Week')).filter((line) => line.trim());

export const seedBio = lines.find((line) => line.startsWith('Peter has worked'))!;

/** "more stories": `-`, headline, then kicker followed by the dek on one line. */
export const seedMoreStories = seedText
  .split('\n-\n')
  .slice(1)
  .map((block) => {
    const [title, rest] = block.trim().split('\n');
    const kicker = /^(speed read|instant opinion)/i.exec(rest)![0];
    return { title, kicker, dek: rest.slice(kicker.length + 1) };
  });

/** Straight quotes, as in the seed; the site renders curly ones. */
export function straightenQuotes(value: string): string {
  return value.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
}
