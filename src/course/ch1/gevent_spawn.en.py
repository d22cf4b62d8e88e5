import gevent


def f1():
    print(1)
    gevent.sleep(2)    # switches by itself on I/O; time.sleep would not switch
    print(2)


def f2():
    print(3)
    gevent.sleep(2)
    print(4)


g1 = gevent.spawn(f1)
g2 = gevent.spawn(f2)
gevent.joinall([g1, g2])    # prints 1 3, then 2 4 about 2 s later
