"""SMTP over STARTTLS and implicit TLS with a real certificate made for 127.0.0.1, a login over
the encrypted channel, and a certificate the client does not trust."""

from __future__ import annotations

import ssl
import subprocess

import pytest

from smtpserver import SmtpServer
from test_deliver import recorded_digest, write_config

from digest.config import load_config
from digest.deliver import deliver_digest


@pytest.fixture
def certificate(tmp_path):
    """A self-signed certificate for IP 127.0.0.1 (openssl from Debian's `openssl` package)."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return cert, context


@pytest.mark.parametrize("security, implicit", [("starttls", False), ("ssl", True)])
def test_mail_goes_over_tls_with_a_login(tmp_path, store, monkeypatch, certificate, security, implicit):
    cert, context = certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # the client trusts our certificate, as it would a CA's
    monkeypatch.setenv("TEST_SMTP_PW", "s3cret-pass")
    server = SmtpServer.start(login=("desk", "s3cret-pass"), tls=context, implicit_tls=implicit)
    try:
        config = load_config(write_config(tmp_path, port=server.port, security=security,
                                          extra_email='username = "desk"\npassword_env = "TEST_SMTP_PW"'))
        recorded_digest(store, config)

        report = deliver_digest(store, config)

        assert report.count("sent") == 2, report
        assert len(server.messages_for("a@example.org")) == 1 and len(server.messages_for("b@example.org")) == 1
    finally:
        server.stop()


def test_an_untrusted_certificate_fails_for_everyone_without_sending(tmp_path, store, certificate):
    _cert, context = certificate
    server = SmtpServer.start(tls=context)
    try:
        config = load_config(write_config(tmp_path, port=server.port, security="starttls"))
        digest_id = recorded_digest(store, config)

        report = deliver_digest(store, config)

        assert [o.status for o in report.outcomes] == ["failed", "failed"]
        assert "is not trusted" in store.get_delivery(digest_id, "a@example.org").last_error
        assert store.get_delivery(digest_id, "b@example.org").attempts == 0  # not tried against a bad server
        assert server.accepted == []
    finally:
        server.stop()


def test_plain_text_to_a_server_that_requires_starttls_is_refused_and_recorded(tmp_path, store, certificate):
    _cert, context = certificate
    server = SmtpServer.start(tls=context)
    try:
        config = load_config(write_config(tmp_path, port=server.port))  # security = "none"
        digest_id = recorded_digest(store, config)

        report = deliver_digest(store, config)

        assert report.count("failed") == 2 and server.accepted == []
        assert "530" in store.get_delivery(digest_id, "a@example.org").last_error
    finally:
        server.stop()
