/**
 * "More stories": which headlines the sidebar of one article shows, in which order.
 * Pinned `related` ids first (in the writer's order), then stories sharing tags or the section (most in
 * common first, newer first among equals), then the newest of the rest. Deterministic: the index is already
 * newest first with ties broken by id.
 *
 * `createRanker` indexes the headlines by tag and section once per build, and ranking one article scores only
 * the newest stories of each tag and of the section it shares: a sidebar is for recent reading, and the work
 * for one page then stays the same however large the archive grows (at 100,000 articles, scoring every
 * story sharing a tag made page rendering quadratic).
 */
import type { Headline } from './headlines';

export interface RankingSubject {
  id: string;
  section: string;
  tags: string[];
  related: string[];
}

export type Ranker = (subject: RankingSubject, size: number) => Headline[];

/** How many of the newest stories of each shared tag, and of the section, are scored. */
export const NEWEST_SCORED = 500;

function positionsBy(index: readonly Headline[], keysOf: (headline: Headline) => readonly string[]): Map<string, number[]> {
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

export function createRanker(index: readonly Headline[]): Ranker {
  const byId = new Map(index.map((headline, position) => [headline.id, position]));
  const byTag = positionsBy(index, (headline) => [...new Set(headline.tags)]);
  const bySection = positionsBy(index, (headline) => (headline.section ? [headline.section] : []));

  return (subject, size) => {
    const chosen: number[] = [];
    const taken = new Set<number>([byId.get(subject.id) ?? -1]);
    const take = (position: number | undefined) => {
      if (position === undefined || taken.has(position) || chosen.length >= size) return;
      taken.add(position);
      chosen.push(position);
    };

    for (const id of subject.related) take(byId.get(id));

    // One point per shared tag, one for the section, among the newest of each (the lists are newest first).
    const scores = new Map<number, number>();
    const lists = [...[...new Set(subject.tags)].map((tag) => byTag.get(tag)), bySection.get(subject.section)];
    for (const list of lists) {
      for (const position of list?.slice(0, NEWEST_SCORED) ?? []) scores.set(position, (scores.get(position) ?? 0) + 1);
    }
    [...scores]
      .sort(([positionA, scoreA], [positionB, scoreB]) => scoreB - scoreA || positionA - positionB)
      .forEach(([position]) => take(position));

    for (let position = 0; position < index.length && chosen.length < size; position++) take(position);
    return chosen.map((position) => index[position]);
  };
}
