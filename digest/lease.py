"""Named leases in the database: at most one holder at a time, across processes and machines.

A lease row says who holds it and until when. The holder renews it from a background thread
every third of its lifetime; a holder that stops renewing (killed, frozen, cut off from the
database) loses it when it expires, and another process may take it. A holder that is a dead
process on this same machine is taken over at once, so a restart after a crash does not wait.

Because the lease lives in the store, the same code serves one SQLite file and several
machines sharing PostgreSQL. Machines' clocks must agree (NTP) to within a few seconds.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache

from digest.config import Config, ScheduleConfig
from digest.errors import Busy
from digest.models import Lease
from digest.store import Store

logger = logging.getLogger(__name__)

LEASE_TTL = timedelta(seconds=ScheduleConfig.lease_seconds)


def lease_ttl(config: Config) -> timedelta:
    """How long a lease outlives its holder's last renewal: `[schedule] lease_seconds`."""
    return timedelta(seconds=config.schedule.lease_seconds)


@dataclass(frozen=True)
class Identity:
    """This process as a lease holder: `host` names the machine (hostname and boot), `owner` is
    unique to this process's life."""

    owner: str
    host: str
    pid: int


@lru_cache(maxsize=None)
def _identity(pid: int) -> Identity:
    # Where a pid means the same process: the machine (host name and boot) and the pid namespace,
    # so two containers that share a host name do not judge each other's pids.
    boot = ""
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as fh:
            boot = "/" + fh.read().strip()[:8]
        boot += "/" + os.readlink("/proc/self/ns/pid").strip("pid:[]")
    except OSError:
        pass  # not Linux: the hostname alone names the machine
    host = f"{socket.gethostname()}{boot}"
    return Identity(owner=f"{host}:{pid}:{uuid.uuid4().hex[:8]}", host=host, pid=pid)


def this_process() -> Identity:
    # keyed by pid so a forked child is a different holder from its parent
    return _identity(os.getpid())


def process_is_running(pid: int) -> bool:
    """True unless `pid` certainly does not run on this machine (a zombie counts as dead)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            return fh.read().rpartition(")")[2].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _now() -> datetime:
    return datetime.now(UTC)  # to the microsecond: leases are short and renewed often


def describe(lease: Lease) -> str:
    return f"pid {lease.pid} on {lease.host.split('/')[0]}, lease until {lease.expires_at:%Y-%m-%d %H:%M:%S} UTC"


def try_acquire(store: Store, name: str, ttl: timedelta = LEASE_TTL, me: Identity | None = None) -> tuple[bool, Lease]:
    """One attempt at taking `name`. Returns (acquired, the holder afterwards)."""
    me = me or this_process()
    lease = store.acquire_lease(name, me.owner, me.host, me.pid, ttl, now=_now())
    if lease.owner == me.owner:
        return True, lease
    if lease.host == me.host and lease.pid != me.pid and not process_is_running(lease.pid):
        if store.take_over_lease(name, lease.owner, me.owner, me.host, me.pid, ttl, now=_now()):
            logger.info("took over the %r lease from pid %d, which no longer runs", name, lease.pid)
            return True, store.get_lease(name) or lease
    return False, lease


class HeldLease:
    """A lease this process holds, renewed by a daemon thread until `release()`.

    `lost` is set when a renewal finds another owner, or when renewals kept failing until the
    lease expired: the holder must then stop what the lease protects.
    """

    def __init__(self, store: Store, name: str, ttl: timedelta = LEASE_TTL, me: Identity | None = None):
        self.store, self.name, self.ttl = store, name, ttl
        self.me = me or this_process()
        self.lost = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew_loop, name=f"lease-{name}", daemon=True)

    def start(self) -> HeldLease:
        self._thread.start()
        return self

    def _renew_loop(self) -> None:
        interval = self.ttl.total_seconds() / 3
        deadline = time.monotonic() + self.ttl.total_seconds()
        while not self._stop.wait(interval):
            try:
                renewed = self.store.renew_lease(self.name, self.me.owner, self.ttl, now=_now())
            except Exception as exc:  # the database may be briefly unreachable: keep trying until expiry
                logger.warning("could not renew the %r lease: %s", self.name, exc)
                if time.monotonic() >= deadline:
                    logger.error("the %r lease expired while the database was unreachable", self.name)
                    self.lost.set()
                    return
                continue
            if not renewed:
                logger.error("lost the %r lease to another process", self.name)
                self.lost.set()
                return
            deadline = time.monotonic() + self.ttl.total_seconds()

    def release(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
        if not self.lost.is_set():
            try:
                self.store.release_lease(self.name, self.me.owner)
            except Exception as exc:  # it will expire on its own
                logger.warning("could not release the %r lease: %s", self.name, exc)

    def __enter__(self) -> HeldLease:
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def hold(
    store: Store,
    name: str,
    *,
    wait: float | None = 0.0,
    ttl: timedelta = LEASE_TTL,
    poll: float = 2.0,
    stop: threading.Event | None = None,
    what: str = "",
) -> HeldLease:
    """Acquire `name` and keep it renewed. Waits up to `wait` seconds for the holder to go
    (None: until acquired or `stop` is set), logging once that it waits.

    Raises Busy naming the holder when the lease is still held at the end.
    """
    me = this_process()
    started = time.monotonic()
    announced = False
    while True:
        acquired, lease = try_acquire(store, name, ttl, me)
        if acquired:
            if announced:
                logger.info("acquired the %r lease; going ahead", name)
            return HeldLease(store, name, ttl, me).start()
        if not announced:
            logger.info("%s is held by another digest process (%s); waiting", what or f"the {name!r} lease", describe(lease))
            announced = True
        remaining = None if wait is None else wait - (time.monotonic() - started)
        if remaining is not None and remaining <= 0 or stop is not None and stop.is_set():
            raise Busy(f"{what or f'the {name!r} lease'} is held by another digest process ({describe(lease)}); "
                       "wait for it to finish or stop it, then try again")
        pause = poll if remaining is None else min(poll, remaining)
        if stop is not None:
            stop.wait(pause)
        else:
            time.sleep(pause)
