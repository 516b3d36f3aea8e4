// A render worker for the pool's tests: echoes what it is sent, and misbehaves on request, without timers.
import { parentPort } from 'node:worker_threads';

let held: number | undefined;

parentPort!.on('message', ({ job, markdown }: { job: number; markdown: string }) => {
  const reply = (to: number) => parentPort!.postMessage({ job: to, rendered: { html: `<p>${to}</p>`, pictures: [] } });
  if (markdown === 'throw') return parentPort!.postMessage({ job, error: 'the render failed' });
  if (markdown === 'crash') throw new Error('the worker crashed');
  if (markdown === 'exit') process.exit(3);
  // 'hold' is answered only with the next file, so it is in flight while another worker misbehaves.
  if (markdown === 'hold') return void (held = job);
  if (held !== undefined) reply(held);
  held = undefined;
  reply(job);
});
