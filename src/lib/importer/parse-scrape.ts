/**
 * Reads the raw text scraped from a news page (like tests/fixtures/seed/) into its parts: headline, body
 * paragraphs, page furniture (subscribe and sign-up blurbs, their repeats), the author's bio, and the
 * "more stories" list (`-`, headline, then kicker followed by a dek). Pure: text in, parts out. Every line
 * it does not keep is returned in `dropped`, so nothing disappears silently.
 */

export interface ScrapedStory {
  kicker: string;
  title: string;
  dek: string;
}

export interface DroppedLine {
  line: number;
  text: string;
  why: string;
}

export interface Scrape {
  title: string;
  paragraphs: string[];
  bio?: string;
  stories: ScrapedStory[];
  dropped: DroppedLine[];
}

export class ScrapeError extends Error {}

/** Headings of sign-up boxes and the like: the line itself and the blurb under it are furniture. */
const FURNITURE_HEADING = /^(subscribe\b|sign up\b|sign-up\b|newsletter\b|get (our|the) newsletter|follow us\b|advertisement$|related:?$|read more:?$|share this\b)/i;
/** A bio: a name followed by how they work, as news sites write them. */
const BIO = /^[A-Z][\p{L}'’-]+(?: [A-Z][\p{L}'’-]+){0,3} (has|is|was|writes|covers|joined|reports)\b/u;

/** `kickers`: the format labels the newsroom uses; a story line starts with one (any case). */
export function parseScrape(text: string, kickers: readonly string[]): Scrape {
  if (text.includes('\u0000') || text.includes('\uFFFD')) throw new ScrapeError('the file is not text (it holds binary data)');
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line, index) => ({ line: index + 1, text: line.trim() }));
  const content = lines.filter((line) => line.text);
  if (content.length === 0) throw new ScrapeError('the file is empty');

  const dropped: DroppedLine[] = [];
  const [headline, ...rest] = content;
  if (FURNITURE_HEADING.test(headline.text)) throw new ScrapeError(`no headline: the first line ("${headline.text}") is page furniture`);

  // The "more stories" list starts at the first line that is just "-".
  const listStart = rest.findIndex((line) => line.text === '-');
  const before = listStart >= 0 ? rest.slice(0, listStart) : rest;
  const list = listStart >= 0 ? rest.slice(listStart) : [];

  const seen = new Set<string>();
  const kept: typeof before = [];
  let underHeading = false;
  for (const line of before) {
    if (seen.has(line.text)) {
      dropped.push({ ...line, why: 'repeat of an earlier line' });
      continue;
    }
    seen.add(line.text);
    if (FURNITURE_HEADING.test(line.text)) {
      dropped.push({ ...line, why: 'page furniture (sign-up or subscribe box)' });
      underHeading = true;
    } else if (underHeading && !BIO.test(line.text)) {
      dropped.push({ ...line, why: 'blurb of a sign-up or subscribe box' });
    } else {
      underHeading = false;
      kept.push(line);
    }
  }

  const last = kept.at(-1);
  const bio = last && kept.length > 1 && BIO.test(last.text) ? last.text : undefined;
  const paragraphs = (bio ? kept.slice(0, -1) : kept).map((line) => line.text);
  if (paragraphs.length === 0) {
    throw new ScrapeError(dropped.length > 0 ? 'no article body: every line after the headline is page furniture' : 'no article body after the headline');
  }

  return { title: headline.text, paragraphs, bio, stories: parseStories(list, kickers, dropped), dropped };
}

function parseStories(list: { line: number; text: string }[], kickers: readonly string[], dropped: DroppedLine[]): ScrapedStory[] {
  const stories: ScrapedStory[] = [];
  for (let index = 0; index < list.length; index++) {
    if (list[index].text !== '-') {
      dropped.push({ ...list[index], why: 'not part of a "more stories" entry' });
      continue;
    }
    const [title, detail] = [list[index + 1], list[index + 2]];
    const kicker = detail && kickers.find((candidate) => detail.text.toLowerCase().startsWith(`${candidate.toLowerCase()} `));
    if (!title || !detail || title.text === '-' || !kicker) {
      throw new ScrapeError(
        `"more stories" entry at line ${list[index].line} is not "-", a headline, then a kicker (${kickers.join(', ')}) and its dek`,
      );
    }
    stories.push({ title: title.text, kicker: detail.text.slice(0, kicker.length), dek: detail.text.slice(kicker.length).trim() });
    index += 2;
  }
  return stories;
}
