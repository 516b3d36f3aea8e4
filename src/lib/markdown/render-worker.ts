// A worker thread of the render pool (render-pool.ts): renders the Markdown it is sent, one file at a time.
import { parentPort } from 'node:worker_threads';
import { renderMarkdown } from './processor.ts';

parentPort!.on('message', async ({ job, markdown, path }: { job: number; markdown: string; path?: string }) => {
  try {
    parentPort!.postMessage({ job, rendered: await renderMarkdown(markdown, path) });
  } catch (error) {
    parentPort!.postMessage({ job, error: error instanceof Error ? error.message : String(error) });
  }
});
