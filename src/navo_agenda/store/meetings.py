"""Queries about meetings: the list, one meeting in full, and slugs for completion.

Each query is written to be served by an index (revision 0002); tests/test_query_plans.py
holds them to it.
"""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import Any, NamedTuple

from navo_agenda.dates import PartialDate
from navo_agenda.records import (
    AgendaItemRecord,
    CommitmentRecord,
    MeetingDetail,
    MeetingRow,
)
from navo_agenda.store.connection import Database, Row
from navo_agenda.store.rows import (
    as_date,
    as_decimal,
    insert_row,
    keys_starting_with,
    placeholders,
)
from navo_agenda.vocabulary import UNFINISHED_STATUSES


class MeetingQuery(NamedTuple):
    """Which meetings to list; dates bound the meeting's span (it overlaps the window)."""

    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    topic: str | None = None
    ends_on_or_after: date | None = None
    ends_before: date | None = None
    starts_on_or_before: date | None = None


_UNFINISHED, _UNFINISHED_PARAMS = placeholders("unfinished", UNFINISHED_STATUSES)

MEETING_COLUMNS = f"""
    m.id, m.slug, m.kind, m.title, m.title_nl, m.location, m.starts_on, m.ends_on,
    m.time_note, m.status, m.version, p.slug AS parent_slug,
    (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id) AS item_count,
    (SELECT count(*) FROM commitment c
      WHERE c.meeting_id = m.id AND c.status IN ({_UNFINISHED})) AS open_commitments
"""


def meeting_row(row: Row) -> MeetingRow:
    return MeetingRow(
        slug=row["slug"],
        kind=row["kind"],
        title=row["title"],
        title_nl=row["title_nl"],
        location=row["location"],
        starts_on=as_date(row["starts_on"]),
        ends_on=as_date(row["ends_on"]),
        time_note=row["time_note"],
        status=row["status"],
        parent=row["parent_slug"],
        item_count=row["item_count"],
        open_commitments=row["open_commitments"],
        version=row["version"],
    )


def list_meetings(db: Database, query: MeetingQuery) -> list[MeetingRow]:
    conditions: list[str] = []
    params: dict[str, Any] = dict(_UNFINISHED_PARAMS)
    if query.kinds:
        sql, values = placeholders("kind", query.kinds)
        conditions.append(f"m.kind IN ({sql})")
        params.update(values)
    if query.statuses:
        sql, values = placeholders("status", query.statuses)
        conditions.append(f"m.status IN ({sql})")
        params.update(values)
    if query.topic is not None:
        conditions.append(
            "m.id IN (SELECT a.meeting_id FROM agenda_item_topic t"
            " JOIN agenda_item a ON a.id = t.agenda_item_id WHERE t.topic = :topic)"
        )
        params["topic"] = query.topic
    if query.ends_on_or_after is not None:
        conditions.append("m.ends_on >= :ends_on_or_after")
        params["ends_on_or_after"] = query.ends_on_or_after
    if query.ends_before is not None:
        conditions.append("m.ends_on < :ends_before")
        params["ends_before"] = query.ends_before
    if query.starts_on_or_before is not None:
        conditions.append("m.starts_on <= :starts_on_or_before")
        params["starts_on_or_before"] = query.starts_on_or_before
    where = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = db.rows(
        f"SELECT {MEETING_COLUMNS} FROM meeting m LEFT JOIN meeting p ON p.id = m.parent_id"
        f" {where} ORDER BY m.starts_on, m.ends_on, m.slug",
        params,
    )
    return [meeting_row(row) for row in rows]


def get_meeting_row(db: Database, slug: str) -> MeetingRow | None:
    """The meeting as `list` shows it (for the header of an item or commitment)."""
    found = db.row(
        f"SELECT {MEETING_COLUMNS} FROM meeting m LEFT JOIN meeting p ON p.id = m.parent_id"
        " WHERE m.slug = :slug",
        {**_UNFINISHED_PARAMS, "slug": slug},
    )
    return None if found is None else meeting_row(found)


