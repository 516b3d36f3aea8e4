// Two rules of the code base that keep builds fast and base paths right, checked over src/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;

function sources(dir = src): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(astro|ts)$/.test(entry.name) ? [{ file: relative(src, path), text: readFileSync(path, 'utf8') }] : [];
  });
}

it('only site-data.ts calls getCollection: site-wide data is read once per build, never per page', () => {
  const callers = sources().filter(({ text }) => /\bgetCollection\s*\(/.test(text));
  expect(callers.map(({ file }) => file)).toEqual(['lib/site/site-data.ts']);
});

it('no component or page hard-codes a root-relative href, src or action: src/lib/util/urls.ts adds the base path', () => {
  const offenders = sources().flatMap(({ file, text }) =>
    text
      .split('\n')
      .flatMap((line, index) => (/\b(href|src|action)=["'`]\/(?!\/)/.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
  );
  expect(offenders).toEqual([]);
});
