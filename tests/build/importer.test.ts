/** `npm run import` end to end: the seed text into an empty content folder, then a build of it. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content/check';
import { buildEnvironment, buildSite, outputRoot, projectRoot, writeContent } from '../support/build-site';
import { seedBodyParagraphs, seedHeadline, straightenQuotes } from '../support/seed';

const seedFile = join(projectRoot, 'tests/fixtures/seed/000_4cac75d680034900.txt');
const content = join(outputRoot, 'import-content');
const article = join(content, 'articles/russias-putin-says-he-still-isnt-ready-to-acknowledge-trumps-loss.md');
const flags = ['--section', 'world', '--kicker', 'Speed Read', '--published', '2020-11-23T00:00:00-05:00'];

function runImport(...args: string[]) {
  return runImportInto(content, ...args);
}

function runImportInto(folder: string, ...args: string[]) {
  const result = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), ['src/cli/import.ts', ...args], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), CONTENT_DIR: folder },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run import', () => {
  beforeAll(() => writeContent(content, {}));

  it('--dry-run prints what it would write and writes nothing', () => {
    const result = runImport(seedFile, ...flags, '--dry-run');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('would create');
    expect(result.output).toContain('    | Putin isn\'t exactly known');
    expect(existsSync(article)).toBe(false);
  });

  it('stops and names the flags it needs', () => {
    const result = runImport(seedFile);
    expect(result.status).toBe(1);
    expect(result.output).toContain('pass --section … --kicker … --published …');
  });

  it('imports the seed: article, author, eleven headlines, the furniture listed as left out', () => {
    const result = runImport(seedFile, ...flags);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/created +tests\/\.output\/import-content\/articles\/russias-putin/);
    expect(result.output).toContain('more stories: 11 added, 0 already listed');
    expect(result.output).toContain('line 7 (page furniture (sign-up or subscribe box)): Subscribe to The Week');
    expect(readFileSync(join(content, 'authors/peter.md'), 'utf8')).toContain('Peter has worked as a news and culture writer');
  });

  it('is a no-op when run again', () => {
    const before = readFileSync(article, 'utf8');
    const result = runImport(seedFile, ...flags);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('unchanged      tests/.output/import-content/articles/');
    expect(result.output).toContain('more stories: 0 added, 11 already listed');
    expect(readFileSync(article, 'utf8')).toBe(before);
  });

  it('never overwrites a changed article without --force', () => {
    writeFileSync(article, readFileSync(article, 'utf8').replace('Putin isn', 'An editor changed this. Putin isn'));
    const refused = runImport(seedFile, ...flags);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`articles/russias-putin-says-he-still-isnt-ready-to-acknowledge-trumps-loss.md already has this story ("${seedHeadline}") — pass --force to overwrite it`);
    expect(refused.output).toMatch(/^ {4}-An editor changed this\. Putin isn/m);
    expect(refused.output).toMatch(/^ {4}\+Putin isn/m);
    expect(readFileSync(article, 'utf8')).toContain('An editor changed this.');
    const forced = runImport(seedFile, ...flags, '--force');
    expect(forced.status, forced.output).toBe(0);
    expect(readFileSync(article, 'utf8')).not.toContain('An editor changed this.');
  });

  it('reports unreadable input clearly', () => {
    const binary = join(outputRoot, 'binary.bin');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const result = runImport(binary, ...flags);
    expect(result.status).toBe(1);
    expect(result.output).toContain('error: the file is not text (it holds binary data)');
  });

  it('builds, and the article page shows exactly the seed’s body paragraphs', () => {
    const build = buildSite(content, join(outputRoot, 'import-site'));
    expect(build.status, build.output).toBe(0);
    const page = fromHtml(readFileSync(join(outputRoot, 'import-site/articles/russias-putin-says-he-still-isnt-ready-to-acknowledge-trumps-loss/index.html'), 'utf8'));
    expect(selectAll('.article-body p', page).map((p) => straightenQuotes(toString(p)))).toEqual(seedBodyParagraphs);
    expect(selectAll('.more-stories li', page)).toHaveLength(10);
  });
});

describe('npm run import writes only where it should', () => {
  const folder = join(outputRoot, 'import-guarded');
  /** A scrape of one story whose "more stories" lists `other`. */
  const scrapeListing = (title: string, other: string) =>
    `${title}\nThe body of ${title}. It goes on.\nJane Doe has worked as a reporter at The Paper since 2001.\n-\n${other}\nSpeed Read The dek of ${other}.\n`;
  const scrapeFile = (name: string, text: string) => {
    writeFileSync(join(outputRoot, name), text);
    return join(outputRoot, name);
  };
  const noStackTrace = (output: string) => expect(output).not.toMatch(/^\s+at /m);

  it('refuses an --author that is not an id, and writes nothing', () => {
    writeContent(folder, {});
    const outside = join(folder, '../x.md');
    rmSync(outside, { force: true });
    const result = runImportInto(folder, seedFile, ...flags, '--author', '../../x');
    expect(result.status).toBe(1);
    expect(result.output).toContain('error: --author "../../x" is not an id');
    expect(existsSync(outside)).toBe(false);
    expect(existsSync(join(folder, 'authors'))).toBe(false);
  });

  it('refuses a title with no letters or digits, and writes no articles/.md', () => {
    writeContent(folder, {});
    const result = runImportInto(folder, scrapeFile('emoji.txt', scrapeListing('🎉🎉🎉', 'Some other story')), ...flags);
    expect(result.status).toBe(1);
    expect(result.output).toContain('error: the title "🎉🎉🎉" has no letters or digits');
    expect(existsSync(join(folder, 'articles/.md'))).toBe(false);
  });

  it('imports two scrapes that list each other into content that passes the check', () => {
    writeContent(folder, {});
    const first = runImportInto(folder, scrapeFile('alpha.txt', scrapeListing('Alpha story', 'Beta story')), ...flags);
    expect(first.status, first.output).toBe(0);
    const second = runImportInto(folder, scrapeFile('beta.txt', scrapeListing('Beta story', 'Alpha story')), ...flags);
    expect(second.status, second.output).toBe(0);
    expect(second.output).toMatch(/removed +headline "Beta story" from tests\/\.output\/import-guarded\/headlines\.yaml: the article replaces it/);
    expect(second.output).toContain('more stories: 0 added, 0 already listed, 1 with an article here');
    expect(readdirSync(join(folder, 'articles')).sort()).toEqual(['alpha-story.md', 'beta-story.md']);
    expect(readFileSync(join(folder, 'headlines.yaml'), 'utf8')).not.toMatch(/Alpha story|Beta story/);
    expect(checkContent(folder)).toEqual([]);
  });

  it.each([
    ['not a list', '# Our entries, keyed\nstories:\n  - title: A\n', /error: headlines\.yaml:2 \(file\) — not a list/],
    ['invalid YAML', '- kicker: Speed Read\n  title: [unclosed\n  dek: x\n', /error: headlines\.yaml:3 \(file\) — invalid YAML: /],
  ])('refuses a headline file that is %s, leaving it as it was', (_name, headlines, message) => {
    writeContent(folder, { 'headlines.yaml': headlines });
    const result = runImportInto(folder, seedFile, ...flags);
    expect(result.status).toBe(1);
    expect(result.output).toMatch(message);
    noStackTrace(result.output);
    expect(readFileSync(join(folder, 'headlines.yaml'), 'utf8')).toBe(headlines);
  });
});

