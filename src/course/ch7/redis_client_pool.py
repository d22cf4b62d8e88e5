import asyncio

from redis import asyncio as aioredis                 # aioredis 已并入 redis-py


async def main():
    # 绑定到单个连接的客户端（不会自动重连）
    redis = aioredis.from_url('redis://127.0.0.1:6379', decode_responses=True)
    async with redis.client() as conn:                 # 从连接池取一个连接，用到块结束
        await conn.set('my-key', 'value')
        val = await conn.get('my-key')
    print("单个连接", val)
    await redis.aclose()


async def redis_pool():
    # 绑定到连接池的客户端（自动重连）
    redis = aioredis.from_url('redis://127.0.0.1:6379', decode_responses=True)
    await redis.set('my-key', 'value')                 # 每条命令从池里借一个连接，用完归还
    val = await redis.get('my-key')
    print("连接池", val)
    await redis.aclose()


if __name__ == '__main__':
    asyncio.run(main())
    asyncio.run(redis_pool())
