/** Every built page is valid HTML by the Nu Html Checker (vnu-jar, on the installed Java). */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { expect, test } from './fixtures';
import { servedSites } from './sites';

const vnuJar = createRequire(import.meta.url)('vnu-jar') as string;

test('Nu Html Checker: zero errors on every page of the built sites @once @basepath', async ({ basePath }) => {
  test.setTimeout(120_000);
  const { oneStory, threeStories, arabic } = servedSites['/'];
  // The sample fronts and the Arabic site are built at the root only.
  const folders = [servedSites[basePath].seed.dir, servedSites[basePath].reader.dir, ...(basePath === '/' ? [oneStory.dir, threeStories.dir, arabic.dir] : [])];
  const result = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--skip-non-html', '--format', 'json', ...folders], { encoding: 'utf8' });
  expect(result.error).toBeUndefined();
  const { messages } = JSON.parse(result.stderr) as { messages: { url: string; lastLine: number; message: string }[] };
  expect(messages.map(({ url, lastLine, message }) => `${url}:${lastLine} ${message}`)).toEqual([]);
  expect(result.status).toBe(0);
});
