// End-to-end: the page a learner meets, on a 1366×768 laptop and a 375×812 phone, in both
// languages, in the release build (Debian's Chromium). What is asserted is what the learner
// needs at first sight: the Python listing, Run and the output on one screen (beside each other
// on the laptop), the output in view after Run, no Python line cut, 44 px tap targets on the
// phone, Run within five Tab presses, the document's language, every running mark on every
// lesson's timeline at least 4 px wide. Screenshots of each view go to
// tests/e2e/artifacts/layout-*.png.
// Usage: node tests/e2e/layout.mjs [dist-dir]
import { mkdir } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { runE2e } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '../../dist'));
const artifacts = join(here, 'artifacts');
const DEVICES = [
  { name: 'laptop', viewport: { width: 1366, height: 768 }, touch: false },
  { name: 'phone', viewport: { width: 375, height: 812 }, touch: true },
];


/** The element's box in the viewport, or null if it is not on the page. */
const box = (page, selector) => page.evaluate((s) => {
  const e = document.querySelector(s);
  if (!e) return null;
  const r = e.getBoundingClientRect();
  return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
}, selector);
const inView = (b, viewport) => b && b.top >= 0 && b.bottom <= viewport.height && b.left >= 0 && b.right <= viewport.width;

// Every control that is not a 44 px target on a touch screen (a radio counts by its label).
const smallTargets = (page) => page.evaluate(() => {
  const targets = [...document.querySelectorAll('.app button, .app select, .app summary, .app input[type=text], .app a[href], .app input[type=radio]')];
  return targets.map((e) => {
    const target = e.type === 'radio' ? e.closest('label') : e;
    const r = target.getBoundingClientRect();
    return { what: `${e.tagName.toLowerCase()}[${e.dataset.testid ?? e.className ?? ''}] ${target.textContent.trim().slice(0, 24)}`, w: r.width, h: r.height };
  }).filter((t) => t.w > 0 && t.h > 0 && (t.h < 44 || t.w < 44));
});

