"""Writing a proposal, in the caller's transaction, through the same use cases as `add`.

Every new record goes through editing/*.py (add_document, add_meeting, add_item,
add_commitment), so its values are checked exactly as when a person adds it. Matched records
are left as they are: ingest adds what is missing and never rewrites what someone has
entered or reviewed. A new record citing a document is linked to it ("cites").
"""

from datetime import date

from navo_agenda.dates import DateRange
from navo_agenda.editing.commitments import CommitmentFields, add_commitment
from navo_agenda.editing.documents import DocumentFields, add_document
from navo_agenda.editing.items import ItemFields, add_item
from navo_agenda.editing.meetings import MeetingFields, add_meeting
from navo_agenda.ingest.matching import Decision, Plan, letter_title
from navo_agenda.ingest.proposal import MeetingRecord, Proposal
from navo_agenda.store.connection import Database

AUTHOR = "navo-agenda ingest"


def save(db: Database, proposal: Proposal, plan: Plan, *, today: date) -> Plan:
    """Carry out the plan; returns it with the keys the new records actually got."""
    letter = proposal.letter
    source = plan.letter.key
    if plan.letter.action == "add":
        source = add_document(
            db,
            DocumentFields(
                kind=letter.kind,
                title=letter_title(letter),
                identifier=letter.identifier,
                dated=letter.dated,
                body=letter.body,
            ),
            wanted_slug=plan.letter.key,
        )
    assert source is not None
    for reference in proposal.references:
        decision = plan.references[reference.key]
        if decision.action == "add":
            add_document(
                db,
                DocumentFields(
                    kind=reference.kind,
                    title=reference.title,
                    identifier=reference.identifier,
                    dated=reference.dated,
                ),
                wanted_slug=decision.key,
            )
    for meeting in proposal.meetings:
        decision = plan.meetings[meeting.key]
        if decision.action != "add":
            continue
        parent = plan.meetings.get(meeting.parent or "")
        add_meeting(db, _meeting_fields(meeting, parent, source), wanted_slug=decision.key)
        _link(db, "meeting", decision, meeting.references, plan)
    for item in proposal.items:
        decision = plan.items[item.key]
        meeting_slug = plan.meetings[item.meeting].key
        if decision.action != "add" or meeting_slug is None:
            continue
        add_item(
            db,
            meeting_slug,
            ItemFields(
                title=item.title,
                section=item.section,
                summary=item.summary,
                dutch_position=item.dutch_position,
                topics=list(item.topics),
                source=source,
                quote=item.quote,
            ),
            position=None,
        )
        _link(db, "agenda_item", decision, item.references, plan)
    at = min(letter.dated or today, today)
    for commitment in proposal.commitments:
        decision = plan.commitments[commitment.key]
        meeting_slug = plan.meetings[commitment.meeting or ""].key if commitment.meeting else None
        if decision.action != "add" or meeting_slug is None:
            continue
        placed = plan.items.get(commitment.item or "")
        position = int(placed.key.rsplit("/", 1)[1]) if placed and placed.key else None
        add_commitment(
            db,
            meeting_slug,
            CommitmentFields(
                text=commitment.text,
                actor=commitment.actor,
                kind=commitment.kind,
                item=position,
                due=commitment.due,
                amount=commitment.amount,
                source=source,
                quote=commitment.quote,
            ),
            status="open",
            wanted_ref=decision.key,
            at=at,
            author=AUTHOR,
        )
        _link(db, "commitment", decision, commitment.references, plan)
    return plan


def _meeting_fields(meeting: MeetingRecord, parent: Decision | None, source: str) -> MeetingFields:
    when = meeting.when
    assert when is not None
    note = meeting.time_note
    if when.precision != "day":
        coarse = f"date not fixed by the source: only {when.label()}"
        note = f"{note}; {coarse}" if note else coarse
    return MeetingFields(
        kind=meeting.kind,
        dates=DateRange(when.first, when.last),
        title=meeting.title,
        title_nl=meeting.title_nl,
        location=meeting.location,
        time_note=note,
        parent=parent.key if parent is not None else None,
        status=meeting.status,
        source=source,
        quote=meeting.quote,
    )


_LINKS = {
    "meeting": ("meeting_document", "meeting_id", "SELECT id FROM meeting WHERE slug = :key"),
    "agenda_item": (
        "agenda_item_document",
        "agenda_item_id",
        "SELECT a.id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
        " WHERE m.slug || '/' || a.position = :key",
    ),
    "commitment": (
        "commitment_document",
        "commitment_id",
        "SELECT id FROM commitment WHERE ref = :key",
    ),
}


def _link(
    db: Database, what: str, decision: Decision, references: tuple[str, ...], plan: Plan
) -> None:
    """A new record cites the documents its sentence cites."""
    table, column, find = _LINKS[what]
    record_id = db.scalar(find, {"key": decision.key})
    for key in references:
        document = plan.references.get(key)
        if record_id is None or document is None or document.key is None:
            continue
        document_id = db.scalar(
            "SELECT id FROM document WHERE slug = :slug", {"slug": document.key}
        )
        exists = db.scalar(
            f"SELECT 1 FROM {table} WHERE {column} = :record AND document_id = :document"
            " AND relation = 'cites'",
            {"record": record_id, "document": document_id},
        )
        if document_id is not None and exists is None:
            db.execute(
                f"INSERT INTO {table} ({column}, document_id, relation)"
                " VALUES (:record, :document, 'cites')",
                {"record": record_id, "document": document_id},
            )
