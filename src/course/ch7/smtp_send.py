import asyncio
from email.message import EmailMessage

import aiosmtplib
from aiosmtpd.smtp import SMTP as SMTPServer


class Mailbox:                                         # aiosmtpd 的 handler：收到的信放在这里
    def __init__(self):
        self.messages = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not address.endswith('@example.com'):
            return '550 not relaying to that domain'    # 不替别的域名转信
        envelope.rcpt_tos.append(address)
        return '250 OK'

    async def handle_DATA(self, server, session, envelope):
        await asyncio.sleep(1)                         # 存好一封信要 1 秒
        self.messages.append(envelope)
        print('收到', envelope.mail_from, '->', envelope.rcpt_tos)
        return '250 Message accepted for delivery'


async def main():
    mailbox = Mailbox()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTPServer(mailbox), '127.0.0.1', port=1025)

    message = EmailMessage()
    message["From"] = "root@localhost"
    message["To"] = "somebody@example.com"
    message["Subject"] = "Hello world!"
    message.set_content("Sent via aiosmtplib")
    errors, response = await aiosmtplib.send(message, hostname="127.0.0.1", port=1025)
    print(errors, response)

    message.replace_header("To", "somebody@elsewhere.org")
    try:
        await aiosmtplib.send(message, hostname="127.0.0.1", port=1025)
    except aiosmtplib.SMTPRecipientsRefused as e:      # 收信人全被拒绝
        print(type(e).__name__, e)
    print('信箱里有', len(mailbox.messages), '封信')
    server.close()


asyncio.run(main())
