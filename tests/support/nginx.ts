/**
 * Starts nginx (Debian's package) on loopback ports with the config in tests/nginx/, serving each built
 * site under its base path; `stop()` ends it and removes its temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface ServedSite {
  port: number;
  /** The built site folder. */
  dir: string;
  /** `/` or a sub-folder such as `/news/`. */
  base: string;
}

const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';
const template = (name: string) => readFileSync(new URL(`../nginx/${name}`, import.meta.url), 'utf8');
const fill = (text: string, fields: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => fields[key]);

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => done(socket.end() && true));
    socket.once('error', () => done(false));
  });
}

export async function startNginx(sites: ServedSite[]): Promise<{ stop: () => Promise<void> }> {
  const temp = mkdtempSync(join(tmpdir(), 'broadsheet-nginx-'));
  const servers = sites.map((site, index) => {
    let root = resolve(site.dir);
    if (site.base !== '/') {
      // Serve the folder at the base path: <root>/news → the build folder.
      root = join(temp, `www-${index}`);
      mkdirSync(join(root, site.base, '..'), { recursive: true });
      symlinkSync(resolve(site.dir), join(root, site.base.replace(/\/$/, '')));
    }
    return fill(template('site.conf'), { PORT: String(site.port), ROOT: root, BASE: site.base });
  });
  const config = join(temp, 'nginx.conf');
  writeFileSync(
    config,
    fill(template('nginx.conf'), {
      TEMP: temp,
      // As root, workers would drop to "nobody", who may not be able to read the checkout.
      USER: process.getuid?.() === 0 ? 'user root;' : '',
      SERVERS: servers.join('\n'),
    }),
  );

  const check = spawnSync(NGINX, ['-t', '-q', '-p', temp, '-c', config], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx rejected ${config}:\n${check.stderr}`);
  const nginx = spawn(NGINX, ['-p', temp, '-c', config, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  nginx.stderr.on('data', (chunk) => (stderr += chunk));

  const deadline = Date.now() + 10_000;
  for (const site of sites) {
    while (!(await portOpen(site.port))) {
      if (nginx.exitCode !== null || Date.now() > deadline) throw new Error(`nginx did not start on port ${site.port}: ${stderr}`);
      await new Promise((wait) => setTimeout(wait, 50));
    }
  }

  return {
    stop: async () => {
      const exited = new Promise((done) => nginx.once('exit', done));
      nginx.kill('SIGQUIT');
      await exited;
      rmSync(temp, { recursive: true, force: true });
    },
  };
}
