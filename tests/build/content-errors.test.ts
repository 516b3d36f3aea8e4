/** Bad content stops the build before anything is written, with the full report naming files and fields. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, outputRoot, projectRoot } from '../support/build-site';

describe('bad content stops the build', () => {
  it('prints every problem of the broken fixture, and writes nothing', () => {
    const outDir = join(outputRoot, 'broken-site');
    const result = buildSite(join(projectRoot, 'tests/fixtures/broken-content'), outDir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('34 problems in the content:');
    expect(result.output).toContain('tests/fixtures/broken-content/articles/unknown-section.md:5 section — unknown value "sports"');
    expect(result.output).toContain('tests/fixtures/broken-content/headlines.yaml:8 url — "javascript:alert(1)" is not an http(s) URL');
    // Dates that once crashed the build ("Invalid time value") or passed rolled over to another day.
    expect(result.output).toContain('tests/fixtures/broken-content/headlines.yaml:23 date — "2024-13-01T09:00:00Z" is not a real date');
    expect(result.output).toContain('tests/fixtures/broken-content/articles/impossible-date.md:7 published — "2021-02-30T09:00:00Z" is not a real date');
    expect(result.output).toContain('nothing was built');
    expect(existsSync(outDir)).toBe(false);
  });

  it('npm run check:content prints the same report and fails', () => {
    const result = buildSite(join(projectRoot, 'tests/fixtures/broken-content'), join(outputRoot, 'unused'), {}, 'sync');
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('34 problems in the content:');
  });
});
