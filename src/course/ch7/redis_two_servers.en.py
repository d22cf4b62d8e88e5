import asyncio

from redis import asyncio as aioredis


async def execute(address):
    print("starting", address)
    redis = aioredis.from_url(address, decode_responses=True)   # at each network I/O the other task runs
    await redis.hset('car', mapping={'key1': 1, 'key2': 2, 'key3': 3})
    result = await redis.hgetall('car')
    print(result)
    await redis.aclose()
    print("done", address)


async def main():
    task_list = [                                      # since Python 3.11 wait takes tasks, not coroutines
        asyncio.create_task(execute('redis://127.0.0.1:6379')),
        asyncio.create_task(execute('redis://127.0.0.1:6380')),
    ]
    await asyncio.wait(task_list)


asyncio.run(main())
