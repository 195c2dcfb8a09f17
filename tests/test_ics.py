"""The calendar export and import (RFC 5545): what a calendar program gets from the seed, that
the same data gives the same file, and that importing a file (ours or another program's)
checks all of it first and then changes exactly what it should, once."""

import json
import re
import sqlite3
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, Todo

from navo_agenda.errors import BadFile
from navo_agenda.exchange.counts import ImportCounts
from navo_agenda.exchange.ics import apply_ics as apply_batch
from navo_agenda.exchange.ics import export_ics, meeting_event, read_ics
from navo_agenda.exchange.selection import Selection
from navo_agenda.location import DatabaseLocation
from navo_agenda.records import MeetingDetail, MeetingRow
from navo_agenda.store.lifecycle import open_database
from tests.conftest import Cli, snapshot

TODAY = date(2026, 11, 28)
NAME = "agenda.ics"


def export(path: Path, selection: Selection | None = None, *, with_deadlines: bool = False) -> str:
    location = DatabaseLocation(path=path, origin="--db")
    with open_database(location) as db, db.transaction():
        return export_ics(db, selection or Selection(), with_deadlines=with_deadlines, today=TODAY)


def import_ics(path: Path, data: bytes, *, kind: str = "other") -> ImportCounts:
    """As the import command does it: check the whole file, then write in one transaction."""
    batch = read_ics(data, name=NAME)
    location = DatabaseLocation(path=path, origin="--db")
    with open_database(location) as db, db.transaction(write=True):
        return apply_batch(db, batch, kind=kind, today=TODAY)


def parsed(text: str) -> Calendar:
    calendar = Calendar.from_ical(text)
    assert isinstance(calendar, Calendar)
    return calendar


def events(text: str) -> dict[str, Event]:
    found = {str(event["UID"]): event for event in parsed(text).walk("VEVENT")}
    assert len(found) == text.count("\r\nBEGIN:VEVENT\r\n")
    return found


def todos(text: str) -> dict[str, Todo]:
    return {str(todo["UID"]): todo for todo in parsed(text).walk("VTODO")}


def meetings_in(path: Path) -> dict[str, sqlite3.Row]:
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        rows = connection.execute("SELECT * FROM meeting ORDER BY slug").fetchall()
    return {row["slug"]: row for row in rows}


def empty_database(cli: Cli, tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    result = cli("--db", str(path), "db", "init", "--empty")
    assert result.exit_code == 0, result.stderr
    return path


# --- export -------------------------------------------------------------------------------


def test_the_file_is_one_utf8_calendar_with_crlf_lines(seeded_db: Path) -> None:
    text = export(seeded_db)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VCALENDAR") == 1
    lines = text.split("\r\n")
    assert not any("\n" in line or "\r" in line for line in lines)
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)  # folded by the library
    calendar = parsed(text)
    assert str(calendar["PRODID"]) == "-//navo-agenda//NONSGML navo-agenda//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["CALSCALE"]) == "GREGORIAN"


def test_no_empty_properties_and_all_day_dates_say_so(seeded_db: Path, cli: Cli) -> None:
    cli("edit", "dmm-2025-02", "--location", "")  # a meeting without a location
    text = export(seeded_db, with_deadlines=True)
    unfolded = text.replace("\r\n ", "")
    for line in unfolded.split("\r\n")[:-1]:
        name, _, value = line.partition(":")
        assert value, f"empty property {line!r}"
        if name.split(";")[0] in ("DTSTART", "DTEND", "DUE"):
            assert ";VALUE=DATE" in name, line
    assert "LOCATION" not in events(text)["dmm-2025-02@navo-agenda"]


def test_every_meeting_is_an_all_day_event_with_an_exclusive_end(seeded_db: Path, cli: Cli) -> None:
    listed = json.loads(cli("list", "--json").stdout)["meetings"]
    found = events(export(seeded_db))
    assert set(found) == {f"{meeting['slug']}@navo-agenda" for meeting in listed}
    for meeting in listed:
        event = found[f"{meeting['slug']}@navo-agenda"]
        start = date.fromisoformat(meeting["starts_on"])
        end = date.fromisoformat(meeting["ends_on"])
        assert event["DTSTART"].dt == start
        assert event["DTEND"].dt == end + timedelta(days=1)
        assert not isinstance(event["DTSTART"].dt, datetime)
        assert str(event["SUMMARY"]) == meeting["title"]
        assert str(event.get("LOCATION", "")) == (meeting["location"] or "")
    summit = found["summit-2025-06@navo-agenda"]
    assert summit["DTSTART"].dt == date(2025, 6, 24)
    assert summit["DTEND"].dt == date(2025, 6, 26)
    assert str(summit["LOCATION"]) == "World Forum, The Hague"
    dmm = found["dmm-2025-06@navo-agenda"]
    assert dmm["DTEND"].dt == date(2025, 6, 6)
    assert str(dmm["SUMMARY"]) == "NATO Defence Ministers Meeting"
    assert str(dmm["STATUS"]) == "CONFIRMED"


def test_the_description_carries_the_dutch_title_agenda_and_commitments(seeded_db: Path) -> None:
    description = str(events(export(seeded_db))["dmm-2025-06@navo-agenda"]["DESCRIPTION"])
    assert description.startswith("Bijeenkomst NAVO-ministers van Defensie\n")
    assert "Afschrikking en verdediging\n2. Capability Targets 2025 (CT25)" in description
    assert "Dutch position: Nederland geeft hier mede invulling aan" in description
    assert "- c-2025-002: The defence ministers formally adopt" in description
    assert "Within this meeting: udcg-2025-06, npg-2025-06" in description


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        ("held", "CONFIRMED"),
        ("planned", "CONFIRMED"),
        ("expected", "TENTATIVE"),
        ("postponed", "TENTATIVE"),
        ("cancelled", "CANCELLED"),
    ],
)
def test_status(seeded_db: Path, cli: Cli, status: str, expected: str) -> None:
    assert cli("edit", "dmm-2025-06", "--status", status).exit_code == 0
    event = events(export(seeded_db))["dmm-2025-06@navo-agenda"]
    assert str(event["STATUS"]) == expected
    assert str(event["X-NAVO-AGENDA-STATUS"]) == status


