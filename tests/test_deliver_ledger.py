"""The ledger, leases and job runs in the store, on SQLite and on a real PostgreSQL server: the
compare-and-set steps that keep two processes from sending the same thing."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from briefing_sample import sample_briefing, store_sample_articles
from smtpserver import SmtpServer
from test_deliver import write_config

from digest.briefing import save_briefing
from digest.config import load_config
from digest.deliver import deliver_digest
from digest.lease import Identity, hold, try_acquire
from digest.errors import Busy
from digest.store import Store

TTL = timedelta(seconds=60)


@pytest.fixture
def db(store_url):
    s = Store.open(store_url)
    yield s
    s.close()


def digest_row(db, config) -> int:
    store_sample_articles(db)
    return save_briefing(db, config, sample_briefing(config)).digest_id


def race(n: int, attempt) -> list:
    """Run `attempt(i)` in n threads released at the same moment; their results in order."""
    barrier = threading.Barrier(n)
    results: list = [None] * n

    def worker(i):
        barrier.wait()
        results[i] = attempt(i)

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_only_one_of_many_racing_claims_wins_a_delivery(db, config):
    digest_id = digest_row(db, config)
    db.add_deliveries(digest_id, ["a@example.org"])
    db.add_deliveries(digest_id, ["a@example.org"])  # a second add keeps the row as it is

    wins = race(8, lambda i: db.claim_delivery(digest_id, "a@example.org", "<m@x>", claimable=("pending",)))

    assert wins.count(True) == 1
    [row] = db.list_deliveries(digest_id)
    assert (row.status, row.message_id, row.attempts) == ("sending", "<m@x>", 0)
    db.record_delivery_attempt(digest_id, "a@example.org", "sent")
    assert not db.claim_delivery(digest_id, "a@example.org", "<m@x>")  # a sent row is never claimed again
    row = db.get_delivery(digest_id, "a@example.org")
    assert row.status == "sent" and row.attempts == 1 and row.sent_at is not None


def test_only_one_of_many_racing_processes_gets_a_lease(db):
    holders = [Identity(owner=f"host-{i}:{1000 + i}:x", host=f"host-{i}", pid=1000 + i) for i in range(6)]

    results = race(6, lambda i: db.acquire_lease("scheduler", holders[i].owner, holders[i].host, holders[i].pid, TTL))

    assert len({lease.owner for lease in results}) == 1  # every caller sees the same single holder
    winner = results[0].owner
    assert db.renew_lease("scheduler", winner, TTL)
    assert not any(db.renew_lease("scheduler", h.owner, TTL) for h in holders if h.owner != winner)


def test_an_expired_lease_is_taken_over_and_the_old_holder_knows(db):
    now = datetime.now(UTC)
    assert db.acquire_lease("scheduler", "old", "elsewhere", 1, TTL, now=now).owner == "old"
    assert db.acquire_lease("scheduler", "new", "here", 2, TTL, now=now + timedelta(seconds=30)).owner == "old"

    taken = db.acquire_lease("scheduler", "new", "here", 2, TTL, now=now + timedelta(seconds=61))

    assert taken.owner == "new"
    assert not db.renew_lease("scheduler", "old", TTL)  # the old holder learns it lost the lease
    db.release_lease("scheduler", "old")  # and cannot release what it no longer holds
    assert db.get_lease("scheduler").owner == "new"


def test_a_lease_held_by_a_dead_process_on_this_machine_is_taken_at_once(db):
    from digest.lease import this_process

    me = this_process()
    ghost = Identity(owner=f"{me.host}:999999:dead", host=me.host, pid=999999)  # no such process
    db.acquire_lease("deliver", ghost.owner, ghost.host, ghost.pid, TTL)
    elsewhere = Identity(owner="other-host:4242:x", host="other-host", pid=4242)

    assert try_acquire(db, "deliver", TTL, elsewhere) == (False, db.get_lease("deliver"))  # cannot tell from there
    acquired, lease = try_acquire(db, "deliver", TTL, me)
    assert acquired and lease.owner == me.owner


def test_a_held_lease_is_renewed_in_the_background_and_released(db):
    lease = hold(db, "deliver", ttl=timedelta(seconds=0.6))
    try:
        first = db.get_lease("deliver").expires_at
        threading.Event().wait(1.0)  # renewals every 0.2 s; the lease would have expired without them
        renewed = db.get_lease("deliver").expires_at
        assert renewed > first and renewed > datetime.now(UTC) and not lease.lost.is_set()
    finally:
        lease.release()
    assert db.get_lease("deliver") is None


def test_waiting_for_a_lease_held_elsewhere_ends_in_a_clear_error(db):
    db.acquire_lease("deliver", "other-host:77:y", "other-host", 77, TTL)

    with pytest.raises(Busy, match=r"delivery is held by another digest process \(pid 77 on other-host"):
        hold(db, "deliver", wait=0.3, poll=0.1, what="delivery")


def test_a_lease_taken_over_behind_its_holders_back_is_noticed(db):
    lease = hold(db, "scheduler", ttl=timedelta(seconds=0.6))
    try:
        db.take_over_lease("scheduler", lease.me.owner, "intruder", "elsewhere", 5, TTL)
        assert lease.lost.wait(2.0)
    finally:
        lease.release()
    assert db.get_lease("scheduler").owner == "intruder"  # release leaves another's lease alone


def test_a_job_slot_is_started_once_and_resumed_by_compare_and_set(db):
    slot = datetime(2025, 3, 6, 5, 0, tzinfo=UTC)
    results = race(5, lambda i: db.start_job_run("digest-daily", slot, f"owner-{i}"))

    assert [created for _run, created in results].count(True) == 1
    first = next(run for run, created in results if created)
    assert {run.id for run, _ in results} == {first.id}
    assert db.take_over_job_run(first.id, first.owner, "next")
    assert not db.take_over_job_run(first.id, first.owner, "third")  # only one can resume it
    db.update_job_run(first.id, status="done")
    [run] = db.list_job_runs("digest-daily")
    assert run.owner == "next" and run.status == "done" and run.finished_at is not None and run.slot == slot


def test_delivery_over_smtp_on_this_backend(db, tmp_path):
    server = SmtpServer.start()
    try:
        config = load_config(write_config(tmp_path, port=server.port))
        digest_id = digest_row(db, config)
        first = deliver_digest(db, config)
        again = deliver_digest(db, config)
    finally:
        server.stop()
    assert first.count("sent") == 2 and again.count("already-sent") == 2
    assert len(server.accepted) == 2
    assert {d.status for d in db.list_deliveries(digest_id)} == {"sent"}
