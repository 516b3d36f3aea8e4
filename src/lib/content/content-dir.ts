import { resolve } from 'node:path';

/** Where the content lives: `CONTENT_DIR` (so tests and benchmarks can build other content), else `content/`. */
export const contentDir = resolve(process.env.CONTENT_DIR || 'content');
