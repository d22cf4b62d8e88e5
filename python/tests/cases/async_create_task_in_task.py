# feature: tasks creating tasks; awaiting grandchild results; name numbering in creation order
import asyncio

async def grandchild(n):
    await asyncio.sleep(0.05)
    return f"gc{n}:{asyncio.current_task().get_name()}"

async def child(n):
    t = asyncio.create_task(grandchild(n))
    print("child", n, "created", t.get_name())
    return await t

async def main():
    results = await asyncio.gather(child(1), child(2))
    print(results)

asyncio.run(main())
