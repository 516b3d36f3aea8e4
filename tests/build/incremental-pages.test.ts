/**
 * Incremental builds restore a page from the last build only when nothing it shows has changed
 * (src/lib/site/cache-keys.ts). Each rebuild here changes one thing and checks that every page showing it is
 * rendered again and shows it, and that a page far away is restored byte for byte.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEnvironment, buildSite, outputRoot, projectRoot, writeContent, type BuildResult } from '../support/build-site';

const content = join(outputRoot, 'incremental-pages-content');
const outDir = join(outputRoot, 'incremental-pages-site');

/** A synthetic article (generated for this test, never published). */
function article(title: string, { published, section = 'world', tags = ['russia'], author = 'peter' }: { published: string; section?: string; tags?: string[]; author?: string }): string {
  return `---
title: ${title} (test fixture)
dek: A synthetic story for the incremental build test.
kicker: Speed Read
section: ${section}
authors: [${author}]
published: ${published}
tags: [${tags.join(', ')}]
---

Synthetic body text of ${title}.
`;
}

const files = {
  'authors/synthetic-writer.md': '---\nname: Synthetic Writer\nrole: Test fixture\n---\n\nA synthetic bio, first version.\n',
  // Years before everything else, in its own section, tag and author: nothing later reaches its rail.
  'articles/far-away.md': article('Far away', { published: '2019-01-01T09:00:00Z', section: 'culture', tags: ['far-away-tag'], author: 'synthetic-writer' }),
  'articles/edited.md': article('Edited story', { published: '2020-11-20T09:00:00Z' }),
  'articles/to-delete.md': article('Deleted story', { published: '2020-11-21T09:00:00Z' }),
  // Shares the section and tag of the edited story, two days later: its rail shows the edited story.
  'articles/neighbour.md': article('Neighbour', { published: '2020-11-22T09:00:00Z' }),
};

/** Every built file (path relative to the site → bytes as text). */
function snapshot(): Map<string, string> {
  return new Map(
    readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        return [relative(outDir, path), readFileSync(path, 'utf8')];
      }),
  );
}

