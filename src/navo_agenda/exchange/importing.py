"""Records into the store: an import, all or nothing.

First every key the file names is resolved against the file and the database, and what the
schema cannot check is checked (exchange/resolving.py: references, cycles of meetings, gaps
in agenda positions, values unique in the database); then each record is compared with what
the database holds under its key (here: history that would be rewritten is refused), all
raising BadFile before the first write. Then the records are written in bulk inside the
caller's transaction (exchange/writing.py): records that are new get ids assigned there and
go in several rows per INSERT statement; records that differ are updated (version + 1);
records that are equal are left alone.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from operator import itemgetter
from typing import Any

from navo_agenda.exchange.counts import ImportCounts
from navo_agenda.exchange.resolving import Keys
from navo_agenda.exchange.snapshot import (
    COMMITMENT_FIELDS,
    DOCUMENT_FIELDS,
    EVENT_FIELDS,
    ITEM_FIELDS,
    MEETING_FIELDS,
    NoProgress,
    Progress,
    Record,
    Snapshot,
    fetch,
    read_commitments,
    read_documents,
    read_items,
    read_meetings,
    read_retired,
    same,
)
from navo_agenda.exchange.writing import BULK_RECORDS, Writer, held
from navo_agenda.store import bulk
from navo_agenda.store.connection import Database

__all__ = ["BULK_RECORDS", "Importer", "Plan", "import_snapshot", "import_transaction"]


@contextmanager
def import_transaction(db: Database, snapshot: Snapshot) -> Iterator[Database]:
    """The write transaction of an import. A large file with at least as many records as
    the database holds (a first import, a restore into a new file) is written through the
    rollback journal when nothing else has the database open: once into the file, instead
    of into the WAL and then again by its checkpoint; and its foreign keys are checked once,
    before it commits, not row by row (store/bulk.py)."""
    records = snapshot.record_count()
    if records < BULK_RECORDS or records < held(db):
        with db.transaction(write=True):
            yield db
        return
    with bulk.journal_in_place(db), bulk.references_checked_at_end(db):
        yield db


def import_snapshot(
    db: Database, snapshot: Snapshot, *, name: str, progress: Progress | None = None
) -> ImportCounts:
    """Upsert every record by its key, in the caller's write transaction. Everything is
    checked against the database first; a BadFile names the file and the record."""
    return Importer(db, snapshot, name).run(progress or NoProgress())


LIVE_REFS = "SELECT ref FROM commitment WHERE {where}"
# What a record is compared on: its fields less its key (bookkeeping aside).
COMPARED = {
    "documents": DOCUMENT_FIELDS[1:],
    "meetings": MEETING_FIELDS[1:],
    "agenda_items": ITEM_FIELDS[2:],
    "commitments": COMMITMENT_FIELDS[1:],
}


class Plan:
    """What an import will do: per kind of record, the new ones and the changed ones (with
    what the database holds now); the rest is unchanged."""

    def __init__(self) -> None:
        self.new: dict[str, list[Record]] = {}
        self.changed: dict[str, list[tuple[Record, Record]]] = {}
        self.events: list[tuple[str, list[Record]]] = []  # (ref, events to append)
        self.retired: list[Record] = []  # removed refs the database learns from the file
        self.unchanged = 0
        self.older = 0  # records that differ, left as the database has them (older())

    def sort(self, kind: str, records: list[Record], stored: dict[Any, Record], key: Any) -> None:
        self.new[kind], self.changed[kind] = [], []
        if not stored:
            self.new[kind] = list(records)
            return
        fields = COMPARED[kind]
        for record in records:
            old = stored.get(key(record))
            if old is None:
                self.new[kind].append(record)
            elif same(record, old, fields):
                self.unchanged += 1
            elif older(record, old):
                self.older += 1
            else:
                self.changed[kind].append((record, old))

    def counts(self) -> ImportCounts:
        events = sum(map(len, map(itemgetter(1), self.events)))
        added = sum(map(len, self.new.values())) + events + len(self.retired)
        changed = sum(map(len, self.changed.values()))
        return ImportCounts(added, changed, self.unchanged, older=self.older)


class Importer:
    """One import: resolve every key against the file and the database and check what the
    schema cannot (raising BadFile, before any write), compare, then write."""

    def __init__(self, db: Database, snapshot: Snapshot, name: str) -> None:
        self.db, self.snapshot, self.name = db, snapshot, name
        self.keys = Keys(db, snapshot, name)

    def run(self, progress: Progress) -> ImportCounts:
        self.keys.resolve()
        removed = self.keys.removed_here
        if removed:  # left out, and said so (a commitment is no other record's parent)
            kept = [c for c in self.snapshot.commitments if c["ref"] not in removed]
            self.snapshot = self.snapshot._replace(commitments=kept, columns=None)
        plan = self.compare()
        Writer(self.db, self.snapshot, self.keys, progress).write(plan)
        return plan.counts() + ImportCounts(removed_here=len(removed))

    def compare(self) -> Plan:
        s, db, keys, plan = self.snapshot, self.db, self.keys, Plan()
        # The database's records under the file's keys (the database may hold others).
        known = [i for d, i in keys.document_ids.items() if d in keys.file_documents]
        documents = {r["slug"]: r for r in read_documents(db, "id", known)}
        plan.sort("documents", s.documents, documents, lambda r: r["slug"])
        known = [found[0] for m, found in keys.meetings.items() if m in keys.file_meetings]
        meetings = {r["slug"]: r for r in read_meetings(db, "m.id", known)}
        plan.sort("meetings", s.meetings, meetings, lambda r: r["slug"])
        known = [i for key, i in keys.item_ids.items() if key in keys.file_items]
        items = {(r["meeting"], r["position"]): r for r in read_items(db, "a.id", known)}
        plan.sort("agenda_items", s.agenda_items, items, lambda r: (r["meeting"], r["position"]))
        known = list(keys.commitment_ids.values())
        commitments = {r["ref"]: r for r in read_commitments(db, "c.id", known)}
        plan.sort("commitments", s.commitments, commitments, lambda r: r["ref"])
        refs, histories = s.column("commitments", "ref"), s.column("commitments", "events")
        behind: set[str] = set()
        for number, (ref, events) in enumerate(zip(refs, histories, strict=True)):
            old = commitments.get(ref)
            if old is not None:
                new = self.appended(number, s.commitments[number], old)
                if new is None:  # its history stops before the database's: an older copy
                    behind.add(ref)
                    new = []
                plan.unchanged += len(events) - len(new)
                events = new
            if events:
                plan.events.append((ref, events))
        if behind:
            changed = plan.changed["commitments"]
            plan.changed["commitments"] = [p for p in changed if p[0]["ref"] not in behind]
            plan.older += len(changed) - len(plan.changed["commitments"])
        self.compare_retired(plan)
        return plan

    def compare_retired(self, plan: Plan) -> None:
        """The file's removed refs the database does not know yet. One the database holds
        as a commitment stays one: an import removes nothing."""
        refs = [record["ref"] for record in self.snapshot.retired]
        if not refs:
            return
        known = {record["ref"] for record in read_retired(self.db, refs)}
        known.update(row[0] for row in fetch(self.db, LIVE_REFS, "ref", refs))
        plan.retired = [r for r in self.snapshot.retired if r["ref"] not in known]
        plan.unchanged += len(refs) - len(plan.retired)

    def appended(self, number: int, record: Record, old: Record) -> list[Record] | None:
        """The file's events the database does not have yet: its history must begin with
        the database's, event for event, and may only go on from there; None when it stops
        before the database's (the file's copy is older: left as the database has it). An
        event is the same change when it says the same (EVENT_FIELDS), whenever each copy
        recorded it: two databases seeded at different moments hold the seed's changes with
        different created_at stamps, and must still take each other's files."""
        ours, theirs, ref = record["events"], old["events"], record["ref"]
        for index, (mine, stored) in enumerate(zip(ours, theirs, strict=False)):
            if any(mine[field] != stored[field] for field in EVENT_FIELDS):
                change = f"{stored['at']}: {stored['from_status'] or 'new'} → {stored['to_status']}"
                raise self.keys.fail(
                    f"$.commitments[{number}].events[{index}]",
                    f"differs from event {index + 1} of {ref} in the database ({change},"
                    f" recorded {stored['created_at']}); history is only ever added to,"
                    " never rewritten",
                )
        if len(ours) < len(theirs):
            return None
        appended: list[Record] = ours[len(theirs) :]
        return appended


def older(record: Record, stored: Record) -> bool:
    """Whether the file's copy of a record is older than the database's: fewer changes
    (version) and changed before it (updated_at), both. Such a copy (a file from before the
    last edits, a colleague's from before theirs) would undo what changed since: it is left
    out and counted, as ICS import leaves out an older copy of our event. Either sign alone
    is not enough: a database seeded later has its seed stamped later, and another may have
    changed a record less often but more recently."""
    mine, theirs = record["updated_at"], stored["updated_at"]
    if mine is None or theirs is None or record["version"] is None:
        return False
    return bool(record["version"] < stored["version"] and moment(mine) < moment(theirs))


def moment(stamp: str) -> tuple[str, str]:
    """An RFC 3339 UTC time as the export writes it ('2026-11-28T02:35:59Z', with a fraction
    of a second or without), in an order that compares: '…:59Z' is before '…:59.5Z'."""
    return stamp[:19], stamp[19:-1].ljust(7, "0")
