import asyncio
import time

JOBS = 10


def download_img(url):
    print("downloading", url)
    time.sleep(1)                      # a blocking call...
    print("done", url)


async def ticker():
    loop = asyncio.get_running_loop()
    for n in range(1, 4):
        due = loop.time() + 0.5
        await asyncio.sleep(0.5)       # wants to wake every 0.5 s
        late = int(round((loop.time() - due) * 1000, -2))
        print(f"tick {n}: about {late} ms late")


async def main():
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0)             # let the ticker start first
    for i in range(JOBS):
        download_img(i)                # ...called right in the coroutine: the whole loop is stuck
    await tick


asyncio.run(main())
