# feature: Queue.get_nowait on an empty queue raises QueueEmpty; wait_for(get) with timeout
import asyncio

async def main():
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty", repr(asyncio.QueueEmpty()))
    try:
        await asyncio.wait_for(q.get(), timeout=0.3)
    except asyncio.TimeoutError:
        print("nothing arrived")
    asyncio.get_running_loop().call_later(0.1, q.put_nowait, "late item")
    print(await asyncio.wait_for(q.get(), timeout=1))

asyncio.run(main())
