"""Use cases of following commitments: the view with its totals, and one's history.

(Changing a status is editing: editing/status.py.)
"""

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from navo_agenda.dates import PartialDate
from navo_agenda.editing.values import commitment_status
from navo_agenda.errors import NotFound
from navo_agenda.records import CommitmentRecord, EventRecord
from navo_agenda.store import commitments as commitment_store
from navo_agenda.store import meetings as meeting_store
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
        statuses=tuple(commitment_status(s, "--status") for s in statuses),
        overdue_on=today if overdue else None,
        meeting_id=meeting_id(db, meeting) if meeting else None,
        actor=actor.strip() if actor and actor.strip() else None,
        due_before=due_before.first_day if due_before else None,
    )
    found = commitment_store.list_commitments(db, query)
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for record in found:
        if record.amount is not None and record.currency:
            totals[record.currency] += record.amount
    return CommitmentView(found, dict(sorted(totals.items())))


def meeting_id(db: Database, slug: str) -> int:
    found = meeting_store.get_meeting_ref(db, slug.strip().lower())
    if found is None:
        from navo_agenda.agenda import not_found_message  # only on the way to an error

        raise NotFound(f"--meeting: {not_found_message(db, slug)}")
    return found.id


class History(NamedTuple):
    commitment: CommitmentRecord
    events: list[EventRecord]
    document_keys: Mapping[str, str]  # store.keyed.document_keys of the events' sources


def commitment_history(db: Database, ref: str) -> History:
    found = commitment_store.tracked(db, ref.strip().lower())
    if found is None:
        raise NotFound(f"no commitment {ref!r}; 'navo-agenda commitments' lists them")
    from navo_agenda.store.keyed import document_keys  # not for the commitments list

    sources = (event.source for event in found.events)
    return History(found.record, found.events, document_keys(db, sources))
