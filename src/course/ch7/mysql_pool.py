import asyncio

import aiomysql


async def go():
    pool = await aiomysql.create_pool(host='127.0.0.1', port=3306,
                                      user='root', password='12345',
                                      db='mysql', autocommit=False)

    async with pool.acquire() as conn:               # 从连接池借一个连接，离开 with 时归还
        cur = await conn.cursor()
        await cur.execute("SELECT 10")
        ret = await cur.fetchone()
        print(ret)

    pool.close()
    await pool.wait_closed()


asyncio.run(go())
