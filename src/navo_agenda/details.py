"""An agenda item, a commitment and a document in full, as `show` opens them (a meeting in
full is agenda.show_meeting's). Loaded only when one of these is shown, so that showing a
meeting costs what it always did.
"""

from collections.abc import Mapping
from typing import NamedTuple

from navo_agenda.records import (
    AgendaItemRecord,
    CommitmentRecord,
    DocumentRef,
    EventRecord,
    MeetingRow,
)
from navo_agenda.store import commitments as commitment_store
from navo_agenda.store import documents as document_store
from navo_agenda.store import items as item_store
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.citations import Citation, citing_records, documents_of
from navo_agenda.store.connection import Database
from navo_agenda.store.keyed import document_keys


class ItemDetail(NamedTuple):
    """One agenda item: its meeting, and the commitments tied to it."""

    meeting: MeetingRow
    item: AgendaItemRecord
    commitments: tuple[CommitmentRecord, ...]
    documents: tuple[DocumentRef, ...]  # the item's and its commitments'
    document_keys: Mapping[str, str]  # store.keyed.document_keys: the slugs show needs keyed


class CommitmentDetail(NamedTuple):
    """One commitment: where it was made, its status history, its documents."""

    commitment: CommitmentRecord
    meeting: MeetingRow
    item: AgendaItemRecord | None
    events: tuple[EventRecord, ...]  # oldest first, as `history` shows them
    documents: tuple[DocumentRef, ...]
    document_keys: Mapping[str, str]


class DocumentDetail(NamedTuple):
    """One document: its text, and the records that rest on it."""

    document: DocumentRef  # relations empty: they are the citations'
    body: str | None
    cited_by: tuple[Citation, ...]
    key: str  # what opens it with show: its slug, or document:SLUG


def item_detail(db: Database, slug: str, position: int) -> ItemDetail | None:
    meeting = meeting_store.get_meeting_ref(db, slug)
    found = item_store.get_item(db, meeting.id, position) if meeting is not None else None
    row = meeting_store.get_meeting_row(db, slug)
    if meeting is None or found is None or row is None:
        return None
    (item,) = meeting_store.agenda_items(db, meeting.id, position)
    commitments = meeting_store.commitments_of_meeting(db, meeting.id, slug)
    documents = documents_of(db, "item", found.id)
    return ItemDetail(
        meeting=row,
        item=item,
        commitments=tuple(c for c in commitments if c.item_position == position),
        documents=tuple(documents),
        document_keys=document_keys(db, [item.source, *(d.slug for d in documents)]),
    )


def commitment_detail(db: Database, ref: str) -> CommitmentDetail | None:
    found = commitment_store.tracked(db, ref)
    if found is None:
        return None
    record, events = found.record, found.events
    meeting = meeting_store.get_meeting_row(db, record.meeting)
    assert meeting is not None  # a commitment always has its meeting (a foreign key)
    items = (
        meeting_store.agenda_items(db, found.row.meeting_id, record.item_position)
        if record.item_position is not None
        else []
    )
    documents = documents_of(db, "commitment", found.row.id)
    sources = [record.source, *(e.source for e in events), *(d.slug for d in documents)]
    return CommitmentDetail(
        commitment=record,
        meeting=meeting,
        item=items[0] if items else None,
        events=tuple(events),
        documents=tuple(documents),
        document_keys=document_keys(db, sources),
    )


def document_detail(db: Database, slug: str) -> DocumentDetail | None:
    found = document_store.read_document(db, slug)
    if found is None:
        return None
    key = document_keys(db, [slug]).get(slug, slug)
    return DocumentDetail(found.ref, found.body, tuple(citing_records(db, found.id)), key)
