"""Delivery over a real SMTP server on loopback (aiosmtpd), the outbox, and the ledger."""

from __future__ import annotations

import email
import email.policy
import email.utils
import io
import logging
import os
import signal
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefing_sample import NOW, WINDOW, sample_briefing, store_sample_articles
from smtpserver import SmtpServer, free_port

from digest.briefing import assemble_briefing, save_briefing
from digest.config import load_config
from digest.deliver import deliver_digest, retry_pending
from digest.errors import ConfigError

pytestmark = pytest.mark.both_backends  # the store, ingest and delivery on SQLite and PostgreSQL

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def smtp():
    server = SmtpServer.start()
    yield server
    server.stop()


def write_config(tmp_path: Path, *, port: int, extra_email: str = "", recipients: str | None = None,
                 security: str = "none") -> Path:
    recipients = recipients if recipients is not None else (
        '[[email.recipients]]\naddress = "a@example.org"\n\n'
        '[[email.recipients]]\naddress = "b@example.org"\ntracks = ["cairo"]\n'
    )
    path = tmp_path / "digest.toml"
    path.write_text(
        f"""
[email]
transport = "smtp"
host = "127.0.0.1"
port = {port}
security = "{security}"
sender = "Briefing desk <briefing@example.org>"
reply_to = "desk@example.org"
timeout = 5.0
retries = 2
retry_delay = 0.05
{extra_email}

{recipients}
""",
        encoding="utf-8",
    )
    return path


def recorded_digest(store, config) -> int:
    store_sample_articles(store)
    return save_briefing(store, config, sample_briefing(config)).digest_id


def attachment_and_bodies(message):
    assert message.get_content_type() == "multipart/mixed"
    alternative, attachment = message.get_payload()
    assert alternative.get_content_type() == "multipart/alternative"
    text, html = alternative.get_payload()
    assert (text.get_content_type(), html.get_content_type()) == ("text/plain", "text/html")
    return " ".join(text.get_content().split()), html.get_content(), attachment  # text unwrapped


def test_smtp_sends_one_message_per_recipient_with_the_right_parts(tmp_path, store, smtp):
    config = load_config(write_config(tmp_path, port=smtp.port))
    digest_id = recorded_digest(store, config)

    report = deliver_digest(store, config)

    assert report.ok and report.count("sent") == 2
    [to_a] = smtp.messages_for("a@example.org")
    [to_b] = smtp.messages_for("b@example.org")
    for message, address in ((to_a, "a@example.org"), (to_b, "b@example.org")):
        assert message["To"] == address
        assert message["From"] == "Briefing desk <briefing@example.org>"
        assert message["Reply-To"] == "desk@example.org"
        sent_at = email.utils.parsedate_to_datetime(message["Date"])
        assert sent_at.tzinfo is not None and abs(datetime.now(UTC) - sent_at) < timedelta(minutes=5)
        ledger = store.get_delivery(digest_id, address)
        assert ledger.status == "sent" and ledger.attempts == 1 and ledger.message_id == message["Message-ID"]
        assert message["Message-ID"].endswith("@example.org>")
        text, html, attachment = attachment_and_bodies(message)
        assert attachment.get_content_type() == "application/pdf"
        assert attachment.get_filename() == "briefing-2025-03-06.pdf"
        pdf = PdfReader(io.BytesIO(attachment.get_content()))
        assert len(pdf.pages) >= 1
        assert "Cairo" in " ".join(page.extract_text() for page in pdf.pages)
        assert "<html" in html.lower() and "style=" in html  # CSS inlined into the elements
        assert "Egypt circulated a proposal" in text
    assert to_a["Message-ID"] != to_b["Message-ID"]

    # b subscribes to cairo only: no Doha section, sources renumbered from 1, and the PDF agrees
    text_a, _, _ = attachment_and_bodies(to_a)
    text_b, _, pdf_b = attachment_and_bodies(to_b)
    assert "Negotiators from Israel and Hamas resumed" in text_a
    assert "Negotiators from Israel and Hamas resumed" not in text_b
    assert "Egypt circulated a proposal for a 50-day truce and a staged hostage release. [1]" in text_b
    assert "(Cairo talks)" in to_b["Subject"] and "(" not in to_a["Subject"]
    pdf_text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_b.get_content())).pages)
    assert "Doha talks" not in pdf_text

    # a second run sends nothing: the ledger says both are done
    again = deliver_digest(store, config)
    assert again.count("already-sent") == 2 and again.count("sent") == 0
    assert len(smtp.accepted) == 2


