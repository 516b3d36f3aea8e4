/**
 * "More stories": which headlines the sidebar of one article shows, in which order.
 * Pinned `related` ids first (in the writer's order), then stories sharing tags or the section (most in
 * common first, newer first among equals), then the newest of the rest. Deterministic: the index is already
 * newest first with ties broken by id.
 *
 * `createRanker` indexes the headlines by tag and section once per build, so ranking one article touches only
 * the stories it shares something with, not the whole index: build time stays linear in the number of pages.
 */
import type { Headline } from './headlines';

export interface RankingSubject {
  id: string;
  section: string;
  tags: string[];
  related: string[];
}

export type Ranker = (subject: RankingSubject, size: number) => Headline[];

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

    // Score only the stories that share a tag or the section: one point per shared tag, one for the section.
    const scores = new Map<number, number>();
    for (const tag of new Set(subject.tags)) {
      for (const position of byTag.get(tag) ?? []) scores.set(position, (scores.get(position) ?? 0) + 1);
    }
    for (const position of bySection.get(subject.section) ?? []) scores.set(position, (scores.get(position) ?? 0) + 1);
    [...scores]
      .sort(([positionA, scoreA], [positionB, scoreB]) => scoreB - scoreA || positionA - positionB)
      .forEach(([position]) => take(position));

    for (let position = 0; position < index.length && chosen.length < size; position++) take(position);
    return chosen.map((position) => index[position]);
  };
}
