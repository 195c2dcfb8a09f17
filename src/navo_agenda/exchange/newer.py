"""Which records of a file are older copies of the database's, before an import checks and
writes anything.

A file from before the last edits (Monday's export, imported after Tuesday's changes), or a
colleague's from before changes made here, holds copies that would undo what changed since.
Such a copy is replaced by the database's own record, so that every check of the import
(references, circles of meetings, unique identifiers, agenda positions) sees what will be
in the database afterwards, and the import leaves the record as it is and counts it.

A copy is older when it has both fewer changes (`version`) and an older `updated_at` than
the database's. Either sign alone is not enough: a database seeded later has its seed
stamped later, and another may have changed a record less often but more recently. An
import that updates a record gives it at least the file's version, so that the versions of
two databases that exchange files keep counting the same changes.

A commitment carries its history too. A copy whose history stops before the database's is
older when its fields are; when its fields are newer, each side has changed the commitment
and the import refuses the file (as it refuses two histories that differ), and so it does
for a copy with status changes the database lacks whose fields differ and are older: an
import takes one copy or the other, and either would lose a change. (With equal fields, the
status changes are simply appended.)
"""

from collections.abc import Callable
from typing import Any, NamedTuple

from navo_agenda.exchange.snapshot import (
    COMMITMENT_FIELDS,
    DOCUMENT_FIELDS,
    EVENT_FIELDS,
    ITEM_FIELDS,
    MEETING_FIELDS,
    Record,
    Snapshot,
    problem,
    read_commitments,
    read_documents,
    read_items,
    read_meetings,
    same,
)
from navo_agenda.store.connection import Database

# What a record is compared on: its fields less its key (bookkeeping aside).
COMPARED = {
    "documents": DOCUMENT_FIELDS[1:],
    "meetings": MEETING_FIELDS[1:],
    "agenda_items": ITEM_FIELDS[2:],
    "commitments": COMMITMENT_FIELDS[1:],
}
KEY: dict[str, Callable[[Record], Any]] = {
    "documents": lambda r: r["slug"],
    "meetings": lambda r: r["slug"],
    "agenda_items": lambda r: (r["meeting"], r["position"]),
    "commitments": lambda r: r["ref"],
}


class Stored(NamedTuple):
    """The database's records under the file's keys, by kind and key (the database may hold
    others)."""

    records: dict[str, dict[Any, Record]]

    def get(self, kind: str, record: Record) -> Record | None:
        return self.records[kind].get(KEY[kind](record))


def read_stored(db: Database, snapshot: Snapshot) -> Stored:
    """Looked up by the file's keys; nothing to look up in a database without meetings or
    documents (a first import)."""
    found: dict[str, dict[Any, Record]] = {kind: {} for kind in KEY}
    if not db.scalar("SELECT EXISTS (SELECT 1 FROM meeting) OR EXISTS (SELECT 1 FROM document)"):
        return Stored(found)
    column = snapshot.column
    readers = {
        "documents": read_documents(db, "slug", column("documents", "slug")),
        "meetings": read_meetings(db, "m.slug", column("meetings", "slug")),
        "agenda_items": read_items(db, "m.slug", set(column("agenda_items", "meeting"))),
        "commitments": read_commitments(db, "c.ref", column("commitments", "ref")),
    }
    for kind, records in readers.items():
        found[kind] = {KEY[kind](record): record for record in records}
    return Stored(found)


def newer_only(snapshot: Snapshot, stored: Stored, name: str) -> tuple[Snapshot, int]:
    """The snapshot with each older copy replaced by the database's record, and how many
    were; BadFile for a commitment both sides changed."""
    replaced = 0
    lists: dict[str, list[Record]] = {}
    for kind in KEY:
        if not stored.records[kind]:
            continue
        records: list[Record] = getattr(snapshot, kind)
        kept = list(records)
        left: list[int] = []
        history = kind == "commitments"  # judged even when not older: it may conflict
        for number, record in enumerate(records):
            old = stored.get(kind, record)
            if old is None or not (history or older(record, old)):
                continue  # the cheap test first: a re-import compares every record later
            if same(record, old, COMPARED[kind]):
                continue
            if history and not takes_history(record, old, number, name):
                continue
            if older(record, old):
                # The database's record; a commitment with the file's events, which begin
                # its history: counted as the file's, none of them appended.
                shared = old["events"][: len(record["events"])] if history else None
                kept[number] = {**old, "events": shared} if history else old
                left.append(number)
        if left:
            still_unique(kind, kept, left, name)
            lists[kind] = kept
            replaced += len(left)
    if not lists:
        return snapshot, replaced
    changed: dict[str, Any] = {"columns": None, **lists}
    return snapshot._replace(**changed), replaced


