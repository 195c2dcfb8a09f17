"""Records into the store: an import, all or nothing.

First every key the file names is resolved against the file and the database, and what the
schema cannot check is checked (references, cycles of meetings, gaps in agenda positions,
values unique in the database, history that would be rewritten), raising BadFile before the
first write. Then the records are written in bulk inside the caller's transaction: records
that are new get ids assigned here and go in several rows per INSERT statement; records that
differ are updated (version + 1); records that are equal are left alone.
"""

import sqlite3
from collections.abc import Collection
from contextlib import nullcontext
from datetime import date
from itertools import chain, count, repeat
from operator import itemgetter, sub
from typing import Any

from navo_agenda.dates import PartialDate
from navo_agenda.errors import BadFile
from navo_agenda.exchange.counts import ImportCounts
from navo_agenda.exchange.snapshot import (
    BOOKKEEPING,
    CHUNK,
    COMMITMENT_FIELDS,
    DOCUMENT_FIELDS,
    EVENT_IDENTITY,
    ITEM_FIELDS,
    MEETING_FIELDS,
    NoProgress,
    Progress,
    Record,
    Snapshot,
    citations,
    fetch,
    problem,
    read_commitments,
    read_documents,
    read_items,
    read_meetings,
    same,
    shown,
)
from navo_agenda.store import search_index
from navo_agenda.store.connection import Database

# From this many new or changed records on, rebuilding the search index once beats keeping
# it in step row by row (store/search_index.py).
BULK_RECORDS = 5_000


def import_snapshot(
    db: Database, snapshot: Snapshot, *, name: str, progress: Progress | None = None
) -> ImportCounts:
    """Upsert every record by its key, in the caller's write transaction. Everything is
    checked against the database first; a BadFile names the file and the record."""
    return Importer(db, snapshot, name).run(progress or NoProgress())


def variable_limit(db: Database) -> int:
    try:
        return int(db.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER))
    except (AttributeError, sqlite3.Error):  # pragma: no cover - other drivers
        return 999


STORED_TIME = "coalesce(replace(rtrim(?, 'Z'), 'T', ' '), CURRENT_TIMESTAMP)"
VALUE = {"created_at": STORED_TIME, "updated_at": STORED_TIME, "version": "coalesce(?, 1)"}


