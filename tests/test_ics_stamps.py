"""The calendar's stamps: a calendar keeps the copy of an event with the higher SEQUENCE, then
the later DTSTAMP (RFC 5546), so both must move forward, never back, whenever anything the
event shows changes (its agenda, its commitments, the meetings around it), also when that
change is a removal; and the same data must still give the same file, byte for byte.

The database's clock counts whole seconds. The tests run on a copy of the seed whose times
lie a day back, as in a database that has been in use for a while, so that a change is
stamped later than everything before it; where one change follows another, the test waits
for the next second."""

import json
import shutil
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

import pytest
from icalendar import Calendar

from tests.conftest import Cli

DMM = "dmm-2025-06@navo-agenda"
STAMPED_TABLES = ("document", "meeting", "agenda_item", "commitment", "commitment_event")


@pytest.fixture(scope="module")
def aged_template(seeded_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed with every time a day earlier. History is append-only (a trigger refuses
    to change an event): the trigger is set aside for this, and put back as it was."""
    path = tmp_path_factory.mktemp("aged") / "aged.db"
    shutil.copyfile(seeded_template, path)
    with closing(sqlite3.connect(path)) as connection, connection:
        (trigger,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
            " AND name = 'commitment_event_append_only'"
        ).fetchone()
        connection.execute("DROP TRIGGER commitment_event_append_only")
        for table in STAMPED_TABLES:
            connection.execute(
                f"UPDATE {table} SET created_at = datetime(created_at, '-1 day'),"
                " updated_at = datetime(updated_at, '-1 day')"
            )
        connection.execute(trigger)
    return path


@pytest.fixture
def aged_db(aged_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "aged.db"
    shutil.copyfile(aged_template, path)
    monkeypatch.setenv("NAVO_AGENDA_DB", str(path))
    return path


class Stamped(NamedTuple):
    dtstamp: datetime
    last_modified: datetime
    created: datetime
    sequence: int
    description: str


def a_second_later() -> None:
    """Wait until SQLite's CURRENT_TIMESTAMP (whole seconds, the same clock) has moved on
    from every time written so far."""
    now = time.time()
    time.sleep(int(now) + 1 - now + 0.02)


def calendar(cli: Cli, *options: str) -> str:
    result = cli("export", "--format", "ics", "--with-deadlines", *options)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def stamped(text: str, uid: str = DMM) -> Stamped:
    parsed = Calendar.from_ical(text)
    found = [c for c in parsed.walk() if c.name in ("VEVENT", "VTODO") and str(c["UID"]) == uid]
    assert len(found) == 1, uid
    component = found[0]
    return Stamped(
        component["DTSTAMP"].dt,
        component["LAST-MODIFIED"].dt,
        component["CREATED"].dt,
        int(component["SEQUENCE"]),
        str(component["DESCRIPTION"]),
    )


def version_of(cli: Cli, slug: str) -> int:
    shown = json.loads(cli("show", slug, "--json").stdout)
    version: int = shown["meeting"]["version"]
    return version


def run(cli: Cli, *args: str) -> None:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr


def event_sequence(cli: Cli, stamps: Stamped, slug: str = "dmm-2025-06") -> int:
    """The rule of docs/export.md: the meeting's version less one, plus the whole seconds
    from CREATED to LAST-MODIFIED."""
    seconds = int((stamps.last_modified - stamps.created).total_seconds())
    return version_of(cli, slug) - 1 + seconds


def check_later(cli: Cli, before: Stamped, after: Stamped) -> None:
    assert after.dtstamp == after.last_modified
    assert after.dtstamp > before.dtstamp
    assert after.sequence > before.sequence
    assert after.sequence == event_sequence(cli, after)
    assert after.dtstamp.utcoffset() is not None
    assert after.dtstamp.utcoffset().total_seconds() == 0  # type: ignore[union-attr]


# A change to each kind of thing the event of dmm-2025-06 shows, and whether its description
# shows the change. A removal leaves no row with a later time behind: without the touch of
# the meeting (store/meetings.touch_meetings) the stamps would stay, or go back.
CHANGES: dict[str, tuple[tuple[str, ...], bool]] = {
    "item edited": (("edit", "dmm-2025-06/3", "--dutch-position", "Nederland steunt."), True),
    "commitment status": (("status", "c-2025-003", "fulfilled", "--note", "done"), True),
    "commitment edited": (("edit", "c-2025-003", "--text", "The ministers agree a plan."), True),
    "item added": (("add", "item", "-m", "dmm-2025-06", "--title", "Any other business"), True),
    "item removed": (("remove", "dmm-2025-06/3", "--yes"), True),
    "last item removed": (("remove", "dmm-2025-06/4", "--yes", "--cascade"), True),
    "commitment removed": (("remove", "c-2025-003", "--yes"), True),
    # The event names the meetings within it by slug only: a change to one is shown by its
    # own event, but moves this one on too (the stamps cover more than is shown, never less).
    "meeting within it edited": (("edit", "npg-2025-06", "--summary", "Held in camera."), False),
    "meeting within it removed": (("remove", "npg-2025-06", "--yes", "--cascade"), True),
    "meeting within it moved": (("edit", "npg-2025-06", "--parent", ""), True),
}  # fmt: skip


@pytest.mark.parametrize("change", list(CHANGES))
def test_any_change_to_what_the_event_shows_moves_its_stamps_on(
    aged_db: Path, cli: Cli, change: str
) -> None:
    command, shown = CHANGES[change]
    version = version_of(cli, "dmm-2025-06")
    before = stamped(calendar(cli, "--meeting", "dmm-2025-06"))
    assert before.sequence == event_sequence(cli, before)
    run(cli, *command)
    after = stamped(calendar(cli, "--meeting", "dmm-2025-06"))
    assert (after.description != before.description) is shown
    check_later(cli, before, after)
    # None of these is a change to the meeting's own fields: its version, which
    # `edit --if-version` checks, stays; SEQUENCE rose by the seconds LAST-MODIFIED did.
    assert version_of(cli, "dmm-2025-06") == version
    assert after.sequence - before.sequence == int(
        (after.last_modified - before.last_modified).total_seconds()
    )
    assert after.created == before.created


def test_a_change_to_the_meeting_itself_raises_its_sequence_by_one_at_least(
    aged_db: Path, cli: Cli
) -> None:
    before = stamped(calendar(cli))
    run(cli, "edit", "dmm-2025-06", "--status", "cancelled")  # significant (RFC 5546)
    after = stamped(calendar(cli))
    assert after.sequence >= before.sequence + 1
    assert after.sequence == event_sequence(cli, after)
    assert after.dtstamp >= before.dtstamp


def test_the_meeting_within_shows_its_parents_changes(aged_db: Path, cli: Cli) -> None:
    """The NPG's event names the DMM's title: a new title there is a change here."""
    before = stamped(calendar(cli, "--meeting", "npg-2025-06"), "npg-2025-06@navo-agenda")
    run(cli, "edit", "dmm-2025-06", "--title", "Defence Ministers Meeting, June")
    after = stamped(calendar(cli, "--meeting", "npg-2025-06"), "npg-2025-06@navo-agenda")
    assert "Within: Defence Ministers Meeting, June (dmm-2025-06)" in after.description
    assert after.dtstamp > before.dtstamp
    assert after.sequence == event_sequence(cli, after, "npg-2025-06")
    assert after.sequence > before.sequence


def test_the_same_database_gives_the_same_bytes_a_second_later(seeded_db: Path, cli: Cli) -> None:
    run(cli, "remove", "dmm-2025-06/3", "--yes")
    first = calendar(cli)
    a_second_later()
    assert calendar(cli) == first
    assert (
        cli("export", "--format", "ics", "--meeting", "dmm-2025-06").stdout
        == cli("export", "--format", "ics", "--meeting", "dmm-2025-06").stdout
    )


def test_a_to_do_follows_its_commitment_and_history(aged_db: Path, cli: Cli) -> None:
    uid = "c-2025-015@navo-agenda"
    before = stamped(calendar(cli), uid)
    run(cli, "status", "c-2025-015", "in_progress", "--note", "started")
    status = stamped(calendar(cli), uid)
    assert status.dtstamp == status.last_modified > before.dtstamp
    assert status.sequence == before.sequence + 1  # STATUS: significant
    a_second_later()
    run(cli, "edit", "c-2025-015", "--due", "2025-Q4")
    due = stamped(calendar(cli), uid)
    assert due.dtstamp > status.dtstamp
    assert due.sequence == status.sequence + 1  # DUE: significant
    # Another commitment of the meeting changes neither stamp of this one.
    run(cli, "status", "c-2025-002", "partially_fulfilled")
    assert stamped(calendar(cli), uid) == due


def test_a_removal_keeps_the_meetings_version_and_shows_in_its_json(
    aged_db: Path, cli: Cli
) -> None:
    """The removal touches the meeting's updated_at, which the JSON export shows, and not
    its version: an edit of the meeting based on the version read before still applies."""

    def dmm() -> dict[str, object]:
        exported = json.loads(cli("export", "--meeting", "dmm-2025-06").stdout)
        return next(m for m in exported["meetings"] if m["slug"] == "dmm-2025-06")

    before = dmm()
    run(cli, "remove", "dmm-2025-06/3", "--yes")
    after = dmm()
    assert after["version"] == before["version"]
    assert str(after["updated_at"]) > str(before["updated_at"])
    assert {k: v for k, v in after.items() if k != "updated_at"} == {
        k: v for k, v in before.items() if k != "updated_at"
    }
    run(cli, "edit", "dmm-2025-06", "--if-version", str(before["version"]), "--location", "Brussel")


def test_an_import_that_adds_to_a_meeting_moves_its_stamps_on(
    aged_db: Path, cli: Cli, tmp_path: Path
) -> None:
    """A new agenda item from a file keeps the file's older times; the meeting it joins is
    touched, so that its event still moves on. Importing the same file again changes
    nothing, stamps included."""
    exported = json.loads(cli("export", "--meeting", "dmm-2025-06").stdout)
    items = [item for item in exported["agenda_items"] if item["meeting"] == "dmm-2025-06"]
    old = "2020-01-01T00:00:00Z"
    added = {
        **items[-1],
        "position": items[-1]["position"] + 1,
        "title": "Any other business",
        "created_at": old,
        "updated_at": old,
        "version": 1,
    }
    exported["agenda_items"].append(added)
    file = tmp_path / "more.json"
    file.write_text(json.dumps(exported), encoding="utf-8")
    before = stamped(calendar(cli, "--meeting", "dmm-2025-06"))
    run(cli, "import", str(file))
    after = stamped(calendar(cli, "--meeting", "dmm-2025-06"))
    assert "Any other business" in after.description
    check_later(cli, before, after)
    with closing(sqlite3.connect(aged_db)) as connection:
        (kept,) = connection.execute(
            "SELECT updated_at FROM agenda_item WHERE title = 'Any other business'"
        ).fetchone()
    assert kept == "2020-01-01 00:00:00"  # the file's time, as imports keep it
    a_second_later()
    run(cli, "import", str(file))
    assert stamped(calendar(cli, "--meeting", "dmm-2025-06")) == after


def test_an_import_that_takes_from_a_meeting_moves_its_stamps_on(
    aged_db: Path, cli: Cli, tmp_path: Path
) -> None:
    """A file that moves the NPG to the summit and a commitment to another meeting: the
    DMM's event no longer shows them, and its stamps move on, its version unchanged."""
    exported = json.loads(cli("export").stdout)
    npg = next(m for m in exported["meetings"] if m["slug"] == "npg-2025-06")
    npg["parent"] = "summit-2025-06"
    commitment = next(c for c in exported["commitments"] if c["ref"] == "c-2025-015")
    commitment["meeting"], commitment["item"] = "summit-2025-06", None
    file = tmp_path / "moved.json"
    file.write_text(json.dumps(exported), encoding="utf-8")
    version = version_of(cli, "dmm-2025-06")
    before = stamped(calendar(cli, "--meeting", "dmm-2025-06"))
    run(cli, "import", str(file))
    after = stamped(calendar(cli, "--meeting", "dmm-2025-06"))
    assert "npg-2025-06" not in after.description
    assert "c-2025-015" not in after.description
    check_later(cli, before, after)
    assert version_of(cli, "dmm-2025-06") == version


def test_the_stamp_is_the_latest_time_of_what_the_event_shows(aged_db: Path, cli: Cli) -> None:
    run(cli, "status", "c-2025-003", "fulfilled")
    with closing(sqlite3.connect(aged_db)) as connection:
        (latest,) = connection.execute(
            "SELECT max(updated_at) FROM ("
            " SELECT updated_at FROM meeting WHERE slug = 'dmm-2025-06'"
            " UNION ALL SELECT a.updated_at FROM agenda_item a JOIN meeting m"
            "  ON m.id = a.meeting_id WHERE m.slug = 'dmm-2025-06'"
            " UNION ALL SELECT e.updated_at FROM commitment_event e JOIN commitment c"
            "  ON c.id = e.commitment_id WHERE c.ref = 'c-2025-003')"
        ).fetchone()
    stamps = stamped(calendar(cli, "--meeting", "dmm-2025-06"))
    assert stamps.dtstamp == datetime.fromisoformat(latest).replace(tzinfo=UTC)
