import asyncio

import aiomysql


async def main():
    # connect to MySQL: network I/O, the loop can run other tasks meanwhile
    conn = await aiomysql.connect(
        host="127.0.0.1", port=3306, user="root", password="12345", db="mysql"
    )
    cur = await conn.cursor()                        # create a cursor
    await cur.execute("SELECT Host,User FROM user")  # run the SQL: network I/O
    result = await cur.fetchall()                    # fetch its result
    print(result)
    await cur.close()                                # close the cursor
    conn.close()                                     # close the connection


asyncio.run(main())
