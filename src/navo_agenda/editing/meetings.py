"""Adding, changing and removing meetings."""

from typing import Any, NamedTuple

from navo_agenda.dates import DateRange
from navo_agenda.editing.keys import Target, meeting_named
from navo_agenda.editing.sources import source_columns
from navo_agenda.editing.values import (
    Clear,
    check_quote_has_source,
    one_of,
    option_of,
    optional_text,
    required_text,
    slug,
    stored,
)
from navo_agenda.errors import InvalidInput, Refused
from navo_agenda.store import commitments as commitment_store
from navo_agenda.store import items as item_store
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.changes import check_version, update_row
from navo_agenda.store.connection import Database
from navo_agenda.vocabulary import MEETING_KINDS, MEETING_STATUSES


class MeetingFields(NamedTuple):
    """What the user gave; None leaves a field as it is, CLEAR empties it."""

    kind: str | None = None
    dates: DateRange | None = None
    title: str | None = None
    title_nl: "str | Clear | None" = None
    location: "str | Clear | None" = None
    time_note: "str | Clear | None" = None
    parent: "str | Clear | None" = None
    status: str | None = None
    summary: "str | Clear | None" = None
    outcome: "str | Clear | None" = None
    source: "str | Clear | None" = None
    quote: "str | Clear | None" = None


TEXTS = ("title_nl", "location", "time_note", "summary", "outcome")


def check_meeting(fields: MeetingFields, *, adding: bool, wanted_slug: str | None = None) -> None:
    """Everything about the values that can be checked without the database: run before it
    is opened, so that a mistyped value creates nothing."""
    if adding:
        if fields.kind is None:
            raise InvalidInput("--kind is required: " + ", ".join(MEETING_KINDS))
        if fields.dates is None:
            raise InvalidInput("--date is required, e.g. --date 2025-06-05 or '24-25 juni 2025'")
        required_text(fields.title, "--title")
        check_quote_has_source(fields.source, fields.quote)
    if fields.kind is not None:
        one_of(fields.kind, MEETING_KINDS, "--kind")
    if fields.status is not None:
        one_of(fields.status, MEETING_STATUSES, "--status")
    if fields.title is not None:
        required_text(fields.title, "--title")
    if wanted_slug is not None:
        slug(wanted_slug, "--slug")


def add_meeting(db: Database, fields: MeetingFields, *, wanted_slug: str | None = None) -> str:
    """Returns the new meeting's slug (generated as `<kind>-<yyyy>-<mm>` unless given)."""
    check_meeting(fields, adding=True, wanted_slug=wanted_slug)
    assert fields.dates is not None
    values = meeting_values(db, fields, meeting_id=None)
    values["title"] = required_text(fields.title, "--title")
    values.setdefault("status", "planned")
    if wanted_slug is not None:
        new_slug = slug(wanted_slug, "--slug")
        if meeting_store.get_meeting_ref(db, new_slug) is not None:
            raise InvalidInput(f"--slug {new_slug!r} is taken by another meeting")
    else:
        new_slug = meeting_store.next_slug(db, values["kind"], fields.dates.start)
    meeting_store.insert_meeting(db, {"slug": new_slug, **values})
    return new_slug


def edit_meeting(
    db: Database, target: Target, fields: MeetingFields, *, if_version: int | None
) -> int:
    """Returns the meeting's new version."""
    meeting = target.meeting
    assert meeting is not None
    check_meeting(fields, adding=False)
    version = check_version(meeting.version, if_version, key=target.key)
    values = meeting_values(
        db, fields, meeting_id=meeting.id, current_source=current_source(db, meeting.id)
    )
    if fields.title is not None:
        values["title"] = required_text(fields.title, "--title")
    new_version = update_row(db, "meeting", meeting.id, version, values, key=target.key)
    old_parent = meeting.parent_id
    if old_parent is not None and values.get("parent_id", old_parent) != old_parent:
        # No longer within its old parent, whose event listed it: that event's stamps move on.
        meeting_store.touch_meetings(db, [old_parent])
    return new_version


def current_source(db: Database, meeting_id: int) -> int | None:
    found = db.scalar("SELECT source_id FROM meeting WHERE id = :id", {"id": meeting_id})
    return None if found is None else int(found)


def meeting_values(
    db: Database,
    fields: MeetingFields,
    *,
    meeting_id: int | None,
    current_source: int | None = None,
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if fields.kind is not None:
        values["kind"] = one_of(fields.kind, MEETING_KINDS, "--kind")
    if fields.status is not None:
        values["status"] = one_of(fields.status, MEETING_STATUSES, "--status")
    if fields.dates is not None:
        values["starts_on"] = fields.dates.start
        values["ends_on"] = fields.dates.end
    for name in TEXTS:
        given = optional_text(getattr(fields, name), option_of(name))
        if given is not None:
            values[name] = stored(given)
    parent = optional_text(fields.parent, "--parent")
    if isinstance(parent, Clear):
        values["parent_id"] = None
    elif parent is not None:
        found = meeting_named(db, parent, "--parent")
        if meeting_id is not None and meeting_id in meeting_store.ancestors(db, found.id):
            raise InvalidInput(f"--parent {parent!r}: a meeting cannot sit within itself")
        values["parent_id"] = found.id
    values.update(source_columns(db, fields.source, fields.quote, current_source_id=current_source))
    return values


def describe(db: Database, target: Target) -> str:
    meeting = target.meeting
    assert meeting is not None
    found = meeting_store.dependents(db, meeting.id)
    parts = [f"{found.items} agenda item(s)", f"{found.commitments} commitment(s)"]
    if found.children:
        parts.append(f"meetings within it: {', '.join(found.children)}")
    return f"meeting {meeting.slug} ({'; '.join(parts)})"


def check_remove_meeting(db: Database, target: Target, *, cascade: bool, reparent: bool) -> None:
    """Refuses to leave items, commitments or meetings within it behind, unless told what to
    do with them: --cascade removes items and commitments (with their history), --reparent
    hands the meetings within it to this meeting's parent."""
    meeting = target.meeting
    assert meeting is not None
    found = meeting_store.dependents(db, meeting.id)
    problems = []
    if found.children and not reparent:
        problems.append(
            f"meetings within it ({', '.join(found.children)}): add --reparent to move them"
            " up to its parent"
        )
    if (found.items or found.commitments) and not cascade:
        problems.append(
            f"{found.items} agenda item(s) and {found.commitments} commitment(s): add"
            " --cascade to remove them with it (commitments with their history)"
        )
    if problems:
        raise Refused(f"{meeting.slug} has {'; and '.join(problems)}")


def remove_meeting(db: Database, target: Target, *, cascade: bool, reparent: bool) -> None:
    check_remove_meeting(db, target, cascade=cascade, reparent=reparent)
    meeting = target.meeting
    assert meeting is not None
    found = meeting_store.dependents(db, meeting.id)
    meeting_store.reparent_children(db, meeting.id, meeting.parent_id)
    for (commitment_id,) in db.rows(
        "SELECT id FROM commitment WHERE meeting_id = :id", {"id": meeting.id}
    ):
        commitment_store.delete_commitment(db, commitment_id)
    for position in range(found.items, 0, -1):
        item = item_store.get_item(db, meeting.id, position)
        assert item is not None
        item_store.delete_item(db, item)
    meeting_store.delete_meeting(db, meeting.id)
    if meeting.parent_id is not None:  # its parent's event listed it: its stamps move on
        meeting_store.touch_meetings(db, [meeting.parent_id])
