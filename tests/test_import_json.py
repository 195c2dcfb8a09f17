"""`import` of JSON: upsert by key, history only ever extended, all or nothing; every bad or
hostile file refused in one line that names the file and the place in it, with the database
left exactly as it was; and arbitrary records surviving export and import unchanged."""

import json
import operator
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from navo_agenda.amounts import canonical
from navo_agenda.dates import PartialDate
from tests.conftest import Cli, snapshot

Data = dict[str, Any]


def exported(cli: Cli, *args: str) -> Data:
    result = cli(*args, "export")
    assert result.exit_code == 0, result.stderr
    data: Data = json.loads(result.stdout)
    return data


def write(path: Path, content: Data | str | bytes) -> Path:
    if isinstance(content, dict):
        content = json.dumps(content, ensure_ascii=False)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def empty_db(cli: Cli, path: Path) -> Path:
    assert cli("--db", str(path), "db", "init", "--empty").exit_code == 0
    return path


def index(records: list[Data], key: str, value: Any) -> int:
    return next(number for number, record in enumerate(records) if record[key] == value)


# -- bad files ---------------------------------------------------------------------------------


def changed(change: Callable[[Data], object]) -> Callable[[Data], Data]:
    def apply(data: Data) -> Data:
        change(data)
        return data

    return apply


def raw(placeholder_change: Callable[[Data], object], old: str, new: str) -> Callable[[Data], str]:
    """The export as text with a placeholder value replaced by what JSON values cannot be."""

    def apply(data: Data) -> str:
        placeholder_change(data)
        return json.dumps(data, ensure_ascii=False).replace(old, new, 1)

    return apply


def first_meeting(key: str, value: object) -> Callable[[Data], object]:
    return lambda data: data["meetings"][0].__setitem__(key, value)


def commitment(ref: str) -> Callable[[Data], Data]:
    return lambda data: data["commitments"][index(data["commitments"], "ref", ref)]


def set_due(data: Data) -> None:
    data["commitments"][3]["due"] = "2026-13"


def break_chain(data: Data) -> None:
    commitment("c-2025-001")(data)["events"][1]["from_status"] = "in_progress"


def rewrite_history(data: Data) -> None:
    commitment("c-2025-001")(data)["events"][0]["note"] = "Something else happened"


def orphan_item(data: Data) -> None:
    data["agenda_items"][0]["meeting"] = "nope-2025-01"


def duplicate_meeting(data: Data) -> None:
    data["meetings"].append(dict(data["meetings"][0]))


def circle(data: Data) -> None:
    meetings = data["meetings"]
    dmm = index(meetings, "slug", "dmm-2025-06")
    meetings[dmm]["parent"] = "npg-2025-06"


def gap(data: Data) -> None:
    data["agenda_items"][0]["position"] = 9


def quote_alone(data: Data) -> None:
    data["agenda_items"][0]["source"] = None


def ends_first(data: Data) -> None:
    data["meetings"][0]["ends_on"] = "2000-01-01"


def wrong_status(data: Data) -> None:
    commitment("c-2025-001")(data)["status"] = "dropped"


def events_of(ref: str) -> Callable[[Data], list[Data]]:
    return lambda data: commitment(ref)(data)["events"]


def missing_title(data: Data) -> None:
    del data["meetings"][0]["title"]


def unknown_key(data: Data) -> None:
    data["meetings"][0]["titel"] = "typo"


def float_amount(data: Data) -> None:
    commitment("c-2025-007")(data)["amount"] = 3.5e9


def nested(_: Data) -> str:
    depth = 100_000
    return (
        '{"format": "navo-agenda/export", "version": 1, "meetings": '
        + "[" * depth
        + "]" * depth
        + "}"
    )


