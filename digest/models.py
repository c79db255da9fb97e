"""Frozen dataclasses passed between the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Document:
    """What a reader got out of one input, before cleaning."""

    location: str
    title: str
    body: str
    author: str | None = None
    published: datetime | None = None
    outlet: str | None = None
    url: str | None = None
    place: str | None = None


@dataclass(frozen=True)
class Article:
    """A cleaned article. `id` is None until the store has it."""

    location: str
    title: str
    text: str
    content_hash: str
    author: str | None = None
    place: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: datetime | None = None
    first_seen: datetime | None = None
    word_count: int = 0
    id: int | None = None
    duplicate_of: int | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    @property
    def date(self) -> datetime | None:
        """The date an analyst cares about: published when known, else first seen."""
        return self.published or self.first_seen


@dataclass(frozen=True)
class Failure:
    """One input that could not be ingested, and why."""

    location: str
    reason: str
    at: datetime | None = None


@dataclass(frozen=True)
class IngestReport:
    added: tuple[Article, ...] = ()
    duplicates: tuple[Article, ...] = ()
    unchanged: tuple[str, ...] = ()
    failures: tuple[Failure, ...] = ()
    not_modified: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return not self.failures
