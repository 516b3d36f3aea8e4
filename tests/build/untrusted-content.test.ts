/**
 * A writer with access to the content folder only tries to run code at build time and to read or publish
 * files from elsewhere: scripts named as pictures, symbolic links out of the folder, `..` paths, SVG with
 * script; and to crash it with a body nested too deep. The content check names each; a build that goes on past the check (as `astro dev` does) still
 * refuses them, runs nothing and publishes nothing from outside the folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, outputRoot, projectRoot, writeContent, type BuildResult } from '../support/build-site';
import { TINY_PNG } from '../support/pictures';

const elsewhere = join(outputRoot, 'elsewhere');
/** A file outside the content folder, its bytes marked so that any copy of it can be found. */
const SECRET = Buffer.concat([TINY_PNG, Buffer.from('SECRET-OUTSIDE-THE-CONTENT-FOLDER')]);
/** Where the writer's script would leave its mark if it ever ran. */
const ranMark = join(outputRoot, 'untrusted-code-ran');
const script = `require('node:fs').writeFileSync(${JSON.stringify(ranMark)}, 'ran'); export default {};`;

const article = (fields: string, body = 'Synthetic body.') =>
  `---\ntitle: Synthetic hostile article\ndek: Generated for tests; not news.\nkicker: Test\nsection: world\nauthors: [peter]\npublished: 2024-01-01T00:00:00Z\n${fields}---\n\n${body}\n`;