def get_meeting(db: Database, slug: str) -> MeetingDetail | None:
    from navo_agenda.store.citations import documents_of  # not for list
    from navo_agenda.store.keyed import document_keys

    found = db.row(
        f"SELECT {MEETING_COLUMNS}, m.parent_id, m.summary, m.outcome, m.source_quote,"
        " s.slug AS source_slug"
        " FROM meeting m LEFT JOIN meeting p ON p.id = m.parent_id"
        " LEFT JOIN document s ON s.id = m.source_id WHERE m.slug = :slug",
        {**_UNFINISHED_PARAMS, "slug": slug},
    )
    if found is None:
        return None
    meeting_id = found["id"]
    parent = None
    if found["parent_id"] is not None:
        parent_row = db.row(
            f"SELECT {MEETING_COLUMNS} FROM meeting m LEFT JOIN meeting p ON p.id = m.parent_id"
            " WHERE m.id = :id",
            {**_UNFINISHED_PARAMS, "id": found["parent_id"]},
        )
        parent = meeting_row(parent_row) if parent_row is not None else None
    children = db.rows(
        f"SELECT {MEETING_COLUMNS} FROM meeting m LEFT JOIN meeting p ON p.id = m.parent_id"
        " WHERE m.parent_id = :id ORDER BY m.starts_on, m.ends_on, m.slug",
        {**_UNFINISHED_PARAMS, "id": meeting_id},
    )
    documents = documents_of(db, "meeting", meeting_id)  # the records' too, and how
    return MeetingDetail(
        meeting=meeting_row(found),
        summary=found["summary"],
        outcome=found["outcome"],
        source=found["source_slug"],
        source_quote=found["source_quote"],
        parent=parent,
        children=tuple(meeting_row(row) for row in children),
        items=tuple(agenda_items(db, meeting_id)),
        commitments=tuple(commitments_of_meeting(db, meeting_id, found["slug"])),
        documents=tuple(documents),
        document_keys=document_keys(db, [found["source_slug"], *(d.slug for d in documents)]),
    )


def agenda_items(
    db: Database, meeting_id: int, position: int | None = None
) -> list[AgendaItemRecord]:
    """The meeting's agenda items in order; only the one at `position` when it is given."""
    one = "" if position is None else " AND a.position = :position"
    params = {"id": meeting_id} if position is None else {"id": meeting_id, "position": position}
    rows = db.rows(
        "SELECT a.id, a.position, a.section, a.title, a.summary, a.dutch_position, a.outcome,"
        " a.source_quote, a.version, s.slug AS source_slug"
        " FROM agenda_item a LEFT JOIN document s ON s.id = a.source_id"
        f" WHERE a.meeting_id = :id{one} ORDER BY a.position",
        params,
    )
    topics: dict[int, list[str]] = defaultdict(list)
    for row in db.rows(
        "SELECT t.agenda_item_id, t.topic FROM agenda_item a"
        " JOIN agenda_item_topic t ON t.agenda_item_id = a.id"
        f" WHERE a.meeting_id = :id{one} ORDER BY t.agenda_item_id, t.topic",
        params,
    ):
        topics[row["agenda_item_id"]].append(row["topic"])
    return [
        AgendaItemRecord(
            position=row["position"],
            section=row["section"],
            title=row["title"],
            summary=row["summary"],
            dutch_position=row["dutch_position"],
            outcome=row["outcome"],
            topics=tuple(topics[row["id"]]),
            source=row["source_slug"],
            source_quote=row["source_quote"],
            version=row["version"],
        )
        for row in rows
    ]


def commitment_record(row: Row, meeting_slug: str) -> CommitmentRecord:
    due = PartialDate.from_canonical(row["due"]) if row["due"] is not None else None
    return CommitmentRecord(
        ref=row["ref"],
        text=row["text"],
        actor=row["actor"],
        kind=row["kind"],
        meeting=meeting_slug,
        item_position=row["item_position"],
        due=due,
        amount=as_decimal(row["amount"]),
        currency=row["currency"],
        status=row["status"],
        source=row["source_slug"],
        source_quote=row["source_quote"],
        version=row["version"],
    )


def commitments_of_meeting(db: Database, meeting_id: int, slug: str) -> list[CommitmentRecord]:
    rows = db.rows(
        "SELECT c.ref, c.text, c.actor, c.kind, c.due, c.amount, c.currency, c.status,"
        " c.source_quote, c.version, s.slug AS source_slug, a.position AS item_position"
        " FROM commitment c LEFT JOIN agenda_item a ON a.id = c.agenda_item_id"
        " LEFT JOIN document s ON s.id = c.source_id"
        " WHERE c.meeting_id = :id ORDER BY c.ref",
        {"id": meeting_id},
    )
    return [commitment_record(row, slug) for row in rows]


