import asyncio


async def f1():
    print(1)
    await asyncio.sleep(3)
    print(2)
    return "f1"


def callback(task):
    print("done, stopping the loop:", task.result())
    task.get_loop().stop()    # run_until_complete stops the loop the same way inside


loop = asyncio.new_event_loop()
task = loop.create_task(f1())
task.add_done_callback(callback)
loop.run_forever()    # keeps turning until someone calls loop.stop()
loop.close()
