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
from navo_agenda.exchange.newer import COMPARED, KEY, Stored, newer_only, read_stored
from navo_agenda.exchange.resolving import Keys, retired_among
from navo_agenda.exchange.snapshot import (
    EVENT_FIELDS,
    NoProgress,
    Progress,
    Record,
    Snapshot,
    fetch,
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


class Plan:
    """What an import will do: per kind of record, the new ones and the changed ones (with
    what the database holds now); the rest is unchanged."""

    def __init__(self) -> None:
        self.new: dict[str, list[Record]] = {}
        self.changed: dict[str, list[tuple[Record, Record]]] = {}
        self.events: list[tuple[str, list[Record]]] = []  # (ref, events to append)
        self.retired: list[Record] = []  # removed refs the database learns from the file
        self.unchanged = 0
        self.older = 0  # older copies, left as the database has them (exchange/newer.py)
        self.kept_here = 0  # commitments the file's database removed and this one holds

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
            else:
                self.changed[kind].append((record, old))

    def counts(self) -> ImportCounts:
        events = sum(map(len, map(itemgetter(1), self.events)))
        added = sum(map(len, self.new.values())) + events + len(self.retired)
        changed = sum(map(len, self.changed.values()))
        return ImportCounts(
            added, changed, self.unchanged, older=self.older, kept_here=self.kept_here
        )


class Importer:
    """One import: resolve every key against the file and the database and check what the
    schema cannot (raising BadFile, before any write), compare, then write."""

    def __init__(self, db: Database, snapshot: Snapshot, name: str) -> None:
        self.db, self.snapshot, self.name = db, snapshot, name

    def run(self, progress: Progress) -> ImportCounts:
        """Before anything is checked against the database, the commitments it removed are
        left out and older copies replaced by its own records (exchange/newer.py): every
        check then sees what the database will hold."""
        removed = retired_among(self.db, self.snapshot.column("commitments", "ref"))
        left_out = 0  # records: the commitments and their status changes
        if removed:  # a commitment is no other record's parent: the rest stands without it
            kept = [c for c in self.snapshot.commitments if c["ref"] not in removed]
            left_out = self.snapshot.record_count()
            self.snapshot = self.snapshot._replace(commitments=kept, columns=None)
            left_out -= self.snapshot.record_count()
        stored = read_stored(self.db, self.snapshot)
        self.snapshot, older = newer_only(self.snapshot, stored, self.name)
        keys = Keys(self.db, self.snapshot, self.name)
        keys.resolve()
        plan = self.compare(stored, keys)
        plan.unchanged -= older  # each now equal to the database's record it was replaced by
        plan.older = older
        Writer(self.db, self.snapshot, keys, progress).write(plan)
        return plan.counts() + ImportCounts(removed_here=len(removed), removed_records=left_out)

    def compare(self, stored: Stored, keys: Keys) -> Plan:
        s, plan = self.snapshot, Plan()
        for kind in ("documents", "meetings", "agenda_items", "commitments"):
            plan.sort(kind, getattr(s, kind), stored.records[kind], KEY[kind])
        commitments = stored.records["commitments"]
        refs, histories = s.column("commitments", "ref"), s.column("commitments", "events")
        for number, (ref, events) in enumerate(zip(refs, histories, strict=True)):
            old = commitments.get(ref)
            if old is not None:
                new = self.appended(number, s.commitments[number], old, keys)
                plan.unchanged += len(events) - len(new)
                events = new
            if events:
                plan.events.append((ref, events))
        self.compare_retired(plan)
        return plan

    def compare_retired(self, plan: Plan) -> None:
        """The file's removed refs the database does not know yet. One the database holds
        as a commitment stays one: an import removes nothing."""
        refs = [record["ref"] for record in self.snapshot.retired]
        if not refs:
            return
        known = {record["ref"] for record in read_retired(self.db, refs)}
        live = {row[0] for row in fetch(self.db, LIVE_REFS, "ref", refs)}
        plan.retired = [r for r in self.snapshot.retired if r["ref"] not in known | live]
        plan.kept_here = len(live)
        plan.unchanged += len(refs) - len(plan.retired) - len(live)

    def appended(self, number: int, record: Record, old: Record, keys: Keys) -> list[Record]:
        """The file's events the database does not have yet: its history must begin with
        the database's, event for event, and may only go on from there (one that stops
        before it is an older copy, replaced before this: exchange/newer.py). An event is
        the same change when it says the same (EVENT_FIELDS), whenever each copy recorded
        it: two databases seeded at different moments hold the seed's changes with
        different created_at stamps, and must still take each other's files."""
        ours, theirs, ref = record["events"], old["events"], record["ref"]
        for index, (mine, stored) in enumerate(zip(ours, theirs, strict=False)):
            if any(mine[field] != stored[field] for field in EVENT_FIELDS):
                change = f"{stored['at']}: {stored['from_status'] or 'new'} → {stored['to_status']}"
                raise keys.fail(
                    f"$.commitments[{number}].events[{index}]",
                    f"differs from event {index + 1} of {ref} in the database ({change},"
                    f" recorded {stored['created_at']}); history is only ever added to,"
                    " never rewritten",
                )
        appended: list[Record] = ours[len(theirs) :]
        return appended
