import asyncio

import redis.asyncio as redis          # aioredis 已并入 redis-py


async def main():
    db = redis.from_url('redis://127.0.0.1:6379', decode_responses=True)
    await db.set("my-key", "value")
    print(await db.get("my-key"))      # value
    await db.delete("my-key")
    print(await db.get("my-key"))      # None：键已经删掉了
    await db.aclose()


asyncio.run(main())
