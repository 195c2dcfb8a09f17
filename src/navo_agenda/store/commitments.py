"""Commitments and their status history: the view, one commitment, its events, and changes.

A commitment's status only changes together with an appended event (in one transaction), so
the history always explains the current status; the database refuses to rewrite an event
(revision 0003).
"""

from datetime import date
from typing import Any, NamedTuple

from navo_agenda.records import CommitmentRecord, EventRecord
from navo_agenda.store.connection import Database
from navo_agenda.store.meetings import commitment_record
from navo_agenda.store.rows import (
    as_date,
    as_optional_date,
    insert_row,
    keys_starting_with,
    placeholders,
)


class CommitmentQuery(NamedTuple):
    statuses: tuple[str, ...] = ()
    overdue_on: date | None = None
    meeting_id: int | None = None
    actor: str | None = None
    due_before: date | None = None


class CommitmentRow(NamedTuple):
    """What a change needs to know about a commitment."""

    id: int
    ref: str
    meeting_id: int
    agenda_item_id: int | None
    status: str
    version: int
    last_event_on: date | None


COLUMNS = (
    "c.ref, c.text, c.actor, c.kind, c.due, c.amount, c.currency, c.status, c.source_quote,"
    " c.version, s.slug AS source_slug, a.position AS item_position, m.slug AS meeting_slug"
)
JOINS = (
    " FROM commitment c JOIN meeting m ON m.id = c.meeting_id"
    " LEFT JOIN agenda_item a ON a.id = c.agenda_item_id"
    " LEFT JOIN document s ON s.id = c.source_id"
)


def list_commitments(db: Database, query: CommitmentQuery) -> list[CommitmentRecord]:
    """Sorted by due date (soonest first), those without one last."""
    conditions: list[str] = []
    params: dict[str, Any] = {}
    statuses = query.statuses
    if query.overdue_on is not None:
        statuses = tuple(
            s for s in statuses or ("open", "in_progress") if s in ("open", "in_progress")
        )
        conditions.append("c.due_end < :overdue_on")
        params["overdue_on"] = query.overdue_on
        if not statuses:
            return []
    if statuses:
        sql, values = placeholders("status", statuses)
        conditions.append(f"c.status IN ({sql})")
        params.update(values)
    if query.meeting_id is not None:
        conditions.append("c.meeting_id = :meeting_id")
        params["meeting_id"] = query.meeting_id
    if query.actor is not None:
        conditions.append("lower(c.actor) LIKE :actor ESCAPE '\\'")
        escaped = query.actor.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["actor"] = f"%{escaped}%"
    if query.due_before is not None:
        conditions.append("c.due_end < :due_before")
        params["due_before"] = query.due_before
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    rows = db.rows(f"SELECT {COLUMNS}{JOINS}{where} ORDER BY c.due_end, c.ref", params)
    records = [commitment_record(row, row["meeting_slug"]) for row in rows]
    # The index yields undated commitments first; they belong at the end.
    return [r for r in records if r.due is not None] + [r for r in records if r.due is None]


def get_commitment(db: Database, ref: str) -> CommitmentRow | None:
    row = db.row(
        "SELECT c.id, c.ref, c.meeting_id, c.agenda_item_id, c.status, c.version,"
        " (SELECT max(e.at) FROM commitment_event e WHERE e.commitment_id = c.id) AS last_event"
        " FROM commitment c WHERE c.ref = :ref",
        {"ref": ref},
    )
    if row is None:
        return None
    return CommitmentRow(
        id=row["id"],
        ref=row["ref"],
        meeting_id=row["meeting_id"],
        agenda_item_id=row["agenda_item_id"],
        status=row["status"],
        version=row["version"],
        last_event_on=as_optional_date(row["last_event"]),
    )


def get_record(db: Database, ref: str) -> CommitmentRecord | None:
    row = db.row(f"SELECT {COLUMNS}{JOINS} WHERE c.ref = :ref", {"ref": ref})
    return None if row is None else commitment_record(row, row["meeting_slug"])


class Tracked(NamedTuple):
    """A commitment as `history` and `show` give it: its record, its row (ids and all), and
    its status changes, oldest first."""

    row: CommitmentRow
    record: CommitmentRecord
    events: list[EventRecord]


def tracked(db: Database, ref: str) -> Tracked | None:
    row, record = get_commitment(db, ref), get_record(db, ref)
    if row is None or record is None:
        return None
    return Tracked(row, record, history(db, row.id))


def history(db: Database, commitment_id: int) -> list[EventRecord]:
    rows = db.rows(
        "SELECT e.at, e.from_status, e.to_status, e.note, e.author, s.slug AS source_slug,"
        " e.created_at FROM commitment_event e LEFT JOIN document s ON s.id = e.source_id"
        " WHERE e.commitment_id = :id ORDER BY e.at, e.id",
        {"id": commitment_id},
    )
    return [
        EventRecord(
            at=as_date(row["at"]),
            from_status=row["from_status"],
            to_status=row["to_status"],
            note=row["note"],
            author=row["author"],
            source=row["source_slug"],
            recorded_at=str(row["created_at"]),
        )
        for row in rows
    ]


def next_ref(db: Database, year: int) -> str:
    """The next free `c-<year>-NNN`, after those in use and those of removed commitments;
    called under the write lock, so it stays free."""
    prefix = f"c-{year}-"
    refs = db.rows(
        "SELECT ref FROM commitment WHERE ref >= :low AND ref < :high"
        " UNION ALL SELECT ref FROM retired_ref WHERE ref >= :low AND ref < :high",
        {"low": prefix, "high": f"c-{year}."},
    )
    numbers = [int(tail) for (ref,) in refs if (tail := ref[len(prefix) :]).isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def insert_commitment(db: Database, values: dict[str, Any]) -> int:
    return insert_row(db, "commitment", values)


def append_event(
    db: Database,
    commitment_id: int,
    *,
    at: date,
    from_status: str | None,
    to_status: str,
    note: str | None,
    author: str | None,
    source_id: int | None,
) -> None:
    db.insert(
        "INSERT INTO commitment_event"
        " (commitment_id, at, from_status, to_status, note, author, source_id)"
        " VALUES (:id, :at, :from_status, :to_status, :note, :author, :source_id)",
        {
            "id": commitment_id,
            "at": at,
            "from_status": from_status,
            "to_status": to_status,
            "note": note,
            "author": author,
            "source_id": source_id,
        },
    )


def delete_commitment(db: Database, commitment_id: int) -> None:
    """A commitment entered by mistake goes with its history and links; its ref stays
    taken (retired_ref), as someone may have cited it."""
    db.execute(
        "INSERT INTO retired_ref (ref) SELECT ref FROM commitment WHERE id = :id"
        " ON CONFLICT (ref) DO NOTHING",
        {"id": commitment_id},
    )
    for table in ("commitment_event", "commitment_document"):
        db.execute(f"DELETE FROM {table} WHERE commitment_id = :id", {"id": commitment_id})
    db.execute("DELETE FROM commitment WHERE id = :id", {"id": commitment_id})


def is_retired(db: Database, ref: str) -> bool:
    """The ref belonged to a commitment that was removed (and is never given out again)."""
    return db.scalar("SELECT 1 FROM retired_ref WHERE ref = :ref", {"ref": ref}) is not None


def count_commitments(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM commitment"))


def refs_starting_with(db: Database, prefix: str, limit: int = 200) -> list[str]:
    return keys_starting_with(db, "commitment", "ref", prefix, limit)
