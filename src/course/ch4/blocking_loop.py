import asyncio
import time

JOBS = 10


def download_img(url):
    print("下载图片:", url)
    time.sleep(1)                      # 阻塞的调用……
    print("下载完成:", url)


async def ticker():
    loop = asyncio.get_running_loop()
    for n in range(1, 4):
        due = loop.time() + 0.5
        await asyncio.sleep(0.5)       # 想每 0.5 秒醒一次
        late = int(round((loop.time() - due) * 1000, -2))
        print(f"第 {n} 次滴答：晚了约 {late} 毫秒")


async def main():
    tick = asyncio.create_task(ticker())
    await asyncio.sleep(0)             # 让 ticker 先开始
    for i in range(JOBS):
        download_img(i)                # ……直接在协程里调用：整个事件循环都卡住了
    await tick


asyncio.run(main())
