# feature: loop.call_later ordering by delay, and handle.cancel() preventing a callback
import asyncio

def say(msg):
    print(msg)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, say, "at 0.3")
    loop.call_later(0.1, say, "at 0.1")
    h = loop.call_later(0.2, say, "cancelled, never printed")
    loop.call_later(0.2, say, "at 0.2")
    h.cancel()
    print("cancelled?", h.cancelled())
    await asyncio.sleep(0.5)
    print("main done")

asyncio.run(main())
