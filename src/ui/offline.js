// Whether the app is kept for working offline: registers the build's Service Worker (sw.js,
// beside index.html) once the page has loaded, and asks it whether its copy of the build is
// complete. Reports "kept" (the copy is complete), "online" (no copy yet) or "none" (this
// browser gives the page no Service Worker: a private window, an insecure address, a test
// harness without sw.js), and then again each time the copy is made.

export function offline_watch(script, report) {
  const container = navigator.serviceWorker;
  if (!container) {
    report("none");
    return;
  }
  const ask = (worker) =>
    new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event) => resolve(Boolean(event.data && event.data.kept));
      worker.postMessage({ type: "loopscope:offline?" }, [channel.port2]);
      setTimeout(() => resolve(false), 10000);
    });
  const start = async () => {
    try {
      container.addEventListener("message", (event) => {
        if (event.data && event.data.type === "loopscope:offline-ready") report("kept");
      });
      await container.register(new URL(script, document.baseURI).href);
      const registration = await container.ready;
      report((await ask(registration.active)) ? "kept" : "online");
    } catch (e) {
      report("none");
    }
  };
  // After the page's own downloads: the copy is made from the HTTP cache.
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
}
