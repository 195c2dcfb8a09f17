"""What the read side hands from the store to the use cases and the renderers.

Plain immutable records, not ORM objects: they cannot lazy-load behind a renderer's back
("rendering never queries") and they are what --json serialises. NamedTuples rather than
frozen dataclasses because they are on every command's start-up path, and a NamedTuple
class costs a sixth of a frozen dataclass to create.
"""

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from navo_agenda.dates import PartialDate
from navo_agenda.vocabulary import UNFINISHED_STATUSES


class MeetingRow(NamedTuple):
    slug: str
    kind: str
    title: str
    title_nl: str | None
    location: str | None
    starts_on: date
    ends_on: date
    time_note: str | None
    status: str
    parent: str | None
    item_count: int
    open_commitments: int
    version: int = 1


class DocumentRef(NamedTuple):
    slug: str
    kind: str
    identifier: str | None
    title: str
    dated: date | None
    url: str | None
    relations: tuple[str, ...] = ()
    version: int = 1


class AgendaItemRecord(NamedTuple):
    position: int
    section: str | None
    title: str
    summary: str | None
    dutch_position: str | None
    outcome: str | None
    topics: tuple[str, ...]
    source: str | None
    source_quote: str | None
    version: int = 1


class CommitmentRecord(NamedTuple):
    ref: str
    text: str
    actor: str
    kind: str
    meeting: str
    item_position: int | None
    due: PartialDate | None
    amount: Decimal | None
    currency: str | None
    status: str
    source: str | None
    source_quote: str | None
    version: int = 1

    def is_overdue(self, today: date) -> bool:
        """Unfinished and past the last day of its (possibly partial) due date."""
        return (
            self.status in UNFINISHED_STATUSES
            and self.due is not None
            and self.due.last_day < today
        )


class EventRecord(NamedTuple):
    """One status change of a commitment, as recorded."""

    at: date
    from_status: str | None
    to_status: str
    note: str | None
    author: str | None
    source: str | None
    recorded_at: str


class MeetingDetail(NamedTuple):
    meeting: MeetingRow
    summary: str | None
    outcome: str | None
    source: str | None
    source_quote: str | None
    parent: MeetingRow | None
    children: tuple[MeetingRow, ...]
    items: tuple[AgendaItemRecord, ...]
    commitments: tuple[CommitmentRecord, ...]
    documents: tuple[DocumentRef, ...]
    document_keys: Mapping[str, str]  # store.keyed.document_keys: the slugs show needs keyed


class TimelineEntry(NamedTuple):
    """One thing on the timeline: a meeting (a span), a commitment's deadline or a document.

    A deadline with a partial due date stands on the last day of its period, the day after
    which it is overdue; `when` is the date as the user should read it ('2025', '2025-06').
    """

    what: str  # "meeting", "deadline" or "document"
    start: date
    end: date
    when: str
    key: str
    label: str
    category: str
    status: str | None
    overdue: bool = False
