/** The sites the end-to-end tests read, where global-setup.ts builds them and which port nginx serves them on. */
import { join } from 'node:path';
import { outputRoot, projectRoot } from '../support/build-site';

export type BasePath = '/' | '/news/';

export const servedSites = {
  '/': {
    /** The production build of the real content (`npm run build`). */
    seed: { port: 4410, dir: join(projectRoot, 'dist') },
    /** The seed plus synthetic stories, with the newsletter form configured. */
    reader: { port: 4411, dir: join(outputRoot, 'reader-site') },
    /** Hostile content: XSS payloads in bodies and every free-text field (xss.spec.ts). */
    hostile: { port: 4414, dir: join(outputRoot, 'hostile-site') },
  },
  '/news/': {
    seed: { port: 4412, dir: join(outputRoot, 'seed-site-news') },
    reader: { port: 4413, dir: join(outputRoot, 'reader-site-news') },
  },
} as const;