def insert_rows(
    db: Database,
    table: str,
    columns: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    *,
    progress: Progress,
    counted: bool = True,
) -> None:
    """Several rows per INSERT statement. Not one statement per row (executemany): the
    search index's triggers run either way, but SQLite's full-text index writes its pending
    terms out at the end of every statement, so one row per statement costs four times as
    much. Times go in as the database writes them ('2026-11-28 02:35:59', converted by SQLite
    from the file's RFC 3339); bookkeeping left out of a file gets the database's defaults."""
    if not rows:
        return
    one = "(" + ", ".join(VALUE.get(column, "?") for column in columns) + ")"
    head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
    per = max(1, min(CHUNK, variable_limit(db) // len(columns)))
    full = head + ", ".join([one] * per)
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        sql = full if len(part) == per else head + ", ".join([one] * len(part))
        db.execute(sql, list(chain.from_iterable(part)))
        if counted:
            progress.advance(len(part))


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
KEPT = itemgetter(*BOOKKEEPING)
SLUG = itemgetter("slug")
ITEM_KEY = itemgetter("meeting", "position")
LINKS = itemgetter("documents")
LINKED = itemgetter("document")
EVENTS = itemgetter("events")
ITEM_OF = itemgetter("meeting", "item")


class Plan:
    """What an import will do: per kind of record, the new ones and the changed ones (with
    what the database holds now); the rest is unchanged."""

    def __init__(self) -> None:
        self.new: dict[str, list[Record]] = {}
        self.changed: dict[str, list[tuple[Record, Record]]] = {}
        self.events: list[tuple[str, list[Record]]] = []  # (ref, events to append)
        self.unchanged = 0

    def sort(self, kind: str, records: list[Record], stored: dict[Any, Record], key: Any) -> None:
        fields = FIELDS[kind][1:] if kind != "agenda_items" else FIELDS[kind][2:]
        self.new[kind], self.changed[kind] = [], []
        if not stored:
            self.new[kind] = list(records)
            return
        for record in records:
            old = stored.get(key(record))
            if old is None:
                self.new[kind].append(record)
            elif same(record, old, fields):
                self.unchanged += 1
            else:
                self.changed[kind].append((record, old))

    def counts(self) -> ImportCounts:
        added = sum(map(len, self.new.values())) + sum(len(events) for _, events in self.events)
        return ImportCounts(added, sum(map(len, self.changed.values())), self.unchanged)


FIELDS = {
    "documents": DOCUMENT_FIELDS,
    "meetings": MEETING_FIELDS,
    "agenda_items": ITEM_FIELDS,
    "commitments": COMMITMENT_FIELDS,
}


class Importer:
    """One import: resolve every key against the file and the database and check what the
    schema cannot (raising BadFile, before any write), then write."""

    def __init__(self, db: Database, snapshot: Snapshot, name: str) -> None:
        self.db, self.snapshot, self.name = db, snapshot, name
        s = snapshot
        self.file_documents = dict(zip(map(SLUG, s.documents), count()))
        self.file_meetings = dict(zip(map(SLUG, s.meetings), count()))
        self.file_items = dict(zip(map(ITEM_KEY, s.agenda_items), count()))
        # What the database holds under the keys the file names.
        self.document_ids: dict[str, int] = {}
        self.meetings: dict[str, tuple[int, str | None]] = {}  # slug: (id, parent's slug)
        self.item_ids: dict[tuple[str, int], int] = {}
        self.commitment_ids: dict[str, int] = {}
        self.meeting_ids: dict[str, int] = {}  # slug: id, new meetings too (once written)
        self.due: dict[str, PartialDate] = {}

    def fail(self, path: str, message: str) -> BadFile:
        return problem(self.name, path, message)

    def run(self, progress: Progress) -> ImportCounts:
        self.resolve_documents()
        self.resolve_meetings()
        self.resolve_items()
        self.commitment_ids = {
            row[0]: row[1]
            for row in fetch(
                self.db,
                "SELECT ref, id FROM commitment WHERE {where}",
                "ref",
                [r["ref"] for r in self.snapshot.commitments],
            )
        }
        plan = self.compare()
        self.write(plan, progress)
        return plan.counts()

    # -- resolving ----------------------------------------------------------------------------

    def resolve_documents(self) -> None:
        s = self.snapshot
        records = {
            "meetings": s.meetings,
            "agenda_items": s.agenda_items,
            "commitments": s.commitments,
        }
        listed = list(chain(*records.values()))
        cited = set(map(itemgetter("source"), listed))
        cited.update(map(LINKED, chain.from_iterable(filter(None, map(LINKS, listed)))))
        cited.update(map(itemgetter("source"), chain.from_iterable(map(EVENTS, s.commitments))))
        cited.discard(None)
        self.document_ids = {
            row[0]: row[1]
            for row in fetch(
                self.db,
                "SELECT slug, id FROM document WHERE {where}",
                "slug",
                cited | self.file_documents.keys(),
            )
        }
        missing = cited - self.file_documents.keys() - self.document_ids.keys()
        for kind, listed in records.items():
            for number, record in enumerate(listed if missing else ()):
                for where, slug in citations(record):
                    if slug in missing:
                        raise self.fail(
                            f"$.{kind}[{number}]{where}",
                            f"no document {shown(slug)}, neither in the file nor in the database",
                        )
        self.check_unique("documents", "identifier", "document", self.file_documents)

    def check_unique(self, kind: str, field: str, table: str, in_file: dict[str, int]) -> None:
        """A value unique in the database (a document's identifier, a meeting's calendar
        UID) that the file gives to one record must not stay with another."""
        owners = {r[field]: r["slug"] for r in getattr(self.snapshot, kind) if r[field] is not None}
        for value, owner in fetch(
            self.db, f"SELECT {field}, slug FROM {table} WHERE {{where}}", field, owners
        ):
            slug = owners[value]
            if owner != slug and owner not in in_file:
                raise self.fail(
                    f"$.{kind}[{in_file[slug]}].{field}",
                    f"{shown(value)} is already the {field} of {table} {owner} in the database",
                )

    def load_meetings(self, slugs: Collection[str]) -> None:
        for row in fetch(
            self.db,
            "SELECT m.slug, m.id, p.slug FROM meeting m LEFT JOIN meeting p ON p.id = m.parent_id"
            " WHERE {where}",
            "m.slug",
            slugs,
        ):
            self.meetings[row[0]] = (row[1], row[2])

    def resolve_meetings(self) -> None:
        s = self.snapshot
        uses = {
            "meetings": ("parent", s.meetings),
            "agenda_items": ("meeting", s.agenda_items),
            "commitments": ("meeting", s.commitments),
        }
        named = set(chain.from_iterable(map(itemgetter(f), rs) for f, rs in uses.values()))
        named.discard(None)
        self.load_meetings(named | self.file_meetings.keys())
        missing = named - self.file_meetings.keys() - self.meetings.keys()
        for kind, (field, listed) in uses.items():
            for number, record in enumerate(listed if missing else ()):
                if record[field] in missing:
                    raise self.fail(
                        f"$.{kind}[{number}].{field}",
                        f"no meeting {shown(record[field])}, neither in the file nor in the"
                        " database",
                    )
        # The database's meetings above these, to see whether the file closes a circle.
        asked = set(self.meetings)
        while pending := {p for _, p in self.meetings.values() if p is not None} - asked:
            asked |= pending
            self.load_meetings(pending)
        self.check_cycles()
        self.check_unique("meetings", "external_uid", "meeting", self.file_meetings)

    def parent_of(self, slug: str) -> str | None:
        number = self.file_meetings.get(slug)
        if number is not None:
            parent: str | None = self.snapshot.meetings[number]["parent"]
            return parent
        found = self.meetings.get(slug)
        return None if found is None else found[1]

    def check_cycles(self) -> None:
        done: set[str] = set()
        for record in self.snapshot.meetings:
            if record["parent"] is None:
                continue
            trail: dict[str, int] = {}
            current: str | None = record["slug"]
            while current is not None and current not in done:
                if current in trail:
                    circle = [*list(trail)[trail[current] :], current]
                    culprit = next(slug for slug in circle if slug in self.file_meetings)
                    raise self.fail(
                        f"$.meetings[{self.file_meetings[culprit]}].parent",
                        f"{culprit} would sit within itself: {' → '.join(circle)}",
                    )
                trail[current] = len(trail)
                current = self.parent_of(current)
            done |= trail.keys()

    def resolve_items(self) -> None:
        s = self.snapshot
        touched = set(map(itemgetter("meeting"), s.agenda_items))
        cited = {key for key in map(ITEM_OF, s.commitments) if key[1] is not None}
        named = touched | {meeting for meeting, _ in cited}
        ids = {self.meetings[m][0]: m for m in named if m in self.meetings}
        for meeting_id, position, item_id in fetch(
            self.db,
            "SELECT meeting_id, position, id FROM agenda_item WHERE {where}",
            "meeting_id",
            ids,
        ):
            self.item_ids[(ids[meeting_id], position)] = item_id
        missing = cited - self.file_items.keys() - self.item_ids.keys()
        for number, record in enumerate(s.commitments if missing else ()):
            if (record["meeting"], record["item"]) in missing:
                raise self.fail(
                    f"$.commitments[{number}].item",
                    f"{record['meeting']} has no agenda item {record['item']}, neither in the file"
                    " nor in the database",
                )
        # Positions run 1..n within a meeting: the file may not leave a gap.
        taken = self.file_items.keys() | {key for key in self.item_ids if key[0] in touched}
        meetings, positions = zip(*taken, strict=True) if taken else ((), ())
        before = set(zip(meetings, map(sub, positions, repeat(1)), strict=True))
        gaps = {(meeting, position) for meeting, position in before - taken if position}
        if gaps:
            meeting, gap = min(gaps)
            number = min(n for (m, p), n in self.file_items.items() if m == meeting and p > gap)
            raise self.fail(
                f"$.agenda_items[{number}].position",
                f"{meeting} would have no agenda item {gap}: a meeting's items are numbered"
                " 1, 2, 3… without gaps",
            )

    # -- comparing ----------------------------------------------------------------------------

    def compare(self) -> Plan:
        s, db, plan = self.snapshot, self.db, Plan()
        known = [self.document_ids[d] for d in self.file_documents if d in self.document_ids]
        documents = {r["slug"]: r for r in read_documents(db, "id", known)}
        plan.sort("documents", s.documents, documents, lambda r: r["slug"])
        known = [self.meetings[m][0] for m in self.file_meetings if m in self.meetings]
        meetings = {r["slug"]: r for r in read_meetings(db, "m.id", known)}
        plan.sort("meetings", s.meetings, meetings, lambda r: r["slug"])
        known = [self.item_ids[key] for key in self.file_items if key in self.item_ids]
        items = {(r["meeting"], r["position"]): r for r in read_items(db, "a.id", known)}
        plan.sort("agenda_items", s.agenda_items, items, lambda r: (r["meeting"], r["position"]))
        commitments = {
            r["ref"]: r for r in read_commitments(db, "c.id", list(self.commitment_ids.values()))
        }
        plan.sort("commitments", s.commitments, commitments, lambda r: r["ref"])
        for number, record in enumerate(s.commitments):
            old = commitments.get(record["ref"])
            events = record["events"] if old is None else self.appended(number, record, old)
            plan.unchanged += len(record["events"]) - len(events)
            if events:
                plan.events.append((record["ref"], events))
        return plan

    def appended(self, number: int, record: Record, old: Record) -> list[Record]:
        """The file's events the database does not have yet: its history must begin with
        the database's, event for event, and may only go on from there."""
        ours, theirs, ref = record["events"], old["events"], record["ref"]
        for index, (mine, stored) in enumerate(zip(ours, theirs, strict=False)):
            if any(mine[field] != stored[field] for field in EVENT_IDENTITY):
                change = f"{stored['at']}: {stored['from_status'] or 'new'} → {stored['to_status']}"
                raise self.fail(
                    f"$.commitments[{number}].events[{index}]",
                    f"differs from event {index + 1} of {ref} in the database ({change},"
                    f" recorded {stored['created_at']}); history is only ever added to,"
                    " never rewritten",
                )
        if len(ours) < len(theirs) and theirs[-1]["to_status"] != record["status"]:
            raise self.fail(
                f"$.commitments[{number}].status",
                f"{ref} is {theirs[-1]['to_status']!r} in the database, after"
                f" {len(theirs) - len(ours)} status change(s) this file does not have; history"
                " is only ever added to, never rewritten",
            )
        appended: list[Record] = ours[len(theirs) :]
        return appended

    # -- writing ------------------------------------------------------------------------------

    def next_id(self, table: str) -> int:
        return int(self.db.scalar(f"SELECT coalesce(max(id), 0) FROM {table}")) + 1

    def write(self, plan: Plan, progress: Progress) -> None:
        counts = plan.counts()
        progress.start("Importing", counts.added + counts.changed)
        # A large import re-indexes for search once at the end instead of row by row.
        bulk = counts.added + counts.changed >= BULK_RECORDS
        with search_index.paused(self.db) if bulk else nullcontext():
            self.write_documents(plan, progress)
            self.write_meetings(plan, progress)
            self.write_items(plan, progress)
            self.write_commitments(plan, progress)

    def update(self, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        self.db.executemany(
            f"UPDATE {table} SET {assignments}, version = version + 1,"
            " updated_at = CURRENT_TIMESTAMP WHERE id = ?",
            rows,
        )

    def release(
        self, table: str, field: str, changed: list[tuple[Record, Record]], ids: dict[str, int]
    ) -> None:
        """Free the unique values that change hands first, so a swap cannot collide."""
        moving = [(ids[r["slug"]],) for r, old in changed if old[field] not in (None, r[field])]
        self.db.executemany(f"UPDATE {table} SET {field} = NULL WHERE id = ?", moving)

    def write_links(
        self, table: str, owner: str, records: list[tuple[int, Record]], replace: list[int]
    ) -> None:
        self.db.executemany(f"DELETE FROM {table} WHERE {owner} = ?", [(i,) for i in replace])
        documents = self.document_ids
        rows = [
            (owner_id, documents[link["document"]], link["relation"])
            for owner_id, record in records
            for link in record["documents"]
        ]
        self.db.executemany(
            f"INSERT INTO {table} ({owner}, document_id, relation) VALUES (?, ?, ?)", rows
        )

    def write_documents(self, plan: Plan, progress: Progress) -> None:
        ids, new, changed = self.document_ids, plan.new["documents"], plan.changed["documents"]
        first = self.next_id("document")
        ids.update(zip(map(SLUG, new), count(first)))
        self.release("document", "identifier", changed, ids)
        data = itemgetter(*DOCUMENT_FIELDS)
        insert_rows(
            self.db,
            "document",
            ("id", *DOCUMENT_FIELDS, *BOOKKEEPING),
            [(first + n, *data(r), *KEPT(r)) for n, r in enumerate(new)],
            progress=progress,
        )
        data = itemgetter(*DOCUMENT_FIELDS[1:], "slug")
        self.update("document", DOCUMENT_FIELDS[1:], [data(r) for r, _ in changed])
        progress.advance(len(changed))

    def write_meetings(self, plan: Plan, progress: Progress) -> None:
        new, changed = plan.new["meetings"], plan.changed["meetings"]
        ids = self.meeting_ids = {slug: found[0] for slug, found in self.meetings.items()}
        first = self.next_id("meeting")
        ids.update(zip(map(SLUG, new), count(first)))
        documents, data = self.document_ids, itemgetter(*MEETING_COPIED)

        def values(r: Record) -> tuple[Any, ...]:
            return (*data(r), ids.get(r["parent"]), documents.get(r["source"]))

        self.release("meeting", "external_uid", changed, ids)
        rows = [(first + n, r["slug"], *values(r), *KEPT(r)) for n, r in enumerate(new)]
        # Parents before the meetings within them: foreign keys are checked per statement.
        depth: dict[str, int] = {}
        for record in new:
            trail, current = [], record["slug"]
            while current is not None and current not in depth and current not in self.meetings:
                trail.append(current)
                current = self.parent_of(current)
            level = -1 if current is None or current in self.meetings else depth[current]
            for slug in reversed(trail):
                level += 1
                depth[slug] = level
        if any(depth.values()):
            rows.sort(key=lambda row: depth[row[1]])
        insert_rows(
            self.db,
            "meeting",
            ("id", "slug", *MEETING_COLUMNS, *BOOKKEEPING),
            rows,
            progress=progress,
        )
        self.update("meeting", MEETING_COLUMNS, [(*values(r), ids[r["slug"]]) for r, _ in changed])
        progress.advance(len(changed))
        relinked = [(ids[r["slug"]], r) for r, old in changed if not same(r, old, ("documents",))]
        self.write_links(
            "meeting_document",
            "meeting_id",
            [(first + n, r) for n, r in enumerate(new) if r["documents"]] + relinked,
            [owner for owner, _ in relinked],
        )

    def write_items(self, plan: Plan, progress: Progress) -> None:
        new, changed = plan.new["agenda_items"], plan.changed["agenda_items"]
        ids, meetings, documents = self.item_ids, self.meeting_ids, self.document_ids
        first = self.next_id("agenda_item")
        ids.update(zip(map(ITEM_KEY, new), count(first)))
        data = itemgetter(*ITEM_COPIED)
        insert_rows(
            self.db,
            "agenda_item",
            ("id", "meeting_id", "position", *ITEM_COLUMNS, *BOOKKEEPING),
            [
                (
                    first + n,
                    meetings[r["meeting"]],
                    r["position"],
                    *data(r),
                    documents.get(r["source"]),
                    *KEPT(r),
                )
                for n, r in enumerate(new)
            ],  # fmt: skip
            progress=progress,
        )
        changed_ids = [ids[(r["meeting"], r["position"])] for r, _ in changed]
        self.update(
            "agenda_item",
            ITEM_COLUMNS,
            [
                (*data(r), documents.get(r["source"]), i)
                for (r, _), i in zip(changed, changed_ids, strict=True)
            ],
        )
        progress.advance(len(changed))
        retagged = [
            (i, r)
            for (r, old), i in zip(changed, changed_ids, strict=True)
            if not same(r, old, ("topics",))
        ]
        self.db.executemany(
            "DELETE FROM agenda_item_topic WHERE agenda_item_id = ?", [(i,) for i, _ in retagged]
        )
        tagged = [(first + n, r) for n, r in enumerate(new) if r["topics"]] + retagged
        insert_rows(
            self.db,
            "agenda_item_topic",
            ("agenda_item_id", "topic"),
            [(i, topic) for i, r in tagged for topic in r["topics"]],
            progress=progress,
            counted=False,
        )
        relinked = [
            (i, r)
            for (r, old), i in zip(changed, changed_ids, strict=True)
            if not same(r, old, ("documents",))
        ]
        self.write_links(
            "agenda_item_document",
            "agenda_item_id",
            [(first + n, r) for n, r in enumerate(new) if r["documents"]] + relinked,
            [owner for owner, _ in relinked],
        )

    def due_of(self, text: str | None) -> tuple[str | None, date | None]:
        if text is None:
            return None, None
        due = self.due.get(text)
        if due is None:
            due = self.due[text] = PartialDate.from_canonical(text)
        return due.precision, due.last_day

    def write_commitments(self, plan: Plan, progress: Progress) -> None:
        new, changed = plan.new["commitments"], plan.changed["commitments"]
        ids, meetings, documents = self.commitment_ids, self.meeting_ids, self.document_ids
        items, data = self.item_ids, itemgetter(*COMMITMENT_COPIED)
        first = self.next_id("commitment")
        ids.update(zip(map(itemgetter("ref"), new), count(first)))

        def values(r: Record) -> tuple[Any, ...]:
            item = None if r["item"] is None else items[(r["meeting"], r["item"])]
            return (
                *data(r), meetings[r["meeting"]], item, *self.due_of(r["due"]),
                documents.get(r["source"]),
            )  # fmt: skip

        insert_rows(
            self.db,
            "commitment",
            ("id", "ref", *COMMITMENT_COLUMNS, *BOOKKEEPING),
            [(first + n, r["ref"], *values(r), *KEPT(r)) for n, r in enumerate(new)],
            progress=progress,
        )
        self.update(
            "commitment", COMMITMENT_COLUMNS, [(*values(r), ids[r["ref"]]) for r, _ in changed]
        )
        progress.advance(len(changed))
        relinked = [(ids[r["ref"]], r) for r, old in changed if not same(r, old, ("documents",))]
        self.write_links(
            "commitment_document",
            "commitment_id",
            [(first + n, r) for n, r in enumerate(new) if r["documents"]] + relinked,
            [owner for owner, _ in relinked],
        )
        event = itemgetter(*EVENT_COPIED)
        insert_rows(
            self.db,
            "commitment_event",
            ("commitment_id", *EVENT_COPIED, "source_id", *BOOKKEEPING),
            [
                (ids[ref], *event(e), documents.get(e["source"]), *KEPT(e))
                for ref, events in plan.events
                for e in events
            ],
            progress=progress,
        )
