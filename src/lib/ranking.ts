/**
 * "More stories": which headlines the sidebar of one article shows, in which order.
 * Pinned `related` ids first (in the writer's order), then stories sharing tags or the section (most in
 * common first), then the newest of the rest. The index is already newest first, and every sort below is
 * stable, so the result is deterministic.
 */
import type { Headline } from './headlines';

export interface RankingSubject {
  id: string;
  section: string;
  tags: string[];
  related: string[];
}

function affinity(candidate: Headline, subject: RankingSubject): number {
  const sharedTags = candidate.tags.filter((tag) => subject.tags.includes(tag)).length;
  return sharedTags + (candidate.section === subject.section ? 1 : 0);
}

export function moreStories(index: readonly Headline[], subject: RankingSubject, size: number): Headline[] {
  const byId = new Map(index.map((headline) => [headline.id, headline]));
  const pinned = subject.related.flatMap((id) => byId.get(id) ?? []);
  const ranked = index
    .map((headline) => ({ headline, score: affinity(headline, subject) }))
    .sort((a, b) => b.score - a.score)
    .map(({ headline }) => headline);

  const chosen = new Map<string, Headline>();
  for (const headline of [...pinned, ...ranked]) {
    if (chosen.size >= size) break;
    if (headline.id !== subject.id && !chosen.has(headline.id)) chosen.set(headline.id, headline);
  }
  return [...chosen.values()];
}
