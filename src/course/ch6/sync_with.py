import time


class ContextManager:
    def __init__(self):
        self.conn = None

    def action(self):
        return self.conn

    def __enter__(self):
        time.sleep(1)          # 链接数据库：阻塞 1 秒
        self.conn = "OK"
        return self

    def __exit__(self, exc_type, exc, tb):
        self.conn = "CLOSE"    # 关闭数据库链接


def main():
    with ContextManager() as cm:    # 回顾：实现了 __enter__ 和 __exit__ 的对象就是上下文管理器
        result = cm.action()
        print(result)


main()
