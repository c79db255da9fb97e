"""Shared fixtures. Every test gets its own DIGEST_HOME, so no test touches ./output."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
RESOURCES = Path(__file__).resolve().parent / "resources"


@pytest.fixture(autouse=True)
def digest_home(tmp_path, monkeypatch) -> Path:
    for name in list(os.environ):
        if name.startswith("DIGEST_"):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    monkeypatch.setenv("DIGEST_HOME", str(home))
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
