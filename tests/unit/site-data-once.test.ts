// Site-wide data is read once per build in src/lib/site-data.ts; a page calling getCollection itself
// would make the build grow as pages × entries.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

it('only site-data.ts calls getCollection', () => {
  const callers = [...files(src)].filter((file) => /\bgetCollection\s*\(/.test(readFileSync(file, 'utf8')));
  expect(callers.map((file) => relative(src, file))).toEqual(['lib/site-data.ts']);
});