def test_the_same_data_gives_the_same_bytes(seeded_db: Path) -> None:
    first = export(seeded_db, with_deadlines=True)
    assert export(seeded_db, with_deadlines=True) == first
    with sqlite3.connect(seeded_db) as connection:  # what the event shows (test_ics_stamps.py)
        (updated,) = connection.execute(
            "SELECT max(updated_at) FROM (SELECT updated_at FROM meeting"
            " WHERE slug = 'dmm-2025-06' OR parent_id = (SELECT id FROM meeting"
            " WHERE slug = 'dmm-2025-06') UNION ALL SELECT a.updated_at FROM agenda_item a"
            " JOIN meeting m ON m.id = a.meeting_id WHERE m.slug = 'dmm-2025-06'"
            " UNION ALL SELECT c.updated_at FROM commitment c"
            " JOIN meeting m ON m.id = c.meeting_id WHERE m.slug = 'dmm-2025-06'"
            " UNION ALL SELECT e.updated_at FROM commitment_event e"
            " JOIN commitment c ON c.id = e.commitment_id"
            " JOIN meeting m ON m.id = c.meeting_id WHERE m.slug = 'dmm-2025-06')"
        ).fetchone()
    stamp = events(first)["dmm-2025-06@navo-agenda"]["DTSTAMP"].dt
    assert stamp == datetime.fromisoformat(updated).replace(tzinfo=stamp.tzinfo)
    assert stamp.utcoffset() == timedelta(0)


def test_the_uid_survives_an_edit_and_the_sequence_moves(seeded_db: Path, cli: Cli) -> None:
    before = events(export(seeded_db))["dmm-2025-06@navo-agenda"]
    assert cli("edit", "dmm-2025-06", "--title", "Renamed meeting").exit_code == 0
    after = events(export(seeded_db))["dmm-2025-06@navo-agenda"]
    assert str(after["SUMMARY"]) == "Renamed meeting"
    # One more for the new version, and the seconds since (docs/export.md).
    assert int(after["SEQUENCE"]) >= int(before["SEQUENCE"]) + 1
    assert after["DTSTAMP"].dt >= before["DTSTAMP"].dt


NOTHING_WRITTEN = "a calendar needs at least one event, so nothing was written"


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (("--from", "2030", "--to", "2030"), "(--from 2030 --to 2030)"),
        (
            ("--kind", "signing,dinner", "--from", "2030-q2"),
            "(--kind signing,dinner --from 2030-Q2)",
        ),
        (("--kind", "udcg", "--to", "2024"), "(--kind udcg --to 2024)"),
    ],
)
def test_an_empty_selection_is_an_error_not_an_empty_calendar(
    seeded_db: Path, cli: Cli, tmp_path: Path, options: tuple[str, ...], named: str
) -> None:
    """RFC 5545 3.6: a calendar holds at least one component."""
    result = cli("export", "--format", "ics", *options)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        result.stderr
        == f"navo-agenda: error: no meetings in this selection {named}; {NOTHING_WRITTEN}\n"
    )
    new = tmp_path / "new.ics"
    assert cli("export", "--format", "ics", *options, "--out", str(new)).exit_code == 1
    assert not new.exists()
    old = tmp_path / "old.ics"
    old.write_bytes(b"my calendar\r\n")
    forced = cli(
        "export", "--format", "ics", *options, "--with-deadlines", "--out", str(old), "--force"
    )
    assert (forced.exit_code, forced.stderr) == (1, result.stderr)
    assert old.read_bytes() == b"my calendar\r\n"
    assert [p.name for p in tmp_path.iterdir() if "ics" in p.name] == ["old.ics"]  # no .partial


def test_an_empty_database_gives_no_calendar(cli: Cli, tmp_path: Path) -> None:
    empty = empty_database(cli, tmp_path)
    result = cli("--db", str(empty), "export", "--format", "ics")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert (
        result.stderr == f"navo-agenda: error: the database holds no meetings; {NOTHING_WRITTEN}\n"
    )


def test_one_meeting_comes_with_the_meetings_within_it(seeded_db: Path) -> None:
    found = events(export(seeded_db, Selection(meeting="summit-2025-06")))
    assert set(found) == {
        "summit-2025-06@navo-agenda",
        "forum-2025-06@navo-agenda",
        "dinner-2025-06@navo-agenda",
    }
    assert str(found["forum-2025-06@navo-agenda"]["RELATED-TO"]) == "summit-2025-06@navo-agenda"


def test_deadlines_are_all_day_todos_on_the_last_day(seeded_db: Path, cli: Cli) -> None:
    assert cli("status", "c-2025-008", "in_progress").exit_code == 0
    assert cli("status", "c-2025-014", "dropped").exit_code == 0
    assert not todos(export(seeded_db, Selection(meeting="dmm-2025-06")))
    found = todos(export(seeded_db, Selection(meeting="dmm-2025-06"), with_deadlines=True))
    # Only commitments of the selected meetings that have a due date.
    assert set(found) == {
        "c-2025-001@navo-agenda",
        "c-2025-002@navo-agenda",
        "c-2025-007@navo-agenda",
        "c-2025-008@navo-agenda",
        "c-2025-015@navo-agenda",
    }
    year = found["c-2025-007@navo-agenda"]
    assert year["DUE"].dt == date(2025, 12, 31)
    assert str(year["STATUS"]) == "NEEDS-ACTION"
    assert str(year["SUMMARY"]).startswith("c-2025-007: The Netherlands delivers part of")
    assert "Due 2025 (a year)" in str(year["DESCRIPTION"])
    assert "3 500 000 000 EUR" in str(year["DESCRIPTION"])
    assert str(year["RELATED-TO"]) == "udcg-2025-06@navo-agenda"
    month = found["c-2025-008@navo-agenda"]
    assert month["DUE"].dt == date(2025, 6, 30)
    assert str(month["STATUS"]) == "IN-PROCESS"
    assert str(found["c-2025-002@navo-agenda"]["STATUS"]) == "COMPLETED"
    assert found["c-2025-002@navo-agenda"]["DUE"].dt == date(2025, 6, 5)
    everything = todos(export(seeded_db, with_deadlines=True))
    assert everything["c-2025-017@navo-agenda"]["DUE"].dt == date(2035, 12, 31)
    assert "c-2025-014@navo-agenda" not in everything  # no due date
    cli("edit", "c-2025-014", "--due", "2026-Q1")
    dropped = todos(export(seeded_db, with_deadlines=True))["c-2025-014@navo-agenda"]
    assert (dropped["DUE"].dt, str(dropped["STATUS"])) == (date(2026, 3, 31), "CANCELLED")


