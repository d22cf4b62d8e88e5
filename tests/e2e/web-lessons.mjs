// Chapter 9: every lesson with a server in the page, for the end-to-end tests that run each
// through the real Service Worker (web.mjs in Chromium, web-firefox.mjs in Firefox).
export const WEB_LESSONS = ['wsgi-app', 'asgi-app', 'asgi-class', 'starlette-hello', 'starlette-routes',
  'starlette-streaming', 'starlette-file', 'starlette-endpoint', 'starlette-background', 'starlette-app',
  'fastapi-hello', 'fastapi-red', 'aiohttp-routes', 'aiohttp-static-page', 'aiohttp-db-query'];
