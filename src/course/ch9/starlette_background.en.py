import asyncio

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.responses import JSONResponse
from starlette.routing import Route


async def signup(request):
    data = await request.json()
    username, email = data['username'], data['email']
    task = BackgroundTask(send_welcome_email, to_address=email)
    message = {'status': 'Signup successful'}
    return JSONResponse(message, background=task)      # the task runs after the response is sent


async def send_welcome_email(to_address):
    await asyncio.sleep(1)                             # mailing takes a while: the client has its answer already
    print("pretending to send mail:", to_address)


routes = [
    Route('/user/signup', endpoint=signup, methods=['POST'])
]

app = Starlette(routes=routes)


async def main():
    config = uvicorn.Config(app, host="127.0.0.1", port=5000, log_level="warning")
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:
        await asyncio.sleep(0.01)
    async with httpx.AsyncClient() as client:
        user = {"username": "ada", "email": "ada@example.com"}
        resp = await client.post("http://127.0.0.1:5000/user/signup", json=user)
        print(resp.status_code, resp.json())
    await serving                                      # serves on until Stop


asyncio.run(main())
