"""Full-text queries over the four FTS5 indexes (revision 0004).

Each kind of record has its own index, so each is searched on its own and ranked by bm25
within its kind (scores of different indexes are not comparable). The column weights make a
match in a title count for more than one in a long text. A hit carries the key that opens the
record (with `show`, `edit` and `remove`), its label, and an excerpt (FTS5 `snippet()`) with
the matched words' positions.

The excerpt's matches are marked by strings made for this one search (a private-use character
around a random nonce) and taken out again here: text in the data cannot contain them, so
it cannot pass for a match, whatever characters it holds.
"""

import os
import re
import sqlite3
from typing import NamedTuple

from navo_agenda.errors import DatabaseError
from navo_agenda.store.connection import Database, Params

Spans = tuple[tuple[int, int], ...]  # [start, end) of each match, in code points


class Hit(NamedTuple):
    key: str
    label: str  # the title, or a commitment's text: the index's first column
    label_highlights: Spans
    snippet: str  # an excerpt, whitespace collapsed; "…" where it was cut
    highlights: Spans


class Found(NamedTuple):
    hits: list[Hit]
    more: bool  # there were more matches than the limit


class QueryRejected(Exception):
    """SQLite refused the FTS5 query (only a query in FTS5's own syntax can be refused)."""

    def __init__(self, complaint: str) -> None:
        super().__init__(complaint)
        self.complaint = complaint

    @property
    def unknown_column(self) -> bool:
        """The query names a column that this kind's index does not have."""
        return self.complaint.startswith("no such column")


class Index(NamedTuple):
    table: str  # the FTS5 table
    select: str  # the key (the label is the index's first column)
    joins: str
    weights: str  # bm25 weight of each indexed column, in the index's column order


EXCERPT_TOKENS = 16

# The key that opens a hit with show, edit and remove (navo_agenda/keys.py). A slug that a
# meeting and a document share, or a meeting's or document's slug shaped like a commitment's
# ref, would open something else, or nothing: then the key says which it is (meeting:,
# document:). The GLOB takes in a few more slugs than a ref's shape; a prefix never hurts.
REF_SHAPED = "GLOB 'c-[0-9][0-9][0-9][0-9]-[0-9]*'"
MEETING_KEY = (
    f"CASE WHEN EXISTS (SELECT 1 FROM document o WHERE o.slug = m.slug) OR m.slug {REF_SHAPED}"
    " THEN 'meeting:' || m.slug ELSE m.slug END"
)
DOCUMENT_KEY = (
    f"CASE WHEN EXISTS (SELECT 1 FROM meeting o WHERE o.slug = d.slug) OR d.slug {REF_SHAPED}"
    " THEN 'document:' || d.slug ELSE d.slug END"
)

# The kinds, in the order their results are shown.
INDEXES: dict[str, Index] = {
    "meeting": Index(
        "fts_meeting",  # title, title_nl, summary, outcome
        f"{MEETING_KEY} AS key",
        " JOIN meeting m ON m.id = fts_meeting.rowid",
        "10.0, 10.0, 2.0, 2.0",
    ),
    "item": Index(
        "fts_agenda_item",  # title, summary, dutch_position, outcome
        "m.slug || '/' || a.position AS key",
        " JOIN agenda_item a ON a.id = fts_agenda_item.rowid JOIN meeting m ON m.id = a.meeting_id",
        "10.0, 2.0, 2.0, 2.0",
    ),
    "commitment": Index(
        "fts_commitment",  # text, source_quote
        "c.ref AS key",
        " JOIN commitment c ON c.id = fts_commitment.rowid",
        "4.0, 1.0",
    ),
    "document": Index(
        "fts_document",  # title, identifier, body
        f"{DOCUMENT_KEY} AS key",
        " JOIN document d ON d.id = fts_document.rowid",
        "10.0, 10.0, 1.0",
    ),
}
KINDS = tuple(INDEXES)

# What SQLite says about a query it cannot read (any other error is the database's).
COMPLAINTS = ("fts5:", "unterminated string", "no such column", "unknown special query")
WHITESPACE = re.compile(r"\s+")


# Larger limits are all the same to SQLite (there are never this many rows), and one more
# than its largest integer cannot be bound at all.
NO_LIMIT = 2**62


def search(db: Database, kind: str, match: str, limit: int) -> Found:
    """The best `limit` matches of an FTS5 query among one kind of record, best first."""
    index = INDEXES[kind]
    nonce = os.urandom(8).hex()
    opening, closing = f"\ue000{nonce}\ue001", f"\ue001{nonce}\ue000"
    table = index.table
    sql = (
        f"SELECT {index.select}, highlight({table}, 0, :opening, :closing) AS marked_label,"
        f" snippet({table}, -1, :opening, :closing, '…', {EXCERPT_TOKENS}) AS snippet"
        f" FROM {table}{index.joins}"
        f" WHERE {table} MATCH :match AND rank MATCH 'bm25({index.weights})'"
        " ORDER BY rank LIMIT :limit"
    )
    params = {
        "match": match,
        "opening": opening,
        "closing": closing,
        "limit": min(limit, NO_LIMIT) + 1,
    }
    try:
        rows = db.rows(sql, params)
    except DatabaseError:
        complaint = query_complaint(db, sql, params)
        if complaint is None:
            raise
        raise QueryRejected(complaint) from None
    hits = []
    for row in rows[:limit]:
        label, label_highlights = unmark(row["marked_label"] or "", opening, closing)
        snippet, highlights = unmark(
            WHITESPACE.sub(" ", row["snippet"] or "").strip(), opening, closing
        )
        hits.append(Hit(row["key"], label, label_highlights, snippet, highlights))
    return Found(hits, more=len(rows) > limit)


def query_complaint(db: Database, sql: str, params: Params) -> str | None:
    """What SQLite says about the query, if the failure was the query's fault; the store's
    Database keeps only its own wording of an error, so the query is asked again."""
    try:
        db.connection.execute(sql, params).fetchall()
    except sqlite3.OperationalError as error:
        message = str(error)
        return message if message.startswith(COMPLAINTS) else None
    return None


def unmark(text: str, opening: str, closing: str) -> tuple[str, Spans]:
    """The text without its marks, and where the marked parts are in it."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    while (start := text.find(opening)) >= 0 and (
        end := text.find(closing, start + len(opening))
    ) >= 0:
        before, inside = text[:start], text[start + len(opening) : end]
        parts += [before, inside]
        length += len(before)
        if spans and spans[-1][1] == length:  # adjacent matches read as one
            spans[-1] = (spans[-1][0], length + len(inside))
        else:
            spans.append((length, length + len(inside)))
        length += len(inside)
        text = text[end + len(closing) :]
    parts.append(text)
    return "".join(parts), tuple(spans)
