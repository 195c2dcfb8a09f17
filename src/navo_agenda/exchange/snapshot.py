"""The store as plain records, and plain records back into the store.

A record is a dict in the shape of the export format (docs/export.md): keys instead of ids
(document and meeting slugs, commitment refs, an agenda item's meeting and position), dates
as ISO text, a due date as its canonical partial date, an amount as a decimal string, the
bookkeeping of every row (created_at, updated_at, version) with it. JSON and CSV are
renderings of the same records, so they cannot disagree about what a record holds.

A snapshot read from a file also has its lists key by key (Snapshot.columns), as the
checks left them: importing (exchange/importing.py) resolves and checks everything against
the database, raising BadFile before the first write, then writes in bulk inside the
caller's transaction, column by column where it can (exchange/resolving.py, writing.py).
"""

from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from itertools import chain
from operator import itemgetter
from typing import Any, NamedTuple, Protocol

from navo_agenda.amounts import canonical
from navo_agenda.errors import BadFile
from navo_agenda.exchange.selection import Selection, selected_meetings
from navo_agenda.store.connection import Database, Row

Record = dict[str, Any]
Columns = dict[str, Sequence[Any]]  # key: the value of every record of a list, in order

BOOKKEEPING = ("created_at", "updated_at", "version")
DOCUMENT_FIELDS = ("slug", "kind", "identifier", "title", "dated", "url", "body")
MEETING_FIELDS = (
    "slug", "kind", "title", "title_nl", "location", "starts_on", "ends_on", "time_note",
    "parent", "status", "summary", "outcome", "source", "source_quote", "external_uid",
    "documents",
)  # fmt: skip
ITEM_FIELDS = (
    "meeting", "position", "section", "title", "summary", "dutch_position", "outcome",
    "topics", "source", "source_quote", "documents",
)  # fmt: skip
COMMITMENT_FIELDS = (
    "ref", "meeting", "item", "text", "actor", "kind", "due", "amount", "currency", "status",
    "source", "source_quote", "documents",
)  # fmt: skip
EVENT_FIELDS = ("at", "from_status", "to_status", "note", "author", "source")
LINK_FIELDS = ("document", "relation")
RETIRED_FIELDS = ("ref", "retired_at")

CHUNK = 500  # keys per IN (...) list


class Snapshot(NamedTuple):
    """Records in export order: documents, meetings and commitments by key, items by meeting
    and position; a commitment carries its events, oldest first."""

    selection: Record | None
    documents: list[Record]
    meetings: list[Record]
    agenda_items: list[Record]
    commitments: list[Record]
    # The same lists key by key, when the reader has them at hand (json_format checks a
    # file column by column): a large import works with columns.
    columns: dict[str, Columns] | None = None
    # The records an export of a selection holds only so that the file can be imported: the
    # meetings the selected ones sit within (slugs) and the documents only those cite. JSON
    # writes them; CSV, which is not imported, leaves them out (csv_format.py).
    context_meetings: frozenset[str] = frozenset()
    context_documents: frozenset[str] = frozenset()
    # The refs of removed commitments, which the database never gives out again (a copy of
    # it must not either): {"ref", "retired_at"}, by ref.
    retired: Sequence[Record] = ()

    def column(self, kind: str, key: str) -> Sequence[Any]:
        """The value of `key` of every record of the list `kind` ("meetings"), in order."""
        if self.columns is not None:
            return self.columns[kind][key]
        return list(map(itemgetter(key), getattr(self, kind)))

    def record_count(self) -> int:
        events = sum(len(record["events"]) for record in self.commitments)
        return (
            len(self.documents)
            + len(self.meetings)
            + len(self.agenda_items)
            + len(self.commitments)
            + events
            + len(self.retired)
        )


def columns_of(records: Sequence[Record], keys: Sequence[str]) -> Columns:
    """Records key by key, in one pass over them."""
    if not records:
        return dict.fromkeys(keys, ())
    if len(keys) == 1:
        return {keys[0]: list(map(itemgetter(keys[0]), records))}
    return dict(zip(keys, zip(*map(itemgetter(*keys), records), strict=True), strict=True))


