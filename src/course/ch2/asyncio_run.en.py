import asyncio


async def f1():
    print("f1 start")
    await asyncio.sleep(5)
    print("f1 end")


# It used to take two lines:
# loop = asyncio.get_event_loop()
# loop.run_until_complete(f1())
asyncio.run(f1())    # makes a loop, runs f1 to its end, closes the loop
