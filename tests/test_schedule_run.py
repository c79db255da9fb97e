"""The real scheduler on a real database: missed mornings, one active `digest run` with a standby,
a crash in the middle of the daily run, and a SIGTERM that lets the running job finish."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from smtpserver import SmtpServer

from digest.config import load_config
from digest.schedule import DAILY_JOB_ID, daily_trigger, fire_times, install_jobs, make_scheduler, run_scheduler

REPO = Path(__file__).resolve().parent.parent
TZ = "Europe/London"


def write_config(tmp_path: Path, *, hours_ago: float, grace: float = 6.0, smtp_port: int | None = None) -> Path:
    """Daily at a time of day `hours_ago` hours before now; the seeds in the inbox; two recipients."""
    inbox = tmp_path / "inbox"
    shutil.copytree(REPO / "seeds", inbox, dirs_exist_ok=True)
    at = (datetime.now(ZoneInfo(TZ)) - timedelta(hours=hours_ago)).strftime("%H:%M")
    transport = (f'transport = "smtp"\nhost = "127.0.0.1"\nport = {smtp_port}\ntimeout = 10.0\nretry_delay = 0.1\n'
                 if smtp_port else 'transport = "outbox"\n')
    path = tmp_path / "digest.toml"
    path.write_text(f"""
[sources]
inbox = "{inbox}"

[schedule]
time = "{at}"
timezone = "{TZ}"
poll_minutes = 60
misfire_grace_hours = {grace}

[email]
{transport}sender = "briefing@example.org"

[[email.recipients]]
address = "a@example.org"

[[email.recipients]]
address = "b@example.org"
tracks = ["cairo"]
""", encoding="utf-8")
    return path


def stopped_days_ago(store, config, days: float) -> list[datetime]:
    """Leave the job store as a scheduler that stopped `days` ago would have: its daily job is
    due at the first morning after that. Returns the mornings missed since."""
    now = datetime.now(UTC)
    missed = fire_times(daily_trigger(config), now - timedelta(days=days), now)
    scheduler = make_scheduler(store, config)
    scheduler.start(paused=True)
    install_jobs(scheduler, config)
    scheduler.modify_job(DAILY_JOB_ID, next_run_time=missed[0])
    scheduler.shutdown()
    return missed


def stored_next_run(store, config) -> datetime:
    scheduler = make_scheduler(store, config)
    scheduler.start(paused=True)
    try:
        return scheduler.get_job(DAILY_JOB_ID).next_run_time
    finally:
        scheduler.shutdown()


def wait_for(condition, timeout: float = 120.0, what: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def finished_daily_runs(store):
    return [r for r in store.list_job_runs(DAILY_JOB_ID) if r.status != "running"]


@pytest.mark.parametrize("grace", [6.0, 100.0])  # with 100 h all three mornings are within grace
def test_after_a_downtime_spanning_three_mornings_the_daily_job_runs_once(tmp_path, store, digest_home, grace):
    config = load_config(write_config(tmp_path, hours_ago=1, grace=grace))
    missed = stopped_days_ago(store, config, days=2.9)
    assert len(missed) == 3

    stop = threading.Event()
    runner = threading.Thread(target=run_scheduler, args=(store, config), kwargs={"stop": stop})
    runner.start()
    try:
        wait_for(lambda: finished_daily_runs(store), what="the daily run")
        time.sleep(3)  # time enough for a second or third run, were there to be one
    finally:
        stop.set()
        runner.join(60)
    assert not runner.is_alive()

    [run] = store.list_job_runs(DAILY_JOB_ID)
    assert run.status == "done", run.error
    assert run.slot == missed[-1]  # the latest morning: a late run belongs to it
    assert [d.id for d in store.list_digests()] == [run.digest_id]
    assert sorted(p.name.split("-", 4)[-1] for p in (digest_home / "outbox").glob("*.eml")) == [
        "a@example.org.eml", "b@example.org.eml"]
    following = stored_next_run(store, config)
    assert following > datetime.now(UTC) and following - missed[-1] <= timedelta(days=1, hours=1)


def test_a_morning_missed_by_more_than_the_grace_time_is_skipped(tmp_path, store):
    config = load_config(write_config(tmp_path, hours_ago=8, grace=6))
    missed = stopped_days_ago(store, config, days=1.5)

    stop = threading.Event()
    runner = threading.Thread(target=run_scheduler, args=(store, config), kwargs={"stop": stop})
    runner.start()
    try:
        wait_for(lambda: store.count_articles() >= 5, what="the first poll")  # the scheduler is up
        wait_for(lambda: stored_next_run(store, config) > datetime.now(UTC), what="the missed run to be passed over")
    finally:
        stop.set()
        runner.join(60)

    assert store.list_job_runs(DAILY_JOB_ID) == [] and store.list_digests() == []
    assert stored_next_run(store, config) - missed[-1] == timedelta(days=1)  # tomorrow, same time


def start_run(config_path: Path, log: Path, *extra: str, hostname: str | None = None) -> subprocess.Popen:
    """`digest run` in a child process; with `hostname`, as if on another machine: in its own UTS
    namespace (`unshare --uts`, root only) under that host name, so it cannot know whether the
    active scheduler's process still runs and must wait for its lease to expire."""
    command = [sys.executable, "-m", "digest", "--config", str(config_path), "run", *extra]
    if hostname:
        command = ["unshare", "--uts", "sh", "-c", f'hostname {hostname} && exec "$@"', "sh", *command]
    return subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log.open("wb"))


