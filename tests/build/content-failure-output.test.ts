/**
 * A build or check that fails on content ends with the report and one line, and a non-zero exit: no
 * "An unhandled error occurred…", no stack trace of Broadsheet's code for an editor to wade through.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { buildSite, outputRoot, projectRoot } from '../support/build-site';

const broken = join(projectRoot, 'tests/fixtures/broken-content');
const outDir = join(outputRoot, 'broken-output');
const lastLine = (output: string) => output.trimEnd().split('\n').at(-1)!;
const noTrace = (output: string) => {
  expect(output).not.toContain('Stack trace');
  expect(output).not.toContain('An unhandled error occurred');
  expect(output).not.toMatch(/^\s+at /m);
};

it('npm run build: the report, then one line', () => {
  const result = buildSite(broken, outDir);
  expect(result.status).not.toBe(0);
  noTrace(result.output);
  expect(lastLine(result.output)).toMatch(/The content has 34 problems \(listed above\); nothing was built\.$/);
});

it('npm run check:content: the report, then one line', () => {
  const result = buildSite(broken, outDir, {}, 'sync');
  expect(result.status).not.toBe(0);
  noTrace(result.output);
  expect(lastLine(result.output)).toMatch(/The content has 34 problems \(listed above\)\.$/);
});

it('a problem the loaders meet while the content is synced (the check only reporting) ends with its report too', () => {
  const result = buildSite(broken, outDir, { CONTENT_CHECK: 'report' });
  expect(result.status).not.toBe(0);
  noTrace(result.output);
  expect(result.output).toMatch(/^1 problem in the content:$/m);
  expect(lastLine(result.output)).toMatch(/^tests\/fixtures\/broken-content\/\S+:\d+ .+ — .+ — .+$/);
});
