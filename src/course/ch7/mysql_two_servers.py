import asyncio

import aiomysql


async def execute(host, port):
    print("开始", host, port)
    # 网络 IO：连接一个服务器时遇到等待，就切换到另一个任务去连接另一个服务器
    conn = await aiomysql.connect(host=host, port=port, user='root', password='12345', db='mysql')
    cur = await conn.cursor()
    await cur.execute("SELECT Host,User FROM user")  # 网络 IO：又会切换任务
    result = await cur.fetchall()
    print(result)
    await cur.close()
    conn.close()
    print("结束", host, port)


async def main():
    task_list = [                                    # Python 3.11 起 wait 只接受任务，不接受协程
        asyncio.create_task(execute('127.0.0.1', 3306)),
        asyncio.create_task(execute('127.0.0.1', 3307)),
    ]
    await asyncio.wait(task_list)


asyncio.run(main())
