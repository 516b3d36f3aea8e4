/**
 * `npm run dev` with content problems keeps serving: the problems are printed again when they change, every
 * page lists them, a page they break lists them instead of a stack trace, and fixing the file is enough.
 * Stopping npm (SIGTERM to its process id) stops the server too.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outputRoot, projectRoot, writeContent } from '../support/build-site';
import { portOffsets, testPort } from '../support/ports';
import { eventually, page, pageWhen, startScript, stopServer, terminateNpm, type Page, type Server } from '../support/servers';

const content = join(outputRoot, 'dev-content');
const article = join(content, 'articles/putin-not-ready-to-acknowledge-trump-loss.md');
const articlePage = '/articles/putin-not-ready-to-acknowledge-trump-loss/';
const original = readFileSync(join(projectRoot, 'content/articles/putin-not-ready-to-acknowledge-trump-loss.md'), 'utf8');
const unknownAuthor = 'putin-not-ready-to-acknowledge-trump-loss.md:8 authors — unknown author &quot;nobody&quot;';
const headline = 'says he still isn';
const unreadable = 'articles/unreadable.md';
let dev: Server;

const edit = (text: string) => writeFileSync(article, text);
const listsProblems = (answer: Page) => answer.text.includes('data-content-problems');
const served = (answer: Page) => answer.status === 200 && !listsProblems(answer) && answer.text.includes(headline);
const times = (text: string, part: string) => text.split(part).length - 1;

beforeAll(async () => {
  // Broken from the start, with a file the loader cannot read: the server used to exit after the problems.
  writeContent(content, { [unreadable]: '---\ntitle: [unclosed\n---\n\nA body.\n' }, join(projectRoot, 'content'));
  edit(original.replace('authors: [peter]', 'authors: [nobody]'));
  dev = startScript('dev', await testPort(portOffsets.devServer), { env: { CONTENT_DIR: content } });
});

afterAll(() => stopServer(dev));

it('starts with broken content: every page lists the problems, a page they break shows only the list', async () => {
  const front = await page(dev, '/');
  expect(front.status).toBe(200);
  expect(front.text).toContain(unknownAuthor);
  expect(front.text).toMatch(/unreadable\.md:\d+ \(frontmatter\) — invalid YAML/);
  const broken = await page(dev, articlePage);
  expect(broken.text).toContain('This page cannot be shown until the content is fixed');
  expect(broken.text).toContain(unknownAuthor);
  expect(broken.text).not.toContain('Cannot read properties');
  expect(dev.output()).toContain('authors — unknown author "nobody"');
}, 120_000);

it('recovers when the files are fixed, without a restart', async () => {
  rmSync(join(content, unreadable));
  edit(original);
  await pageWhen(dev, articlePage, 'the article, whole and without the notice', served);
  await eventually('"content is valid again" in the terminal', async () => dev.output().includes('content is valid again') || undefined);
}, 60_000);

it('lists a problem made while it runs, in the terminal again and on the page, until it is fixed', async () => {
  edit(original.replace('authors: [peter]', 'authors: [nobody]'));
  const broken = await pageWhen(dev, articlePage, 'the problem on the article page', listsProblems);
  expect(broken.text).toContain(unknownAuthor);
  expect(broken.text).not.toContain('Cannot read properties');
  await eventually('the problem printed a second time', async () => times(dev.output(), 'authors — unknown author "nobody"') >= 2 || undefined);

  // A file the loader cannot read at all: the page is still served, with the list.
  edit(original.replace('section: world', 'section: [world'));
  const front = await pageWhen(dev, '/', 'the YAML problem on the front page', (answer) => answer.text.includes('(frontmatter) — invalid YAML'));
  expect(front.status).toBe(200);

  edit(original);
  await pageWhen(dev, articlePage, 'the article, whole and without the notice, again', served);
}, 90_000);

it('says on the search page that search needs a build', async () => {
  const search = await page(dev, '/search/');
  expect(search.text).toContain('Search works only in the built site: run npm run build, then npm run preview.');
});

it('stops when npm is stopped', () => terminateNpm(dev), 30_000);
