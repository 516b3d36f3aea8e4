import { afterAll, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/processor';
import { createRenderPool } from '../../src/lib/markdown/render-pool';

const pool = createRenderPool(2);
afterAll(() => pool.close());

it('renders on worker threads exactly as in the main thread', async () => {
  const bodies = Array.from({ length: 20 }, (_, index) => `## Part ${index}\n\n"Quoted" -- <b onclick="x()">raw</b> ![A chart](./chart-${index}.png "Caption | Credit")`);
  const onWorkers = await Promise.all(bodies.map((body) => pool.render(body, '/no/such/folder/article.md')));
  const here = await Promise.all(bodies.map((body) => renderMarkdown(body, '/no/such/folder/article.md')));
  expect(onWorkers).toEqual(here);
  expect(onWorkers[3].html).toContain('<h2 id="user-content-part-3">Part 3</h2>');
});
