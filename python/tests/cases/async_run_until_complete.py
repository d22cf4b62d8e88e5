# feature: loop.run_until_complete on a new loop; several runs on the same loop keep its clock
import asyncio

async def step(n):
    await asyncio.sleep(0.1 * n)
    return n

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(step(1)))
print(loop.run_until_complete(step(2)))
t = loop.create_task(step(3))
print(loop.run_until_complete(t), t.get_name())
loop.close()
