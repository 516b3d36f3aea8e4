/**
 * A front, composed from stories newest first (the headline index for the front page, composed once per build in
 * site-data.ts; a listing page's stories for a section front): the lead, a band of top stories, the "Latest"
 * river beside them, then a block per section with its newest stories. The blocks are filled in that order and
 * never show a story twice, so a small site fills the first ones and the rest are left out: one story is a
 * lead alone, three are the lead and a band of two. Each block reads only as far into its list as it needs,
 * so an index of any size costs about the same.
 */
import type { Section } from '../../config';
import type { Headline } from './headlines';

export interface SectionBlock<Story extends Headline> {
  section: Section;
  /** Its newest stories not shown higher up the front; never empty (a section with none gets no block). */
  stories: Story[];
}

export interface Front<Story extends Headline = Headline> {
  /** Undefined only when there are no stories at all. */
  lead?: Story;
  top: Story[];
  latest: Story[];
  sections: SectionBlock<Story>[];
}

export interface FrontSizes {
  topStories: number;
  latest: number;
  perSection: number;
}

export function composeFront<Story extends Headline>(
  stories: readonly Story[],
  sizes: FrontSizes,
  sections: readonly { section: Section; stories: readonly Story[] }[] = [],
): Front<Story> {
  // The site's own newest article leads (it has a page, maybe a picture); failing one, the newest story.
  const lead = stories.find((story) => story.kind === 'article') ?? stories[0];
  const shown = new Set(lead ? [lead.id] : []);
  const take = (from: readonly Story[], count: number): Story[] => {
    const taken: Story[] = [];
    for (const story of from) {
      if (taken.length >= count) break;
      if (shown.has(story.id)) continue;
      shown.add(story.id);
      taken.push(story);
    }
    return taken;
  };
  const top = take(stories, sizes.topStories);
  const latest = take(stories, sizes.latest);
  const blocks = sections
    .map(({ section, stories: ofSection }) => ({ section, stories: take(ofSection, sizes.perSection) }))
    .filter((block) => block.stories.length > 0);
  return { lead, top, latest, sections: blocks };
}

/** A section front's first page: the lead, the top stories, and the rest of the page as its river. */
export function listingFront<Story extends Headline>(page: readonly Story[], topStories: number): Front<Story> {
  return composeFront(page, { topStories, latest: page.length, perSection: 0 });
}
