// Rules of the code base that keep builds fast, base paths right and right-to-left sites mirrored, checked over src/.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const src = new URL('../../src/', import.meta.url).pathname;

function sources(dir = src): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(astro|ts|css)$/.test(entry.name) ? [{ file: relative(src, path), text: readFileSync(path, 'utf8') }] : [];
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

/** A style that names a side of the screen (left, right) rather than of the text (start, end). */
const PHYSICAL_SIDE =
  /\b(?:(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)|border-(?:top|bottom)-(?:left|right)-radius|(?:text-align|float|clear)\s*:\s*(?:left|right)|translateX)\b|(?:^|[\s;{])(?:left|right)\s*:/;

it('styles say start and end, not left and right, so that a right-to-left site (`dir` in src/config.ts) mirrors', () => {
  const offenders = sources()
    .filter(({ file }) => file.endsWith('.css') || file.endsWith('.astro'))
    .flatMap(({ file, text }) => {
      // An .astro file's styles are its <style> blocks; a stylesheet is all style.
      const styles = file.endsWith('.css') ? text : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
      return styles.split('\n').flatMap((line) => (PHYSICAL_SIDE.test(line) ? [`${file}: ${line.trim()}`] : []));
    });
  expect(offenders).toEqual([]);
});