HOSTILE = 'Hostile, title; with \\ backslash\nBEGIN:VEVENT\nUID:evil@x\nEND:VEVENT "Ünïcødé" €🛡'


def test_hostile_text_survives_and_injects_nothing(seeded_db: Path, cli: Cli) -> None:
    result = cli("edit", "dmm-2025-06", "--title", HOSTILE, "--location", "A;B,C\\D\nEND:VCALENDAR")
    assert result.exit_code == 0, result.stderr
    text = export(seeded_db)
    found = events(text)
    assert "evil@x" not in found
    assert len(found) == len(meetings_in(seeded_db))
    event = found["dmm-2025-06@navo-agenda"]
    assert str(event["SUMMARY"]) == HOSTILE
    assert str(event["LOCATION"]) == "A;B,C\\D\nEND:VCALENDAR"
    assert text.count("\r\nEND:VCALENDAR") == 1
    before = snapshot(seeded_db)
    counts = import_ics(seeded_db, text.encode("utf-8"))
    assert counts == ImportCounts(unchanged=len(found))
    assert snapshot(seeded_db) == before


def detail_titled(title: str) -> MeetingDetail:
    row = MeetingRow("x-2025-01", "other", title, None, None, date(2025, 1, 1), date(2025, 1, 1),
                     None, "planned", None, 0, 0)  # fmt: skip
    return MeetingDetail(row, None, None, None, None, None, (), (), (), (), {})


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from('\n\\;,:"')).map(
        lambda title: title.lstrip("\ufeff")  # the store holds no such title (texts.py)
    )
)
@example("\\N")  # icalendar itself reads a literal backslash-N as a line break
@example("C:\\Nieuw\\n")
@example("Evil \x1b]0;pwned\x07\x1b[2J \x9b31m\x85")  # escape sequences, C1 included
@example("zero\ufeffwidth")
def test_any_title_survives_the_calendar(title: str) -> None:
    """Exactly, but for control characters, which RFC 5545 text cannot hold (C0, DEL) or a
    terminal showing the calendar would obey (C1): they become U+FFFD."""
    from icalendar import Calendar as NewCalendar

    from navo_agenda.exchange.ics import Stamp, ics_text

    stamp = Stamp("x@navo-agenda", datetime(2025, 1, 1), datetime(2025, 1, 1), 1)
    event, _ = meeting_event(detail_titled(title or "x"), stamp, {})
    calendar = NewCalendar()
    calendar.add_component(event)
    text = calendar.to_ical().decode("utf-8")
    assert not re.search("[\x00-\x08\x0a-\x1f\x7f-\x9f]", text.replace("\r\n", ""))
    back = parsed(text).walk("VEVENT")
    assert len(back) == 1
    assert str(back[0]["SUMMARY"]) == ics_text(title or "x")
    if not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", title):
        assert str(back[0]["SUMMARY"]) == (title or "x")


# --- import -------------------------------------------------------------------------------


def test_our_own_export_imported_again_changes_nothing(seeded_db: Path) -> None:
    text = export(seeded_db, with_deadlines=True)
    before = snapshot(seeded_db)
    counts = import_ics(seeded_db, text.encode("utf-8"))
    deadlines = len(todos(text))
    assert deadlines > 5
    assert counts == ImportCounts(unchanged=len(meetings_in(seeded_db)), todos=deadlines)
    assert snapshot(seeded_db) == before


def test_into_an_empty_database_it_creates_the_meetings(
    seeded_db: Path, cli: Cli, tmp_path: Path
) -> None:
    text = export(seeded_db, with_deadlines=True)
    seeded = meetings_in(seeded_db)
    empty = empty_database(cli, tmp_path)
    assert import_ics(empty, text.encode("utf-8")) == ImportCounts(
        added=len(seeded), todos=len(todos(text))
    )
    created = {row["external_uid"]: row for row in meetings_in(empty).values()}
    assert set(created) == {f"{slug}@navo-agenda" for slug in seeded}
    for slug, original in seeded.items():
        row = created[f"{slug}@navo-agenda"]
        for column in ("title", "starts_on", "ends_on", "location", "status", "kind"):
            assert row[column] == original[column], (slug, column)
        # The kind comes back from CATEGORIES, and with it a slug as the meeting had.
        assert row["slug"].startswith(f"{original['kind']}-{original['starts_on'][:7]}")
    assert created["summit-2025-06@navo-agenda"]["ends_on"] == "2025-06-25"
    before = snapshot(empty)
    assert import_ics(empty, text.encode("utf-8")) == ImportCounts(
        unchanged=len(seeded), todos=len(todos(text))
    )
    assert snapshot(empty) == before
    # Exported from there, the events keep the UIDs a calendar already has.
    assert set(events(export(empty))) == set(events(text))


def foreign_calendar(*, summary: str = "Ministerial in Brussels", extra: bool = True) -> bytes:
    """What another calendar program writes: zoned date-times, an all-day span, a to-do."""
    calendar = Calendar()
    calendar.add("prodid", "-//Example Corp.//Calendar 1.0//EN")
    calendar.add("version", "2.0")
    brussels = ZoneInfo("Europe/Brussels")
    timed = Event()
    timed.add("uid", "040000008200E00074C5B7101A82E008@example.com")
    timed.add("dtstamp", datetime(2025, 5, 1, 8, 0, tzinfo=ZoneInfo("UTC")))
    timed.add("summary", summary)
    timed.add("location", "NATO HQ, Brussels")
    timed.add("dtstart", datetime(2025, 6, 5, 9, 30, tzinfo=brussels))
    timed.add("dtend", datetime(2025, 6, 5, 17, 0, tzinfo=brussels))
    calendar.add_component(timed)
    span = Event()
    span.add("uid", "summit-ankara@example.com")
    span.add("dtstamp", datetime(2025, 8, 19, 12, 0, tzinfo=ZoneInfo("UTC")))
    span.add("summary", "NATO Summit, Ankara")
    span.add("dtstart", date(2026, 7, 7))
    span.add("dtend", date(2026, 7, 9))
    span.add("status", "TENTATIVE")
    calendar.add_component(span)
    if extra:
        late = Event()  # 22:00 in New York is the next day in UTC: the date stays the 5th
        late.add("uid", "late@example.com")
        late.add("dtstamp", datetime(2025, 5, 1, 8, 0, tzinfo=ZoneInfo("UTC")))
        late.add("summary", "Call with Washington")
        late.add("dtstart", datetime(2025, 6, 5, 22, 0, tzinfo=ZoneInfo("America/New_York")))
        calendar.add_component(late)
        todo = Todo()
        todo.add("uid", "todo@example.com")
        todo.add("summary", "Read the annotated agenda")
        todo.add("due", date(2025, 6, 1))
        calendar.add_component(todo)
    calendar.add_missing_timezones()
    written: bytes = calendar.to_ical()
    return written


