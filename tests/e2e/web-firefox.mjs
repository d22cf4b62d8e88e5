// The web lessons through the real Service Worker in Firefox ESR (geckodriver, WebDriver):
// the same server answers as in Chromium (tests/e2e/web.mjs) — status, headers, 404/405,
// chunks streamed over time, awaiting against blocking (measured), Stop mid-request; and a
// course page's own snippets embedded by URL and by postMessage (snippet-embed.mjs).
// Usage: node tests/e2e/web-firefox.mjs [dist-dir]
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { homedir } from 'node:os';
import assert from 'node:assert/strict';
import { serve } from './serve.mjs';
import { firefox } from './webdriver.mjs';
import { WEB_LESSONS } from './web-lessons.mjs';
import { SNIPPET_PAGE, assertSnippets } from './snippet-embed.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '../../dist'));

// In the page: press a button by its test id, wait for a condition, read the rows and the URL.
const helpers = `
  const press = (id) => document.querySelector('[data-testid=' + id + ']').click();
  const until = async (what, test, ms = 30000) => {
    const start = performance.now();
    while (!test()) {
      if (performance.now() - start > ms) throw new Error('waited ' + ms + ' ms for ' + what);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  };
  const rows = () => [...document.querySelectorAll('[data-testid=output-row]')].map((r) =>
    [...r.querySelectorAll('span')].map((s) => s.textContent).join(' '));
  const serverUrl = async () => {
    await until('the server URL', () => /\\/http\\//.test(document.querySelector('[data-testid=http-route]')?.textContent ?? ''));
    const text = document.querySelector('[data-testid=http-route]').textContent;
    return text.slice(text.indexOf('http://'));
  };
  const open = async (lesson, clock) => {
    press('lesson-' + lesson);
    await until(lesson, () => document.querySelector('[data-testid=lesson]')?.dataset.lesson === lesson);
    press(clock);
    await new Promise((ok) => setTimeout(ok, 50));
    press('run');
  };
`;

