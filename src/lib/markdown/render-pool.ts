/**
 * Renders Markdown on worker threads, one per core, for builds with many files to render: parsing
 * Markdown is most of a cold build, and each file is independent. Node runs the TypeScript worker itself
 * (type stripping), which is why this folder's imports name their `.ts` files, as do the files they reach
 * in ../content/ and ../util/.
 */
import { Worker } from 'node:worker_threads';
import type { BodyWords, RenderedMarkdown } from './processor.ts';

type Settle = { resolve: (rendered: RenderedMarkdown) => void; reject: (error: Error) => void };

export interface RenderPool {
  render(markdown: string, path: string, words?: BodyWords): Promise<RenderedMarkdown>;
  close(): Promise<void>;
}

/** @param script the worker to run (tests give one that crashes on demand) */
export function createRenderPool(size: number, script = new URL('./render-worker.ts', import.meta.url)): RenderPool {
  /** Each live worker's files in flight: a worker that stops fails its own files, and no other's. */
  const workers = new Map<Worker, Map<number, Settle>>();
  let jobs = 0;
  let lastFailure: Error | undefined;

  const stop = (worker: Worker, error: Error) => {
    const pending = workers.get(worker);
    if (!pending) return;
    workers.delete(worker);
    lastFailure = error;
    for (const settle of pending.values()) settle.reject(error);
  };

  for (let index = 0; index < size; index++) {
    const worker = new Worker(script);
    const pending = new Map<number, Settle>();
    workers.set(worker, pending);
    worker.on('message', ({ job, rendered, error }: { job: number; rendered?: RenderedMarkdown; error?: string }) => {
      const settle = pending.get(job);
      pending.delete(job);
      if (error === undefined) settle?.resolve(rendered!);
      else settle?.reject(new Error(error));
    });
    worker.on('error', (error) => stop(worker, error));
    // A worker can also end without an error event (process.exit inside it): its files must not wait forever.
    worker.on('exit', (code) => stop(worker, new Error(`a Markdown render worker stopped (exit code ${code})`)));
  }

  return {
    render(markdown, path, words) {
      if (workers.size === 0) return Promise.reject(lastFailure ?? new Error('the render pool is closed'));
      const job = jobs++;
      // The least busy worker takes the file: bodies differ in length, so a strict rotation would idle one.
      const [worker, pending] = [...workers].reduce((least, entry) => (entry[1].size < least[1].size ? entry : least));
      return new Promise((resolve, reject) => {
        pending.set(job, { resolve, reject });
        worker.postMessage({ job, markdown, path, words });
      });
    },
    async close() {
      const running = [...workers.keys()];
      // Files still in flight (the build stopped on another file) fail rather than wait forever.
      for (const worker of running) stop(worker, new Error('the render pool is closed'));
      await Promise.all(running.map((worker) => worker.terminate()));
    },
  };
}
