// What every end-to-end script needs: the release build served on localhost as a course author
// would host it (plus any extra pages), and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png' };

/** Serves `dist` (and `pages`, path → HTML) on a free port; returns { base, close }. */
export async function serve(dist, pages = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (pages[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
      return;
    }
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { base: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Headless Debian Chromium, with nothing that would reach the network. */
export function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Runs one end-to-end script: serves `dist` (with `pages`), launches the browser, calls
 * `body({ base, browser, problems })` and exits 1 if it threw or a page logged a problem.
 */
export async function runE2e(dist, pages, body) {
  const server = await serve(dist, pages);
  const browser = await launch();
  const problems = [];
  let failed = false;
  try {
    await body({ base: server.base, browser, problems });
    if (problems.length) throw new Error(`the page logged errors:\n${problems.join('\n')}`);
  } catch (error) {
    failed = true;
    console.error(error);
  } finally {
    await browser.close();
    server.close();
  }
  process.exit(failed ? 1 : 0);
}