class Progress(Protocol):
    """Told how far a long export or import is; the CLI may draw it."""

    def start(self, label: str, total: int) -> None: ...

    def advance(self, count: int) -> None: ...


class NoProgress:
    def start(self, label: str, total: int) -> None:
        pass

    def advance(self, count: int) -> None:
        pass


# -- reading -----------------------------------------------------------------------------------


def stamp(value: Any) -> Any:
    """SQLite's CURRENT_TIMESTAMP text ('2026-11-28 02:35:59', UTC) as RFC 3339."""
    if isinstance(value, str) and len(value) >= 19 and value[10] == " ":
        return f"{value[:10]}T{value[11:]}Z"
    return value


def stored_stamp(value: str | None) -> str | None:
    """The inverse of stamp(), for a value the parser has checked."""
    return None if value is None else f"{value[:10]} {value[11:-1]}"


def decimal_text(value: Any) -> Any:
    if value is None:
        return None
    try:
        return canonical(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)


def fetch(
    db: Database, sql: str, column: str | None = None, values: Collection[Any] | None = None
) -> list[Row]:
    """The rows of `sql` (which has a {where} slot): all of them, or those whose `column` is
    one of `values`, asked for in chunks."""
    if values is None:
        return db.rows(sql.format(where="1 = 1"))
    listed = list(values)
    found: list[Row] = []
    for start in range(0, len(listed), CHUNK):
        part = listed[start : start + CHUNK]
        found += db.rows(sql.format(where=f"{column} IN ({', '.join('?' * len(part))})"), part)
    return found


def links(db: Database, table: str, owner: str, ids: list[int] | None) -> dict[int, list[Record]]:
    rows = fetch(
        db,
        f"SELECT l.{owner}, d.slug, l.relation FROM {table} l"
        " JOIN document d ON d.id = l.document_id"
        f" WHERE {{where}} ORDER BY l.{owner}, d.slug, l.relation",
        f"l.{owner}",
        ids,
    )
    found: dict[int, list[Record]] = {}
    for row in rows:
        found.setdefault(row[0], []).append({"document": row[1], "relation": row[2]})
    return found


def read_documents(
    db: Database, column: str | None = None, values: Collection[Any] | None = None
) -> list[Record]:
    rows = fetch(
        db,
        "SELECT slug, kind, identifier, title, dated, url, body, created_at, updated_at, version"
        " FROM document WHERE {where} ORDER BY slug",
        column,
        values,
    )
    records = [
        {
            "slug": r[0], "kind": r[1], "identifier": r[2], "title": r[3], "dated": r[4],
            "url": r[5], "body": r[6], "created_at": stamp(r[7]), "updated_at": stamp(r[8]),
            "version": r[9],
        }
        for r in rows
    ]  # fmt: skip
    if values is not None:
        records.sort(key=lambda record: record["slug"])
    return records


def read_meetings(
    db: Database, column: str | None = None, values: Collection[Any] | None = None
) -> list[Record]:
    rows = fetch(
        db,
        "SELECT m.id, m.slug, m.kind, m.title, m.title_nl, m.location, m.starts_on, m.ends_on,"
        " m.time_note, p.slug, m.status, m.summary, m.outcome, s.slug, m.source_quote,"
        " m.external_uid, m.created_at, m.updated_at, m.version"
        " FROM meeting m LEFT JOIN meeting p ON p.id = m.parent_id"
        " LEFT JOIN document s ON s.id = m.source_id WHERE {where} ORDER BY m.slug",
        column,
        values,
    )
    linked = links(db, "meeting_document", "meeting_id", ids_of(rows, values))
    records = [
        {
            "slug": r[1], "kind": r[2], "title": r[3], "title_nl": r[4], "location": r[5],
            "starts_on": r[6], "ends_on": r[7], "time_note": r[8], "parent": r[9],
            "status": r[10], "summary": r[11], "outcome": r[12], "source": r[13],
            "source_quote": r[14], "external_uid": r[15], "documents": linked.get(r[0], []),
            "created_at": stamp(r[16]), "updated_at": stamp(r[17]), "version": r[18],
        }
        for r in rows
    ]  # fmt: skip
    if values is not None:
        records.sort(key=lambda record: record["slug"])
    return records


