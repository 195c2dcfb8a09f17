"""`export --format csv`: one table per kind of record, every field, readable by the csv
module with or without a byte order mark, and safe to open in a spreadsheet."""

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import Cli

TABLES = ("meetings", "agenda_items", "commitments", "events", "documents")


def read(path: Path, *, bom: bool = False) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom
    with path.open(encoding="utf-8-sig" if bom else "utf-8", newline="") as file:
        return list(csv.DictReader(file))


def exported(cli: Cli) -> dict[str, list[dict[str, object]]]:
    result = cli("export")
    assert result.exit_code == 0, result.stderr
    data: dict[str, list[dict[str, object]]] = json.loads(result.stdout)
    return data


def as_cell(value: object) -> str:
    return "" if value is None else str(value)


@pytest.mark.parametrize("bom", [False, True])
def test_every_table_holds_every_record_and_field(
    cli: Cli, seeded_db: Path, tmp_path: Path, bom: bool
) -> None:
    out = tmp_path / "tables"
    result = cli("export", "--format", "csv", "--out", str(out), *(["--bom"] if bom else []))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    data = exported(cli)
    tables = {table: read(out / f"{table}.csv", bom=bom) for table in TABLES}
    assert len(tables["meetings"]) == 15
    assert len(tables["agenda_items"]) == 7
    assert len(tables["commitments"]) == 17
    assert len(tables["events"]) == 22
    assert len(tables["documents"]) == 19
    for record, row in zip(data["documents"], tables["documents"], strict=True):
        assert row == {key: as_cell(value) for key, value in record.items()}
    meeting = next(r for r in tables["meetings"] if r["slug"] == "npg-2025-06")
    original = next(m for m in data["meetings"] if m["slug"] == "npg-2025-06")
    for key, value in original.items():
        if key != "documents":
            assert meeting[key] == as_cell(value), key
    assert meeting["documents"] == "; ".join(
        f"{link['document']} ({link['relation']})"
        for link in original["documents"]  # type: ignore[attr-defined]
    )
    item = tables["agenda_items"][0]
    assert (item["meeting"], item["position"], item["topics"]) == (
        "dmm-2025-06",
        "1",
        ", ".join(data["agenda_items"][0]["topics"]),  # type: ignore[arg-type]
    )
    pledge = next(r for r in tables["commitments"] if r["ref"] == "c-2025-007")
    assert (pledge["due"], pledge["due_precision"], pledge["due_last_day"]) == (
        "2025",
        "year",
        "2025-12-31",
    )
    assert (pledge["amount"], pledge["currency"]) == ("3500000000", "EUR")
    first = [e for e in tables["events"] if e["commitment"] == "c-2025-001"]
    assert [(e["from_status"], e["to_status"]) for e in first] == [
        ("", "open"),
        ("open", "fulfilled"),
    ]
    letter = next(r for r in tables["documents"] if r["slug"] == "letter-2025-05-21")
    assert letter["body"].startswith(" v agenda>")  # a cell with line breaks, read back whole


def test_one_table_to_standard_output(cli: Cli, seeded_db: Path) -> None:
    result = cli("export", "--format", "csv", "--table", "commitments")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:4] == ["ref", "meeting", "item", "text"]
    assert len(rows) == 1 + 17


HOSTILE = [
    '=HYPERLINK("http://x")',
    "+1",
    "-2",
    "@SUM(A1)",
    "\t=1",
    " =1",
    "\r=1",
    "\n  =cmd|' /C calc'!A0",
]


