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
    pool = await get_db_connection()                   # a new pool per request, as in the text
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute("SELECT * FROM users")   # meanwhile the server takes other requests
            result = await cur.fetchall()
            response_text = "\n".join([str(row) for row in result])
            return web.Response(text=response_text)


app = web.Application()
app.router.add_get('/db_query', handle_db_query)


async def main():
    runner = web.AppRunner(app)                        # the first two things web.run_app(app) does:
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port=5000).start()
    async with aiohttp.ClientSession() as session:
        async with session.get("http://127.0.0.1:5000/db_query") as resp:
            for line in (await resp.text()).splitlines():
                print(resp.status, line)
    await asyncio.Event().wait()                       # serves on until Stop


asyncio.run(main())
