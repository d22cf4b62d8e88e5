import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

MAX_WORKERS = 5
JOBS = 10


def download_img(url):
    print("downloading", url)
    time.sleep(1)                      # blocks, but on a thread of the pool
    print("done", url)


async def ticker():
    loop = asyncio.get_running_loop()
    for n in range(1, 4):
        due = loop.time() + 0.5
        await asyncio.sleep(0.5)
        late = int(round((loop.time() - due) * 1000, -2))
        print(f"tick {n}: about {late} ms late")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tick = asyncio.create_task(ticker())
    with ThreadPoolExecutor(MAX_WORKERS) as pool:
        jobs = [loop.run_in_executor(pool, download_img, i) for i in range(JOBS)]
        await asyncio.wait(jobs)       # 10 jobs on 5 threads: about 2 s
    await tick
    print(f"{JOBS} jobs took about {round(loop.time() - start)} s")


asyncio.run(main())
