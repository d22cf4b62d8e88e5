# feature: wait_for(event.wait(), timeout) timing out, then succeeding after set via call_later
import asyncio

async def main():
    ev = asyncio.Event()
    try:
        await asyncio.wait_for(ev.wait(), 0.2)
    except TimeoutError:
        print("event not set in time")
    asyncio.get_running_loop().call_later(0.1, ev.set)
    r = await asyncio.wait_for(ev.wait(), 1)
    print("event set, wait returned", r)

asyncio.run(main())
