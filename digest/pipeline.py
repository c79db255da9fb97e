"""The pipeline: the one ordered list of stages a scheduled run goes through.

    ingest -> classify -> build -> deliver -> publish

Order rules (guarded by tests/test_schedule.py):
- classify after ingest: it assigns tracks to what ingest just added;
- build after classify: the briefing groups articles by their assigned track;
- deliver after build: it sends the digest that build recorded;
- publish (the static site) after deliver: readers get their email first, and the site shows
  the digest that was sent.

ingest, classify and publish are best-effort (a broken feed or a site error is logged and the
run goes on: the briefing of what is already stored still goes out); build and deliver are
required (an error ends the run and marks it failed). A day without new articles builds and
sends nothing unless [email] send_empty is set.

`poll` is the short list the poll job runs between briefings: ingest, classify, and a retry of
deliveries left pending.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from digest.briefing import build_briefing, save_briefing
from digest.config import Config
from digest.deliver import DeliveryReport, deliver_digest, retry_pending
from digest.errors import Busy
from digest.ingest import ingest
from digest.models import IngestReport
from digest.site import build_site
from digest.store import Store, utcnow

logger = logging.getLogger(__name__)


@dataclass
class RunState:
    """What one run has done so far; each stage reads what the earlier ones left here."""

    store: Store
    config: Config
    digest_id: int | None = None  # set by build, or given when resuming a run cut off after it
    on_built: Callable[[int], None] | None = None
    ingested: IngestReport | None = None
    empty: bool = False
    deliveries: list[DeliveryReport] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # best-effort stages that failed


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[RunState], None]
    required: bool


def _ingest(state: RunState) -> None:
    state.ingested = ingest(state.store, state.config)
    report = state.ingested
    logger.info("ingest: %d new, %d duplicates, %d unchanged, %d failed", len(report.added),
                len(report.duplicates), len(report.unchanged), len(report.failures))


def _classify(state: RunState) -> None:
    added = [a for a in (state.ingested.added if state.ingested else ()) if a.duplicate_of is None]
    if not added:
        return
    from digest.tracks import assignments_for  # the classifier is heavy: load it when there is work

    assignments_for(state.store, state.config, added)
    logger.info("classify: %d new articles assigned to tracks", len(added))


def _after_this_second() -> datetime:
    """The next whole second. Stored times are whole seconds and a "new" window ends before its
    end time, so an article ingested in this very second would wait for tomorrow's briefing;
    ending the window at the next second takes it now, and anything ingested from then on
    (by another process, during the build) falls in the next window."""
    now = datetime.now(UTC)
    time.sleep((1_000_000 - now.microsecond) / 1_000_000)
    return utcnow()


def _build(state: RunState) -> None:
    if state.digest_id is not None:
        logger.info("build: digest %d was built before the run was cut off; using it", state.digest_id)
        return
    briefing = build_briefing(state.store, state.config, now=_after_this_second())
    if briefing.is_empty and not state.config.email.send_empty:
        state.empty = True
        logger.info("build: no new articles since the last digest; nothing to build or send "
                    "([email] send_empty = true sends a short note instead)")
        return
    saved = save_briefing(state.store, state.config, briefing)
    state.digest_id = saved.digest_id
    if state.on_built:
        state.on_built(saved.digest_id)
    logger.info("build: digest %d, %d articles, in %s", saved.digest_id, briefing.article_count, saved.folder)


def _deliver(state: RunState) -> None:
    if state.digest_id is None:
        return
    if not state.config.email.recipients:
        logger.warning("deliver: no [[email.recipients]] configured; digest %d is not sent", state.digest_id)
        return
    state.deliveries.append(deliver_digest(state.store, state.config, state.digest_id, wait=600.0))


def _publish(state: RunState) -> None:
    if state.digest_id is None:
        return
    report = build_site(state.store, state.config)
    logger.info("publish: site in %s (%d digests; %d files written)", report.folder, report.digests, len(report.written))


STAGES: tuple[Stage, ...] = (
    Stage("ingest", _ingest, required=False),
    Stage("classify", _classify, required=False),
    Stage("build", _build, required=True),
    Stage("deliver", _deliver, required=True),
    Stage("publish", _publish, required=False),
)


def _retry_deliveries(state: RunState) -> None:
    state.deliveries.extend(retry_pending(state.store, state.config))


POLL_STAGES: tuple[Stage, ...] = (
    Stage("ingest", _ingest, required=False),
    Stage("classify", _classify, required=False),
    Stage("retry deliveries", _retry_deliveries, required=False),
)


def run_stages(state: RunState, stages: tuple[Stage, ...], still_active: Callable[[], bool] | None = None) -> RunState:
    """Run `stages` in order on `state`. A required stage's error ends the run (raised); a
    best-effort stage's error is logged, noted in state.problems, and the run goes on.
    `still_active` is asked before each stage; when it says no (another scheduler took over),
    the run stops there with Busy and the new scheduler resumes it."""
    for stage in stages:
        if still_active is not None and not still_active():
            raise Busy(f"another scheduler took over; stopping before {stage.name}")
        try:
            stage.run(state)
        except Exception as exc:
            if stage.required:
                logger.error("%s failed: %s", stage.name, exc)
                raise
            logger.exception("%s failed; going on without it", stage.name)
            state.problems.append(f"{stage.name}: {exc.__class__.__name__}: {exc}")
    return state


def run_pipeline(store: Store, config: Config, *, digest_id: int | None = None,
                 on_built: Callable[[int], None] | None = None,
                 still_active: Callable[[], bool] | None = None) -> RunState:
    """The daily run: every stage of STAGES in order. `digest_id` resumes a run cut off after
    its build; `on_built` is told the new digest's id as soon as it is recorded."""
    state = RunState(store, config, digest_id=digest_id, on_built=on_built)
    return run_stages(state, STAGES, still_active)


def poll(store: Store, config: Config) -> RunState:
    """Between briefings: ingest, classify, retry pending deliveries."""
    return run_stages(RunState(store, config), POLL_STAGES)
