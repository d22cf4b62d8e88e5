# feature: asyncio.get_event_loop at module level, run_until_complete, running loop identity
import asyncio

async def main():
    running = asyncio.get_running_loop()
    print("same loop:", running is loop, running.is_running())
    await asyncio.sleep(0.1)
    return "ok"

loop = asyncio.get_event_loop()
print(loop.is_running())
print(loop.run_until_complete(main()))
loop.close()