const server = await serve(dist, { '/snippet-page.html': SNIPPET_PAGE });
const browser = await firefox({ geckodriver: join(homedir(), '.cargo/bin/geckodriver') });
let failed = false;
try {
  await browser.goto(`${server.base}#/lesson/asgi-app`);
  const version = await browser.script(`async () => navigator.userAgent`);
  const first = await browser.script(`async () => { ${helpers}
    // The catalog is drawn once the page's first screen has been painted.
    await until('the app', () => document.querySelector('[data-testid=lesson-asgi-app]'));
    await open('asgi-app', 'clock-instant');
    await until('two rows', () => rows().length === 2);
    const url = await serverUrl();
    const r = await fetch(url);
    return { rows: rows(), controlled: Boolean(navigator.serviceWorker.controller), url,
      fetched: [r.status, r.headers.get('content-type'), await r.text()],
      verdict: document.querySelector('[data-testid=verdict]').dataset.matches };
  }`);
  assert.deepEqual(first.rows, ['+10 ms Task-1 200 text/plain', '+10 ms Task-1 Hello, world!']);
  assert.ok(first.controlled, 'the page is controlled by the Service Worker');
  assert.ok(first.url.startsWith(`${server.base}http/`), first.url);
  assert.deepEqual(first.fetched, [200, 'text/plain', 'Hello, world!']);
  assert.equal(first.verdict, 'true');

  const routes = await browser.script(`async () => { ${helpers}
    await open('starlette-routes', 'clock-instant');
    await until('four rows', () => rows().length === 4);
    const u = await serverUrl();
    const ask = async (method, path) => { const r = await fetch(u + path, { method }); return method + ' ' + path + ' ' + r.status + ' ' + await r.text(); };
    return [await ask('GET', 'about/Ada'), await ask('GET', 'nope'), await ask('DELETE', '')];
  }`);
  assert.deepEqual(routes, ['GET about/Ada 200 Ada', 'GET nope 404 Not Found', 'DELETE  405 Method Not Allowed']);

  const whole = await browser.script(`async () => { ${helpers}
    await open('starlette-app', 'clock-instant');
    await until('eight rows', () => rows().length === 8);
    const statuses = [...document.querySelectorAll('[data-testid=io-row]')]
      .filter((r) => r.querySelector('.io-kind').textContent === 'http')
      .map((r) => r.querySelector('[data-testid=io-status]')?.dataset.status);
    const verdict = document.querySelector('[data-testid=verdict]').dataset.matches;
    await open('aiohttp-static-page', 'clock-instant');
    await until('four rows', () => rows().length === 4);
    const r = await fetch(await serverUrl());
    return { statuses, verdict, page: [r.status, r.headers.get('content-type'), (await r.text()).split('\\n')[4]],
      pageVerdict: document.querySelector('[data-testid=verdict]').dataset.matches };
  }`);
  assert.deepEqual(whole.statuses, ['200', '200', '200', '200', '404']);
  assert.equal(whole.verdict, 'true');
  assert.deepEqual(whole.page, [200, 'text/html; charset=utf-8', '<h1>Hello from index.html</h1>']);
  assert.equal(whole.pageVerdict, 'true');

  // Every web lesson through the worker, each judged right by the page.
  const judged = await browser.script(`async () => { ${helpers}
    const verdicts = {};
    for (const id of ${JSON.stringify(WEB_LESSONS)}) {
      press('lesson-' + id);
      await until(id, () => document.querySelector('[data-testid=lesson]')?.dataset.lesson === id
        && !document.querySelector('[data-testid=verdict][data-matches]:not([data-matches="n/a"])'));
      const instant = document.querySelector('[data-testid=clock-instant]');
      press(instant && !instant.disabled ? 'clock-instant' : 'clock-real');
      await new Promise((ok) => setTimeout(ok, 50));
      press('run');
      await until(id + ' judged', () => document.querySelector('[data-testid=verdict][data-matches]:not([data-matches="n/a"])'), 20000);
      verdicts[id] = document.querySelector('[data-testid=verdict]').dataset.matches
        + (/Service Worker/.test(document.querySelector('[data-testid=http-route]').textContent) ? '' : ' (no worker)');
      const stop = document.querySelector('[data-testid=stop]');
      if (stop && !stop.disabled) press('stop');
    }
    return verdicts;
  }`);
  assert.deepEqual(judged, Object.fromEntries(WEB_LESSONS.map((id) => [id, 'true'])));

  const streamed = await browser.script(`async () => { ${helpers}
    await open('starlette-streaming', 'clock-real');
    const u = await serverUrl();
    const start = performance.now();
    const reader = (await fetch(u)).body.getReader();
    const times = [];
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      times.push(Math.round(performance.now() - start));
      text += new TextDecoder().decode(value);
    }
    return { reads: times.length, spread: times[times.length - 1] - times[0], text };
  }`);
  assert.ok(streamed.text.endsWith('</ul></body></html>\n'), streamed.text);
  assert.ok(streamed.reads >= 8 && streamed.spread >= 4000 && streamed.spread < 7000, JSON.stringify(streamed));

  const took = await browser.script(`async () => { ${helpers}
    await open('fastapi-red', 'clock-real');
    await until('the lesson', () => rows().length >= 14, 30000);
    const u = await serverUrl();
    const three = async (path) => {
      const start = performance.now();
      await Promise.all([0, 1, 2].map(async () => (await fetch(u + path)).text()));
      return Math.round(performance.now() - start);
    };
    const red = await three('red');
    const block = await three('block');
    // Stop in the middle of a request: the client's fetch fails.
    const broken = fetch(u + 'red').then((r) => r.text()).then(() => 'answered', (e) => 'failed: ' + e.name);
    await new Promise((ok) => setTimeout(ok, 500));
    press('stop');
    return { red, block, broken: await broken };
  }`);
  assert.ok(took.red >= 2950 && took.red < 4500, `3 × /red: ${took.red} ms`);
  assert.ok(took.block >= 8950 && took.block < 11500, `3 × /block: ${took.block} ms`);
  assert.equal(took.broken, 'failed: TypeError');
  console.log(`${version}: through the worker, chunks ${streamed.reads} reads over ${streamed.spread} ms; 3 × /red ${took.red} ms, 3 × /block ${took.block} ms; Stop mid-request: ${took.broken}`);

  // A course page's own snippets, one in the link, one sent by postMessage.
  await browser.goto(`${server.origin}snippet-page.html`);
  assertSnippets(await browser.script(`async () => window.checkSnippets()`));
  console.log('snippets in Firefox ok: by URL and by loopscope:load, each reporting run-finished');
  console.log('web e2e in Firefox ok');
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
