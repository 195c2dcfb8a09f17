"""`export` in JSON: the documented format, lossless and deterministic, so that export,
import into an empty database and export again give the same bytes; selections that stand
on their own; the other formats reached through the same command."""

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import REPO, Cli, snapshot


def export(cli: Cli, *args: str, db: Path | None = None) -> str:
    where = ["--db", str(db)] if db is not None else []
    result = cli(*where, "export", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def empty_db(cli: Cli, path: Path) -> Path:
    result = cli("--db", str(path), "db", "init", "--empty")
    assert result.exit_code == 0, result.stderr
    return path


def import_file(cli: Cli, db: Path, file: Path) -> str:
    result = cli("--db", str(db), "import", str(file))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    return result.stderr


def test_the_export_is_the_documented_format(cli: Cli, seeded_db: Path) -> None:
    data = json.loads(export(cli))
    assert list(data) == [
        "format",
        "version",
        "selection",
        "documents",
        "meetings",
        "agenda_items",
        "commitments",
    ]
    assert (data["format"], data["version"], data["selection"]) == ("navo-agenda/export", 1, None)
    assert [len(data[k]) for k in ("documents", "meetings", "agenda_items", "commitments")] == [
        19,
        15,
        7,
        17,
    ]
    npg = next(m for m in data["meetings"] if m["slug"] == "npg-2025-06")
    assert npg["parent"] == "dmm-2025-06"
    assert list(npg)[-3:] == ["created_at", "updated_at", "version"]
    assert npg["created_at"].endswith("Z")
    assert "T" in npg["created_at"]
    item = data["agenda_items"][0]
    assert (item["meeting"], item["position"]) == ("dmm-2025-06", 1)
    assert "id" not in item
    assert "meeting_id" not in item
    pledge = next(c for c in data["commitments"] if c["ref"] == "c-2025-007")
    assert (pledge["due"], pledge["amount"], pledge["currency"]) == ("2025", "3500000000", "EUR")
    first = next(c for c in data["commitments"] if c["ref"] == "c-2025-001")
    assert [(e["from_status"], e["to_status"]) for e in first["events"]] == [
        (None, "open"),
        ("open", "fulfilled"),
    ]
    letter = next(d for d in data["documents"] if d["slug"] == "letter-2025-05-21")
    assert letter["body"].startswith(" v agenda>")
    assert any(m["documents"] for m in data["meetings"])
    # Keys, not ids; sorted by key.
    assert [d["slug"] for d in data["documents"]] == sorted(d["slug"] for d in data["documents"])
    assert [c["ref"] for c in data["commitments"]] == sorted(c["ref"] for c in data["commitments"])


def test_each_record_stands_on_its_own_line(cli: Cli, seeded_db: Path) -> None:
    text = export(cli)
    assert text.endswith("}\n")
    lines = text.splitlines()
    meetings = lines.index('"meetings": [')
    assert json.loads(lines[meetings + 1].rstrip(","))["slug"] == "dinner-2025-06"
    assert "Oekraïne" in text  # UTF-8 as is, not \\u escapes


def test_export_import_export_gives_the_same_bytes(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.json"
    assert cli("export", "--out", str(first)).exit_code == 0
    new = empty_db(cli, tmp_path / "new.db")
    report = import_file(cli, new, first)
    assert report == f"Imported {first}: 80 added, 0 changed, 0 unchanged\n"
    assert export(cli, db=new).encode("utf-8") == first.read_bytes()
    assert export(cli) == export(cli)  # nothing in it depends on the moment


def test_reimporting_the_same_file_changes_nothing(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    file = tmp_path / "export.json"
    assert cli("export", "--out", str(file)).exit_code == 0
    before = snapshot(seeded_db)
    report = import_file(cli, seeded_db, file)
    assert report.endswith(": 0 added, 0 changed, 80 unchanged\n")
    assert snapshot(seeded_db) == before


TABLE_QUERIES = {
    "document": "SELECT slug, kind, identifier, title, dated, url, body, created_at, updated_at,"
    " version FROM document ORDER BY slug",
    "meeting": "SELECT m.slug, m.kind, m.title, m.title_nl, m.location, m.starts_on, m.ends_on,"
    " m.time_note, p.slug, m.status, m.summary, m.outcome, s.slug, m.source_quote,"
    " m.external_uid, m.created_at, m.updated_at, m.version FROM meeting m"
    " LEFT JOIN meeting p ON p.id = m.parent_id LEFT JOIN document s ON s.id = m.source_id"
    " ORDER BY m.slug",
    "commitment": "SELECT c.ref, m.slug, c.due, c.due_precision, c.due_end, c.amount, c.status,"
    " c.created_at, c.updated_at, c.version FROM commitment c"
    " JOIN meeting m ON m.id = c.meeting_id ORDER BY c.ref",
    "commitment_event": "SELECT c.ref, e.at, e.from_status, e.to_status, e.note, e.author,"
    " e.created_at, e.updated_at, e.version FROM commitment_event e"
    " JOIN commitment c ON c.id = e.commitment_id ORDER BY c.ref, e.at, e.id",
    "links": "SELECT m.slug, d.slug, l.relation FROM meeting_document l"
    " JOIN meeting m ON m.id = l.meeting_id JOIN document d ON d.id = l.document_id"
    " ORDER BY 1, 2, 3",
}


@pytest.mark.parametrize("table", sorted(TABLE_QUERIES))
def test_an_import_into_an_empty_database_stores_what_was_exported(
    cli: Cli, seeded_db: Path, tmp_path: Path, table: str
) -> None:
    """The database itself, not only its export: times, versions and derived columns
    (a due date's precision and last day) come back as the original holds them."""
    file = tmp_path / "export.json"
    assert cli("export", "--out", str(file)).exit_code == 0
    new = empty_db(cli, tmp_path / "new.db")
    import_file(cli, new, file)
    query = TABLE_QUERIES[table]
    with sqlite3.connect(seeded_db) as old_db, sqlite3.connect(new) as new_db:
        assert new_db.execute(query).fetchall() == old_db.execute(query).fetchall()
        assert new_db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_meeting_comes_with_what_it_needs(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    text = export(cli, "--meeting", "summit-2025-06")
    data = json.loads(text)
    assert data["selection"] == {
        "meeting": "summit-2025-06",
        "kinds": [],
        "from": None,
        "to": None,
    }
    assert [m["slug"] for m in data["meetings"]] == [
        "dinner-2025-06",
        "forum-2025-06",
        "summit-2025-06",
    ]
    slugs = {m["slug"] for m in data["meetings"]}
    assert {i["meeting"] for i in data["agenda_items"]} <= slugs
    assert {c["meeting"] for c in data["commitments"]} <= slugs
    assert {c["ref"] for c in data["commitments"]} >= {"c-2025-004", "c-2025-005"}
    cited = set()
    for record in data["meetings"] + data["agenda_items"] + data["commitments"]:
        cited |= {record["source"]} | {link["document"] for link in record["documents"]}
        cited |= {event["source"] for event in record.get("events", [])}
    assert {d["slug"] for d in data["documents"]} == cited - {None}
    # It stands on its own: into an empty database, and out again the same.
    file = tmp_path / "summit.json"
    file.write_text(text, encoding="utf-8")
    new = empty_db(cli, tmp_path / "new.db")
    import_file(cli, new, file)
    assert export(cli, "--meeting", "summit-2025-06", db=new) == text


def test_a_meeting_brings_the_meetings_it_sits_within(cli: Cli, seeded_db: Path) -> None:
    data = json.loads(export(cli, "--meeting", "npg-2025-06"))
    assert [m["slug"] for m in data["meetings"]] == ["dmm-2025-06", "npg-2025-06"]
    # Only the parent record itself: not its agenda or commitments.
    assert {i["meeting"] for i in data["agenda_items"]} == {"npg-2025-06"}
    assert {c["meeting"] for c in data["commitments"]} <= {"npg-2025-06"}


def test_filters_select_like_list(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    text = export(cli, "--kind", "dmm", "--from", "2025-06", "--to", "2025-Q4")
    data = json.loads(text)
    assert data["selection"] == {
        "meeting": None,
        "kinds": ["dmm"],
        "from": "2025-06",
        "to": "2025-Q4",
    }
    assert [m["slug"] for m in data["meetings"]] == ["dmm-2025-06", "dmm-2025-10"]
    file = tmp_path / "dmm.json"
    file.write_text(text, encoding="utf-8")
    new = empty_db(cli, tmp_path / "new.db")
    import_file(cli, new, file)
    again = export(cli, "--kind", "dmm", "--from", "2025-06", "--to", "2025-Q4", db=new)
    assert again == text
    nothing = json.loads(export(cli, "--kind", "signing", "--from", "2030"))
    assert nothing["meetings"] == []
    assert nothing["documents"] == []


def test_the_export_validates_against_the_published_schema(cli: Cli, seeded_db: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "docs" / "export.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    checker = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    assert cli("remove", "c-2025-017", "--yes").exit_code == 0  # a "retired" list too
    for text in (export(cli), export(cli, "--meeting", "dmm-2025-06")):
        assert json.loads(text)["retired"][0]["ref"] == "c-2025-017"
        errors = [error.message for error in checker.iter_errors(json.loads(text))]
        assert errors == []
    broken = json.loads(export(cli))
    broken["retired"].append({"ref": "c-25-17"})
    broken["meetings"][0]["kind"] = "party"
    del broken["commitments"][0]["events"][0]["to_status"]
    assert len(list(checker.iter_errors(broken))) == 3


USAGE = [
    (["--format", "xml"], "'xml' is not one of: json, csv, ics, md"),
    (["--with-deadlines"], "--with-deadlines"),
    (["--format", "csv", "--with-deadlines", "--out", "x"], "--with-deadlines"),
    (["--table", "meetings"], "--table"),
    (["--bom"], "--bom"),
    (["--meeting", "dmm-2025-06", "--kind", "dmm"], "--meeting"),
    (["--force"], "--force"),
    (["--format", "csv"], "--out"),
    (["--format", "csv", "--table", "people"], "'people'"),
    (["--out", "no/such/dir/x.json"], "does not exist"),
    (["--kind", "party"], "'party'"),
]


@pytest.mark.parametrize(("args", "expected"), USAGE)
def test_bad_options_exit_2_before_anything_is_read(
    cli: Cli, tmp_path: Path, args: list[str], expected: str
) -> None:
    result = cli("export", *args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("navo-agenda: error: ")
    assert expected in result.stderr
    assert not (tmp_path / "default.db").exists()


def test_an_unknown_meeting_exits_1(cli: Cli, seeded_db: Path) -> None:
    result = cli("export", "--meeting", "dmm-2099-01")
    assert result.exit_code == 1
    assert "dmm-2099-01" in result.stderr
    assert result.stdout == ""


def test_calendar_and_briefing_note_go_through_the_same_command(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    calendar = export(cli, "--format", "ics", "--meeting", "dmm-2025-06", "--with-deadlines")
    assert calendar.startswith("BEGIN:VCALENDAR")
    note = export(cli, "--format", "md", "--meeting", "dmm-2025-06")
    assert "dmm-2025-06" in note or "Defence" in note
    # import recognises a calendar by its content
    file = tmp_path / "navo.ics"
    assert cli("export", "--format", "ics", "--out", str(file)).exit_code == 0
    assert file.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")  # as written, CRLF kept
    result = cli("import", str(file))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"Imported {file}: ")


def test_stdout_and_file_hold_the_same_export(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    file = tmp_path / "out.json"
    result = cli("export", "--out", str(file))
    assert result.stdout == ""
    assert result.stderr.startswith(f"Wrote {file}: 15 meetings, 7 agenda items")
    assert file.read_text(encoding="utf-8") == export(cli)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["export", "--format", "json"], ["export", "--format", "csv", "--table", "meetings"]],
)
def test_export_does_not_import_heavy_modules(seeded_db: Path, args: list[str]) -> None:
    from tests.test_startup import probe

    found = probe(args, seeded_db)
    assert found["LOADED"] == []
    assert "navo_agenda.exchange.ics" not in found["OURS"]
    assert "navo_agenda.exchange.importing" not in found["OURS"]