def test_cells_a_spreadsheet_would_run_are_neutralised(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """Titles written straight into the file (the add command would trim them)."""
    meetings = [
        {
            "slug": f"other-2030-{number:02d}",
            "kind": "other",
            "title": title,
            "starts_on": "2030-01-01",
            "ends_on": "2030-01-01",
            "status": "planned",
            "summary": 'two\nlines, "quoted"\r\nand a comma',
        }
        for number, title in enumerate(HOSTILE, start=1)
    ]
    file = tmp_path / "hostile.json"
    file.write_text(
        json.dumps({"format": "navo-agenda/export", "version": 1, "meetings": meetings}),
        encoding="utf-8",
    )
    assert cli("import", str(file)).exit_code == 0
    out = tmp_path / "meetings.csv"
    result = cli("export", "--format", "csv", "--table", "meetings", "--out", str(out))
    assert result.exit_code == 0, result.stderr
    rows = {row["slug"]: row for row in read(out)}
    for number, title in enumerate(HOSTILE, start=1):
        row = rows[f"other-2030-{number:02d}"]
        assert row["title"] == "'" + title
        assert row["summary"] == 'two\nlines, "quoted"\r\nand a comma'
    # ordinary values are left as they are, dates and negative-looking words included
    assert rows["dmm-2025-06"]["starts_on"] == "2025-06-05"
    assert not any(row["slug"].startswith("'") for row in rows.values())


def test_an_existing_table_is_not_replaced_without_force(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    out = tmp_path / "tables"
    out.mkdir()
    (out / "events.csv").write_text("mine\n", encoding="utf-8")
    result = cli("export", "--format", "csv", "--out", str(out))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert str(out / "events.csv") in result.stderr
    assert "--force" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["events.csv"]
    assert (out / "events.csv").read_text(encoding="utf-8") == "mine\n"
    forced = cli("export", "--format", "csv", "--out", str(out), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert len(read(out / "events.csv")) == 22


def test_the_message_counts_what_the_file_holds(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    one = cli("export", "-f", "csv", "--table", "agenda_items", "--out", str(tmp_path / "i.csv"))
    assert one.stderr == f"Wrote {tmp_path / 'i.csv'}: 7 agenda items.\n"
    events = cli("export", "-f", "csv", "--table", "events", "--out", str(tmp_path / "e.csv"))
    with open(tmp_path / "e.csv", encoding="utf-8", newline="") as file:
        rows = len(list(csv.reader(file))) - 1
    assert events.stderr == f"Wrote {tmp_path / 'e.csv'}: {rows} events.\n"
    every = cli("export", "-f", "csv", "--out", str(tmp_path / "all"))
    assert every.stderr.endswith(
        ": 15 meetings, 7 agenda items, 17 commitments, 22 events, 19 documents.\n"
    )


FILTERS = [
    ("--kind", "dinner"),
    ("--kind", "forum,npg"),
    ("--from", "2025-06", "--to", "2025-06"),
    ("--from", "2025-06-25"),
    ("--to", "2025-02"),
    ("--kind", "dmm", "--from", "2025"),
]


def table(cli: Cli, name: str, *options: str) -> list[dict[str, str]]:
    result = cli("export", "--format", "csv", "--table", name, *options)
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


@pytest.mark.parametrize("options", FILTERS)
def test_a_selection_holds_what_list_shows(cli: Cli, seeded_db: Path, options: tuple[str]) -> None:
    """The same filters as `list`: no meeting the filter left out, also not the meetings
    the selected ones sit within (which only the JSON export carries, to be importable)."""
    listed = json.loads(cli("list", *options, "--json").stdout)["meetings"]
    assert listed
    slugs = {meeting["slug"] for meeting in listed}
    meetings = table(cli, "meetings", *options)
    assert [row["slug"] for row in meetings] == sorted(slugs)
    for row, meeting in zip(meetings, sorted(listed, key=lambda m: m["slug"]), strict=True):
        assert (row["kind"], row["starts_on"], row["ends_on"]) == (
            meeting["kind"],
            meeting["starts_on"],
            meeting["ends_on"],
        )
    # The other tables: the records of these meetings, all of them, and nothing else.
    everything = exported(cli)
    items = table(cli, "agenda_items", *options)
    assert [(row["meeting"], row["position"]) for row in items] == [
        (item["meeting"], str(item["position"]))
        for item in everything["agenda_items"]
        if item["meeting"] in slugs
    ]
    commitments = table(cli, "commitments", *options)
    refs = [c["ref"] for c in everything["commitments"] if c["meeting"] in slugs]
    assert [row["ref"] for row in commitments] == refs
    events = table(cli, "events", *options)
    assert [row["commitment"] for row in events] == [
        c["ref"] for c in everything["commitments"] if c["ref"] in refs for _ in c["events"]
    ]
    # The documents are exactly those these rows cite.
    cited = {row["source"] for row in (*meetings, *items, *commitments, *events)}
    for row in (*meetings, *items, *commitments):
        cited |= {link.rsplit(" (", 1)[0] for link in row["documents"].split("; ")}
    cited.discard("")
    documents = table(cli, "documents", *options)
    assert {row["slug"] for row in documents} == cited
    # The JSON export of the same selection still holds the meetings they sit within.
    whole = json.loads(cli("export", *options).stdout)
    parents = {m["parent"] for m in listed if m["parent"] is not None} - slugs
    assert {m["slug"] for m in whole["meetings"]} >= slugs | parents


def test_only_the_selected_meeting_and_those_within_it(cli: Cli, seeded_db: Path) -> None:
    meetings = table(cli, "meetings", "--meeting", "npg-2025-06")
    assert [row["slug"] for row in meetings] == ["npg-2025-06"]  # not the DMM it sits within
    whole = json.loads(cli("export", "--meeting", "npg-2025-06").stdout)
    assert [m["slug"] for m in whole["meetings"]] == ["dmm-2025-06", "npg-2025-06"]
    summit = table(cli, "meetings", "--meeting", "summit-2025-06")
    assert [row["slug"] for row in summit] == ["dinner-2025-06", "forum-2025-06", "summit-2025-06"]


def test_the_message_counts_a_selection_as_the_table_holds_it(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    for name, count in (("meetings", 1), ("documents", 2), ("agenda_items", 0)):
        out = tmp_path / f"{name}.csv"
        result = cli("export", "-f", "csv", "--table", name, "--kind", "dinner", "--out", str(out))
        assert result.stderr == f"Wrote {out}: {count} {name.replace('_', ' ')}.\n"
        assert len(read(out)) == count


def test_the_message_counts_a_selection_as_the_directory_holds_it(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    result = cli("export", "-f", "csv", "--kind", "dinner", "--out", str(tmp_path / "all"))
    assert result.stderr.endswith(
        ": 1 meetings, 0 agenda items, 0 commitments, 0 events, 2 documents.\n"
    )
