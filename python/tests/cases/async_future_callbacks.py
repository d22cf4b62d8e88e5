# feature: add_done_callback on futures: called soon after the result, in registration order, with the future
import asyncio

def report(name):
    def cb(fut):
        print(name, "sees", fut.result())
    return cb

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(report("first"))
    fut.add_done_callback(report("second"))
    loop.call_later(0.1, fut.set_result, "value")
    print("before await")
    await fut
    print("after await")
    fut.add_done_callback(report("late"))
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
