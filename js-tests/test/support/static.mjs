// A static file server on 127.0.0.1 for the browser suites and bench/web.mjs: `root`'s files
// by path (`/` is index.html), 404 for the rest, never a file outside `root`.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.html': 'text/html' };

/** Listens on a free port; `headers` go with every file, `served` (a Set) collects their paths. */
export function serveStatic(root, { headers = {}, served } = {}) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = normalize(join(root, decodeURIComponent(path.endsWith('/') ? `${path}index.html` : path)));
    if (!file.startsWith(normalize(root))) return res.writeHead(403).end();
    let body;
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    served?.add(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...headers }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}
