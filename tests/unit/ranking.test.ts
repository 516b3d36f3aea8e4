import { describe, expect, it } from 'vitest';
import type { Headline } from '../../src/lib/site/headlines';
import { createRanker, NEWEST_SCORED, type RankingSubject } from '../../src/lib/site/ranking';

/** Index entries in index order (newest first), as `buildHeadlineIndex` returns them. */
const headline = (id: string, section?: string, tags: string[] = []): Headline => ({
  id,
  kind: 'article',
  kicker: 'Speed Read',
  title: id,
  dek: id,
  url: `/articles/${id}/`,
  section,
  tags,
}) as Headline;

const index: Headline[] = [
  headline('newest', 'business'),
  headline('self', 'world', ['russia']),
  headline('same-section', 'world'),
  headline('one-tag', 'science', ['russia']),
  headline('two-tags-and-section', 'world', ['russia', 'election']),
  headline('older', 'culture'),
  headline('pinned', 'culture'),
  headline('oldest', 'culture'),
];
const published = new Date('2020-11-23T09:00:00Z');
const subject: RankingSubject = { id: 'self', section: 'world', tags: ['russia', 'election'], related: ['pinned'], published };
const ids = (stories: Headline[]) => stories.map((story) => story.id);
const window = { windowDays: 30 };
const moreStories = (headlines: Headline[], subject: RankingSubject, size: number) => createRanker(headlines, window)(subject, size);

describe('moreStories', () => {
  it('puts pinned stories first, then most in common, then newest; never the article itself', () => {
    expect(ids(moreStories(index, subject, 10))).toEqual([
      'pinned',
      'two-tags-and-section',
      'same-section',
      'one-tag',
      'newest',
      'older',
      'oldest',
    ]);
  });

  it('keeps pinned stories in the writer’s order', () => {
    expect(ids(moreStories(index, { ...subject, related: ['oldest', 'pinned'] }, 3))).toEqual(['oldest', 'pinned', 'two-tags-and-section']);
  });

  it('stops at the configured size', () => {
    expect(moreStories(index, subject, 3)).toHaveLength(3);
    expect(moreStories(index, subject, 0)).toEqual([]);
  });

  it('lists a story once even when pinned twice or pinned and related', () => {
    const stories = moreStories(index, { ...subject, related: ['pinned', 'pinned', 'two-tags-and-section'] }, 10);
    expect(ids(stories)).toEqual(['pinned', 'two-tags-and-section', 'same-section', 'one-tag', 'newest', 'older', 'oldest']);
  });

  it('ignores a pin of the article itself', () => {
    expect(ids(moreStories(index, { ...subject, related: ['self'] }, 2))).toEqual(['two-tags-and-section', 'same-section']);
  });

  it('is deterministic: the same input gives the same order', () => {
    const first = ids(moreStories(index, subject, 10));
    for (let run = 0; run < 5; run++) expect(ids(moreStories([...index], subject, 10))).toEqual(first);
  });

  it('falls back to the newest stories when nothing is shared', () => {
    expect(ids(moreStories(index, { id: 'self', section: 'opinion', tags: [], related: [], published }, 3))).toEqual([
      'newest',
      'same-section',
      'one-tag',
    ]);
  });
});

describe('createRanker at scale', () => {
  it('ranks from the shared stories only, agreeing with a full scan', () => {
    // Small enough that every tag and section has fewer stories than are scored: the result is exact.
    const big: Headline[] = Array.from({ length: 1200 }, (_, index) =>
      headline(`story-${index}`, ['world', 'science', 'culture'][index % 3], [`tag-${index % 17}`, `tag-${index % 5}`]),
    );
    const rank = createRanker(big, window);
    const subject: RankingSubject = { id: 'story-7', section: 'culture', tags: ['tag-7', 'tag-2'], related: ['story-1199'], published };
    const affinity = (story: Headline) =>
      [...new Set(story.tags)].filter((tag) => subject.tags.includes(tag)).length + (story.section === subject.section ? 1 : 0);
    const fullScan = big
      .map((story, position) => ({ story, position, score: affinity(story) }))
      .filter(({ story }) => story.id !== subject.id && story.id !== 'story-1199')
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .map(({ story }) => story.id);
    expect(ids(rank(subject, 10))).toEqual(['story-1199', ...fullScan.slice(0, 9)]);
  });

  it(`scores only the ${NEWEST_SCORED} newest stories of each shared tag and of the section`, () => {
    const older = Array.from({ length: NEWEST_SCORED }, (_, index) => headline(`recent-${index}`, 'world', ['russia']));
    const archive = [headline('self', 'world', ['russia', 'election']), ...older, headline('old-but-close', 'world', ['russia', 'election'])];
    const stories = ids(createRanker(archive, window)({ id: 'self', section: 'world', tags: ['russia', 'election'], related: [], published }, 3));
    // Sharing everything, but past the newest scored of 'russia' and 'world': it scores for 'election' only.
    expect(stories).toEqual(['recent-0', 'recent-1', 'recent-2']);
    const nearer = [archive[0], ...older.slice(2), archive.at(-1)!]; // now among the newest 500 of every list
    expect(ids(createRanker(nearer, window)({ id: 'self', section: 'world', tags: ['russia', 'election'], related: [], published }, 3))[0]).toBe('old-but-close');
  });
});

describe('the window of candidates', () => {
  const day = 24 * 60 * 60 * 1000;
  const dated = (id: string, daysAfter: number, section = 'world', tags: string[] = ['russia']): Headline =>
    ({ ...headline(id, section, tags), date: new Date(published.getTime() + daysAfter * day) }) as Headline;
  // Newest first, undated last, as the index is.
  const timeline: Headline[] = [
    dated('a-year-later', 365),
    dated('forty-days-later', 40),
    dated('thirty-days-later', 30),
    dated('a-week-later', 7),
    dated('self', 0),
    dated('a-week-before', -7, 'culture', []),
    dated('a-year-before', -365),
    headline('undated', 'world', ['russia']),
  ];
  const rank = (subject: Partial<RankingSubject> = {}, size = 10) =>
    ids(createRanker(timeline, window)({ id: 'self', section: 'world', tags: ['russia'], related: [], published, ...subject }, size));

  it('takes stories published up to the window after the article, never later ones', () => {
    expect(rank()).toEqual(['thirty-days-later', 'a-week-later', 'a-year-before', 'undated', 'a-week-before']);
  });

  it('keeps pins from any time', () => {
    expect(rank({ related: ['a-year-later'] }, 2)).toEqual(['a-year-later', 'thirty-days-later']);
  });

  it('fills from the newest candidates, not from the newest stories', () => {
    expect(rank({ section: 'opinion', tags: [] }, 2)).toEqual(['thirty-days-later', 'a-week-later']);
  });

  it('moves with the article: a newer article sees newer stories', () => {
    expect(rank({ id: 'a-week-before', published: timeline[0].date! }, 2)).toEqual(['a-year-later', 'forty-days-later']);
  });
});
