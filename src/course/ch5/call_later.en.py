import asyncio


def say(loop, text, last=False):
    print(text)
    if last:
        loop.stop()


loop = asyncio.new_event_loop()
loop.call_later(2, say, loop, "after 2 s", True)    # runs by due time, not by the order registered
loop.call_later(1, say, loop, "after 1 s")
loop.run_forever()
loop.close()
