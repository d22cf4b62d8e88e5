import gevent


def f1():
    print(1)
    gevent.sleep(2)    # 遇到 IO 自动切换；换成 time.sleep 就不会切了
    print(2)


def f2():
    print(3)
    gevent.sleep(2)
    print(4)


g1 = gevent.spawn(f1)
g2 = gevent.spawn(f2)
gevent.joinall([g1, g2])    # 先打印 1 3，约 2 秒后打印 2 4
