import asyncio

from redis import asyncio as aioredis                 # aioredis 已并入 redis-py


async def execute(address):
    print("开始执行", address)
    redis = aioredis.from_url(address, decode_responses=True)   # 网络 IO：连接 Redis
    await redis.hset('car', mapping={'key1': 1, 'key2': 2, 'key3': 3})
    result = await redis.hgetall('car')                # 网络 IO：取回整个哈希
    print(result)
    await redis.aclose()                               # 网络 IO：关闭连接
    print("结束", address)


asyncio.run(execute('redis://127.0.0.1:6379'))
