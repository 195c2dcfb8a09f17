"""Every query the commands ship is served by an index (revision 0002).

The queries are captured as the real use cases run them, with their parameters, then
explained: no step of any plan may scan a table without an index. (`db check` is left out on
purpose: checking a whole database means reading all of it.)
"""

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from navo_agenda import agenda, search, showing, tracking
from navo_agenda.dates import PartialDate
from navo_agenda.errors import NotFound
from navo_agenda.location import DatabaseLocation
from navo_agenda.store import commitments
from navo_agenda.store.connection import Database
from navo_agenda.store.lifecycle import open_database
from navo_agenda.store.meetings import slugs_starting_with
from navo_agenda.timeline import build_timeline

TODAY = date(2026, 11, 28)
JUNE = PartialDate.from_canonical("2025-06")
YEAR = PartialDate.from_canonical("2025")


@pytest.fixture
def captured(seeded_db: Path) -> Iterator[tuple[Database, list[tuple[str, Any]]]]:
    queries: list[tuple[str, Any]] = []
    with open_database(DatabaseLocation(path=seeded_db)) as db:
        db.on_query = lambda sql, params: queries.append((sql, params))
        yield db, queries


def run_every_read(db: Database) -> None:
    filters = [
        agenda.MeetingFilter(),
        agenda.MeetingFilter(kinds=("dmm", "npg")),
        agenda.MeetingFilter(statuses=("held",)),
        agenda.MeetingFilter(topic="nuclear"),
        agenda.MeetingFilter(start=JUNE, end=JUNE),
        agenda.MeetingFilter(kinds=("summit",), start=YEAR),
        agenda.MeetingFilter(upcoming=True),
        agenda.MeetingFilter(past=True, statuses=("planned",)),
    ]
    for wanted in filters:
        agenda.list_meetings(db, wanted, today=TODAY)
    for slug in ("dmm-2025-06", "summit-2025-06", "npg-2025-06"):
        agenda.show_meeting(db, slug)
    agenda.suggest_slugs(db, "dmm-2025-6")
    for key in ("dmm-2025-06/2", "c-2025-007", "letter-2025-05-21"):
        showing.show(db, key)
    missing = ("dmm-2025-6/2", "dmm-2025-06/9", "c-2025-099", "letter-2025-05-2", "document:x")
    for key in missing:  # and the queries of "did you mean"
        with pytest.raises(NotFound):
            showing.show(db, key)
    slugs_starting_with(db, "dmm-")
    for start, end, kinds in ((None, None, ()), (JUNE, JUNE, ()), (YEAR, None, ("dmm",))):
        build_timeline(db, start=start, end=end, kinds=kinds, today=TODAY)
    views: list[dict[str, Any]] = [
        {},
        {"statuses": ("open",)},
        {"overdue": True},
        {"meeting": "udcg-2025-06"},
        {"actor": "nederland", "statuses": ("open",)},
        {"due_before": YEAR},
        {"meeting": "dmm-2025-06", "statuses": ("fulfilled",), "due_before": YEAR},
    ]
    for filters in views:
        tracking.list_commitments(db, today=TODAY, **filters)
    tracking.commitment_history(db, "c-2025-007")
    commitments.refs_starting_with(db, "c-2025-0")
    commitments.next_ref(db, 2025)
    searches: list[tuple[str, dict[str, Any]]] = [
        ("oekraine", {}),
        ("defensie industrie", {"limit": 1}),
        ("c-2025-007", {"kinds": ("commitment",)}),
        ('"steun" OR industrie*', {"syntax": True}),
        ("title:oekraine", {"syntax": True, "kinds": ("item", "commitment")}),
    ]
    for text, options in searches:
        search.find(db, search.prepare(text, **options))


def run_every_write(db: Database) -> None:
    """The reads and writes of add, edit, remove and status (on this test's own copy)."""
    from navo_agenda.dates import DateRange
    from navo_agenda.editing import commitments as editing_commitments
    from navo_agenda.editing import documents, items, meetings
    from navo_agenda.editing.keys import resolve
    from navo_agenda.editing.status import change_status

    with db.transaction(write=True):
        slug = meetings.add_meeting(
            db,
            meetings.MeetingFields(
                kind="dmm", dates=DateRange(date(2030, 1, 2), date(2030, 1, 3)), title="T",
                parent="dmm-2025-06", source="dpap", quote="q",
            ),
        )  # fmt: skip
        items.add_item(db, slug, items.ItemFields(title="A", topics=["x"]), position=None)
        items.add_item(db, slug, items.ItemFields(title="B"), position=1)
        target = resolve(db, f"{slug}/2")
        items.edit_item(db, target, items.ItemFields(summary="s"), move_to=1, if_version=None)
        ref = editing_commitments.add_commitment(
            db, slug, editing_commitments.CommitmentFields(text="t", item=1),
            status="open", wanted_ref=None, at=TODAY, author=None,
        )  # fmt: skip
        change_status(
            db, ref, "fulfilled", note=None, source=None, at=TODAY, author=None,
            if_version=None, today=TODAY,
        )  # fmt: skip
        meetings.remove_meeting(db, resolve(db, slug), cascade=True, reparent=True)
        dpap = resolve(db, "dpap")
        documents.describe(db, dpap)
        documents.remove_document(db, dpap, detach=True)


def unindexed_scans(db: Database, sql: str, params: Any) -> list[str]:
    if not sql.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT")):
        return []  # BEGIN, COMMIT
    plan = db.connection.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    details = [row[3] for row in plan]
    return [
        detail
        for detail in details
        if detail.startswith("SCAN ")
        and "USING" not in detail
        and not detail.startswith(("SCAN CONSTANT ROW", "SCAN (subquery"))
        and not FTS5_LOOKUP.match(detail)
    ]


# A full-text MATCH is answered by the FTS5 index: its plan step reads "SCAN fts_x VIRTUAL
# TABLE INDEX n:...M..." (M: the MATCH constraint is used); without M it reads every row.
FTS5_LOOKUP = re.compile(r"SCAN fts_\w+ VIRTUAL TABLE INDEX \d+:\w*M")


def test_every_read_query_is_served_by_an_index(
    captured: tuple[Database, list[tuple[str, Any]]],
) -> None:
    db, queries = captured
    run_every_read(db)
    run_every_write(db)
    assert len(queries) > 20
    offenders = {
        " ".join(sql.split())[:160]: scans
        for sql, params in queries
        if (scans := unindexed_scans(db, sql, params))
    }
    assert offenders == {}


def test_the_check_itself_can_fail(captured: tuple[Database, list[tuple[str, Any]]]) -> None:
    db, _ = captured
    assert unindexed_scans(db, "SELECT * FROM meeting WHERE summary = :x", {"x": "y"})
    assert unindexed_scans(db, "SELECT rowid FROM fts_meeting WHERE title = :x", {"x": "y"})
