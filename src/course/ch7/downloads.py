import asyncio

import aiohttp

URLS = [
    "samples/harbour.png",
    "samples/lantern.png",
    "samples/missing.png",
    "samples/mountain.png",
]
KB_PER_SECOND = 200                    # 模拟的网速：每个连接每秒 200 KB
BASE = "http://localhost:8080/"        # 图片由本应用自己提供


async def download(session, url):
    loop = asyncio.get_running_loop()
    name = url.rsplit("/")[-1]
    print("下载图片:", name)
    try:
        async with session.get(BASE + url) as response:
            response.raise_for_status()
            start, got = loop.time(), 0
            async for chunk in response.content.iter_chunked(16384):
                got += len(chunk)
                due = start + got / (KB_PER_SECOND * 1000)
                await asyncio.sleep(due - loop.time())   # 按网速放慢读取
        print(f"下载完成: {name}（{got} 字节）")
    except aiohttp.ClientResponseError as e:
        print(f"下载失败: {name}（HTTP {e.status} {e.message}: {url}）")
    except aiohttp.ClientError as e:
        print(f"下载失败: {name}（{e}）")   # 一个文件失败，其他的照常下载


async def sequential(session):
    for url in URLS:
        await download(session, url)   # 一个下完再下一个


async def concurrent(session):
    await asyncio.gather(*(download(session, url) for url in URLS))


async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        for way, label in ((sequential, "顺序执行"), (concurrent, "并发执行")):
            start = loop.time()
            await way(session)
            took = int(round((loop.time() - start) * 1000, -2))
            print(f"{label}：约 {took} 毫秒")


asyncio.run(main())
