import asyncio
import contextlib

import httpx
import uvicorn
import websockets
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles


def homepage(request):
    return PlainTextResponse('Hello, world!')


def user_me(request):
    username = "John Doe"
    return PlainTextResponse('Hello, %s!' % username)


def user(request):
    username = request.path_params['username']
    return PlainTextResponse('Hello, %s!' % username)


async def websocket_endpoint(websocket):
    await websocket.accept()
    await websocket.send_text('Hello, websocket!')
    await websocket.close()


@contextlib.asynccontextmanager
async def lifespan(app):                  # replaces on_startup / on_shutdown since Starlette 1.0
    print('Ready to go')                  # startup: before the server listens
    yield
    print('The end')                      # shutdown: after the last request is done


routes = [
    Route('/', homepage),
    Route('/user/me', user_me),
    Route('/user/{username}', user),
    WebSocketRoute('/ws', websocket_endpoint),
    Mount('/static', StaticFiles(directory="static")),
]

app = Starlette(debug=True, routes=routes, lifespan=lifespan)

URL = "http://127.0.0.1:5000"


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        for path in ["/", "/user/me", "/user/John", "/static/hello.txt", "/static/nope.txt"]:
            resp = await client.get(URL + path)
            print(path, "->", resp.status_code, resp.text.strip())
    async with websockets.connect("ws://127.0.0.1:5000/ws") as ws:
        async for message in ws:              # the loop ends once the server closes
            print("/ws ->", message)
    server.should_exit = True                 # as Ctrl+C would: uvicorn shuts down cleanly
    await serving


asyncio.run(main())
