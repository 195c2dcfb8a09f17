"""Every query the read commands ship is served by an index (revision 0002).

The queries are captured as the real use cases run them, with their parameters, then
explained: no step of any plan may scan a table without an index. (`db check` is left out on
purpose: checking a whole database means reading all of it.)
"""

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from navo_agenda import agenda
from navo_agenda.dates import PartialDate
from navo_agenda.location import DatabaseLocation
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
    slugs_starting_with(db, "dmm-")
    for start, end, kinds in ((None, None, ()), (JUNE, JUNE, ()), (YEAR, None, ("dmm",))):
        build_timeline(db, start=start, end=end, kinds=kinds, today=TODAY)


def unindexed_scans(db: Database, sql: str, params: Any) -> list[str]:
    plan = db.connection.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
    details = [row[3] for row in plan]
    return [
        detail
        for detail in details
        if detail.startswith("SCAN ")
        and "USING" not in detail
        and not detail.startswith(("SCAN CONSTANT ROW", "SCAN (subquery"))
    ]


def test_every_read_query_is_served_by_an_index(
    captured: tuple[Database, list[tuple[str, Any]]],
) -> None:
    db, queries = captured
    run_every_read(db)
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