UNIQUE = {"documents": "identifier", "meetings": "external_uid"}  # as json_format.UNIQUE


def still_unique(kind: str, records: list[Record], left: list[int], name: str) -> None:
    """A record left as the database has it keeps its unique value (a document's
    identifier, a meeting's calendar UID), which the file may give to another record."""
    field = UNIQUE.get(kind)
    if field is None:
        return
    kept_values = {records[number][field]: number for number in left if records[number][field]}
    for number, record in enumerate(records):
        owner = kept_values.get(record[field])
        if owner is not None and owner != number:
            raise problem(
                name,
                f"$.{kind}[{number}].{field}",
                f"{record[field]!r} stays with {KEY[kind](records[owner])} in this database"
                " (the file's copy of that one is older, and is left as the database has"
                f" it), so it cannot go to {KEY[kind](record)}",
            )


def takes_history(record: Record, old: Record, number: int, name: str) -> bool:
    """Whether the commitment's copy is to be judged by its fields (True), or left to the
    import's comparison of histories (False: the two histories differ, which the import
    refuses naming the event). Refuses a copy both sides changed."""
    ours, theirs = record["events"], old["events"]
    for mine, stored in zip(ours, theirs, strict=False):
        if any(mine[field] != stored[field] for field in EVENT_FIELDS):
            return False
    behind, ahead = len(ours) < len(theirs), len(ours) > len(theirs)
    if behind and (record["version"] is None or record["updated_at"] is None):
        raise problem(  # nothing to tell an older copy by: its history is what it says
            name,
            f"$.commitments[{number}].status",
            f"{record['ref']} is {theirs[-1]['to_status']!r} in the database, after"
            f" {len(theirs) - len(ours)} status change(s) this file does not have; history is"
            " only ever added to, never rewritten",
        )
    if (behind and not older(record, old)) or (ahead and changed_here(record, old)):
        lacking = "status changes" if behind else "changes of its fields"
        raise problem(
            name,
            f"$.commitments[{number}]",
            f"{record['ref']} was changed on both sides: the file's copy lacks {lacking} this"
            f" database has (version {old['version']}, {old['updated_at']}), and has changes"
            " this database lacks; an import takes one copy or the other and would lose a"
            " change, so it takes neither",
        )
    return True


def changed_here(record: Record, old: Record) -> bool:
    """Whether the database changed a commitment (whose fields differ from the file's
    copy) since the point where the file's history went on: each status change that a
    navo-agenda recorded (it has its created_at) raised the copy's version by one, so its
    version less those is at least the version the two copies shared; a database version
    above that is a change made here since. Status changes written into a file by hand
    raised nothing, and then only older() can tell."""
    added = record["events"][len(old["events"]) :]
    version = record["version"]
    if version is None or any(event["created_at"] is None for event in added):
        return older(record, old)
    return older(record, old) or version - len(added) < old["version"]


def older(record: Record, stored: Record) -> bool:
    """Fewer changes and changed before the database's copy, both (see the module)."""
    mine, theirs, version = record["updated_at"], stored["updated_at"], record["version"]
    if mine is None or theirs is None or version is None:
        return False
    # Not later: times are often whole seconds, and two edits may fall in one.
    return bool(version < stored["version"] and moment(mine) <= moment(theirs))


def moment(stamp: str) -> tuple[str, str]:
    """An RFC 3339 UTC time as the export writes it ('2026-11-28T02:35:59Z', with a fraction
    of a second or without), in an order that compares: '…:59Z' before '…:59.5Z'."""
    return stamp[:19], stamp[20:-1].ljust(6, "0")