def read_items(
    db: Database, column: str | None = None, values: Collection[Any] | None = None
) -> list[Record]:
    rows = fetch(
        db,
        "SELECT a.id, m.slug, a.position, a.section, a.title, a.summary, a.dutch_position,"
        " a.outcome, s.slug, a.source_quote, a.created_at, a.updated_at, a.version"
        " FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
        " LEFT JOIN document s ON s.id = a.source_id WHERE {where} ORDER BY m.slug, a.position",
        column,
        values,
    )
    ids = ids_of(rows, values)
    topics: dict[int, list[str]] = {}
    for row in fetch(
        db,
        "SELECT agenda_item_id, topic FROM agenda_item_topic WHERE {where}"
        " ORDER BY agenda_item_id, topic",
        "agenda_item_id",
        ids,
    ):
        topics.setdefault(row[0], []).append(row[1])
    linked = links(db, "agenda_item_document", "agenda_item_id", ids)
    records = [
        {
            "meeting": r[1], "position": r[2], "section": r[3], "title": r[4], "summary": r[5],
            "dutch_position": r[6], "outcome": r[7], "topics": topics.get(r[0], []),
            "source": r[8], "source_quote": r[9], "documents": linked.get(r[0], []),
            "created_at": stamp(r[10]), "updated_at": stamp(r[11]), "version": r[12],
        }
        for r in rows
    ]  # fmt: skip
    if values is not None:
        records.sort(key=lambda record: (record["meeting"], record["position"]))
    return records


def read_commitments(
    db: Database, column: str | None = None, values: Collection[Any] | None = None
) -> list[Record]:
    rows = fetch(
        db,
        "SELECT c.id, c.ref, m.slug, a.position, c.text, c.actor, c.kind, c.due, c.amount,"
        " c.currency, c.status, s.slug, c.source_quote, c.created_at, c.updated_at, c.version"
        " FROM commitment c JOIN meeting m ON m.id = c.meeting_id"
        " LEFT JOIN agenda_item a ON a.id = c.agenda_item_id"
        " LEFT JOIN document s ON s.id = c.source_id WHERE {where} ORDER BY c.ref",
        column,
        values,
    )
    ids = ids_of(rows, values)
    events: dict[int, list[Record]] = {}
    for e in fetch(
        db,
        "SELECT e.commitment_id, e.at, e.from_status, e.to_status, e.note, e.author, s.slug,"
        " e.created_at, e.updated_at, e.version FROM commitment_event e"
        " LEFT JOIN document s ON s.id = e.source_id WHERE {where}"
        " ORDER BY e.commitment_id, e.at, e.id",
        "e.commitment_id",
        ids,
    ):
        events.setdefault(e[0], []).append(
            {
                "at": e[1], "from_status": e[2], "to_status": e[3], "note": e[4],
                "author": e[5], "source": e[6], "created_at": stamp(e[7]),
                "updated_at": stamp(e[8]), "version": e[9],
            }
        )  # fmt: skip
    linked = links(db, "commitment_document", "commitment_id", ids)
    records = [
        {
            "ref": r[1], "meeting": r[2], "item": r[3], "text": r[4], "actor": r[5],
            "kind": r[6], "due": r[7], "amount": decimal_text(r[8]), "currency": r[9],
            "status": r[10], "source": r[11], "source_quote": r[12],
            "documents": linked.get(r[0], []), "created_at": stamp(r[13]),
            "updated_at": stamp(r[14]), "version": r[15], "events": events.get(r[0], []),
        }
        for r in rows
    ]  # fmt: skip
    if values is not None:
        records.sort(key=lambda record: record["ref"])
    return records


def ids_of(rows: list[Row], values: Collection[Any] | None) -> list[int] | None:
    """The ids to ask for the rows' topics, links or events: all of them (None) when the
    rows are the whole table."""
    return None if values is None else [row[0] for row in rows]


