# 还没有 asyncio：普通的阻塞代码
import time

JOBS = 10                              # 10 个阻塞的 1 秒任务


def download_img(url):
    print("下载图片:", url)
    time.sleep(1)                      # 阻塞：整个线程停在这里
    print("下载完成:", url)


start = time.time()
for i in range(JOBS):
    download_img(i)                    # 一个接一个：共 JOBS 秒
print(f"{JOBS} 个任务用了约 {round(time.time() - start)} 秒")