def truncated(data: Data) -> str:
    text = json.dumps(data, ensure_ascii=False)
    return text[: len(text) // 2]


def not_utf8(data: Data) -> bytes:
    data["meetings"][0]["title"] = "PLACEHOLDER"
    return json.dumps(data).encode().replace(b"PLACEHOLDER", b"caf\xe9")


# (mutation, the path or words the one line must hold, into the seeded or an empty database)
BAD_FILES: dict[str, tuple[Callable[[Data], Data | str | bytes], list[str], str]] = {
    "truncated": (truncated, ["not valid JSON", "line 1"], "seeded"),
    "cut inside a text": (
        lambda data: '{"format": "navo-agenda/export", "version": 1, "documents": [{"slug": "a',
        ["not valid JSON: Unterminated string starting at line 1, column 71"],
        "seeded",
    ),
    "not json": (lambda data: "hello, world", ["is neither a navo-agenda JSON export"], "seeded"),
    "empty file": (lambda data: b"", ["is empty"], "seeded"),
    "not utf-8": (not_utf8, ["not UTF-8", "0xe9"], "seeded"),
    "utf-16 with a byte order mark": (
        lambda data: json.dumps(data).encode("utf-16"),
        ["is UTF-16 text", "save it as UTF-8"],
        "seeded",
    ),
    "utf-16 big-endian without one": (
        lambda data: json.dumps(data).encode("utf-16-be"),
        ["is UTF-16 text"],
        "seeded",
    ),
    "number for text": (
        changed(first_meeting("title", 5)),
        ["$.meetings[0].title: expected text, not the number 5"],
        "seeded",
    ),
    "list for object": (
        changed(lambda d: d["meetings"].__setitem__(0, [])),
        ["$.meetings[0]: expected an object, not a list"],
        "seeded",
    ),
    "huge float": (
        raw(first_meeting("version", "PLACEHOLDER"), '"PLACEHOLDER"', "1e999999"),
        ["$.meetings[0].version", "1e999999 is not a whole number"],
        "seeded",
    ),
    "huge integer": (
        raw(
            lambda d: d["agenda_items"][0].__setitem__("position", "PLACEHOLDER"),
            '"PLACEHOLDER"',
            "1" + "0" * 400,
        ),
        ["$.agenda_items[0].position", "is not a whole number from 1"],
        "seeded",
    ),
    "integer beyond the parser": (
        raw(first_meeting("version", "PLACEHOLDER"), '"PLACEHOLDER"', "9" * 5000),
        ["not valid JSON: a number of more than 4300 digits"],
        "seeded",
    ),
    "NaN": (
        raw(first_meeting("version", "PLACEHOLDER"), '"PLACEHOLDER"', "NaN"),
        ["$.meetings[0].version", "NaN is not a whole number"],
        "seeded",
    ),
    "deep nesting": (nested, ["nested too deeply"], "seeded"),
    "50 MB string": (
        changed(lambda d: d["documents"][0].__setitem__("body", "x" * 50_000_001)),
        ["$.documents[0].body: is 50,000,001 characters long; at most 10,000,000"],
        "seeded",
    ),
    "lone surrogate": (
        raw(first_meeting("title", "PLACEHOLDER"), "PLACEHOLDER", "\\ud800"),
        ["$.meetings[0].title: holds a lone surrogate (\\ud800)"],
        "seeded",
    ),
    "nul in a text": (
        changed(first_meeting("title", "Minis\x00terial")),
        ["$.meetings[0].title: holds the control character U+0000 at character 6"],
        "seeded",
    ),
    "terminal escape in a text": (
        changed(first_meeting("summary", "Evil \x1b]0;pwned\x07")),
        ["$.meetings[0].summary: holds the control character U+001B at character 6"],
        "seeded",
    ),
    "delete in a text": (
        changed(first_meeting("title", "a\x7fb")),  # DEL stands unescaped in JSON
        ["$.meetings[0].title: holds the control character U+007F at character 2"],
        "seeded",
    ),
    "byte order mark before a text": (
        changed(first_meeting("title", "\ufeffMinisterial")),  # as UTF-8
        ["$.meetings[0].title: begins with U+FEFF, a byte order mark, which is not text"],
        "seeded",
    ),
    "escaped byte order mark before a text": (
        raw(first_meeting("summary", "PLACEHOLDER"), "PLACEHOLDER", "\\uFEFFx"),
        ["$.meetings[0].summary: begins with U+FEFF, a byte order mark"],
        "seeded",
    ),
    "c1 control in a text": (
        changed(first_meeting("location", "x\x9by")),  # so does C1, as UTF-8
        ["$.meetings[0].location: holds the control character U+009B at character 2"],
        "seeded",
    ),
    "text too long": (
        changed(first_meeting("title", "x" * 100_001)),
        ["$.meetings[0].title: is 100,001 characters long; at most 100,000 are allowed"],
        "seeded",
    ),
    "invalid date": (
        changed(first_meeting("starts_on", "2025-02-30")),
        ["$.meetings[0].starts_on: '2025-02-30' is not a date"],
        "seeded",
    ),
    "invalid partial date": (
        changed(set_due),
        ["$.commitments[3].due: '2026-13' is not a partial date (there is no month 13)"],
        "seeded",
    ),
    "unknown word": (
        changed(first_meeting("kind", "party")),
        ["$.meetings[0].kind: 'party' is not one of: dmm, npg, udcg, summit"],
        "seeded",
    ),
    "duplicate key in an object": (
        raw(
            lambda d: None,
            '"slug": "dinner-2025-06"',
            '"slug": "dinner-2025-06", "slug": "dinner-2025-06"',
        ),
        ["$.meetings[0]: the key 'slug' appears twice in this object"],
        "seeded",
    ),
    "duplicate record": (
        changed(duplicate_meeting),
        ["$.meetings[15].slug: 'dinner-2025-06' appears twice in the file (also at $.meetings[0])"],
        "seeded",
    ),
    "meeting that exists nowhere": (
        changed(orphan_item),
        ["$.agenda_items[0].meeting: no meeting 'nope-2025-01', neither in the file nor"],
        "empty",
    ),
    "broken event chain": (
        changed(break_chain),
        ["$.commitments[0].events[1].from_status: 'in_progress' does not continue the history"],
        "empty",
    ),
    "history rewritten": (
        changed(rewrite_history),
        ["$.commitments[0].events[0]: differs from event 1 of c-2025-001 in the database"],
        "seeded",
    ),
    "status not where history ends": (
        changed(wrong_status),
        ["$.commitments[0].status: 'dropped' is not where its history ends ('fulfilled')"],
        "empty",
    ),
    "circle of meetings": (
        changed(circle),
        ["would sit within itself: dmm-2025-06 → npg-2025-06 → dmm-2025-06"],
        "seeded",
    ),
    "gap in the agenda": (
        changed(gap),
        ["$.agenda_items[", "dmm-2025-06 would have no agenda item 1"],
        "empty",
    ),
    "null topic": (
        changed(lambda d: d["agenda_items"][0].__setitem__("topics", [None])),
        ["$.agenda_items[0].topics[0]: expected a topic tag", "not null"],
        "seeded",
    ),
    "true for a position": (
        changed(lambda d: d["agenda_items"][0].__setitem__("position", True)),
        ["$.agenda_items[0].position: expected a whole number, not true"],
        "seeded",
    ),
    "amount without its currency": (
        changed(lambda d: commitment("c-2025-007")(d).__setitem__("currency", None)),
        ["$.commitments[6].currency: an amount needs its currency"],
        "seeded",
    ),
    "no history": (
        changed(lambda d: commitment("c-2025-001")(d).__setitem__("events", [])),
        ["$.commitments[0].events: a commitment's history starts with the event that recorded"],
        "empty",
    ),
    "history out of time order": (
        changed(lambda d: events_of("c-2025-001")(d)[1].__setitem__("at", "2000-01-01")),
        ["$.commitments[0].events[1].at: 2000-01-01 is before the event before it"],
        "empty",
    ),
    "no change of status": (
        changed(lambda d: events_of("c-2025-001")(d)[1].__setitem__("to_status", "open")),
        ["$.commitments[0].events[1].to_status: 'open' to 'open' is not a change of status"],
        "empty",
    ),
    "meeting within itself": (
        changed(lambda d: d["meetings"][0].__setitem__("parent", d["meetings"][0]["slug"])),
        ["$.meetings[0].parent: a meeting cannot sit within itself"],
        "seeded",
    ),
    "duplicate agenda item": (
        changed(lambda d: d["agenda_items"].append(dict(d["agenda_items"][0]))),
        ["$.agenda_items[7].position:", "appears twice in the file (also at $.agenda_items[0])"],
        "seeded",
    ),
    "quote without its source": (
        changed(quote_alone),
        ["$.agenda_items[0].source_quote: a quote needs its source"],
        "seeded",
    ),
    "ends before it starts": (
        changed(ends_first),
        ["$.meetings[0].ends_on: 2000-01-01 is before starts_on"],
        "seeded",
    ),
    "missing required key": (
        changed(missing_title),
        ["$.meetings[0].title: is missing: a meeting must have it"],
        "seeded",
    ),
    "unknown key": (
        changed(unknown_key),
        ["$.meetings[0]: unknown key 'titel'; a meeting has: slug, kind, title"],
        "seeded",
    ),
    "amount as a number": (
        changed(float_amount),
        ["$.commitments[6].amount: write the amount as a decimal string"],
        "seeded",
    ),
    "another format": (
        changed(lambda d: d.__setitem__("format", "something/else")),
        ["$.format: not a navo-agenda export"],
        "seeded",
    ),
    "true for a number": (
        changed(lambda d: d.__setitem__("version", True)),
        ["$.version: expected 1, not true"],
        "seeded",
    ),
    "newer version": (
        changed(lambda d: d.__setitem__("version", 2)),
        ["$.version: version 2 of the format is from a newer navo-agenda"],
        "seeded",
    ),
    "a version of 401 digits": (
        changed(lambda d: d.__setitem__("version", 10**400)),
        ["$.version: version 1" + "0" * 38 + "… of the format is"],
        "seeded",
    ),
    "an amount of 41 digits": (
        changed(lambda d: commitment("c-2025-007")(d).__setitem__("amount", "1" * 41)),
        ["].amount: is 41 characters long; an amount has at most 40 digits"],
        "seeded",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_is_refused_in_one_line_and_changes_nothing(
    cli: Cli, seeded_db: Path, tmp_path: Path, case: str
) -> None:
    make, expected, target = BAD_FILES[case]
    file = write(tmp_path / "export.json", make(exported(cli)))
    db = seeded_db if target == "seeded" else empty_db(cli, tmp_path / "empty.db")
    before = snapshot(db)
    result = cli("--db", str(db), "import", str(file))
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"navo-agenda: error: {file}: "), result.stderr
    assert len(result.stderr) < 600
    for fragment in expected:
        assert fragment in result.stderr
    assert snapshot(db) == before


def test_a_missing_file_is_refused(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    result = cli("import", str(tmp_path / "nowhere.json"))
    assert result.exit_code == 1
    assert "nowhere.json: cannot read it: No such file or directory" in result.stderr


def test_an_older_file_cannot_undo_a_status_change(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    file = write(tmp_path / "before.json", exported(cli))
    changed = cli("status", "c-2025-003", "in_progress", "--at", "2026-01-10")
    assert changed.exit_code == 0, changed.stderr
    before = snapshot(seeded_db)
    result = cli("import", str(file))
    assert result.exit_code == 0, result.stderr  # the rest of the file is taken
    assert result.stderr.endswith(
        ": 0 added, 0 changed, 79 unchanged, 1 older than the database's (left as the database"
        " has them)\n"
    )
    assert snapshot(seeded_db) == before


def test_an_older_file_cannot_undo_newer_edits(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    """Monday's file, imported after Tuesday's edits, leaves them as they are (the file's
    copies have fewer changes and older times) and says so; a newer copy is taken."""
    monday = exported(cli)
    for kind in ("documents", "meetings", "agenda_items", "commitments"):
        for record in monday[kind]:  # as the database had them on Monday
            record["updated_at"] = "2026-11-23T09:00:00Z"
    for args in (
        ["edit", "dmm-2026-02", "--status", "held", "--outcome", "Ministers agreed"],
        ["edit", "c-2025-007", "--due", "2026-Q2"],
        ["edit", "dmm-2025-06/4", "--dutch-position", "Updated"],
    ):
        assert cli(*args).exit_code == 0
    tuesday = exported(cli)
    result = cli("import", str(write(tmp_path / "monday.json", monday)))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(
        ": 0 added, 0 changed, 77 unchanged, 3 older than the database's (left as the database"
        " has them)\n"
    )
    assert exported(cli) == tuesday
    # A colleague's database, made later (its seed stamped later), takes Tuesday's file.
    colleague = tmp_path / "colleague.db"
    assert cli("--db", str(colleague), "db", "init").exit_code == 0
    later = cli("--db", str(colleague), "import", str(write(tmp_path / "tuesday.json", tuesday)))
    assert later.stderr.endswith(": 0 added, 3 changed, 77 unchanged\n"), later.stderr


MONDAY = "2026-11-23T09:00:00Z"  # a time before the seed's: a copy from Monday


def from_monday(record: Data, version: int) -> Data:
    """A copy of a record as another database had it on Monday, at `version`."""
    record["updated_at"], record["version"] = MONDAY, version
    return record


def test_what_an_older_copy_leaves_is_checked_as_the_database_has_it(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """The records left as the database has them take part in every check: a parent
    (here: a circle), an identifier the file gives to another record. Each is refused
    naming the file's record, and nothing is written."""
    data = exported(cli)
    assert cli("edit", "summit-2023-07", "--parent", "signing-2025-05").exit_code == 0
    assert cli("edit", "summit-2023-07", "--title", "Vilnius").exit_code == 0
    assert cli("edit", "kamerbrief-2025-0404", "--title", "Brief").exit_code == 0
    assert cli("edit", "kamerbrief-2025-0404", "--title", "Brief (2)").exit_code == 0
    before = snapshot(seeded_db)
    circle = json.loads(json.dumps(data))
    meetings = circle["meetings"]
    meetings[index(meetings, "slug", "signing-2025-05")]["parent"] = "summit-2023-07"
    from_monday(meetings[index(meetings, "slug", "summit-2023-07")], 1)
    refused = cli("import", str(write(tmp_path / "circle.json", circle)))
    assert refused.exit_code == 1
    assert refused.stderr.startswith(
        f"navo-agenda: error: {tmp_path / 'circle.json'}: $.meetings[8].parent:"
        " signing-2025-05 would sit within itself"
    )
    moved = json.loads(json.dumps(data))
    documents = moved["documents"]
    letter = from_monday(documents[index(documents, "slug", "kamerbrief-2025-0404")], 2)
    letter["identifier"] = None
    documents[index(documents, "slug", "dpap")]["identifier"] = "Kamerbrief 2025 0404"
    documents[index(documents, "slug", "dpap")]["version"] = 2
    taken = cli("import", str(write(tmp_path / "moved.json", moved)))
    assert taken.exit_code == 1
    assert taken.stderr == (
        f"navo-agenda: error: {tmp_path / 'moved.json'}: $.documents[2].identifier: 'Kamerbrief"
        " 2025 0404' stays with kamerbrief-2025-0404 in this database (the file's copy of that"
        " one is older, and is left as the database has it), so it cannot go to dpap\n"
    )
    assert snapshot(seeded_db) == before


def test_a_commitment_changed_on_both_sides_is_refused(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """The file's copy has a status change this database lacks, this database has edits
    the copy lacks: taking either would lose the other's change."""
    data = exported(cli)
    assert cli("edit", "c-2025-003", "--text", "Here").exit_code == 0
    assert cli("edit", "c-2025-003", "--actor", "Hier").exit_code == 0
    copy = from_monday(commitment("c-2025-003")(data), 2)
    copy["status"] = "in_progress"
    copy["events"].append(
        {"at": "2026-01-10", "from_status": "open", "to_status": "in_progress", "note": "there"}
    )
    before = snapshot(seeded_db)
    result = cli("import", str(write(tmp_path / "there.json", data)))
    assert result.exit_code == 1
    assert "$.commitments[2]: c-2025-003 was changed on both sides" in result.stderr
    assert snapshot(seeded_db) == before


def test_a_status_change_there_and_an_edit_here_at_one_version_is_refused(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """Each side changed c-2025-008 once (its due date here, its status there): both at
    version 2, neither copy older, and taking the file's would lose the due date."""
    data = exported(cli)
    assert cli("edit", "c-2025-008", "--due", "2027-Q1").exit_code == 0
    copy = commitment("c-2025-008")(data)
    copy["version"], copy["status"] = 2, "fulfilled"
    copy["events"].append(  # as the other database recorded it
        {"at": "2026-02-01", "from_status": "open", "to_status": "fulfilled", "note": "there",
         "created_at": "2026-11-28T12:00:00Z"}
    )  # fmt: skip
    before = snapshot(seeded_db)
    result = cli("import", str(write(tmp_path / "there.json", data)))
    assert result.exit_code == 1
    assert "c-2025-008 was changed on both sides" in result.stderr
    assert snapshot(seeded_db) == before
    copy["due"] = "2027-Q1"  # the copy that has both changes is taken
    copy["version"] = 3
    taken = cli("import", str(write(tmp_path / "both.json", data)))
    assert taken.stderr.endswith(": 1 added, 1 changed, 79 unchanged\n"), taken.stderr


def test_an_update_counts_the_changes_of_the_copy_it_takes(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A copy at version 4 makes the record here version 4: changed once more here, the
    same file is then an older copy, and does not undo that change."""
    for title in ("one", "two", "three"):
        assert cli("edit", "dmm-2025-02", "--title", title).exit_code == 0
    data = exported(cli)
    meetings = data["meetings"]
    from_monday(meetings[index(meetings, "slug", "dmm-2025-02")], 4)
    colleague = tmp_path / "colleague.db"
    assert cli("--db", str(colleague), "db", "init").exit_code == 0
    file = write(tmp_path / "f.json", data)
    assert cli("--db", str(colleague), "import", str(file)).stderr.endswith(
        ": 0 added, 1 changed, 79 unchanged\n"
    )
    shown = json.loads(cli("--db", str(colleague), "show", "dmm-2025-02", "--json").stdout)
    assert (shown["meeting"]["title"], shown["meeting"]["version"]) == ("three", 4)
    assert cli("--db", str(colleague), "edit", "dmm-2025-02", "--title", "own").exit_code == 0
    again = cli("--db", str(colleague), "import", str(file))
    assert again.stderr.endswith(
        ": 0 added, 0 changed, 79 unchanged, 1 older than the database's (left as the"
        " database has them)\n"
    )


OPTION_ERRORS = [
    (["--format", "xml"], "'xml' is not one of: json, ics"),
    (["--kind", "party"], "'party' is not one of: dmm"),
    (["--kind", "dmm"], "--kind"),  # a JSON file has its meetings' kinds
]


@pytest.mark.parametrize(("args", "expected"), OPTION_ERRORS)
def test_bad_options_exit_2(
    cli: Cli, seeded_db: Path, tmp_path: Path, args: list[str], expected: str
) -> None:
    file = write(tmp_path / "export.json", exported(cli))
    before = snapshot(seeded_db)
    result = cli("import", str(file), *args)
    assert result.exit_code == 2, result.stderr
    assert expected in result.stderr
    assert snapshot(seeded_db) == before


# -- upsert ------------------------------------------------------------------------------------


def versions(db: Path, table: str, key: str) -> dict[str, tuple[int, str]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(f"SELECT {key}, version, updated_at FROM {table}").fetchall()
    return {row[0]: (row[1], row[2]) for row in rows}


def test_a_changed_record_is_updated_and_the_rest_left_alone(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    data = exported(cli)
    summit = index(data["meetings"], "slug", "summit-2025-06")
    data["meetings"][summit]["title"] = "NAVO-top in Den Haag"
    data["meetings"][summit]["version"] = 9  # the file's copy has seen more changes
    file = write(tmp_path / "export.json", data)
    before = versions(seeded_db, "meeting", "slug")
    result = cli("import", str(file))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Imported {file}: 0 added, 1 changed, 79 unchanged\n"
    after = versions(seeded_db, "meeting", "slug")
    assert after["summit-2025-06"][0] == 9  # at least the file's; one more than ours else
    assert after["summit-2025-06"][1] >= before["summit-2025-06"][1]
    assert {k: v for k, v in after.items() if k != "summit-2025-06"} == {
        k: v for k, v in before.items() if k != "summit-2025-06"
    }
    shown = exported(cli)["meetings"][summit]
    assert (shown["title"], shown["version"]) == ("NAVO-top in Den Haag", 9)


def test_a_changed_document_is_updated(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    data = exported(cli)
    data["documents"][0]["title"] = "Geannoteerde agenda (herzien)"
    result = cli("import", str(write(tmp_path / "export.json", data)))
    assert result.stderr.endswith(": 0 added, 1 changed, 79 unchanged\n"), result.stderr
    again = exported(cli)["documents"][0]
    assert again["title"] == "Geannoteerde agenda (herzien)"
    assert again["version"] == data["documents"][0]["version"] + 1


def test_topics_and_links_belong_to_their_record(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    data = exported(cli)
    item = data["agenda_items"][0]
    item["topics"] = ["zeta", "alpha"]
    item["documents"] = [{"document": "dpap", "relation": "related"}]
    file = write(tmp_path / "export.json", data)
    result = cli("import", str(file))
    assert result.stderr.endswith(": 0 added, 1 changed, 79 unchanged\n")
    again = exported(cli)["agenda_items"][0]
    assert again["topics"] == ["alpha", "zeta"]
    assert again["documents"] == [{"document": "dpap", "relation": "related"}]
    assert again["version"] == item["version"] + 1
    # the same in another order is the same
    item["topics"] = ["alpha", "zeta"]
    assert cli("import", str(write(file, data))).stderr.endswith(
        ": 0 added, 0 changed, 80 unchanged\n"
    )


def test_identifiers_may_change_hands(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    data = exported(cli)
    first, second = [d for d in data["documents"] if d["identifier"] is not None][:2]
    first["identifier"], second["identifier"] = second["identifier"], first["identifier"]
    result = cli("import", str(write(tmp_path / "swap.json", data)))
    assert result.exit_code == 0, result.stderr
    assert ": 0 added, 2 changed," in result.stderr


def test_a_longer_history_is_appended(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.db"
    shutil.copyfile(seeded_db, elsewhere)
    moved = cli("--db", str(elsewhere), "status", "c-2025-003", "in_progress", "--at", "2026-01-10")
    assert moved.exit_code == 0, moved.stderr
    file = write(tmp_path / "later.json", exported(cli, "--db", str(elsewhere)))
    result = cli("import", str(file))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(": 1 added, 1 changed, 79 unchanged\n")
    history = cli("history", "c-2025-003")
    assert "in_progress" in history.stdout
    assert cli("db", "check").exit_code == 0
    here = commitment("c-2025-003")(exported(cli))
    there = commitment("c-2025-003")(exported(cli, "--db", str(elsewhere)))
    assert (here["status"], here["events"]) == (there["status"], there["events"])
    assert here["version"] == there["version"]


def test_standard_input_and_a_hand_written_file(cli: Cli, seeded_db: Path) -> None:
    """Only what the database requires; bookkeeping left out means now and version 1."""
    minimal = {
        "format": "navo-agenda/export",
        "version": 1,
        "meetings": [
            {
                "slug": "dmm-2027-02",
                "kind": "dmm",
                "title": "NATO Defence Ministers Meeting",
                "starts_on": "2027-02-11",
                "ends_on": "2027-02-12",
                "status": "expected",
            }
        ],
        "agenda_items": [{"meeting": "dmm-2027-02", "position": 1, "title": "Oekraïne"}],
        "commitments": [
            {
                "ref": "c-2027-001",
                "meeting": "dmm-2027-02",
                "item": 1,
                "text": "Steun voortzetten",
                "actor": "Nederland",
                "kind": "pledge",
                "due": "2027-Q1",
                "amount": "1000000.50",
                "currency": "EUR",
                "status": "open",
                "events": [{"at": "2027-01-05", "to_status": "open"}],
            }
        ],
    }
    result = cli("import", "-", input=json.dumps(minimal))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Imported <stdin>: 4 added, 0 changed, 0 unchanged\n"
    record = exported(cli, "--db", str(seeded_db))["commitments"][-1]
    assert (record["ref"], record["amount"], record["version"]) == ("c-2027-001", "1000000.5", 1)
    assert record["created_at"].startswith("20")
    assert record["events"][0]["created_at"].startswith("20")
    assert cli("show", "dmm-2027-02").exit_code == 0


def test_events_written_by_hand_import_again_unchanged(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """An event without created_at is given "now"; the same file imported again must find
    it by its content, not call it a rewritten history."""
    data = exported(cli)
    for record in data["commitments"]:
        for event in record["events"]:
            del event["created_at"], event["updated_at"], event["version"]
    record = commitment("c-2025-003")(data)
    record["status"] = "in_progress"
    record["events"].append(
        {"at": "2026-01-10", "from_status": "open", "to_status": "in_progress", "note": "begun"}
    )
    file = write(tmp_path / "by-hand.json", data)
    first = cli("import", str(file))
    assert first.exit_code == 0, first.stderr
    assert first.stderr.endswith(": 1 added, 1 changed, 79 unchanged\n")
    before = snapshot(seeded_db)
    again = cli("import", str(file))
    assert again.exit_code == 0, again.stderr
    assert again.stderr.endswith(": 0 added, 0 changed, 81 unchanged\n")
    assert snapshot(seeded_db) == before
    rewritten = commitment("c-2025-003")(data)
    rewritten["events"][-1]["note"] = "started instead"
    refused = cli("import", "-", input=json.dumps(data))
    assert refused.exit_code == 1
    assert "history is only ever added to" in refused.stderr
    assert snapshot(seeded_db) == before


def test_databases_seeded_at_different_moments_take_each_others_files(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A colleague's database was made with 'db init' at another moment: the seed's status
    changes carry other created_at stamps there, but they are the same changes. Each takes
    the other's export; only what is new is added (import --help's 'export | import -')."""
    colleague = tmp_path / "colleague.db"
    made = cli("--db", str(colleague), "import", "-", input=cli("export").stdout)
    assert made.exit_code == 0, made.stderr  # a new file: made, seeded, and then the import
    with sqlite3.connect(colleague) as connection:  # as if seeded on 1 March 2027
        (guard,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'commitment_event_append_only'"
        ).fetchone()
        connection.execute("DROP TRIGGER commitment_event_append_only")
        moved = connection.execute(
            "UPDATE commitment_event SET created_at = '2027-03-01 09:00:00',"
            " updated_at = '2027-03-01 09:00:00'"
        ).rowcount
        connection.execute(guard)
    assert moved > 10
    assert cli("status", "c-2025-007", "in_progress", "--note", "begun").exit_code == 0
    ours = cli("--db", str(colleague), "import", "-", input=cli("export").stdout)
    assert ours.exit_code == 0, ours.stderr
    assert ours.stderr.endswith(": 1 added, 1 changed, 79 unchanged\n")
    back = cli("import", "-", input=cli("--db", str(colleague), "export").stdout)
    assert back.exit_code == 0, back.stderr
    assert back.stderr.endswith(": 0 added, 0 changed, 81 unchanged\n")
    history = json.loads(cli("--db", str(colleague), "history", "c-2025-007", "--json").stdout)
    assert [event["note"] for event in history["events"]][-1] == "begun"


def test_a_removed_ref_goes_with_the_copy_and_is_never_given_out_again(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """remove keeps a commitment's ref from being handed out again (people cite refs); a
    copy made by export and import keeps it so too, and neither takes the other's new
    commitment under a ref it removed."""
    made = cli("add", "commitment", "--meeting", "dmm-2025-06", "--text", "Tijdelijk")
    assert made.stdout.strip() == "c-2025-018"
    assert cli("remove", "c-2025-018", "--yes").exit_code == 0
    data = exported(cli)
    assert data["retired"][0]["ref"] == "c-2025-018"
    assert data["retired"][0]["retired_at"].endswith("Z")
    copy = tmp_path / "copy.db"
    assert cli("--db", str(copy), "db", "init", "--empty").exit_code == 0
    file = write(tmp_path / "all.json", data)
    first = cli("--db", str(copy), "import", str(file))
    assert first.exit_code == 0, first.stderr
    assert first.stderr.endswith(": 81 added, 0 changed, 0 unchanged\n")  # 80 records, 1 ref
    assert exported(cli, "--db", str(copy)) == data
    again = cli(
        "--db", str(copy), "add", "commitment", "--meeting", "dmm-2025-06", "--text", "Ander"
    )
    assert again.stdout.strip() == "c-2025-019"
    assert cli("--db", str(copy), "remove", "c-2025-019", "--yes").exit_code == 0
    # The original does not know c-2025-019 was ever given out: it learns it from the copy.
    back = cli("import", "-", input=cli("--db", str(copy), "export").stdout)
    assert back.exit_code == 0, back.stderr
    assert back.stderr.endswith(": 1 added, 0 changed, 81 unchanged\n")
    third = cli("add", "commitment", "--meeting", "dmm-2025-06", "--text", "Derde")
    assert third.stdout.strip() == "c-2025-020"


def test_a_commitment_the_database_removed_does_not_come_back(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A file from a database that still has it (or from before the removal) imports with
    that commitment left out and said so; the rest of the file is taken."""
    data = exported(cli)
    assert cli("remove", "c-2025-017", "--yes").exit_code == 0
    data["commitments"][3]["text"] = "Changed elsewhere"
    result = cli("import", str(write(tmp_path / "before.json", data)))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(
        ": 0 added, 1 changed, 77 unchanged, 1 commitment(s) this database removed (left out"
        " with 1 status change(s): a removed commitment does not come back; 'navo-agenda"
        " remove' it in the other database too)\n"
    )
    assert cli("show", "c-2025-017").exit_code == 1
    assert exported(cli)["commitments"][3]["text"] == "Changed elsewhere"
    assert [r["ref"] for r in exported(cli)["retired"]] == ["c-2025-017"]


def test_a_removed_ref_the_database_holds_as_a_commitment_stays_one(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """An import removes nothing: the ref stays the commitment's here, and the line says
    the other database removed it."""
    data = exported(cli)
    data["commitments"] = [c for c in data["commitments"] if c["ref"] != "c-2025-017"]
    data["retired"] = [{"ref": "c-2025-017", "retired_at": "2026-11-28T10:00:00Z"}]
    result = cli("import", str(write(tmp_path / "elsewhere.json", data)))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(
        ": 0 added, 0 changed, 78 unchanged, 1 commitment(s) removed in the file's database"
        " kept here (an import removes nothing: 'navo-agenda remove' them here too, if they"
        " should go)\n"
    )
    assert "retired" not in exported(cli)
    assert cli("show", "c-2025-017").exit_code == 0


def test_a_ref_both_removed_and_present_in_the_file_is_refused(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    data = exported(cli)
    data["retired"] = [{"ref": "c-2025-003"}]
    file = write(tmp_path / "both.json", data)
    result = cli("import", str(file))
    assert result.exit_code == 1
    assert result.stderr == (
        f"navo-agenda: error: {file}: $.retired[0].ref: 'c-2025-003' is listed as removed but"
        " is a commitment of the file too (at $.commitments[2])\n"
    )
    for bad, message in (
        ({"ref": "c-25-3"}, "$.retired[0].ref: 'c-25-3' is not a commitment ref like c-2025-007"),
        ({"ref": "c-2030-001", "when": "x"}, "$.retired[0]: unknown key 'when'"),
        ({"ref": "c-2030-001", "retired_at": "yesterday"}, "$.retired[0].retired_at:"),
        ("c-2030-001", "$.retired[0]: expected an object, not the text 'c-2030-001'"),
    ):
        data["retired"] = [bad]
        refused = cli("import", str(write(file, data)))
        assert refused.exit_code == 1
        assert f"{file}: {message}" in refused.stderr


def test_escaped_surrogate_pairs_and_text_that_looks_like_one_are_imported(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A file with \\uD800-\\uDFFF escapes is checked record by record (only they can make
    a lone surrogate); a pair of them is one character, and a backslash before 'ud800' in
    a text is text."""
    data = exported(cli)
    data["meetings"][0]["title"] = "PLACEHOLDER"
    data["meetings"][1]["summary"] = "Het pad C:\\ud800\\x"
    text = json.dumps(data, ensure_ascii=False).replace("PLACEHOLDER", "Top \\ud83d\\ude00")
    assert "\\ud83d" in text
    assert "\\\\ud800" in text
    result = cli("import", str(write(tmp_path / "export.json", text)))
    assert result.exit_code == 0, result.stderr
    again = exported(cli)
    assert again["meetings"][0]["title"] == "Top \U0001f600"
    assert again["meetings"][1]["summary"] == "Het pad C:\\ud800\\x"


def test_checking_by_column_and_record_by_record_give_the_same_records(
    cli: Cli, seeded_db: Path
) -> None:
    from navo_agenda.exchange.json_format import LISTS, checked, load

    top = load(cli("export").stdout.encode("utf-8"), "export.json")
    for key in LISTS:
        by_column = checked(key, json.loads(json.dumps(top[key])), "export.json")
        by_record = checked(key, top[key], "export.json", by_column=False)
        assert by_column.records == by_record.records
        assert {k: list(v) for k, v in by_column.columns.items()} == {
            k: list(v) for k, v in by_record.columns.items()
        }


def test_a_forced_format_must_fit(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    file = write(tmp_path / "export.json", exported(cli))
    result = cli("import", str(file), "--format", "ics")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"navo-agenda: error: {file}")


# -- progress ----------------------------------------------------------------------------------


def test_a_progress_bar_only_for_large_sets_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from navo_agenda.cli.exchange import TerminalProgress

    monkeypatch.delitem(sys.modules, "rich.progress", raising=False)
    with TerminalProgress() as progress:
        progress.start("Importing", 1_000_000)  # stderr is not a terminal here
        progress.advance(10)
    assert progress.bar is None
    assert "rich.progress" not in sys.modules
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    with TerminalProgress() as small:
        small.start("Importing", 500)
    assert small.bar is None
    with TerminalProgress() as large:
        large.start("Importing", 5_000)
        large.advance(2_500)
        assert large.bar.tasks[0].completed == 2_500
    assert "rich.progress" in sys.modules


@pytest.mark.slow
def test_import_does_not_import_heavy_modules(seeded_db: Path, tmp_path: Path) -> None:
    from tests.test_startup import probe

    file = tmp_path / "export.json"
    copy = tmp_path / "copy.db"
    shutil.copyfile(seeded_db, copy)
    Cli()("--db", str(copy), "export", "--out", str(file))
    found = probe(["import", str(file)], seeded_db)
    assert found["LOADED"] == []
    assert "navo_agenda.exchange.ics" not in found["OURS"]


# -- any records, round trip -------------------------------------------------------------------

SPECIAL = [
    "שלום, עולם",
    "مرحبا بالعالم",
    "👩🏽‍🚀 to 🚀 and back",
    "page\x0cbreak\x0bvertical tab",
    "[red]markup[/red] and \\x1b[31m as typed",
    "line\r\nbreak\nand\ttab",
    "\u202eevil\u202c",
    '=HYPERLINK("http://x")',
    '"quoted", and, commas',
    "  spaces around  ",
    "zero\ufeffwidth",  # a byte order mark only may not come first (texts.py)
]
# Any character the store holds as text (texts.py): no lone surrogates, and of the control
# characters only line breaks, tabs and form feeds; no byte order mark (U+FEFF) first.
character = st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\n\r\x0b\x0c")
first = st.characters(
    exclude_categories=("Cs", "Cc"),
    include_characters="\t\n\r\x0b\x0c",
    exclude_characters="\ufeff",
)
plain = st.just("") | st.builds(operator.add, first, st.text(character, max_size=39))
long_text = st.builds(
    operator.mul,
    st.builds(operator.add, first, st.text(character, max_size=9)),
    st.integers(500, 2_000),
)
text = st.one_of(plain, st.sampled_from(SPECIAL), long_text)
required = st.builds(
    operator.add,
    st.characters(exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"), exclude_characters="\ufeff"),
    text,
)
optional = st.none() | text
day = st.dates(date(1, 1, 1), date(9990, 12, 31))
stamp = st.one_of(
    st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)).map(
        lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    ),
    st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)).map(
        lambda moment: moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    ),
)
partial = st.one_of(
    st.integers(1, 9999).map(lambda year: f"{year:04d}"),
    st.tuples(st.integers(1, 9999), st.integers(1, 4)).map(lambda p: f"{p[0]:04d}-Q{p[1]}"),
    day.map(lambda d: f"{d.year:04d}-{d.month:02d}"),
    day.map(lambda d: f"{d.isocalendar()[0]:04d}-W{d.isocalendar()[1]:02d}"),
    day.map(lambda d: d.isoformat()),
)
amount = st.builds(
    lambda whole, places: canonical(Decimal(whole).scaleb(-places)),
    st.integers(0, 10**20),
    st.integers(0, 8),
)
topic = st.from_regex(r"[a-z0-9][a-z0-9-]{0,31}", fullmatch=True)
STATUSES = ["open", "in_progress", "fulfilled", "partially_fulfilled", "dropped"]


@st.composite
def worlds(draw: st.DrawFn) -> Data:
    """Records in the export's shape and order, valid by the application's rules."""

    def kept() -> Data:
        return {
            "created_at": draw(stamp),
            "updated_at": draw(stamp),
            "version": draw(st.integers(1, 10**6)),
        }

    documents = []
    for number in range(draw(st.integers(0, 3))):
        documents.append(
            {
                "slug": f"doc-{number}",
                "kind": draw(
                    st.sampled_from(
                        ["letter", "kamerstuk", "strategy", "declaration", "mou", "other"]
                    )
                ),
                "identifier": draw(st.none() | plain.map(lambda value, n=number: f"{value}#{n}")),
                "title": draw(required),
                "dated": draw(st.none() | day.map(date.isoformat)),
                "url": draw(
                    st.none()
                    | st.from_regex(
                        r"https?://[a-z]+\.nl/[^\s\x00-\x1f\x7f-\x9f]{0,20}", fullmatch=True
                    )
                ),
                "body": draw(optional),
                **kept(),
            }
        )
    slugs = [d["slug"] for d in documents]

    def cited() -> tuple[str | None, str | None, list[Data]]:
        if not slugs:
            return None, None, []
        source = draw(st.none() | st.sampled_from(slugs))
        quote = draw(optional) if source else None
        pairs = draw(
            st.lists(
                st.tuples(
                    st.sampled_from(slugs),
                    st.sampled_from(["cites", "position", "outcome", "related"]),
                ),
                unique=True,
                max_size=3,
            )
        )
        return source, quote, [{"document": d, "relation": r} for d, r in sorted(pairs)]

    meetings, items, commitments = [], [], []
    for number in range(draw(st.integers(1, 4))):
        source, quote, links = cited()
        starts = draw(day)
        meetings.append(
            {
                "slug": f"m-{number}",
                "kind": draw(
                    st.sampled_from(
                        ["dmm", "npg", "udcg", "summit", "forum", "dinner", "signing", "other"]
                    )
                ),
                "title": draw(required),
                "title_nl": draw(optional),
                "location": draw(optional),
                "starts_on": starts.isoformat(),
                "ends_on": (starts + timedelta(days=draw(st.integers(0, 3)))).isoformat(),
                "time_note": draw(optional),
                "parent": draw(
                    st.none() | st.sampled_from([f"m-{n}" for n in range(number)] or [None])
                ),
                "status": draw(
                    st.sampled_from(["planned", "expected", "held", "cancelled", "postponed"])
                ),
                "summary": draw(optional),
                "outcome": draw(optional),
                "source": source,
                "source_quote": quote,
                "external_uid": draw(st.none() | plain.map(lambda value, n=number: f"{value}@{n}")),
                "documents": links,
                **kept(),
            }
        )
        for position in range(1, draw(st.integers(0, 3)) + 1):
            source, quote, links = cited()
            items.append(
                {
                    "meeting": f"m-{number}",
                    "position": position,
                    "section": draw(optional),
                    "title": draw(required),
                    "summary": draw(optional),
                    "dutch_position": draw(optional),
                    "outcome": draw(optional),
                    "topics": sorted(draw(st.lists(topic, unique=True, max_size=3))),
                    "source": source,
                    "source_quote": quote,
                    "documents": links,
                    **kept(),
                }
            )
    for number in range(draw(st.integers(0, 3))):
        meeting = draw(st.sampled_from(meetings))["slug"]
        positions = [i["position"] for i in items if i["meeting"] == meeting]
        money = draw(st.none() | st.tuples(amount, st.sampled_from(["EUR", "USD", "GBP", "JPY"])))
        statuses = [None]
        for _ in range(draw(st.integers(1, 4))):
            statuses.append(draw(st.sampled_from([s for s in STATUSES if s != statuses[-1]])))
        days = sorted(draw(st.lists(day, min_size=len(statuses) - 1, max_size=len(statuses) - 1)))
        events = []
        for before, after, when in zip(statuses[:-1], statuses[1:], days, strict=True):
            events.append(
                {
                    "at": when.isoformat(),
                    "from_status": before,
                    "to_status": after,
                    "note": draw(optional),
                    "author": draw(optional),
                    "source": draw(st.none() | st.sampled_from(slugs)) if slugs else None,
                    **kept(),
                }
            )
        source, quote, links = cited()
        commitments.append(
            {
                "ref": f"c-2025-{number:03d}",
                "meeting": meeting,
                "item": draw(st.none() | st.sampled_from(positions)) if positions else None,
                "text": draw(required),
                "actor": draw(required),
                "kind": draw(st.sampled_from(["pledge", "expected", "position"])),
                "due": draw(st.none() | partial.filter(valid_partial)),
                "amount": money[0] if money else None,
                "currency": money[1] if money else None,
                "status": statuses[-1],
                "source": source,
                "source_quote": quote,
                "documents": links,
                **kept(),
                "events": events,
            }
        )
    world = {
        "documents": documents,
        "meetings": meetings,
        "agenda_items": items,
        "commitments": commitments,
    }
    removed = draw(st.lists(st.integers(1, 10**6), unique=True, max_size=3))
    if removed:  # refs of removed commitments: written only when there are some
        world["retired"] = [
            {"ref": ref, "retired_at": draw(stamp)}
            for ref in sorted(f"c-2024-{number:03d}" for number in removed)
        ]
    return world


def valid_partial(text: str) -> bool:
    try:
        PartialDate.from_canonical(text)
    except ValueError:
        return False
    return True


def stored(value: str) -> str:
    return f"{value[:10]} {value[11:-1]}"


def insert(db: Path, world: Data) -> None:
    """Straight into the tables, as another client (or an older navo-agenda) would."""
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA foreign_keys = ON")
    ids = {("document", d["slug"]): n for n, d in enumerate(world["documents"], start=1)}
    ids |= {("meeting", m["slug"]): n for n, m in enumerate(world["meetings"], start=1)}

    def book(record: Data) -> list[Any]:
        return [stored(record["created_at"]), stored(record["updated_at"]), record["version"]]

    def doc(slug: str | None) -> int | None:
        return None if slug is None else ids[("document", slug)]

    for d in world["documents"]:
        connection.execute(
            "INSERT INTO document (id, slug, kind, identifier, title, dated, url, body, created_at,"
            " updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [ids[("document", d["slug"])], d["slug"], d["kind"], d["identifier"], d["title"],
             d["dated"], d["url"], d["body"], *book(d)],
        )  # fmt: skip
    for m in world["meetings"]:
        mid = ids[("meeting", m["slug"])]
        connection.execute(
            "INSERT INTO meeting (id, slug, kind, title, title_nl, location, starts_on, ends_on,"
            " time_note, parent_id, status, summary, outcome, source_id, source_quote,"
            " external_uid, created_at, updated_at, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [mid, m["slug"], m["kind"], m["title"], m["title_nl"], m["location"], m["starts_on"],
             m["ends_on"], m["time_note"],
             None if m["parent"] is None else ids[("meeting", m["parent"])], m["status"],
             m["summary"], m["outcome"], doc(m["source"]), m["source_quote"], m["external_uid"],
             *book(m)],
        )  # fmt: skip
        for link in m["documents"]:
            connection.execute(
                "INSERT INTO meeting_document (meeting_id, document_id, relation) VALUES (?, ?, ?)",
                [mid, doc(link["document"]), link["relation"]],
            )
    for number, i in enumerate(world["agenda_items"], start=1):
        ids[("item", i["meeting"], i["position"])] = number
        connection.execute(
            "INSERT INTO agenda_item (id, meeting_id, position, section, title, summary,"
            " dutch_position, outcome, source_id, source_quote, created_at, updated_at, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [number, ids[("meeting", i["meeting"])], i["position"], i["section"], i["title"],
             i["summary"], i["dutch_position"], i["outcome"], doc(i["source"]),
             i["source_quote"], *book(i)],
        )  # fmt: skip
        for tag in i["topics"]:
            connection.execute(
                "INSERT INTO agenda_item_topic (agenda_item_id, topic) VALUES (?, ?)", [number, tag]
            )
        for link in i["documents"]:
            connection.execute(
                "INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)"
                " VALUES (?, ?, ?)",
                [number, doc(link["document"]), link["relation"]],
            )
    for number, c in enumerate(world["commitments"], start=1):
        due = PartialDate.from_canonical(c["due"]) if c["due"] else None
        connection.execute(
            "INSERT INTO commitment (id, ref, text, actor, kind, meeting_id, agenda_item_id, due,"
            " due_precision, due_end, amount, currency, status, source_id, source_quote,"
            " created_at, updated_at, version)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [number, c["ref"], c["text"], c["actor"], c["kind"], ids[("meeting", c["meeting"])],
             None if c["item"] is None else ids[("item", c["meeting"], c["item"])], c["due"],
             due.precision if due else None, due.last_day.isoformat() if due else None,
             c["amount"], c["currency"], c["status"], doc(c["source"]), c["source_quote"],
             *book(c)],
        )  # fmt: skip
        for link in c["documents"]:
            connection.execute(
                "INSERT INTO commitment_document (commitment_id, document_id, relation)"
                " VALUES (?, ?, ?)",
                [number, doc(link["document"]), link["relation"]],
            )
        for e in c["events"]:
            connection.execute(
                "INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note,"
                " author, source_id, created_at, updated_at, version)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [number, e["at"], e["from_status"], e["to_status"], e["note"], e["author"],
                 doc(e["source"]), *book(e)],
            )  # fmt: skip
    for r in world.get("retired", ()):
        connection.execute(
            "INSERT INTO retired_ref (ref, retired_at) VALUES (?, ?)",
            [r["ref"], stored(r["retired_at"])],
        )
    connection.commit()
    connection.close()


@pytest.fixture(scope="module")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from navo_agenda.store.lifecycle import create_database

    path = tmp_path_factory.mktemp("empty") / "empty.db"
    create_database(path, origin="--db", seed=False, notify=None)
    return path


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(world=worlds())
def test_any_records_survive_export_and_import(empty_template: Path, world: Data) -> None:
    cli = Cli()
    with tempfile.TemporaryDirectory() as directory:
        source, target = Path(directory, "source.db"), Path(directory, "target.db")
        shutil.copyfile(empty_template, source)
        shutil.copyfile(empty_template, target)
        insert(source, world)
        first = cli("--db", str(source), "export")
        assert first.exit_code == 0, first.stderr
        assert {
            key: value for key, value in json.loads(first.stdout).items() if key in world
        } == world
        file = Path(directory, "export.json")
        file.write_text(first.stdout, encoding="utf-8")
        imported = cli("--db", str(target), "import", str(file))
        assert imported.exit_code == 0, imported.stderr
        second = cli("--db", str(target), "export")
        assert second.stdout == first.stdout
        again = cli("--db", str(target), "import", str(file))
        assert ": 0 added, 0 changed," in again.stderr


def test_a_time_from_a_clock_ahead_is_never_moved_back(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A copy stamped by a clock ahead of ours (2030) is taken with its time kept: an update
    moves updated_at to now only if now is later. The older copy of that time is then still
    older, and does not undo it."""
    data = exported(cli)
    meetings = data["meetings"]
    newer = json.loads(json.dumps(data))
    newer_copy = newer["meetings"][index(meetings, "slug", "summit-2026-07")]
    newer_copy.update(title="Top in Ankara", version=3, updated_at="2030-01-02T00:00:00Z")
    older = json.loads(json.dumps(data))
    older["meetings"][index(meetings, "slug", "summit-2026-07")].update(
        version=2, updated_at="2030-01-01T00:00:00Z"
    )
    assert cli("import", str(write(tmp_path / "newer.json", newer))).exit_code == 0
    after = exported(cli)["meetings"][index(meetings, "slug", "summit-2026-07")]
    assert (after["title"], after["version"], after["updated_at"]) == (
        "Top in Ankara",
        3,
        "2030-01-02T00:00:00Z",
    )
    result = cli("import", str(write(tmp_path / "older.json", older)))
    assert result.stderr.endswith(", 1 older than the database's (left as the database has them)\n")
    assert exported(cli)["meetings"][index(meetings, "slug", "summit-2026-07")] == after


def test_an_older_export_after_items_moved_leaves_commitments_on_their_items(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A commitment names its item by position: moving items changes the commitments on
    them too, so that the export from before the move is older for both."""
    before_move = write(tmp_path / "before.json", exported(cli))
    on_item = json.loads(cli("show", "c-2025-003", "--json").stdout)["item"]["title"]
    assert cli("edit", "dmm-2025-06/4", "--move-to", "1").exit_code == 0
    moved = exported(cli)
    result = cli("import", str(before_move))
    assert result.exit_code == 0, result.stderr
    assert ", 0 changed, " in result.stderr
    assert exported(cli) == moved
    assert json.loads(cli("show", "c-2025-003", "--json").stdout)["item"]["title"] == on_item
    assert cli("db", "check").exit_code == 0


def test_a_version_past_two_to_the_62_is_refused(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    """So that every later change, and max(version + 1, the file's), fits a 64-bit integer."""
    data = exported(cli)
    data["documents"][0]["version"] = 2**62 + 1
    result = cli("import", str(write(tmp_path / "big.json", data)))
    assert result.exit_code == 1
    assert "$.documents[0].version: 4611686018427387905 is not a whole number from 1 to" in (
        result.stderr
    )
    data["documents"][0]["version"] = 2**62
    data["documents"][0]["title"] = "Nieuw"
    assert cli("import", str(write(tmp_path / "top.json", data))).exit_code == 0
    assert cli("edit", data["documents"][0]["slug"], "--title", "Nog nieuwer").exit_code == 0
    assert exported(cli)["documents"][0]["version"] == 2**62 + 1
    again = tmp_path / "again.db"
    assert cli("--db", str(again), "db", "init", "--empty").exit_code == 0
    assert cli("--db", str(again), "import", "-", input=cli("export").stdout).exit_code == 1
    check = cli("db", "check", env={"COLUMNS": "300"})  # which db check names
    assert check.exit_code == 1
    slug = data["documents"][0]["slug"]
    assert (
        f"version: document {slug}: 4611686018427387905 is not a version an export can carry"
        in check.stdout
    )


def test_an_older_copy_stamped_in_the_same_second_is_older(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """Times are often whole seconds: two edits in one second, and the export between them,
    differ in version only; that copy is older."""
    assert cli("edit", "dpap", "--title", "first").exit_code == 0
    data = exported(cli)
    assert cli("edit", "dpap", "--title", "second").exit_code == 0
    documents = data["documents"]
    stored = exported(cli)["documents"][index(documents, "slug", "dpap")]
    documents[index(documents, "slug", "dpap")]["updated_at"] = stored["updated_at"]
    result = cli("import", str(write(tmp_path / "between.json", data)))
    assert result.stderr.endswith(", 1 older than the database's (left as the database has them)\n")
    assert exported(cli)["documents"][index(documents, "slug", "dpap")]["title"] == "second"


def test_a_document_removed_with_detach_does_not_come_back_into_its_records(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """A record's links are part of it: losing one to 'remove --detach' changes the record,
    so an export from before is an older copy of it and does not put the link back."""
    before = write(tmp_path / "before.json", exported(cli))
    linked = ("summit-2023-07", "dmm-2025-06/3")
    assert any(d["slug"] == "kst-28676-440" for d in shown_documents(cli, linked[0]))
    assert cli("remove", "kst-28676-440", "--detach", "--yes").exit_code == 0
    result = cli("import", str(before))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.endswith(
        ": 1 added, 0 changed, 77 unchanged, 2 older than the database's (left as the"
        " database has them)\n"
    )  # the document itself is added again: an import removes nothing, and adds
    for key in linked:
        assert all(d["slug"] != "kst-28676-440" for d in shown_documents(cli, key))
    assert cli("db", "check").exit_code == 0


def shown_documents(cli: Cli, key: str) -> list[Data]:
    documents: list[Data] = json.loads(cli("show", key, "--json").stdout)["documents"]
    return documents


def test_times_with_and_without_a_fraction_of_a_second_compare_in_order() -> None:
    from navo_agenda.exchange.newer import moment

    stamps = ["2026-11-28T10:00:59Z", "2026-11-28T10:00:59.000001Z", "2026-11-28T10:00:59.5Z"]
    assert sorted(stamps, key=moment) == stamps
    assert moment("2026-11-28T10:00:59.5Z") < moment("2026-11-28T10:01:00Z")
