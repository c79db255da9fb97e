"""The scheduler behind `digest run`: when things run, nothing else (what runs is digest.pipeline).

Two jobs with fixed ids, kept by APScheduler 3 in its own table (apscheduler_jobs) in the same
database as everything else, so their next run times survive restarts:

    digest-poll   every [schedule] poll_minutes: ingest the configured sources, retry deliveries
                  left pending (first run: at start)
    digest-daily  at [schedule] time in [schedule] timezone (or [schedule] cron): the pipeline

Both have coalesce=True, max_instances=1 and misfire_grace_time = [schedule] misfire_grace_hours,
and one worker thread runs them, so they never overlap. Missed runs: a daily run missed while
the machine was off runs once when it comes back within the grace time; three missed mornings
are still one run (coalesce), and a morning further back than the grace time is skipped.
Crashes: each daily run is recorded in `job_runs` keyed by its scheduled time; a run cut off by a
crash is resumed at the next start (reusing its digest once built), and a slot never runs twice.

One active scheduler per database, through the "scheduler" lease (digest.lease): a second
`digest run` stands by, checking every few seconds, and takes over when the active one stops
or dies (at once when the dead one was on this machine, else when its lease expires:
[schedule] lease_seconds, 45 by default, so within a minute). With standby=False it refuses to
start instead. SIGTERM or SIGINT lets the running job finish, then stops; a second signal stops
at once (the cut-off run resumes at the next start).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import STATE_STOPPED
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from digest import pipeline
from digest.briefing import zone
from digest.config import Config
from digest.errors import Busy, ConfigError
from digest.lease import HeldLease, Identity, describe, lease_ttl, this_process, try_acquire
from digest.models import JobRun
from digest.store import Store, utcnow

logger = logging.getLogger(__name__)

POLL_JOB_ID = "digest-poll"
DAILY_JOB_ID = "digest-daily"
SCHEDULER_LEASE = "scheduler"
JOBS_TABLE = "apscheduler_jobs"


class WallClockTrigger(CronTrigger):
    """A cron trigger that fires once per wall-clock time, in UTC-safe steps.

    When clocks go back, a time in the repeated hour fires on its first occurrence only (plain
    CronTrigger fires twice, and can hand back the same time again). When clocks go forward, a
    time that does not exist that day fires at the same instant an hour later by the clock.
    """

    def get_next_fire_time(self, previous_fire_time, now):
        previous = previous_fire_time.astimezone(UTC) if previous_fire_time else None
        now = now.astimezone(UTC)
        candidate = super().get_next_fire_time(previous, now)
        while candidate is not None and (
            (previous is not None and candidate.astimezone(UTC) <= previous)
            or candidate.astimezone(self.timezone).fold == 1
        ):
            skipped = candidate.astimezone(UTC)
            candidate = super().get_next_fire_time(skipped, max(now, skipped + timedelta(seconds=1)))
        return candidate


def daily_trigger(config: Config) -> WallClockTrigger:
    """[schedule] cron when set, else every day at [schedule] time, in [schedule] timezone.
    Raises ConfigError for a malformed time, cron expression or time zone."""
    tz = zone(config)
    if config.schedule.cron.strip():
        try:
            minute, hour, day, month, weekday = config.schedule.cron.split()
            return WallClockTrigger(minute=minute, hour=hour, day=day, month=month,
                                    day_of_week=cron_weekdays(weekday), timezone=tz)
        except ValueError as exc:
            raise ConfigError(f"[schedule] cron = {config.schedule.cron!r} is not a cron expression "
                              f"(minute hour day month weekday, e.g. \"0 7 * * 1-5\"): {exc}") from None
    try:
        hour, minute = (int(part) for part in config.schedule.time.split(":"))
        if not (0 <= hour < 24 and 0 <= minute < 60):
            raise ValueError
    except ValueError:
        raise ConfigError(f"[schedule] time = {config.schedule.time!r} is not a time of day like \"07:00\"") from None
    return WallClockTrigger(hour=hour, minute=minute, timezone=tz)


WEEKDAYS = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")


def cron_weekdays(field: str) -> str:
    """A crontab weekday field (0 or 7 = Sunday, 1 = Monday; names; ranges; steps) as the list
    of day names APScheduler 3 reads: it counts from Monday = 0, so "1-5" would mean Tue-Sat."""
    def number(token: str) -> int:
        token = token.strip().lower()
        if token[:3] in WEEKDAYS and not token.isdigit():
            return WEEKDAYS.index(token[:3])
        value = int(token)
        if not 0 <= value <= 7:
            raise ValueError(f"weekday {value} is not between 0 and 7")
        return value

    days: set[int] = set()
    for item in field.split(","):
        span, _, step = item.partition("/")
        if span == "*":
            first, last = 0, 6
        elif "-" in span:
            first, last = (number(x) for x in span.split("-", 1))
        else:
            first = last = number(span)
            if step:
                last = 6
        if last < first:
            raise ValueError(f"weekday range {span!r} runs backwards")
        days.update(d % 7 for d in range(first, last + 1, int(step) if step else 1))
    return "*" if len(days) == 7 else ",".join(WEEKDAYS[d] for d in sorted(days))


def poll_trigger(config: Config) -> IntervalTrigger:
    return IntervalTrigger(minutes=config.schedule.poll_minutes, timezone=zone(config))


def grace(config: Config) -> timedelta:
    return timedelta(hours=config.schedule.misfire_grace_hours)


def fire_times(trigger, start: datetime, end: datetime) -> list[datetime]:
    """Every time `trigger` fires in (start, end]: what a scheduler running throughout would do."""
    times: list[datetime] = []
    previous = None
    current = trigger.get_next_fire_time(None, start + timedelta(microseconds=1))
    while current is not None and current <= end:
        times.append(current)
        previous = current
        current = trigger.get_next_fire_time(previous, previous + timedelta(microseconds=1))
    return times


def current_slot(config: Config, now: datetime) -> datetime:
    """The scheduled time a daily run at `now` stands for: the latest fire time at or before
    `now` within the grace time (a late run still belongs to its morning)."""
    earlier = fire_times(daily_trigger(config), now - grace(config) - timedelta(minutes=1), now)
    return earlier[-1] if earlier else now.replace(microsecond=0)


# --- the jobs (module-level functions: the job store keeps them by name) ---------------------


@dataclass(frozen=True)
class _Active:
    store: Store
    config: Config
    lease: HeldLease


_active: _Active | None = None


def _context() -> _Active:
    if _active is None:  # a job store copied to a process that is not `digest run`
        raise RuntimeError("digest jobs run only inside `digest run`")
    return _active


def poll_job() -> None:
    ctx = _context()
    pipeline.poll(ctx.store, ctx.config)


def daily_job() -> None:
    ctx = _context()
    run_daily_slot(ctx.store, ctx.config, current_slot(ctx.config, utcnow()), ctx.lease.me,
                   still_active=lambda: not ctx.lease.lost.is_set())


def run_daily_slot(store: Store, config: Config, slot: datetime, me: Identity,
                   still_active: Callable[[], bool] | None = None) -> JobRun | None:
    """Run the pipeline for one scheduled time, once: a slot already done is left alone; one
    cut off by a crash (another owner, still "running") is resumed with its digest, if built."""
    run, created = store.start_job_run(DAILY_JOB_ID, slot, me.owner)
    if not created:
        if run.status != "running" or run.owner == me.owner:
            logger.info("the daily run for %s is already %s; nothing to do", _local(config, slot), run.status)
            return None
        if not store.take_over_job_run(run.id, run.owner, me.owner):
            return None
        logger.warning("resuming the daily run for %s, cut off earlier%s", _local(config, slot),
                       f" after building digest {run.digest_id}" if run.digest_id else "")
    logger.info("daily run for %s", _local(config, slot))
    try:
        pipeline.run_pipeline(store, config, digest_id=run.digest_id, still_active=still_active,
                              on_built=lambda digest_id: store.update_job_run(run.id, digest_id=digest_id))
    except Busy:
        raise  # the run stays "running" for the scheduler that took over to resume
    except Exception as exc:
        store.update_job_run(run.id, status="failed", error=f"{exc.__class__.__name__}: {exc}")
        raise
    store.update_job_run(run.id, status="done")
    return run


def _local(config: Config, when: datetime) -> str:
    return f"{when.astimezone(zone(config)):%Y-%m-%d %H:%M %Z}"


# --- the scheduler ----------------------------------------------------------------------------


class _Scheduler(BackgroundScheduler):
    def _process_jobs(self):
        # APScheduler 3 looks for due jobs once more after shutdown: it cannot run them any more
        # but still moves their next run time on, so a run due at that moment would be lost.
        if self.state == STATE_STOPPED:
            return None
        return super()._process_jobs()


def make_scheduler(store: Store, config: Config) -> BackgroundScheduler:
    """A scheduler on the store's database (jobs table apscheduler_jobs), one worker thread."""
    return _Scheduler(
        timezone=zone(config),
        jobstores={"default": SQLAlchemyJobStore(engine=store.engine, tablename=JOBS_TABLE)},
        executors={"default": ThreadPoolExecutor(max_workers=1)},
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": int(grace(config).total_seconds()) or 1,
        },
    )


