"""Configuration: strict validation naming key and file, precedence, discovery, DIGEST_HOME."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.config import load_config
from digest.errors import ConfigError


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_file(digest_home):
    config = load_config()
    assert config.source_file is None
    assert config.home == digest_home.resolve()
    assert config.store_url == f"sqlite:///{digest_home.resolve() / 'digest.db'}"
    assert config.sources.max_bytes == 10 * 1024 * 1024
    assert [t.id for t in config.tracks] == ["doha", "cairo", "us_hamas", "other"]


@pytest.mark.parametrize(
    "text, names",
    [
        ("[sources]\ninbx = 'x'\n", ["inbx", "[sources]"]),
        ("[store]\nurl = 'sqlite://'\npool = 3\n", ["pool", "[store]"]),
        ("[sourcs]\ninbox = 'x'\n", ["sourcs"]),
        ("[[tracks]]\nid = 'a'\ntitle = 'A'\nvenue = ['Doha']\n", ["venue", "[[tracks]] #1"]),
        ("[email]\n[[email.recipients]]\naddress = 'a@example.org'\ntrack = ['doha']\n", ["track", "recipients"]),
    ],
)
def test_unknown_key_names_the_key_and_the_file(tmp_path, text, names):
    path = _write(tmp_path / "custom.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert str(path) in message
    for name in names:
        assert name in message, message


@pytest.mark.parametrize(
    "text, key, expected",
    [
        ("[sources]\ntimeout = 'fast'\n", "timeout", "expected float"),
        ("[sources]\nmax_bytes = 1.5\n", "max_bytes", "expected a whole number"),
        ("[sources]\nmax_bytes = true\n", "max_bytes", "expected a whole number"),
        ("[sources]\nfeeds = 'https://a.example/feed'\n", "feeds", "expected a list"),
        ("[sources]\nfeeds = [1, 2]\n", "feeds[0]", "expected str"),
        ("[email]\nattach_pdf = 'yes'\n", "attach_pdf", "expected true or false"),
        ("[store]\nurl = 5\n", "url", "expected str"),
        ("tracks = 'doha'\n", "tracks", "array of tables"),
    ],
)
def test_wrong_type_names_the_key_and_the_file(tmp_path, text, key, expected):
    path = _write(tmp_path / "custom.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    message = str(error.value)
    assert str(path) in message and key in message and expected in message, message


def test_bad_value_and_bad_toml_name_the_file(tmp_path):
    path = _write(tmp_path / "custom.toml", "[summary]\nalgorithm = 'magic'\n")
    with pytest.raises(ConfigError, match=rf"{path}: \[summary\] algorithm = 'magic' is not one of"):
        load_config(path)
    path = _write(tmp_path / "custom.toml", "[summary]\nworkers = 0\n")
    with pytest.raises(ConfigError, match=rf"{path}: \[summary\] workers must be at least 1"):
        load_config(path)
    broken = _write(tmp_path / "broken.toml", "[sources\ninbox = 'x'\n")
    with pytest.raises(ConfigError, match=rf"{broken}: not valid TOML"):
        load_config(broken)
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(tmp_path / "missing.toml")


@pytest.mark.parametrize("seconds", [0.5, 7200])
def test_a_lease_too_short_to_renew_or_too_long_to_fail_over_is_refused(tmp_path, seconds):
    path = _write(tmp_path / "lease.toml", f"[schedule]\nlease_seconds = {seconds}\n")
    with pytest.raises(ConfigError, match=rf"{path}: \[schedule\] lease_seconds must be between 3 and 3600"):
        load_config(path)


def test_precedence_defaults_file_environment_flags(tmp_path):
    path = _write(tmp_path / "settings.toml", "[sources]\ntimeout = 5\nmax_bytes = 1000\nuser_agent = 'from-file'\n")
    assert load_config(environ={}).sources.timeout == 20.0
    from_file = load_config(path, environ={})
    assert (from_file.sources.timeout, from_file.sources.max_bytes, from_file.sources.user_agent) == (5.0, 1000, "from-file")
    environ = {"DIGEST_SOURCES_TIMEOUT": "7", "DIGEST_SOURCES_MAX_BYTES": "2000"}
    from_env = load_config(path, environ=environ)
    assert (from_env.sources.timeout, from_env.sources.max_bytes, from_env.sources.user_agent) == (7.0, 2000, "from-file")
    from_flags = load_config(path, overrides={"sources": {"timeout": 9.0, "max_bytes": None}}, environ=environ)
    # a flag left unset (None) does not hide what the environment says
    assert (from_flags.sources.timeout, from_flags.sources.max_bytes, from_flags.sources.user_agent) == (9.0, 2000, "from-file")


def test_discovery_flag_then_environment_then_local_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert load_config().source_file is None
    _write(tmp_path / "digest.toml", "[render]\ntitle = 'local'\n")
    assert load_config().render.title == "local"
    named = _write(tmp_path / "named.toml", "[render]\ntitle = 'named by DIGEST_CONFIG'\n")
    monkeypatch.setenv("DIGEST_CONFIG", str(named))
    assert load_config().render.title == "named by DIGEST_CONFIG"
    flag = _write(tmp_path / "flag.toml", "[render]\ntitle = 'named by --config'\n")
    assert load_config(flag).render.title == "named by --config"


def test_config_flag_and_environment_through_the_cli(run_cli, tmp_path, monkeypatch):
    inbox = tmp_path / "elsewhere"
    inbox.mkdir()
    (inbox / "one.txt").write_text("Talks resume in Doha\n\nNegotiators met in Doha on Monday to resume the talks.\n")
    _write(tmp_path / "digest.toml", "[sources]\ninbox = 'nowhere'\n")
    flag = _write(tmp_path / "flag.toml", "[sources]\ninbox = 'elsewhere'\n")
    assert "0 new" in run_cli("ingest").stdout  # ./digest.toml: an inbox that does not exist
    assert "1 new" in run_cli("--config", flag, "ingest").stdout
    monkeypatch.setenv("DIGEST_CONFIG", str(tmp_path / "missing.toml"))
    with pytest.raises(ConfigError, match="missing.toml does not exist"):
        run_cli("ingest")


def test_relative_paths_in_a_file_resolve_against_the_file(tmp_path):
    folder = tmp_path / "conf"
    folder.mkdir()
    path = _write(folder / "digest.toml", "home = 'state'\n[sources]\ninbox = 'in'\nfeeds = ['feeds/a.xml', 'https://x.example/feed']\n")
    config = load_config(path, environ={})
    assert config.home == (folder / "state").resolve()
    assert config.inbox_path == (folder / "in").resolve()
    assert config.sources.feeds == (str((folder / "feeds" / "a.xml").resolve()), "https://x.example/feed")


def test_digest_home_redirects_all_state(run_cli, tmp_path, monkeypatch):
    home = tmp_path / "state-here"
    monkeypatch.setenv("DIGEST_HOME", str(home))
    path = _write(tmp_path / "digest.toml", "home = 'ignored-because-DIGEST_HOME-is-set'\n")
    config = load_config(path)
    assert config.home == home.resolve()
    assert config.store_url == f"sqlite:///{home.resolve() / 'digest.db'}"
    assert config.inbox_path == home.resolve() / "inbox"
    assert run_cli("articles", "--json").exit_code == 0
    assert (home / "digest.db").is_file()
    assert not (tmp_path / "output").exists() and not (tmp_path / "ignored-because-DIGEST_HOME-is-set").exists()


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("https://a.example/feed,https://b.example/feed", ("https://a.example/feed", "https://b.example/feed")),
        (" https://a.example/feed , , https://b.example/feed ", ("https://a.example/feed", "https://b.example/feed")),
        ('["https://a.example/feed?x=1,2", "https://b.example/feed"]', ("https://a.example/feed?x=1,2", "https://b.example/feed")),
        ("", ()),
    ],
)
def test_environment_lists(raw, expected):
    assert load_config(environ={"DIGEST_SOURCES_FEEDS": raw}).sources.feeds == expected


@pytest.mark.parametrize(
    "name, raw, attribute, expected",
    [
        ("DIGEST_EMAIL_ATTACH_PDF", "no", ("email", "attach_pdf"), False),
        ("DIGEST_EMAIL_ATTACH_PDF", "ON", ("email", "attach_pdf"), True),
        ("DIGEST_SOURCES_MAX_BYTES", "4096", ("sources", "max_bytes"), 4096),
        ("DIGEST_STORE_URL", "sqlite:////tmp/x.db", ("store", "url"), "sqlite:////tmp/x.db"),
    ],
)
def test_environment_scalars(name, raw, attribute, expected):
    section, key = attribute
    assert getattr(getattr(load_config(environ={name: raw}), section), key) == expected


@pytest.mark.parametrize(
    "name, raw",
    [("DIGEST_SOURCES_TIMEOUT", "soon"), ("DIGEST_SOURCES_MAX_BYTES", "1.5"), ("DIGEST_EMAIL_ATTACH_PDF", "maybe"),
     ("DIGEST_SOURCES_FEEDS", "[not json")],
)
def test_bad_environment_value_names_the_variable(name, raw):
    with pytest.raises(ConfigError, match=rf"environment variable {name}: cannot read"):
        load_config(environ={name: raw})


def test_config_hash_ignores_home_and_secrets(tmp_path):
    a = load_config(environ={"DIGEST_HOME": str(tmp_path / "a")})
    b = load_config(environ={"DIGEST_HOME": str(tmp_path / "b"), "DIGEST_EMAIL_PASSWORD_ENV": "SMTP_PASS"})
    assert a.config_hash == b.config_hash
    c = load_config(environ={"DIGEST_SUMMARY_SENTENCES": "7"})
    assert c.config_hash != a.config_hash


@pytest.mark.parametrize("text", ["sources = 'inbox'\n", "render = 3\n"])
def test_section_that_is_not_a_table(tmp_path, text):
    path = _write(tmp_path / "custom.toml", text)
    with pytest.raises(ConfigError, match=rf"{path}: \[(sources|render)\] must be a table"):
        load_config(path)
