/**
 * `npm run preview` serves the built site as production would: under the base path it was built with.
 * This builds the real content into dist/ with BASE_PATH=/news/ and removes it after (`npm test` builds
 * dist/ afresh for the browser tests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildEnvironment, buildSite, projectRoot } from '../support/build-site';

const dist = join(projectRoot, 'dist');
const port = 4421;
let preview: ChildProcess;

beforeAll(async () => {
  const build = buildSite(join(projectRoot, 'content'), dist, { BASE_PATH: '/news/' });
  expect(build.status, build.output).toBe(0);
  preview = spawn(join(projectRoot, 'node_modules/.bin/astro'), ['preview', '--port', String(port)], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), BASE_PATH: '' },
  });
  await new Promise<void>((ready, fail) => {
    preview.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('Local') && ready());
    preview.once('exit', (code) => fail(new Error(`astro preview exited with ${code}`)));
  });
});

afterAll(() => {
  preview?.kill();
  rmSync(dist, { recursive: true, force: true });
});

it('serves the site under the base path it was built with, without being told again', async () => {
  const home = await fetch(`http://localhost:${port}/news/`);
  expect(home.status).toBe(200);
  expect(await home.text()).toContain('href="/news/articles/putin-not-ready-to-acknowledge-trump-loss/"');
  expect((await fetch(`http://localhost:${port}/news/pagefind/pagefind.js`)).status).toBe(200);
  const missing = await fetch(`http://localhost:${port}/news/no-such-page/`);
  expect(missing.status).toBe(404);
  expect(await missing.text()).toContain('Page not found');
});
