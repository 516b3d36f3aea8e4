/**
 * Starts nginx (Debian's package) on loopback ports with the config in tests/nginx/, serving each built
 * site under its base path; `stop()` ends it and removes its temporary folder.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
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

/** `_headers` (Netlify/Cloudflare format) as rules: a path pattern and its headers. */
function readHeadersFile(dir: string): { path: string; headers: [string, string][] }[] {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return [];
  const rules: { path: string; headers: [string, string][] }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else rules.at(-1)!.headers.push(line.trim().split(/:\s*(.*)/s).slice(0, 2) as [string, string]);
  }
  return rules;
}

/** nginx `add_header` lines for the site-wide rule, and a location per narrower rule (which must repeat them). */
function headerConfig(dir: string, base: string): { headers: string; locations: string } {
  const rules = readHeadersFile(dir);
  const addHeaders = (headers: [string, string][], indent: string) =>
    headers.map(([name, value]) => `${indent}add_header ${name} "${value.replace(/"/g, '\\"')}" always;`).join('\n');
  const global = rules.find((rule) => rule.path === `${base}*`)?.headers ?? [];
  const locations = rules
    .filter((rule) => rule.path !== `${base}*` && rule.path.endsWith('/*'))
    .map((rule) => `    location ${rule.path.slice(0, -1)} {\n${addHeaders([...global, ...rule.headers], '      ')}\n    }`);
  return { headers: addHeaders(global, '    '), locations: locations.join('\n') };
}
const template = (name: string) => readFileSync(new URL(`../nginx/${name}`, import.meta.url), 'utf8');
const fill = (text: string, fields: Record<string, string>) => text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => fields[key]);

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => done(socket.end() && true));
    socket.once('error', () => done(false));
  });
}

/** Whether the server on `site`'s port is this run's nginx: it answers the run's token. */
async function serving(site: ServedSite, token: string): Promise<boolean> {
  try {
    return (await (await fetch(`http://127.0.0.1:${site.port}${site.base}__ready`)).text()) === token;
  } catch {
    return false;
  }
}

export async function startNginx(sites: ServedSite[]): Promise<{ stop: () => Promise<void> }> {
  for (const site of sites) {
    if (await portOpen(site.port)) throw new Error(`port ${site.port} is already in use: stop what listens there, or move the tests' ports with TEST_PORT=<the first of eight free ports>`);
  }
  const token = randomUUID();
  const temp = mkdtempSync(join(tmpdir(), 'broadsheet-nginx-'));
  const servers = sites.map((site, index) => {
    let root = resolve(site.dir);
    if (site.base !== '/') {
      // Serve the folder at the base path: <root>/news → the build folder.
      root = join(temp, `www-${index}`);
      mkdirSync(join(root, site.base, '..'), { recursive: true });
      symlinkSync(resolve(site.dir), join(root, site.base.replace(/\/$/, '')));
    }
    const { headers, locations } = headerConfig(site.dir, site.base);
    return fill(template('site.conf'), { TOKEN: token, PORT: String(site.port), ROOT: root, BASE: site.base, HEADERS: headers, LOCATIONS: locations });
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
    while (!(await serving(site, token))) {
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
