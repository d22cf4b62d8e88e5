import asyncio


def hello_world(loop):
    print("Hello World")
    loop.stop()    # stop the loop once printed


loop = asyncio.new_event_loop()
loop.call_soon(hello_world, loop)    # called on the loop's next turn
loop.run_forever()
loop.close()
