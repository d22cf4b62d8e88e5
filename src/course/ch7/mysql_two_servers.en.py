import asyncio

import aiomysql


async def execute(host, port):
    print("starting", host, port)
    # network I/O: while one server is awaited, the other task connects to the other one
    conn = await aiomysql.connect(host=host, port=port, user='root', password='12345', db='mysql')
    cur = await conn.cursor()
    await cur.execute("SELECT Host,User FROM user")  # network I/O: the tasks switch again
    result = await cur.fetchall()
    print(result)
    await cur.close()
    conn.close()
    print("done", host, port)


async def main():
    task_list = [                                    # since Python 3.11 wait takes tasks, not coroutines
        asyncio.create_task(execute('127.0.0.1', 3306)),
        asyncio.create_task(execute('127.0.0.1', 3307)),
    ]
    await asyncio.wait(task_list)


asyncio.run(main())
