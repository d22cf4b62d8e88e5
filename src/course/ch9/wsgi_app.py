import asyncio
import threading
import time
from wsgiref.simple_server import WSGIRequestHandler, make_server

import httpx


def app(environ, start_response):
    time.sleep(1)                                      # 一个慢的处理函数：同步地等
    start_response('200 OK', [('Content-Type', 'text/html')])
    return [b'<h1>Hello, web!</h1>']                   # 课文返回 str；WSGI 要求可迭代的 bytes


class Quiet(WSGIRequestHandler):
    def log_message(self, format, *args):              # wsgiref 默认把每个请求写到 stderr
        pass


async def main():
    server = make_server('127.0.0.1', port=5000, app=app, handler_class=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()   # 一个线程，一次一个请求
    start = time.perf_counter()
    async with httpx.AsyncClient(timeout=30) as client:
        gets = [client.get("http://127.0.0.1:5000/") for _ in range(3)]
        for get in asyncio.as_completed(gets):
            resp = await get
            print(resp.status_code, resp.text, f"用了约 {round(time.perf_counter() - start)} 秒")
    await asyncio.Event().wait()                       # 一直服务下去，直到按下停止


asyncio.run(main())
