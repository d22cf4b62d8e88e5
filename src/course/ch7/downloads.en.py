import asyncio

import aiohttp

URLS = [
    "samples/harbour.png",
    "samples/lantern.png",
    "samples/missing.png",
    "samples/mountain.png",
]
KB_PER_SECOND = 200                    # the simulated link: 200 KB a second per connection
BASE = "http://localhost:8080/"        # the images come from this app itself


async def download(session, url):
    loop = asyncio.get_running_loop()
    name = url.rsplit("/")[-1]
    print("downloading", name)
    try:
        async with session.get(BASE + url) as response:
            response.raise_for_status()
            start, got = loop.time(), 0
            async for chunk in response.content.iter_chunked(16384):
                got += len(chunk)
                due = start + got / (KB_PER_SECOND * 1000)
                await asyncio.sleep(due - loop.time())   # no faster than the link
        print(f"done {name}: {got} bytes")
    except aiohttp.ClientResponseError as e:
        print(f"failed {name}: HTTP {e.status} {e.message}: {url}")
    except aiohttp.ClientError as e:
        print(f"failed {name}: {e}")   # the others carry on


async def sequential(session):
    for url in URLS:
        await download(session, url)   # one after the other


async def concurrent(session):
    await asyncio.gather(*(download(session, url) for url in URLS))


async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        for way, label in ((sequential, "sequential"), (concurrent, "concurrent")):
            start = loop.time()
            await way(session)
            took = int(round((loop.time() - start) * 1000, -2))
            print(f"{label}: about {took} ms")


asyncio.run(main())
