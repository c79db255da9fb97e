"""Triggers under a controlled clock (DST, repeated and skipped hours, cron), job installation
across restarts, and the pipeline's stage order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from digest import pipeline
from digest.config import load_config
from digest.errors import ConfigError
from digest.schedule import (
    DAILY_JOB_ID,
    POLL_JOB_ID,
    current_slot,
    daily_trigger,
    fire_times,
    install_jobs,
    make_scheduler,
)


def schedule(**values):
    return load_config(overrides={"schedule": values})


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    "timezone, start, expected_utc",
    [
        # London: GMT until 30 March 2025 01:00 UTC, then BST (UTC+1)
        ("Europe/London", utc(2025, 3, 28, 12), [utc(2025, 3, 29, 7), utc(2025, 3, 30, 6), utc(2025, 3, 31, 6)]),
        # London: BST until 26 October 2025 01:00 UTC, then GMT
        ("Europe/London", utc(2025, 10, 24, 12), [utc(2025, 10, 25, 6), utc(2025, 10, 26, 7), utc(2025, 10, 27, 7)]),
        # Jerusalem: IST (UTC+2) until Friday 28 March 2025 02:00, then IDT (UTC+3)
        ("Asia/Jerusalem", utc(2025, 3, 26, 12), [utc(2025, 3, 27, 5), utc(2025, 3, 28, 4), utc(2025, 3, 29, 4)]),
        # Jerusalem: IDT until Sunday 26 October 2025 02:00, then IST
        ("Asia/Jerusalem", utc(2025, 10, 24, 12), [utc(2025, 10, 25, 4), utc(2025, 10, 26, 5), utc(2025, 10, 27, 5)]),
    ],
)
def test_the_daily_job_fires_at_seven_local_time_on_both_sides_of_a_dst_change(timezone, start, expected_utc):
    trigger = daily_trigger(schedule(time="07:00", timezone=timezone))

    fired = fire_times(trigger, start, start + timedelta(days=3))

    assert [t.astimezone(UTC) for t in fired] == expected_utc
    assert {(t.astimezone(ZoneInfo(timezone)).hour, t.astimezone(ZoneInfo(timezone)).minute) for t in fired} == {(7, 0)}


@pytest.mark.parametrize("timezone", ["Europe/London", "Asia/Jerusalem"])
def test_a_time_in_the_hour_repeated_when_clocks_go_back_fires_once_that_day(timezone):
    trigger = daily_trigger(schedule(time="01:30", timezone=timezone))

    fired = fire_times(trigger, utc(2025, 10, 24, 12), utc(2025, 10, 28, 12))

    local_days = [t.astimezone(ZoneInfo(timezone)).date().isoformat() for t in fired]
    assert local_days == ["2025-10-25", "2025-10-26", "2025-10-27", "2025-10-28"]
    assert all(t.astimezone(ZoneInfo(timezone)).strftime("%H:%M") == "01:30" for t in fired)


def test_a_time_skipped_when_clocks_go_forward_still_fires_once_that_day():
    london = ZoneInfo("Europe/London")
    trigger = daily_trigger(schedule(time="01:30", timezone="Europe/London"))

    fired = fire_times(trigger, utc(2025, 3, 28, 12), utc(2025, 4, 1, 12))

    assert [t.astimezone(london).date().isoformat() for t in fired] == ["2025-03-29", "2025-03-30", "2025-03-31", "2025-04-01"]
    # 01:30 does not exist on 30 March: it fires at 01:30 UTC, which the clocks call 02:30
    assert fired[1].astimezone(UTC) == utc(2025, 3, 30, 1, 30)


def test_a_cron_expression_replaces_the_time_of_day():
    trigger = daily_trigger(schedule(cron="30 6 * * 1-5", timezone="Asia/Jerusalem"))

    fired = fire_times(trigger, utc(2025, 3, 5, 12), utc(2025, 3, 12, 12))  # Wednesday to Wednesday

    local = [t.astimezone(ZoneInfo("Asia/Jerusalem")) for t in fired]
    assert [t.strftime("%a %H:%M") for t in local] == ["Thu 06:30", "Fri 06:30", "Mon 06:30", "Tue 06:30", "Wed 06:30"]


@pytest.mark.parametrize(
    "field, days",
    [("0", ["Sun"]), ("7", ["Sun"]), ("6,0", ["Sat", "Sun"]), ("*/3", ["Sun", "Wed", "Sat"]), ("mon-wed", ["Mon", "Tue", "Wed"])],
)
def test_cron_weekdays_count_from_sunday_as_crontab_does(field, days):
    trigger = daily_trigger(schedule(cron=f"0 7 * * {field}", timezone="UTC"))

    fired = fire_times(trigger, utc(2025, 3, 2, 8), utc(2025, 3, 9, 8))  # Sunday 08:00 to Sunday 08:00

    assert sorted({t.strftime("%a") for t in fired}) == sorted(days)


@pytest.mark.parametrize(
    "values, message",
    [
        ({"time": "7am"}, "is not a time of day"),
        ({"time": "25:00"}, "is not a time of day"),
        ({"cron": "every morning"}, "is not a cron expression"),
        ({"cron": "0 7 * * 5-1"}, "is not a cron expression"),
        ({"cron": "0 7 * * 8"}, "is not a cron expression"),
        ({"timezone": "Mars/Olympus"}, "is not an IANA time zone"),
    ],
)
def test_a_bad_schedule_is_a_config_error_naming_the_key(values, message):
    with pytest.raises(ConfigError, match=message):
        daily_trigger(schedule(**values))


def test_a_late_run_belongs_to_its_morning():
    config = schedule(time="07:00", timezone="Europe/London", misfire_grace_hours=6)

    assert current_slot(config, utc(2025, 3, 31, 9, 15)) == utc(2025, 3, 31, 6)  # 10:15 BST: this morning
    assert current_slot(config, utc(2025, 3, 31, 6)) == utc(2025, 3, 31, 6)


def test_restarting_keeps_the_stored_next_run_and_a_changed_time_recomputes_it(store):
    config = schedule(time="07:00", timezone="Asia/Jerusalem")
    first = make_scheduler(store, config)
    first.start(paused=True)
    install_jobs(first, config)
    missed = utc(2025, 3, 3, 5)  # as if this scheduler last ran long ago
    first.modify_job(DAILY_JOB_ID, next_run_time=missed)
    first.shutdown()

    again = make_scheduler(store, config)
    again.start(paused=True)
    install_jobs(again, config)
    assert {job.id for job in again.get_jobs()} == {POLL_JOB_ID, DAILY_JOB_ID}
    assert again.get_job(DAILY_JOB_ID).next_run_time == missed  # still due: it runs when resumed
    daily = again.get_job(DAILY_JOB_ID)
    assert (daily.coalesce, daily.max_instances, daily.misfire_grace_time) == (True, 1, 6 * 3600)
    again.shutdown()

    changed = schedule(time="06:15", timezone="Asia/Jerusalem", misfire_grace_hours=2)
    third = make_scheduler(store, changed)
    third.start(paused=True)
    install_jobs(third, changed)
    daily = third.get_job(DAILY_JOB_ID)
    local = daily.next_run_time.astimezone(ZoneInfo("Asia/Jerusalem"))
    assert local.strftime("%H:%M") == "06:15" and daily.next_run_time > datetime.now(UTC)
    assert daily.misfire_grace_time == 2 * 3600
    third.shutdown()


def test_the_pipeline_runs_its_stages_in_the_documented_order():
    names = [stage.name for stage in pipeline.STAGES]
    order = [n for n in ("ingest", "classify", "build", "deliver", "publish") if n in names]
    assert names[: len(order)] == order or [n for n in names if n in order] == order
    assert names.index("ingest") < names.index("classify") < names.index("build") < names.index("deliver")
    if "publish" in names:
        assert names.index("deliver") < names.index("publish")
    required = {stage.name for stage in pipeline.STAGES if stage.required}
    assert {"build", "deliver"} <= required and "ingest" not in required


def test_a_scheduler_that_lost_its_lease_stops_between_stages_and_the_new_one_resumes(store):
    from digest.errors import Busy
    from digest.lease import Identity
    from digest.schedule import run_daily_slot

    config = schedule(time="07:00", timezone="Asia/Jerusalem")
    slot = utc(2025, 3, 6, 5)
    old, new = Identity("old:1:a", "old", 1), Identity("new:2:b", "new", 2)

    with pytest.raises(Busy, match="stopping before ingest"):
        run_daily_slot(store, config, slot, old, still_active=lambda: False)
    [cut_off] = store.list_job_runs(DAILY_JOB_ID)
    assert (cut_off.status, cut_off.owner) == ("running", old.owner)

    assert run_daily_slot(store, config, slot, new, still_active=lambda: True) is not None
    [run] = store.list_job_runs(DAILY_JOB_ID)
    assert (run.status, run.owner) == ("done", new.owner)
    assert run_daily_slot(store, config, slot, old) is None  # a finished slot never runs again
