"""The store: SQLAlchemy Core over an SQLite file by default (any SQLAlchemy URL works).

Schema changes are an ordered list of migration functions applied on open; the number
applied so far is kept in `schema_version`. Append new migrations, never edit old ones.
New features add new tables in new migrations; a column added to an existing table needs an
ALTER TABLE migration, and migration 1 must then keep creating the table without it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from datetime import date as date_type
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from digest.errors import NotFound, StoreError
from digest.models import Article, Delivery, DigestRecord, Evidence, Failure, JobRun, Lease, TrackAssignment

logger = logging.getLogger(__name__)

metadata = sa.MetaData()

schema_version = sa.Table("schema_version", metadata, sa.Column("version", sa.Integer, nullable=False))

sources = sa.Table(
    "sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),  # inbox, file, feed, url
    sa.Column("location", sa.String(2048), nullable=False, unique=True),
    sa.Column("etag", sa.String(512)),
    sa.Column("last_modified", sa.String(128)),
    sa.Column("last_polled", sa.DateTime(timezone=True)),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("location", sa.String(2048), nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False, index=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("author", sa.String(512)),
    sa.Column("place", sa.String(256)),
    sa.Column("outlet", sa.String(256)),
    sa.Column("url", sa.String(2048)),
    sa.Column("published", sa.DateTime(timezone=True)),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("word_count", sa.Integer, nullable=False),
    sa.Column("duplicate_of", sa.Integer, sa.ForeignKey("articles.id")),
    sa.Column("signature", sa.LargeBinary),
    sa.Column("source_id", sa.Integer, sa.ForeignKey("sources.id")),
    sa.UniqueConstraint("location", "content_hash", name="uq_articles_location_hash"),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("location", sa.String(2048), nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

# Track assignments, recomputed when the tracks config hash changes; pins are an analyst's override.
assignments = sa.Table(
    "assignments",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("primary_track", sa.String(64), nullable=False, index=True),
    sa.Column("secondary", sa.Text, nullable=False),  # JSON list
    sa.Column("scores", sa.Text, nullable=False),  # JSON object
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),  # JSON list
    sa.Column("config_hash", sa.String(32), nullable=False),
    sa.Column("assigned_at", sa.DateTime(timezone=True), nullable=False),
)

pins = sa.Table(
    "pins",
    metadata,
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("track", sa.String(64), nullable=False),
    sa.Column("pinned_at", sa.DateTime(timezone=True), nullable=False),
)

# Digests: one row per built briefing; its sections' sentences feed "new since last briefing".
digests = sa.Table(
    "digests",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("date", sa.Date, nullable=False, index=True),
    sa.Column("window_start", sa.DateTime(timezone=True)),
    sa.Column("window_end", sa.DateTime(timezone=True)),
    sa.Column("tracks", sa.Text, nullable=False),  # JSON list of track ids included
    sa.Column("config_hash", sa.String(32), nullable=False),
    sa.Column("algorithm", sa.String(32), nullable=False),
    sa.Column("version", sa.String(32), nullable=False),
    sa.Column("path", sa.String(2048)),  # folder holding briefing.html, briefing.pdf, email.*
    sa.Column("article_count", sa.Integer, nullable=False),
    sa.Column("data", sa.Text, nullable=False),  # JSON: counts per track, top lines, sections
)

digest_sentences = sa.Table(
    "digest_sentences",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("digest_id", sa.Integer, sa.ForeignKey("digests.id"), nullable=False, index=True),
    sa.Column("track", sa.String(64), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

digest_articles = sa.Table(
    "digest_articles",
    metadata,
    sa.Column("digest_id", sa.Integer, sa.ForeignKey("digests.id"), primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("track", sa.String(64), nullable=False),
)

# Deliveries: the ledger keyed by (digest, recipient) so nothing is ever mailed twice.
deliveries = sa.Table(
    "deliveries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("digest_id", sa.Integer, sa.ForeignKey("digests.id"), nullable=False),
    sa.Column("recipient", sa.String(512), nullable=False),
    sa.Column("status", sa.String(16), nullable=False),  # pending, sending, sent, failed
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("message_id", sa.String(512)),
    sa.Column("last_error", sa.Text),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("sent_at", sa.DateTime(timezone=True)),
    sa.UniqueConstraint("digest_id", "recipient", name="uq_deliveries_digest_recipient"),
)

# Leases: one named holder at a time across processes and machines ("scheduler", "deliver").
# A holder renews before `expires_at`; an expired lease (or one whose holder is a dead process
# on this very machine) may be taken over. Times come from each machine's clock: keep them in NTP.
leases = sa.Table(
    "leases",
    metadata,
    sa.Column("name", sa.String(64), primary_key=True),
    sa.Column("owner", sa.String(256), nullable=False),
    sa.Column("host", sa.String(256), nullable=False),
    sa.Column("pid", sa.Integer, nullable=False),
    sa.Column("acquired_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
)

# Scheduled job runs, one per (job, scheduled time): a slot runs once even across restarts,
# and a run cut off by a crash is resumed (its digest, once built, is reused).
job_runs = sa.Table(
    "job_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("job_id", sa.String(64), nullable=False),
    sa.Column("slot", sa.DateTime(timezone=True), nullable=False),
    sa.Column("owner", sa.String(256), nullable=False),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("status", sa.String(16), nullable=False),  # running, done, failed
    sa.Column("digest_id", sa.Integer, sa.ForeignKey("digests.id")),
    sa.Column("error", sa.Text),
    sa.UniqueConstraint("job_id", "slot", name="uq_job_runs_job_slot"),
)


def _migration_1(conn: Connection) -> None:
    """Sources, articles and the quarantine of failed inputs."""
    for table in (sources, articles, failures):
        table.create(conn)


def _migration_2(conn: Connection) -> None:
    """Track assignments and analysts' pins."""
    assignments.create(conn)
    pins.create(conn)


