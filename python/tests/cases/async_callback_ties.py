# feature: timers due at the same instant fire in scheduling order; call_soon runs before due timers
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for name in ["t1", "t2", "t3", "t4", "t5"]:
        loop.call_later(0.1, print, name)
    loop.call_soon(print, "soon")
    await asyncio.sleep(0.1)
    print("main resumes")
    await asyncio.sleep(0.1)

asyncio.run(main())
