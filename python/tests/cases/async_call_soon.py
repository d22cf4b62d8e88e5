# feature: loop.call_soon callbacks run in FIFO order after the current step, with arguments
import asyncio

def cb(name, *args):
    print("callback", name, args)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "first")
    loop.call_soon(cb, "second", 1, 2)
    print("scheduled")
    await asyncio.sleep(0)
    print("after sleep(0)")
    loop.call_soon(cb, "third")
    print("end of main")

asyncio.run(main())
