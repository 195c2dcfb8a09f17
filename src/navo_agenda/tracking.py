"""Use cases of tracking commitments: the view with its totals, status changes, history.

A status change is an event appended to the commitment's history in the same transaction
that changes its status, so the history always ends in the current status, and two people
changing one commitment at once produce a chain, not a fork (the second waits for the
first's write lock and then sees its result).
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from navo_agenda.dates import PartialDate
from navo_agenda.editing.commitments import status_word
from navo_agenda.editing.keys import document_named, meeting_named
from navo_agenda.errors import InvalidInput, NotFound
from navo_agenda.records import CommitmentRecord, EventRecord
from navo_agenda.store import commitments as commitment_store
from navo_agenda.store.changes import check_version, update_row
from navo_agenda.store.connection import Database


class CommitmentView(NamedTuple):
    commitments: list[CommitmentRecord]
    totals: dict[str, Decimal]  # per currency, of the commitments shown


def list_commitments(
    db: Database,
    *,
    statuses: tuple[str, ...] = (),
    overdue: bool = False,
    meeting: str | None = None,
    actor: str | None = None,
    due_before: PartialDate | None = None,
    today: date,
) -> CommitmentView:
    """`due_before` 2026 means due before 2026 began; overdue means unfinished and past the
    last day of the due date."""
    query = commitment_store.CommitmentQuery(
        statuses=tuple(status_word(s, "--status") for s in statuses),
        overdue_on=today if overdue else None,
        meeting_id=meeting_named(db, meeting, "--meeting").id if meeting else None,
        actor=actor.strip() if actor and actor.strip() else None,
        due_before=due_before.first_day if due_before else None,
    )
    found = commitment_store.list_commitments(db, query)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for record in found:
        if record.amount is not None and record.currency:
            totals[record.currency] += record.amount
    return CommitmentView(found, dict(sorted(totals.items())))


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
    to_status = status_word(new, "status")
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
        note=(note or "").strip() or None,
        author=author,
        source_id=source_id,
    )
    return StatusChange(commitment.ref, commitment.status, to_status, at)


class History(NamedTuple):
    commitment: CommitmentRecord
    events: list[EventRecord]


def commitment_history(db: Database, ref: str) -> History:
    record = commitment_store.get_record(db, ref.strip().lower())
    found = commitment_store.get_commitment(db, ref.strip().lower())
    if record is None or found is None:
        raise NotFound(f"no commitment {ref!r}; 'navo-agenda commitments' lists them")
    return History(record, commitment_store.history(db, found.id))