def install_jobs(scheduler: BackgroundScheduler, config: Config, now: datetime | None = None) -> None:
    """Add the two jobs, or bring stored ones up to date with the config. A stored job whose
    trigger is unchanged keeps its next run time, so a run missed while down is still due."""
    now = now or utcnow()
    wanted = {
        POLL_JOB_ID: (poll_job, poll_trigger(config), "poll sources, retry pending deliveries", now),
        DAILY_JOB_ID: (daily_job, daily_trigger(config), "build and deliver the briefing", None),
    }
    options = {"coalesce": True, "max_instances": 1, "misfire_grace_time": int(grace(config).total_seconds()) or 1}
    for job_id, (func, trigger, name, first_run) in wanted.items():
        job = scheduler.get_job(job_id)
        if job is None:
            extra = {"next_run_time": first_run} if first_run else {}
            scheduler.add_job(func, trigger, id=job_id, name=name, **options, **extra)
            continue
        if _trigger_key(job.trigger) != _trigger_key(trigger):
            logger.info("%s: the schedule changed (%s -> %s); next run recomputed", job_id, job.trigger, trigger)
            scheduler.reschedule_job(job_id, trigger=trigger)
        scheduler.modify_job(job_id, func=func, name=name, **options)


def _trigger_key(trigger) -> tuple[str, str, str]:
    return (type(trigger).__name__, str(trigger), str(getattr(trigger, "timezone", "")))


