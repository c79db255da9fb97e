"""Deliver: compose the briefing email for each recipient and send it once, keeping a ledger.

The message: multipart/mixed holding a multipart/alternative (plain text, then HTML with its CSS
inlined) and, with `[email] attach_pdf`, the PDF. A recipient with `tracks` gets a briefing cut
down to those tracks (sources renumbered). Its Message-ID is derived from the digest and the
recipient, so every attempt for one (digest, recipient) carries the same Message-ID.

Transports: "outbox" writes each message as an .eml file into DIGEST_HOME/outbox/ (atomically,
named by digest and recipient); "smtp" sends with a timeout on every connection.

The ledger (`deliveries`, keyed by digest and recipient) decides what is sent:

    pending --claim--> sending --250--> sent
                          |--5xx------> failed    (permanent; `digest send --retry-failed` resets)
                          |--4xx, refused, dropped, timeout--> retried with backoff, then pending
    pending --no articles for this recipient--> skipped   (unless [email] send_empty)

Delivery is at-least-once with a stable Message-ID, never at-most-once: a row found in "sending"
(the process died mid-send, or the connection dropped) is sent again. A drop before the end of
DATA means the server never accepted the message, so the resend is the only copy. Only when the
server accepted the whole message and its "250" reply was lost (or the process died between that
reply and the ledger update, a window of one round trip) does the recipient get a second copy,
with the same Message-ID, which mail clients that de-duplicate (Gmail and others) fold into one.
Losing a briefing silently was judged worse than that rare, recognisable copy. The outbox is
exactly-once: a resend rewrites the same file. Only the holder of the "deliver" lease sends, so
two processes never work on the ledger at once.
"""

from __future__ import annotations

import dataclasses
import email.policy
import email.utils
import hashlib
import logging
import os
import re
import smtplib
import socket
import ssl
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from digest.briefing import Briefing, Line, Section, Source, zone
from digest.config import Config, EmailConfig, Recipient
from digest.errors import ConfigError, DeliveryError, NotFound
from digest.lease import hold, lease_ttl
from digest.models import Delivery, DigestRecord
from digest.render import EmailBody, longdate, render_email, render_pdf, write_file
from digest.store import Store, utcnow

logger = logging.getLogger(__name__)

PENDING_MAX_AGE = timedelta(days=1)  # pending deliveries are retried at each poll for this long
DELIVER_LEASE = "deliver"


# --- errors -----------------------------------------------------------------------------------


class TransientFailure(DeliveryError):
    """Worth retrying: refused or dropped connection, timeout, a 4xx answer.
    `server_down`: the server could not be reached at all, so other recipients would fail too."""

    def __init__(self, message: str, server_down: bool = False):
        super().__init__(message)
        self.server_down = server_down


class PermanentFailure(DeliveryError):
    """Not worth retrying: a 5xx answer, a refused login, an untrusted certificate.
    `whole_server`: it concerns the connection, not this recipient, so it holds for everyone."""

    def __init__(self, message: str, whole_server: bool = False):
        super().__init__(message)
        self.whole_server = whole_server


# --- what goes out ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Outgoing:
    """One composed message for one recipient of one digest."""

    digest_id: int
    day: str  # the digest's date, YYYY-MM-DD
    recipient: str
    envelope_from: str
    message: EmailMessage
    tracks: tuple[str, ...]
    empty: bool

    @property
    def message_id(self) -> str:
        return self.message["Message-ID"]

    @property
    def subject(self) -> str:
        return self.message["Subject"]

    def as_bytes(self) -> bytes:
        return self.message.as_bytes(policy=email.policy.SMTP)


def message_id_for(record: DigestRecord, recipient: str, sender: str) -> str:
    """The same for every attempt at one (digest, recipient); the digest's creation time keeps
    it unique when a store is rebuilt and digest ids start again at 1."""
    domain = email.utils.parseaddr(sender)[1].rpartition("@")[2] or "digest.localhost"
    who = hashlib.sha256(recipient.strip().lower().encode()).hexdigest()[:16]
    return f"<digest-{record.id}-{record.created_at:%Y%m%d%H%M%S}.{who}@{domain}>"


