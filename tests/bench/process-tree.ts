/**
 * Runs one build as a child process and measures it: wall time, and the peak resident memory of the whole
 * process tree (the build and every worker or helper it starts), sampled from /proc every 100 ms.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';

export interface Run {
  seconds: number;
  /** CPU time (user + system) of the process tree: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  peakRssMb: number;
  /** For each of the options' `marks` seen: seconds from the start to the first output matching it. */
  marks?: Record<string, number>;
}

/** Sum of the resident memory of a process and all its descendants, from /proc. */
export function treeRssKb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
    return rss + children.reduce((sum, child) => sum + treeRssKb(child), 0);
  } catch {
    return 0; // the process ended between two reads
  }
}

/**
 * CPU seconds of this process's children that have ended and been waited for (cutime + cstime, which take
 * in their own waited-for children): the difference across one build is the build's whole tree.
 */
function childrenCpuSeconds(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks (USER_HZ, 100 on Linux)
}

export interface TimedOptions {
  cwd: string;
  env?: Record<string, string>;
  /** The command's output is appended here; a failure names this file. */
  log: string;
  /** Names the command in a failure message. */
  label: string;
  /** Output lines to time, by name: where the build's phases end. */
  marks?: [string, RegExp][];
}

/** Runs `command`; fails with a one-line message (no stack) naming the log when it exits non-zero. */
export function timed(command: string, args: string[], options: TimedOptions): Promise<Run> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env };
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = `\n$ ${command} ${args.join(' ')}\n`;
    const marks: Record<string, number> = {};
    const read = (chunk: Buffer) => {
      const recent = log.slice(-200) + chunk; // a line may be split between two chunks
      for (const [name, pattern] of options.marks ?? []) {
        if (!(name in marks) && pattern.test(recent)) marks[name] = (performance.now() - started) / 1000;
      }
      log += chunk;
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, treeRssKb(child.pid!))), 100);
    let finished = false;
    const finish = (failure?: string) => {
      if (finished) return; // a child that cannot start reports both 'error' and 'exit'
      finished = true;
      clearInterval(poll);
      appendFileSync(options.log, log);
      const cpuSeconds = childrenCpuSeconds() - cpuBefore;
      if (failure) fail(new BenchError(`${options.label}: ${failure}; its output is in ${options.log}`));
      else done({ seconds: (performance.now() - started) / 1000, cpuSeconds, peakRssMb: Math.round(peak / 1024), ...(options.marks ? { marks } : {}) });
    };
    child.on('error', (error) => finish(`could not start ${command} (${error.message})`));
    child.on('exit', (code, signal) => (code === 0 ? finish() : finish(`exited with ${code ?? signal}`)));
  });
}

/** A failure the bench explains in one line: printed without a stack trace. */
export class BenchError extends Error {}