def test_a_connection_dropped_in_the_middle_of_data_is_retried_without_a_duplicate(tmp_path, store, smtp, caplog):
    config = load_config(write_config(tmp_path, port=smtp.port))
    digest_id = recorded_digest(store, config)
    smtp.drop_during_data(times=1)

    report = deliver_digest(store, config)

    assert smtp.dropped == 1
    assert report.ok
    assert len(smtp.messages_for("a@example.org")) == 1
    assert len(smtp.messages_for("b@example.org")) == 1
    assert len(smtp.accepted) == 2
    first = store.get_delivery(digest_id, "a@example.org")
    assert first.status == "sent" and first.attempts == 2 and first.last_error is None
    assert "the server closed the connection while sending to a@example.org" in caplog.text


def test_a_crash_between_two_recipients_then_a_restart_sends_each_exactly_once(tmp_path, store, smtp, run_cli):
    config_path = write_config(tmp_path, port=smtp.port)
    config = load_config(config_path)
    digest_id = recorded_digest(store, config)
    gate, reached = smtp.hold("b@example.org")

    # a real process, killed while it is talking to the server about the second recipient
    proc = subprocess.Popen([sys.executable, "-m", "digest", "--config", str(config_path), "send"],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert reached.wait(60), proc.stderr.read1().decode() if proc.poll() is not None else "b was never reached"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    gate.set()
    assert store.get_delivery(digest_id, "a@example.org").status == "sent"
    cut_off = store.get_delivery(digest_id, "b@example.org")
    assert cut_off.status == "sending"
    assert store.get_lease("deliver").pid == proc.pid  # the dead process still "holds" the lease

    result = run_cli("--config", config_path, "send")

    assert result.exit_code == 0, result.output
    assert len(smtp.messages_for("a@example.org")) == 1
    [to_b] = smtp.messages_for("b@example.org")
    assert to_b["Message-ID"] == cut_off.message_id  # the resend is recognisably the same message
    assert store.get_delivery(digest_id, "b@example.org").status == "sent"
    assert store.get_lease("deliver") is None  # released at the end of the run


def test_a_permanent_refusal_is_recorded_and_does_not_block_the_others(tmp_path, store, smtp, run_cli):
    config_path = write_config(tmp_path, port=smtp.port)
    config = load_config(config_path)
    digest_id = recorded_digest(store, config)
    smtp.refuse("a@example.org", "550 5.1.1 no such mailbox")

    result = run_cli("--config", config_path, "send")

    assert result.exit_code == 7
    assert "failed" in result.output and "550 5.1.1 no such mailbox" in result.output
    assert len(smtp.messages_for("b@example.org")) == 1
    failed = store.get_delivery(digest_id, "a@example.org")
    assert failed.status == "failed" and failed.attempts == 1 and "550" in failed.last_error

    # a failed row is not retried by a plain re-run, only on request
    smtp.rules.refused.clear()
    assert run_cli("--config", config_path, "send").exit_code == 7
    assert smtp.messages_for("a@example.org") == []
    assert run_cli("--config", config_path, "send", "--retry-failed").exit_code == 0
    assert len(smtp.messages_for("a@example.org")) == 1
    assert len(smtp.messages_for("b@example.org")) == 1

    listed = run_cli("--config", config_path, "deliveries", "--json")
    import json

    rows = {r["recipient"]: r for r in json.loads(listed.output)}
    assert rows["a@example.org"]["status"] == "sent" and rows["a@example.org"]["attempts"] == 2
    assert rows["b@example.org"]["status"] == "sent" and rows["b@example.org"]["attempts"] == 1


def test_a_deferred_recipient_is_retried_with_backoff_then_left_pending_for_the_next_poll(tmp_path, store, smtp):
    config = load_config(write_config(tmp_path, port=smtp.port))
    digest_id = recorded_digest(store, config)
    smtp.defer("a@example.org", times=10)
    delays: list[float] = []

    report = deliver_digest(store, config, sleep=delays.append)

    assert delays == [0.05, 0.1]  # retries = 2, doubling from retry_delay
    assert report.count("pending") == 1 and report.count("sent") == 1 and not report.ok
    pending = store.get_delivery(digest_id, "a@example.org")
    assert pending.status == "pending" and pending.attempts == 3 and "451" in pending.last_error

    smtp.rules.deferred.clear()
    recent = timedelta(days=(datetime.now(UTC) - NOW).days + 1)  # the sample digest is dated March 2025
    assert retry_pending(store, config, max_age=timedelta(days=1)) == []  # too old to send late
    [retried] = retry_pending(store, config, max_age=recent)
    assert retried.count("sent") == 1 and retried.count("already-sent") == 0
    assert len(smtp.messages_for("a@example.org")) == 1 and len(smtp.messages_for("b@example.org")) == 1
    assert retry_pending(store, config, max_age=recent) == []


def test_an_unreachable_server_leaves_everyone_pending_after_one_round_of_retries(tmp_path, store):
    config = load_config(write_config(tmp_path, port=free_port()))  # nothing listens there
    digest_id = recorded_digest(store, config)
    delays: list[float] = []

    report = deliver_digest(store, config, sleep=delays.append)

    assert [o.status for o in report.outcomes] == ["pending", "pending"]
    assert len(delays) == 2  # the second recipient is not hammered against a dead server
    assert store.get_delivery(digest_id, "a@example.org").attempts == 3
    b = store.get_delivery(digest_id, "b@example.org")
    assert b.attempts == 0 and "cannot reach" in b.last_error


def test_the_outbox_is_the_default_and_a_rerun_writes_nothing_twice(store, config, run_cli, digest_home):
    digest_id = recorded_digest(store, config)

    result = run_cli("send", "--to", "analyst@example.org")

    assert result.exit_code == 0, result.output
    [eml] = (digest_home / "outbox").glob("*.eml")
    assert eml.name == f"2025-03-06-digest{digest_id}-analyst@example.org.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    text, html, attachment = attachment_and_bodies(message)
    assert message["To"] == "analyst@example.org" and attachment.get_content_type() == "application/pdf"
    assert PdfReader(io.BytesIO(attachment.get_content())).pages
    assert all(byte < 128 for byte in eml.read_bytes())  # 7-bit clean: any server takes it

    assert run_cli("send", "--to", "analyst@example.org").exit_code == 0
    assert len(list((digest_home / "outbox").iterdir())) == 1
    assert store.get_delivery(digest_id, "analyst@example.org").attempts == 1


def test_dry_run_prints_what_would_be_sent_and_changes_nothing(tmp_path, store, smtp, run_cli):
    config_path = write_config(tmp_path, port=smtp.port, extra_email='username = "desk"\npassword_env = "TEST_SMTP_PW"')
    config = load_config(config_path)
    digest_id = recorded_digest(store, config)
    os.environ["TEST_SMTP_PW"] = "s3cret-pass"
    try:
        result = run_cli("--config", config_path, "send", "--dry-run")
    finally:
        del os.environ["TEST_SMTP_PW"]

    assert result.exit_code == 0, result.output
    out = result.output
    assert f"smtp 127.0.0.1:{smtp.port} (none)" in out and "$TEST_SMTP_PW (set)" in out
    assert "a@example.org: send" in out and "b@example.org: send" in out
    assert "application/pdf briefing-2025-03-06.pdf" in out and "text/plain" in out and "text/html" in out
    assert "Tracks:      cairo" in out
    assert "s3cret-pass" not in out
    assert smtp.accepted == [] and store.list_deliveries() == []
    assert store.get_delivery(digest_id, "a@example.org") is None


def test_a_day_without_articles_is_skipped_unless_send_empty(tmp_path, store, smtp):
    config = load_config(write_config(tmp_path, port=smtp.port))
    empty = assemble_briefing(config, WINDOW, ("doha", "cairo", "us_hamas", "other"), {}, [], out_of_scope=0,
                              duplicates={}, now=NOW)
    digest_id = save_briefing(store, config, empty).digest_id

    report = deliver_digest(store, config)
    assert [o.status for o in report.outcomes] == ["skipped", "skipped"] and report.ok
    assert smtp.accepted == []
    assert store.get_delivery(digest_id, "a@example.org").last_error == "no new articles"

    noting = load_config(write_config(tmp_path, port=smtp.port, extra_email="send_empty = true"))
    digest_id = save_briefing(store, noting, empty).digest_id
    report = deliver_digest(store, noting, digest_id)
    assert report.count("sent") == 2
    note = smtp.messages_for("a@example.org")[0]
    assert "no new articles" in note["Subject"]
    assert note.get_content_type() == "multipart/alternative"  # a short note: no PDF
    assert "No new articles in this window." in note.get_body(("plain",)).get_content()


def test_a_recipient_whose_tracks_have_nothing_new_is_skipped(tmp_path, store, smtp):
    recipients = ('[[email.recipients]]\naddress = "a@example.org"\n\n'
                  '[[email.recipients]]\naddress = "quiet@example.org"\ntracks = ["other"]\n')
    config = load_config(write_config(tmp_path, port=smtp.port, recipients=recipients))
    digest_id = recorded_digest(store, config)

    report = deliver_digest(store, config)

    assert {o.recipient: o.status for o in report.outcomes} == {"a@example.org": "sent", "quiet@example.org": "skipped"}
    assert store.get_delivery(digest_id, "quiet@example.org").last_error == "no new articles in the subscribed tracks"


def test_the_password_comes_from_the_environment_and_is_never_logged_or_stored(tmp_path, store, caplog, digest_home):
    server = SmtpServer.start(login=("desk", "s3cret-pass"))
    try:
        config_path = write_config(tmp_path, port=server.port,
                                   extra_email='username = "desk"\npassword_env = "TEST_SMTP_PW"')
        config = load_config(config_path)
        digest_id = recorded_digest(store, config)
        caplog.set_level(logging.DEBUG, logger="digest")
        os.environ["TEST_SMTP_PW"] = "wrong-pass"
        try:
            refused = deliver_digest(store, config)
            os.environ["TEST_SMTP_PW"] = "s3cret-pass"
            accepted = deliver_digest(store, config, retry_failed=True)
        finally:
            del os.environ["TEST_SMTP_PW"]
        assert [o.status for o in refused.outcomes] == ["failed", "failed"]
        assert "refused the login for 'desk'" in refused.outcomes[0].detail
        assert accepted.count("sent") == 2 and len(server.accepted) == 2
        assert store.get_delivery(digest_id, "b@example.org").status == "sent"
    finally:
        server.stop()
    for secret in ("s3cret-pass", "wrong-pass"):
        assert secret not in caplog.text
        for path in digest_home.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path


def test_a_missing_password_variable_is_a_config_error_before_anything_is_touched(tmp_path, store, smtp):
    config = load_config(write_config(tmp_path, port=smtp.port,
                                      extra_email='username = "desk"\npassword_env = "NOT_SET_ANYWHERE"'))
    recorded_digest(store, config)
    with pytest.raises(ConfigError, match="NOT_SET_ANYWHERE"):
        deliver_digest(store, config)
    assert store.list_deliveries() == []