def stop_run(proc: subprocess.Popen) -> int:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
    return proc.wait(120)


def test_a_second_digest_run_stands_by_doubles_nothing_and_takes_over(tmp_path, store, digest_home):
    config_path = write_config(tmp_path, hours_ago=1)
    config = load_config(config_path)
    stopped_days_ago(store, config, days=1)
    first = start_run(config_path, tmp_path / "first.log")
    second = None
    try:
        wait_for(lambda: (lease := store.get_lease("scheduler")) and lease.pid == first.pid, what="the first to be active")
        second = start_run(config_path, tmp_path / "second.log")
        wait_for(lambda: "standing by" in (tmp_path / "second.log").read_text(), what="the second to stand by")
        wait_for(lambda: finished_daily_runs(store), what="the daily run")

        refused = subprocess.run([sys.executable, "-m", "digest", "--config", str(config_path), "run", "--no-standby"],
                                 cwd=REPO, capture_output=True, text=True, timeout=120)
        assert refused.returncode == 8
        assert "another `digest run` is already active on this database" in refused.stderr

        assert stop_run(first) == 0
        wait_for(lambda: "taking over as the active scheduler" in (tmp_path / "second.log").read_text(),
                 what="the standby to take over")
        wait_for(lambda: (lease := store.get_lease("scheduler")) and lease.pid == second.pid, what="the lease to move")
        time.sleep(3)
    finally:
        codes = [stop_run(p) for p in (first, second) if p is not None]
    assert codes == [0, 0], (tmp_path / "second.log").read_text()
    assert len(store.list_job_runs(DAILY_JOB_ID)) == 1 and len(store.list_digests()) == 1
    assert len(list((digest_home / "outbox").glob("*.eml"))) == 2
    assert store.get_lease("scheduler") is None  # released on a clean stop


@pytest.fixture
def smtp():
    server = SmtpServer.start()
    yield server
    server.stop()


def start_daily_run_held_at(tmp_path, store, smtp, address: str, log: Path):
    """`digest run` with its daily job due, and the mail server holding `address` at RCPT.
    Returns (config path, process, gate to release the hold); returns once the run is held there."""
    config_path = write_config(tmp_path, hours_ago=1, smtp_port=smtp.port)
    stopped_days_ago(store, load_config(config_path), days=1)
    gate, reached = smtp.hold(address)
    proc = start_run(config_path, log)
    if not reached.wait(180):
        stop_run(proc)
        raise AssertionError(log.read_text())
    return config_path, proc, gate


def test_a_daily_run_killed_in_the_middle_resumes_at_the_next_start_without_doubling(tmp_path, store, smtp):
    # built, and delivering to a: killed there
    config_path, crashed, gate = start_daily_run_held_at(tmp_path, store, smtp, "a@example.org", tmp_path / "crashed.log")
    crashed.send_signal(signal.SIGKILL)
    crashed.wait(30)
    gate.set()
    [cut_off] = store.list_job_runs(DAILY_JOB_ID)
    assert cut_off.status == "running" and cut_off.digest_id is not None

    restarted = start_run(config_path, tmp_path / "restarted.log")
    try:
        wait_for(lambda: finished_daily_runs(store), what="the resumed run")
    finally:
        assert stop_run(restarted) == 0
    log = (tmp_path / "restarted.log").read_text()
    assert "resuming the daily run" in log and f"after building digest {cut_off.digest_id}" in log
    [run] = store.list_job_runs(DAILY_JOB_ID)
    assert run.status == "done" and run.digest_id == cut_off.digest_id
    assert len(store.list_digests()) == 1
    assert len(smtp.messages_for("a@example.org")) == 1 and len(smtp.messages_for("b@example.org")) == 1


