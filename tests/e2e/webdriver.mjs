// A small W3C WebDriver client (no dependency): enough to drive Firefox ESR through
// geckodriver from the end-to-end tests, where Playwright has only Chromium here.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const freePort = () => new Promise((ok, fail) => {
  const probe = createServer();
  probe.once('error', fail);
  probe.listen(0, '127.0.0.1', () => { const { port } = probe.address(); probe.close(() => ok(port)); });
});

/** Starts geckodriver and a headless Firefox session; returns { run, script, goto, close }. */
export async function firefox({ geckodriver, binary = '/usr/bin/firefox-esr' }) {
  const port = await freePort();
  const driver = spawn(geckodriver, ['--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  const root = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(`${root}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (json.value && json.value.error) throw new Error(`${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try { await call('GET', '/status'); break; } catch (e) {
      if (i > 100) { driver.kill(); throw new Error(`geckodriver did not start: ${e.message}`); }
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  const session = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': { binary, args: ['-headless'] } } },
  });
  const id = session.sessionId;
  await call('POST', `/session/${id}/timeouts`, { script: 60000 });
  return {
    goto: (url) => call('POST', `/session/${id}/url`, { url }),
    /** Runs `body` (a function's source) in the page with `args`; awaits what it returns. */
    script: (body, ...args) => call('POST', `/session/${id}/execute/async`, {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve((${body})(...Array.from(arguments).slice(0, -1)))
          .then((v) => done({ ok: v }), (e) => done({ error: String(e && e.stack || e) }));`,
      args,
    }).then((r) => { if (r.error) throw new Error(r.error); return r.ok; }),
    close: async () => {
      try { await call('DELETE', `/session/${id}`); } finally { driver.kill(); }
    },
  };
}