def slugs_starting_with(db: Database, prefix: str, limit: int = 200) -> list[str]:
    return keys_starting_with(db, "meeting", "slug", prefix, limit)


def count_meetings(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM meeting"))


class MeetingRef(NamedTuple):
    """What a change needs to know about a meeting."""

    id: int
    slug: str
    kind: str
    starts_on: date
    ends_on: date
    parent_id: int | None
    version: int


def get_meeting_ref(db: Database, slug: str) -> MeetingRef | None:
    row = db.row(
        "SELECT id, slug, kind, starts_on, ends_on, parent_id, version FROM meeting"
        " WHERE slug = :slug",
        {"slug": slug},
    )
    if row is None:
        return None
    return MeetingRef(
        row["id"],
        row["slug"],
        row["kind"],
        as_date(row["starts_on"]),
        as_date(row["ends_on"]),
        row["parent_id"],
        row["version"],
    )


def next_slug(db: Database, kind: str, starts_on: date) -> str:
    """`<kind>-<yyyy>-<mm>`, then `-2`, `-3`… for further ones that month (DESIGN §2)."""
    base = f"{kind}-{starts_on.year:04d}-{starts_on.month:02d}"
    taken = set(slugs_starting_with(db, base, limit=10_000))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def insert_meeting(db: Database, values: dict[str, Any]) -> int:
    return insert_row(db, "meeting", values)


class Dependents(NamedTuple):
    children: list[str]
    items: int
    commitments: int


def dependents(db: Database, meeting_id: int) -> Dependents:
    children = db.rows(
        "SELECT slug FROM meeting WHERE parent_id = :id ORDER BY starts_on, slug",
        {"id": meeting_id},
    )
    return Dependents(
        children=[row["slug"] for row in children],
        items=int(
            db.scalar("SELECT count(*) FROM agenda_item WHERE meeting_id = :id", {"id": meeting_id})
        ),
        commitments=int(
            db.scalar("SELECT count(*) FROM commitment WHERE meeting_id = :id", {"id": meeting_id})
        ),
    )


def reparent_children(db: Database, meeting_id: int, parent_id: int | None) -> None:
    db.execute(
        "UPDATE meeting SET parent_id = :parent, version = version + 1,"
        " updated_at = max(updated_at, CURRENT_TIMESTAMP) WHERE parent_id = :id",
        {"parent": parent_id, "id": meeting_id},
    )


def touch_meetings(db: Database, meeting_ids: Iterable[int]) -> None:
    """Mark the meetings as changed now, without a new version: something listed under them
    went (an agenda item, a commitment, a meeting within it: removed or moved to another),
    or came with an older time of its own (from an imported file).

    A meeting's calendar event is stamped with the latest updated_at of everything it shows
    (store/calendar.py), so that a calendar replaces its copy; a removed row leaves no time
    behind, and without this the stamps could go back. The version stays as it is: it counts
    changes to the meeting's own fields, which `edit --if-version` guards, and the removal
    of an agenda item does not make an edit of the meeting's title stale. A time that is
    already later (a file's, from another clock) is left alone: stamps never go back."""
    for meeting_id in sorted(set(meeting_ids)):
        db.execute(
            "UPDATE meeting SET updated_at = max(updated_at, CURRENT_TIMESTAMP)"
            " WHERE id = :id AND updated_at < CURRENT_TIMESTAMP",
            {"id": meeting_id},
        )


def delete_meeting(db: Database, meeting_id: int) -> None:
    """The meeting and its document links; its items and commitments must be gone already."""
    db.execute("DELETE FROM meeting_document WHERE meeting_id = :id", {"id": meeting_id})
    db.execute("DELETE FROM meeting WHERE id = :id", {"id": meeting_id})


def ancestors(db: Database, meeting_id: int) -> list[int]:
    """The chain of parents above a meeting (to refuse making a meeting its own ancestor)."""
    found: list[int] = []
    current: int | None = meeting_id
    while current is not None and current not in found:
        found.append(current)
        current = db.scalar("SELECT parent_id FROM meeting WHERE id = :id", {"id": current})
    return found
