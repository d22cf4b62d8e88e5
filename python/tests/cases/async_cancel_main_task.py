# feature: cancelling the main task from another task ends asyncio.run with CancelledError
import asyncio

async def killer(main_task):
    await asyncio.sleep(0.3)
    print("cancelling main")
    main_task.cancel()

async def main():
    asyncio.create_task(killer(asyncio.current_task()))
    try:
        await asyncio.sleep(1)
    finally:
        print("main finally")

asyncio.run(main())
