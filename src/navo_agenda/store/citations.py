"""Documents and the records that rest on them, both ways round.

A record rests on a document as its source (the quote comes from it), through a link with a
relation (`cites`, `position`, `outcome`, `related`), or, for a commitment, because a status
change rests on it (`status`). From a meeting, an item or a commitment: which documents, and
how. From a document: which records, and how.
"""

from collections import defaultdict
from datetime import date
from typing import NamedTuple

from navo_agenda.records import DocumentRef
from navo_agenda.store.connection import Database, Row
from navo_agenda.store.documents import document_ref
from navo_agenda.store.keyed import meeting_key
from navo_agenda.store.rows import as_date


class Citation(NamedTuple):
    """A record that rests on a document, and how (the relations of DocumentRef)."""

    what: str  # "meeting", "item" or "commitment"
    key: str  # what `show` takes
    label: str  # the meeting's or item's title, the commitment's text
    relations: tuple[str, ...]


DOCUMENT_COLUMNS = "d.slug, d.kind, d.identifier, d.title, d.dated, d.url, d.version"
RELATION_ORDER = ("source", "cites", "position", "outcome", "status", "related")


def meeting_sources() -> tuple[tuple[str, str], ...]:
    return (
        ("'source'", "meeting m JOIN document d ON d.id = m.source_id WHERE m.id = :id"),
        (
            "l.relation",
            "meeting_document l JOIN document d ON d.id = l.document_id WHERE l.meeting_id = :id",
        ),
    )


def item_sources(scope: str) -> tuple[tuple[str, str], ...]:
    """The items' own documents; `scope` picks the items (a.meeting_id or a.id)."""
    return (
        ("'source'", f"agenda_item a JOIN document d ON d.id = a.source_id WHERE {scope} = :id"),
        (
            "l.relation",
            "agenda_item a JOIN agenda_item_document l ON l.agenda_item_id = a.id"
            f" JOIN document d ON d.id = l.document_id WHERE {scope} = :id",
        ),
    )


def commitment_sources(scope: str) -> tuple[tuple[str, str], ...]:
    """The commitments' documents; `scope` picks them (c.meeting_id, c.agenda_item_id, c.id)."""
    return (
        ("'source'", f"commitment c JOIN document d ON d.id = c.source_id WHERE {scope} = :id"),
        (
            "l.relation",
            "commitment c JOIN commitment_document l ON l.commitment_id = c.id"
            f" JOIN document d ON d.id = l.document_id WHERE {scope} = :id",
        ),
        (
            "'status'",
            "commitment c JOIN commitment_event e ON e.commitment_id = c.id"
            f" JOIN document d ON d.id = e.source_id WHERE {scope} = :id",
        ),
    )


# What a record rests on: its own documents and those of the records within it (a meeting's
# items and commitments, an item's commitments), as `show` lists them.
RESTING_ON = {
    "meeting": (
        *meeting_sources(),
        *item_sources("a.meeting_id"),
        *commitment_sources("c.meeting_id"),
    ),
    "item": (*item_sources("a.id"), *commitment_sources("c.agenda_item_id")),
    "commitment": commitment_sources("c.id"),
}


def documents_of(db: Database, what: str, record_id: int) -> list[DocumentRef]:
    """Every document a meeting, item or commitment (by id) rests on, with how each relates
    to it; by date, undated ones last."""
    rows = db.rows(
        " UNION ".join(
            f"SELECT {DOCUMENT_COLUMNS}, {relation} AS relation FROM {source}"
            for relation, source in RESTING_ON[what]
        ),
        {"id": record_id},
    )
    relations: dict[str, list[str]] = defaultdict(list)
    documents: dict[str, Row] = {}
    for row in rows:
        documents[row["slug"]] = row
        if row["relation"] not in relations[row["slug"]]:
            relations[row["slug"]].append(row["relation"])
    refs = [
        document_ref(row, tuple(sorted(relations[slug], key=RELATION_ORDER.index)))
        for slug, row in documents.items()
    ]
    return sorted(refs, key=lambda ref: (ref.dated or date.max, ref.slug))


# Every way a record can rest on a document (:id): what it is, its meeting, its position
# (items), its ref (commitments), its label, and the relation.
CITING = """
SELECT 'meeting' AS what, m.slug AS slug, NULL AS position, NULL AS ref, m.title AS label,
       m.starts_on AS starts_on, 'source' AS relation
  FROM meeting m WHERE m.source_id = :id
UNION ALL SELECT 'meeting', m.slug, NULL, NULL, m.title, m.starts_on, l.relation
  FROM meeting_document l JOIN meeting m ON m.id = l.meeting_id WHERE l.document_id = :id
UNION ALL SELECT 'item', m.slug, a.position, NULL, a.title, m.starts_on, 'source'
  FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.source_id = :id
UNION ALL SELECT 'item', m.slug, a.position, NULL, a.title, m.starts_on, l.relation
  FROM agenda_item_document l JOIN agenda_item a ON a.id = l.agenda_item_id
  JOIN meeting m ON m.id = a.meeting_id WHERE l.document_id = :id
UNION ALL SELECT 'commitment', m.slug, NULL, c.ref, c.text, m.starts_on, 'source'
  FROM commitment c JOIN meeting m ON m.id = c.meeting_id WHERE c.source_id = :id
UNION ALL SELECT 'commitment', m.slug, NULL, c.ref, c.text, m.starts_on, l.relation
  FROM commitment_document l JOIN commitment c ON c.id = l.commitment_id
  JOIN meeting m ON m.id = c.meeting_id WHERE l.document_id = :id
UNION ALL SELECT 'commitment', m.slug, NULL, c.ref, c.text, m.starts_on, 'status'
  FROM commitment_event e JOIN commitment c ON c.id = e.commitment_id
  JOIN meeting m ON m.id = c.meeting_id WHERE e.source_id = :id
"""
WHAT_ORDER = ("meeting", "item", "commitment")


def citing_records(db: Database, document_id: int) -> list[Citation]:
    """The meetings, items and commitments that rest on a document, each once with all its
    relations: meetings and their items in date order, then commitments by ref."""
    orders: dict[tuple[str, str], tuple[int, date, str, int, str]] = {}
    labels: dict[tuple[str, str], str] = {}
    relations: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in db.rows(CITING, {"id": document_id}):
        what = row["what"]
        if what == "item":
            key = f"{row['slug']}/{row['position']}"
        elif what == "commitment":
            key = row["ref"]
        else:
            key = meeting_key(db, row["slug"])
        found = (what, key)
        if row["relation"] not in relations[found]:
            relations[found].append(row["relation"])
        labels[found] = row["label"]
        orders[found] = (
            WHAT_ORDER.index(what),
            as_date(row["starts_on"]) if what != "commitment" else date.min,
            row["slug"] if what != "commitment" else "",
            row["position"] or 0,
            row["ref"] or "",
        )
    return [
        Citation(
            what=what,
            key=key,
            label=labels[what, key],
            relations=tuple(sorted(relations[what, key], key=RELATION_ORDER.index)),
        )
        for what, key in sorted(orders, key=orders.__getitem__)
    ]
