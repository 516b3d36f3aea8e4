/**
 * "More stories": which headlines the sidebar of one article shows, in which order.
 * Pinned `related` ids first (in the writer's order), then stories sharing tags or the section (most in
 * common first, newer first among equals), then the newest of the rest. Deterministic: the index is already
 * newest first with ties broken by id.
 *
 * Only stories published up to `windowDays` after the article are candidates (pins and undated entries always
 * are): an archive page keeps the related stories of its time, and a new story enters only the rails of the
 * articles published in the window before it, so one publish re-renders those pages, not every page sharing a
 * tag (incremental builds, src/lib/site/cache-keys.ts).
 *
 * `createRanker` indexes the headlines by tag and section once per build, and ranking one article scores only
 * the newest candidates of each tag and of the section it shares: a sidebar is for recent reading, and the work
 * for one page then stays the same however large the archive grows (at 100,000 articles, scoring every
 * story sharing a tag made page rendering quadratic).
 */
import type { Headline } from './headlines';

export interface RankingSubject {
  id: string;
  section: string;
  tags: string[];
  related: string[];
  published: Date;
}

export type Ranker<Story extends Headline = Headline> = (subject: RankingSubject, size: number) => Story[];

/** How many of the newest candidates of each shared tag, and of the section, are scored. */
export const NEWEST_SCORED = 500;

const DAY_MS = 24 * 60 * 60 * 1000;

function positionsBy<Story extends Headline>(index: readonly Story[], keysOf: (headline: Story) => readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  index.forEach((headline, position) => {
    for (const key of keysOf(headline)) {
      const list = positions.get(key);
      if (list) list.push(position);
      else positions.set(key, [position]);
    }
  });
  return positions;
}

/** The first item of an ascending list for which `reached` holds (it holds for every later one too). */
function firstReached<T>(list: readonly T[], reached: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (reached(list[middle])) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function createRanker<Story extends Headline>(index: readonly Story[], { windowDays }: { windowDays: number }): Ranker<Story> {
  const byId = new Map(index.map((headline, position) => [headline.id, position]));
  const byTag = positionsBy(index, (headline) => [...new Set(headline.tags)]);
  const bySection = positionsBy(index, (headline) => (headline.section ? [headline.section] : []));

  return (subject, size) => {
    // The index is newest first, undated entries last: the candidates are every position from the first one
    // published no later than the window's end.
    const windowEnd = subject.published.getTime() + windowDays * DAY_MS;
    const firstCandidate = firstReached(index, (headline) => !headline.date || headline.date.getTime() <= windowEnd);
    const candidates = (positions: readonly number[] | undefined = []) => {
      const first = firstReached(positions, (position) => position >= firstCandidate);
      return positions.slice(first, first + NEWEST_SCORED);
    };

    const chosen: number[] = [];
    const taken = new Set<number>([byId.get(subject.id) ?? -1]);
    const take = (position: number | undefined) => {
      if (position === undefined || taken.has(position) || chosen.length >= size) return;
      taken.add(position);
      chosen.push(position);
    };

    for (const id of subject.related) take(byId.get(id));

    // One point per shared tag, one for the section, among the newest candidates of each.
    const scores = new Map<number, number>();
    const lists = [...[...new Set(subject.tags)].map((tag) => byTag.get(tag)), bySection.get(subject.section)];
    for (const list of lists) {
      for (const position of candidates(list)) scores.set(position, (scores.get(position) ?? 0) + 1);
    }
    [...scores]
      .sort(([positionA, scoreA], [positionB, scoreB]) => scoreB - scoreA || positionA - positionB)
      .forEach(([position]) => take(position));

    for (let position = firstCandidate; position < index.length && chosen.length < size; position++) take(position);
    return chosen.map((position) => index[position]);
  };
}
