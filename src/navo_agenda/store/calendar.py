"""The few queries only the calendar needs: a record's timestamps, and the meeting an event
stands for."""

from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from navo_agenda.store.connection import Database
from navo_agenda.store.rows import as_date, placeholders


class Stamps(NamedTuple):
    """When a record was made and last changed, and its version."""

    created: datetime
    updated: datetime
    version: int


def timestamp(value: Any) -> datetime:
    """CURRENT_TIMESTAMP as the driver returns it, as an aware UTC datetime."""
    stamp = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return stamp.replace(tzinfo=UTC) if stamp.tzinfo is None else stamp.astimezone(UTC)


def stamps_of(row: Any) -> Stamps:
    return Stamps(timestamp(row["created_at"]), timestamp(row["updated_at"]), row["version"])


CHUNK = 500  # meetings per query (a named parameter used four times is one variable)


def meeting_stamps(db: Database, slugs: list[str]) -> dict[str, tuple[str | None, Stamps]]:
    """slug: (its external UID, its stamps). `created` and `version` are the meeting's own;
    `updated` is the latest change to anything its calendar event shows: the meeting, the
    meeting it sits within (its title is shown), the meetings within it, its agenda items,
    its commitments and their status events. A removal leaves no row to carry its time:
    it touches the meeting's own updated_at instead (store/meetings.touch_meetings)."""
    found: dict[str, tuple[str | None, Stamps]] = {}
    for offset in range(0, len(slugs), CHUNK):
        sql, params = placeholders("s", tuple(slugs[offset : offset + CHUNK]))
        rows = db.rows(
            "SELECT id, slug, external_uid, created_at, updated_at, version, parent_id"
            f" FROM meeting WHERE slug IN ({sql})",
            params,
        )
        latest = {row["id"]: timestamp(row["updated_at"]) for row in rows}
        for owner, at in shown_changes(db, rows):
            if at is not None and owner in latest:
                latest[owner] = max(latest[owner], timestamp(at))
        for row in rows:
            stamps = Stamps(timestamp(row["created_at"]), latest[row["id"]], row["version"])
            found[row["slug"]] = (row["external_uid"], stamps)
    return found


def shown_changes(db: Database, meetings: list[Any]) -> list[tuple[int, Any]]:
    """(meeting id, the latest updated_at) of each kind of record the meetings' events show
    beside the meetings themselves, each query on the index of its foreign key."""
    if not meetings:
        return []
    ids, params = placeholders("m", tuple(row["id"] for row in meetings))
    changes: list[tuple[int, Any]] = [
        (row[0], row[1])
        for row in db.rows(
            f"SELECT parent_id, max(updated_at) FROM meeting WHERE parent_id IN ({ids})"
            " GROUP BY parent_id"
            f" UNION ALL SELECT meeting_id, max(updated_at) FROM agenda_item"
            f" WHERE meeting_id IN ({ids}) GROUP BY meeting_id"
            f" UNION ALL SELECT meeting_id, max(updated_at) FROM commitment"
            f" WHERE meeting_id IN ({ids}) GROUP BY meeting_id"
            " UNION ALL SELECT c.meeting_id, max(e.updated_at) FROM commitment c"
            f" JOIN commitment_event e ON e.commitment_id = c.id WHERE c.meeting_id IN ({ids})"
            " GROUP BY c.meeting_id",
            params,
        )
    ]
    children: dict[int, list[int]] = {}
    for row in meetings:
        if row["parent_id"] is not None:
            children.setdefault(row["parent_id"], []).append(row["id"])
    if children:
        parents, params = placeholders("p", tuple(children))
        for row in db.rows(f"SELECT id, updated_at FROM meeting WHERE id IN ({parents})", params):
            changes += [(child, row[1]) for child in children[row[0]]]
    return changes


def commitment_stamps(db: Database, meeting_slug: str) -> dict[str, Stamps]:
    """ref: its stamps; `updated` is the latest change to the commitment or its history (a
    status change is both: the event and the commitment's new status)."""
    rows = db.rows(
        "SELECT c.ref, c.created_at, c.updated_at, c.version,"
        " (SELECT max(e.updated_at) FROM commitment_event e WHERE e.commitment_id = c.id)"
        " AS history_at"
        " FROM commitment c JOIN meeting m ON m.id = c.meeting_id WHERE m.slug = :slug",
        {"slug": meeting_slug},
    )
    found: dict[str, Stamps] = {}
    for row in rows:
        stamps = stamps_of(row)
        if row["history_at"] is not None:
            stamps = stamps._replace(updated=max(stamps.updated, timestamp(row["history_at"])))
        found[row["ref"]] = stamps
    return found


class CalendarMeeting(NamedTuple):
    """The fields of a meeting that a calendar event carries back."""

    id: int
    slug: str
    title: str
    location: str | None
    starts_on: date
    ends_on: date
    time_note: str | None
    status: str


COLUMNS = "id, slug, title, location, starts_on, ends_on, time_note, status FROM meeting"


def find_meeting(db: Database, *, slug: str | None, external_uid: str) -> CalendarMeeting | None:
    """The meeting by its slug (our own UIDs), else by the UID it was imported with."""
    row = None
    if slug is not None:
        row = db.row(f"SELECT {COLUMNS} WHERE slug = :slug", {"slug": slug})
    if row is None:
        row = db.row(f"SELECT {COLUMNS} WHERE external_uid = :uid", {"uid": external_uid})
    if row is None:
        return None
    return CalendarMeeting(
        id=row["id"],
        slug=row["slug"],
        title=row["title"],
        location=row["location"],
        starts_on=as_date(row["starts_on"]),
        ends_on=as_date(row["ends_on"]),
        time_note=row["time_note"],
        status=row["status"],
    )
