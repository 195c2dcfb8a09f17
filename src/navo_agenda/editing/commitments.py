"""Adding, changing and removing commitments (their status changes: editing/status.py)."""

import re
from datetime import date
from typing import Any, NamedTuple

from navo_agenda.amounts import Money, canonical
from navo_agenda.dates import PartialDate
from navo_agenda.editing.keys import Target, meeting_named
from navo_agenda.editing.sources import source_columns
from navo_agenda.editing.values import (
    Clear,
    check_quote_has_source,
    commitment_status,
    one_of,
    required_text,
)
from navo_agenda.errors import InvalidInput, NotFound
from navo_agenda.keys import REF
from navo_agenda.store import commitments as commitment_store
from navo_agenda.store import items as item_store
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.changes import check_version, update_row
from navo_agenda.store.connection import Database
from navo_agenda.vocabulary import COMMITMENT_KINDS, DEFAULT_ACTOR


class CommitmentFields(NamedTuple):
    """What the user gave; None leaves a field as it is, CLEAR empties it."""

    text: str | None = None
    actor: str | None = None
    kind: str | None = None
    item: "int | Clear | None" = None
    due: "PartialDate | Clear | None" = None
    amount: "Money | Clear | None" = None
    source: "str | Clear | None" = None
    quote: "str | Clear | None" = None


def check_commitment(
    fields: CommitmentFields,
    *,
    adding: bool,
    status: str | None = None,
    wanted_ref: str | None = None,
) -> None:
    """What can be checked before the database is opened."""
    if adding:
        required_text(fields.text, "--text")
        check_quote_has_source(fields.source, fields.quote)
    elif fields.text is not None:
        required_text(fields.text, "--text")
    if fields.actor is not None:
        required_text(fields.actor, "--actor")
    if fields.kind is not None:
        one_of(fields.kind, COMMITMENT_KINDS, "--kind")
    if status is not None:
        commitment_status(status, "--status")
    if wanted_ref is not None and not REF.fullmatch(wanted_ref.strip().lower()):
        raise InvalidInput(f"--ref {wanted_ref!r} is not a ref like c-2025-007")


def commitment_values(
    db: Database, fields: CommitmentFields, meeting_id: int, current_source: int | None
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if fields.text is not None:
        values["text"] = required_text(fields.text, "--text")
    if fields.actor is not None:
        values["actor"] = required_text(fields.actor, "--actor")
    if fields.kind is not None:
        values["kind"] = one_of(fields.kind, COMMITMENT_KINDS, "--kind")
    if isinstance(fields.item, Clear):
        values["agenda_item_id"] = None
    elif fields.item is not None:
        item_id = item_store.item_id_at(db, meeting_id, fields.item)
        if item_id is None:
            count = item_store.item_count(db, meeting_id)
            raise NotFound(f"--item {fields.item}: the meeting has no such item (it has {count})")
        values["agenda_item_id"] = item_id
    if isinstance(fields.due, Clear):
        values.update(due=None, due_precision=None, due_end=None)
    elif fields.due is not None:
        values.update(
            due=fields.due.canonical(),
            due_precision=fields.due.precision,
            due_end=fields.due.last_day,
        )
    if isinstance(fields.amount, Clear):
        values.update(amount=None, currency=None)
    elif fields.amount is not None:
        values.update(amount=canonical(fields.amount.amount), currency=fields.amount.currency)
    values.update(source_columns(db, fields.source, fields.quote, current_source_id=current_source))
    return values


def add_commitment(
    db: Database,
    meeting_slug: str,
    fields: CommitmentFields,
    *,
    status: str,
    wanted_ref: str | None,
    at: date,
    author: str | None,
) -> str:
    """Returns the new commitment's ref (`c-<year of the meeting>-NNN` unless given). Its
    history starts with an event recording its first status."""
    check_commitment(fields, adding=True, status=status, wanted_ref=wanted_ref)
    meeting = meeting_named(db, meeting_slug, "--meeting")
    values = commitment_values(db, fields, meeting.id, None)
    values["text"] = required_text(fields.text, "--text")
    values.setdefault("actor", DEFAULT_ACTOR)
    values.setdefault("kind", "pledge")
    values["status"] = commitment_status(status, "--status")
    if wanted_ref is not None:
        ref = wanted_ref.strip().lower()
        if not REF.fullmatch(ref):
            raise InvalidInput(f"--ref {wanted_ref!r} is not a ref like c-2025-007")
        if commitment_store.get_commitment(db, ref) is not None:
            raise InvalidInput(f"--ref {ref!r} is taken by another commitment")
    else:
        ref = commitment_store.next_ref(db, meeting.starts_on.year)
    commitment_id = commitment_store.insert_commitment(
        db, {"ref": ref, "meeting_id": meeting.id, **values}
    )
    commitment_store.append_event(
        db,
        commitment_id,
        at=at,
        from_status=None,
        to_status=values["status"],
        note="recorded",
        author=author,
        source_id=values.get("source_id"),
    )
    return ref


def edit_commitment(
    db: Database, target: Target, fields: CommitmentFields, *, if_version: int | None
) -> int:
    commitment = target.commitment
    assert commitment is not None
    check_commitment(fields, adding=False)
    version = check_version(commitment.version, if_version, key=target.key)
    current = db.scalar("SELECT source_id FROM commitment WHERE id = :id", {"id": commitment.id})
    values = commitment_values(db, fields, commitment.meeting_id, current)
    return update_row(db, "commitment", commitment.id, version, values, key=target.key)


def describe(db: Database, target: Target) -> str:
    commitment = target.commitment
    assert commitment is not None
    events = db.scalar(
        "SELECT count(*) FROM commitment_event WHERE commitment_id = :id", {"id": commitment.id}
    )
    text = str(db.scalar("SELECT text FROM commitment WHERE id = :id", {"id": commitment.id}))
    short = re.sub(r"\s+", " ", text)[:60]
    return f"commitment {commitment.ref} ({short!r}, {commitment.status}; {events} event(s))"


def remove_commitment(db: Database, target: Target) -> None:
    commitment = target.commitment
    assert commitment is not None
    commitment_store.delete_commitment(db, commitment.id)
    meeting_store.touch_meetings(db, [commitment.meeting_id])  # its event's stamps move on
