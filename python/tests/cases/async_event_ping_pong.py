# feature: two tasks alternating with two Events
import asyncio

async def player(name, my_turn, other_turn, rounds):
    for i in range(rounds):
        await my_turn.wait()
        my_turn.clear()
        print(name, i)
        await asyncio.sleep(0.1)
        other_turn.set()

async def main():
    ping, pong = asyncio.Event(), asyncio.Event()
    ping.set()
    await asyncio.gather(player("ping", ping, pong, 3), player("pong", pong, ping, 3))

asyncio.run(main())
