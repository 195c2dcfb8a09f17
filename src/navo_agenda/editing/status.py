"""Changing a commitment's status: the change and its event, together.

The event is appended to the commitment's history in the same transaction that changes its
status, so the history always ends in the current status, and two people changing one
commitment at once produce a chain, not a fork (the second waits for the first's write lock
and then sees its result).
"""

from datetime import date
from typing import NamedTuple

from navo_agenda.editing.keys import document_named
from navo_agenda.editing.values import checked_text, commitment_status
from navo_agenda.errors import InvalidInput, NotFound
from navo_agenda.store import commitments as commitment_store
from navo_agenda.store.changes import check_version, update_row
from navo_agenda.store.connection import Database


class StatusChange(NamedTuple):
    ref: str
    from_status: str
    to_status: str
    at: date


def change_status(
    db: Database,
    ref: str,
    new: str,
    *,
    note: str | None,
    source: str | None,
    at: date,
    author: str | None,
    if_version: int | None,
    today: date,
) -> StatusChange | None:
    """Appends the event and sets the status; None when it already had that status."""
    to_status = commitment_status(new)
    note_text = checked_text(note.strip(), "--note") if note and note.strip() else None
    author_text = checked_text(author, "--author") if author else None
    commitment = commitment_store.get_commitment(db, ref.strip().lower())
    if commitment is None:
        raise NotFound(f"no commitment {ref!r}; 'navo-agenda commitments' lists them")
    version = check_version(commitment.version, if_version, key=commitment.ref)
    if at > today:
        raise InvalidInput(
            f"--at {at.isoformat()} is in the future; record a change once it happened"
        )
    if commitment.last_event_on is not None and at < commitment.last_event_on:
        raise InvalidInput(
            f"--at {at.isoformat()} is before the last recorded change of {commitment.ref}"
            f" ({commitment.last_event_on.isoformat()}); history only grows forward"
        )
    source_id = document_named(db, source, "--source").id if source else None
    if commitment.status == to_status:
        return None
    update_row(db, "commitment", commitment.id, version, {"status": to_status}, key=commitment.ref)
    commitment_store.append_event(
        db,
        commitment.id,
        at=at,
        from_status=commitment.status,
        to_status=to_status,
        note=note_text,
        author=author_text,
        source_id=source_id,
    )
    return StatusChange(commitment.ref, commitment.status, to_status, at)
