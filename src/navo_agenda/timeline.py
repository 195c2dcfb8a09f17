"""Use case of drawing the timeline: meetings, deadlines and documents in one time order.

A deadline with a partial due date stands on the last day of its period, the day after which
it is overdue; on the same day documents come first (they announce), then meetings, then
deadlines.
"""

from datetime import date
from typing import NamedTuple

from navo_agenda.dates import PartialDate
from navo_agenda.records import TimelineEntry
from navo_agenda.store import timeline as timeline_store
from navo_agenda.store.connection import Database
from navo_agenda.store.keyed import document_keys
from navo_agenda.store.rows import as_date
from navo_agenda.vocabulary import UNFINISHED_STATUSES


class Timeline(NamedTuple):
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
    documents = timeline_store.documents_in(db, window)
    keys = document_keys(db, (row["slug"] for row in documents))
    for row in documents:
        dated = as_date(row["dated"])
        entries.append(
            TimelineEntry(
                what="document",
                start=dated,
                end=dated,
                when="",
                key=keys.get(row["slug"], row["slug"]),
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
