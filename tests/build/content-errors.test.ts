/** A bad file stops the build with a message naming the file and the field. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, outputRoot, projectRoot, writeContent } from '../support/build-site';

const seedContent = join(projectRoot, 'content');
const seedArticle = 'articles/putin-not-ready-to-acknowledge-trump-loss.md';

function buildWith(name: string, files: Record<string, string>) {
  const content = writeContent(join(outputRoot, `${name}-content`), files, seedContent);
  return buildSite(content, join(outputRoot, `${name}-site`));
}

describe('bad content stops the build', () => {
  it('names the article file and each bad field', () => {
    const result = buildWith('bad-article', {
      [seedArticle]: '---\ntitle: ""\ndek: A dek\nkicker: Speed Read\nsection: sports\nauthors: [peter]\npublished: 2020-11-23T00:00:00-05:00\n---\n\nBody.\n',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('putin-not-ready-to-acknowledge-trump-loss.md');
    expect(result.output).toMatch(/title: title must not be empty/);
    expect(result.output).toMatch(/section: expected one of: world/);
  });

  it('names the article file and the unknown author', () => {
    const result = buildWith('unknown-author', {
      [seedArticle]: '---\ntitle: T\ndek: A dek\nkicker: Speed Read\nsection: world\nauthors: [nobody]\npublished: 2020-11-23T00:00:00-05:00\n---\n\nBody.\n',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/putin-not-ready-to-acknowledge-trump-loss\.md authors — unknown author "nobody"/);
  });

  it('names the headline file, line and field', () => {
    const result = buildWith('bad-headlines', {
      'headlines.yaml': '- kicker: Speed Read\n  title: One\n  dek: D\n- kicker: Speed Read\n  dek: no title here\n',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/headlines\.yaml:4 title — missing or empty in entry 2/);
  });

  it('names the headline entry with a non-http URL', () => {
    const result = buildWith('bad-headline-url', {
      'headlines.yaml': '- kicker: Speed Read\n  title: One\n  dek: D\n  url: javascript:alert(1)\n',
    });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/headlines → one data does not match collection schema/);
    expect(result.output).toMatch(/url: expected an absolute http\(s\) URL/);
    expect(result.output).toContain('headlines.yaml:1');
  });
});