/** The seed content, plus one hostile file (and the links it needs). */
function hostileFolder(name: string, files: Record<string, string>, links: Record<string, string> = {}): string {
  const folder = writeContent(join(outputRoot, name), files, join(projectRoot, 'content'));
  for (const [path, target] of Object.entries(links)) symlinkSync(target, join(folder, path));
  return folder;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

beforeAll(() => {
  rmSync(ranMark, { force: true });
  mkdirSync(elsewhere, { recursive: true });
  writeFileSync(join(elsewhere, 'secret.png'), SECRET);
  writeFileSync(join(elsewhere, 'code.js'), script);
});

interface HostileCase {
  files: Record<string, string>;
  links?: Record<string, string>;
  /** The problem reported, after the content folder's path. */
  expected: string;
}

const cases: Record<string, HostileCase> = {
  'a script linked as an avatar': {
    files: { 'authors/evil.js': script, 'authors/peter.md': readFileSync(join(projectRoot, 'content/authors/peter.md'), 'utf8').replace('role:', 'avatar: { src: ./face.png, alt: A face }\nrole:') },
    links: { 'authors/face.png': 'evil.js' },
    expected: 'authors/peter.md:4 avatar.src — ./face.png is not a PNG, JPEG, WebP, AVIF or GIF picture inside',
  },
  'a lead picture outside the folder': {
    files: { 'articles/lead-outside.md': article('image: { src: ../../elsewhere/secret.png, alt: A secret }\n') },
    expected: 'articles/lead-outside.md:8 image.src — ../../elsewhere/secret.png is outside the content folder',
  },
  'a lead picture linked out of the folder': {
    files: { 'articles/lead-link.md': article('image: { src: ./linked.png, alt: A secret }\n') },
    links: { 'articles/linked.png': join(elsewhere, 'secret.png') },
    expected: 'articles/lead-link.md:8 image.src — ./linked.png is a link to a file outside the content folder',
  },
  'a script linked as a lead picture from outside': {
    files: { 'articles/lead-code.md': article('image: { src: ./code.png, alt: Code }\n') },
    links: { 'articles/code.png': join(elsewhere, 'code.js') },
    expected: 'articles/lead-code.md:8 image.src — ./code.png is a link to a file outside the content folder',
  },
  'an SVG avatar with script': {
    files: {
      'authors/svg-author.md': '---\nname: Synthetic Author\nrole: Test\navatar: { src: ./face.svg, alt: A face }\n---\n\nGenerated for tests.\n',
      'authors/face.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    },
    expected: 'authors/svg-author.md:4 avatar.src — ./face.svg is an SVG picture, which can carry script',
  },
  'an article file linked from outside': {
    files: {},
    links: { 'articles/passwd.md': '/etc/passwd' },
    expected: 'articles/passwd.md:1 (file) — a link to a file outside the content folder',
  },
  'a body nested 2,000 levels deep (it overflowed the stack)': {
    files: { 'articles/deep.md': article('', `${'<span>'.repeat(2000)}text`) },
    expected: 'articles/deep.md:9 (body) — nested 2000 levels deep — at most 100 levels of quotes, lists, emphasis, links and HTML tags inside one another',
  },
};

/** Where the check names a problem of `folder`: the path from the project, then `expected`. */
const reportedIn = (folder: string, expected: string) => `${folder.slice(projectRoot.length)}/${expected}`.replace(/^\//, '');

/** The check (`npm run check:content`) of every case's files at once, in one folder: it reports each. */
let allCases: { folder: string; check: BuildResult };
beforeAll(() => {
  const all = Object.values(cases);
  const folder = hostileFolder('untrusted-all-cases', Object.assign({}, ...all.map(({ files }) => files)), Object.assign({}, ...all.map(({ links }) => links)));
  allCases = { folder, check: buildSite(folder, join(outputRoot, 'unused'), {}, 'sync') };
});

describe('a writer cannot run code, read or publish files outside the content folder', () => {
  for (const [name, { files, links, expected }] of Object.entries(cases)) {
    it(`${name}: reported by the check, refused by the build, nothing run or published`, () => {
      expect(allCases.check.status).not.toBe(0);
      expect(allCases.check.output).toContain(reportedIn(allCases.folder, expected));

      const folder = hostileFolder(`untrusted-${name.replaceAll(' ', '-')}`, files, links);
      const reported = reportedIn(folder, expected);

      // Past the check (as in `astro dev`): the loaders refuse the same files.
      const outDir = join(outputRoot, 'untrusted-site');
      const build = buildSite(folder, outDir, { CONTENT_CHECK: 'report' });
      expect(build.status).not.toBe(0);
      expect(build.output.split(reported)).toHaveLength(3); // the check's report, then the loader's refusal
      expect(build.output).not.toContain('root:x:0:0');
      expect(existsSync(ranMark)).toBe(false);
      if (existsSync(outDir)) for (const file of filesUnder(outDir)) expect(readFileSync(file).includes('SECRET-OUTSIDE')).toBe(false);
    });
  }

  it('pictures in a body that may not be published stay plain, broken img elements: the build goes on, nothing outside is read', () => {
    const body = ['![Out](../../elsewhere/secret.png)', '', '<img src="../../elsewhere/secret.png" alt="Raw out">', '', '![Linked](./linked.png)', '', '![Code](./evil.png)', '', '![Vector](./v.svg)'].join('\n');
    const folder = hostileFolder(
      'untrusted-body',
      { 'articles/body-pictures.md': article('', body), 'articles/evil.js': script, 'articles/v.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>' },
      { 'articles/linked.png': '/etc/passwd', 'articles/evil.png': 'evil.js' },
    );
    const check = buildSite(folder, join(outputRoot, 'unused'), {}, 'sync');
    expect(check.output).toContain('7 problems in the content');
    for (const line of [10, 12, 14, 16, 18]) expect(check.output).toContain(`articles/body-pictures.md:${line} (body)`);
    const outDir = join(outputRoot, 'untrusted-site');
    const build = buildSite(folder, outDir, { CONTENT_CHECK: 'report' });
    expect(build.status).toBe(0);
    expect(build.output).not.toContain('root:x:0:0');
    expect(existsSync(ranMark)).toBe(false);
    for (const file of filesUnder(outDir)) {
      expect(readFileSync(file).includes('SECRET-OUTSIDE')).toBe(false);
      expect(file.endsWith('.svg') && readFileSync(file, 'utf8').includes('<script')).toBe(false);
    }
    const page = readFileSync(join(outDir, 'articles/body-pictures/index.html'), 'utf8');
    expect(page.match(/<img src="\.\.\/\.\.\/elsewhere\/secret\.png"/g)).toHaveLength(2);
  });
});
