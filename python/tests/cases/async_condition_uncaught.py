# feature: an uncaught RuntimeError from Condition.notify outside the lock, with its traceback
import asyncio

async def announce(cond):
    await asyncio.sleep(0.2)
    print("announcing")
    cond.notify_all()

async def main():
    cond = asyncio.Condition()
    await announce(cond)

asyncio.run(main())
