// End-to-end, the web lessons: their servers listen in the page and the browser reaches them
// through the real Service Worker (dist/sw.js) with real fetches, the app served under a
// sub-path only. Status, headers and bodies, 404/405, streamed chunks arriving over time,
// awaiting against blocking handlers (measured), the client pane and its load generator,
// Stop in the middle of a request, every web lesson judged right through the worker, and a
// server lesson embedded in a course page.
// Usage: node tests/e2e/web.mjs [dist-dir]
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { APP_PATH, runE2e } from './serve.mjs';
import { WEB_LESSONS } from './web-lessons.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '../../dist'));

const rowsOf = (page) => page.$$eval('[data-testid=output-row]', (rs) => rs.map((r) =>
  [...r.querySelectorAll('span')].map((s) => s.textContent).join(' ')));
const finishedOrServing = (page, count) => page.waitForFunction(
  (n) => document.querySelectorAll('[data-testid=output-row]').length >= n, count, { timeout: 30000 });

/** The browser URL of the lesson's server, as the client pane shows it. */
async function serverUrl(page) {
  await page.waitForFunction(() => /\/http\//.test(document.querySelector('[data-testid=http-route]')?.textContent ?? ''));
  const text = await page.textContent('[data-testid=http-route]');
  return text.slice(text.indexOf('http://'));
}

const COURSE_PAGE = `<!doctype html>
<meta charset="utf-8"><title>A course page</title>
<h1>Web apps: ASGI</h1>
<iframe id="lesson" src="${APP_PATH}#/embed/asgi-app" title="Loopscope" style="width:100%;border:0" height="600"></iframe>
<script>
  const frame = document.getElementById('lesson');
  window.received = [];
  addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    window.received.push(event.data);
  });
  window.runLesson = () => frame.contentWindow.postMessage({ type: 'loopscope:run', clock: 'instant' }, '*');
</script>`;

await runE2e(dist, { '/web-course-page.html': COURSE_PAGE }, async ({ base, origin, browser, problems }) => {
  // One context (one browser profile) for the app's tabs: they share the Service Worker.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A request to a server that stopped fails on purpose below, and the lessons ask for
    // refusals (404, 405, 422, a 500); Chromium logs each.
    if (m.type() === 'error' && !/Failed to fetch|net::ERR_FAILED|404|405|422|500/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });

  // 1. ASGI on the virtual clock: the lesson's own client asks through the Service Worker.
  await page.goto(`${base}#/lesson/asgi-app`);
  await page.waitForSelector('[data-testid=run]');
  await page.click('[data-testid=clock-instant]');
  await page.click('[data-testid=run]');
  await finishedOrServing(page, 2);
  assert.deepEqual(await rowsOf(page), ['+10 ms Task-1 200 text/plain', '+10 ms Task-1 Hello, world!']);
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-matches'), 'true');
  const controlled = await page.evaluate(() => Boolean(navigator.serviceWorker.controller));
  assert.ok(controlled, 'the page is controlled by the Service Worker');
  const url = await serverUrl(page);
  assert.ok(url.startsWith(`${base}http/`), `the server's browser URL is under the app: ${url}`);

  // 2. A real fetch of that URL from the page: status, headers, body.
  const fetched = await page.evaluate(async (u) => {
    const r = await fetch(u);
    return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
  }, url);
  assert.deepEqual(fetched, { status: 200, type: 'text/plain', body: 'Hello, world!' });
  // ...and from another tab, which is a different client of the same worker.
  const other = await context.newPage(); // same profile: the same worker
  await other.goto(`${base}samples/pages/hello.html`);
  const fromOtherTab = await other.evaluate(async (u) => `${Boolean(navigator.serviceWorker.controller)} ${await (await fetch(u)).text()}`, url);
  assert.equal(fromOtherTab, 'true Hello, world!');
  await other.close();

  // 3. The client pane sends one by hand.
  await page.fill('[data-testid=http-path]', '/anything?x=1');
  await page.click('[data-testid=http-send]');
  await page.waitForSelector('[data-testid=http-time]');
  assert.equal(await page.getAttribute('[data-testid=http-status]', 'data-status'), '200');
  assert.equal(await page.textContent('[data-testid=http-body]'), 'Hello, world!');
  await page.screenshot({ path: join(here, 'artifacts', 'asgi-app-client.png'), fullPage: true });

  // 4. Routing through the worker: 404 and 405 are real statuses, with Starlette's bodies.
  await page.click('[data-testid=lesson-starlette-routes]');
  await page.click('[data-testid=run]');
  await finishedOrServing(page, 4);
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-matches'), 'true');
  const routes = await serverUrl(page);
  const statuses = await page.evaluate(async (u) => {
    const ask = async (method, path) => { const r = await fetch(u + path, { method }); return `${method} ${path} ${r.status} ${await r.text()}`; };
    return [await ask('GET', 'about/%E5%BC%A0%E4%B8%89'), await ask('GET', 'nope'), await ask('DELETE', '')];
  }, routes);
  assert.deepEqual(statuses, ['GET about/%E5%BC%A0%E4%B8%89 200 张三', 'GET nope 404 Not Found', 'DELETE  405 Method Not Allowed']);

  // 4b. The whole Starlette app through the worker: its lifespan lines around the requests,
  // a static file and a missing one, the WebSocket's message; the I/O panel says what each
  // request was answered with.
  await page.click('[data-testid=lesson-starlette-app]');
  await page.click('[data-testid=run]');
  await finishedOrServing(page, 8);
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-matches'), 'true');
  // (Through the worker each request is two rows: the client's fetch and the server's request.)
  const answered = await page.$$eval('[data-testid=io-row]', (rs) => rs
    .filter((r) => r.querySelector('.io-kind').textContent === 'http')
    .map((r) => r.querySelector('[data-testid=io-status]')?.dataset.status));
  assert.deepEqual(answered, ['200', '200', '200', '200', '404'], 'the I/O panel lists each request with its status');

  // 4c. The static page server: another tab opens the page as a document, rendered by the
  // browser from what the page's aiohttp handler read and sent.
  await page.click('[data-testid=lesson-aiohttp-static-page]');
  await page.click('[data-testid=run]');
  await finishedOrServing(page, 4);
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-matches'), 'true');
  const site = await serverUrl(page);
  const reader = await context.newPage();
  const opened = await reader.goto(site);
  assert.equal(opened.status(), 200);
  assert.equal(opened.headers()['content-type'], 'text/html; charset=utf-8');
  assert.equal(await reader.textContent('h1'), 'Hello from index.html');
  assert.equal(await reader.title(), 'A static page');
  await reader.close();

  // 4c'. The same listing's Python, edited (one more route) and run on the interpreter: the
  // handler is the program's coroutine, reading index.html with open(), and it answers the
  // browser's own requests through the worker; a POST gets aiohttp's 405.
  await page.click('[data-testid=edit-python]');
  const listing = await page.inputValue('[data-testid=python-editor]');
  assert.ok(listing.includes("app.router.add_get('/', handle)"), 'the editor holds the listing');
  await page.fill('[data-testid=python-editor]', listing.replace("app.router.add_get('/', handle)",
    "app.router.add_get('/', handle)\napp.router.add_get('/python/{name}', handle)"));
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid=output-row]')].map((r) => r.textContent);
    return rows.length >= 4 && rows.some((r) => r.includes('Hello from index.html'));
  }, null, { timeout: 30000 });
  const interpreted = await page.evaluate(async (u) => {
    const ask = async (method, path) => {
      const r = await fetch(u + path, { method });
      const body = await r.text();
      return `${method} ${path} ${r.status} ${r.headers.get('content-type')} ${body.includes('<h1>Hello from index.html</h1>') ? 'the page' : body}`;
    };
    return [await ask('GET', 'python/ann'), await ask('POST', ''), await ask('GET', 'nope')];
  }, site);
  assert.deepEqual(interpreted, [
    'GET python/ann 200 text/html; charset=utf-8 the page',
    'POST  405 text/plain; charset=utf-8 405: Method Not Allowed',
    'GET nope 404 text/plain; charset=utf-8 404: Not Found',
  ]);
  await page.click('[data-testid=stop]');
  await page.click('[data-testid=restore-python]');
  console.log('aiohttp.web on the interpreter: the edited listing\'s routes answer the browser through the worker');

  // 4d. JSON through the worker, and a handler that raises: a malformed body makes
  // `request.json()` raise, the client gets a 500 and the output the traceback's lines.
  await page.click('[data-testid=lesson-starlette-background]');
  await page.click('[data-testid=run]');
  await finishedOrServing(page, 2);
  const signup = await serverUrl(page);
  const posted = await page.evaluate(async (u) => {
    const post = async (body) => {
      const r = await fetch(u + 'user/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      return [r.status, r.headers.get('content-type'), await r.text()];
    };
    return [await post('{"username": "bo", "email": "bo@example.com"}'), await post('{nope')];
  }, signup);
  assert.deepEqual(posted, [
    [200, 'application/json', '{"status":"Signup successful"}'],
    [500, 'text/plain; charset=utf-8', 'Internal Server Error'],
  ]);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=output-row]')]
    .some((r) => r.textContent.includes('JSONDecodeError: Expecting property name enclosed in double quotes')));
  const output = (await rowsOf(page)).join('\n');
  assert.match(output, /ERROR: {4}Exception in ASGI application/);

  // 5. Streaming on the real clock: the chunks arrive half a second apart.
  await page.click('[data-testid=lesson-starlette-streaming]');
  await page.click('[data-testid=clock-real]');
  await page.click('[data-testid=run]');
  const streaming = await serverUrl(page);
  const arrivals = await page.evaluate(async (u) => {
    const start = performance.now();
    const reader = (await fetch(u)).body.getReader();
    const times = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      times.push([Math.round(performance.now() - start), new TextDecoder().decode(value)]);
    }
    return times;
  }, streaming);
  const text = arrivals.map(([, t]) => t).join('');
  assert.ok(text.includes('<li>10</li>') && text.endsWith('</ul></body></html>\n'), text);
  const spread = arrivals[arrivals.length - 1][0] - arrivals[0][0];
  assert.ok(arrivals.length >= 8 && spread >= 4000 && spread < 7000,
    `chunks arrive over time: ${arrivals.length} reads over ${spread} ms`);
  console.log(`streaming through the worker: ${arrivals.length} reads over ${spread} ms`);
  await finishedOrServing(page, 12);
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-matches'), 'true');

  // 6. Awaiting against blocking, measured through the worker on the real clock: three
  // requests at once take about one delay on /red and three on /block.
  await page.click('[data-testid=lesson-fastapi-red]');
  await page.click('[data-testid=run]');
  await finishedOrServing(page, 14);
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-matches'), 'true');
  const red = await serverUrl(page);
  const took = await page.evaluate(async (u) => {
    const three = async (path) => {
      const start = performance.now();
      await Promise.all([0, 1, 2].map(async () => (await fetch(u + path)).text()));
      return Math.round(performance.now() - start);
    };
    return { red: await three('red'), block: await three('block') };
  }, red);
  assert.ok(took.red >= 2950 && took.red < 4500, `3 requests to /red: ${took.red} ms`);
  assert.ok(took.block >= 8950 && took.block < 11500, `3 requests to /block: ${took.block} ms`);
  console.log(`through the worker: 3 × /red ${took.red} ms, 3 × /block ${took.block} ms`);

  // 7. The load generator: 6 clients at once on /red, each answered in about 3 s.
  await page.fill('[data-testid=http-path]', '/red');
  await page.fill('[data-testid=load-clients]', '6');
  await page.fill('[data-testid=load-each]', '1');
  await page.click('[data-testid=load-go]');
  await page.waitForSelector('[data-testid=load-report][data-answered="6"]', { timeout: 15000 });
  const report = await page.textContent('[data-testid=load-report]');
  assert.match(report, /^6 requests · in 3\d\d\d ms · .* 200 ×6$/, report);
  await page.fill('[data-testid=load-clients]', '500');
  await page.click('[data-testid=load-go]');
  assert.match(await page.textContent('[data-testid=load-report]'), /Clients: 1–50/);
  await page.screenshot({ path: join(here, 'artifacts', 'fastapi-red-load.png'), fullPage: true });

  // 8. Stop in the middle of a request: the client sees the connection break, and the
  // server's port is closed afterwards.
  const broken = page.evaluate(async (u) => {
    try {
      const r = await fetch(u + 'red');
      await r.text();
      return 'answered';
    } catch (e) {
      return `failed: ${e.name}`;
    }
  }, red);
  await page.waitForTimeout(500);
  await page.click('[data-testid=stop]');
  assert.equal(await broken, 'failed: TypeError');
  const afterStop = await page.evaluate(async (u) => {
    try { await fetch(u); return 'answered'; } catch (e) { return `failed: ${e.name}`; }
  }, red);
  assert.equal(afterStop, 'failed: TypeError', 'nothing listens once the lesson stopped');
  assert.equal(await page.locator('[data-testid=io-row][data-state=running]').count(), 0,
    'after Stop no request is left in flight');
  await page.click('[data-testid=http-send]');
  await page.waitForSelector('[data-testid=http-error]');
  console.log(`stop mid-request: the client saw ${await broken}; the pane says: ${await page.textContent('[data-testid=http-error]')}`);

  // 9a. Every web lesson through the worker, each judged right by the page: the virtual clock
  // where the lesson allows it (wsgi-app's thread is a Web Worker: the real clock).
  for (const id of WEB_LESSONS) {
    await page.click(`[data-testid=lesson-${id}]`);
    await page.waitForFunction((want) => document.querySelector('[data-testid=lesson]')?.dataset.lesson === want
      && !document.querySelector('[data-testid=verdict][data-matches]:not([data-matches="n/a"])'), id);
    await page.click(await page.isEnabled('[data-testid=clock-instant]') ? '[data-testid=clock-instant]' : '[data-testid=clock-real]');
    await page.click('[data-testid=run]');
    await page.waitForSelector('[data-testid=verdict][data-matches=true]', { timeout: 20000 });
    assert.match(await page.textContent('[data-testid=http-route]'), /Service Worker/, id);
    if (await page.isEnabled('[data-testid=stop]')) await page.click('[data-testid=stop]');
  }
  console.log(`all ${WEB_LESSONS.length} web lessons judged right through the worker`);

  // 9. A server lesson embedded in a course page (a frame of another page, same site).
  const host = await browser.newPage({ viewport: { width: 900, height: 800 } });
  host.on('pageerror', (e) => problems.push(`course page error: ${e.message}`));
  await host.goto(`${origin}web-course-page.html`);
  await host.waitForFunction(() => window.received.some((m) => m.type === 'loopscope:ready'));
  await host.evaluate(() => window.runLesson());
  const frame = host.frameLocator('#lesson');
  await frame.locator('[data-testid=output-row] >> nth=1').waitFor();
  const embedded = await frame.locator('[data-testid=output-row]').allTextContents();
  assert.equal(embedded.length, 2);
  assert.match(embedded[1], /Hello, world!/);
  assert.match(await frame.locator('[data-testid=http-route]').textContent(), /Service Worker/);
  console.log('web e2e ok');
});
