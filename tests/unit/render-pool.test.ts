import { afterAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/processor';
import { messagesFor } from '../../src/lib/util/messages';
import { createRenderPool } from '../../src/lib/markdown/render-pool';

const pool = createRenderPool(2);
afterAll(() => pool.close());

it('renders on worker threads exactly as in the main thread, in the site’s words', async () => {
  const words = messagesFor('ar').footnotes;
  const bodies = Array.from({ length: 20 }, (_, index) => `## Part ${index}\n\n"Quoted" -- <b onclick="x()">raw</b> ![A chart](./chart-${index}.png "Caption | Credit")[^n]\n\n[^n]: A note.`);
  const onWorkers = await Promise.all(bodies.map((body) => pool.render(body, '/no/such/folder/article.md', words)));
  const here = await Promise.all(bodies.map((body) => renderMarkdown(body, '/no/such/folder/article.md', undefined, words)));
  expect(onWorkers).toEqual(here);
  expect(onWorkers[3].html).toContain('<h2 id="user-content-part-3">Part 3</h2>');
  expect(onWorkers[3].html).toContain(words.heading);
});

it('fails a file the pipeline refuses, and goes on with the others', async () => {
  await expect(pool.render(`${'>'.repeat(500)} deep`, '/no/such/folder/deep.md')).rejects.toThrow('nested 500 levels deep');
  expect((await pool.render('Still *here*', '/no/such/folder/a.md')).html).toBe('<p>Still <em>here</em></p>');
});

describe('a worker that stops', () => {
  const misbehaving = new URL('../support/misbehaving-render-worker.ts', import.meta.url);

  it.each([
    ['crashes', 'crash', 'the worker crashed'],
    ['exits without an error event', 'exit', 'a Markdown render worker stopped (exit code 3)'],
  ])('%s: fails its own file, while the other worker finishes the files it holds', async (_, order, message) => {
    const twoWorkers = createRenderPool(2, misbehaving);
    try {
      const held = twoWorkers.render('hold', 'a.md'); // the first worker
      await expect(twoWorkers.render(order, 'b.md')).rejects.toThrow(message); // the second
      const next = await twoWorkers.render('next', 'c.md'); // only the first is left; it answers both
      expect([(await held).html, next.html]).toEqual(['<p>0</p>', '<p>2</p>']);
    } finally {
      await twoWorkers.close();
    }
  });

  it('when none is left, later files fail at once instead of waiting', async () => {
    const oneWorker = createRenderPool(1, misbehaving);
    await expect(oneWorker.render('crash', 'a.md')).rejects.toThrow('the worker crashed');
    await expect(oneWorker.render('next', 'b.md')).rejects.toThrow('the worker crashed');
    await oneWorker.close();
  });

  it('a render that throws is that file’s failure only', async () => {
    const oneWorker = createRenderPool(1, misbehaving);
    await expect(oneWorker.render('throw', 'a.md')).rejects.toThrow('the render failed');
    expect((await oneWorker.render('next', 'b.md')).html).toBe('<p>1</p>');
    await oneWorker.close();
  });

  it('closed with files in flight (the build stopped on another file), fails them instead of leaving them waiting', async () => {
    const oneWorker = createRenderPool(1, misbehaving);
    const held = expect(oneWorker.render('hold', 'a.md')).rejects.toThrow('the render pool is closed');
    await oneWorker.close();
    await held;
    await expect(oneWorker.render('next', 'b.md')).rejects.toThrow('the render pool is closed');
  });
});
