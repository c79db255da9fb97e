"""Shared fixtures. Every test gets its own DIGEST_HOME, so no test touches ./output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
RESOURCES = Path(__file__).resolve().parent / "resources"


BACKENDS = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc):
    """A test or module marked `both_backends` runs once on SQLite and once on PostgreSQL."""
    if metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("backend", BACKENDS, indirect=True)


@pytest.fixture
def backend(request) -> str:
    """The store every test gets by default: SQLite, or PostgreSQL under `both_backends`."""
    return getattr(request, "param", "sqlite")


@pytest.fixture(autouse=True)
def digest_home(tmp_path, monkeypatch, backend, request) -> Path:
    for name in list(os.environ):
        if name.startswith("DIGEST_"):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    monkeypatch.setenv("DIGEST_HOME", str(home))
    if backend == "postgresql":  # DIGEST_STORE_URL reaches in-process commands and child processes alike
        monkeypatch.setenv("DIGEST_STORE_URL", request.getfixturevalue("pg_server").create_database(f"test_{next(_pg_databases)}"))
    monkeypatch.chdir(tmp_path)
    return home


@pytest.fixture
def config(digest_home):
    from digest.config import load_config

    return load_config()


@pytest.fixture
def store(config):
    from digest.store import Store

    s = Store.open(config.store_url)
    yield s
    s.close()


@pytest.fixture
def run_cli():
    """Invoke the CLI in-process: run_cli("ingest", path) -> click Result."""
    from digest.cli import cli

    def run(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return run


@pytest.fixture
def http_server():
    """A real HTTP server on 127.0.0.1 (tests/httpserver.py): `http_server.route(path, body, ...)`."""
    from httpserver import LoopbackServer

    server = LoopbackServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def pg_server():
    """A PostgreSQL server on 127.0.0.1 for the whole session (Debian's `postgresql` package)."""
    from pgserver import PostgresServer, find_bin_dir

    if find_bin_dir() is None:
        pytest.fail("PostgreSQL is not installed: run `make test` (it installs Debian's postgresql) or apt-get install postgresql")
    server = PostgresServer.start()
    yield server
    server.stop()


_pg_databases = iter(range(1, 10**6))


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, digest_home, monkeypatch) -> str:
    """The store URL for a test that runs on both backends; also exported as DIGEST_STORE_URL."""
    if request.param == "sqlite":
        url = f"sqlite:///{digest_home / 'digest.db'}"
    else:
        url = request.getfixturevalue("pg_server").create_database(f"test_{next(_pg_databases)}")
    monkeypatch.setenv("DIGEST_STORE_URL", url)
    return url
