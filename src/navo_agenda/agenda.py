"""Use cases of reading the agenda: list meetings, show one, draw the timeline.

Between the CLI (which has parsed and validated every option) and the store (which only
runs queries): here "upcoming", "overdue", "did you mean" and the timeline's order are
decided, without printing anything.
"""

import difflib
from dataclasses import dataclass
from datetime import date

from navo_agenda.dates import PartialDate
from navo_agenda.errors import NotFound
from navo_agenda.records import MeetingDetail, MeetingRow, TimelineEntry
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store import timeline as timeline_store
from navo_agenda.store.connection import Database
from navo_agenda.store.rows import as_date
from navo_agenda.vocabulary import UNFINISHED_STATUSES

# Below this many meetings "did you mean" compares against all of them.
SUGGEST_FROM_ALL_BELOW = 20_000


@dataclass(frozen=True)
class MeetingFilter:
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    topic: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    upcoming: bool = False
    past: bool = False


def list_meetings(db: Database, wanted: MeetingFilter, *, today: date) -> list[MeetingRow]:
    """Meetings overlapping the window; upcoming = not yet over, past = over before today."""
    query = meeting_store.MeetingQuery(
        kinds=wanted.kinds,
        statuses=wanted.statuses,
        topic=wanted.topic,
        ends_on_or_after=max_date(
            wanted.start.first_day if wanted.start else None, today if wanted.upcoming else None
        ),
        ends_before=today if wanted.past else None,
        starts_on_or_before=wanted.end.last_day if wanted.end else None,
    )
    return meeting_store.list_meetings(db, query)


def max_date(*dates: date | None) -> date | None:
    present = [value for value in dates if value is not None]
    return max(present) if present else None


def show_meeting(db: Database, slug: str) -> MeetingDetail:
    detail = meeting_store.get_meeting(db, slug)
    if detail is None:
        raise NotFound(not_found_message(db, slug))
    return detail


def not_found_message(db: Database, slug: str) -> str:
    suggestions = suggest_slugs(db, slug)
    if suggestions:
        return f"no meeting {slug!r}; did you mean {', '.join(suggestions)}?"
    return f"no meeting {slug!r}; 'navo-agenda list' shows the meetings there are"


def suggest_slugs(db: Database, slug: str, limit: int = 3) -> list[str]:
    wanted = slug.strip().lower()
    if meeting_store.count_meetings(db) < SUGGEST_FROM_ALL_BELOW:
        candidates = meeting_store.slugs_starting_with(db, "", limit=SUGGEST_FROM_ALL_BELOW)
    else:
        kind = wanted.split("-", 1)[0]
        candidates = meeting_store.slugs_starting_with(db, kind, limit=SUGGEST_FROM_ALL_BELOW)
    return difflib.get_close_matches(wanted, candidates, n=limit, cutoff=0.6)


@dataclass(frozen=True)
class Timeline:
    start: date | None
    end: date | None
    today: date
    entries: tuple[TimelineEntry, ...]


def build_timeline(
    db: Database,
    *,
    start: PartialDate | None,
    end: PartialDate | None,
    kinds: tuple[str, ...],
    today: date,
) -> Timeline:
    window = timeline_store.Window(
        start=start.first_day if start else timeline_store.EARLIEST,
        end=end.last_day if end else timeline_store.LATEST,
        kinds=kinds,
    )
    entries = [
        TimelineEntry(
            what="meeting",
            start=as_date(row["starts_on"]),
            end=as_date(row["ends_on"]),
            when="",
            key=row["slug"],
            label=row["title"] + (f" ({row['location']})" if row["location"] else ""),
            category=row["kind"],
            status=row["status"],
        )
        for row in timeline_store.meetings_in(db, window)
    ]
    for row in timeline_store.deadlines_in(db, window):
        due_end = as_date(row["due_end"])
        entries.append(
            TimelineEntry(
                what="deadline",
                start=due_end,
                end=due_end,
                when=row["due"],
                key=row["ref"],
                label=row["text"],
                category=row["kind"],
                status=row["status"],
                overdue=row["status"] in UNFINISHED_STATUSES and due_end < today,
            )
        )
    for row in timeline_store.documents_in(db, window):
        dated = as_date(row["dated"])
        entries.append(
            TimelineEntry(
                what="document",
                start=dated,
                end=dated,
                when="",
                key=row["slug"],
                label=(f"{row['identifier']}: " if row["identifier"] else "") + row["title"],
                category=row["kind"],
                status=None,
            )
        )
    order = {"document": 0, "meeting": 1, "deadline": 2}
    entries.sort(key=lambda entry: (entry.start, order[entry.what], entry.end, entry.key))
    return Timeline(
        start=start.first_day if start else None,
        end=end.last_day if end else None,
        today=today,
        entries=tuple(entries),
    )
