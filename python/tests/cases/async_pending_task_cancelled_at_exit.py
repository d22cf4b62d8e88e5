# feature: a task still pending when main returns is cancelled by asyncio.run (its finally runs)
import asyncio

async def background():
    try:
        while True:
            await asyncio.sleep(0.1)
            print("background tick")
    finally:
        print("background cancelled at exit")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.25)
    print("main returns")

asyncio.run(main())
print("after asyncio.run")
