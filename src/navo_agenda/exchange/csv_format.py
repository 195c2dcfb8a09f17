"""CSV for spreadsheets: one table per kind of record, safe to open.

The records are the export's (exchange/snapshot.py), flattened: topics become one cell
("iamd, space"), links to documents one cell ("kst-28676-440 (cites); dpap (related)"), and
each commitment's events rows of events.csv. A spreadsheet runs a cell that starts with =,
+, -, @, a tab or a carriage return as a formula (also after leading spaces), so such a cell
gets a leading apostrophe, which spreadsheets show as text (OWASP, "CSV injection"). Newlines
and quotes inside cells are CSV quoting; the files are UTF-8, with a byte order mark on
request (Excel reads UTF-8 without one as the local code page).

CSV is read, never imported, so an export of a selection holds the selected meetings only,
as `list` with the same filters shows them, and the documents their records cite: not the
meetings they sit within, which the JSON export adds (with the documents only those cite)
so that its file can be imported (Snapshot.context_meetings, context_documents).
"""

import csv
import io
from collections.abc import Iterator
from typing import Any

from navo_agenda.exchange.snapshot import Progress, Record, Snapshot

TABLES: dict[str, tuple[str, ...]] = {
    "meetings": (
        "slug", "kind", "title", "title_nl", "location", "starts_on", "ends_on", "time_note",
        "parent", "status", "summary", "outcome", "source", "source_quote", "external_uid",
        "documents", "created_at", "updated_at", "version",
    ),
    "agenda_items": (
        "meeting", "position", "section", "title", "summary", "dutch_position", "outcome",
        "topics", "source", "source_quote", "documents", "created_at", "updated_at", "version",
    ),
    "commitments": (
        "ref", "meeting", "item", "text", "actor", "kind", "due", "due_precision",
        "due_last_day", "amount", "currency", "status", "source", "source_quote", "documents",
        "created_at", "updated_at", "version",
    ),
    "events": (
        "commitment", "at", "from_status", "to_status", "note", "author", "source",
        "created_at", "updated_at", "version",
    ),
    "documents": (
        "slug", "kind", "identifier", "title", "dated", "url", "body", "created_at",
        "updated_at", "version",
    ),
}  # fmt: skip

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BATCH = 1_000  # rows between two steps of a progress bar


def file_name(table: str) -> str:
    return f"{table}.csv"


def cell(value: Any) -> str:
    """The text of a cell, neutralised if a spreadsheet would run it."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.startswith(FORMULA_STARTS) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def linked(record: Record) -> str:
    return "; ".join(f"{link['document']} ({link['relation']})" for link in record["documents"])


def rows(snapshot: Snapshot, table: str) -> Iterator[dict[str, Any]]:
    """The table's rows as column: value."""
    if table == "meetings":
        context = snapshot.context_meetings
        for r in snapshot.meetings:
            if r["slug"] not in context:
                yield {**r, "documents": linked(r)}
    elif table == "agenda_items":
        for r in snapshot.agenda_items:
            yield {**r, "topics": ", ".join(r["topics"]), "documents": linked(r)}
    elif table == "commitments":
        from navo_agenda.dates import PartialDate

        for r in snapshot.commitments:
            due = PartialDate.from_canonical(r["due"]) if r["due"] is not None else None
            yield {
                **r,
                "documents": linked(r),
                "due_precision": due.precision if due else None,
                "due_last_day": due.last_day.isoformat() if due else None,
            }
    elif table == "events":
        for r in snapshot.commitments:
            for event in r["events"]:
                yield {"commitment": r["ref"], **event}
    else:
        context = snapshot.context_documents
        for r in snapshot.documents:
            if r["slug"] not in context:
                yield r


def row_count(snapshot: Snapshot, table: str) -> int:
    """The rows `rows` gives for the table (without the snapshot's context records)."""
    if table == "events":
        return sum(len(r["events"]) for r in snapshot.commitments)
    if table == "meetings":
        return len(snapshot.meetings) - len(snapshot.context_meetings)
    if table == "documents":
        return len(snapshot.documents) - len(snapshot.context_documents)
    return len(getattr(snapshot, table))


def dump_table(
    snapshot: Snapshot, table: str, *, bom: bool = False, progress: Progress | None = None
) -> str:
    """One table as CSV text: a header row, then a row per record. `progress` is told of
    each batch of rows written; the caller has started it."""
    columns = TABLES[table]
    out = io.StringIO(newline="")
    if bom:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(columns)
    batch: list[list[str]] = []
    for row in rows(snapshot, table):
        batch.append([cell(row[column]) for column in columns])
        if len(batch) == BATCH:
            writer.writerows(batch)
            if progress is not None:
                progress.advance(len(batch))
            batch.clear()
    writer.writerows(batch)
    if progress is not None:
        progress.advance(len(batch))
    return out.getvalue()
