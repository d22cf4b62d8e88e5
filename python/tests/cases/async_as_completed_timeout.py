# feature: as_completed with a timeout raises TimeoutError for the remaining ones
import asyncio

async def job(d):
    await asyncio.sleep(d)
    return d

async def main():
    try:
        for fut in asyncio.as_completed([job(0.1), job(0.5), job(0.2)], timeout=0.3):
            print("got", await fut)
    except TimeoutError:
        print("timeout waiting for the rest")
    await asyncio.sleep(0.5)
    print("end")

asyncio.run(main())