describe('npm run import over the shipped content', () => {
  const folder = join(outputRoot, 'import-shipped');
  const shipped = join(folder, 'articles/putin-not-ready-to-acknowledge-trump-loss.md');
  const shown = 'tests/.output/import-shipped';
  const title = "Russia's Putin says he still isn't ready to acknowledge Trump's loss";
  /** Every file of the folder with its text, to show nothing was written. */
  const snapshot = () =>
    readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8')])
      .sort();

  it('the README example with --dry-run lists each file: the author unchanged (comments aside), the story already here and what differs', () => {
    writeContent(folder, {}, join(projectRoot, 'content'));
    const before = snapshot();
    const result = runImportInto(folder, seedFile, ...flags, '--dry-run');
    expect(result.status, result.output).toBe(1);
    expect(result.output).toContain(`unchanged      ${shown}/authors/peter.md`);
    expect(result.output).toContain(`conflict       ${shown}/articles/putin-not-ready-to-acknowledge-trump-loss.md`);
    expect(result.output).toContain('    -# From the seed brief (The Week, Speed Read, 2020-11-23).');
    expect(result.output).toContain('    -dek: Putin said his decision not to recognize Biden\'s win was "a formality."');
    expect(result.output).toContain('    +dek: "Most of America\'s allies');
    expect(result.output).toContain('    -tags: [russia, vladimir-putin, joe-biden, donald-trump, election-2020]');
    expect(result.output).toContain(`error: ${shown}/articles/putin-not-ready-to-acknowledge-trump-loss.md already has this story ("${title}") — pass --force to overwrite it`);
    expect(result.output).toContain('more stories: 0 to add, 11 already listed');
    expect(result.output).not.toContain('russias-putin');
    expect(snapshot()).toEqual(before);
  });

  it('refuses the story already here, and with --force overwrites that same file rather than write a second copy', () => {
    writeContent(folder, {}, join(projectRoot, 'content'));
    const refused = runImportInto(folder, seedFile, ...flags);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain(`already has this story ("${title}") — pass --force to overwrite it`);
    expect(readFileSync(shipped, 'utf8')).toContain('tags: [russia');
    const forced = runImportInto(folder, seedFile, ...flags, '--force');
    expect(forced.status, forced.output).toBe(0);
    expect(forced.output).toContain(`updated        ${shown}/articles/putin-not-ready-to-acknowledge-trump-loss.md`);
    expect(readdirSync(join(folder, 'articles'))).toEqual(['putin-not-ready-to-acknowledge-trump-loss.md']);
    expect(readFileSync(shipped, 'utf8')).toContain('dek: "Most of America\'s allies');
    expect(readFileSync(join(folder, 'authors/peter.md'), 'utf8')).toContain('# The seed gives only the first name');
  });
});

describe('npm run import on the command line', () => {
  const flagNames = ['--section', '--kicker', '--author', '--role', '--published', '--dry-run', '--force', '--help'];

  it('--help prints the usage, every flag on a line of its own with what it does, and exits 0', () => {
    const result = runImport('--help');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/^usage: npm run import -- <file\.\.\.>/);
    for (const flag of flagNames) expect(result.output).toMatch(new RegExp(`^ +${flag}\\b.* \\w+`, 'm'));
  });

  it.each([
    ['--x', 'error: unknown option --x'],
    ['-x', 'error: unknown option -x'],
    ['--secton=world', 'error: unknown option --secton'],
    ['--section', "error: option '--section <value>' argument missing"],
    ['--force=yes', "error: option '--force' does not take an argument"],
  ])('%s: an error and the usage, exit 2, no stack trace', (flag, message) => {
    const result = runImport(seedFile, flag);
    expect(result.status, result.output).toBe(2);
    expect(result.output).toContain(`${message}\nusage: npm run import`);
    expect(result.output).toContain('--dry-run');
    expect(result.output).not.toMatch(/^\s+at /m);
  });
});
