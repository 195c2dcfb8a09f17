"""Adding, changing, moving and removing agenda items."""

from typing import Any, NamedTuple

from navo_agenda.editing.keys import Target, meeting_named
from navo_agenda.editing.sources import source_columns
from navo_agenda.editing.values import (
    Clear,
    check_quote_has_source,
    option_of,
    optional_text,
    required_text,
    stored,
    topics,
)
from navo_agenda.errors import InvalidInput, Refused
from navo_agenda.store import commitments as commitment_store
from navo_agenda.store import items as item_store
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.changes import check_version, update_row
from navo_agenda.store.connection import Database


class ItemFields(NamedTuple):
    """What the user gave; None leaves a field as it is, CLEAR empties it."""

    title: str | None = None
    section: "str | Clear | None" = None
    summary: "str | Clear | None" = None
    dutch_position: "str | Clear | None" = None
    outcome: "str | Clear | None" = None
    topics: list[str] | None = None
    source: "str | Clear | None" = None
    quote: "str | Clear | None" = None


TEXTS = ("section", "summary", "dutch_position", "outcome")


def item_values(db: Database, fields: ItemFields, current_source: int | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in TEXTS:
        given = optional_text(getattr(fields, name), option_of(name))
        if given is not None:
            values[name] = stored(given)
    values.update(source_columns(db, fields.source, fields.quote, current_source_id=current_source))
    return values


def check_position(position: int | None, field: str) -> None:
    if position is not None and position < 1:
        raise InvalidInput(f"{field} {position} is not a position: positions start at 1")


def check_item(fields: ItemFields, *, adding: bool, position: int | None = None) -> None:
    """What can be checked before the database is opened."""
    if adding:
        required_text(fields.title, "--title")
        check_quote_has_source(fields.source, fields.quote)
    elif fields.title is not None:
        required_text(fields.title, "--title")
    check_position(position, "--position" if adding else "--move-to")
    topics(fields.topics or [])


def add_item(db: Database, meeting_slug: str, fields: ItemFields, *, position: int | None) -> str:
    """Adds at the end, or at `position` moving the items from there on down; returns the
    new item's key (`<meeting>/<position>`)."""
    check_item(fields, adding=True, position=position)
    meeting = meeting_named(db, meeting_slug, "--meeting")
    values = item_values(db, fields, None)
    values["title"] = required_text(fields.title, "--title")
    chosen_topics = topics(fields.topics or [])
    placed = item_store.insert_item(db, meeting.id, position, values)
    item_id = item_store.item_id_at(db, meeting.id, placed)
    assert item_id is not None
    item_store.set_topics(db, item_id, chosen_topics)
    return f"{meeting.slug}/{placed}"


def edit_item(
    db: Database,
    target: Target,
    fields: ItemFields,
    *,
    move_to: int | None,
    if_version: int | None,
) -> str:
    """Returns the item's key, which changes when it moves."""
    item, meeting = target.item, target.meeting
    assert item is not None
    assert meeting is not None
    check_item(fields, adding=False, position=move_to)
    version = check_version(item.version, if_version, key=target.key)
    current = db.scalar("SELECT source_id FROM agenda_item WHERE id = :id", {"id": item.id})
    values = item_values(db, fields, current)
    if fields.title is not None:
        values["title"] = required_text(fields.title, "--title")
    chosen_topics = topics(fields.topics) if fields.topics is not None else None
    update_row(db, "agenda_item", item.id, version, values, key=target.key)
    if chosen_topics is not None:
        item_store.set_topics(db, item.id, chosen_topics)
    position = item.position
    if move_to is not None:
        position = item_store.move_item(db, item, move_to)
    return f"{meeting.slug}/{position}"


def title_of(db: Database, item_id: int) -> str:
    return str(db.scalar("SELECT title FROM agenda_item WHERE id = :id", {"id": item_id}))


def describe(db: Database, target: Target) -> str:
    item = target.item
    assert item is not None
    return f"agenda item {target.key} ({title_of(db, item.id)!r}; {item.commitments} commitment(s))"


def check_remove_item(target: Target, *, cascade: bool, detach: bool) -> None:
    """Refuses to leave commitments pointing at a removed item unless told: --cascade removes
    them (with their history), --detach keeps them on the meeting without an item."""
    item = target.item
    assert item is not None
    if cascade and detach:
        raise InvalidInput("--cascade or --detach: the commitments cannot both go and stay")
    if item.commitments and not (cascade or detach):
        raise Refused(
            f"{target.key} has {item.commitments} commitment(s); add --detach to keep them on"
            " the meeting, or --cascade to remove them with it"
        )


def remove_item(db: Database, target: Target, *, cascade: bool, detach: bool) -> None:
    check_remove_item(target, cascade=cascade, detach=detach)
    item = target.item
    assert item is not None
    rows = db.rows("SELECT id FROM commitment WHERE agenda_item_id = :id", {"id": item.id})
    for (commitment_id,) in rows:
        if cascade:
            commitment_store.delete_commitment(db, commitment_id)
        else:
            db.execute(
                "UPDATE commitment SET agenda_item_id = NULL, version = version + 1,"
                " updated_at = max(updated_at, CURRENT_TIMESTAMP) WHERE id = :id",
                {"id": commitment_id},
            )
    item_store.delete_item(db, item)
    meeting_store.touch_meetings(db, [item.meeting_id])  # its event's stamps move on
