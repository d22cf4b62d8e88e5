# feature: get_running_loop outside a coroutine raises RuntimeError: no running event loop
import asyncio

try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)

async def main():
    return asyncio.get_running_loop().is_running()

print(asyncio.run(main()))
