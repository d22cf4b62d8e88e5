// End-to-end: Debian's Chromium, driven by playwright-core, opens the release build (dist/)
// served on localhost under a sub-path only (serve.mjs), runs lessons through the page and
// saves screenshots.
// Usage: node tests/e2e/run.mjs [dist-dir]   (scripts/test builds dist/ first)
import { mkdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { APP_PATH, runE2e } from './serve.mjs';
import { SNIPPET_PAGE, assertSnippets } from './snippet-embed.mjs';
import { AXE_VERSION, assertAccessible } from './axe.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '../../dist'));
const artifacts = join(here, 'artifacts');

// A course page embedding one lesson, as the README shows authors how to do: the page is at the
// site's root, the app under its own sub-path.
const HOST_PAGE = `<!doctype html>
<meta charset="utf-8"><title>A course page</title>
<h1>Lesson 3: gather</h1>
<iframe id="lesson" src="${APP_PATH}#/embed/gather-order" title="Loopscope" style="width:100%;border:0" height="300"></iframe>
<script>
  const frame = document.getElementById('lesson');
  window.received = [];
  addEventListener('message', (event) => {
    if (event.source !== frame.contentWindow) return;
    window.received.push(event.data);
    if (event.data.type === 'loopscope:height') frame.height = event.data.height;
  });
  window.runLesson = () => frame.contentWindow.postMessage({ type: 'loopscope:run', clock: 'instant' }, '*');
</script>`;

// A quiz page: the lesson opens in predict mode with the learner's arrangement (here "mid end"
// before "fast end", wrong from line 4), and the page collects the scored result.
const QUIZ_PAGE = HOST_PAGE
  .replace('#/embed/gather-order', '#/embed/gather-order?predict=0.1.2.4.3.5.6')
  .replace('<h1>Lesson 3: gather</h1>', '<h1>Quiz: in which order does gather print?</h1>');

await runE2e(dist, { '/course-page.html': HOST_PAGE, '/quiz-page.html': QUIZ_PAGE, '/snippet-page.html': SNIPPET_PAGE }, async ({ base, origin, browser, problems }) => {
  await mkdir(artifacts, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The downloads lesson fetches samples/missing.png on purpose; Chromium logs that 404.
  page.on('console', (m) => {
    if (m.type() === 'error' && !/404 \(Not Found\)/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });

  // 1. A deep link opens its lesson; the instant clock runs it to the expected output.
  const started = performance.now();
  await page.goto(`${base}#/lesson/create-task`);
  await page.waitForSelector('[data-testid=run]');
  console.log(`first lesson runnable ${Math.round(performance.now() - started)} ms after navigation`);
  assert.equal(await page.getAttribute('[data-testid=lesson]', 'data-lesson'), 'create-task');
  await page.click('[data-testid=clock-instant]');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 6);
  const rows = await page.$$eval('[data-testid=output-row]', (rs) => rs.map((r) =>
    [...r.querySelectorAll('span')].map((s) => s.textContent).join(' ')));
  assert.deepEqual(rows, [
    '+0 ms Task-1 main start', '+0 ms Task-2 1', '+0 ms Task-3 3',
    '+2000 ms Task-2 2', '+2000 ms Task-3 4', '+2000 ms Task-1 main end',
  ]);
  await page.hover('[data-testid=output-row] >> nth=3');
  assert.equal(await page.getAttribute('[data-testid=python] .line.hl', 'data-line'), '7');
  await page.screenshot({ path: join(artifacts, 'create-task-en.png'), fullPage: true });

  // 1b. Neither the lessons' code nor the Python interpreter is in the first download
  // (src/lazy.rs, scripts/split-wasm.mjs): the lessons' module comes when a lesson first runs
  // (or once the page has settled), the interpreter's when code is first edited; a learner who
  // runs lessons never fetches the interpreter. Where the network refuses a module, Run says
  // so, and Run again fetches it and runs. A fresh context: no cache, no Service Worker.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US', serviceWorkers: 'block' });
    const learner = await context.newPage();
    learner.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const fetched = [];
    learner.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
    const interpreterFetches = () => fetched.filter((f) => /^loopscope-python-[0-9a-f]{16}\.wasm$/.test(f));
    const lessonsFetches = () => fetched.filter((f) => /^loopscope-lessons-[0-9a-f]{16}\.wasm$/.test(f));
    let refuse = true;
    let refuseLessons = true;
    let holdLessons = null; // while set, the lessons' module is held back until it resolves
    await learner.route(/loopscope-python-[0-9a-f]{16}\.wasm$/, (route) => (refuse ? route.abort('internetdisconnected') : route.continue()));
    await learner.route(/loopscope-lessons-[0-9a-f]{16}\.wasm$/, async (route) => {
      if (refuseLessons) return route.abort('internetdisconnected');
      if (holdLessons) await holdLessons;
      return route.continue();
    });
    await learner.goto(`${base}#/lesson/gather-order`);
    await learner.waitForSelector('[data-testid=run]');
    assert.ok(!fetched.some((f) => /^loopscope-(lessons|python)-/.test(f)), `the first download fetched a later part: ${fetched.join(' ')}`);
    await learner.click('[data-testid=clock-instant]');
    await learner.click('[data-testid=run]');
    await learner.waitForFunction(() => /The lessons' code could not be downloaded/.test(document.querySelector('[data-testid=status]').textContent));
    // Run, Run again and Stop while the module is on its way: nothing runs when it arrives.
    refuseLessons = false;
    let release;
    holdLessons = new Promise((ok) => { release = ok; });
    const status = () => learner.textContent('[data-testid=status]');
    await learner.click('[data-testid=run]');
    await learner.waitForFunction(() => document.querySelector('[data-testid=status]').textContent === "Loading the lessons' code…");
    await learner.click('[data-testid=run]');
    assert.equal(await status(), "Loading the lessons' code…", 'Run pressed twice while loading waits once');
    await learner.click('[data-testid=stop]');
    assert.equal(await status(), 'Ready', 'Stop while loading');
    holdLessons = null;
    release();
    await learner.waitForTimeout(800);
    assert.equal(await learner.$$eval('[data-testid=output-row]', (rs) => rs.length), 0, 'a stopped run does not start when its module arrives');
    assert.equal(await status(), 'Ready');
    await learner.click('[data-testid=run]');
    await learner.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 7);
    assert.equal(lessonsFetches().length >= 2, true, `refused, then fetched: ${lessonsFetches()}`);
    const lessonRows = await learner.$$eval('[data-testid=output-row]', (rs) => rs.map((r) => r.textContent));
    assert.deepEqual(interpreterFetches(), [], `running a lesson fetched the interpreter: ${fetched.join(' ')}`);
    await learner.click('[data-testid=edit-python]');
    await learner.click('[data-testid=run]');
    await learner.waitForFunction(() => /The Python interpreter could not be downloaded/.test(document.querySelector('[data-testid=status]').textContent));
    assert.equal(await learner.$$eval('[data-testid=output-row]', (rs) => rs.length), 0, 'nothing ran without the interpreter');
    refuse = false;
    await learner.click('[data-testid=run]');
    await learner.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 7);
    const pythonRows = await learner.$$eval('[data-testid=output-row]', (rs) => rs.map((r) => r.textContent));
    assert.deepEqual(pythonRows, lessonRows, 'the lesson\'s Python prints what its Rust printed, at the same times');
    assert.equal(interpreterFetches().length, 2, `one refused fetch of the interpreter, then one: ${interpreterFetches()}`);
    await learner.click('[data-testid=run]');
    await learner.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 7);
    assert.equal(interpreterFetches().length, 2, 'a second run fetches nothing');
    const librariesFetches = fetched.filter((f) => /^loopscope-python_libraries-[0-9a-f]{16}\.wasm$/.test(f));
    assert.deepEqual(librariesFetches, [], 'a program on asyncio alone fetched the libraries\' bindings');
    console.log(`later parts: the lessons' code refused (said), Stop while it loads starts nothing, then fetched on Run again (${lessonsFetches().length} requests); the interpreter not fetched by a lesson's run, refused (said), then fetched once on Run again, without the libraries' bindings`);
    await context.close();
  }

  // 2. The real clock, through the catalog: tasks-wait prints its last lines after 1 s.
  await page.click('[data-testid=lesson-tasks-wait]');
  await page.click('[data-testid=clock-real]');
  const t0 = Date.now();
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 7, null, { timeout: 5000 });
  const wall = Date.now() - t0;
  assert.ok(wall >= 1000 && wall < 2500, `tasks-wait took ${wall} ms of wall time, expected about 1000`);
  const last = await page.textContent('[data-testid=output-row] >> nth=6');
  assert.match(last, /main end/);

  // 3. Stop mid-run on the real clock.
  await page.click('[data-testid=lesson-asyncio-run]');
  await page.click('[data-testid=run]');
  await page.waitForSelector('[data-testid=output-row]');
  await page.click('[data-testid=stop]');
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Stopped'));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-testid=output-row]').count(), 1);

  // 4. The Chinese UI, remembered across a reload; screenshots in both languages and themes.
  await page.click('[data-testid=lang-toggle]');
  await page.reload();
  await page.waitForSelector('[data-testid=run]');
  assert.equal(await page.textContent('[data-testid=run]'), '运行', 'the language choice is remembered');
  for (const [lang, scheme] of [['zh', 'light'], ['zh', 'dark'], ['en', 'dark'], ['en', 'light']]) {
    if ((lang === 'en') !== ((await page.textContent('[data-testid=run]')) === 'Run')) {
      await page.click('[data-testid=lang-toggle]');
    }
    await page.emulateMedia({ colorScheme: scheme });
    await page.click('[data-testid=lesson-gevent-spawn]');
    await page.click('[data-testid=clock-instant]');
    await page.click('[data-testid=run]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 4);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background === 'rgb(22, 24, 28)', scheme === 'dark', `${scheme} theme background: ${background}`);
    const shot = join(artifacts, `gevent-spawn-${lang}-${scheme}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`screenshot: ${shot}`);
  }

  // 5. Embedded in a course page: ready, run on request, run-finished with the lines, height.
  const host = await browser.newPage({ viewport: { width: 900, height: 700 } });
  host.on('pageerror', (e) => problems.push(`course page error: ${e.message}`));
  await host.goto(`${origin}course-page.html`);
  await host.waitForFunction(() => window.received.some((m) => m.type === 'loopscope:ready'));
  const ready = await host.evaluate(() => window.received.find((m) => m.type === 'loopscope:ready'));
  assert.equal(ready.lesson, 'gather-order');
  await host.evaluate(() => window.runLesson());
  await host.waitForFunction(() => window.received.some((m) => m.type === 'loopscope:run-finished'));
  const finished = await host.evaluate(() => window.received.find((m) => m.type === 'loopscope:run-finished'));
  assert.equal(finished.status, 'finished');
  assert.deepEqual(finished.lines.map((l) => `${l.at_ms} ${l.task} ${l.text}`), [
    '0 Task-2 slow start', '0 Task-3 fast start', '0 Task-4 mid start', '1000 Task-3 fast end',
    '2000 Task-4 mid end', '3000 Task-2 slow end', "3000 Task-1 ['slow', 'fast', 'mid']",
  ]);
  await host.waitForFunction(() => window.received.filter((m) => m.type === 'loopscope:height').length > 0);
  const height = await host.evaluate(() => Math.max(...window.received.filter((m) => m.type === 'loopscope:height').map((m) => m.height)));
  assert.ok(height > 300, `the embed reported its height (${height}px)`);
  const frame = host.frameLocator('#lesson');
  assert.equal(await frame.locator('[data-testid=app]').getAttribute('data-embed'), 'true');
  assert.equal(await frame.locator('.catalog').count(), 0);
  await host.screenshot({ path: join(artifacts, 'embedded-course-page.png'), fullPage: true });
  console.log(`embed ok: ready, run-finished (${finished.lines.length} lines), height ${height}px`);

  // 5b. A quiz page: the embed opens in predict mode and reports the scored prediction.
  const quiz = await browser.newPage({ viewport: { width: 900, height: 900 } });
  quiz.on('pageerror', (e) => problems.push(`quiz page error: ${e.message}`));
  await quiz.goto(`${origin}quiz-page.html`);
  await quiz.waitForFunction(() => window.received.some((m) => m.type === 'loopscope:ready'));
  const quizFrame = quiz.frameLocator('#lesson');
  assert.equal(await quizFrame.locator('[data-testid=predict-line]').count(), 7);
  assert.equal(await quizFrame.locator('[data-testid=predict-down]').count(), 7, 'every line has its ↓ button');
  await quiz.evaluate(() => window.runLesson());
  await quiz.waitForFunction(() => window.received.some((m) => m.type === 'loopscope:prediction'));
  const prediction = await quiz.evaluate(() => window.received.find((m) => m.type === 'loopscope:prediction'));
  assert.deepEqual(
    { lesson: prediction.lesson, correct: prediction.correct, right: prediction.right, total: prediction.total, first_wrong: prediction.first_wrong, prediction: prediction.prediction },
    { lesson: 'gather-order', correct: false, right: 5, total: 7, first_wrong: 4, prediction: '0.1.2.4.3.5.6' },
  );
  await quizFrame.locator('[data-testid=predict-explain]').waitFor();
  await quiz.screenshot({ path: join(artifacts, 'quiz-prediction.png'), fullPage: true });
  console.log(`quiz ok: prediction scored ${prediction.right}/${prediction.total}, first wrong at line ${prediction.first_wrong}`);

  // 5c. A course page's own snippets, one in the link, one sent by postMessage.
  const snippets = await browser.newPage({ viewport: { width: 900, height: 900 } });
  snippets.on('pageerror', (e) => problems.push(`snippet page error: ${e.message}`));
  await snippets.goto(`${origin}snippet-page.html`);
  assertSnippets(await snippets.evaluate(() => window.checkSnippets()));
  console.log('snippets ok: by URL and by loopscope:load, each reporting run-finished; bad loads answered');

  // 5d. The embed box's own code, pasted into a course page: the script after the frame sizes it
  // to its content (from the embed's loopscope:height), before a run and after one; the theme
  // chosen in the box holds in the frame.
  const box = await browser.newPage({ viewport: { width: 900, height: 700 } });
  await box.goto(`${base}#/lesson/gather-order`);
  await box.click('.embed-code:not(.share) summary');
  await box.selectOption('[data-testid=embed-theme]', 'light');
  const embedCode = await box.inputValue('[data-testid=embed-code]');
  assert.ok(embedCode.includes('#/embed/gather-order?theme=light') && embedCode.includes('loopscope:height'), embedCode);
  await box.uncheck('[data-testid=embed-fit]');
  assert.ok(!(await box.inputValue('[data-testid=embed-code]')).includes('<script>'), 'without the script when asked');
  const course = await browser.newPage({ viewport: { width: 900, height: 700 }, colorScheme: 'dark' });
  course.on('pageerror', (e) => problems.push(`pasted embed page error: ${e.message}`));
  await course.setContent(`<!doctype html><meta charset="utf-8"><h1>Lesson 3: gather</h1>${embedCode}<p>Next: wait.</p>`);
  const fitOf = () => course.evaluate(async () => {
    const frame = document.querySelector('iframe');
    return { frame: Math.round(frame.getBoundingClientRect().height) };
  });
  const embedded = () => course.frames().find((f) => f !== course.mainFrame());
  const contentHeight = async () => embedded().evaluate(() => Math.ceil(document.querySelector('[data-testid=app]').getBoundingClientRect().height));
  const fitted = async (what) => {
    const start = Date.now();
    let seen = 'no embed yet';
    for (;;) {
      const frame = embedded();
      try {
        if (frame && (await frame.$('[data-testid=run]'))) {
          const [{ frame: height }, content] = [await fitOf(), await contentHeight()];
          if (height !== 640 && Math.abs(height - content) <= 1) return height;
          seen = `the frame ${height}px, its content ${content}px`;
        }
      } catch (e) {
        // The lazy frame still on about:blank, navigating to the embed: look again.
        if (!/Execution context was destroyed|detached/.test(e.message)) throw e;
      }
      if (Date.now() - start > 15000) throw new Error(`the pasted embed never fitted its content ${what} (${seen})`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  };
  const before = await fitted('before a run');
  assert.equal(await embedded().evaluate(() => document.documentElement.dataset.theme), 'light', 'the theme the box chose');
  await course.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'loopscope:run', clock: 'instant' }, '*'));
  await embedded().waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 7);
  const after = await fitted('after a run');
  assert.ok(after > before, `the frame grew with the output (${before}px, then ${after}px)`);
  console.log(`pasted embed code fits its content: ${before}px before the run, ${after}px after`);

  // 5e. The compact embed the box gives (the Python listing and the output side by side, the
  // rest under "More"), pasted into a course page 760 px wide: fitted to its content, and
  // shorter than the whole lesson; on a phone the two parts are tabs, and Run turns to the output.
  await box.check('[data-testid=embed-fit]');
  await box.click('[data-testid=embed-compact]');
  const compactCode = await box.inputValue('[data-testid=embed-code]');
  assert.ok(compactCode.includes('#/embed/gather-order?show=python,output&theme=light'), compactCode);
  await course.setViewportSize({ width: 760, height: 700 });
  await course.setContent(`<!doctype html><meta charset="utf-8"><h1>Lesson 3: gather</h1>${compactCode}<p>Next: wait.</p>`);
  const compactBefore = await fitted('compact, before a run');
  const tops = await embedded().evaluate(() => ['.code-col', '.out-col'].map((s) => Math.round(document.querySelector(s).getBoundingClientRect().top)));
  assert.equal(tops[0], tops[1], `the code and the output side by side at 760 px (tops ${tops})`);
  assert.equal(await embedded().locator('section.timeline').count(), 0, 'the timeline is one click away');
  await course.evaluate(() => document.querySelector('iframe').contentWindow.postMessage({ type: 'loopscope:run', clock: 'instant' }, '*'));
  await embedded().waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 7);
  const compactAfter = await fitted('compact, after a run');
  assert.ok(compactAfter < after, `the compact embed (${compactAfter}px after a run) is shorter than the whole lesson (${after}px)`);
  await embedded().click('[data-testid=embed-more] summary');
  await embedded().waitForSelector('[data-testid=embed-more] [data-testid=timeline]');
  const compactOpen = await fitted('compact, with More open');
  await course.screenshot({ path: join(artifacts, 'compact-embed.png'), fullPage: true });
  console.log(`compact embed at 760 px: ${compactBefore}px before the run, ${compactAfter}px after, ${compactOpen}px with More open (the whole lesson at 900 px: ${before}px, ${after}px)`);
  const tabs = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await tabs.goto(`${base}#/embed/gather-order?compact=1`);
  await tabs.waitForSelector('[data-testid=run]');
  const shown = () => tabs.evaluate(() => ['.code-col', '.out-col'].map((s) => getComputedStyle(document.querySelector(s)).display !== 'none'));
  assert.deepEqual(await shown(), [true, false], 'on a phone, the code tab first');
  await tabs.click('[data-testid=run]');
  await tabs.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 7);
  assert.deepEqual(await shown(), [false, true], 'Run turns to the output tab');
  assert.equal(await tabs.getAttribute('[data-testid=tab-output]', 'aria-selected'), 'true');
  await tabs.click('[data-testid=tab-python]');
  assert.deepEqual(await shown(), [true, false]);
  const tabsOverflow = await tabs.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(tabsOverflow, 0, `the compact embed is ${tabsOverflow}px wider than a 375px phone`);
  await tabs.screenshot({ path: join(artifacts, 'compact-embed-phone.png'), fullPage: true });
  console.log('compact embed on a phone: code and output as tabs, Run turns to the output');

  // 6. A phone-sized screen: everything fits the width (listings scroll inside themselves).
  const phone = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await phone.goto(`${base}#/lesson/create-task`);
  await phone.waitForSelector('[data-testid=run]');
  await phone.click('[data-testid=clock-instant]');
  await phone.click('[data-testid=run]');
  await phone.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 6);
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(overflow, 0, `the page is ${overflow}px wider than a 375px phone`);
  await phone.screenshot({ path: join(artifacts, 'create-task-phone.png'), fullPage: true });

  // 7. Real downloads of the app's own sample files, then blocking jobs on real Web Workers.
  await page.emulateMedia({ colorScheme: 'light' });
  if ((await page.textContent('[data-testid=run]')) !== 'Run') await page.click('[data-testid=lang-toggle]');
  await page.click('[data-testid=lesson-downloads]');
  await page.click('[data-testid=clock-instant]');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Finished'), null, { timeout: 10000 });
  const downloads = await page.$$eval('[data-testid=output-row]', (rs) => rs.map((r) =>
    [...r.querySelectorAll('span')].map((s) => s.textContent).join(' ')));
  assert.equal(downloads.length, 18);
  assert.equal(downloads[8], '+1579 ms Task-1 sequential: about 1600 ms');
  assert.equal(downloads[5], '+779 ms Task-1 failed missing.png: HTTP 404 Not Found: samples/missing.png');
  assert.equal(downloads[17], '+2379 ms Task-1 concurrent: about 800 ms');
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-matches'), 'true');
  const ioStates = await page.$$eval('[data-testid=io-row]', (rs) => rs.map((r) => r.dataset.state));
  assert.deepEqual(ioStates, ['done', 'done', 'failed', 'done', 'done', 'done', 'failed', 'done']);
  await page.screenshot({ path: join(artifacts, 'downloads-en.png'), fullPage: true });

  await page.click('[data-testid=lesson-run-in-executor]');
  const w0 = Date.now();
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Finished'), null, { timeout: 15000 });
  const workersWall = Date.now() - w0;
  const workerRows = await page.$$eval('[data-testid=output-row]', (rs) => rs.map((r) => r.textContent));
  assert.equal(workerRows.length, 24);
  assert.match(workerRows[23], /10 jobs took about 2 s/);
  assert.ok(workersWall >= 1900 && workersWall < 4000, `10 one-second jobs on 5 workers took ${workersWall} ms`);
  await page.screenshot({ path: join(artifacts, 'run-in-executor-en.png'), fullPage: true });
  console.log(`downloads ok (18 lines, 2 failed files); 10 jobs on 5 workers: ${workersWall} ms of wall time`);

  // 8. requests.get as a blocking GET on the default pool's workers: the workers resolve the
  // sample files against the page under its sub-path, not against their own blob URLs.
  await page.click('[data-testid=lesson-executor-downloads]');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Finished'), null, { timeout: 15000 });
  const blocking = await page.$$eval('[data-testid=output-row]', (rs) => rs.map((r) => r.textContent));
  assert.equal(blocking.length, 6, blocking.join('\n'));
  assert.equal(blocking.filter((r) => /download done/.test(r)).length, 3);
  const getStates = await page.$$eval('[data-testid=io-row]', (rs) => rs.map((r) => r.dataset.state));
  assert.ok(getStates.length >= 3 && getStates.every((s) => s === 'done'), `the GETs and writes: ${getStates}`);
  // The same listing edited and run on the interpreter: requests.get in the pool's function
  // is the job's GET on a worker, open(..., 'wb') writes the page's private file system.
  await page.click('[data-testid=edit-python]');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Finished'), null, { timeout: 20000 });
  const edited = await page.$$eval('[data-testid=output-row]', (rs) => rs.map((r) => r.textContent));
  assert.equal(edited.filter((r) => /download done/.test(r)).length, 3, edited.join('\n'));
  const pythonStates = await page.$$eval('[data-testid=io-row]', (rs) => rs.map((r) => r.dataset.state));
  assert.equal(pythonStates.length, 9, `3 GETs and 6 storage writes: ${pythonStates}`);
  assert.ok(pythonStates.every((s) => s === 'done'), `the GETs and writes: ${pythonStates}`);
  await page.click('[data-testid=restore-python]');
  console.log(`blocking GETs on workers ok (${getStates.length} I/O rows done; the edited Python's ${pythonStates.length})`);

  // 9. Accessibility: axe-core finds no violation on a lesson page after a run, light and dark,
  // on a lesson embedded in a course page, on the compact embed, and on the phone's tabs.
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.click('[data-testid=lesson-gather-order]');
    await page.click('[data-testid=clock-instant]');
    await page.click('[data-testid=run]');
    await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Finished'));
    const passed = await assertAccessible(page, `the gather-order page (${scheme})`);
    console.log(`axe-core ${AXE_VERSION}: no violation on the lesson page (${scheme}; ${passed} rules passed)`);
  }
  await host.emulateMedia({ colorScheme: 'dark' });
  await assertAccessible(host.frames().find((f) => f !== host.mainFrame()), 'an embed in a course page (dark)');
  await assertAccessible(embedded(), 'the compact embed, More open (light)');
  await assertAccessible(tabs, 'the compact embed on a phone');
  console.log('axe-core: no violation on the embed, the compact embed and its phone tabs');

  // 10. Offline: the build's Service Worker (registered when the page loaded) has kept a copy
  // of the app; with the network gone, a reload opens the lesson from that copy and runs it.
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForSelector('[data-testid=offline-state][data-kept=true]', { timeout: 30000 });
  assert.equal((await page.textContent('[data-testid=offline-state]')).split(' — ')[0], '✓ Works offline');
  const fromCopy = [];
  const noteResponse = (response) => {
    if (/\.(wasm|js|css)$|\/$/.test(new URL(response.url()).pathname)) fromCopy.push([response.url(), response.fromServiceWorker()]);
  };
  page.on('response', noteResponse);
  await page.context().setOffline(true);
  await page.reload();
  await page.waitForSelector('[data-testid=run]');
  await page.waitForSelector('[data-testid=offline-state][data-kept=true]');
  assert.equal((await page.textContent('[data-testid=offline-state]')).split(' — ')[0], 'Offline: the kept copy');
  await page.click('[data-testid=lesson-gather-order]');
  await page.click('[data-testid=clock-instant]');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Finished'));
  assert.equal(await page.getAttribute('[data-testid=verdict]', 'data-matches'), 'true');
  // The interpreter's module was kept too: the lesson's Python runs offline.
  await page.click('[data-testid=edit-python]');
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => document.querySelector('[data-testid=status]').textContent.startsWith('Finished'));
  assert.equal(await page.$$eval('[data-testid=output-row]', (rs) => rs.length), 7);
  assert.ok(fromCopy.some(([url, sw]) => /loopscope-python-[0-9a-f]{16}\.wasm$/.test(url) && sw), 'the interpreter came from the kept copy');
  await page.click('[data-testid=restore-python]');
  page.off('response', noteResponse);
  await page.context().setOffline(false);
  const notFromCopy = fromCopy.filter(([, sw]) => !sw).map(([url]) => url);
  assert.ok(fromCopy.some(([url]) => url.endsWith('_bg.wasm')), `the wasm was loaded: ${JSON.stringify(fromCopy)}`);
  assert.deepEqual(notFromCopy, [], 'every file of the build came from the kept copy');
  console.log(`offline: reloaded with the network gone, ${fromCopy.length} files from the kept copy, gather-order judged right, its Python run`);

  console.log(`e2e ok; screenshots in ${artifacts}`);
});
