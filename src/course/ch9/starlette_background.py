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
    return JSONResponse(message, background=task)      # 响应发出之后才执行 task


async def send_welcome_email(to_address):
    await asyncio.sleep(1)                             # 发邮件要一点时间：客户端早已拿到响应
    print("模拟发邮件:", to_address)


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
    await serving                                      # 一直服务下去，直到按下停止


asyncio.run(main())
