/** The sites the end-to-end tests read, where global-setup.ts builds them and which port nginx serves them on. */
import { join } from 'node:path';
import { outputRoot, projectRoot } from '../support/build-site';
import { firstTestPort as firstPort } from '../support/ports';

export type BasePath = '/' | '/news/';

export const servedSites = {
  '/': {
    /** The production build of the real content (`npm run build`). */
    seed: { port: firstPort + 0, dir: join(projectRoot, 'dist') },
    /** The seed plus synthetic stories, with the newsletter form configured. */
    reader: { port: firstPort + 1, dir: join(outputRoot, 'reader-site') },
    /** Hostile content: XSS payloads in bodies and every free-text field (xss.spec.ts). */
    hostile: { port: firstPort + 4, dir: join(outputRoot, 'hostile-site') },
    /** Generated sample sites of one and of three stories, for the front page's looks (sample-fronts.ts). */
    oneStory: { port: firstPort + 5, dir: join(outputRoot, 'front-1-site') },
    threeStories: { port: firstPort + 6, dir: join(outputRoot, 'front-3-site') },
    /** The same code in Arabic, right to left, from a few sample articles (arabic-content.ts). */
    arabic: { port: firstPort + 7, dir: join(outputRoot, 'arabic-site') },
  },
  '/news/': {
    seed: { port: firstPort + 2, dir: join(outputRoot, 'seed-site-news') },
    reader: { port: firstPort + 3, dir: join(outputRoot, 'reader-site-news') },
  },
} as const;
