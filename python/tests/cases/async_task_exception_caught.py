# feature: awaiting a failed task inside try/except catches the task's exception
import asyncio

async def fail(delay):
    await asyncio.sleep(delay)
    raise ConnectionError(f"failed after {delay}")

async def main():
    tasks = [asyncio.create_task(fail(d)) for d in (0.2, 0.1)]
    for t in tasks:
        try:
            await t
        except ConnectionError as e:
            print(t.get_name(), "->", e)
    print(all(t.done() for t in tasks))

asyncio.run(main())
