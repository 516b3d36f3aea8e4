import { describe, expect, it } from 'vitest';
import type { Section } from '../../src/config';
import { composeFront, listingFront, type Front } from '../../src/lib/site/front-page';
import type { Headline } from '../../src/lib/site/headlines';
import { buildListings } from '../../src/lib/site/listings';

const sections: Section[] = ['world', 'politics', 'business', 'science', 'culture', 'opinion'].map((id) => ({ id, name: id }));
const sizes = { topStories: 4, latest: 8, perSection: 3 };

/** `count` stories, newest first, one an hour; every fifth an extra entry (no URL every tenth), sections taken in turn. */
function stories(count: number, sectionIds = sections.map((section) => section.id)): Headline[] {
  return Array.from({ length: count }, (_, index): Headline => {
    const common = { id: `story-${index}`, kicker: 'K', title: `Story ${index}`, dek: 'D', tags: [], section: sectionIds[index % sectionIds.length] };
    const date = new Date(Date.UTC(2024, 0, 1) - index * 3_600_000);
    return index % 5 === 4
      ? { ...common, kind: 'extra', date, url: index % 10 === 9 ? undefined : `https://example.org/${index}` }
      : { ...common, kind: 'article', date, url: `/articles/story-${index}/`, authors: ['a'] };
  });
}

/** A copy of `list` whose entries from `limit` on throw when read: proof that composing stops before them. */
function unreadableFrom<T>(list: readonly T[], limit: number): T[] {
  const copy = [...list];
  for (let index = limit; index < copy.length; index++) {
    Object.defineProperty(copy, index, {
      get: () => {
        throw new Error(`read entry ${index}`);
      },
    });
  }
  return copy;
}

/** The front of `index`, its lists readable only as far as `readable` entries. */
function frontOf(index: Headline[], sectionIds = sections.map((section) => section.id), readable = Infinity): Front {
  const { bySection } = buildListings(index, 'UTC');
  return composeFront(
    unreadableFrom(index, readable),
    sizes,
    sections
      .filter((section) => sectionIds.includes(section.id))
      .map((section) => ({ section, stories: unreadableFrom(bySection.get(section.id) ?? [], readable) })),
  );
}

const shownIds = (front: Front) => [front.lead, ...front.top, ...front.latest, ...front.sections.flatMap((block) => block.stories)].map((story) => story?.id);

describe('composeFront', () => {
  it('with no stories has no lead and no blocks', () => {
    expect(frontOf([])).toEqual({ lead: undefined, top: [], latest: [], sections: [] });
  });

  it('with one story is the lead alone', () => {
    const front = frontOf(stories(1));
    expect(front.lead?.id).toBe('story-0');
    expect([front.top, front.latest, front.sections]).toEqual([[], [], []]);
  });

  it('with three stories is the lead and a band of two', () => {
    const front = frontOf(stories(3));
    expect(shownIds(front)).toEqual(['story-0', 'story-1', 'story-2']);
    expect(front.top.map((story) => story.id)).toEqual(['story-1', 'story-2']);
    expect([front.latest, front.sections]).toEqual([[], []]);
  });

  it('with twelve stories fills the band, then the river; the sections get what is left: nothing', () => {
    const front = frontOf(stories(12));
    expect(front.top.map((story) => story.id)).toEqual(['story-1', 'story-2', 'story-3', 'story-4']);
    expect(front.latest.map((story) => story.id)).toEqual(['story-5', 'story-6', 'story-7', 'story-8', 'story-9', 'story-10', 'story-11']);
    expect(front.sections).toEqual([]);
  });

  it('leads with the newest article, not a newer extra entry', () => {
    const index = stories(10);
    const extra = index.find((story) => story.kind === 'extra')!;
    const article = index.find((story) => story.kind === 'article')!;
    const front = composeFront([extra, article], sizes);
    expect(front.lead).toBe(article);
    expect(front.top).toEqual([extra]);
  });

  it('with only extra entries leads with the newest', () => {
    const extras = stories(20).filter((story) => story.kind === 'extra');
    expect(composeFront(extras, sizes).lead).toBe(extras[0]);
  });

  it('leaves out a section with no stories, and one whose stories are all shown higher up', () => {
    // Twenty stories over world, politics and business only: science, culture and opinion have none.
    const front = frontOf(stories(20, ['world', 'politics', 'business']));
    expect(front.sections.map((block) => block.section.id)).toEqual(['world', 'politics', 'business']);
    // Thirteen stories fill the lead, band and river exactly: nothing is left for any section.
    expect(frontOf(stories(13, ['world', 'politics', 'business'])).sections).toEqual([]);
  });

  it('at 10,000 stories fills every block to its size, newest first, never a story twice', () => {
    const index = stories(10_000);
    // Each block reads only as far into its list as it needs: a front costs the same for any size of index.
    const front = frontOf(index, undefined, 100);
    expect(front.lead?.id).toBe('story-0');
    expect(front.top).toHaveLength(sizes.topStories);
    expect(front.latest).toHaveLength(sizes.latest);
    expect(front.sections.map((block) => [block.section.id, block.stories.length])).toEqual(sections.map((section) => [section.id, sizes.perSection]));
    const ids = shownIds(front);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(1 + sizes.topStories + sizes.latest + sections.length * sizes.perSection);
    // Each section shows its newest stories not shown above.
    const above = new Set(shownIds({ ...front, sections: [] }));
    for (const block of front.sections) {
      const newest = index.filter((story) => story.section === block.section.id && !above.has(story.id)).slice(0, sizes.perSection);
      expect(block.stories).toEqual(newest);
    }
  });
});

describe('listingFront', () => {
  it('puts a listing page’s stories after the lead and band in the river, in order, each once', () => {
    const page = stories(20);
    const front = listingFront(page, 8);
    expect(front.top).toHaveLength(8);
    expect(front.latest).toHaveLength(11);
    expect(front.sections).toEqual([]);
    expect(shownIds(front)).toEqual(page.map((story) => story.id));
  });
});
