// Loopscope's Service Worker: the HTTP endpoint of the page's servers, and the app's copy
// for working offline.
//
// A fetch of `<app>/http/<page>/<port>/<path>` (from the page itself, an iframe or another
// tab) is a real Request; this worker posts it to the page <page> (a client id), whose
// server on <port> answers through a MessagePort, and streams the answer back as a real
// Response. A page that is gone, or a port nobody listens on, is a network error, as a
// refused connection is.
//
// Offline: on install it keeps the build (index.html and every script, wasm and stylesheet it
// names) in the Cache API; afterwards the page and the build's files come from the network
// when it answers and from that copy when it does not. Files whose names carry Trunk's
// content hash never change, so they come from the copy at once. The Python interpreter's
// module, which the page fetches only when a learner first runs code, is kept with the build
// (named by its loader script). Files the app fetches later (the SQL engine, the sample files)
// are kept as they are first fetched. Every other request
// (another origin, a POST) goes to the network untouched.

const CACHE = "loopscope-build";
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$|(^|\/)snippets\/[^/]+-[0-9a-f]{16}\//;
const KEPT = /\.(js|mjs|wasm|css)$|^samples\//;

self.addEventListener("install", (event) => {
  self.skipWaiting();
  // A failed copy (offline during install, a file missing) leaves the app working online.
  event.waitUntil(keepBuild().catch(() => {}));
});
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  const data = event.data;
  const port = event.ports && event.ports[0];
  if (!data || !port) return;
  if (data.type === "loopscope:whoami" && event.source) port.postMessage({ id: event.source.id });
  if (data.type === "loopscope:offline?") buildKept().then((kept) => port.postMessage({ kept }));
});

/** The build's files named by `text` (index.html, the main script naming its snippets, the
 *  interpreter's loader naming its module). */
function namedFiles(text, base) {
  const names = new Set();
  for (const match of text.matchAll(/(?:href|src|from|module_or_path:|URL\()\s*=?\s*["'](\.?\/?[^"'\s:]+\.(?:js|mjs|wasm|css))["']/g)) {
    names.add(new URL(match[1], base).href);
  }
  return [...names];
}

/** Keeps index.html and every file it names (and the main script's snippets), and drops the
 *  hashed files of older builds. */
async function keepBuild() {
  const scope = self.registration.scope;
  const index = await fetch(scope, { cache: "no-cache" });
  if (!index.ok) return;
  const html = await index.clone().text();
  const files = namedFiles(html, scope);
  for (const script of files.filter((url) => /\/loopscope-(split-)?[0-9a-f]{16}\.js$/.test(url))) {
    const response = await fetch(script);
    if (response.ok) files.push(...namedFiles(await response.text(), script));
  }
  const cache = await caches.open(CACHE);
  const wanted = [...new Set(files)];
  await Promise.all(
    wanted.map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      await cache.put(url, response);
    }),
  );
  await cache.put(scope, index);
  for (const request of await cache.keys()) {
    if (HASHED.test(new URL(request.url).pathname) && !wanted.includes(request.url)) await cache.delete(request);
  }
  for (const client of await self.clients.matchAll()) client.postMessage({ type: "loopscope:offline-ready" });
}

/** Whether the copy holds the page and everything it names. */
async function buildKept() {
  const cache = await caches.open(CACHE);
  const index = await cache.match(self.registration.scope);
  if (!index) return false;
  const files = namedFiles(await index.text(), self.registration.scope);
  const found = await Promise.all(files.map((url) => cache.match(url)));
  return files.length > 0 && found.every(Boolean);
}

async function fromNetworkOrCopy(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}

async function fromCopyOrNetwork(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request.url);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request.url, response.clone());
  return response;
}

const NO_BODY = new Set([101, 103, 204, 205, 304]);

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const scope = new URL(self.registration.scope);
  if (url.origin !== scope.origin || !url.pathname.startsWith(scope.pathname)) return;
  const rest = url.pathname.slice(scope.pathname.length);
  if (rest.startsWith("http/")) {
    event.respondWith(forward(event.request, rest.slice("http/".length)));
    return;
  }
  if (event.request.method !== "GET" || event.request.headers.has("range")) return;
  if (event.request.mode === "navigate" && (rest === "" || rest === "index.html")) {
    event.respondWith(fromNetworkOrCopy(event.request, scope.href));
  } else if (HASHED.test(rest)) {
    event.respondWith(fromCopyOrNetwork(event.request));
  } else if (KEPT.test(rest)) {
    event.respondWith(fromNetworkOrCopy(event.request, url.origin + url.pathname));
  }
});

async function forward(request, rest) {
  const slash = rest.indexOf("/");
  const owner = decodeURIComponent(slash < 0 ? rest : rest.slice(0, slash));
  const client = owner && (await self.clients.get(owner));
  if (!client) return Response.error();
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const body = hasBody ? await request.arrayBuffer() : null;
  const channel = new MessageChannel();
  const message = {
    type: "loopscope:request",
    method: request.method,
    url: request.url,
    headers: [...request.headers],
    body,
  };
  client.postMessage(message, body ? [channel.port2, body] : [channel.port2]);
  return new Promise((resolve) => {
    let controller = null;
    let answered = false;
    const port = channel.port1;
    const stream = () =>
      new ReadableStream({
        start(c) {
          controller = c;
        },
        cancel() {
          port.postMessage({ type: "cancel" });
          port.close();
        },
      });
    port.onmessage = ({ data }) => {
      switch (data && data.type) {
        case "head": {
          answered = true;
          const empty = NO_BODY.has(data.status) || request.method === "HEAD";
          try {
            resolve(new Response(empty ? null : stream(), { status: data.status, headers: data.headers }));
          } catch (e) {
            resolve(new Response(String(e), { status: 500 }));
          }
          break;
        }
        case "body":
          if (controller) controller.enqueue(new Uint8Array(data.chunk));
          break;
        case "end":
          if (controller) controller.close();
          port.close();
          break;
        case "refused":
        case "error":
          if (!answered) resolve(Response.error());
          else if (controller) controller.error(new TypeError(data.message || "the connection broke"));
          port.close();
          break;
      }
    };
  });
}
