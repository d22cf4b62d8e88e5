import asyncio


async def download():
    print("开始下载")
    try:
        await asyncio.sleep(5)
        return "data"
    finally:
        print("关闭连接")    # 被取消时也会执行


async def main():
    try:
        await asyncio.wait_for(download(), timeout=2)
    except asyncio.TimeoutError:
        print("等了 2 秒，放弃了")


asyncio.run(main())