def test_a_foreign_calendar_imports_with_generated_slugs(seeded_db: Path) -> None:
    counts = import_ics(seeded_db, foreign_calendar())
    assert counts == ImportCounts(added=3, todos=1)
    rows = {row["external_uid"]: row for row in meetings_in(seeded_db).values()}
    timed = rows["040000008200E00074C5B7101A82E008@example.com"]
    assert timed["slug"] == "other-2025-06"
    assert (timed["starts_on"], timed["ends_on"]) == ("2025-06-05", "2025-06-05")
    assert timed["time_note"] == "09:30–17:00 Europe/Brussels"
    assert timed["location"] == "NATO HQ, Brussels"
    assert timed["status"] == "held"  # confirmed (by default) and over
    span = rows["summit-ankara@example.com"]
    assert (span["slug"], span["starts_on"], span["ends_on"]) == (
        "other-2026-07",
        "2026-07-07",
        "2026-07-08",
    )
    assert span["status"] == "expected"
    assert span["time_note"] is None
    assert span["location"] is None
    late = rows["late@example.com"]
    assert (late["slug"], late["starts_on"]) == ("other-2025-06-2", "2025-06-05")
    assert late["time_note"] == "22:00 America/New_York"
    before = snapshot(seeded_db)
    assert import_ics(seeded_db, foreign_calendar()) == ImportCounts(unchanged=3, todos=1)
    assert snapshot(seeded_db) == before


def test_a_foreign_event_is_exported_with_its_uid_and_time(seeded_db: Path) -> None:
    import_ics(seeded_db, foreign_calendar())
    text = export(seeded_db)
    event = events(text)["040000008200E00074C5B7101A82E008@example.com"]
    assert event["DTSTART"].dt == datetime(2025, 6, 5, 9, 30, tzinfo=ZoneInfo("Europe/Brussels"))
    assert event["DTEND"].dt == datetime(2025, 6, 5, 17, 0, tzinfo=ZoneInfo("Europe/Brussels"))
    assert "DTSTART;TZID=Europe/Brussels:20250605T093000" in text
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels" in text
    before = snapshot(seeded_db)
    assert import_ics(seeded_db, text.encode("utf-8")).added == 0
    assert snapshot(seeded_db) == before


def test_a_changed_event_updates_its_meeting_only(seeded_db: Path) -> None:
    import_ics(seeded_db, foreign_calendar())
    versions = {slug: row["version"] for slug, row in meetings_in(seeded_db).items()}
    counts = import_ics(seeded_db, foreign_calendar(summary="Ministerial, moved"))
    assert counts == ImportCounts(changed=1, unchanged=2, todos=1)
    after = meetings_in(seeded_db)
    assert after["other-2025-06"]["title"] == "Ministerial, moved"
    assert after["other-2025-06"]["version"] == versions["other-2025-06"] + 1
    assert all(
        after[slug]["version"] == v for slug, v in versions.items() if slug != "other-2025-06"
    )


def test_a_calendar_change_of_date_location_and_status_comes_back(seeded_db: Path) -> None:
    calendar = parsed(export(seeded_db, Selection(meeting="npg-2025-06")))
    event = calendar.walk("VEVENT")[0]
    for name in ("DTSTART", "DTEND", "LOCATION", "STATUS", "X-NAVO-AGENDA-STATUS"):
        del event[name]
    event.add("dtstart", date(2025, 6, 6))
    event.add("dtend", date(2025, 6, 8))
    event.add("status", "CANCELLED")
    assert import_ics(seeded_db, calendar.to_ical()) == ImportCounts(changed=1)
    row = meetings_in(seeded_db)["npg-2025-06"]
    assert (row["starts_on"], row["ends_on"], row["status"]) == (
        "2025-06-06",
        "2025-06-07",
        "cancelled",
    )
    assert row["location"] is None
    assert row["kind"] == "npg"
    assert row["external_uid"] is None


def test_confirmed_leaves_planned_and_held_alike(seeded_db: Path) -> None:
    # dmm-2026-02 and the UDCG within it are still 'planned', though past: CONFIRMED alone
    # does not make them 'held'.
    calendar = parsed(export(seeded_db, Selection(meeting="dmm-2026-02")))
    for event in calendar.walk("VEVENT"):
        assert str(event["STATUS"]) == "CONFIRMED"
        del event["X-NAVO-AGENDA-STATUS"]
    before = snapshot(seeded_db)
    assert import_ics(seeded_db, calendar.to_ical()) == ImportCounts(unchanged=2)
    assert snapshot(seeded_db) == before


def calendar_text(*events_text: str) -> bytes:
    body = "".join(f"BEGIN:VEVENT\r\n{event}END:VEVENT\r\n" for event in events_text)
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + body + "END:VCALENDAR\r\n"
    ).encode()


GOOD = "UID:good@x\r\nSUMMARY:Good\r\nDTSTART;VALUE=DATE:20250601\r\n"