/** The pages the build log says it restored from the last build instead of rendering. */
function restored(build: BuildResult): Set<string> {
  return new Set([...build.output.matchAll(/├─ (\S+?)(?:\d\d:\d\d:\d\d)? \((?:restored|cached)\)/g)].map(([, path]) => path.replace(/^\//, '')));
}

/** Pages with a cacheKey: articles, and the pages of sections, tags, authors and archive months. */
const keyed = (path: string) => /^(articles|sections|tags|authors|archive\/\d{4})\/.+index\.html$/.test(path);

/** The social card an article's page shares, as a path in the built site. */
const cardOf = (pages: Map<string, string>, id: string) => /<meta property="og:image" content="https:\/\/example\.org\/(cards\/[\w-]+\.png)"/.exec(pages.get(`articles/${id}/index.html`)!)![1];

function rebuild(env: Record<string, string> = {}): { build: BuildResult; pages: Map<string, string> } {
  const build = buildSite(content, outDir, env);
  expect(build.status, build.output).toBe(0);
  return { build, pages: snapshot() };
}

let before: Map<string, string>;

beforeAll(() => {
  writeContent(content, files, join(projectRoot, 'content'));
  rebuild(); // the cache may hold pages of any earlier build: this one settles it for this content
  before = rebuild().pages;
});

describe('incremental builds', () => {
  it('restore every keyed page of an unchanged site, byte for byte', () => {
    const { build, pages } = rebuild();
    const keyedPages = [...pages.keys()].filter(keyed);
    expect(keyedPages.length).toBeGreaterThan(10);
    expect(keyedPages.filter((path) => !restored(build).has(path))).toEqual([]);
    for (const path of keyedPages) expect(pages.get(path), path).toBe(before.get(path));
    // The social cards too: each article's and the site's, none drawn again.
    const cards = [...pages.keys()].filter((path) => path.startsWith('cards/'));
    expect(cards).toHaveLength([...pages.keys()].filter((path) => /^articles\/[^/]+\/index\.html$/.test(path)).length + 1);
    expect(cards.filter((path) => !restored(build).has(path))).toEqual([]);
  });

  it('render again an edited article, the listings holding it and the rails showing it; not the far-away page', () => {
    writeFileSync(join(content, 'articles/edited.md'), article('Edited story, corrected', { published: '2020-11-20T09:00:00Z' }));
    const { build, pages } = rebuild();
    const shown = 'Edited story, corrected (test fixture)';
    for (const path of ['articles/edited/index.html', 'articles/neighbour/index.html', 'sections/world/index.html', 'tags/russia/index.html', 'authors/peter/index.html', 'archive/2020/11/index.html']) {
      expect(restored(build).has(path), path).toBe(false);
      expect(pages.get(path), path).toContain(shown);
    }
    expect(restored(build).has('articles/far-away/index.html')).toBe(true);
    expect(pages.get('articles/far-away/index.html')).toBe(before.get('articles/far-away/index.html'));
    // The edited headline's card is drawn anew under a new name (social sites fetch it afresh); the old is gone.
    const [card, oldCard] = [cardOf(pages, 'edited'), cardOf(before, 'edited')];
    expect(card).not.toBe(oldCard);
    expect(restored(build).has(card)).toBe(false);
    expect([pages.has(card), pages.has(oldCard)]).toEqual([true, false]);
    expect(restored(build).has(cardOf(pages, 'far-away'))).toBe(true);
    // Nothing anywhere still shows the old title.
    expect([...pages].filter(([, text]) => text.includes('Edited story (test fixture)')).map(([path]) => path)).toEqual([]);
  });

  it('drop a deleted article everywhere', () => {
    rmSync(join(content, 'articles/to-delete.md'));
    const { pages } = rebuild();
    expect(pages.has('articles/to-delete/index.html')).toBe(false);
    expect([...pages].filter(([, text]) => text.includes('Deleted story')).map(([path]) => path)).toEqual([]);
  });

  it('render again every page of an author whose bio changed', () => {
    writeFileSync(join(content, 'authors/synthetic-writer.md'), files['authors/synthetic-writer.md'].replace('first version', 'second version'));
    const { build, pages } = rebuild();
    for (const path of ['articles/far-away/index.html', 'authors/synthetic-writer/index.html']) {
      expect(restored(build).has(path), path).toBe(false);
      expect(pages.get(path), path).toContain('A synthetic bio, second version.');
    }
  });

  it('render every keyed page again when the site config changes, even through the environment', () => {
    const { build, pages } = rebuild({ NEWSLETTER_ACTION: 'https://example.org/synthetic-signup' });
    expect([...pages.keys()].filter(keyed).filter((path) => restored(build).has(path))).toEqual([]);
    expect(pages.get('articles/far-away/index.html')).toContain('https://example.org/synthetic-signup');
  });
});

describe('incremental builds after a code change', () => {
  /** A copy of the project to edit: its own sources and cache folder, the packages linked from this one. */
  const copy = join(outputRoot, 'incremental-pages-project');
  const build = () => {
    const result = spawnSync(join(copy, 'node_modules/.bin/astro'), ['build'], { cwd: copy, env: { ...buildEnvironment(), CONTENT_DIR: content }, encoding: 'utf8' });
    const output = stripVTControlCharacters(`${result.stdout}\n${result.stderr}`);
    expect(result.status, output).toBe(0);
    return { status: result.status, output, outDir: join(copy, 'dist') };
  };

  it('render every page using a component again when the component changes', () => {
    rmSync(copy, { recursive: true, force: true });
    for (const entry of ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) cpSync(join(projectRoot, entry), join(copy, entry), { recursive: true });
    mkdirSync(join(copy, 'node_modules'));
    for (const entry of readdirSync(join(projectRoot, 'node_modules'))) {
      if (entry !== '.astro') symlinkSync(join(projectRoot, 'node_modules', entry), join(copy, 'node_modules', entry));
    }
    build();
    const component = join(copy, 'src/components/MoreStories.astro');
    writeFileSync(component, readFileSync(component, 'utf8').replace('>{ui.moreStories}<', '>More synthetic stories<'));
    const rebuilt = build();
    const articles = readdirSync(join(copy, 'dist/articles'));
    expect(articles.length).toBeGreaterThan(1);
    for (const id of articles) {
      expect(restored(rebuilt).has(`articles/${id}/index.html`), id).toBe(false);
      expect(readFileSync(join(copy, 'dist/articles', id, 'index.html'), 'utf8')).toContain('More synthetic stories');
    }
  });
});
