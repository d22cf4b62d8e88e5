import asyncio

import httpx
import uvicorn


async def app(scope, receive, send):           # an ASGI app: one call per request
    assert scope['type'] == 'http'

    await send({
        'type': 'http.response.start',
        'status': 200,
        'headers': [
            [b'content-type', b'text/plain'],
        ],
    })
    await send({
        'type': 'http.response.body',
        'body': b'Hello, world!',
    })


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)             # what `uvicorn example:app` runs
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:   # visit it, as a browser would
        resp = await client.get("http://127.0.0.1:5000/")
    print(resp.status_code, resp.headers['content-type'])
    print(resp.text)
    await serving                               # serves on until Stop


asyncio.run(main())
