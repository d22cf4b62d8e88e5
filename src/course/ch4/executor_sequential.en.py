# No asyncio yet: plain blocking code
import time

JOBS = 10                              # 10 blocking one-second jobs


def download_img(url):
    print("downloading", url)
    time.sleep(1)                      # blocks: the whole thread stops here
    print("done", url)


start = time.time()
for i in range(JOBS):
    download_img(i)                    # one after another: JOBS seconds in all
print(f"{JOBS} jobs took about {round(time.time() - start)} s")
