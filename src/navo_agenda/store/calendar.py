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


def meeting_stamps(db: Database, slugs: list[str]) -> dict[str, tuple[str | None, Stamps]]:
    """slug: (its external UID, its stamps)."""
    found: dict[str, tuple[str | None, Stamps]] = {}
    for offset in range(0, len(slugs), 500):
        sql, params = placeholders("s", tuple(slugs[offset : offset + 500]))
        rows = db.rows(
            "SELECT slug, external_uid, created_at, updated_at, version FROM meeting"
            f" WHERE slug IN ({sql})",
            params,
        )
        for row in rows:
            found[row["slug"]] = (row["external_uid"], stamps_of(row))
    return found


def commitment_stamps(db: Database, meeting_slug: str) -> dict[str, Stamps]:
    rows = db.rows(
        "SELECT c.ref, c.created_at, c.updated_at, c.version FROM commitment c"
        " JOIN meeting m ON m.id = c.meeting_id WHERE m.slug = :slug",
        {"slug": meeting_slug},
    )
    return {row["ref"]: stamps_of(row) for row in rows}


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