await runE2e(dist, {}, async ({ base, browser, problems }) => {
  await mkdir(artifacts, { recursive: true });
  for (const device of DEVICES) {
    for (const lang of ['en', 'zh']) {
      const context = await browser.newContext({ viewport: device.viewport, hasTouch: device.touch, isMobile: device.touch });
      const page = await context.newPage();
      page.on('pageerror', (e) => problems.push(`${device.name} ${lang}: ${e.message}`));
      const view = `${device.name} ${lang}`;
      await page.goto(`${base}#/lesson/create-task?lang=${lang}`);
      await page.waitForSelector('[data-testid=run]');
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en', `${view}: <html lang>`);

      // First sight, before any scrolling.
      const python = await box(page, '[data-testid=python]');
      const run = await box(page, '[data-testid=run]');
      const output = await box(page, '.output h3');
      if (device.name === 'laptop') {
        assert.ok(inView(run, device.viewport), `${view}: Run in view ${JSON.stringify(run)}`);
        assert.ok(python.top < device.viewport.height - 200, `${view}: the Python listing starts at ${python.top}px`);
        assert.ok(inView(output, device.viewport), `${view}: the output heading in view ${JSON.stringify(output)}`);
        assert.ok(output.left >= python.right, `${view}: the output beside the code`);
      } else {
        assert.ok(python.top < device.viewport.height - 150, `${view}: the Python listing starts on the first screen (${python.top}px)`);
        assert.ok(run.top > python.top && output.top > run.top, `${view}: code, then Run, then the output`);
      }
      console.log(`${view}: Python at y=${Math.round(python.top)}, Run at y=${Math.round(run.top)}, output at y=${Math.round(output.top)}`);
      await page.screenshot({ path: join(artifacts, `layout-${device.name}-${lang}-first-sight.png`) });

      // Run within five Tab presses from the top of the page.
      let tabs = 0;
      while (tabs < 20 && (await page.evaluate(() => document.activeElement?.dataset?.testid)) !== 'run') {
        await page.keyboard.press('Tab');
        tabs += 1;
      }
      assert.ok(tabs <= 5, `${view}: Run took ${tabs} Tab presses`);
      console.log(`${view}: Run after ${tabs} Tab presses`);
      await page.evaluate(() => document.activeElement.blur());

      await page.evaluate(() => window.scrollTo(0, 0));

      // Run: the output's first row comes into view.
      await page.click('[data-testid=clock-instant]');
      await page.click('[data-testid=run]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 6);
      await page.waitForTimeout(100);
      const first = await box(page, '[data-testid=output-row]');
      assert.ok(inView(first, device.viewport), `${view}: the first output row after Run is at ${JSON.stringify(first)}`);
      console.log(`${view}: after Run the first output row is at y=${Math.round(first.top)}`);
      await page.screenshot({ path: join(artifacts, `layout-${device.name}-${lang}-after-run.png`) });

      if (device.touch) assert.deepEqual(await smallTargets(page), [], `${view}: tap targets under 44 px`);

      // No Python line is cut: on every lesson the listing fits its width (it wraps).
      if (lang === 'en') {
        // The lessons (the menu's first entry is the code page, checked below).
        const ids = (await page.$$eval('[data-testid=lesson-menu] option', (os) => os.map((o) => o.value))).filter((id) => id !== 'code');
        assert.ok(ids.length > 40);
        const cut = [];
        const thin = [];
        let marks = 0;
        for (const id of ids) {
          await page.evaluate((id) => { location.hash = `#/lesson/${id}`; }, id);
          await page.waitForFunction((id) => document.querySelector('[data-testid=lesson]')?.dataset.lesson === id, id);
          const overflow = await page.$eval('[data-testid=python] pre', (pre) => pre.scrollWidth - pre.clientWidth);
          if (overflow > 0) cut.push(`${id} (${overflow}px)`);
          // Run it (instantly where it can) and measure every running step on the timeline:
          // a bar as wide as its time, or its mark, whichever is wider.
          if (await page.isEnabled('[data-testid=clock-instant]')) await page.click('[data-testid=clock-instant]');
          await page.click('[data-testid=run]');
          await page.waitForFunction(() => !document.querySelector('[data-testid=status]').textContent.startsWith('Running'), null, { timeout: 4000 }).catch(() => {});
          if (await page.isEnabled('[data-testid=stop]')) await page.click('[data-testid=stop]');
          const widths = await page.$$eval('[data-testid=timeline-lane] rect.running', (rects) => rects.map((rect) => {
            const mark = rect.nextElementSibling;
            const stroke = mark && mark.classList.contains('running-mark') ? parseFloat(getComputedStyle(mark).strokeWidth) : 0;
            return Math.max(rect.getBoundingClientRect().width, stroke);
          }));
          marks += widths.length;
          const narrowest = Math.min(...widths);
          if (widths.length && narrowest < 4) thin.push(`${id} (${narrowest}px)`);
        }
        assert.deepEqual(cut, [], `${view}: Python listings wider than their box`);
        console.log(`${view}: ${ids.length} Python listings, none cut`);
        assert.ok(marks > 100, `only ${marks} running marks measured`);
        assert.deepEqual(thin, [], `${view}: running marks under 4 px`);
        console.log(`${view}: ${marks} running marks on the timelines, all at least 4 px wide`);
      }

      // The code page: the editor fits the screen (long lines scroll inside it), its controls
      // are 44 px targets on the phone, and the starter program runs.
      await page.evaluate(() => { location.hash = '#/code'; });
      await page.waitForSelector('[data-testid=python-editor]');
      const wider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.equal(wider, 0, `${view}: the code page is ${wider}px wider than the screen`);
      await page.fill('[data-testid=python-editor]', `${'x = 1  # a long line '.repeat(12)}\nprint(x)\n`);
      const stillWider = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.equal(stillWider, 0, `${view}: a long line makes the code page ${stillWider}px wider than the screen`);
      if (device.touch) assert.deepEqual(await smallTargets(page), [], `${view}: tap targets under 44 px on the code page`);
      const editor = await box(page, '[data-testid=python-editor]');
      assert.ok(editor.height >= 44 && editor.width >= 200, `${view}: the editor is ${JSON.stringify(editor)}`);
      await page.click('[data-testid=run]');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=output-row]').length === 1);
      assert.match(await page.textContent('[data-testid=output-row]'), /1/);
      await page.screenshot({ path: join(artifacts, `layout-${device.name}-${lang}-code.png`) });
      console.log(`${view}: the code page fits (editor ${Math.round(editor.width)}×${Math.round(editor.height)} px) and runs`);
      await context.close();
    }
  }
  console.log(`layout ok; screenshots in ${artifacts}`);
});
