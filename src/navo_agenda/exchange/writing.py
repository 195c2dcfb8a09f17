"""The writing half of an import: new rows in bulk, changed rows updated, inside the caller's
transaction, once everything has been checked (exchange/importing.py).

New records get their ids here, in file order, and go in column by column: when every
record of a list is new (an import into an empty database) the columns are the very ones
the file was checked in (Snapshot.columns); a value worked out from a record (the id a key
names, a time as the database writes it) is a dict look-up mapped over a column, in C, not a
Python call per record. A large import has a page cache that holds what it writes and
rebuilds the search index once at the end; one that at least doubles the database also
builds its secondary indexes once at the end (store/bulk.py, store/search_index.py).
"""

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from itertools import chain, compress, repeat
from operator import is_, itemgetter
from typing import TYPE_CHECKING, Any

from navo_agenda.dates import PartialDate
from navo_agenda.exchange.counts import ImportCounts
from navo_agenda.exchange.resolving import Keys
from navo_agenda.exchange.snapshot import (
    BOOKKEEPING,
    CHUNK,
    COMMITMENT_FIELDS,
    DOCUMENT_FIELDS,
    EVENT_FIELDS,
    ITEM_FIELDS,
    MEETING_FIELDS,
    Columns,
    Progress,
    Record,
    Snapshot,
    columns_of,
    same,
)
from navo_agenda.store import bulk, search_index
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.connection import Database

if TYPE_CHECKING:
    from navo_agenda.exchange.importing import Plan

# From this many new or changed records on, rebuilding the search index once beats keeping
# it in step row by row (store/search_index.py).
BULK_RECORDS = 5_000
# The tables an import writes, and those whose rows it counts as records.
WRITTEN = (
    "document", "meeting", "meeting_document", "agenda_item", "agenda_item_topic",
    "agenda_item_document", "commitment", "commitment_document", "commitment_event",
)  # fmt: skip
COUNTED = ("document", "meeting", "agenda_item", "commitment", "commitment_event")

# Per table: the fields copied as they are from a record, then the columns worked out from
# it (ids of what its keys name, a due date's precision and last day).
MEETING_COPIED = (
    "kind", "title", "title_nl", "location", "starts_on", "ends_on", "time_note", "status",
    "summary", "outcome", "source_quote", "external_uid",
)  # fmt: skip
MEETING_COLUMNS = (*MEETING_COPIED, "parent_id", "source_id")
ITEM_COPIED = ("section", "title", "summary", "dutch_position", "outcome", "source_quote")
ITEM_COLUMNS = (*ITEM_COPIED, "source_id")
COMMITMENT_COPIED = (
    "text", "actor", "kind", "due", "amount", "currency", "status", "source_quote",
)  # fmt: skip
COMMITMENT_COLUMNS = (
    *COMMITMENT_COPIED, "meeting_id", "agenda_item_id", "due_precision", "due_end", "source_id",
)  # fmt: skip
EVENT_COPIED = ("at", "from_status", "to_status", "note", "author")
TOPICS, LINKS = ("topics",), ("documents",)  # a record's lists, compared on their own
LINKED, RELATION = itemgetter("document"), itemgetter("relation")
MEETING, PARENT = itemgetter("meeting"), itemgetter("parent")
KEYS = {
    "documents": (*DOCUMENT_FIELDS, *BOOKKEEPING),
    "meetings": (*MEETING_FIELDS, *BOOKKEEPING),
    "agenda_items": (*ITEM_FIELDS, *BOOKKEEPING),
    "commitments": (*COMMITMENT_FIELDS, *BOOKKEEPING),
    "events": (*EVENT_FIELDS, *BOOKKEEPING),
}

Row = tuple[Any, ...]


def highest_id(db: Database, table: str) -> int:
    return int(db.scalar(f"SELECT coalesce(max(id), 0) FROM {table}"))


def held(db: Database) -> int:
    """About how many records the database holds (the highest ids: one look-up each)."""
    return sum(highest_id(db, table) for table in COUNTED)


def variable_limit(db: Database) -> int:
    try:
        return int(db.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):  # pragma: no cover - other drivers
        return 999


