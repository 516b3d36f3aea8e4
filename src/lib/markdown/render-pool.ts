/**
 * Renders Markdown on worker threads, one per core, for builds with many files to render: parsing
 * Markdown is most of a cold build, and each file is independent. Node runs the TypeScript worker itself
 * (type stripping), which is why this folder's imports name their `.ts` files.
 */
import { Worker } from 'node:worker_threads';
import type { RenderedMarkdown } from './processor.ts';

type Settle = { resolve: (rendered: RenderedMarkdown) => void; reject: (error: Error) => void };

export interface RenderPool {
  render(markdown: string, path: string): Promise<RenderedMarkdown>;
  close(): Promise<void>;
}

export function createRenderPool(size: number): RenderPool {
  const pending = new Map<number, Settle>();
  const inFlight = new Map<Worker, number>();
  let jobs = 0;
  // A worker that crashed takes its queue with it: every file after that fails too, rather than waiting forever.
  let failure: Error | undefined;
  const script = new URL('./render-worker.ts', import.meta.url);
  for (let index = 0; index < size; index++) {
    const worker = new Worker(script);
    worker.on('message', ({ job, rendered, error }: { job: number; rendered?: RenderedMarkdown; error?: string }) => {
      inFlight.set(worker, inFlight.get(worker)! - 1);
      const settle = pending.get(job)!;
      pending.delete(job);
      if (error === undefined) settle.resolve(rendered!);
      else settle.reject(new Error(error));
    });
    worker.on('error', (error) => {
      failure = error;
      for (const settle of pending.values()) settle.reject(error);
      pending.clear();
    });
    inFlight.set(worker, 0);
  }
  return {
    render(markdown, path) {
      if (failure) return Promise.reject(failure);
      const job = jobs++;
      // The least busy worker takes the file: bodies differ in length, so a strict rotation would idle one.
      const [worker] = [...inFlight].reduce((least, entry) => (entry[1] < least[1] ? entry : least));
      inFlight.set(worker, inFlight.get(worker)! + 1);
      return new Promise((resolve, reject) => {
        pending.set(job, { resolve, reject });
        worker.postMessage({ job, markdown, path });
      });
    },
    async close() {
      await Promise.all([...inFlight.keys()].map((worker) => worker.terminate()));
    },
  };
}
