/** Servers the build tests start (`npm run dev`, `npm run preview`): started, awaited and stopped by process id. */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import { buildEnvironment, projectRoot } from './build-site';

export interface Server {
  process: ChildProcess;
  port: number;
  /** Everything it printed so far, colours removed. */
  output(): string;
}

/**
 * `npm run <script> -- --port <port> [args]` (the lock file Astro keeps per project is ignored, so a developer's
 * own server does not stop the tests). In a process group of its own, which `stopServer` ends whatever happens.
 */
export function startScript(script: 'dev' | 'preview', port: number, { env = {}, args = [] }: { env?: Record<string, string>; args?: string[] } = {}): Server {
  const child = spawn('npm', ['run', script, '--', '--port', String(port), '--ignore-lock', ...args], {
    cwd: projectRoot,
    env: { ...buildEnvironment(), ...env },
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  return { process: child, port, output: () => stripVTControlCharacters(output) };
}

/** Ends the server's whole process group (npm, and whatever it started). */
export function stopServer(server: Server | undefined): void {
  try {
    if (server?.process.pid) process.kill(-server.process.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/**
 * Polls `check` until it returns a value other than undefined, or fails with `what` at the deadline, or at
 * once when the server it waits on has exited.
 */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, { timeoutMs = 30_000, server }: { timeoutMs?: number; server?: Server } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    const exit = server?.process.exitCode ?? server?.process.signalCode;
    if (exit != null) throw new Error(`The server exited (${exit}) while waiting for ${what}:\n${server!.output()}`);
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${server ? `:\n${server.output()}` : ''}`);
    await new Promise((next) => setTimeout(next, 200));
  }
}

/** Stops npm as a process manager would (SIGTERM to its process id); resolves once the port is free. */
export async function terminateNpm(server: Server): Promise<void> {
  process.kill(server.process.pid!, 'SIGTERM');
  await eventually(`port ${server.port} to be free once npm is stopped`, async () => ((await listening(server.port)) ? undefined : true), { timeoutMs: 15_000 });
}

/** Whether anything accepts connections on the port (loopback). */
export function listening(port: number): Promise<boolean> {
  return new Promise((answer) => {
    const socket = connect({ port, host: 'localhost' });
    socket.once('connect', () => {
      socket.destroy();
      answer(true);
    });
    socket.once('error', () => answer(false));
  });
}

export interface Page {
  status: number;
  headers: Headers;
  text: string;
}

/** A page as the server sends it, once it answers at all. */
export function page(server: Server, path: string): Promise<Page> {
  return eventually(`http://localhost:${server.port}${path} to answer`, async () => {
    const response = await fetch(`http://localhost:${server.port}${path}`);
    return { status: response.status, headers: response.headers, text: await response.text() };
  }, { timeoutMs: 90_000, server });
}

/** Polls a page until `ready` holds for it (the server rebuilds it from changed files meanwhile). */
export function pageWhen(server: Server, path: string, what: string, ready: (page: Page) => boolean): Promise<Page> {
  return eventually(what, async () => {
    const answer = await page(server, path);
    return ready(answer) ? answer : undefined;
  }, { server });
}
