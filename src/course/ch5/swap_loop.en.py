import asyncio
import time

import uvloop

N = 200


async def job(n):
    await asyncio.sleep(0)                             # yields once: back to the loop
    return n


async def main():
    start = time.perf_counter()
    results = await asyncio.gather(*(job(n) for n in range(N)))
    took = (time.perf_counter() - start) * 1000
    return sum(results), took


for name, policy in [('asyncio', asyncio.DefaultEventLoopPolicy()),
                     ('uvloop', uvloop.EventLoopPolicy())]:
    asyncio.set_event_loop_policy(policy)              # another loop, not a line of the code changed
    total, took = asyncio.run(main())
    print(f"{name}: {N} tasks, sum {total}, in {took:.1f} ms")
