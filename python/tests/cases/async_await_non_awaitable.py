# feature: awaiting a non-awaitable raises TypeError; asyncio.run of a non-coroutine raises ValueError
import asyncio

async def main():
    try:
        await 5
    except TypeError as e:
        print("TypeError:", e)
    return "main ok"

print(asyncio.run(main()))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
