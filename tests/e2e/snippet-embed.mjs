// A course page that embeds its own snippets of Python, as the README shows authors how to:
// one comes in the iframe's link (`#/embed/code?src=…`, made here with Node's zlib, as a
// course's build script would make it with Python's), one by `loopscope:load`. The page runs
// both through the embed API and collects what the embeds report; `checkSnippets()` runs in
// the page, so Chromium (run.mjs) and Firefox (web-firefox.mjs) check the very same thing.
import { deflateRawSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { APP_PATH } from './serve.mjs';

const BY_URL = `import asyncio

async def tick(name, delay):
    await asyncio.sleep(delay)
    print(name, "after", delay)

async def main():
    await asyncio.gather(tick("slow", 0.3), tick("fast", 0.1))
    print("both done")

asyncio.run(main())
`;

const BY_MESSAGE = `import asyncio

async def main():
    queue = asyncio.Queue()
    for n in range(3):
        queue.put_nowait(n * n)
    while not queue.empty():
        print("got", await queue.get())
        await asyncio.sleep(0.5)

asyncio.run(main())
`;

/** What `src=` carries: raw DEFLATE in URL-safe base64, no padding. */
export const encodeSource = (code) => deflateRawSync(Buffer.from(code, 'utf8'), { level: 9 }).toString('base64url');

export const SNIPPET_PAGE = `<!doctype html>
<meta charset="utf-8"><title>Snippets in a course page</title>
<h1>Two snippets</h1>
<iframe id="by-url" src="${APP_PATH}#/embed/code?src=${encodeSource(BY_URL)}" title="Loopscope" style="width:100%;border:0" height="300"></iframe>
<iframe id="by-message" src="${APP_PATH}#/embed/code" title="Loopscope" style="width:100%;border:0" height="300"></iframe>
<script>
  const frames = { url: document.getElementById('by-url'), message: document.getElementById('by-message') };
  const received = { url: [], message: [] };
  addEventListener('message', (event) => {
    for (const [name, frame] of Object.entries(frames)) {
      if (event.source === frame.contentWindow) received[name].push(event.data);
    }
  });
  const until = async (what, test, ms = 20000) => {
    const start = performance.now();
    while (!test()) {
      if (performance.now() - start > ms) throw new Error('waited ' + ms + ' ms for ' + what);
      await new Promise((ok) => setTimeout(ok, 25));
    }
  };
  const next = async (name, type) => {
    const seen = received[name].length;
    return () => received[name].slice(seen).find((m) => m.type === type);
  };
  const ask = async (name, message, type) => {
    const found = await next(name, type);
    frames[name].contentWindow.postMessage(message, '*');
    await until(name + ' ' + type, () => found());
    return found();
  };
  const lines = (finished) => finished.lines.map((l) => l.at_ms + ' ' + l.task + ' ' + l.text);
  window.checkSnippets = async () => {
    await until('both embeds ready', () => received.url.some((m) => m.type === 'loopscope:ready')
      && received.message.some((m) => m.type === 'loopscope:ready'));
    const run = { type: 'loopscope:run', clock: 'instant' };
    const byUrl = await ask('url', run, 'loopscope:run-finished');
    const loaded = await ask('message', { type: 'loopscope:load', python: ${JSON.stringify(BY_MESSAGE)} }, 'loopscope:loaded');
    const byMessage = await ask('message', run, 'loopscope:run-finished');
    const broken = await ask('message', { type: 'loopscope:load', python: 'def f(:\\n    pass\\n' }, 'loopscope:loaded');
    const notCode = await ask('message', { type: 'loopscope:load', python: 42 }, 'loopscope:loaded');
    return {
      ready: received.url.find((m) => m.type === 'loopscope:ready').lesson,
      byUrl: [byUrl.lesson, byUrl.status, ...lines(byUrl)],
      loaded: [loaded.lesson, loaded.ok, loaded.error],
      byMessage: [byMessage.status, ...lines(byMessage)],
      broken: [broken.ok, broken.error.line, broken.error.column, broken.error.message],
      notCode: [notCode.ok, notCode.error.message],
    };
  };
</script>`;

/** Checks what `checkSnippets()` returned. */
export function assertSnippets(got) {
  assert.equal(got.ready, 'code');
  assert.deepEqual(got.byUrl, ['code', 'finished',
    '100 Task-3 fast after 0.1', '300 Task-2 slow after 0.3', '300 Task-1 both done']);
  assert.deepEqual(got.loaded, ['code', true, null]);
  assert.deepEqual(got.byMessage, ['finished', '0 Task-1 got 0', '500 Task-1 got 1', '1000 Task-1 got 4']);
  assert.deepEqual(got.broken, [false, 1, 7, "SyntaxError: invalid syntax"]);
  assert.equal(got.notCode[0], false);
  assert.match(got.notCode[1], /loopscope:load takes \{python: string\}/);
}
