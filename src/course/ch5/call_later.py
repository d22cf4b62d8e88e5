import asyncio


def say(loop, text, last=False):
    print(text)
    if last:
        loop.stop()


loop = asyncio.new_event_loop()
loop.call_later(2, say, loop, "2 秒后", True)    # 按到期时间执行，而不是注册顺序
loop.call_later(1, say, loop, "1 秒后")
loop.run_forever()
loop.close()
