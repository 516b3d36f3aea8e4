/**
 * A plain static file server for the end-to-end tests, behaving as static hosts do: `dir/` → `dir/index.html`,
 * `dir` → redirect to `dir/`, anything missing → the site's `404.html` with status 404. Run: `node static-server.ts <root> <port>`.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.txt': 'text/plain; charset=utf-8',
};

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

export function serve(root: string, port: number) {
  const base = resolve(root);
  return createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
    if (!path.endsWith('/') && (await isFile(join(base, path, 'index.html')))) {
      response.writeHead(301, { Location: `${path}/` }).end();
      return;
    }
    const candidate = join(base, path, path.endsWith('/') ? 'index.html' : '');
    const found = candidate.startsWith(base) && (await isFile(candidate));
    const file = found ? candidate : join(base, '404.html');
    response.writeHead(found ? 200 : 404, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  }).listen(port, '127.0.0.1');
}

if (import.meta.main) {
  const [root, port] = process.argv.slice(2);
  serve(root, Number(port));
}
