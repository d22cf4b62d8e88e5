// What every end-to-end script needs: the release build served on localhost as a course author
// would host it (plus any extra pages), and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png' };

/**
 * Where the app is hosted: a sub-path, as a course author puts `dist/` on a static host
 * beside the course's own pages. Nothing of the app is served at the site's root, so a URL in
 * the build that is not relative to the page fails the test.
 */
export const APP_PATH = '/course/loopscope/';

/**
 * Serves `dist` under {@link APP_PATH} and `pages` (path → HTML) at their own paths on a free
 * port; returns { base, origin, close }: `base` is the app's address, `origin` the site's.
 */
export async function serve(dist, pages = {}) {
  let brotliServed = 0;
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (pages[path]) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
      return;
    }
    if (!path.startsWith(APP_PATH)) { res.writeHead(404).end('not found'); return; }
    const inside = path.slice(APP_PATH.length);
    const file = join(dist, inside === '' ? 'index.html' : inside);
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    const type = types[extname(file)] ?? 'application/octet-stream';
    // As a static host with precompressed files does: the `.br` beside an asset
    // (scripts/precompress.mjs) when the browser accepts brotli, so the test's page decodes
    // every one of them.
    if (/\bbr\b/.test(req.headers['accept-encoding'] ?? '')) {
      try {
        const body = await readFile(`${file}.br`);
        res.writeHead(200, { 'content-type': type, 'content-encoding': 'br', vary: 'accept-encoding' }).end(body);
        brotliServed += 1;
        return;
      } catch { /* no precompressed twin: the file itself */ }
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}/`;
  return {
    base: `${origin}${APP_PATH.slice(1)}`,
    origin,
    brotliServed: () => brotliServed,
    close: () => server.close(),
  };
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
 * `body({ base, origin, browser, problems })` and exits 1 if it threw or a page logged a
 * problem.
 */
export async function runE2e(dist, pages, body) {
  const server = await serve(dist, pages);
  const browser = await launch();
  const problems = [];
  let failed = false;
  try {
    await body({ base: server.base, origin: server.origin, browser, problems });
    console.log(`${server.brotliServed()} responses served from precompressed .br files`);
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
