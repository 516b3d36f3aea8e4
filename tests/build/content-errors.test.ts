/**
 * Bad content stops the build before anything is written, with the full report naming files and fields, and
 * ends with the report and one line, and a non-zero exit: no "An unhandled error occurred…", no stack trace
 * of Broadsheet's code for an editor to wade through. The build and the check of the broken fixture run
 * once each; the tests read what they printed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputRoot, projectRoot, type BuildResult } from '../support/build-site';

const broken = join(projectRoot, 'tests/fixtures/broken-content');
const outDir = join(outputRoot, 'broken-site');
const lastLine = (output: string) => output.trimEnd().split('\n').at(-1)!;
const noTrace = (output: string) => {
  expect(output).not.toContain('Stack trace');
  expect(output).not.toContain('An unhandled error occurred');
  expect(output).not.toMatch(/^\s+at /m);
};

/** `npm run build` and `npm run check:content` of the broken fixture. */
let build: BuildResult;
let check: BuildResult;
beforeAll(() => {
  build = buildSite(broken, outDir);
  check = buildSite(broken, join(outputRoot, 'unused'), {}, 'sync');
});

describe('bad content stops the build', () => {
  it('prints every problem of the broken fixture, and writes nothing', () => {
    expect(build.status).not.toBe(0);
    expect(build.output).toContain('34 problems in the content:');
    expect(build.output).toContain('tests/fixtures/broken-content/articles/unknown-section.md:5 section — unknown value "sports"');
    expect(build.output).toContain('tests/fixtures/broken-content/headlines.yaml:8 url — "javascript:alert(1)" is not an http(s) URL');
    // Dates that once crashed the build ("Invalid time value") or passed rolled over to another day.
    expect(build.output).toContain('tests/fixtures/broken-content/headlines.yaml:23 date — "2024-13-01T09:00:00Z" is not a real date');
    expect(build.output).toContain('tests/fixtures/broken-content/articles/impossible-date.md:7 published — "2021-02-30T09:00:00Z" is not a real date');
    expect(build.output).toContain('nothing was built');
    expect(existsSync(outDir)).toBe(false);
  });

  it('npm run check:content prints the same report and fails', () => {
    expect(check.status).not.toBe(0);
    expect(check.output).toContain('34 problems in the content:');
  });
});

describe('a build or check that fails on content ends with its report', () => {
  it('npm run build: the report, then one line', () => {
    expect(build.status).not.toBe(0);
    noTrace(build.output);
    expect(lastLine(build.output)).toMatch(/The content has 34 problems \(listed above\); nothing was built\.$/);
  });

  it('npm run check:content: the report, then one line', () => {
    expect(check.status).not.toBe(0);
    noTrace(check.output);
    expect(lastLine(check.output)).toMatch(/The content has 34 problems \(listed above\)\.$/);
  });

  it('a problem the loaders meet while the content is synced (the check only reporting) ends with its report too', () => {
    const result = buildSite(broken, join(outputRoot, 'broken-output'), { CONTENT_CHECK: 'report' });
    expect(result.status).not.toBe(0);
    noTrace(result.output);
    expect(result.output).toMatch(/^1 problem in the content:$/m);
    expect(lastLine(result.output)).toMatch(/^tests\/fixtures\/broken-content\/\S+:\d+ .+ — .+ — .+$/);
  });
});
