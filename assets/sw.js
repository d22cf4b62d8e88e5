// Loopscope's Service Worker: the HTTP endpoint of the page's servers.
//
// A fetch of `<app>/http/<page>/<port>/<path>` (from the page itself, an iframe or another
// tab) is a real Request; this worker posts it to the page <page> (a client id), whose
// server on <port> answers through a MessagePort, and streams the answer back as a real
// Response. Nothing else is touched: every other request goes to the network as usual.
// A page that is gone, or a port nobody listens on, is a network error, as a refused
// connection is.

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "loopscope:whoami" && event.ports[0] && event.source) {
    event.ports[0].postMessage({ id: event.source.id });
  }
});

const NO_BODY = new Set([101, 103, 204, 205, 304]);

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  const prefix = new URL("http/", self.registration.scope);
  if (url.origin !== prefix.origin || !url.pathname.startsWith(prefix.pathname)) return;
  event.respondWith(forward(event.request, url.pathname.slice(prefix.pathname.length)));
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