def _resume_cut_off_run(scheduler: BackgroundScheduler, store: Store, config: Config, me: Identity) -> None:
    """A daily run left "running" by a process that is gone: run the job now so it resumes."""
    runs = store.list_job_runs(DAILY_JOB_ID)
    if runs and runs[0].status == "running" and runs[0].owner != me.owner and utcnow() - runs[0].slot <= grace(config):
        logger.warning("the daily run for %s was cut off; running it again now", _local(config, runs[0].slot))
        scheduler.modify_job(DAILY_JOB_ID, next_run_time=utcnow())


def next_runs(scheduler: BackgroundScheduler) -> dict[str, datetime | None]:
    return {job.id: job.next_run_time for job in scheduler.get_jobs()}


def _run_active(store: Store, config: Config, lease: HeldLease, stop: threading.Event) -> None:
    global _active
    scheduler = make_scheduler(store, config)
    scheduler.start(paused=True)
    try:
        install_jobs(scheduler, config)
        _resume_cut_off_run(scheduler, store, config, lease.me)
        _active = _Active(store, config, lease)
        scheduler.resume()
        for job_id, when in next_runs(scheduler).items():
            logger.info("next %s: %s (%s)", job_id, _local(config, when) if when else "never",
                        scheduler.get_job(job_id).trigger)
        while not stop.wait(1.0) and not lease.lost.is_set():
            pass
        if lease.lost.is_set():
            logger.error("another scheduler took over; stopping here after the running job")
    finally:
        logger.info("stopping: waiting for the running job, if any, to finish")
        scheduler.shutdown(wait=True)
        _active = None


def run_scheduler(
    store: Store,
    config: Config,
    *,
    standby: bool = True,
    stop: threading.Event | None = None,
    ttl: timedelta | None = None,
    check_every: float = 5.0,
) -> None:
    """Run the scheduler until `stop` is set (default: until SIGTERM or SIGINT).

    Stands by while another process holds the scheduler lease and takes over when it goes;
    with standby=False raises Busy instead. Raises ConfigError for a bad [schedule].
    """
    daily_trigger(config), poll_trigger(config)  # configuration errors before anything starts
    ttl = ttl or lease_ttl(config)
    stop = stop or stop_on_signals()
    me = this_process()
    waiting = False
    while not stop.is_set():
        acquired, holder = try_acquire(store, SCHEDULER_LEASE, ttl, me)
        if not acquired:
            if not standby:
                raise Busy(f"another `digest run` is already active on this database ({describe(holder)}); "
                           "stop it first, or start this one without --no-standby to wait as a standby")
            if not waiting:
                logger.warning("another `digest run` is active on this database (%s); standing by to take over "
                               "if it stops", describe(holder))
                waiting = True
            stop.wait(min(check_every, ttl.total_seconds() / 3))
            continue
        if waiting:
            logger.warning("taking over as the active scheduler")
        waiting = False
        lease = HeldLease(store, SCHEDULER_LEASE, ttl, me).start()
        try:
            _run_active(store, config, lease, stop)
        finally:
            lease.release()
        if not lease.lost.is_set():
            break
    logger.info("scheduler stopped")


def stop_on_signals() -> threading.Event:
    """An event set by the first SIGTERM or SIGINT; a second one exits at once."""
    stop = threading.Event()

    def handle(signum, _frame):
        if stop.is_set():
            logger.warning("second %s: stopping now; a cut-off run resumes at the next start", signal.Signals(signum).name)
            os._exit(128 + signum)
        logger.warning("%s: finishing the running job, then stopping (send it again to stop at once)",
                       signal.Signals(signum).name)
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, handle)
    return stop
