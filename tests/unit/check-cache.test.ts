import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkContent, type CheckOptions } from '../../src/lib/content/check';
import { checkCacheFile } from '../../src/lib/content/check-cache';
import { formatProblem } from '../../src/lib/content/problems';
import { outputRoot, writeContent } from '../support/build-site';
import { CONTROL_CHARACTERS, vectors, writeHostileContent } from '../support/hostile-content';

const now = new Date('2026-01-01T00:00:00Z');
const cacheFileOf = (name: string) => join(outputRoot, 'check-cache-unit', `${name}.json`);

/** The report with no cache, then with a cache that is cold (none yet), then warm: all three must be equal. */
function reportsThreeWays(folder: string, name: string, options: CheckOptions = {}) {
  const cacheFile = cacheFileOf(name);
  rmSync(cacheFile, { force: true });
  const none = checkContent(folder, options).map(formatProblem);
  const cold = checkContent(folder, { ...options, cacheFile }).map(formatProblem);
  const warm = checkContent(folder, { ...options, cacheFile }).map(formatProblem);
  return { none, cold, warm, cacheFile };
}

/** Rewrites what the cache holds for `file` to one made-up problem: a report with it shows the cache was used. */
function plantInCache(cacheFile: string, file: string): string {
  const cache = JSON.parse(readFileSync(cacheFile, 'utf8'));
  const problem = { file, line: 1, field: 'planted', wrong: 'read from the cache', expected: 'nothing' };
  cache.files[file].facts.findings = [{ problem }];
  writeFileSync(cacheFile, JSON.stringify(cache));
  return formatProblem(problem);
}

describe("the content check's cache", () => {
  it('gives the broken fixture the same report, in the same order, with no cache, a cold one and a warm one', () => {
    const { none, cold, warm } = reportsThreeWays('tests/fixtures/broken-content', 'broken', { now });
    expect(none.length).toBeGreaterThan(30);
    expect(cold).toEqual(none);
    expect(warm).toEqual(none);
  });

  it('gives hostile content the same report three ways: payloads and control characters in what is wrong, in ids and references', () => {
    const payloads = [...vectors.slice(0, 40).map((vector) => vector.payload), ...CONTROL_CHARACTERS.map((char) => `a${char}b`), '\uD800 lone surrogate'];
    const broken = Object.fromEntries(
      payloads.map((payload, index) => [
        `articles/broken-${index}.md`,
        `---\n${stringify({ title: payload, dek: '', section: payload, authors: [payload], related: [payload, `broken-${index}`], published: payload, [payload.slice(0, 30)]: 1 })}---\n\n${payload}\n\n![](${payload.replace(/\s/g, '')}.png)\n`,
      ]),
    );
    const folder = writeContent(join(outputRoot, 'check-cache-hostile'), broken, writeHostileContent());
    // Before the hostile articles' dates, so every one of them is judged in the future too.
    const { none, cold, warm } = reportsThreeWays(folder, 'hostile', { now: new Date('2023-06-01T00:00:00Z') });
    expect(none.length).toBeGreaterThan(payloads.length * 5);
    expect(none.filter((line) => line.includes('is in the future')).length).toBeGreaterThan(50);
    expect(cold).toEqual(none);
    expect(warm).toEqual(none);
  });

  describe('knows what it may keep', () => {
    const folder = join(outputRoot, 'check-cache-unit-content');
    const article = '---\ntitle: A synthetic title\ndek: A synthetic dek.\nkicker: Test Fixture\nsection: world\nauthors: [tester]\npublished: 2024-01-01T00:00:00Z\n---\n\nBody text.\n';
    const author = '---\nname: Synthetic Tester\nrole: Test fixture\n---\n\nGenerated for tests.\n';
    const at = (name: string) => relative(process.cwd(), join(folder, name));
    const write = () => writeContent(folder, { 'authors/tester.md': author, 'articles/story.md': article, 'articles/other.md': article });

    it('reads an unchanged file from the cache, and an edited one again', () => {
      const cacheFile = cacheFileOf('edited');
      rmSync(cacheFile, { force: true });
      write();
      expect(checkContent(folder, { now, cacheFile })).toEqual([]);
      const planted = plantInCache(cacheFile, at('articles/other.md'));
      writeFileSync(join(folder, 'articles/story.md'), article.replace('section: world', 'section: sports'));
      expect(checkContent(folder, { now, cacheFile }).map(formatProblem)).toEqual([
        planted,
        `${at('articles/story.md')}:5 section — unknown value "sports" — one of: world, politics, business, science, culture, opinion`,
      ]);
    });

    it("checks every file again when the check's code changes", () => {
      const cacheFile = cacheFileOf('code');
      rmSync(cacheFile, { force: true });
      write();
      expect(checkContent(folder, { now, cacheFile, codeDigest: 'code as it was' })).toEqual([]);
      const planted = plantInCache(cacheFile, at('articles/other.md'));
      expect(checkContent(folder, { now, cacheFile, codeDigest: 'code as it was' }).map(formatProblem)).toEqual([planted]);
      expect(checkContent(folder, { now, cacheFile, codeDigest: 'code edited' })).toEqual([]);
    });

    it('ignores a cache that is corrupt or of the wrong shape, and writes a good one', () => {
      const cacheFile = cacheFileOf('corrupt');
      write();
      for (const corrupt of ['{"version":1,"files":{', '{"version":1,"files":{"x":{"key":1}}}', 'null', '[]']) {
        writeFileSync(cacheFile, corrupt);
        expect(checkContent(folder, { now, cacheFile })).toEqual([]);
        expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).files)).toHaveLength(3);
      }
      writeFileSync(cacheFile, JSON.stringify({ version: 1, files: { [at('articles/story.md')]: { key: 'k', facts: { findings: [{ date: {} }] } } } }));
      expect(checkContent(folder, { now, cacheFile })).toEqual([]);
    });

    it('forgets removed files, and judges the rules between entries again from what it keeps', () => {
      const cacheFile = cacheFileOf('removed');
      rmSync(cacheFile, { force: true });
      write();
      expect(checkContent(folder, { now, cacheFile })).toEqual([]);
      rmSync(join(folder, 'articles/other.md'));
      rmSync(join(folder, 'authors/tester.md'));
      const unknown = (name: string) => `${at(`articles/${name}.md`)}:6 authors — unknown author "tester" — a file authors/tester.md, or an existing author id`;
      expect(checkContent(folder, { now, cacheFile }).map(formatProblem)).toEqual([unknown('story')]);
      expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')).files)).toEqual([at('articles/story.md')]);
    });

    it('keeps one cache file a content folder, in Astro’s cache folder', () => {
      const cacheDir = new URL('file:///project/node_modules/.astro/');
      expect(checkCacheFile(cacheDir, 'content')).toMatch(/^\/project\/node_modules\/\.astro\/broadsheet\/content-check-[0-9a-f]{16}\.json$/);
      expect(checkCacheFile(cacheDir, 'content')).toBe(checkCacheFile(cacheDir, join(process.cwd(), 'content')));
      expect(checkCacheFile(cacheDir, 'other-content')).not.toBe(checkCacheFile(cacheDir, 'content'));
    });
  });
});
