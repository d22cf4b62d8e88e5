import time
from concurrent.futures import ThreadPoolExecutor

MAX_WORKERS = 5


def task(a, b):
    time.sleep(2)                      # 在线程里阻塞 2 秒
    return a + b


def show(fut):
    print(fut.result())                # 回调：任务做完后拿到结果


with ThreadPoolExecutor(MAX_WORKERS) as pool:
    print("开始了")
    for i in range(5):
        pool.submit(task, i, i).add_done_callback(show)
    print("结束了")                 # submit 不等待：立刻打印
# 离开 with 块时，等线程池里的任务全部做完