BAD_FILES = {
    "no uid": (
        calendar_text(GOOD, "SUMMARY:Nameless\r\nDTSTART;VALUE=DATE:20250605\r\n"),
        ["event 2", "'Nameless'", "UID: missing"],
    ),
    "end before start": (
        calendar_text(
            GOOD,
            "UID:bad@x\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20250605\r\n"
            "DTEND;VALUE=DATE:20250601\r\n",
        ),
        ["event 'bad@x' DTEND:", "before"],
    ),
    "timed end before start": (
        calendar_text(
            "UID:bad@x\r\nSUMMARY:x\r\nDTSTART:20250605T100000Z\r\nDTEND:20250605T090000Z\r\n"
        ),
        ["event 'bad@x' DTEND:", "before"],
    ),
    "date that is not a date": (
        calendar_text(GOOD, "UID:bad@x\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20251345\r\n"),
        ["event 'bad@x' DTSTART:"],
    ),
    "a word for a date": (
        calendar_text("UID:bad@x\r\nSUMMARY:x\r\nDTSTART:tomorrow\r\n"),
        ["event 'bad@x' DTSTART:"],
    ),
    "no start": (calendar_text("UID:bad@x\r\nSUMMARY:x\r\n"), ["event 'bad@x' DTSTART: missing"]),
    "no summary": (
        calendar_text("UID:bad@x\r\nDTSTART;VALUE=DATE:20250605\r\n"),
        ["event 'bad@x' SUMMARY:"],
    ),
    "mixed date and date-time": (
        calendar_text(
            "UID:bad@x\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20250605\r\nDTEND:20250606T100000Z\r\n"
        ),
        ["event 'bad@x' DTEND:"],
    ),
    "unknown status": (
        calendar_text(GOOD.replace("good", "bad") + "STATUS:MAYBE\r\n"),
        ["event 'bad@x' STATUS:", "'MAYBE'"],
    ),
    "recurring": (
        calendar_text(GOOD.replace("good", "bad") + "RRULE:FREQ=WEEKLY\r\n"),
        ["event 'bad@x' RRULE:"],
    ),
    "a zone nobody defines": (
        calendar_text("UID:bad@x\r\nSUMMARY:x\r\nDTSTART;TZID=Mars/Olympus:20250105T093000\r\n"),
        ["event 'bad@x' DTSTART:", "'Mars/Olympus'", "VTIMEZONE"],
    ),
    "an end in a zone nobody defines": (
        calendar_text(
            "UID:bad@x\r\nSUMMARY:x\r\nDTSTART:20250105T093000Z\r\n"
            "DTEND;TZID=Mars/Olympus:20250105T103000\r\n"
        ),
        ["event 'bad@x' DTEND:", "'Mars/Olympus'"],
    ),
    "a duration beyond the year 9999": (
        calendar_text(
            GOOD, "UID:bad@x\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20250605\r\nDURATION:P3000000D\r\n"
        ),
        ["event 'bad@x' DURATION:", "after the year 9999"],
    ),
    "a timed duration beyond the year 9999": (
        calendar_text("UID:bad@x\r\nSUMMARY:x\r\nDTSTART:99991231T100000Z\r\nDURATION:PT20H\r\n"),
        ["event 'bad@x' DURATION:", "after the year 9999"],
    ),
    "a local time that is past the last day in UTC": (
        (
            b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VTIMEZONE\r\n"
            b"TZID:Far\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\nTZOFFSETFROM:-2359\r\n"
            b"TZOFFSETTO:-2359\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nUID:bad@x\r\n"
            b"SUMMARY:x\r\nDTSTART;TZID=Far:99991231T230000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        ),
        ["event 'bad@x' DTSTART:", "beyond the first or last day"],
    ),
    "a terminal escape in the title": (
        calendar_text(
            "UID:bad@x\r\nSUMMARY:Evil \x1b]0;pwned\x07\r\nDTSTART;VALUE=DATE:20250605\r\n"
        ),
        ["event 'bad@x' SUMMARY:", "control character U+001B at character 6"],
    ),
    "a title longer than any text": (
        calendar_text(
            "UID:bad@x\r\nSUMMARY:" + "x" * 100_001 + "\r\nDTSTART;VALUE=DATE:20250605\r\n"
        ),
        ["event 'bad@x' SUMMARY:", "100,001 characters long"],
    ),
    "a byte order mark before the title": (
        calendar_text("UID:bad@x\r\nSUMMARY:\ufeffx\r\nDTSTART;VALUE=DATE:20250605\r\n"),
        ["event 'bad@x' SUMMARY:", "begins with U+FEFF, a byte order mark"],
    ),
    "a control character in the location": (
        calendar_text(GOOD.replace("good", "bad") + "LOCATION:Brus\x00sel\r\n"),
        ["event 'bad@x' LOCATION:", "U+0000"],
    ),
    "an event inside an event": (
        calendar_text(
            "UID:bad@x\r\nSUMMARY:x\r\nDTSTART;VALUE=DATE:20250605\r\n"
            "BEGIN:VEVENT\r\nUID:inner@x\r\nSUMMARY:y\r\nDTSTART;VALUE=DATE:20250606\r\n"
            "END:VEVENT\r\n"
        ),
        ["event 'bad@x' BEGIN:VEVENT:", "inside the event"],
    ),
    "duplicate uid": (calendar_text(GOOD, GOOD), ["event 'good@x' UID:", "events 1 and 2"]),
    "not icalendar": (b"Subject: agenda\r\n\r\nSee you in Brussels.\r\n", ["not an iCalendar"]),
    "json": (b'{"meetings": []}', ["not an iCalendar"]),
    "truncated": (calendar_text(GOOD)[:60], ["incomplete", "END:VCALENDAR"]),
    "garbage bytes": (bytes(range(256)) * 4096, ["not an iCalendar"]),
    "garbage inside": (
        b"BEGIN:VCALENDAR\r\n" + b"\x00\x01garbage \xc3\xa9\r\n" * 50_000 + b"END:VCALENDAR\r\n",
        ["not a valid iCalendar"],
    ),
    "not utf-8": (
        calendar_text(GOOD.replace("Good", "Caf\u00e9")).replace(b"\xc3\xa9", b"\xe9"),
        ["not UTF-8"],
    ),  # fmt: skip
    "two calendars": (calendar_text(GOOD) + calendar_text(GOOD), ["holds 2 calendars"]),
    "cut inside a character": (calendar_text(GOOD + "LOCATION:Café\r\n")[:132], ["incomplete"]),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_whole_and_writes_nothing(seeded_db: Path, case: str) -> None:
    data, expected = BAD_FILES[case]
    before = snapshot(seeded_db)
    with pytest.raises(BadFile) as raised:
        import_ics(seeded_db, data)
    message = str(raised.value)
    assert message.startswith(f"{NAME}: "), message
    for part in expected:
        assert part in message, message
    assert "\x00" not in message
    assert len(message) < 400
    assert snapshot(seeded_db) == before


def test_the_last_days_of_the_calendar_export_and_come_back(cli: Cli, tmp_path: Path) -> None:
    """The day after 9999-12-31 has no date, so an all-day meeting ending then cannot have
    the exclusive DTEND: it gets a DURATION, which the import reads back."""
    database = empty_database(cli, tmp_path)
    with sqlite3.connect(database) as connection:
        connection.execute(
            "INSERT INTO meeting (slug, kind, title, starts_on, ends_on, status, time_note)"
            " VALUES ('other-9999-12', 'other', 'Last', '9999-12-30', '9999-12-31', 'planned',"
            " NULL), ('other-9999-12-2', 'other', 'Late', '9999-12-31', '9999-12-31',"
            " 'planned', '10:00–24:00 Europe/Amsterdam')"
        )
    text = export(database)
    found = events(text)
    last = found["other-9999-12@navo-agenda"]
    assert last.decoded("dtstart") == date(9999, 12, 30)
    assert last.decoded("duration") == timedelta(days=2)
    assert "DTEND" not in last
    assert found["other-9999-12-2@navo-agenda"].decoded("dtstart") == date(9999, 12, 31)
    (tmp_path / "again").mkdir()
    again = empty_database(cli, tmp_path / "again")
    import_ics(again, text.encode())
    dates = {(row["starts_on"], row["ends_on"]) for row in meetings_in(again).values()}
    assert dates == {("9999-12-30", "9999-12-31"), ("9999-12-31", "9999-12-31")}


def test_an_alarm_inside_an_event_is_allowed(seeded_db: Path) -> None:
    data = calendar_text(
        GOOD + "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Soon\r\n"
        "TRIGGER:-PT15M\r\nEND:VALARM\r\n"
    )
    assert import_ics(seeded_db, data).added == 1


def test_a_file_naming_one_meeting_twice_writes_nothing(seeded_db: Path) -> None:
    import_ics(seeded_db, foreign_calendar(extra=False))
    external = "040000008200E00074C5B7101A82E008@example.com"
    slug = next(s for s, r in meetings_in(seeded_db).items() if r["external_uid"] == external)
    data = calendar_text(
        f"UID:{slug}@navo-agenda\r\nSUMMARY:One\r\nDTSTART;VALUE=DATE:20250605\r\n",
        f"UID:{external}\r\nSUMMARY:Two\r\nDTSTART;VALUE=DATE:20250605\r\n",
    )
    before = snapshot(seeded_db)
    with pytest.raises(BadFile, match="names the same meeting"):
        import_ics(seeded_db, data)
    assert snapshot(seeded_db) == before


def test_other_components_are_not_meetings(seeded_db: Path) -> None:
    batch = read_ics(foreign_calendar(), name=NAME)
    assert [event.uid for event in batch.events] == [
        "040000008200E00074C5B7101A82E008@example.com",
        "summit-ankara@example.com",
        "late@example.com",
    ]


def test_all_day_end_forms(seeded_db: Path) -> None:
    data = calendar_text(
        "UID:a@x\r\nSUMMARY:a\r\nDTSTART;VALUE=DATE:20250605\r\n",
        "UID:b@x\r\nSUMMARY:b\r\nDTSTART;VALUE=DATE:20250605\r\nDTEND;VALUE=DATE:20250606\r\n",
        "UID:c@x\r\nSUMMARY:c\r\nDTSTART;VALUE=DATE:20250605\r\nDURATION:P3D\r\n",
        "UID:d@x\r\nSUMMARY:d\r\nDTSTART:20250605T200000Z\r\nDTEND:20250607T000000Z\r\n",
    )
    spans = {e.uid: (e.starts_on, e.ends_on, e.time_note) for e in read_ics(data, name=NAME).events}
    day = date(2025, 6, 5)
    assert spans == {
        "a@x": (day, day, None),
        "b@x": (day, day, None),
        "c@x": (day, date(2025, 6, 7), None),
        "d@x": (day, date(2025, 6, 6), "20:00–24:00 UTC"),
    }


def test_the_kind_of_new_meetings_is_checked(seeded_db: Path) -> None:
    from navo_agenda.errors import InvalidInput

    with pytest.raises(InvalidInput, match="gala"):
        import_ics(seeded_db, foreign_calendar(), kind="gala")
    assert import_ics(seeded_db, foreign_calendar(), kind="dmm").added == 3
    assert "dmm-2026-07" in meetings_in(seeded_db)


def test_icalendar_is_not_imported_until_used() -> None:
    code = (
        "import sys, navo_agenda.exchange.ics, navo_agenda.exchange.markdown;"
        "print('icalendar' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("start", "end", "note"),
    [
        ("DTSTART;TZID=W. Europe Standard Time:20250605T093000", "", "09:30 Europe/Berlin"),
        (
            "DTSTART;TZID=Europe/London:20250105T093000",
            "DTEND;TZID=Europe/London:20250105T103000",
            "09:30–10:30 Europe/London",  # UTC+0 in winter, and still London
        ),
        ("DTSTART:20250105T093000", "DTEND:20250105T110000", "09:30–11:00"),  # floating
        (
            "DTSTART;TZID=Europe/Brussels:20250105T093000",
            "DTEND:20250105T100000Z",  # another zone: 11:00 in Brussels
            "09:30–11:00 Europe/Brussels",
        ),
    ],
)
def test_the_time_note_names_the_zone(start: str, end: str, note: str) -> None:
    lines = f"UID:t@x\r\nSUMMARY:t\r\n{start}\r\n" + (f"{end}\r\n" if end else "")
    (event,) = read_ics(calendar_text(lines), name=NAME).events
    assert event.time_note == note
    assert event.starts_on == event.ends_on == date(2025, 6 if "0605" in start else 1, 5)


def vtimezone(tzid: str, standard: str, daylight: str | None = None) -> str:
    """A VTIMEZONE as Outlook writes it: rules since 1601, with summer time if given."""
    if daylight is None:
        return (
            f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000\r\n"
            f"TZOFFSETFROM:{standard}\r\nTZOFFSETTO:{standard}\r\nEND:STANDARD\r\n"
            "END:VTIMEZONE\r\n"
        )
    return (
        f"BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n"
        "BEGIN:STANDARD\r\nDTSTART:16011028T030000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n"
        f"TZOFFSETFROM:{daylight}\r\nTZOFFSETTO:{standard}\r\nEND:STANDARD\r\n"
        "BEGIN:DAYLIGHT\r\nDTSTART:16010325T020000\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n"
        f"TZOFFSETFROM:{standard}\r\nTZOFFSETTO:{daylight}\r\nEND:DAYLIGHT\r\n"
        "END:VTIMEZONE\r\n"
    )


@pytest.mark.parametrize(
    ("tzid", "definition", "note"),
    [
        ("W. Europe Standard Time", ("+0100", "+0200"), "09:30–17:00 Europe/Berlin"),
        (  # a definition that disagrees with the zone the name stands for: its moment wins
            "W. Europe Standard Time",
            ("+0100", None),
            "08:30–16:00 UTC",
        ),
        (
            "/freeassociation.sourceforge.net/Europe/Berlin",
            ("+0100", "+0200"),
            "09:30–17:00 Europe/Berlin",
        ),
        ("Customized Time Zone", ("+0530", None), "04:00–11:30 UTC"),
        ("Mars/Olympus", ("-0300", None), "12:30–20:00 UTC"),
    ],
)
def test_a_zone_is_stored_by_an_iana_name_or_as_utc(
    tzid: str, definition: tuple[str, str | None], note: str
) -> None:
    event = (
        f"UID:t@x\r\nSUMMARY:t\r\nDTSTART;TZID={tzid}:20250605T093000\r\n"
        f"DTEND;TZID={tzid}:20250605T170000\r\n"
    )
    data = calendar_text(event).replace(
        b"BEGIN:VEVENT", vtimezone(tzid, *definition).encode() + b"BEGIN:VEVENT"
    )
    (read,) = read_ics(data, name=NAME).events
    assert read.time_note == note
    assert read.starts_on == read.ends_on == date(2025, 6, 5)


OUTLOOK = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
    "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n"
    + vtimezone("Romance Standard Time", "+0100", "+0200")
    + "BEGIN:VEVENT\r\nUID:o1\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Informal DMM\r\n"
    "DTSTART;TZID=Romance Standard Time:20270315T143000\r\n"
    "DTEND;TZID=Romance Standard Time:20270315T170000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_an_outlook_calendar_exports_again(cli: Cli, tmp_path: Path) -> None:
    database = empty_database(cli, tmp_path)
    (tmp_path / "o.ics").write_text(OUTLOOK, newline="")
    imported = cli("--db", str(database), "import", str(tmp_path / "o.ics"))
    assert imported.exit_code == 0, imported.stderr
    (row,) = meetings_in(database).values()
    assert row["time_note"] == "14:30–17:00 Europe/Paris"
    out = tmp_path / "out.ics"
    exported = cli("--db", str(database), "export", "--format", "ics", "--out", str(out))
    assert exported.exit_code == 0, exported.stderr
    text = out.read_bytes().decode()
    event = events(text)["o1"]
    assert event["DTSTART"].dt == datetime(2027, 3, 15, 14, 30, tzinfo=ZoneInfo("Europe/Paris"))
    assert "DTSTART;TZID=Europe/Paris:20270315T143000" in text


def test_what_an_import_leaves_out_is_said(seeded_db: Path, cli: Cli, tmp_path: Path) -> None:
    """A calendar's to-dos (our deadlines among them) and journal entries are not meetings:
    the line says they were left out, rather than drop them in silence."""
    out = tmp_path / "navo.ics"
    assert cli("export", "-f", "ics", "--with-deadlines", "--out", str(out)).exit_code == 0
    text = out.read_bytes().decode("utf-8")
    empty = empty_database(cli, tmp_path)
    result = cli("--db", str(empty), "import", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"Imported {out}: {len(events(text))} added, 0 changed, 0 unchanged;"
        f" {len(todos(text))} to-do(s) left out: an import reads a calendar's events only\n"
    )
    journal = calendar_text(GOOD).replace(
        b"END:VCALENDAR",
        b"BEGIN:VJOURNAL\r\nUID:j@x\r\nSUMMARY:Notes\r\nEND:VJOURNAL\r\nEND:VCALENDAR",
    )
    (tmp_path / "journal.ics").write_bytes(journal)
    noted = cli("--db", str(empty), "import", str(tmp_path / "journal.ics"))
    assert noted.stderr.endswith(
        ": 1 added, 0 changed, 0 unchanged; 1 other entry(ies) left out: an import reads a"
        " calendar's events only\n"
    )


@pytest.mark.parametrize("zone", ["Romance_Standard_Time", "Mars/Olympus", "../../etc/passwd"])
def test_a_zone_stored_by_an_earlier_version_exports_all_day(
    seeded_db: Path, cli: Cli, tmp_path: Path, zone: str
) -> None:
    note = f"14:30–17:00 {zone}"
    with sqlite3.connect(seeded_db) as connection:
        connection.execute(
            "UPDATE meeting SET time_note = ?, external_uid = 'o1' WHERE slug = 'npg-2025-06'",
            (note,),
        )
    out = tmp_path / "out.ics"
    result = cli("export", "--format", "ics", "--meeting", "npg-2025-06", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    event = events(out.read_bytes().decode())["o1"]
    assert (event["DTSTART"].dt, event["DTEND"].dt) == (date(2025, 6, 5), date(2025, 6, 6))
    assert f"Time: {note}" in event["DESCRIPTION"]


def test_importing_the_calendar_again_repairs_such_a_zone(seeded_db: Path) -> None:
    with sqlite3.connect(seeded_db) as connection:
        connection.execute(
            "UPDATE meeting SET time_note = '14:30–17:00 Romance_Standard_Time',"
            " starts_on = '2027-03-15', ends_on = '2027-03-15', title = 'Informal DMM',"
            " location = NULL, external_uid = 'o1' WHERE slug = 'npg-2025-06'"
        )
    assert import_ics(seeded_db, OUTLOOK.encode()) == ImportCounts(changed=1)
    assert meetings_in(seeded_db)["npg-2025-06"]["time_note"] == "14:30–17:00 Europe/Paris"
    assert "DTSTART;TZID=Europe/Paris:20270315T143000" in export(seeded_db)


def test_the_kind_of_a_new_meeting_comes_from_its_categories(seeded_db: Path) -> None:
    data = calendar_text(
        "UID:a@x\r\nSUMMARY:a\r\nDTSTART;VALUE=DATE:20270605\r\nCATEGORIES:Work,NATO\r\n",
        "UID:b@x\r\nSUMMARY:b\r\nDTSTART;VALUE=DATE:20270605\r\nCATEGORIES:Travel\r\n"
        "CATEGORIES:Summit,npg\r\n",
        "UID:c@x\r\nSUMMARY:c\r\nDTSTART;VALUE=DATE:20270605\r\n",
    )
    assert import_ics(seeded_db, data, kind="dmm") == ImportCounts(added=3)
    kinds = {
        row["external_uid"]: (row["kind"], row["slug"]) for row in meetings_in(seeded_db).values()
    }
    assert kinds["a@x"] == ("dmm", "dmm-2027-06")  # no category is a kind: --kind
    assert kinds["b@x"] == ("summit", "summit-2027-06")  # the first that is, in any case
    assert kinds["c@x"] == ("dmm", "dmm-2027-06-2")


def test_categories_do_not_change_the_kind_of_a_meeting(seeded_db: Path) -> None:
    calendar = parsed(export(seeded_db, Selection(meeting="npg-2025-06")))
    event = calendar.walk("VEVENT")[0]
    del event["CATEGORIES"]
    event.add("categories", ["summit"])
    assert import_ics(seeded_db, calendar.to_ical()) == ImportCounts(unchanged=1)
    assert meetings_in(seeded_db)["npg-2025-06"]["kind"] == "npg"


@pytest.mark.slow
def test_a_guessed_zone_prints_only_our_line(tmp_path: Path) -> None:
    """icalendar warns when it guesses a vendor-prefixed TZID; the user sees our summary."""
    from tests.conftest import clean_environment

    calendar = tmp_path / "vendor.ics"
    calendar.write_text(
        "\r\n".join(
            [
                "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Evolution//EN", "BEGIN:VEVENT",
                "UID:v1", "DTSTAMP:20260101T000000Z", "SUMMARY:Overleg",
                "DTSTART;TZID=/freeassociation.sourceforge.net/Europe/Berlin:20270315T143000",
                "END:VEVENT", "END:VCALENDAR", "",
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    env = clean_environment(NAVO_AGENDA_DB=str(tmp_path / "a.db"))
    navo = [sys.executable, "-m", "navo_agenda"]
    subprocess.run([*navo, "db", "init", "--empty"], env=env, check=True, capture_output=True)
    run = subprocess.run(
        [*navo, "import", str(calendar)], env=env, capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr
    assert run.stderr == f"Imported {calendar}: 1 added, 0 changed, 0 unchanged\n"


def test_an_event_that_changes_nothing_is_unchanged_whatever_its_stamps(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A colleague's calendar: its events stamped before this database's meetings (made
    earlier), a few of them renamed there since. Those are applied; the others match the
    meetings and are unchanged, not "older than the database's" — the first time, and all
    of them the second."""
    theirs = tmp_path / "theirs.ics"
    assert cli("export", "--format", "ics", "--out", str(theirs)).exit_code == 0
    text = theirs.read_bytes().decode("utf-8")
    text = re.sub(r"LAST-MODIFIED:\S+", "LAST-MODIFIED:20000101T000000Z", text)
    blocks = text.split("BEGIN:VEVENT\r\n")
    title = "SUMMARY:Ukraine Defence Contact Group\r\n"
    changed = sum(block.startswith(title) for block in blocks)
    assert changed > 0
    stamped = "BEGIN:VEVENT\r\n".join(
        block.replace(title, "SUMMARY:UDCG\r\n").replace("20000101T", "20991231T")
        if block.startswith(title)
        else block
        for block in blocks
    )
    theirs.write_bytes(stamped.encode("utf-8"))
    first = cli("import", str(theirs))
    assert first.stderr.endswith(f": 0 added, {changed} changed, {15 - changed} unchanged\n")
    again = cli("import", str(theirs))
    assert again.stderr.endswith(": 0 added, 0 changed, 15 unchanged\n"), again.stderr


def test_an_older_copy_of_our_calendar_does_not_undo_newer_edits(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """Our own event (its UID names the meeting) stamped before the meeting last changed is
    left out, and the line says so; one a calendar program changed later is imported."""
    old = tmp_path / "old.ics"
    assert cli("export", "--format", "ics", "--out", str(old)).exit_code == 0
    with sqlite3.connect(seeded_db) as connection:  # a second later, as far as stamps go
        connection.execute(
            "UPDATE meeting SET title = 'DMM renamed', version = version + 1,"
            " updated_at = datetime(updated_at, '+1 second') WHERE slug = 'dmm-2025-06'"
        )
    before = snapshot(seeded_db)
    result = cli("import", str(old))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        f"Imported {old}: 0 added, 0 changed, 14 unchanged, 1 older than the database's (left"
        " as the database has them)\n"
    )  # the meeting; the two within it, whose events show its title, would change nothing
    assert snapshot(seeded_db) == before
    changed = tmp_path / "changed.ics"
    text = old.read_text(encoding="utf-8")
    uid = "UID:dmm-2025-06@navo-agenda"
    start = text.rindex("BEGIN:VEVENT", 0, text.index(uid))
    event = text[start : text.index("END:VEVENT", start)]
    edited = re.sub(r"LAST-MODIFIED:\S+", "LAST-MODIFIED:20991231T000000Z", event)
    edited = re.sub(r"SUMMARY:[^\r\n]+", "SUMMARY:Renamed in the calendar", edited)
    changed.write_text(text.replace(event, edited), encoding="utf-8", newline="")
    applied = cli("import", str(changed))
    assert applied.exit_code == 0, applied.stderr
    assert ", 1 changed, " in applied.stderr
    assert json.loads(cli("show", "dmm-2025-06", "--json").stdout)["meeting"]["title"] == (
        "Renamed in the calendar"
    )