def compose_message(
    *,
    sender: str,
    recipient: str,
    subject: str,
    text: str,
    html: str,
    message_id: str,
    date: datetime,
    reply_to: str = "",
    pdf: bytes | None = None,
    pdf_name: str = "briefing.pdf",
) -> EmailMessage:
    """A multipart message: text and HTML alternatives, then the PDF when given. Bodies are
    quoted-printable so the message is 7-bit clean for any server."""
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    if reply_to:
        message["Reply-To"] = reply_to
    message["Subject"] = subject
    message["Date"] = email.utils.format_datetime(date)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a robot
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    if pdf is not None:
        message.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    return message


def briefing_for_tracks(briefing: Briefing, tracks: Iterable[str]) -> Briefing:
    """The briefing cut down to `tracks`: their sections, top lines and sources, with the sources
    renumbered 1..n in their original order and every citation following them."""
    wanted = set(tracks)
    if not wanted or set(briefing.tracks) <= wanted:
        return briefing
    sections = [s for s in briefing.sections if s.track in wanted]
    kept = sorted({a.number for s in sections for a in s.articles})
    new_number = {old: new for new, old in enumerate(kept, start=1)}

    def renumber(numbers: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(new_number[n] for n in numbers if n in new_number)

    def line(item: Line) -> Line:
        return dataclasses.replace(item, sources=renumber(item.sources))

    def source(item: Source) -> Source:
        return dataclasses.replace(item, number=new_number[item.number])

    def section(item: Section) -> Section:
        return dataclasses.replace(
            item,
            lines=tuple(line(x) for x in item.lines),
            figures=tuple(dataclasses.replace(f, sources=renumber(f.sources)) for f in item.figures),
            quotes=tuple(dataclasses.replace(q, source=new_number.get(q.source, 0)) for q in item.quotes),
            articles=tuple(source(a) for a in item.articles),
        )

    return dataclasses.replace(
        briefing,
        tracks=tuple(t for t in briefing.tracks if t in wanted),
        counts=tuple(c for c in briefing.counts if c.track in wanted),
        top_lines=tuple(line(x) for x in briefing.top_lines if x.track in wanted),
        sections=tuple(section(s) for s in sections),
        sources=tuple(source(s) for s in briefing.sources if s.number in new_number),
    )


class _Renderings:
    """Email bodies and PDFs of one digest, rendered once per distinct set of tracks. The full
    briefing reuses the files `digest build` wrote when they are there."""

    def __init__(self, config: Config, record: DigestRecord):
        self.config, self.record = config, record
        self.full = Briefing.from_dict(record.data)
        self._cache: dict[tuple[str, ...], tuple[Briefing, EmailBody, bytes | None]] = {}

    def get(self, tracks: tuple[str, ...]) -> tuple[Briefing, EmailBody, bytes | None]:
        briefing = briefing_for_tracks(self.full, tracks)
        key = briefing.tracks
        if key not in self._cache:
            folder = Path(self.record.path) if self.record.path and briefing is self.full else None
            body = self._saved_email(folder) or render_email(briefing, self.config)
            pdf = None
            if self.config.email.attach_pdf and not briefing.is_empty:
                saved = folder / "briefing.pdf" if folder else None
                pdf = saved.read_bytes() if saved and saved.is_file() else render_pdf(briefing, self.config)
            self._cache[key] = (briefing, body, pdf)
        return self._cache[key]

    @staticmethod
    def _saved_email(folder: Path | None) -> EmailBody | None:
        if folder and (folder / "email.html").is_file() and (folder / "email.txt").is_file():
            return EmailBody((folder / "email.html").read_text(encoding="utf-8"), (folder / "email.txt").read_text(encoding="utf-8"))
        return None


def _subject(briefing: Briefing, full: Briefing) -> str:
    subject = f"{briefing.title}: {longdate(briefing.date)}"
    if briefing.tracks != full.tracks:
        subject += " (" + ", ".join(c.title for c in briefing.counts) + ")"
    if briefing.is_empty:
        subject += ": no new articles"
    return subject


def compose_for(config: Config, record: DigestRecord, recipient: Recipient, renderings: _Renderings,
                now: datetime | None = None) -> Outgoing:
    """The message for one recipient of a recorded digest."""
    briefing, body, pdf = renderings.get(recipient.tracks)
    sender = config.email.sender
    message = compose_message(
        sender=sender,
        recipient=recipient.address,
        subject=_subject(briefing, renderings.full),
        text=body.text,
        html=body.html,
        message_id=message_id_for(record, recipient.address, sender),
        date=(now or utcnow()).astimezone(zone(config)),
        reply_to=config.email.reply_to,
        pdf=pdf,
        pdf_name=f"briefing-{briefing.date:%Y-%m-%d}.pdf",
    )
    return Outgoing(
        digest_id=record.id,
        day=f"{record.date:%Y-%m-%d}",
        recipient=recipient.address,
        envelope_from=email.utils.parseaddr(sender)[1],
        message=message,
        tracks=briefing.tracks,
        empty=briefing.is_empty,
    )


# --- transports -------------------------------------------------------------------------------


class Transport(Protocol):
    description: str

    def send(self, outgoing: Outgoing) -> None:
        """Deliver one message. Raises TransientFailure or PermanentFailure."""

    def reset(self) -> None:
        """Forget the connection after a failure; the next send reconnects."""

    def close(self) -> None: ...


def outbox_name(outgoing: Outgoing) -> str:
    safe = re.sub(r"[^A-Za-z0-9@._+-]", "_", outgoing.recipient)
    return f"{outgoing.day}-digest{outgoing.digest_id}-{safe}.eml"


class OutboxTransport:
    """Writes each message as an .eml file: what a new user or the demo would have been sent."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.description = f"outbox {self.folder}"

    def send(self, outgoing: Outgoing) -> None:
        try:
            write_file(self.folder / outbox_name(outgoing), outgoing.as_bytes())
        except OSError as exc:
            raise TransientFailure(f"cannot write to the outbox {self.folder}: {exc}", server_down=True) from exc

    def reset(self) -> None:
        pass

    def close(self) -> None:
        pass


def _password(config: EmailConfig, environ) -> str | None:
    if not config.username:
        return None
    if not config.password_env:
        raise ConfigError("[email] username is set but password_env is empty: name the environment variable "
                          "that holds the SMTP password (password_env = \"DIGEST_SMTP_PASSWORD\")")
    if config.password_env not in environ:
        raise ConfigError(f"the environment variable {config.password_env} (named by [email] password_env) "
                          "is not set: export it with the SMTP password")
    return environ[config.password_env]


def _reply_code(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {text}".strip()


class SmtpTransport:
    """SMTP with STARTTLS, implicit TLS or neither; one connection reused for a run and opened
    again after a failure. Every socket operation has `[email] timeout`."""

    def __init__(self, config: EmailConfig, environ=None):
        self.config = config
        self._password = _password(config, os.environ if environ is None else environ)
        self._smtp: smtplib.SMTP | None = None
        self.description = f"smtp {config.host}:{config.port} ({config.security})"
        if config.username:
            self.description += f" as {config.username}"

    def _connect(self) -> smtplib.SMTP:
        c = self.config
        local = socket.gethostname() or "localhost"  # smtplib's default does a DNS lookup that can hang offline
        context = ssl.create_default_context()
        smtp = None
        try:
            if c.security == "ssl":
                smtp = smtplib.SMTP_SSL(c.host, c.port, local_hostname=local, timeout=c.timeout, context=context)
            else:
                smtp = smtplib.SMTP(c.host, c.port, local_hostname=local, timeout=c.timeout)
            smtp.ehlo()
            if c.security == "starttls":
                smtp.starttls(context=context)
                smtp.ehlo()
            if c.username:
                smtp.login(c.username, self._password or "")
            return smtp
        except smtplib.SMTPNotSupportedError as exc:
            self._close_quietly(smtp)
            raise PermanentFailure(f"{c.host}:{c.port} does not support what [email] asks for ({exc}); "
                                   "check security and username", whole_server=True) from None
        except smtplib.SMTPAuthenticationError as exc:
            self._close_quietly(smtp)
            raise PermanentFailure(f"{c.host}:{c.port} refused the login for {c.username!r}: {_reply_code(exc)}",
                                   whole_server=True) from None
        except ssl.SSLCertVerificationError as exc:
            self._close_quietly(smtp)
            raise PermanentFailure(f"the TLS certificate of {c.host} is not trusted: {exc.verify_message}",
                                   whole_server=True) from None
        except smtplib.SMTPResponseException as exc:
            self._close_quietly(smtp)
            if 400 <= exc.smtp_code < 500:
                raise TransientFailure(f"{c.host}:{c.port} is not accepting mail now: {_reply_code(exc)}", server_down=True) from None
            raise PermanentFailure(f"{c.host}:{c.port} refused the session: {_reply_code(exc)}", whole_server=True) from None
        except (OSError, smtplib.SMTPException) as exc:
            self._close_quietly(smtp)
            raise TransientFailure(f"cannot reach {c.host}:{c.port}: {exc.__class__.__name__}: {exc}", server_down=True) from None

    def send(self, outgoing: Outgoing) -> None:
        if self._smtp is None:
            self._smtp = self._connect()
        rcpt = outgoing.recipient
        try:
            self._smtp.sendmail(outgoing.envelope_from, [rcpt], outgoing.as_bytes())
        except smtplib.SMTPRecipientsRefused as exc:
            code, text = exc.recipients.get(rcpt, (550, b"refused"))
            reason = f"{code} {text.decode('utf-8', 'replace') if isinstance(text, bytes) else text}"
            if 400 <= code < 500:
                raise TransientFailure(f"{rcpt} deferred: {reason}") from None
            raise PermanentFailure(f"{rcpt} refused: {reason}") from None
        except smtplib.SMTPServerDisconnected as exc:
            self.reset()
            raise TransientFailure(f"the server closed the connection while sending to {rcpt}: {exc}") from None
        except smtplib.SMTPResponseException as exc:
            if exc.smtp_code == 421:  # the server is shutting the session down
                self.reset()
                raise TransientFailure(f"the server closed the session: {_reply_code(exc)}") from None
            if 400 <= exc.smtp_code < 500:
                raise TransientFailure(f"deferred: {_reply_code(exc)}") from None
            raise PermanentFailure(f"refused: {_reply_code(exc)}") from None
        except (OSError, smtplib.SMTPException) as exc:
            self.reset()
            raise TransientFailure(f"connection failed while sending to {rcpt}: {exc.__class__.__name__}: {exc}") from None

    @staticmethod
    def _close_quietly(smtp: smtplib.SMTP | None) -> None:
        if smtp is not None:
            try:
                smtp.close()
            except OSError:
                pass

    def reset(self) -> None:
        self._close_quietly(self._smtp)
        self._smtp = None

    def close(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (OSError, smtplib.SMTPException):
                pass
            self.reset()


def open_transport(config: Config, environ=None) -> Transport:
    """The configured transport. Raises ConfigError when SMTP settings are incomplete."""
    if config.email.transport == "smtp":
        return SmtpTransport(config.email, environ)
    return OutboxTransport(config.home / "outbox")


def describe_transport(config: Config, environ=None) -> str:
    """Where mail would go, for humans; names the password variable and whether it is set, never its value."""
    e = config.email
    if e.transport != "smtp":
        return f"outbox {config.home / 'outbox'}"
    text = f"smtp {e.host}:{e.port} ({e.security}), timeout {e.timeout:g}s"
    if e.username:
        environ = os.environ if environ is None else environ
        state = "set" if e.password_env and e.password_env in environ else "NOT SET"
        text += f", login {e.username} with the password from ${e.password_env or '?'} ({state})"
    return text


# --- delivering -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What happened to one recipient in this run (status as in the ledger, or "already-sent")."""

    recipient: str
    status: str  # sent, already-sent, skipped, failed, pending
    message_id: str | None = None
    attempts: int = 0
    detail: str = ""


@dataclass(frozen=True)
class DeliveryReport:
    digest_id: int
    transport: str
    outcomes: tuple[Outcome, ...]

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        """Nothing failed and nothing is left pending."""
        return not any(o.status in ("failed", "pending") for o in self.outcomes)


@dataclass(frozen=True)
class Planned:
    """What `send --dry-run` shows for one recipient."""

    outgoing: Outgoing
    ledger: str  # the ledger status now ("new" when there is no row)
    action: str  # "send", "resend", "skip: ..."


def resolve_recipients(config: Config, recipients: Iterable[Recipient] | None = None) -> list[Recipient]:
    """`recipients` when given, else the configured ones, checked and without repeats.
    Raises ConfigError when there is nobody to send to or an address is not one."""
    recipients = list(recipients) if recipients else list(config.email.recipients)
    if not recipients:
        raise ConfigError("no recipients: add [[email.recipients]] with address = \"...\" to the config file, "
                          "or pass --to ADDRESS")
    for r in recipients:
        if "@" not in email.utils.parseaddr(r.address)[1]:
            raise ConfigError(f"recipient {r.address!r} is not an email address")
    if "@" not in email.utils.parseaddr(config.email.sender)[1]:
        raise ConfigError(f"[email] sender = {config.email.sender!r} is not an email address")
    return list({r.address: r for r in recipients}.values())


def _record(store: Store, digest_id: int | None) -> DigestRecord:
    if digest_id is not None:
        return store.get_digest(digest_id)
    record = store.latest_digest()
    if record is None:
        raise NotFound("no digest has been built yet: run `digest build` first")
    return store.get_digest(record.id)


def plan_delivery(store: Store, config: Config, digest_id: int | None = None, *,
                  recipients: Iterable[Recipient] | None = None, now: datetime | None = None) -> list[Planned]:
    """Compose every message without sending anything or touching the ledger."""
    record = _record(store, digest_id)
    renderings = _Renderings(config, record)
    planned = []
    for recipient in resolve_recipients(config, recipients):
        outgoing = compose_for(config, record, recipient, renderings, now)
        row = store.get_delivery(record.id, recipient.address)
        ledger = row.status if row else "new"
        if ledger in ("sent", "failed", "skipped"):
            action = f"nothing: already {ledger}"
        elif outgoing.empty and not config.email.send_empty:
            action = "skip: no new articles ([email] send_empty = false)"
        else:
            action = "resend (an earlier attempt was cut off; same Message-ID)" if ledger == "sending" else "send"
        planned.append(Planned(outgoing, ledger, action))
    return planned


def deliver_digest(
    store: Store,
    config: Config,
    digest_id: int | None = None,
    *,
    recipients: Iterable[Recipient] | None = None,
    retry_failed: bool = False,
    transport: Transport | None = None,
    wait: float | None = 120.0,
    sleep: Callable[[float], None] = time.sleep,
    now: datetime | None = None,
) -> DeliveryReport:
    """Send a digest (default: the latest) to each recipient (default: the configured ones) that
    has not had it, per the ledger.

    One recipient's failure never stops the others. Raises NotFound, ConfigError (no recipients,
    incomplete SMTP settings), Busy (another process is delivering, after `wait` seconds).
    """
    record = _record(store, digest_id)
    recipients = resolve_recipients(config, recipients)
    transport = transport or open_transport(config)
    with hold(store, DELIVER_LEASE, wait=wait, ttl=lease_ttl(config), what="delivery") as lease:
        store.add_deliveries(record.id, [r.address for r in recipients])
        if retry_failed:
            for r in recipients:
                store.set_delivery_status(record.id, r.address, "pending", "retry requested", only_from=("failed",))
        renderings = _Renderings(config, record)
        outcomes: list[Outcome] = []
        halted = ""  # set when the server is down or refuses us: the rest stay pending / fail alike
        whole_server_failure = False
        try:
            for recipient in recipients:
                row = store.get_delivery(record.id, recipient.address)
                assert row is not None
                if row.status in ("sent", "failed", "skipped"):
                    outcomes.append(_settled(row))
                    continue
                if lease.lost.is_set():
                    halted = halted or "another process took over the delivery lease"
                if halted:
                    status = "failed" if whole_server_failure else "pending"
                    store.set_delivery_status(record.id, recipient.address, status, halted)
                    outcomes.append(Outcome(recipient.address, status, row.message_id, row.attempts, halted))
                    continue
                try:
                    outgoing = compose_for(config, record, recipient, renderings, now)
                except Exception as exc:  # a template failing for one cut of the briefing
                    logger.exception("could not compose the message for %s", recipient.address)
                    store.set_delivery_status(record.id, recipient.address, "failed", f"could not compose: {exc}")
                    outcomes.append(Outcome(recipient.address, "failed", None, row.attempts, f"could not compose: {exc}"))
                    continue
                if outgoing.empty and not config.email.send_empty:
                    reason = "no new articles" + (" in the subscribed tracks" if recipient.tracks else "")
                    store.set_delivery_status(record.id, recipient.address, "skipped", reason)
                    logger.info("digest %d: nothing to send to %s (%s)", record.id, recipient.address, reason)
                    outcomes.append(Outcome(recipient.address, "skipped", None, row.attempts, reason))
                    continue
                outcome, failure = _send_one(store, config, transport, outgoing, row, sleep)
                outcomes.append(outcome)
                if isinstance(failure, TransientFailure) and failure.server_down:
                    halted = str(failure)
                elif isinstance(failure, PermanentFailure) and failure.whole_server:
                    halted, whole_server_failure = str(failure), True
        finally:
            transport.close()
    report = DeliveryReport(record.id, transport.description, tuple(outcomes))
    logger.info("digest %d via %s: %d sent, %d already sent, %d skipped, %d pending, %d failed", record.id,
                transport.description, report.count("sent"), report.count("already-sent"), report.count("skipped"),
                report.count("pending"), report.count("failed"))
    return report


def _settled(row: Delivery) -> Outcome:
    status = "already-sent" if row.status == "sent" else row.status
    return Outcome(row.recipient, status, row.message_id, row.attempts, row.last_error or "")


def _send_one(store: Store, config: Config, transport: Transport, outgoing: Outgoing, row: Delivery,
              sleep: Callable[[float], None]) -> tuple[Outcome, DeliveryError | None]:
    """Claim the row, then send with retries. Returns the outcome and the last failure, if any."""
    rcpt, digest_id = outgoing.recipient, outgoing.digest_id
    if not store.claim_delivery(digest_id, rcpt, outgoing.message_id):
        now_row = store.get_delivery(digest_id, rcpt)
        return _settled(now_row) if now_row else Outcome(rcpt, "pending"), None
    if row.status == "sending":
        logger.warning("digest %d to %s: an earlier attempt was cut off; sending again with the same Message-ID %s",
                       digest_id, rcpt, outgoing.message_id)
    attempts = row.attempts
    tries = config.email.retries + 1
    for number in range(1, tries + 1):
        attempts += 1
        try:
            transport.send(outgoing)
        except PermanentFailure as exc:
            store.record_delivery_attempt(digest_id, rcpt, "failed", str(exc))
            logger.error("digest %d to %s failed permanently: %s", digest_id, rcpt, exc)
            return Outcome(rcpt, "failed", outgoing.message_id, attempts, str(exc)), exc
        except TransientFailure as exc:
            transport.reset()
            last = number == tries
            store.record_delivery_attempt(digest_id, rcpt, "pending" if last else "sending", str(exc))
            if last:
                logger.warning("digest %d to %s left pending after %d attempts: %s", digest_id, rcpt, tries, exc)
                return Outcome(rcpt, "pending", outgoing.message_id, attempts, str(exc)), exc
            delay = config.email.retry_delay * 2 ** (number - 1)
            logger.warning("digest %d to %s: %s; retrying in %gs", digest_id, rcpt, exc, delay)
            sleep(delay)
        except Exception as exc:  # an address smtplib cannot encode, and the like: this recipient only
            store.record_delivery_attempt(digest_id, rcpt, "failed", f"{exc.__class__.__name__}: {exc}")
            logger.exception("digest %d to %s failed", digest_id, rcpt)
            transport.reset()
            return Outcome(rcpt, "failed", outgoing.message_id, attempts, str(exc)), None
        else:
            store.record_delivery_attempt(digest_id, rcpt, "sent")
            logger.info("digest %d sent to %s (%s)", digest_id, rcpt, outgoing.message_id)
            return Outcome(rcpt, "sent", outgoing.message_id, attempts), None
    raise AssertionError("unreachable")  # pragma: no cover


def retry_pending(store: Store, config: Config, *, max_age: timedelta = PENDING_MAX_AGE,
                  transport: Transport | None = None, sleep: Callable[[float], None] = time.sleep) -> list[DeliveryReport]:
    """Retry deliveries left pending (or cut off) for configured recipients of digests created in
    the last `max_age`. Called by every poll, so a mail server that was down gets the briefing later."""
    configured = {r.address for r in config.email.recipients}
    waiting: dict[int, list[str]] = {}
    for row in store.list_deliveries(statuses=("pending", "sending"), since=utcnow() - max_age):
        if row.recipient in configured:
            waiting.setdefault(row.digest_id, []).append(row.recipient)
    if not waiting:
        return []
    reports = []
    for digest_id in sorted(waiting):
        logger.info("retrying digest %d for %d recipient(s) left pending", digest_id, len(waiting[digest_id]))
        wanted = set(waiting[digest_id])
        recipients = [r for r in config.email.recipients if r.address in wanted]
        reports.append(deliver_digest(store, config, digest_id, recipients=recipients, transport=transport, sleep=sleep))
    return reports
