import time
from concurrent.futures import ThreadPoolExecutor

MAX_WORKERS = 5


def task(a, b):
    time.sleep(2)                      # blocks for 2 s, on a thread
    return a + b


def show(fut):
    print(fut.result())                # the callback: gets the result once the job is done


with ThreadPoolExecutor(MAX_WORKERS) as pool:
    print("start")
    for i in range(5):
        pool.submit(task, i, i).add_done_callback(show)
    print("submitted")                 # submit does not wait: printed at once
# leaving the with block waits for every job in the pool
