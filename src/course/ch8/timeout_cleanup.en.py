import asyncio


async def download():
    print("download starts")
    try:
        await asyncio.sleep(5)
        return "data"
    finally:
        print("closing the connection")    # runs on cancellation too


async def main():
    try:
        await asyncio.wait_for(download(), timeout=2)
    except asyncio.TimeoutError:
        print("gave up after 2 s")


asyncio.run(main())