def insert_columns(
    db: Database, table: str, columns: Columns, *, progress: Progress, counted: bool = True
) -> None:
    """New rows, given column by column (name: values), several rows per INSERT statement.
    Not one statement per row (executemany): the search index's triggers run either way,
    but SQLite's full-text index writes its pending terms out at the end of every
    statement, so one row per statement costs four times as much. The parameters of a
    statement are laid out row after row by slice assignment, one column at a time, with
    no tuple per row. The values go in as they are, worked out beforehand (see
    StoredTimes): an SQL expression in VALUES would be evaluated for every row. A column
    that no new row has a value for is left out, where the table's default is NULL anyway:
    binding a NULL costs the sqlite3 module more than binding a value does."""
    if not len(next(iter(columns.values()))):
        return
    columns = without_nulls(db, table, columns)
    names, values = tuple(columns), list(columns.values())
    total, width = len(values[0]), len(names)
    one = "(" + ", ".join("?" * width) + ")"
    head = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
    per = max(1, min(CHUNK, variable_limit(db) // width))
    full = head + ", ".join([one] * per)
    for start in range(0, total, per):
        end = min(start + per, total)
        parameters: list[Any] = [None] * ((end - start) * width)
        for number, column in enumerate(values):
            parameters[number::width] = column[start:end]
        sql = full if end - start == per else head + ", ".join([one] * (end - start))
        db.execute(sql, parameters)
        if counted:
            progress.advance(end - start)


def without_nulls(db: Database, table: str, columns: Columns) -> Columns:
    """`columns` less those that are NULL in every row and have no other default."""
    empty = [name for name, values in columns.items() if all(map(is_, values, repeat(None)))]
    if not empty:
        return columns
    defaults = {row["name"]: row["dflt_value"] for row in db.rows(f"PRAGMA table_info({table})")}
    left_out = {name for name in empty if defaults.get(name, "") is None}
    return {name: values for name, values in columns.items() if name not in left_out}


def spread(owners: Iterable[int], lists: Sequence[Sequence[Any]]) -> tuple[list[int], list[Any]]:
    """The values of every list (of topics, links, events), each with the id of the list's
    owner beside it: (owner ids, values)."""
    filled = list(filter(None, lists))  # most records have no links, many no topics
    repeated = chain.from_iterable(map(repeat, compress(owners, lists), map(len, filled)))
    return list(repeated), list(chain.from_iterable(filled))


class StoredTimes(dict[str | None, str]):
    """A file's times as the database writes them: RFC 3339 '2026-11-28T02:35:59Z' becomes
    '2026-11-28 02:35:59' (UTC, as CURRENT_TIMESTAMP); a time left out of the file becomes
    `now`, the database's CURRENT_TIMESTAMP. Each different time is converted once (a
    large file holds few): mapped over a column, a look-up is all a row costs."""

    def __init__(self, now: str) -> None:
        super().__init__({None: now})

    def __missing__(self, value: str | None) -> str:
        stored = self[value] = f"{str(value)[:10]} {str(value)[11:-1]}"
        return stored


def versions(column: Sequence[Any]) -> Sequence[int]:
    """The file's versions, 1 where it leaves one out (a new row starts at 1)."""
    return [version or 1 for version in column] if None in column else column


class Writer:
    """Writes what a Plan says, with the ids the Keys resolved; new rows get ids here."""

    def __init__(self, db: Database, snapshot: Snapshot, keys: Keys, progress: Progress) -> None:
        self.db, self.snapshot, self.keys, self.progress = db, snapshot, keys, progress
        self.meeting_ids: dict[str, int] = {}  # slug: id, new meetings too (once written)
        self.dues: dict[str | None, tuple[str | None, str | None]] = {None: (None, None)}
        self.times = StoredTimes("")

    def write(self, plan: "Plan") -> None:
        counts = plan.counts()
        self.progress.start("Importing", counts.added + counts.changed)
        self.times = StoredTimes(str(self.db.scalar("SELECT CURRENT_TIMESTAMP")))
        with self.bulk(counts):
            self.write_documents(plan)
            self.write_meetings(plan)
            self.write_items(plan)
            self.write_commitments(plan)
            self.write_events(plan)
            self.write_retired(plan)
            self.touch_meetings(plan)

    @contextmanager
    def bulk(self, counts: ImportCounts) -> Iterator[None]:
        """A large import with a page cache that holds what it writes, the search index
        rebuilt once at the end; one that adds at least as many records as the database
        holds, with its secondary indexes built once at the end too."""
        if counts.added + counts.changed < BULK_RECORDS:
            yield
            return
        with ExitStack() as stack:
            stack.enter_context(bulk.page_cache(self.db, counts.added + counts.changed))
            stack.enter_context(search_index.paused(self.db))
            if counts.added >= held(self.db):
                stack.enter_context(bulk.indexes_paused(self.db, WRITTEN))
            yield

    def write_retired(self, plan: "Plan") -> None:
        """The removed refs, so that this database never gives them out either."""
        if plan.retired:
            self.db.executemany(
                "INSERT INTO retired_ref (ref, retired_at) VALUES (?, ?)",
                [(record["ref"], self.times[record["retired_at"]]) for record in plan.retired],
            )
            self.progress.advance(len(plan.retired))

    def touch_meetings(self, plan: "Plan") -> None:
        """The meetings the database held whose calendar events show something that went
        (a commitment moved to another meeting, a meeting within it moved to another
        parent) or came with the file's older time (a new agenda item, commitment or
        meeting within it) are marked as changed now, their version aside: otherwise their
        events' stamps could stay or go back (store/meetings.touch_meetings)."""
        stored = self.keys.meetings  # slug: (id, parent's slug), as the database had them
        if not stored:
            return
        owners = set(map(MEETING, plan.new["agenda_items"]))
        owners.update(map(MEETING, plan.new["commitments"]))
        owners.update(map(PARENT, plan.new["meetings"]))
        owners.update(
            old["meeting"]
            for r, old in plan.changed["commitments"]
            if old["meeting"] != r["meeting"]
        )
        owners.update(
            old["parent"] for r, old in plan.changed["meetings"] if old["parent"] != r["parent"]
        )
        meeting_store.touch_meetings(
            self.db, [stored[slug][0] for slug in owners if slug in stored]
        )

    # -- helpers ------------------------------------------------------------------------------

    def next_id(self, table: str) -> int:
        return highest_id(self.db, table) + 1

    def all_new(self, kind: str, new: list[Record]) -> bool:
        """Whether every record of the list `kind` is new: `new` is then the list itself,
        in file order."""
        return len(new) == len(getattr(self.snapshot, kind))

    def columns(self, kind: str, new: list[Record]) -> Columns:
        """The new records of `kind` key by key: the file's own columns when all of its
        records are new, else read from the records."""
        columns = self.snapshot.columns
        if columns is not None and self.all_new(kind, new):
            return columns[kind]
        return columns_of(new, KEYS[kind])

    def kept(self, columns: Columns) -> Columns:
        """The bookkeeping of new rows: the file's, or the database's defaults."""
        times = self.times.__getitem__
        return {
            "created_at": list(map(times, columns["created_at"])),
            "updated_at": list(map(times, columns["updated_at"])),
            "version": versions(columns["version"]),
        }

    def due_of(self, text: str | None) -> tuple[str | None, str | None]:
        """A due date's precision and last day, worked out once per different due date."""
        found = self.dues.get(text)
        if found is None:
            due = PartialDate.from_canonical(str(text))
            found = self.dues[text] = (due.precision, due.last_day.isoformat())
        return found

    def due_columns(self, column: Sequence[str | None]) -> Columns:
        """The due dates' precisions and last days, as columns of new rows."""
        for text in set(column) - self.dues.keys():
            self.due_of(text)
        dues = list(map(self.dues.__getitem__, column))
        return {
            "due_precision": list(map(itemgetter(0), dues)),
            "due_end": list(map(itemgetter(1), dues)),
        }

    def insert(self, table: str, columns: Columns, *, counted: bool = True) -> None:
        insert_columns(self.db, table, columns, progress=self.progress, counted=counted)

    def update(
        self, table: str, columns: tuple[str, ...], rows: list[Row], changed: list[Record]
    ) -> None:
        """Each row (its values, then its id) with a version one higher than the
        database's and at least the file's, and a time now or the file's if that is later
        (a clock ahead of ours): two databases exchanging files then count the same changes
        and keep their times in order, as exchange/newer.py needs to tell an older copy."""
        assignments = ", ".join(f"{column} = ?" for column in columns)
        times = self.times.__getitem__
        marks = [(r["version"] or 0, times(r["updated_at"])) for r in changed]
        self.db.executemany(
            f"UPDATE {table} SET {assignments}, version = max(version + 1, ?),"
            " updated_at = max(updated_at, CURRENT_TIMESTAMP, ?) WHERE id = ?",
            [(*row[:-1], *mark, row[-1]) for row, mark in zip(rows, marks, strict=True)],
        )
        self.progress.advance(len(rows))

    def release(
        self, table: str, field: str, changed: list[tuple[Record, Record]], ids: dict[str, int]
    ) -> None:
        """Free the unique values that change hands first, so a swap cannot collide."""
        moving = [(ids[r["slug"]],) for r, old in changed if old[field] not in (None, r[field])]
        self.db.executemany(f"UPDATE {table} SET {field} = NULL WHERE id = ?", moving)

    def write_links(
        self,
        table: str,
        owner: str,
        new: tuple[Sequence[int], Sequence[list[Record]]],
        changed: list[tuple[int, Record, Record]],
    ) -> None:
        """The links of new records (their ids, their links), and of changed records whose
        links differ: those replace what the database had."""
        relinked = [(i, r["documents"]) for i, r, old in changed if not same(r, old, LINKS)]
        self.db.executemany(f"DELETE FROM {table} WHERE {owner} = ?", [(i,) for i, _ in relinked])
        for ids, lists in (new, ([i for i, _ in relinked], [links for _, links in relinked])):
            owners, links = spread(ids, lists)
            documents = map(self.keys.document_ids.__getitem__, map(LINKED, links))
            self.insert(
                table,
                {
                    owner: owners,
                    "document_id": list(documents),
                    "relation": list(map(RELATION, links)),
                },
                counted=False,
            )

    # -- the tables ---------------------------------------------------------------------------

    def write_documents(self, plan: "Plan") -> None:
        ids, new, changed = self.keys.document_ids, plan.new["documents"], plan.changed["documents"]
        first = self.next_id("document")
        c = self.columns("documents", new)
        new_ids = range(first, first + len(new))
        ids.update(zip(c["slug"], new_ids, strict=True))
        self.release("document", "identifier", changed, ids)
        copied = {key: c[key] for key in DOCUMENT_FIELDS}
        self.insert("document", {"id": new_ids, **copied, **self.kept(c)})
        data = itemgetter(*DOCUMENT_FIELDS[1:])
        changes = [(*data(r), ids[r["slug"]]) for r, _ in changed]
        self.update("document", DOCUMENT_FIELDS[1:], changes, [r for r, _ in changed])

    def write_meetings(self, plan: "Plan") -> None:
        new, changed = plan.new["meetings"], plan.changed["meetings"]
        ids = self.meeting_ids = {slug: found[0] for slug, found in self.keys.meetings.items()}
        first = self.next_id("meeting")
        c = self.columns("meetings", new)
        new_ids = range(first, first + len(new))
        ids.update(zip(c["slug"], new_ids, strict=True))
        documents = self.keys.document_ids
        self.release("meeting", "external_uid", changed, ids)
        columns: Columns = {
            "id": new_ids,
            "slug": c["slug"],
            **{key: c[key] for key in MEETING_COPIED},
            "parent_id": list(map(ids.get, c["parent"])),
            "source_id": list(map(documents.get, c["source"])),
            **self.kept(c),
        }
        self.insert("meeting", self.parents_first(columns))
        data = itemgetter(*MEETING_COPIED)
        self.update(
            "meeting",
            MEETING_COLUMNS,
            [
                (*data(r), ids.get(r["parent"]), documents.get(r["source"]), ids[r["slug"]])
                for r, _ in changed
            ],
            [r for r, _ in changed],
        )
        self.write_links(
            "meeting_document",
            "meeting_id",
            (new_ids, c["documents"]),
            [(ids[r["slug"]], r, old) for r, old in changed],
        )

    def parents_first(self, columns: Columns) -> Columns:
        """New meetings reordered so that a meeting comes after the one it sits within:
        foreign keys are checked per statement."""
        depth: dict[str, int] = {}
        stored = self.keys.meetings
        for slug in columns["slug"]:
            trail: list[str] = []
            current: str | None = slug
            while current is not None and current not in depth and current not in stored:
                trail.append(current)
                current = self.keys.parent_of(current)
            level = -1 if current is None or current in stored else depth[current]
            for each in reversed(trail):
                level += 1
                depth[each] = level
        if not any(depth.values()):
            return columns
        levels = list(map(depth.__getitem__, columns["slug"]))
        order = sorted(range(len(levels)), key=levels.__getitem__)
        return {name: list(map(values.__getitem__, order)) for name, values in columns.items()}

    def write_items(self, plan: "Plan") -> None:
        new, changed = plan.new["agenda_items"], plan.changed["agenda_items"]
        ids, documents = self.keys.item_ids, self.keys.document_ids
        first = self.next_id("agenda_item")
        c = self.columns("agenda_items", new)
        new_ids = range(first, first + len(new))
        if self.all_new("agenda_items", new):  # the file's keys are theirs, in order
            ids.update(zip(self.keys.file_items, new_ids, strict=True))
        else:
            ids.update(zip(zip(c["meeting"], c["position"], strict=True), new_ids, strict=True))
        self.insert(
            "agenda_item",
            {
                "id": new_ids,
                "meeting_id": list(map(self.meeting_ids.__getitem__, c["meeting"])),
                "position": c["position"],
                **{key: c[key] for key in ITEM_COPIED},
                "source_id": list(map(documents.get, c["source"])),
                **self.kept(c),
            },
        )
        data = itemgetter(*ITEM_COPIED)
        owned = [(ids[(r["meeting"], r["position"])], r, old) for r, old in changed]
        self.update(
            "agenda_item",
            ITEM_COLUMNS,
            [(*data(r), documents.get(r["source"]), i) for i, r, _ in owned],
            [r for _, r, _ in owned],
        )
        retagged = [(i, r["topics"]) for i, r, old in owned if not same(r, old, TOPICS)]
        self.db.executemany(
            "DELETE FROM agenda_item_topic WHERE agenda_item_id = ?", [(i,) for i, _ in retagged]
        )
        again = ([i for i, _ in retagged], [topics for _, topics in retagged])
        for owners, lists in ((new_ids, c["topics"]), again):
            item_ids, topics = spread(owners, lists)
            self.insert(
                "agenda_item_topic", {"agenda_item_id": item_ids, "topic": topics}, counted=False
            )
        self.write_links("agenda_item_document", "agenda_item_id", (new_ids, c["documents"]), owned)

    def write_commitments(self, plan: "Plan") -> None:
        new, changed = plan.new["commitments"], plan.changed["commitments"]
        ids, documents = self.keys.commitment_ids, self.keys.document_ids
        first = self.next_id("commitment")
        c = self.columns("commitments", new)
        new_ids = range(first, first + len(new))
        ids.update(zip(c["ref"], new_ids, strict=True))
        items = self.keys.item_ids
        self.insert(
            "commitment",
            {
                "id": new_ids,
                "ref": c["ref"],
                **{key: c[key] for key in COMMITMENT_COPIED},
                "meeting_id": list(map(self.meeting_ids.__getitem__, c["meeting"])),
                "agenda_item_id": [
                    None if item is None else items[(meeting, item)]
                    for meeting, item in zip(c["meeting"], c["item"], strict=True)
                ],
                **self.due_columns(c["due"]),
                "source_id": list(map(documents.get, c["source"])),
                **self.kept(c),
            },
        )
        data = itemgetter(*COMMITMENT_COPIED)
        self.update(
            "commitment",
            COMMITMENT_COLUMNS,
            [
                (
                    *data(r),
                    self.meeting_ids[r["meeting"]],
                    None if r["item"] is None else items[(r["meeting"], r["item"])],
                    *self.due_of(r["due"]),
                    documents.get(r["source"]),
                    ids[r["ref"]],
                )
                for r, _ in changed
            ],
            [r for r, _ in changed],
        )
        self.write_links(
            "commitment_document",
            "commitment_id",
            (new_ids, c["documents"]),
            [(ids[r["ref"]], r, old) for r, old in changed],
        )

    def write_events(self, plan: "Plan") -> None:
        """The events the database does not have yet, after their commitments' own."""
        ids = self.keys.commitment_ids
        owners, events = spread(
            [ids[ref] for ref, _ in plan.events], [events for _, events in plan.events]
        )
        c = columns_of(events, KEYS["events"])
        self.insert(
            "commitment_event",
            {
                "commitment_id": owners,
                **{key: c[key] for key in EVENT_COPIED},
                "source_id": list(map(self.keys.document_ids.get, c["source"])),
                **self.kept(c),
            },
        )
