import asyncio

from redis import asyncio as aioredis                 # aioredis is now part of redis-py


async def main():
    # a client bound to a single connection (it does not reconnect by itself)
    redis = aioredis.from_url('redis://127.0.0.1:6379', decode_responses=True)
    async with redis.client() as conn:                 # takes one connection of the pool for the block
        await conn.set('my-key', 'value')
        val = await conn.get('my-key')
    print("client", val)
    await redis.aclose()


async def redis_pool():
    # a client bound to a pool of connections (it reconnects by itself)
    redis = aioredis.from_url('redis://127.0.0.1:6379', decode_responses=True)
    await redis.set('my-key', 'value')                 # each command borrows a connection, then returns it
    val = await redis.get('my-key')
    print("pool", val)
    await redis.aclose()


if __name__ == '__main__':
    asyncio.run(main())
    asyncio.run(redis_pool())
