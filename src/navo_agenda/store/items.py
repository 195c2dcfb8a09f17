"""Agenda items: adding at the end or at a position, moving, removing, and their topics.

Positions within a meeting stay 1..n without gaps. They are unique in the database, and a
row-by-row UPDATE of `position + 1` would collide with its neighbour halfway, so shifting
goes through a range above every real position and back (two statements, valid in SQLite
and PostgreSQL alike). All of it runs inside the caller's write transaction, which holds the
write lock: two processes appending to one meeting get consecutive positions.
"""

from collections.abc import Iterable
from typing import Any, NamedTuple

from navo_agenda.store.connection import Database

# Above any real position; positions are shifted through this range.
PARKING = 1_000_000_000


class ItemRow(NamedTuple):
    id: int
    meeting_id: int
    position: int
    version: int
    commitments: int


def get_item(db: Database, meeting_id: int, position: int) -> ItemRow | None:
    row = db.row(
        "SELECT a.id, a.meeting_id, a.position, a.version,"
        " (SELECT count(*) FROM commitment c WHERE c.agenda_item_id = a.id) AS commitments"
        " FROM agenda_item a WHERE a.meeting_id = :meeting AND a.position = :position",
        {"meeting": meeting_id, "position": position},
    )
    return None if row is None else ItemRow(*row)


def item_count(db: Database, meeting_id: int) -> int:
    return int(
        db.scalar(
            "SELECT count(*) FROM agenda_item WHERE meeting_id = :meeting", {"meeting": meeting_id}
        )
    )


def shift(db: Database, meeting_id: int, start: int, end: int, by: int) -> None:
    """Move the items at positions start..end (inclusive) by `by` places."""
    params = {"meeting": meeting_id, "start": start, "end": end, "park": PARKING, "by": by}
    db.execute(
        "UPDATE agenda_item SET position = position + :park"
        " WHERE meeting_id = :meeting AND position BETWEEN :start AND :end",
        params,
    )
    db.execute(
        "UPDATE agenda_item SET position = position - :park + :by,"
        " version = version + 1, updated_at = max(updated_at, CURRENT_TIMESTAMP)"
        " WHERE meeting_id = :meeting AND position BETWEEN :park + :start AND :park + :end",
        params,
    )
    renumbered(
        db,
        "SELECT id FROM agenda_item WHERE meeting_id = :meeting"
        " AND position BETWEEN :start + :by AND :end + :by",
        params,
    )


def renumbered(db: Database, items: str, params: dict[str, Any]) -> None:
    """The commitments on items that got another position (the `items` query) are changed
    too: they name their item by its position, and an export of them, or of a copy made
    before the move, must tell which copy is the newer (exchange/newer.py)."""
    db.execute(
        "UPDATE commitment SET version = version + 1,"
        f" updated_at = max(updated_at, CURRENT_TIMESTAMP) WHERE agenda_item_id IN ({items})",
        params,
    )


def insert_item(db: Database, meeting_id: int, position: int | None, values: dict[str, Any]) -> int:
    """Insert at `position` (moving the items from there on down), or at the end; returns the
    position it got."""
    count = item_count(db, meeting_id)
    if position is None or position > count:
        position = count + 1
    else:
        shift(db, meeting_id, position, count, 1)
    columns = ["meeting_id", "position", *values]
    db.insert(
        f"INSERT INTO agenda_item ({', '.join(columns)})"
        f" VALUES ({', '.join(':' + column for column in columns)})",
        {**values, "meeting_id": meeting_id, "position": position},
    )
    return position


def move_item(db: Database, item: ItemRow, to: int) -> int:
    """Move an item to position `to` (clamped to 1..n); the others close up around it."""
    count = item_count(db, item.meeting_id)
    to = max(1, min(to, count))
    if to == item.position:
        return to
    db.execute(
        "UPDATE agenda_item SET position = :park WHERE id = :id", {"park": PARKING, "id": item.id}
    )
    if to < item.position:
        shift(db, item.meeting_id, to, item.position - 1, 1)
    else:
        shift(db, item.meeting_id, item.position + 1, to, -1)
    db.execute(
        "UPDATE agenda_item SET position = :to, version = version + 1,"
        " updated_at = max(updated_at, CURRENT_TIMESTAMP) WHERE id = :id",
        {"to": to, "id": item.id},
    )
    renumbered(db, ":id", {"id": item.id})
    return to


def delete_item(db: Database, item: ItemRow) -> None:
    """Remove an item and its topic and document links, closing the gap it leaves."""
    db.execute("DELETE FROM agenda_item_topic WHERE agenda_item_id = :id", {"id": item.id})
    db.execute("DELETE FROM agenda_item_document WHERE agenda_item_id = :id", {"id": item.id})
    db.execute("DELETE FROM agenda_item WHERE id = :id", {"id": item.id})
    count = item_count(db, item.meeting_id) + 1
    if item.position < count:
        shift(db, item.meeting_id, item.position + 1, count, -1)


def set_topics(db: Database, item_id: int, topics: Iterable[str]) -> None:
    db.execute("DELETE FROM agenda_item_topic WHERE agenda_item_id = :id", {"id": item_id})
    for topic in topics:
        db.execute(
            "INSERT INTO agenda_item_topic (agenda_item_id, topic) VALUES (:id, :topic)",
            {"id": item_id, "topic": topic},
        )


def item_id_at(db: Database, meeting_id: int, position: int) -> int | None:
    found = db.scalar(
        "SELECT id FROM agenda_item WHERE meeting_id = :meeting AND position = :position",
        {"meeting": meeting_id, "position": position},
    )
    return None if found is None else int(found)
