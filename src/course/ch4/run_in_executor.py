import asyncio
import time
from concurrent.futures import ThreadPoolExecutor

MAX_WORKERS = 5
JOBS = 10


def download_img(url):
    print("下载图片:", url)
    time.sleep(1)                      # 阻塞，但是在线程池的线程里
    print("下载完成:", url)


async def ticker():
    loop = asyncio.get_running_loop()
    for n in range(1, 4):
        due = loop.time() + 0.5
        await asyncio.sleep(0.5)
        late = int(round((loop.time() - due) * 1000, -2))
        print(f"第 {n} 次滴答：晚了约 {late} 毫秒")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    tick = asyncio.create_task(ticker())
    with ThreadPoolExecutor(MAX_WORKERS) as pool:
        jobs = [loop.run_in_executor(pool, download_img, i) for i in range(JOBS)]
        await asyncio.wait(jobs)       # 10 个任务，5 个线程：约 2 秒
    await tick
    print(f"{JOBS} 个任务用了约 {round(loop.time() - start)} 秒")


asyncio.run(main())
