import asyncio

import httpx
import uvicorn
from starlette.responses import StreamingResponse


async def slow_numbers(minimum, maximum):
    yield '<html><body><ul>\n'
    for number in range(minimum, maximum + 1):
        yield '<li>%d</li>\n' % number
        await asyncio.sleep(0.5)
    yield '</ul></body></html>\n'


async def app(scope, receive, send):
    assert scope['type'] == 'http'
    generator = slow_numbers(1, 10)
    response = StreamingResponse(generator, media_type='text/html')
    await response(scope, receive, send)


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        async with client.stream("GET", "http://127.0.0.1:5000/") as resp:
            async for line in resp.aiter_lines():       # 每收到一行就打印，不等整个响应
                print(line)
    await serving                                       # 一直服务下去，直到按下停止


asyncio.run(main())
