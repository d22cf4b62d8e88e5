import asyncio

from redis import asyncio as aioredis                 # aioredis is part of redis-py now


async def execute(address):
    print("starting", address)
    redis = aioredis.from_url(address, decode_responses=True)   # network I/O: connect to Redis
    await redis.hset('car', mapping={'key1': 1, 'key2': 2, 'key3': 3})
    result = await redis.hgetall('car')                # network I/O: fetch the whole hash
    print(result)
    await redis.aclose()                               # network I/O: close the connection
    print("done", address)


asyncio.run(execute('redis://127.0.0.1:6379'))
