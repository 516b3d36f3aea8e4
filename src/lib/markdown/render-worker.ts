// A worker thread of the render pool (render-pool.ts): renders the Markdown it is sent, one file at a time.
import { parentPort } from 'node:worker_threads';
import { renderMarkdown, type BodyWords } from './processor.ts';

parentPort!.on('message', async ({ job, markdown, path, words }: { job: number; markdown: string; path?: string; words?: BodyWords }) => {
  try {
    parentPort!.postMessage({ job, rendered: await renderMarkdown(markdown, path, undefined, words) });
  } catch (error) {
    parentPort!.postMessage({ job, error: error instanceof Error ? error.message : String(error) });
  }
});
