import asyncio

import aiomysql


async def main():
    # 连接 MySQL：网络 IO，等待时事件循环可以去运行别的任务
    conn = await aiomysql.connect(
        host="127.0.0.1", port=3306, user="root", password="12345", db="mysql"
    )
    cur = await conn.cursor()                        # 创建 CURSOR
    await cur.execute("SELECT Host,User FROM user")  # 执行 SQL：网络 IO
    result = await cur.fetchall()                    # 获取 SQL 结果
    print(result)
    await cur.close()                                # 关闭 CURSOR
    conn.close()                                     # 关闭连接


asyncio.run(main())
