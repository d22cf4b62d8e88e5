// The page's side of the Service Worker bridge. The worker (sw.js, a file of the build beside
// index.html) answers fetches under `<app>/http/<page>/<port>/...` by posting each request to
// the page that owns it, with a MessagePort for the answer; the page's server answers with
// head, body and end messages, and the worker streams them into a real Response.

let starting = null;

/** Registers the worker once and resolves to `{ base }` (the URL prefix of this page's
 *  servers) or `{ error }` (why this browser gives the page no Service Worker). */
export function bridge_start(script, onRequest, timeoutMs) {
  if (!starting) starting = start(script, onRequest, timeoutMs);
  return starting;
}

function within(promise, ms, what) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms)),
  ]);
}

async function start(script, onRequest, timeoutMs) {
  const container = navigator.serviceWorker;
  if (!container) {
    return { error: "this browser gives the page no Service Worker (a private window, an old browser, an insecure address or a sandboxed frame)" };
  }
  try {
    const url = new URL(script, document.baseURI);
    const registration = await within(container.register(url.href), timeoutMs, "registering the Service Worker");
    await within(container.ready, timeoutMs, "starting the Service Worker");
    if (!container.controller) {
      await within(
        new Promise((resolve) => container.addEventListener("controllerchange", resolve, { once: true })),
        timeoutMs,
        "waiting for the Service Worker to take this page",
      );
    }
    const id = await within(
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data && event.data.id);
        container.controller.postMessage({ type: "loopscope:whoami" }, [channel.port2]);
      }),
      timeoutMs,
      "asking the Service Worker who this page is",
    );
    if (typeof id !== "string" || !id) throw new Error("the Service Worker did not say who this page is");
    container.addEventListener("message", (event) => {
      const data = event.data;
      const port = event.ports && event.ports[0];
      if (!data || data.type !== "loopscope:request" || !port) return;
      const body = data.body ? new Uint8Array(data.body) : new Uint8Array(0);
      onRequest(String(data.method), String(data.url), data.headers || [], body, port);
    });
    container.startMessages();
    return { base: new URL(`http/${encodeURIComponent(id)}/`, registration.scope).href };
  } catch (e) {
    return { error: `the Service Worker could not start: ${(e && e.message) || e}` };
  }
}

export function reply_head(port, status, headers) {
  port.postMessage({ type: "head", status, headers });
}

export function reply_chunk(port, bytes) {
  const copy = bytes.slice();
  port.postMessage({ type: "body", chunk: copy.buffer }, [copy.buffer]);
}

export function reply_end(port) {
  port.postMessage({ type: "end" });
  port.close();
}

export function reply_fail(port, message) {
  port.postMessage({ type: "error", message });
  port.close();
}

export function reply_refused(port) {
  port.postMessage({ type: "refused" });
  port.close();
}

/** Calls `callback` once if the client goes away before the response is complete. */
export function on_client_left(port, callback) {
  port.onmessage = (event) => {
    if (event.data && event.data.type === "cancel") callback();
  };
}
