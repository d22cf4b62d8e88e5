import asyncio


class CommandServerProtocol(asyncio.Protocol):
    def __init__(self, stop):
        self.total = 0
        self.transport = None
        self.stop = stop

    def connection_made(self, transport):
        print("Connection from", transport.get_extra_info("peername"))
        self.transport = transport

    def data_received(self, data):
        words = data.decode().split()
        command, args = (words[0], words[1:]) if words else ("", [])
        if command in ("add", "multiply"):
            try:
                number = int(args[0])
            except (IndexError, ValueError):
                self.reply(f"Invalid {command} command. Usage: {command} <number>")
                return
            if command == "add":
                self.total += number
                self.reply(f"Current total: {self.total}")
            else:
                self.total *= number
                self.reply(f"Current total after multiplication: {self.total}")
        elif command == "reset":
            self.total = 0
            self.reply("Total has been reset to 0.")
        elif command == "shutdown":
            print("Shutting down the server...")
            self.transport.close()
            self.stop.set()
        else:
            self.reply("Unknown command. Available commands: "
                       "add <number>, multiply <number>, reset, shutdown")

    def reply(self, text):
        self.transport.write((text + "\n").encode())

    def connection_lost(self, exc):
        print("Connection closed")


async def client(commands):
    reader, writer = await asyncio.open_connection("127.0.0.1", 8888)
    for command in commands:
        print(">", command)
        writer.write((command + "\n").encode())
        print("<", (await reader.readline()).decode().strip())
        await asyncio.sleep(0.5)
    writer.close()


async def main():
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    server = await loop.create_server(
        lambda: CommandServerProtocol(stop), "127.0.0.1", 8888)
    print("Serving on", server.sockets[0].getsockname())
    async with server:
        await client(["add 5", "multiply 3", "divide 2", "add x", "reset"])
        await stop.wait()              # keep serving until someone sends shutdown


asyncio.run(main())
