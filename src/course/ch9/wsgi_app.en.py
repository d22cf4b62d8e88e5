import asyncio
import threading
import time
from wsgiref.simple_server import WSGIRequestHandler, make_server

import httpx


def app(environ, start_response):
    time.sleep(1)                                      # a slow handler: it waits synchronously
    start_response('200 OK', [('Content-Type', 'text/html')])
    return [b'<h1>Hello, web!</h1>']                   # the course returns a str; WSGI wants an iterable of bytes


class Quiet(WSGIRequestHandler):
    def log_message(self, format, *args):              # wsgiref logs every request to stderr
        pass


async def main():
    server = make_server('127.0.0.1', port=5000, app=app, handler_class=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()   # one thread, one request at a time
    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=30) as client:
        gets = [client.get("http://127.0.0.1:5000/") for _ in range(3)]
        for get in asyncio.as_completed(gets):
            resp = await get
            print(resp.status_code, resp.text, f"after about {round(time.perf_counter() - start)} s")
    await asyncio.Event().wait()                       # serves on until Stop


asyncio.run(main())