def test_sigterm_lets_the_running_job_finish_then_stops(tmp_path, store, smtp):
    _config_path, proc, gate = start_daily_run_held_at(tmp_path, store, smtp, "b@example.org", tmp_path / "run.log")
    try:
        proc.send_signal(signal.SIGTERM)
        time.sleep(2)
        assert proc.poll() is None  # still finishing the daily run
        gate.set()
        assert proc.wait(120) == 0
    finally:
        gate.set()
        stop_run(proc)
    [run] = store.list_job_runs(DAILY_JOB_ID)
    assert run.status == "done"
    assert len(smtp.messages_for("a@example.org")) == 1 and len(smtp.messages_for("b@example.org")) == 1
    assert "finishing the running job, then stopping" in (tmp_path / "run.log").read_text()


@pytest.mark.parametrize("standby_host", [None, "standby-machine"], ids=["same-machine", "another-machine"])
def test_on_postgresql_a_standby_takes_over_from_a_killed_active_scheduler_and_the_digest_goes_out_once(
        tmp_path, pg_server, smtp, monkeypatch, standby_host):
    from digest.store import Store

    if standby_host and subprocess.run(["unshare", "--uts", "true"], capture_output=True).returncode != 0:
        pytest.fail("`unshare --uts` is not permitted here (it needs root, as in CI): no second host to simulate")
    url = pg_server.create_database(f"failover_{'remote' if standby_host else 'local'}")
    monkeypatch.setenv("DIGEST_STORE_URL", url)  # both `digest run` processes share this database
    store = Store.open(url)
    try:
        config_path = write_config(tmp_path, hours_ago=1, smtp_port=smtp.port)
        config = load_config(config_path)
        assert config.schedule.lease_seconds < 60  # the default: a dead machine is replaced within a minute
        stopped_days_ago(store, config, days=1)
        gate, reached = smtp.hold("a@example.org")
        active = start_run(config_path, tmp_path / "active.log")
        standby = None
        try:
            wait_for(lambda: (lease := store.get_lease("scheduler")) and lease.pid == active.pid, what="one to be active")
            standby = start_run(config_path, tmp_path / "standby.log", hostname=standby_host)
            wait_for(lambda: "standing by" in (tmp_path / "standby.log").read_text(), what="the other to stand by")
            assert reached.wait(180), (tmp_path / "active.log").read_text()  # built, and sending to a

            active.send_signal(signal.SIGKILL)  # the active machine dies in the middle of delivery
            active.wait(30)
            killed_at = time.monotonic()
            gate.set()
            wait_for(lambda: "taking over as the active scheduler" in (tmp_path / "standby.log").read_text(),
                     timeout=90, what="the standby to take over")
            took = time.monotonic() - killed_at
            wait_for(lambda: finished_daily_runs(store), timeout=180, what="the resumed daily run")
        finally:
            gate.set()
            codes = [stop_run(p) for p in (active, standby) if p is not None]
        log = (tmp_path / "standby.log").read_text()
        assert codes == [-signal.SIGKILL, 0], log
        if standby_host:  # it had to wait for the lease to expire, and did not wait much longer
            assert took < 60, f"took over {took:.0f} s after the kill"
        else:  # a dead process on this machine is seen at once
            assert took < 15, f"took over {took:.0f} s after the kill"
        assert "resuming the daily run" in log
        [run] = store.list_job_runs(DAILY_JOB_ID)
        assert run.status == "done" and run.owner.startswith(standby_host or "")
        assert len(store.list_digests()) == 1
        assert len(smtp.messages_for("a@example.org")) == 1 and len(smtp.messages_for("b@example.org")) == 1
        print(f"took over {took:.1f} s after the kill")
    finally:
        store.close()
