"""What the keys of an import name: every slug, ref and (meeting, position) of a file, found
in the file itself or in the database; and what the schema cannot check, checked before the
first write (BadFile): references to nothing, meetings that would sit within themselves,
gaps in agenda positions, values unique in the database that would collide.

The file is read column by column (Snapshot.column): a large file is a few hundred thousand
records, and a set of one key of all of them is built in C, where a loop over the records
would call Python for each.
"""

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from itertools import chain, count, repeat
from operator import itemgetter, sub

from navo_agenda.errors import BadFile
from navo_agenda.exchange.snapshot import Snapshot, citations, fetch, problem, shown
from navo_agenda.store.connection import Database

CITING = ("meetings", "agenda_items", "commitments")  # the records that cite documents
SOURCE = itemgetter("source")
LINKED = itemgetter("document")
RETIRED_REFS = "SELECT ref FROM retired_ref WHERE {where}"


class Keys:
    """The ids the database holds under the keys a file names, once resolved; a key the
    file adds gets its id when it is written."""

    def __init__(self, db: Database, snapshot: Snapshot, name: str) -> None:
        self.db, self.snapshot, self.name = db, snapshot, name
        column = snapshot.column
        # Where each key stands in the file.
        self.file_documents = dict(zip(column("documents", "slug"), count()))
        self.file_meetings = dict(zip(column("meetings", "slug"), count()))
        meetings, positions = column("agenda_items", "meeting"), column("agenda_items", "position")
        self.file_items = dict(zip(zip(meetings, positions, strict=True), count()))
        # In the database.
        self.document_ids: dict[str, int] = {}
        self.meetings: dict[str, tuple[int, str | None]] = {}  # slug: (id, parent's slug)
        self.item_ids: dict[tuple[str, int], int] = {}
        self.commitment_ids: dict[str, int] = {}

    def fail(self, path: str, message: str) -> BadFile:
        return problem(self.name, path, message)

    def resolve(self) -> None:
        self.resolve_documents()
        self.resolve_meetings()
        self.resolve_items()
        refs = self.snapshot.column("commitments", "ref")
        found = fetch(self.db, "SELECT ref, id FROM commitment WHERE {where}", "ref", refs)
        self.commitment_ids = {row[0]: row[1] for row in found}

    # -- documents ----------------------------------------------------------------------------

    def cited_documents(self) -> set[str]:
        """Every document a record of the file cites: as its source, in its links, as the
        source of an event."""
        column = self.snapshot.column
        cited = set(chain.from_iterable(column(kind, "source") for kind in CITING))
        lists = chain.from_iterable(column(kind, "documents") for kind in CITING)
        cited.update(map(LINKED, chain.from_iterable(lists)))
        cited.update(map(SOURCE, chain.from_iterable(column("commitments", "events"))))
        cited.discard(None)
        return cited

    def resolve_documents(self) -> None:
        cited = self.cited_documents()
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
        for kind in CITING if missing else ():
            for number, record in enumerate(getattr(self.snapshot, kind)):
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
        column = self.snapshot.column
        pairs = zip(column(kind, field), column(kind, "slug"), strict=True)
        owners = {value: slug for value, slug in pairs if value is not None}
        for value, owner in fetch(
            self.db, f"SELECT {field}, slug FROM {table} WHERE {{where}}", field, owners
        ):
            slug = owners[value]
            if owner != slug and owner not in in_file:
                raise self.fail(
                    f"$.{kind}[{in_file[slug]}].{field}",
                    f"{shown(value)} is already the {field} of {table} {owner} in the database",
                )

    # -- meetings -----------------------------------------------------------------------------

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
        uses = {"meetings": "parent", "agenda_items": "meeting", "commitments": "meeting"}
        column = self.snapshot.column
        named = set(chain.from_iterable(column(kind, field) for kind, field in uses.items()))
        named.discard(None)
        self.load_meetings(named | self.file_meetings.keys())
        missing = named - self.file_meetings.keys() - self.meetings.keys()
        for kind, field in uses.items() if missing else ():
            for number, slug in enumerate(column(kind, field)):
                if slug in missing:
                    raise self.fail(
                        f"$.{kind}[{number}].{field}",
                        f"no meeting {shown(slug)}, neither in the file nor in the database",
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
        column = self.snapshot.column
        parents = zip(column("meetings", "slug"), column("meetings", "parent"), strict=True)
        for slug, parent in parents:
            if parent is None:
                continue
            trail: dict[str, int] = {}
            current: str | None = slug
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

    # -- agenda items -------------------------------------------------------------------------

    def resolve_items(self) -> None:
        column = self.snapshot.column
        touched = set(column("agenda_items", "meeting"))
        items = column("commitments", "meeting"), column("commitments", "item")
        cited = {key for key in zip(*items, strict=True) if key[1] is not None}
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
        if missing:
            keyed = enumerate(zip(*items, strict=True))
            number, (meeting, item) = next((n, key) for n, key in keyed if key in missing)
            raise self.fail(
                f"$.commitments[{number}].item",
                f"{meeting} has no agenda item {item}, neither in the file nor in the database",
            )
        # The items of the meetings the file touches: the file's, and the database's.
        taken: Collection[tuple[str, int]] = self.file_items.keys()
        meetings, positions = column("agenda_items", "meeting"), column("agenda_items", "position")
        stored = [key for key in self.item_ids if key[0] in touched]
        if stored:
            taken = self.file_items.keys() | stored
            meetings, positions = zip(*taken, strict=True)
        self.check_positions(taken, meetings, positions)

    def check_positions(
        self, taken: Collection[tuple[str, int]], meetings: Iterable[str], positions: Iterable[int]
    ) -> None:
        """Positions run 1, 2, 3… within a meeting: the file may not leave a gap. The n
        positions of a meeting are different whole numbers from 1 on, which add up to
        1 + 2 + … + n exactly when none is missing, and to more when one is: so no meeting
        has a gap exactly when all positions add up to the sum of these sums."""
        counts = Counter(meetings).values()
        if sum(positions) == sum(n * (n + 1) // 2 for n in counts):
            return
        meeting, gap = first_gap(taken)
        number = min(n for (m, p), n in self.file_items.items() if m == meeting and p > gap)
        raise self.fail(
            f"$.agenda_items[{number}].position",
            f"{meeting} would have no agenda item {gap}: a meeting's items are numbered"
            " 1, 2, 3… without gaps",
        )


def retired_among(db: Database, refs: Sequence[str]) -> set[str]:
    """The file's refs of commitments this database removed: such a commitment does not come
    back (its ref is never given out again, as people may have cited it), and the import
    leaves it out rather than refuse the rest of the file."""
    if not refs or not db.scalar("SELECT EXISTS (SELECT 1 FROM retired_ref)"):
        return set()  # as in most databases: nothing to look up ref by ref
    return {row[0] for row in fetch(db, RETIRED_REFS, "ref", refs)}


def first_gap(taken: Iterable[tuple[str, int]]) -> tuple[str, int]:
    """The first (meeting, position) missing below a position that is taken."""
    keys = set(taken)
    meetings, positions = zip(*keys, strict=True)
    before = set(zip(meetings, map(sub, positions, repeat(1)), strict=True))
    return min((meeting, position) for meeting, position in before - keys if position)
