import asyncio
from functools import partial


def greet(greeting, name, punctuation="。"):
    print(f"{greeting}，{name}{punctuation}")


async def main():
    loop = asyncio.get_running_loop()
    # call_soon 只接受位置参数；关键字参数先用 partial “冻结”进去
    loop.call_soon(partial(greet, punctuation="！"), "嗨", "安娜")
    loop.call_soon(greet, "你好", "阿波")
    await asyncio.sleep(0)    # 让出一轮，回调才有机会运行


asyncio.run(main())
