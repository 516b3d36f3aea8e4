import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, type CheckOptions } from '../../src/lib/content/check';
import { formatProblem } from '../../src/lib/content/problems';
import { outputRoot, writeContent } from '../support/build-site';
import { TINY_PNG } from '../support/pictures';

/** What may change while a Markdown file does not is judged again on every run, from a warm cache too. */
describe('the content check, with a cache, judges again on every run', () => {
  const folder = join(outputRoot, 'check-cache-rejudged');
  const outside = join(outputRoot, 'check-cache-rejudged-outside.png');
  const cacheFile = join(outputRoot, 'check-cache-unit', 'rejudged.json');
  const article = [
    '---',
    'title: A synthetic title',
    'dek: A synthetic dek.',
    'kicker: Test Fixture',
    'section: world',
    'authors: [tester]',
    'published: 2026-01-10T00:00:00Z',
    'image: { src: ./lead.png, alt: A lead picture }',
    '---',
    '',
    '![A chart](./chart.png)',
    '',
    '<img src="./chart.png" alt="The chart again">',
    '',
  ].join('\n');
  const author = '---\nname: Synthetic Tester\nrole: Test fixture\n---\n\nGenerated for tests.\n';
  const at = (name: string) => relative(process.cwd(), join(folder, name));
  const PICTURE_PATH = 'the path of a PNG, JPEG, WebP, AVIF or GIF picture in the content folder, relative to the Markdown file';

  /** The same report with the cache as without: each run checks both ways. */
  function check(options: CheckOptions): string[] {
    const cached = checkContent(folder, { ...options, cacheFile }).map(formatProblem);
    expect(checkContent(folder, options).map(formatProblem)).toEqual(cached);
    return cached;
  }
  function setUp() {
    rmSync(cacheFile, { force: true });
    writeContent(folder, { 'authors/tester.md': author, 'articles/story.md': article });
    for (const picture of ['lead.png', 'chart.png']) writeFileSync(join(folder, 'articles', picture), TINY_PNG);
    writeFileSync(outside, TINY_PNG);
  }
  const after = { now: new Date('2026-02-01T00:00:00Z') };

  it('a picture replaced by bytes that are no picture, by a link out of the content folder, or deleted', () => {
    setUp();
    expect(check(after)).toEqual([]);
    writeFileSync(join(folder, 'articles/lead.png'), '<script>alert(1)</script>');
    expect(check(after)).toEqual([`${at('articles/story.md')}:8 image.src — ./lead.png is not a PNG, JPEG, WebP, AVIF or GIF picture inside — ${PICTURE_PATH}`]);
    rmSync(join(folder, 'articles/chart.png'));
    symlinkSync(outside, join(folder, 'articles/chart.png'));
    const linked = './chart.png is a link to a file outside the content folder';
    expect(check(after)).toEqual([
      `${at('articles/story.md')}:11 (body) — ${linked} — ${PICTURE_PATH}`,
      `${at('articles/story.md')}:13 (body) — ${linked} — ${PICTURE_PATH}`,
      `${at('articles/story.md')}:8 image.src — ./lead.png is not a PNG, JPEG, WebP, AVIF or GIF picture inside — ${PICTURE_PATH}`,
    ]);
    rmSync(join(folder, 'articles/chart.png'));
    writeFileSync(join(folder, 'articles/lead.png'), TINY_PNG);
    expect(check(after)).toEqual([11, 13].map((line) => `${at('articles/story.md')}:${line} (body) — no file ./chart.png beside the file — ${PICTURE_PATH}`));
    writeFileSync(join(folder, 'articles/chart.png'), TINY_PNG);
    expect(check(after)).toEqual([]);
  });

  it('a Markdown file replaced by a link out of the content folder', () => {
    setUp();
    expect(check(after)).toEqual([]);
    const elsewhere = join(outputRoot, 'check-cache-rejudged-story.md');
    writeFileSync(elsewhere, article);
    rmSync(join(folder, 'articles/story.md'));
    symlinkSync(elsewhere, join(folder, 'articles/story.md'));
    expect(check(after)).toEqual([
      `${at('articles/story.md')}:1 (file) — a link to a file outside the content folder, so it is not read — a file of the content folder itself (not a link to one elsewhere)`,
    ]);
  });

  it('a date in the future, against the clock: no longer a problem once the clock passes it, and again one when it is set back', () => {
    setUp();
    const future = `${at('articles/story.md')}:7 published — 2026-01-10T00:00:00Z is in the future — a moment before 2026-01-02T00:00:00.000Z (scheduled publishing is not supported)`;
    const before = { now: new Date('2026-01-01T00:00:00Z') };
    expect(check(before)).toEqual([future]);
    expect(check(after)).toEqual([]);
    expect(check(before)).toEqual([future]);
    expect(check({ ...before, futureToleranceHours: 24 * 10 })).toEqual([]);
  });

  it('an author added or removed, for an article that did not change', () => {
    setUp();
    rmSync(join(folder, 'authors/tester.md'));
    const unknown = `${at('articles/story.md')}:6 authors — unknown author "tester" — a file authors/tester.md, or an existing author id`;
    expect(check(after)).toEqual([unknown]);
    mkdirSync(join(folder, 'authors'), { recursive: true });
    writeFileSync(join(folder, 'authors/tester.md'), author);
    expect(check(after)).toEqual([]);
    rmSync(join(folder, 'authors/tester.md'));
    expect(check(after)).toEqual([unknown]);
  });
});