def _migration_3(conn: Connection) -> None:
    """Digests, their sentences and articles."""
    for table in (digests, digest_sentences, digest_articles):
        table.create(conn)


def _migration_4(conn: Connection) -> None:
    """The delivery ledger."""
    deliveries.create(conn)


def _migration_5(conn: Connection) -> None:
    """Leases (one active scheduler, one deliverer) and scheduled job runs."""
    # APScheduler keeps its jobs in its own table (apscheduler_jobs), created by the first `digest run`.
    leases.create(conn)
    job_runs.create(conn)


MIGRATIONS: list[Callable[[Connection], None]] = [_migration_1, _migration_2, _migration_3, _migration_4, _migration_5]


def utcnow() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


class Store:
    """All reads and writes of digest's state. Open with `Store.open(url)`."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> "Store":
        """Connect and apply pending migrations. Raises StoreError when the database cannot be used."""
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        try:
            engine = sa.create_engine(url, future=True)
            if engine.dialect.name == "sqlite":
                sa.event.listen(engine, "connect", _sqlite_pragmas)
            store = cls(engine)
            store.migrate()
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store at {url}: {exc.__class__.__name__}: {exc.args[0] if exc.args else exc}") from exc
        return store

    def close(self) -> None:
        self.engine.dispose()

    def migrate(self) -> int:
        """Apply every migration not yet applied, each in its own transaction. Returns the version."""
        with self.engine.begin() as conn:
            if not sa.inspect(conn).has_table("schema_version"):
                schema_version.create(conn)
                conn.execute(schema_version.insert().values(version=0))
        version = self.version()
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.engine.begin() as conn:
                migration(conn)
                conn.execute(schema_version.update().values(version=number))
            logger.info("applied migration %d: %s", number, (migration.__doc__ or "").strip())
        return len(MIGRATIONS)

    def version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(schema_version.c.version)).scalar_one())

    # --- articles -------------------------------------------------------------------------

    def find_article(self, location: str, content_hash: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(articles).where(articles.c.location == location, articles.c.content_hash == content_hash)
            ).first()
        return _article(row) if row else None

    def articles_with_hash(self, content_hash: str) -> list[Article]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(articles).where(articles.c.content_hash == content_hash).order_by(articles.c.id)
            ).all()
        return [_article(r) for r in rows]

    def insert_article(self, article: Article, signature: bytes | None, source_id: int | None = None) -> tuple[Article, bool]:
        """Insert unless (location, content_hash) is already stored. Returns (stored article, inserted?)."""
        values = dict(
            location=article.location,
            content_hash=article.content_hash,
            title=article.title,
            text=article.text,
            author=article.author,
            place=article.place,
            outlet=article.outlet,
            url=article.url,
            published=article.published,
            first_seen=article.first_seen or utcnow(),
            word_count=article.word_count,
            duplicate_of=article.duplicate_of,
            signature=signature,
            source_id=source_id,
        )
        with self.engine.begin() as conn:
            # RETURNING, not rowcount: psycopg reports -1 for INSERT ... ON CONFLICT DO NOTHING
            query = _insert_ignore(conn, articles, values, ["location", "content_hash"]).returning(articles.c.id)
            inserted = conn.execute(query).first() is not None
        stored = self.find_article(article.location, article.content_hash)
        assert stored is not None
        return stored, inserted

    def get_article(self, article_id: int) -> Article:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
        if row is None:
            raise NotFound(f"no article with id {article_id}; `digest articles` lists the stored ones")
        return _article(row)

    def list_articles(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        include_duplicates: bool = True,
        by_first_seen: bool = False,
    ) -> list[Article]:
        """Articles ordered by id; since/until filter on the article's date (published, else first seen),
        or with `by_first_seen` on when digest first saw it (what is new since the last digest)."""
        query = sa.select(articles).order_by(articles.c.id)
        if not include_duplicates:
            query = query.where(articles.c.duplicate_of.is_(None))
        date = articles.c.first_seen if by_first_seen else sa.func.coalesce(articles.c.published, articles.c.first_seen)
        if since is not None:
            query = query.where(date >= since)
        if until is not None:
            query = query.where(date < until)
        with self.engine.connect() as conn:
            return [_article(r) for r in conn.execute(query)]

    def duplicates_of(self, article_ids: Iterable[int] | None = None) -> dict[int, list[Article]]:
        """Canonical article id -> the articles linked to it as duplicates."""
        query = sa.select(articles).where(articles.c.duplicate_of.is_not(None)).order_by(articles.c.id)
        if article_ids is not None:
            query = query.where(articles.c.duplicate_of.in_(list(article_ids)))
        out: dict[int, list[Article]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                out.setdefault(row.duplicate_of, []).append(_article(row))
        return out

    def signatures(self) -> list[tuple[int, bytes]]:
        """(id, MinHash signature) of every canonical article, for near-duplicate lookup."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(articles.c.id, articles.c.signature).where(
                    articles.c.duplicate_of.is_(None), articles.c.signature.is_not(None)
                )
            ).all()
        return [(r.id, r.signature) for r in rows]

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar_one())

    # --- sources --------------------------------------------------------------------------

    def source(self, kind: str, location: str) -> dict:
        """The row for a source, created on first use: id, etag, last_modified."""
        with self.engine.begin() as conn:
            conn.execute(_insert_ignore(conn, sources, {"kind": kind, "location": location}, ["location"]))
            row = conn.execute(sa.select(sources).where(sources.c.location == location)).one()
        return dict(row._mapping)

    def update_source(self, source_id: int, etag: str | None, last_modified: str | None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                sources.update()
                .where(sources.c.id == source_id)
                .values(etag=etag, last_modified=last_modified, last_polled=utcnow())
            )

    # --- quarantine -----------------------------------------------------------------------

    def add_failure(self, failure: Failure) -> None:
        with self.engine.begin() as conn:
            conn.execute(failures.insert().values(location=failure.location, reason=failure.reason, at=failure.at or utcnow()))

    def list_failures(self) -> list[Failure]:
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(failures).order_by(failures.c.id)).all()
        return [Failure(r.location, r.reason, _aware(r.at)) for r in rows]

    # --- track assignments and pins -------------------------------------------------------

    def save_assignments(self, items: Iterable[TrackAssignment]) -> None:
        """Store each assignment (replacing the article's previous one); `article_id` must be set."""
        now = utcnow()
        rows = [
            {
                "article_id": a.article_id,
                "primary_track": a.primary,
                "secondary": json.dumps(list(a.secondary)),
                "scores": json.dumps(a.scores),
                "confidence": a.confidence,
                "evidence": json.dumps([[e.track, e.cue, e.kind, e.weight, e.sentence] for e in a.evidence]),
                "config_hash": a.config_hash,
                "assigned_at": now,
            }
            for a in items
        ]
        if any(r["article_id"] is None for r in rows):
            raise StoreError("cannot store a track assignment without an article id")
        with self.engine.begin() as conn:
            ids = [r["article_id"] for r in rows]
            for start in range(0, len(ids), 500):
                conn.execute(assignments.delete().where(assignments.c.article_id.in_(ids[start : start + 500])))
            if rows:
                conn.execute(assignments.insert(), rows)

    def load_assignments(self, article_ids: Iterable[int] | None = None) -> dict[int, TrackAssignment]:
        """Stored assignments by article id (all, or those of `article_ids`), as the classifier
        left them; pins are separate (`pins`)."""
        query = sa.select(assignments)
        wanted = None if article_ids is None else list(article_ids)
        out: dict[int, TrackAssignment] = {}
        with self.engine.connect() as conn:
            chunks = [None] if wanted is None else [wanted[i : i + 500] for i in range(0, len(wanted), 500)]
            for chunk in chunks:
                rows = conn.execute(query if chunk is None else query.where(assignments.c.article_id.in_(chunk)))
                out.update((row.article_id, _assignment(row)) for row in rows)
        return out

    def pins(self) -> dict[int, str]:
        """Article id -> the track an analyst pinned it to."""
        with self.engine.connect() as conn:
            return {row.article_id: row.track for row in conn.execute(sa.select(pins))}

    def set_pin(self, article_id: int, track: str) -> None:
        """Pin an article to a track (replacing an earlier pin). Raises NotFound for an unknown article."""
        self.get_article(article_id)
        with self.engine.begin() as conn:
            conn.execute(pins.delete().where(pins.c.article_id == article_id))
            conn.execute(pins.insert().values(article_id=article_id, track=track, pinned_at=utcnow()))

    def delete_pin(self, article_id: int) -> bool:
        """Remove an article's pin; False when it had none."""
        with self.engine.begin() as conn:
            return bool(conn.execute(pins.delete().where(pins.c.article_id == article_id)).rowcount)

    # --- digests --------------------------------------------------------------------------

    def record_digest(
        self,
        *,
        date: date_type,
        window_start: datetime | None,
        window_end: datetime | None,
        tracks: list[str],
        config_hash: str,
        algorithm: str,
        version: str,
        path: str | None,
        data: dict,
        sentences: dict[str, list[str]],
        articles_by_track: dict[str, list[int]],
        created_at: datetime | None = None,
    ) -> int:
        """Record a built briefing with its per-track sentences and articles, in one transaction.
        Returns the new digest id."""
        article_count = sum(len(ids) for ids in articles_by_track.values())
        with self.engine.begin() as conn:
            digest_id = conn.execute(
                digests.insert().values(
                    created_at=created_at or utcnow(), date=date, window_start=window_start, window_end=window_end,
                    tracks=json.dumps(list(tracks)), config_hash=config_hash,
                    algorithm=algorithm, version=version, path=path, article_count=article_count,
                    data=json.dumps(data, ensure_ascii=False),
                )
            ).inserted_primary_key[0]
            sentence_rows = [
                {"digest_id": digest_id, "track": track, "position": n, "text": text}
                for track, texts in sentences.items() for n, text in enumerate(texts)
            ]
            if sentence_rows:
                conn.execute(digest_sentences.insert(), sentence_rows)
            article_rows = [
                {"digest_id": digest_id, "article_id": article_id, "track": track}
                for track, ids in articles_by_track.items() for article_id in dict.fromkeys(ids)
            ]
            if article_rows:
                conn.execute(digest_articles.insert(), article_rows)
        return int(digest_id)

    def list_digests(self) -> list[DigestRecord]:
        """Every recorded digest, newest first (the `data` payload left out: use get_digest)."""
        columns = [c for c in digests.c if c.name != "data"]
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(*columns).order_by(digests.c.id.desc())).all()
        return [_digest(r) for r in rows]

    def latest_digest(self) -> DigestRecord | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(digests).order_by(digests.c.id.desc()).limit(1)).first()
        return _digest(row) if row else None

    def get_digest(self, digest_id: int) -> DigestRecord:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(digests).where(digests.c.id == digest_id)).first()
        if row is None:
            raise NotFound(f"no digest with id {digest_id}; `digest digests` lists the recorded ones")
        return _digest(row)

    def previous_sentences(self, track: str, *, until: datetime | None = None, articles: Iterable[int] | None = None) -> list[str]:
        """The summary sentences, in order, of the digest a new section for `track` follows: the
        latest recorded one with a section for the track whose window ended by `until` (when
        given: a briefing for last week follows the one before it, not today's) and, when
        `articles` is given, whose section was built from other articles (the same articles again
        make the same briefing, rebuilt; what it said is not yesterday's news)."""
        wanted = None if articles is None else set(articles)
        with self.engine.connect() as conn:
            candidates = conn.execute(
                sa.select(digests.c.id, digests.c.window_end)
                .where(digests.c.id.in_(sa.select(digest_sentences.c.digest_id).where(digest_sentences.c.track == track)))
                .order_by(digests.c.id.desc())
            ).all()
            for row in candidates:
                if until is not None and row.window_end is not None and _utc(row.window_end) > _utc(until):
                    continue
                if wanted is not None:
                    used = conn.execute(
                        sa.select(digest_articles.c.article_id)
                        .where(digest_articles.c.digest_id == row.id, digest_articles.c.track == track)
                    ).scalars()
                    if set(used) == wanted:
                        continue
                rows = conn.execute(
                    sa.select(digest_sentences.c.text)
                    .where(digest_sentences.c.digest_id == row.id, digest_sentences.c.track == track)
                    .order_by(digest_sentences.c.position)
                ).all()
                return [r.text for r in rows]
        return []

    def digest_article_ids(self, digest_id: int) -> dict[str, list[int]]:
        """Track -> ids of the articles a digest included."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                sa.select(digest_articles).where(digest_articles.c.digest_id == digest_id).order_by(digest_articles.c.article_id)
            ).all()
        out: dict[str, list[int]] = {}
        for row in rows:
            out.setdefault(row.track, []).append(row.article_id)
        return out


    # --- delivery ledger ------------------------------------------------------------------

    def add_deliveries(self, digest_id: int, recipients: Iterable[str]) -> None:
        """A pending ledger row for each recipient that has none yet; existing rows stay as they are."""
        now = utcnow()
        with self.engine.begin() as conn:
            for recipient in recipients:
                values = {"digest_id": digest_id, "recipient": recipient, "status": "pending", "attempts": 0, "updated_at": now}
                conn.execute(_insert_ignore(conn, deliveries, values, ["digest_id", "recipient"]))

    def get_delivery(self, digest_id: int, recipient: str) -> Delivery | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(deliveries).where(deliveries.c.digest_id == digest_id, deliveries.c.recipient == recipient)
            ).first()
        return _delivery(row) if row else None

    def list_deliveries(self, digest_id: int | None = None, statuses: Iterable[str] | None = None,
                        since: datetime | None = None) -> list[Delivery]:
        """Ledger rows, newest digest first; optionally one digest's, in some statuses, or of
        digests created at or after `since`."""
        query = sa.select(deliveries).order_by(deliveries.c.digest_id.desc(), deliveries.c.id)
        if digest_id is not None:
            query = query.where(deliveries.c.digest_id == digest_id)
        if statuses is not None:
            query = query.where(deliveries.c.status.in_(list(statuses)))
        if since is not None:
            query = query.where(deliveries.c.digest_id.in_(sa.select(digests.c.id).where(digests.c.created_at >= _utc(since))))
        with self.engine.connect() as conn:
            return [_delivery(r) for r in conn.execute(query)]

    def claim_delivery(self, digest_id: int, recipient: str, message_id: str,
                       claimable: Iterable[str] = ("pending", "sending")) -> bool:
        """Move a row from one of the `claimable` states to "sending" (compare-and-set): True when
        this caller won it, False when the row is in another state or another process moved it."""
        with self.engine.begin() as conn:
            result = conn.execute(
                deliveries.update()
                .where(deliveries.c.digest_id == digest_id, deliveries.c.recipient == recipient,
                       deliveries.c.status.in_(list(claimable)))
                .values(status="sending", message_id=message_id, updated_at=utcnow())
            )
        return result.rowcount == 1

    def record_delivery_attempt(self, digest_id: int, recipient: str, status: str, error: str | None = None) -> None:
        """Count one attempt and its outcome: "sent", "sending" (will retry now), "pending", "failed"."""
        now = utcnow()
        values = {"status": status, "attempts": deliveries.c.attempts + 1, "last_error": error, "updated_at": now}
        if status == "sent":
            values["sent_at"] = now
        with self.engine.begin() as conn:
            conn.execute(
                deliveries.update()
                .where(deliveries.c.digest_id == digest_id, deliveries.c.recipient == recipient)
                .values(**values)
            )

    def set_delivery_status(self, digest_id: int, recipient: str, status: str, reason: str | None = None,
                            only_from: Iterable[str] | None = None) -> bool:
        """Set a row's status without counting an attempt (e.g. "skipped", or "failed" back to
        "pending"); with `only_from`, only when it is in one of those states. True when changed."""
        query = deliveries.update().where(deliveries.c.digest_id == digest_id, deliveries.c.recipient == recipient)
        if only_from is not None:
            query = query.where(deliveries.c.status.in_(list(only_from)))
        with self.engine.begin() as conn:
            result = conn.execute(query.values(status=status, last_error=reason, updated_at=utcnow()))
        return result.rowcount == 1

    # --- leases ---------------------------------------------------------------------------

    def acquire_lease(self, name: str, owner: str, host: str, pid: int, ttl: timedelta,
                      now: datetime | None = None) -> Lease:
        """Take `name` for `owner` when nobody holds it or the holder's lease has expired, or
        extend it when `owner` already holds it. Returns the holder afterwards: compare its owner."""
        now = _utc(now) if now else utcnow()
        values = {"name": name, "owner": owner, "host": host, "pid": pid, "acquired_at": now, "expires_at": now + ttl}
        with self.engine.begin() as conn:
            if conn.execute(_insert_ignore(conn, leases, values, ["name"]).returning(leases.c.name)).first() is None:
                conn.execute(
                    leases.update()
                    .where(leases.c.name == name, sa.or_(leases.c.owner == owner, leases.c.expires_at < now))
                    .values(owner=owner, host=host, pid=pid, expires_at=now + ttl,
                            acquired_at=sa.case((leases.c.owner == owner, leases.c.acquired_at), else_=now))
                )
            row = conn.execute(sa.select(leases).where(leases.c.name == name)).one()
        return _lease(row)

    def take_over_lease(self, name: str, previous_owner: str, owner: str, host: str, pid: int, ttl: timedelta,
                        now: datetime | None = None) -> bool:
        """Take `name` from `previous_owner` (known to be dead) if it still holds it."""
        now = _utc(now) if now else utcnow()
        with self.engine.begin() as conn:
            result = conn.execute(
                leases.update()
                .where(leases.c.name == name, leases.c.owner == previous_owner)
                .values(owner=owner, host=host, pid=pid, acquired_at=now, expires_at=now + ttl)
            )
        return result.rowcount == 1

    def renew_lease(self, name: str, owner: str, ttl: timedelta, now: datetime | None = None) -> bool:
        """Extend `owner`'s lease; False when `owner` no longer holds it."""
        now = _utc(now) if now else utcnow()
        with self.engine.begin() as conn:
            result = conn.execute(
                leases.update().where(leases.c.name == name, leases.c.owner == owner).values(expires_at=now + ttl)
            )
        return result.rowcount == 1

    def release_lease(self, name: str, owner: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(leases.delete().where(leases.c.name == name, leases.c.owner == owner))

    def get_lease(self, name: str) -> Lease | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(leases).where(leases.c.name == name)).first()
        return _lease(row) if row else None

    # --- scheduled job runs ---------------------------------------------------------------

    def start_job_run(self, job_id: str, slot: datetime, owner: str) -> tuple[JobRun, bool]:
        """The run of `job_id` for `slot`: created for `owner` when there is none, else the one
        already recorded. Returns (run, created)."""
        values = {"job_id": job_id, "slot": _utc(slot), "owner": owner, "started_at": utcnow(), "status": "running"}
        with self.engine.begin() as conn:
            query = _insert_ignore(conn, job_runs, values, ["job_id", "slot"]).returning(job_runs.c.id)
            created = conn.execute(query).first() is not None
            row = conn.execute(
                sa.select(job_runs).where(job_runs.c.job_id == job_id, job_runs.c.slot == _utc(slot))
            ).one()
        return _job_run(row), created

    def take_over_job_run(self, run_id: int, previous_owner: str, owner: str) -> bool:
        """Resume a run left unfinished by `previous_owner` (compare-and-set on the owner)."""
        with self.engine.begin() as conn:
            result = conn.execute(
                job_runs.update()
                .where(job_runs.c.id == run_id, job_runs.c.owner == previous_owner)
                .values(owner=owner, status="running", error=None, finished_at=None)
            )
        return result.rowcount == 1

    def update_job_run(self, run_id: int, *, digest_id: int | None = None, status: str | None = None,
                       error: str | None = None) -> None:
        """Record a run's digest once built, or its end ("done", "failed" with the error)."""
        values: dict = {}
        if digest_id is not None:
            values["digest_id"] = digest_id
        if status is not None:
            values.update(status=status, error=error, finished_at=utcnow() if status != "running" else None)
        with self.engine.begin() as conn:
            conn.execute(job_runs.update().where(job_runs.c.id == run_id).values(**values))

    def list_job_runs(self, job_id: str | None = None) -> list[JobRun]:
        """Job runs, newest slot first."""
        query = sa.select(job_runs).order_by(job_runs.c.slot.desc(), job_runs.c.id.desc())
        if job_id is not None:
            query = query.where(job_runs.c.job_id == job_id)
        with self.engine.connect() as conn:
            return [_job_run(r) for r in conn.execute(query)]


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _insert_ignore(conn: Connection, table: sa.Table, values: dict, keys: list[str]):
    """INSERT ... ON CONFLICT DO NOTHING, so concurrent writers never create duplicates."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    elif dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:  # pragma: no cover - other databases are not supported
        raise StoreError(f"unsupported database {dialect!r}: use SQLite or PostgreSQL")
    return insert(table).values(**values).on_conflict_do_nothing(index_elements=keys)


def _article(row) -> Article:
    return Article(
        id=row.id,
        location=row.location,
        title=row.title,
        text=row.text,
        content_hash=row.content_hash,
        author=row.author,
        place=row.place,
        outlet=row.outlet,
        url=row.url,
        published=_aware(row.published),
        first_seen=_aware(row.first_seen),
        word_count=row.word_count,
        duplicate_of=row.duplicate_of,
    )


def _assignment(row) -> TrackAssignment:
    return TrackAssignment(
        primary=row.primary_track,
        secondary=tuple(json.loads(row.secondary)),
        scores=json.loads(row.scores),
        confidence=row.confidence,
        evidence=tuple(Evidence(*item) for item in json.loads(row.evidence)),
        config_hash=row.config_hash,
        article_id=row.article_id,
    )


def _digest(row) -> DigestRecord:
    mapping = row._mapping
    return DigestRecord(
        id=row.id,
        created_at=_aware(row.created_at),
        date=row.date,
        window_start=_aware(row.window_start),
        window_end=_aware(row.window_end),
        tracks=tuple(json.loads(row.tracks)),
        config_hash=row.config_hash,
        algorithm=row.algorithm,
        version=row.version,
        path=row.path,
        article_count=row.article_count,
        data=json.loads(mapping["data"]) if "data" in mapping else {},
    )


def _utc(value: datetime) -> datetime:
    """SQLite keeps no offset, so every stored time is converted to UTC first."""
    return value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)


def _delivery(row) -> Delivery:
    return Delivery(
        digest_id=row.digest_id,
        recipient=row.recipient,
        status=row.status,
        attempts=row.attempts,
        message_id=row.message_id,
        last_error=row.last_error,
        updated_at=_aware(row.updated_at),
        sent_at=_aware(row.sent_at),
    )


def _lease(row) -> Lease:
    return Lease(row.name, row.owner, row.host, row.pid, _aware(row.acquired_at), _aware(row.expires_at))


def _job_run(row) -> JobRun:
    return JobRun(
        id=row.id,
        job_id=row.job_id,
        slot=_aware(row.slot),
        owner=row.owner,
        started_at=_aware(row.started_at),
        finished_at=_aware(row.finished_at),
        status=row.status,
        digest_id=row.digest_id,
        error=row.error,
    )
