import asyncio
from email.message import EmailMessage

from aiosmtplib import SMTP, send
from aiosmtpd.smtp import SMTP as SMTPServer


class Mailbox:
    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(1)                         # storing a mail takes 1 s
        return '250 Message accepted for delivery'


def letter(number):
    message = EmailMessage()
    message["From"] = "root@localhost"
    message["To"] = "somebody@example.com"
    message["Subject"] = f"Hello {number}!"
    message.set_content("Sent via aiosmtplib")
    return message


async def main():
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTPServer(Mailbox()), '127.0.0.1', port=1025)

    start = loop.time()
    smtp_client = SMTP(hostname="127.0.0.1", port=1025)
    async with smtp_client:                            # one connection, one mail after another
        for number in range(3):
            await smtp_client.send_message(letter(number))
    print(f"one by one: about {round(loop.time() - start)} s")

    start = loop.time()                                # three connections, all at once
    await asyncio.gather(*(send(letter(n), hostname="127.0.0.1", port=1025) for n in range(3)))
    print(f"at once: about {round(loop.time() - start)} s")
    server.close()


asyncio.run(main())
