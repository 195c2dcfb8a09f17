"""`navo-agenda ingest` end to end: dry run, saving, ingesting again, matching what exists."""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LETTER, Cli, clean_environment, snapshot
from tests.test_ingest_letters import LETTERS


@pytest.fixture
def empty_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: Cli) -> Path:
    path = tmp_path / "empty.db"
    monkeypatch.setenv("NAVO_AGENDA_DB", str(path))
    assert cli("db", "init", "--empty").exit_code == 0
    return path


def test_dry_run_shows_the_proposal_and_writes_nothing(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    result = cli("ingest", str(LETTER), "--dry-run")
    assert result.exit_code == 0, result.stderr
    for heading in (
        "The letter",
        "References (4)",
        "Meetings (9)",
        "Agenda items (7)",
        "Commitments (15)",
    ):
        assert heading in result.stdout
    assert "= dmm-2025-06" in result.stdout
    assert "needs review" in result.stdout
    assert snapshot(seeded_db) == before


def test_founding_letter_into_the_seeded_database_matches_everything(
    cli: Cli, seeded_db: Path
) -> None:
    before = snapshot(seeded_db)
    result = cli("ingest", str(LETTER), "--yes")
    assert result.exit_code == 0, result.stderr
    assert "meetings: 0 new, 9 matched" in result.stderr
    assert "commitments: 0 new, 15 matched" in result.stderr
    assert snapshot(seeded_db) == before, "the seed's records were matched, not duplicated"


def test_saving_then_ingesting_again_changes_nothing(cli: Cli, empty_db: Path) -> None:
    first = cli("ingest", str(LETTER), "--yes")
    assert first.exit_code == 0, first.stderr
    assert "meetings: 9 new" in first.stderr
    saved = snapshot(empty_db)
    assert "c-2025-015" in saved
    again = cli("ingest", str(LETTER), "--yes")
    assert again.exit_code == 0, again.stderr
    assert "documents: 0 new, 5 matched; meetings: 0 new, 9 matched" in again.stderr
    assert snapshot(empty_db) == saved
    show = cli("show", "udcg-2025-06")
    assert "Part of: dmm-2025-06" in show.stdout
    assert "date not fixed by the source: only 2025-06" in show.stdout


def test_saved_records_carry_their_source_and_links(cli: Cli, empty_db: Path) -> None:
    assert cli("ingest", str(LETTER), "--yes").exit_code == 0
    data = json.loads(cli("show", "summit-2023-01", "--json").stdout)
    assert data["meeting"]["source"] == "letter-2025-05-21"
    assert {d["slug"]: d["relations"] for d in data["documents"]}["kst-28676-440"] == ["cites"]
    commitments = json.loads(cli("commitments", "--meeting", "udcg-2025-06", "--json").stdout)
    amounts = {c["ref"]: (c["amount"], c["currency"]) for c in commitments["commitments"]}
    assert ("3500000000", "EUR") in amounts.values()


def test_a_later_letter_matches_the_meetings_the_seed_has(cli: Cli, seeded_db: Path) -> None:
    letter = LETTERS / "eu_and_nato_2026_02.txt"
    result = cli("ingest", str(letter), "--dry-run", "--json")
    data = json.loads(result.stdout)
    assert data["letter"]["plan"] == {
        "action": "match",
        "key": "kst-21501-28-296",
        "reason": "same identifier",
    }
    matched = {m["plan"]["key"] for m in data["meetings"] if m["plan"]["action"] == "match"}
    assert matched == {"dmm-2026-02", "udcg-2026-02", "other-2026-02"}


def test_json_is_one_versioned_document(cli: Cli, seeded_db: Path) -> None:
    result = cli("ingest", str(LETTER), "--dry-run", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["format"], data["version"]) == ("navo-agenda/ingest", 1)
    assert data["letter"]["dated"] == "2025-05-21"
    udcg = next(m for m in data["meetings"] if m["kind"] == "udcg")
    assert udcg["dates"]["precision"] == "month"
    assert udcg["needs_review"] is True
    money = next(c for c in data["commitments"] if c["amount"])
    assert (money["amount"], money["currency"]) == ("3500000000", "EUR")
    assert data["counts"]["meetings"] == {"add": 0, "match": 9, "skip": 0}


def test_standard_input_is_read_with_a_dash(cli: Cli, seeded_db: Path) -> None:
    result = cli("ingest", "-", "--dry-run", "--json", input=LETTER.read_text(encoding="utf-8"))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["source"] == "standard input"
    assert len(data["commitments"]) == 15


def test_without_yes_it_asks_and_no_means_nothing_is_saved(cli: Cli, empty_db: Path) -> None:
    before = snapshot(empty_db)
    refused = cli("ingest", str(LETTER), input="n\n")
    assert refused.exit_code == 1
    assert "Meetings (9)" in refused.stdout
    assert "Save this proposal?" in refused.stderr
    assert snapshot(empty_db) == before
    accepted = cli("ingest", str(LETTER), input="y\n")
    assert accepted.exit_code == 0, accepted.stderr
    assert "meetings: 9 new" in accepted.stderr


def test_bad_input_is_a_usage_error(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    assert cli("ingest", str(tmp_path / "missing.txt"), "--dry-run").exit_code == 2
    bad = cli("ingest", str(LETTER), "--format", "docx", "--dry-run")
    assert bad.exit_code == 2
    assert "text, pdf, html" in bad.stderr
    binary = tmp_path / "x.txt"
    binary.write_bytes(b"\x00\x01\x02")
    assert cli("ingest", str(binary), "--dry-run").exit_code == 1


def test_hostile_text_in_a_letter_renders_literally(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    letter = tmp_path / "hostile.txt"
    letter.write_text(
        "Datum 1 mei 2025\nBetreft [bold red]Agenda[/] \x1b[31m\n\nGeachte voorzitter,\n\n"
        "Op 5 juni 2025 komen de NAVO-ministers van Defensie in [link=x]Brussel[/link] bijeen."
        " Nederland zal :rocket: [red]steun[/red] leveren \x1b]8;;evil\x07.\n\nHoogachtend,\n",
        encoding="utf-8",
    )
    result = cli("ingest", str(letter), "--dry-run", env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "[bold red]Agenda[/]" in result.stdout
    assert "[red]steun[/red]" in result.stdout
    assert ":rocket:" in result.stdout
    assert "\x1b" not in result.stdout
    assert "\ufffd" in result.stdout  # the letter's control characters, as the store holds them


def test_control_characters_in_a_letter_do_not_cost_the_letter(
    cli: Cli, empty_db: Path, tmp_path: Path
) -> None:
    """A stray control character (a PDF's extraction leaves some) is shown as U+FFFD; the
    letter is saved, and what it saved exports and imports again."""
    letter = tmp_path / "letter.txt"
    text = LETTER.read_text(encoding="utf-8")
    letter.write_text(text.replace("Ruben Brekelmans", "Ruben Brekelmans\x1b[2J\x07\x01"))
    saved = cli("ingest", str(letter), "--yes")
    assert saved.exit_code == 0, saved.stderr
    exported = tmp_path / "export.json"
    assert cli("export", "--out", str(exported)).exit_code == 0
    bodies = [d["body"] or "" for d in json.loads(exported.read_text())["documents"]]
    assert any("Ruben Brekelmans\ufffd[2J\ufffd\ufffd" in body for body in bodies)
    again = tmp_path / "again.db"
    assert cli("--db", str(again), "db", "init", "--empty").exit_code == 0
    result = cli("--db", str(again), "import", str(exported))
    assert result.exit_code == 0, result.stderr


def test_byte_order_marks_in_a_letter_are_dropped(cli: Cli, empty_db: Path, tmp_path: Path) -> None:
    """Files pasted together leave one at the start of each: no stored text may begin with
    one (texts.py), so they go, and the letter gives what it gives without them."""
    text = LETTER.read_text(encoding="utf-8")
    letter = tmp_path / "letter.txt"
    letter.write_text("\ufeff" + "\n".join("\ufeff" + line for line in text.splitlines()))
    saved = cli("ingest", str(letter), "--yes")
    assert saved.exit_code == 0, saved.stderr
    exported = tmp_path / "export.json"
    assert cli("export", "--out", str(exported)).exit_code == 0
    assert "\ufeff" not in exported.read_text(encoding="utf-8")
    clean = tmp_path / "clean.db"
    assert cli("--db", str(clean), "db", "init", "--empty").exit_code == 0
    assert cli("--db", str(clean), "ingest", str(LETTER), "--yes").exit_code == 0
    assert texts(empty_db) == texts(clean)


def texts(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as connection:
        return [
            *connection.execute("SELECT slug, title, summary, source_quote FROM meeting"),
            *connection.execute("SELECT title, summary, dutch_position FROM agenda_item"),
            *connection.execute("SELECT ref, text, actor, due, source_quote FROM commitment"),
            *connection.execute("SELECT slug, identifier, title, body FROM document"),
        ]


def section(output: str, title: str, following: str) -> str:
    return output[output.index(title) : output.index(following)]


def test_every_record_is_shown_with_its_sentence(cli: Cli, empty_db: Path) -> None:
    narrow = cli("ingest", str(LETTER), "--dry-run")
    assert narrow.exit_code == 0, narrow.stderr
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 100
    # Wide enough that no cell wraps, so a quote is on one line of its own column.
    result = cli("ingest", str(LETTER), "--dry-run", env={"COLUMNS": "400"})
    flat = " ".join(result.stdout.split())
    references = section(flat, "References (4)", "Meetings (9)")
    assert "Op 7 mei tekenden Nederland en Roemenië een intentieverklaring" in references
    assert "Tijdens de NAVO-top in Vilnius in 2023 (Kamerstuk 28 676, nr. 440)" in references
    items = section(flat, "Agenda items (7)", "Commitments (15)")
    assert "De Capability Targets 2025 (CT25) zijn deze DMM een belangrijk onderwerp." in items
    assert "In de NPG spreken de ministers van Defensie periodiek over" in items
    meetings = section(flat, "Meetings (9)", "Agenda items (7)")
    assert "Op 5 juni 2025 komen de NAVO-ministers van Defensie in Brussel bijeen." in meetings


def test_a_meeting_known_to_the_week_is_saved_as_its_week(
    cli: Cli, empty_db: Path, tmp_path: Path
) -> None:
    letter = tmp_path / "week.txt"
    letter.write_text(
        "Datum 1 mei 2026\nBetreft Geannoteerde agenda\n\nGeachte voorzitter,\n\n"
        "In de week van 8 juni 2026 komen de NAVO-ministers van Defensie in Brussel bijeen."
        " Nederland zal tijdens de DMM steun toezeggen.\n\nHoogachtend,\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(letter), "--yes").exit_code == 0
    meeting = json.loads(cli("show", "dmm-2026-06", "--json").stdout)["meeting"]
    assert (meeting["starts_on"], meeting["ends_on"]) == ("2026-06-08", "2026-06-14")
    assert "only 2026-W24" in meeting["time_note"]
    commitments = json.loads(cli("commitments", "--json").stdout)["commitments"]
    assert commitments[0]["due"]["value"] == "2026-W24"


def test_a_broken_pdf_gives_only_our_one_line_error(tmp_path: Path) -> None:
    """Run as a user runs it: in-process, pytest's log capture would hide pypdf's warnings."""
    broken = tmp_path / "x.pdf"
    broken.write_bytes(b"\xdeDD\xc2\xb1 not a pdf at all \x00\x01\x02" * 10)
    run = subprocess.run(
        [sys.executable, "-m", "navo_agenda", "ingest", str(broken), "--dry-run"],
        env=clean_environment(NAVO_AGENDA_DB=str(tmp_path / "db.sqlite")),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1
    (line,) = run.stderr.splitlines()
    assert line.startswith(f"navo-agenda: error: cannot read {broken} as a PDF: ")
