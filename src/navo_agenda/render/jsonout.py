"""The machine format of the read commands: stable, versioned, documented in docs/json.md.

Every object carries the fields the terminal view shows and more; keys are never renamed
within a version. Dates are ISO strings, amounts decimal strings (never floats), partial
dates an object with their precision.
"""

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from navo_agenda.dates import PartialDate
from navo_agenda.records import (
    AgendaItemRecord,
    CommitmentRecord,
    DocumentRef,
    EventRecord,
    MeetingDetail,
    MeetingRow,
    TimelineEntry,
)

if TYPE_CHECKING:  # only their shape is used; importing them would load their use cases
    from navo_agenda.details import CommitmentDetail, DocumentDetail, ItemDetail
    from navo_agenda.showing import Shown
    from navo_agenda.store.citations import Citation
    from navo_agenda.timeline import Timeline
    from navo_agenda.tracking import CommitmentView, History

FORMAT_VERSION = 1


def dumps(command: str, /, **payload: Any) -> str:
    document = {"format": f"navo-agenda/{command}", "version": FORMAT_VERSION, **payload}
    return json.dumps(document, ensure_ascii=False, indent=2)


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def partial(value: PartialDate | None) -> dict[str, str] | None:
    if value is None:
        return None
    return {
        "value": value.canonical(),
        "precision": value.precision,
        "first_day": value.first_day.isoformat(),
        "last_day": value.last_day.isoformat(),
    }


def meeting(row: MeetingRow) -> dict[str, Any]:
    return {
        "slug": row.slug,
        "kind": row.kind,
        "title": row.title,
        "title_nl": row.title_nl,
        "location": row.location,
        "starts_on": iso(row.starts_on),
        "ends_on": iso(row.ends_on),
        "time_note": row.time_note,
        "status": row.status,
        "parent": row.parent,
        "items": row.item_count,
        "open_commitments": row.open_commitments,
        "version": row.version,
    }


def agenda_item(item: AgendaItemRecord) -> dict[str, Any]:
    return {
        "position": item.position,
        "section": item.section,
        "title": item.title,
        "summary": item.summary,
        "dutch_position": item.dutch_position,
        "outcome": item.outcome,
        "topics": list(item.topics),
        "source": item.source,
        "source_quote": item.source_quote,
        "version": item.version,
    }


def commitment(record: CommitmentRecord, *, today: date) -> dict[str, Any]:
    return {
        "ref": record.ref,
        "text": record.text,
        "actor": record.actor,
        "kind": record.kind,
        "meeting": record.meeting,
        "item": record.item_position,
        "due": partial(record.due),
        "amount": format(record.amount, "f") if record.amount is not None else None,
        "currency": record.currency,
        "status": record.status,
        "overdue": record.is_overdue(today),
        "source": record.source,
        "source_quote": record.source_quote,
        "version": record.version,
    }


def document(ref: DocumentRef) -> dict[str, Any]:
    return {
        "slug": ref.slug,
        "kind": ref.kind,
        "identifier": ref.identifier,
        "title": ref.title,
        "dated": iso(ref.dated),
        "url": ref.url,
        "relations": list(ref.relations),
        "version": ref.version,
    }


def meeting_list(rows: list[MeetingRow]) -> str:
    return dumps("list", meetings=[meeting(row) for row in rows])


def meeting_detail(detail: MeetingDetail, *, today: date) -> str:
    return dumps(
        "show",
        today=today.isoformat(),
        meeting={
            **meeting(detail.meeting),
            "summary": detail.summary,
            "outcome": detail.outcome,
            "source": detail.source,
            "source_quote": detail.source_quote,
        },
        parent=meeting(detail.parent) if detail.parent else None,
        children=[meeting(child) for child in detail.children],
        items=[agenda_item(item) for item in detail.items],
        commitments=[commitment(record, today=today) for record in detail.commitments],
        documents=[document(ref) for ref in detail.documents],
    )


def shown(found: "Shown", *, today: date) -> str:
    """`show KEY --json`: the meeting's document as it always was; the other kinds say
    which they are in `kind`."""
    if isinstance(found, MeetingDetail):
        return meeting_detail(found, today=today)
    from navo_agenda.details import CommitmentDetail, ItemDetail

    if isinstance(found, ItemDetail):
        return item_detail(found, today=today)
    if isinstance(found, CommitmentDetail):
        return commitment_detail(found, today=today)
    return document_detail(found, today=today)


def item_detail(detail: "ItemDetail", *, today: date) -> str:
    return dumps(
        "show",
        kind="item",
        key=f"{detail.meeting.slug}/{detail.item.position}",
        today=today.isoformat(),
        meeting=meeting(detail.meeting),
        item=agenda_item(detail.item),
        commitments=[commitment(record, today=today) for record in detail.commitments],
        documents=[document(ref) for ref in detail.documents],
    )


def commitment_detail(detail: "CommitmentDetail", *, today: date) -> str:
    return dumps(
        "show",
        kind="commitment",
        key=detail.commitment.ref,
        today=today.isoformat(),
        commitment=commitment(detail.commitment, today=today),
        meeting=meeting(detail.meeting),
        item=agenda_item(detail.item) if detail.item is not None else None,
        events=[event(record) for record in detail.events],
        documents=[document(ref) for ref in detail.documents],
    )


def citation(found: "Citation") -> dict[str, Any]:
    return {
        "kind": found.what,
        "key": found.key,
        "label": found.label,
        "relations": list(found.relations),
    }


def document_detail(detail: "DocumentDetail", *, today: date) -> str:
    shown = document(detail.document)
    del shown["relations"]  # a document does not rest on itself: see cited_by
    return dumps(
        "show",
        kind="document",
        key=detail.key,
        today=today.isoformat(),
        document={
            **shown,
            "body": detail.body,
            "body_length": len(detail.body) if detail.body is not None else None,
        },
        cited_by=[citation(found) for found in detail.cited_by],
    )


def timeline_entry(entry: TimelineEntry) -> dict[str, Any]:
    return {
        "type": entry.what,
        "start": iso(entry.start),
        "end": iso(entry.end),
        "when": entry.when or None,
        "key": entry.key,
        "label": entry.label,
        "kind": entry.category,
        "status": entry.status,
        "overdue": entry.overdue,
    }


def timeline(view: "Timeline") -> str:
    return dumps(
        "timeline",
        today=view.today.isoformat(),
        start=iso(view.start),
        end=iso(view.end),
        entries=[timeline_entry(entry) for entry in view.entries],
    )


def commitment_list(view: "CommitmentView", *, today: date) -> str:
    return dumps(
        "commitments",
        today=today.isoformat(),
        commitments=[commitment(record, today=today) for record in view.commitments],
        totals={currency: format(total, "f") for currency, total in view.totals.items()},
    )


def event(record: EventRecord) -> dict[str, Any]:
    return {
        "at": iso(record.at),
        "from_status": record.from_status,
        "to_status": record.to_status,
        "note": record.note,
        "author": record.author,
        "source": record.source,
        "recorded_at": record.recorded_at,
    }


def history(view: "History", *, today: date) -> str:
    return dumps(
        "history",
        today=today.isoformat(),
        commitment=commitment(view.commitment, today=today),
        events=[event(record) for record in view.events],
    )
