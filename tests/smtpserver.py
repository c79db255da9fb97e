"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), recording every message it accepts.

    server = SmtpServer.start()                      # a free port; server.port
    server.refuse("bad@example.org", "550 5.1.1 no such user")   # RCPT answered with a 5xx
    server.defer("slow@example.org", times=2)        # RCPT answered 451 twice, then accepted
    server.drop_during_data(times=1)                 # the next DATA is cut off after a few lines
    gate = server.hold("b@example.org")              # RCPT for b waits until gate.set()
    server.messages_for("a@example.org")             # parsed messages accepted for a
    server.stop()

Only messages that reached the end of DATA and were answered 250 are recorded: that is what a
recipient would receive.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import ssl
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Accepted:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return email.message_from_bytes(self.data, policy=email.policy.default)


@dataclass
class _Rules:
    refused: dict[str, str] = field(default_factory=dict)
    deferred: dict[str, int] = field(default_factory=dict)
    holds: dict[str, threading.Event] = field(default_factory=dict)
    reached: dict[str, threading.Event] = field(default_factory=dict)
    drops: int = 0
    dropped: int = 0


class _Handler:
    def __init__(self, server: SmtpServer):
        self.server = server

    async def handle_RCPT(self, smtp, session, envelope, address, rcpt_options):
        rules = self.server.rules
        if address in rules.reached:
            rules.reached[address].set()
        gate = rules.holds.get(address)
        while gate is not None and not gate.is_set():
            await asyncio.sleep(0.02)
        if address in rules.refused:
            return rules.refused[address]
        if rules.deferred.get(address, 0) > 0:
            rules.deferred[address] -= 1
            return "451 4.3.0 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp, session, envelope):
        with self.server.lock:
            self.server.accepted.append(Accepted(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.content)))
        return "250 2.0.0 accepted"


class _DroppingSMTP(SMTP):
    """Cuts the connection in the middle of DATA while the server has drops left to make."""

    def __init__(self, handler, rules: _Rules, **kwargs):
        super().__init__(handler, **kwargs)
        self.rules = rules

    async def smtp_DATA(self, arg):
        if self.rules.drops <= 0 or not self.envelope or not self.envelope.rcpt_tos:
            return await super().smtp_DATA(arg)
        self.rules.drops -= 1
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        for _ in range(3):  # a few header lines arrive, then the line goes dead
            await self._reader.readuntil(b"\r\n")
        self.rules.dropped += 1
        self.transport.close()


class _Controller(Controller):
    def __init__(self, handler, rules: _Rules, **kwargs):
        super().__init__(handler, **kwargs)
        self.rules = rules

    def factory(self):
        return _DroppingSMTP(self.handler, self.rules, **self.SMTP_kwargs)


class SmtpServer:
    def __init__(self, port: int, login: tuple[str, str] | None = None, tls: ssl.SSLContext | None = None,
                 implicit_tls: bool = False):
        self.port = port
        self.lock = threading.Lock()
        self.accepted: list[Accepted] = []
        self.rules = _Rules()
        kwargs: dict = {}
        if login:
            def check(server, session, envelope, mechanism, auth_data):
                given = (auth_data.login.decode(), auth_data.password.decode())
                return AuthResult(success=given == login, handled=False)

            # aiosmtpd only counts STARTTLS as TLS for AUTH; an implicit-TLS connection is encrypted too
            kwargs.update(authenticator=check, auth_require_tls=tls is not None and not implicit_tls)
        if tls is not None and implicit_tls:
            kwargs["ssl_context"] = tls
        elif tls is not None:
            kwargs.update(tls_context=tls, require_starttls=True)
        self._controller = _Controller(_Handler(self), self.rules, hostname="127.0.0.1", port=port, **kwargs)

    @classmethod
    def start(cls, login: tuple[str, str] | None = None, tls: ssl.SSLContext | None = None,
              implicit_tls: bool = False) -> SmtpServer:
        """`login`: (username, password) the server requires before it takes mail. `tls`: the
        server's certificate, offered through STARTTLS (required), or from the first byte with
        `implicit_tls`."""
        server = cls(free_port(), login, tls, implicit_tls)
        server._controller.start()
        return server

    def stop(self) -> None:
        for gate in self.rules.holds.values():
            gate.set()
        self._controller.stop()

    def refuse(self, address: str, reply: str = "550 5.1.1 mailbox unavailable") -> None:
        self.rules.refused[address] = reply

    def defer(self, address: str, times: int = 1) -> None:
        self.rules.deferred[address] = times

    def drop_during_data(self, times: int = 1) -> None:
        self.rules.drops = times

    def hold(self, address: str) -> tuple[threading.Event, threading.Event]:
        """RCPT for `address` waits for the first event; the second is set when it arrives."""
        gate, reached = threading.Event(), threading.Event()
        self.rules.holds[address] = gate
        self.rules.reached[address] = reached
        return gate, reached

    @property
    def dropped(self) -> int:
        return self.rules.dropped

    def messages_for(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [a.message for a in self.accepted if address in a.rcpt_tos]
