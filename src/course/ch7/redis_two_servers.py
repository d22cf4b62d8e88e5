import asyncio

from redis import asyncio as aioredis


async def execute(address):
    print("开始执行", address)
    redis = aioredis.from_url(address, decode_responses=True)   # 遇到网络 IO 就切换到另一个任务
    await redis.hset('car', mapping={'key1': 1, 'key2': 2, 'key3': 3})
    result = await redis.hgetall('car')
    print(result)
    await redis.aclose()
    print("结束", address)


async def main():
    task_list = [                                      # Python 3.11 起 wait 只接受任务，不接受协程
        asyncio.create_task(execute('redis://127.0.0.1:6379')),
        asyncio.create_task(execute('redis://127.0.0.1:6380')),
    ]
    await asyncio.wait(task_list)


asyncio.run(main())
