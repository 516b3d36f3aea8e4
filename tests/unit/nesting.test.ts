import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingProblem } from '../../src/lib/markdown/nesting';
import { renderMarkdown } from '../../src/lib/markdown/processor';

/** Bodies that once overflowed the stack (or took minutes) in the Markdown tools, at a depth of `n`. */
const deep = {
  quotes: (n: number) => `${'>'.repeat(n)} quoted`,
  spans: (n: number) => `${'<span>'.repeat(n)}text`,
  'raw blocks': (n: number) => `${'<div>\n\n'.repeat(n)}text`,
  'lists on one line': (n: number) => `${'- '.repeat(n)}item`,
  'indented lists': (n: number) => Array.from({ length: n }, (_, level) => `${'  '.repeat(level)}- item`).join('\n'),
  emphasis: (n: number) => `${'*'.repeat(n)}text${'*'.repeat(n)}`,
  links: (n: number) => `${'['.repeat(n)}text${'](https://example.org)'.repeat(n)}`,
};

describe('nesting limit', () => {
  it.each(Object.entries(deep).filter(([kind]) => kind !== 'links'))('refuses %s nested past the limit, in the content check and in the pipeline, with no crash', async (kind, body) => {
    // Emphasis nests one level for every two asterisks.
    const markdown = body(kind === 'emphasis' ? MAX_NESTING * 3 : MAX_NESTING + 20);
    expect(nestingProblem(markdown)).toMatch(/^nested \d+ levels deep$/);
    await expect(renderMarkdown(markdown)).rejects.toThrow(/^nested \d+ levels deep$/);
  });

  it('refuses the bodies that crashed the build: 2,000 nested > or <span>', async () => {
    for (const markdown of [deep.quotes(2000), deep.spans(2000)]) {
      expect(nestingProblem(markdown)).toBe('nested 2000 levels deep');
      await expect(renderMarkdown(markdown)).rejects.toThrow('levels deep');
    }
  });

  it('counts each quote, list, emphasis, link and open tag as a level', async () => {
    expect(nestingProblem(deep.quotes(MAX_NESTING))).toBeUndefined();
    expect(nestingProblem(deep.quotes(MAX_NESTING + 1))).toBe(`nested ${MAX_NESTING + 1} levels deep`);
    expect(nestingProblem(`${'> '.repeat(50)}${'- '.repeat(49)}<span>`)).toBeUndefined();
    expect(nestingProblem(`${'> '.repeat(50)}${'- '.repeat(49)}<span><b>`)).toBe(`nested ${MAX_NESTING + 1} levels deep`);
  });

  it.each(Object.entries(deep))('renders %s nested as deep as any article would', async (_, body) => {
    const markdown = body(30);
    expect(nestingProblem(markdown)).toBeUndefined();
    expect((await renderMarkdown(markdown)).html).toMatch(/quoted|text|item/);
  });

  it('links do not nest in Markdown: hundreds of brackets render, whole', async () => {
    expect(nestingProblem(deep.links(2000))).toBeUndefined();
    expect((await renderMarkdown(deep.links(2000))).html).toContain('text');
  });

  it('does not count tags a parser closes by itself, nor long articles full of dashes and numbers', () => {
    expect(nestingProblem(Array.from({ length: 300 }, (_, i) => `<p>Paragraph ${i}. 1-2-3 - *a* _b_ [c](https://example.org)`).join('\n\n'))).toBeUndefined();
  });
});
