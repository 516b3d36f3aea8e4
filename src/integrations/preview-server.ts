/**
 * The server behind `npm run preview` (./static-preview.ts hands it to Astro): the built folder served as the
 * static hosts in the README serve it. Every response carries the headers the build wrote to `_headers` (the
 * Content-Security-Policy, `/_astro/*` cached for a year…), `folder/` is `folder/index.html`, `/folder` is
 * redirected to `/folder/`, and anything missing gets `404.html` with status 404, all under the base path.
 *
 * Astro imports this file with Node itself, not through Vite: only `node:` modules, types, and ../lib/util/urls.ts,
 * which imports nothing, named with its `.ts` (Node resolves no extensionless path).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CreatePreviewServer } from 'astro';
import { withTrailingSlash } from '../lib/util/urls.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** Files that tell the host what to do, which hosts do not publish. */
const HOST_FILES = new Set(['_headers', '_redirects']);

interface HeaderRule {
  path: RegExp;
  headers: [name: string, value: string][];
}

/** Netlify's and Cloudflare Pages' `_headers`: a path (`*` matches anything), then indented `Name: value` lines. */
function readHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const path = line.trim().split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
      rules.push({ path: new RegExp(`^${path}$`), headers: [] });
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) rules.at(-1)?.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

const startPreviewServer: CreatePreviewServer = async ({ outDir, host, port, base, logger, headers = {} }) => {
  const root = fileURLToPath(outDir);
  const prefix = withTrailingSlash(base);
  const headersFile = join(root, '_headers');
  const rules = existsSync(headersFile) ? readHeadersFile(readFileSync(headersFile, 'utf8')) : [];
  if (rules.length === 0) logger.warn(`no _headers in ${root}: pages are served without the site's headers`);

  /** The file a path names, if it lies inside the built folder. */
  const fileOf = (pathname: string): string | undefined => {
    if (!pathname.startsWith(prefix)) return undefined;
    const file = join(root, pathname.slice(prefix.length));
    const inside = relative(root, file);
    return inside.startsWith('..') || inside.split(sep).some((part) => HOST_FILES.has(part)) ? undefined : file;
  };

  const send = (request: IncomingMessage, response: ServerResponse, status: number, file: string) => {
    response.writeHead(status, { 'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': statSync(file).size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://preview');
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value);
    for (const rule of rules) if (rule.path.test(url.pathname)) for (const [name, value] of rule.headers) response.setHeader(name, value);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end();
      return;
    }
    const file = fileOf(pathname) ?? (`${pathname}/` === prefix ? root : undefined);
    const stats = file ? statSync(file, { throwIfNoEntry: false }) : undefined;
    if (file && stats?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      if (existsSync(join(file, 'index.html'))) return send(request, response, 200, join(file, 'index.html'));
    } else if (file && stats?.isFile()) {
      return send(request, response, 200, file);
    }
    const notFound = join(root, '404.html');
    if (existsSync(notFound)) return send(request, response, 404, notFound);
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
  });

  // No host (`--host`): every address, as Astro's own preview server listens.
  await new Promise<void>((listening, fail) => server.once('error', fail).listen(port, host, () => listening()));
  const hostname = host ?? 'localhost';
  const local = `http://${hostname}:${port}${prefix}`;
  logger.info(`serving ${relative(process.cwd(), root) || '.'} as a static host would, with the headers of _headers, at ${local}`);
  const closed = new Promise<void>((done) => server.once('close', () => done()));
  return {
    host: hostname,
    port,
    urls: { local: [local], network: [] },
    closed: () => closed,
    stop: () => new Promise<void>((done) => server.close(() => done())),
  };
};

export default startPreviewServer;
