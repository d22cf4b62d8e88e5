import asyncio

import aiohttp
import aiomysql
from aiohttp import web


async def get_db_connection():
    pool = await aiomysql.create_pool(
        host='localhost',
        port=3306,
        user='user',
        password='password',
        db='testdb',
        autocommit=True
    )
    return pool


async def handle_db_query(request):
    pool = await get_db_connection()                   # 课文为每个请求新建一个连接池
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute("SELECT * FROM users")   # 这时服务器可以处理别的请求
            result = await cur.fetchall()
            response_text = "\n".join([str(row) for row in result])
            return web.Response(text=response_text)


app = web.Application()
app.router.add_get('/db_query', handle_db_query)


async def main():
    runner = web.AppRunner(app)                        # web.run_app(app) 做的前两步：
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port=5000).start()
    async with aiohttp.ClientSession() as session:
        async with session.get("http://127.0.0.1:5000/db_query") as resp:
            for line in (await resp.text()).splitlines():
                print(resp.status, line)
    await asyncio.Event().wait()                       # 一直服务下去，直到按下停止


asyncio.run(main())