def citations(record: Record) -> Iterator[tuple[str, str]]:
    """(path within the record, document slug) for every document the record cites."""
    if record["source"] is not None:
        yield ".source", record["source"]
    for number, link in enumerate(record["documents"]):
        yield f".documents[{number}].document", link["document"]
    for number, event in enumerate(record.get("events", ())):
        if event["source"] is not None:
            yield f".events[{number}].source", event["source"]


def selection_record(selection: Selection) -> Record | None:
    if selection.everything:
        return None
    return {
        "meeting": selection.meeting.strip().lower() if selection.meeting else None,
        "kinds": list(selection.kinds),
        "from": selection.start.canonical() if selection.start else None,
        "to": selection.end.canonical() if selection.end else None,
    }


def export_snapshot(db: Database, selection: Selection, *, today: date) -> Snapshot:
    """The whole store, or the selected meetings with what they need to stand on their own:
    the meetings they sit within (up to the top), their items, commitments and events, and
    every document any of these records cites. The meetings they sit within, and documents
    cited by those alone, are marked as context (Snapshot.context_meetings and
    context_documents)."""
    retired = read_retired(db)
    if selection.everything:
        return Snapshot(
            None,
            read_documents(db),
            read_meetings(db),
            read_items(db),
            read_commitments(db),
            retired=retired,
        )
    chosen = [row.slug for row in selected_meetings(db, selection, today=today)]
    core = [row[0] for row in fetch(db, "SELECT id FROM meeting WHERE {where}", "slug", chosen)]
    wanted = set(core)
    frontier: set[int] = set(core)
    while frontier:
        parents = fetch(db, "SELECT parent_id FROM meeting WHERE {where}", "id", frontier)
        frontier = {row[0] for row in parents if row[0] is not None} - wanted
        wanted |= frontier
    meetings = read_meetings(db, "m.id", wanted)
    items = read_items(db, "a.meeting_id", core)
    commitments = read_commitments(db, "c.meeting_id", core)
    selected = set(chosen)
    chosen_meetings = [record for record in meetings if record["slug"] in selected]
    context = [record for record in meetings if record["slug"] not in selected]
    cited = {
        slug
        for record in chain(chosen_meetings, items, commitments)
        for _, slug in citations(record)
    }
    context_cited = {slug for record in context for _, slug in citations(record)}
    return Snapshot(
        selection_record(selection),
        read_documents(db, "slug", cited | context_cited),
        meetings,
        items,
        commitments,
        context_meetings=frozenset(record["slug"] for record in context),
        context_documents=frozenset(context_cited - cited),
        retired=retired,
    )


def read_retired(db: Database, values: Collection[str] | None = None) -> list[Record]:
    """Every removed commitment's ref (or those of `values`): an export of a part of the
    store carries them all too, as none of them may come back in the database it is
    imported into."""
    rows = fetch(
        db, "SELECT ref, retired_at FROM retired_ref WHERE {where} ORDER BY ref", "ref", values
    )
    return [{"ref": row[0], "retired_at": stamp(row[1])} for row in rows]


def same(file_record: Record, stored: Record, fields: Iterable[str]) -> bool:
    """Equal in content: bookkeeping aside, and lists of topics and links in any order."""
    for field in fields:
        ours, theirs = file_record[field], stored[field]
        if field == "topics":
            ours = sorted(ours)
        elif field == "documents":
            ours = sorted(ours, key=link_key)
        if ours != theirs:
            return False
    return True


def link_key(link: Record) -> tuple[str, str]:
    return link["document"], link["relation"]


def problem(name: str, path: str, message: str) -> BadFile:
    return BadFile(f"{name}: {path}: {message}")


def shown(value: Any, limit: int = 60) -> str:
    """A value for an error message: quoted, and cut short (a file may hold 50 MB in one)."""
    text = repr(value[:limit] if isinstance(value, str) else value)
    return text if len(text) <= limit else text[: limit - 1] + "…'"
