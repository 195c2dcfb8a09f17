"""add, edit and remove as a user scripts them: the key printed on stdout, the change visible
through the CLI's own --json output (or the database itself), positions kept 1..n, dates
shown with the precision they were given, and --if-version refusing lost updates.

The seed (data/seed.sql) used here: dmm-2025-06 with 4 agenda items (c-2025-002 on item 2,
c-2025-003 on item 4) and the meetings udcg-2025-06 and npg-2025-06 within it;
summit-2025-06 with forum-2025-06 and dinner-2025-06 within it; c-2025-007 due 2025 with
3,5 miljard EUR; commitments up to c-2025-017; the letter letter-2025-05-21, the source of
status changes; nato-vilnius-2023, only linked from summit-2023-07.
"""

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TODAY, WIDTH, Cli, Outcome, clean_environment, snapshot

DMM_ITEMS = [
    "Defence Ministers Meeting (DMM)",
    "Capability Targets 2025 (CT25)",
    "Voortgang implementatie militaire plannen en maatregelen",
    "Defensie-industrie",
]


def ok(result: Outcome) -> str:
    assert result.exit_code == 0, result.stderr
    return result.stdout


def show(cli: Cli, slug: str) -> dict[str, Any]:
    return json.loads(ok(cli("show", slug, "--json")))


def commitments(cli: Cli) -> dict[str, dict[str, Any]]:
    listed = json.loads(ok(cli("commitments", "--json")))["commitments"]
    return {commitment["ref"]: commitment for commitment in listed}


def items(cli: Cli, slug: str) -> list[tuple[int, str]]:
    return [(item["position"], item["title"]) for item in show(cli, slug)["items"]]


def titles_in_order(cli: Cli, slug: str) -> list[str]:
    found = items(cli, slug)
    assert [position for position, _ in found] == list(range(1, len(found) + 1))
    return [title for _, title in found]


def query(db: Path, sql: str, *params: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as connection:
        return connection.execute(sql, params).fetchall()


def positions_in_database(db: Path, slug: str) -> list[int]:
    rows = query(
        db,
        "SELECT a.position FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
        " WHERE m.slug = ? ORDER BY a.position",
        slug,
    )
    return [position for (position,) in rows]


def line_of(text: str, key: str) -> str:
    found = [line for line in text.splitlines() if line.startswith(key + " ")]
    assert len(found) == 1, text
    return found[0]


def installed_script() -> str:
    script = Path(sys.executable).with_name("navo-agenda")
    assert script.exists(), "the navo-agenda entry point is not installed next to python"
    return str(script)


def run_installed(db: Path, *args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    """The installed entry point with text on standard input (Cli cannot pass input)."""
    return subprocess.run(
        [installed_script(), "--db", str(db), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=clean_environment(NAVO_AGENDA_TODAY=TODAY, COLUMNS=WIDTH),
        timeout=60,
        check=False,
    )


# --- add meeting ---------------------------------------------------------------------------


def test_add_meeting_prints_only_its_generated_slug(cli: Cli, seeded_db: Path) -> None:
    result = cli(
        "add", "meeting", "--kind", "dmm", "--date", "15-16 oktober 2026",
        "--title", "NATO Defence Ministers Meeting", "--location", "Brussel",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "dmm-2026-10\n"
    assert "dmm-2026-10" in result.stderr
    meeting = show(cli, "dmm-2026-10")["meeting"]
    assert meeting["kind"] == "dmm"
    assert meeting["title"] == "NATO Defence Ministers Meeting"
    assert (meeting["starts_on"], meeting["ends_on"]) == ("2026-10-15", "2026-10-16")
    assert meeting["location"] == "Brussel"
    assert meeting["status"] == "planned"
    assert meeting["parent"] is None
    assert meeting["version"] == 1


def test_second_meeting_of_a_kind_in_a_month_gets_a_number(cli: Cli, seeded_db: Path) -> None:
    first = cli("add", "meeting", "-k", "npg", "-d", "2026-10-15", "-t", "NPG")
    second = cli("add", "meeting", "-k", "npg", "-d", "22 oktober 2026", "-t", "NPG again")
    third = cli("add", "meeting", "-k", "npg", "-d", "30-10-2026", "-t", "NPG once more")
    assert [ok(first), ok(second), ok(third)] == [
        "npg-2026-10\n",
        "npg-2026-10-2\n",
        "npg-2026-10-3\n",
    ]
    assert show(cli, "npg-2026-10-2")["meeting"]["starts_on"] == "2026-10-22"


def test_seeded_month_is_taken_into_account(cli: Cli, seeded_db: Path) -> None:
    # dmm-2025-10 is in the seed
    assert ok(cli("add", "meeting", "-k", "dmm", "-d", "2025-10-30", "-t", "X")) == (
        "dmm-2025-10-2\n"
    )


def test_slug_option_chooses_the_slug(cli: Cli, seeded_db: Path) -> None:
    result = cli(
        "add", "meeting", "--kind", "other", "--date", "2026-12-01", "--title", "Retreat",
        "--slug", "retreat-2026",
    )  # fmt: skip
    assert ok(result) == "retreat-2026\n"
    assert show(cli, "retreat-2026")["meeting"]["title"] == "Retreat"
    assert query(seeded_db, "SELECT count(*) FROM meeting WHERE slug LIKE 'other-2026-12%'") == [
        (0,)
    ]


def test_parent_puts_a_meeting_within_another(cli: Cli, seeded_db: Path) -> None:
    ok(cli("add", "meeting", "-k", "dmm", "-d", "15-16 oktober 2026", "-t", "DMM"))
    child = cli(
        "add", "meeting", "--kind", "udcg", "--date", "15 oktober 2026", "--title", "UDCG",
        "--parent", "dmm-2026-10", "--time-note", "morning",
    )  # fmt: skip
    assert ok(child) == "udcg-2026-10\n"
    shown = show(cli, "udcg-2026-10")
    assert shown["meeting"]["parent"] == "dmm-2026-10"
    assert shown["parent"]["slug"] == "dmm-2026-10"
    assert shown["meeting"]["time_note"] == "morning"
    assert [child["slug"] for child in show(cli, "dmm-2026-10")["children"]] == ["udcg-2026-10"]


def test_meeting_with_source_and_quote(cli: Cli, seeded_db: Path) -> None:
    quote = "Op 5 juni 2025 komen de NAVO-ministers van Defensie in Brussel bijeen."
    slug = ok(
        cli(
            "add",
            "meeting",
            "--kind",
            "signing",
            "--date",
            "2026-11-02",
            "--title",
            "Signing",
            "--source",
            "letter-2025-05-21",
            "--quote",
            quote,
        )  # fmt: skip
    ).strip()
    assert slug == "signing-2026-11"
    shown = show(cli, slug)
    assert shown["meeting"]["source"] == "letter-2025-05-21"
    assert shown["meeting"]["source_quote"] == quote
    assert "letter-2025-05-21" in [document["slug"] for document in shown["documents"]]


def test_status_option_on_add(cli: Cli, seeded_db: Path) -> None:
    slug = ok(cli("add", "meeting", "-k", "dmm", "-d", "2026-12-03", "-t", "X", "--status", "HELD"))
    assert show(cli, slug.strip())["meeting"]["status"] == "held"


# --- agenda items --------------------------------------------------------------------------


def test_items_are_added_at_the_end_or_inserted(cli: Cli, seeded_db: Path) -> None:
    end = cli("add", "item", "--meeting", "dmm-2025-06", "--title", "Ukraine")
    assert end.exit_code == 0, end.stderr
    assert end.stdout == "dmm-2025-06/5\n"
    top = cli(
        "add", "item", "-m", "dmm-2025-06", "-t", "Opening", "--position", "1",
        "--topic", "a,b", "--topic", "c", "--section", "Opening",
    )  # fmt: skip
    assert ok(top) == "dmm-2025-06/1\n"
    beyond = cli("add", "item", "-m", "dmm-2025-06", "-t", "Closing", "--position", "99")
    assert ok(beyond) == "dmm-2025-06/7\n"
    assert titles_in_order(cli, "dmm-2025-06") == ["Opening", *DMM_ITEMS, "Ukraine", "Closing"]
    assert positions_in_database(seeded_db, "dmm-2025-06") == [1, 2, 3, 4, 5, 6, 7]
    first = show(cli, "dmm-2025-06")["items"][0]
    assert first["topics"] == ["a", "b", "c"]
    assert first["section"] == "Opening"
    assert show(cli, "dmm-2025-06")["meeting"]["items"] == 7


def test_insert_in_the_middle(cli: Cli, seeded_db: Path) -> None:
    assert ok(cli("add", "item", "-m", "dmm-2025-06", "-t", "Middle", "-p", "3")) == (
        "dmm-2025-06/3\n"
    )
    assert titles_in_order(cli, "dmm-2025-06") == [*DMM_ITEMS[:2], "Middle", *DMM_ITEMS[2:]]


def test_items_move_and_the_others_close_up(cli: Cli, seeded_db: Path) -> None:
    one, two, three, four = DMM_ITEMS
    moved = cli("edit", "dmm-2025-06/3", "--move-to", "1")
    assert moved.exit_code == 0, moved.stderr
    assert moved.stdout == "dmm-2025-06/1\n"
    assert titles_in_order(cli, "dmm-2025-06") == [three, one, two, four]
    assert ok(cli("edit", "dmm-2025-06/1", "--move-to", "99")) == "dmm-2025-06/4\n"
    assert titles_in_order(cli, "dmm-2025-06") == [one, two, four, three]
    assert ok(cli("edit", "dmm-2025-06/2", "--move-to", "3")) == "dmm-2025-06/3\n"
    assert titles_in_order(cli, "dmm-2025-06") == [one, four, two, three]
    assert ok(cli("edit", "dmm-2025-06/2", "--move-to", "2")) == "dmm-2025-06/2\n"
    assert titles_in_order(cli, "dmm-2025-06") == [one, four, two, three]
    assert positions_in_database(seeded_db, "dmm-2025-06") == [1, 2, 3, 4]


def test_commitments_follow_their_item_when_it_moves(cli: Cli, seeded_db: Path) -> None:
    ok(cli("edit", "dmm-2025-06/2", "--move-to", "4"))
    assert commitments(cli)["c-2025-002"]["item"] == 4
    assert commitments(cli)["c-2025-003"]["item"] == 3


def test_removing_an_item_closes_the_gap(cli: Cli, seeded_db: Path) -> None:
    result = cli("remove", "dmm-2025-06/1", "--yes")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "Removed agenda item dmm-2025-06/1" in result.stderr
    assert titles_in_order(cli, "dmm-2025-06") == DMM_ITEMS[1:]
    assert positions_in_database(seeded_db, "dmm-2025-06") == [1, 2, 3]
    # the commitments of the items that moved up follow them
    assert commitments(cli)["c-2025-002"]["item"] == 1
    assert commitments(cli)["c-2025-003"]["item"] == 3


def test_edit_item_replaces_its_topics_and_texts(cli: Cli, seeded_db: Path) -> None:
    assert show(cli, "dmm-2025-06")["items"][2]["topics"] == [
        "deterrence",
        "hybrid",
        "iamd",
        "space",
    ]
    result = cli(
        "edit", "dmm-2025-06/3", "--topic", "x", "--title", "Plans", "--dutch-position", "Steun",
    )  # fmt: skip
    assert ok(result) == "dmm-2025-06/3\n"
    item = show(cli, "dmm-2025-06")["items"][2]
    assert item["topics"] == ["x"]
    assert item["title"] == "Plans"
    assert item["dutch_position"] == "Steun"
    assert item["version"] == 2
    ok(cli("edit", "dmm-2025-06/3", "--topic", "y, z", "--topic", "y", "--summary", ""))
    item = show(cli, "dmm-2025-06")["items"][2]
    assert item["topics"] == ["y", "z"]
    assert item["summary"] is None


# --- add commitment ------------------------------------------------------------------------


def test_add_commitment_due_a_year_with_an_amount(cli: Cli, seeded_db: Path) -> None:
    result = cli(
        "add", "commitment", "--meeting", "dmm-2025-06", "--text", "Raise defence spending",
        "--due", "2026", "--amount", "3,5 miljard EUR",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "c-2025-018\n"
    found = commitments(cli)["c-2025-018"]
    assert found["due"] == {
        "value": "2026",
        "precision": "year",
        "first_day": "2026-01-01",
        "last_day": "2026-12-31",
    }
    assert (found["amount"], found["currency"]) == ("3500000000", "EUR")
    assert (found["meeting"], found["item"], found["status"]) == ("dmm-2025-06", None, "open")
    assert (found["actor"], found["kind"], found["version"]) == ("Nederland", "pledge", 1)
    assert [c for c in show(cli, "dmm-2025-06")["commitments"] if c["ref"] == "c-2025-018"] == [
        found
    ]
    for text in (ok(cli("show", "dmm-2025-06")), ok(cli("commitments"))):
        line = line_of(text, "c-2025-018")
        assert re.search(r"\s2026\s", line), line
        assert "2026-01-01" not in line
        assert "2026-12-31" not in line
        assert "3 500 000 000 EUR" in line


def test_due_keeps_quarter_and_month_precision(cli: Cli, seeded_db: Path) -> None:
    quarter = ok(cli("add", "commitment", "-m", "dmm-2025-06", "--text", "Q", "--due", "Q3 2026"))
    month = ok(cli("add", "commitment", "-m", "dmm-2025-06", "--text", "M", "--due", "juni 2026"))
    found = commitments(cli)
    assert found[quarter.strip()]["due"]["value"] == "2026-Q3"
    assert found[quarter.strip()]["due"]["precision"] == "quarter"
    assert found[month.strip()]["due"]["value"] == "2026-06"
    assert found[month.strip()]["due"]["precision"] == "month"
    text = ok(cli("commitments"))
    assert "2026-Q3" in line_of(text, quarter.strip())
    assert "2026-06 " in line_of(text, month.strip())


def test_refs_count_per_year_of_the_meeting(cli: Cli, seeded_db: Path) -> None:
    # today is 2026-11-28; the ref takes the meeting's year
    assert ok(cli("add", "commitment", "-m", "summit-2023-07", "--text", "Vilnius")) == (
        "c-2023-001\n"
    )
    assert ok(cli("add", "commitment", "-m", "summit-2023-07", "--text", "Again")) == (
        "c-2023-002\n"
    )
    assert ok(cli("add", "commitment", "-m", "dmm-2025-06", "--text", "More")) == "c-2025-018\n"
    assert ok(
        cli("add", "commitment", "-m", "udcg-2025-06", "--text", "Ref", "--ref", "c-2025-050")
    )
    assert ok(cli("add", "commitment", "-m", "dmm-2025-06", "--text", "After")) == "c-2025-051\n"


def test_amount_in_words_with_the_euro_sign(cli: Cli, seeded_db: Path) -> None:
    ref = ok(
        cli("add", "commitment", "-m", "udcg-2025-06", "--text", "Aid", "--amount", "€ 500 miljoen")
    ).strip()
    found = commitments(cli)[ref]
    assert (found["amount"], found["currency"]) == ("500000000", "EUR")


def test_amount_without_currency_takes_the_currency_option(cli: Cli, seeded_db: Path) -> None:
    ref = ok(
        cli(
            "add",
            "commitment",
            "-m",
            "udcg-2025-06",
            "--text",
            "Aid",
            "--amount",
            "250 miljoen",
            "--currency",
            "usd",
        )  # fmt: skip
    ).strip()
    found = commitments(cli)[ref]
    assert (found["amount"], found["currency"]) == ("250000000", "USD")


def test_item_option_links_the_commitment_to_that_item(cli: Cli, seeded_db: Path) -> None:
    ref = ok(cli("add", "commitment", "-m", "dmm-2025-06", "--text", "T", "--item", "2")).strip()
    assert commitments(cli)[ref]["item"] == 2
    assert "item 2" in ok(cli("show", "dmm-2025-06")).split(ref, 1)[1].split("\n", 2)[1]
    assert show(cli, "dmm-2025-06")["meeting"]["open_commitments"] == 2


def test_new_commitment_has_one_history_event(cli: Cli, seeded_db: Path) -> None:
    ref = ok(cli("add", "commitment", "-m", "dmm-2025-06", "--text", "T", "--author", "tester"))
    ref = ref.strip()
    history = json.loads(ok(cli("history", ref, "--json")))
    assert [(e["from_status"], e["to_status"]) for e in history["events"]] == [(None, "open")]
    assert history["events"][0]["at"] == TODAY
    assert history["events"][0]["author"] == "tester"
    assert "new → open" in ok(cli("history", ref))


def test_status_option_starts_it_fulfilled(cli: Cli, seeded_db: Path) -> None:
    ref = ok(
        cli(
            "add",
            "commitment",
            "-m",
            "dmm-2025-06",
            "--text",
            "Done",
            "--status",
            "voldaan",
            "--at",
            "2025-06-05",
            "--kind",
            "expected",
            "--actor",
            "Ministers",
        )  # fmt: skip
    ).strip()
    found = commitments(cli)[ref]
    assert (found["status"], found["kind"], found["actor"]) == (
        "fulfilled",
        "expected",
        "Ministers",
    )
    events = json.loads(ok(cli("history", ref, "--json")))["events"]
    assert [(e["at"], e["from_status"], e["to_status"]) for e in events] == [
        ("2025-06-05", None, "fulfilled")
    ]


# --- add document --------------------------------------------------------------------------


def test_document_slug_from_a_kamerstuk_identifier(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    body = tmp_path / "body.txt"
    body.write_text("Verslag van de bijeenkomst.\nTweede regel.\n", encoding="utf-8")
    result = cli(
        "add", "document", "--kind", "kamerstuk", "--identifier", "Kamerstuk 28 676, nr. 555",
        "--title", "Verslag DMM oktober 2026", "--dated", "12 november 2026",
        "--url", "https://zoek.officielebekendmakingen.nl/kst-28676-555", "--body-file", str(body),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "kst-28676-555\n"
    assert query(
        seeded_db,
        "SELECT kind, identifier, title, dated, url, body, version FROM document WHERE slug = ?",
        "kst-28676-555",
    ) == [
        (
            "kamerstuk",
            "Kamerstuk 28 676, nr. 555",
            "Verslag DMM oktober 2026",
            "2026-11-12",
            "https://zoek.officielebekendmakingen.nl/kst-28676-555",
            "Verslag van de bijeenkomst.\nTweede regel.\n",
            1,
        )
    ]


def test_document_slug_from_kind_and_date(cli: Cli, seeded_db: Path) -> None:
    first = cli("add", "document", "--kind", "letter", "--title", "Brief", "--dated", "2026-11-02")
    second = cli("add", "document", "-k", "letter", "-t", "Tweede brief", "--dated", "2026-11-02")
    assert [ok(first), ok(second)] == ["letter-2026-11-02\n", "letter-2026-11-02-2\n"]
    # the seed's letter of 21 May 2025 already has letter-2025-05-21
    third = cli("add", "document", "-k", "letter", "-t", "Zelfde dag", "--dated", "2025-05-21")
    assert ok(third) == "letter-2025-05-21-2\n"


@pytest.mark.slow
def test_document_body_from_standard_input(seeded_db: Path) -> None:
    run = run_installed(
        seeded_db,
        "add", "document", "--kind", "other", "--title", "Persbericht", "--dated", "2026-11-03",
        "--body-file", "-",
        stdin="Tekst van het persbericht.\n",
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert run.stdout == "other-2026-11-03\n"
    assert query(seeded_db, "SELECT body FROM document WHERE slug = 'other-2026-11-03'") == [
        ("Tekst van het persbericht.\n",)
    ]


# --- edit ----------------------------------------------------------------------------------


def test_edit_meeting_fields_and_version(cli: Cli, seeded_db: Path) -> None:
    before = show(cli, "dmm-2026-02")["meeting"]
    assert before["version"] == 1
    assert before["location"] == "Brussels"
    result = cli(
        "edit", "dmm-2026-02", "--status", "held", "--location", "NATO HQ", "--title", "DMM",
        "--date", "12-13 februari 2026",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "dmm-2026-02\n"
    assert "version 2" in result.stderr
    after = show(cli, "dmm-2026-02")["meeting"]
    assert (after["status"], after["location"], after["title"]) == ("held", "NATO HQ", "DMM")
    assert (after["starts_on"], after["ends_on"]) == ("2026-02-12", "2026-02-13")
    assert after["version"] == 2
    assert after["summary"] == before["summary"]  # untouched fields stay
    ok(cli("edit", "dmm-2026-02", "--location", ""))
    cleared = show(cli, "dmm-2026-02")["meeting"]
    assert cleared["location"] is None
    assert cleared["version"] == 3
    assert query(seeded_db, "SELECT location FROM meeting WHERE slug = 'dmm-2026-02'") == [(None,)]


def test_edit_parent_and_clear_it(cli: Cli, seeded_db: Path) -> None:
    ok(cli("edit", "udcg-2026-02", "--parent", ""))
    assert show(cli, "udcg-2026-02")["meeting"]["parent"] is None
    assert show(cli, "dmm-2026-02")["children"] == []
    ok(cli("edit", "udcg-2026-02", "--parent", "summit-2026-07"))
    assert show(cli, "udcg-2026-02")["parent"]["slug"] == "summit-2026-07"


def test_edit_commitment_due_and_amount_and_clear_them(cli: Cli, seeded_db: Path) -> None:
    found = commitments(cli)["c-2025-007"]
    assert found["due"]["value"] == "2025"
    assert (found["amount"], found["currency"], found["version"]) == ("3500000000", "EUR", 1)
    ok(cli("edit", "c-2025-007", "--due", "2026-Q2", "--amount", "$1,234.56"))
    found = commitments(cli)["c-2025-007"]
    assert (found["due"]["value"], found["due"]["precision"]) == ("2026-Q2", "quarter")
    assert (found["amount"], found["currency"], found["version"]) == ("1234.56", "USD", 2)
    assert ok(cli("edit", "c-2025-007", "--due", "")) == "c-2025-007\n"
    found = commitments(cli)["c-2025-007"]
    assert found["due"] is None
    assert found["amount"] == "1234.56"
    ok(cli("edit", "c-2025-007", "--amount", ""))
    found = commitments(cli)["c-2025-007"]
    assert (found["amount"], found["currency"], found["version"]) == (None, None, 4)
    assert query(
        seeded_db,
        "SELECT due, due_precision, due_end, amount, currency FROM commitment WHERE ref = ?",
        "c-2025-007",
    ) == [(None, None, None, None, None)]


def test_edit_commitment_item_text_and_clear_the_item(cli: Cli, seeded_db: Path) -> None:
    ok(cli("edit", "c-2025-015", "--item", "3", "--text", "New text", "--kind", "pledge"))
    found = commitments(cli)["c-2025-015"]
    assert (found["item"], found["text"], found["kind"]) == (3, "New text", "pledge")
    ok(cli("edit", "c-2025-015", "--item", ""))
    assert commitments(cli)["c-2025-015"]["item"] is None


def test_edit_document(cli: Cli, seeded_db: Path) -> None:
    result = cli(
        "edit", "dpap", "--title", "Defence Production Action Plan", "--dated", "2025-02-13"
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "dpap\n"
    documents = {d["slug"]: d for d in show(cli, "dmm-2025-06")["documents"]}
    assert documents["dpap"]["title"] == "Defence Production Action Plan"
    assert documents["dpap"]["dated"] == "2025-02-13"
    assert query(seeded_db, "SELECT version FROM document WHERE slug = 'dpap'") == [(2,)]
    ok(cli("edit", "dpap", "--dated", "", "--url", "https://www.nato.int/dpap"))
    documents = {d["slug"]: d for d in show(cli, "dmm-2025-06")["documents"]}
    assert (documents["dpap"]["dated"], documents["dpap"]["url"]) == (
        None,
        "https://www.nato.int/dpap",
    )


def test_edit_document_body_from_a_file(cli: Cli, seeded_db: Path, tmp_path: Path) -> None:
    body = tmp_path / "dpap.txt"
    body.write_text("Full text.", encoding="utf-8")
    ok(cli("edit", "dpap", "--body-file", str(body)))
    assert query(seeded_db, "SELECT body FROM document WHERE slug = 'dpap'") == [("Full text.",)]


def test_a_byte_order_mark_before_a_body_is_dropped(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    """Notepad saves UTF-8 with one; no stored text may begin with it (texts.py)."""
    body = tmp_path / "dpap.txt"
    body.write_bytes("\ufeffVolledige tekst.".encode())
    ok(cli("edit", "dpap", "--body-file", str(body)))
    assert query(seeded_db, "SELECT body FROM document WHERE slug = 'dpap'") == [
        ("Volledige tekst.",)
    ]
    ok(cli("edit", "dpap", "--body-file", "-", input="\ufeffVan standaardinvoer."))
    assert query(seeded_db, "SELECT body FROM document WHERE slug = 'dpap'") == [
        ("Van standaardinvoer.",)
    ]


def test_edit_document_body_file_empty_clears_the_text(
    cli: Cli, seeded_db: Path, tmp_path: Path
) -> None:
    body = tmp_path / "dpap.txt"
    body.write_text("Full text.", encoding="utf-8")
    ok(cli("edit", "dpap", "--body-file", str(body)))
    result = cli("edit", "dpap", "--body-file", "")
    assert result.exit_code == 0, result.stderr
    assert query(seeded_db, "SELECT body FROM document WHERE slug = 'dpap'") == [(None,)]


# --- --if-version --------------------------------------------------------------------------


def test_if_version_on_a_meeting(cli: Cli, seeded_db: Path) -> None:
    read = show(cli, "dmm-2026-02")["meeting"]["version"]
    ok(cli("edit", "dmm-2026-02", "--location", "Mons", "--if-version", str(read)))
    assert show(cli, "dmm-2026-02")["meeting"]["version"] == read + 1
    before = snapshot(seeded_db)
    stale = cli("edit", "dmm-2026-02", "--location", "Bergen", "--if-version", str(read))
    assert stale.exit_code == 1
    assert stale.stdout == ""
    assert stale.stderr.startswith("navo-agenda: error: dmm-2026-02 was changed")
    assert stale.stderr.count("\n") == 1
    assert f"version {read}" in stale.stderr
    assert f"version {read + 1}" in stale.stderr
    assert snapshot(seeded_db) == before
    assert show(cli, "dmm-2026-02")["meeting"]["location"] == "Mons"


def test_if_version_on_a_commitment_and_its_status(cli: Cli, seeded_db: Path) -> None:
    read = commitments(cli)["c-2025-008"]["version"]
    ok(cli("edit", "c-2025-008", "--text", "Edited", "--if-version", str(read)))
    assert commitments(cli)["c-2025-008"]["version"] == read + 1
    before = snapshot(seeded_db)
    for args in (
        ["edit", "c-2025-008", "--text", "Lost", "--if-version", str(read)],
        ["status", "c-2025-008", "voldaan", "--if-version", str(read)],
    ):
        stale = cli(*args)
        assert stale.exit_code == 1, args
        assert stale.stderr.count("\n") == 1
        assert f"you read version {read}" in stale.stderr
        assert f"now at version {read + 1}" in stale.stderr
        assert snapshot(seeded_db) == before
    current = str(read + 1)
    status = cli("status", "c-2025-008", "voldaan", "--if-version", current)
    assert status.exit_code == 0, status.stderr
    found = commitments(cli)["c-2025-008"]
    assert (found["text"], found["status"], found["version"]) == ("Edited", "fulfilled", read + 2)


def test_if_version_on_an_item_stops_a_move(cli: Cli, seeded_db: Path) -> None:
    read = show(cli, "dmm-2025-06")["items"][2]["version"]
    ok(cli("edit", "dmm-2025-06/3", "--summary", "S", "--if-version", str(read)))
    before = snapshot(seeded_db)
    stale = cli("edit", "dmm-2025-06/3", "--move-to", "1", "--if-version", str(read))
    assert stale.exit_code == 1
    assert f"version {read}" in stale.stderr
    assert snapshot(seeded_db) == before
    assert titles_in_order(cli, "dmm-2025-06") == DMM_ITEMS


def test_if_version_on_a_document(cli: Cli, seeded_db: Path) -> None:
    ok(cli("edit", "dpap", "--title", "A", "--if-version", "1"))
    before = snapshot(seeded_db)
    stale = cli("edit", "dpap", "--title", "B", "--if-version", "1")
    assert stale.exit_code == 1
    assert "version 1" in stale.stderr
    assert "version 2" in stale.stderr
    assert snapshot(seeded_db) == before


# --- remove --------------------------------------------------------------------------------


def test_meeting_with_meetings_within_it_is_refused(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    plain = cli("remove", "summit-2025-06", "--yes")
    assert plain.exit_code == 1
    assert plain.stderr.count("\n") == 1
    assert "--reparent" in plain.stderr
    assert "dinner-2025-06" in plain.stderr
    assert "forum-2025-06" in plain.stderr
    assert snapshot(seeded_db) == before
    reparent_only = cli("remove", "summit-2025-06", "--yes", "--reparent")
    assert reparent_only.exit_code == 1
    assert "--cascade" in reparent_only.stderr
    assert snapshot(seeded_db) == before
    cascade_only = cli("remove", "summit-2025-06", "--yes", "--cascade")
    assert cascade_only.exit_code == 1
    assert "--reparent" in cascade_only.stderr
    assert snapshot(seeded_db) == before


def test_meeting_with_items_or_commitments_is_refused(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    result = cli("remove", "npg-2025-06", "--yes")
    assert result.exit_code == 1
    assert "--cascade" in result.stderr
    assert "1 agenda item(s)" in result.stderr
    assert snapshot(seeded_db) == before


def test_remove_meeting_with_cascade_and_reparent(cli: Cli, seeded_db: Path) -> None:
    ok(cli("edit", "dmm-2025-06", "--parent", "summit-2025-06"))
    refs = {ref for ref, c in commitments(cli).items() if c["meeting"] == "dmm-2025-06"}
    assert refs == {"c-2025-002", "c-2025-003", "c-2025-015"}
    result = cli("remove", "dmm-2025-06", "--yes", "--cascade", "--reparent")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert cli("show", "dmm-2025-06").exit_code == 1
    for child in ("udcg-2025-06", "npg-2025-06"):
        assert show(cli, child)["meeting"]["parent"] == "summit-2025-06"
    children = {child["slug"] for child in show(cli, "summit-2025-06")["children"]}
    assert {"udcg-2025-06", "npg-2025-06", "forum-2025-06", "dinner-2025-06"} <= children
    assert not refs & set(commitments(cli))
    assert query(
        seeded_db,
        "SELECT count(*) FROM commitment_event e LEFT JOIN commitment c"
        " ON c.id = e.commitment_id WHERE c.id IS NULL",
    ) == [(0,)]
    assert positions_in_database(seeded_db, "dmm-2025-06") == []
    check = cli("db", "check")
    assert check.exit_code == 0, check.stdout + check.stderr


def test_removed_top_meeting_leaves_its_children_at_the_top(cli: Cli, seeded_db: Path) -> None:
    ok(cli("remove", "summit-2025-06", "--yes", "--cascade", "--reparent"))
    assert show(cli, "forum-2025-06")["meeting"]["parent"] is None
    assert show(cli, "dinner-2025-06")["parent"] is None


def test_remove_empty_meeting(cli: Cli, seeded_db: Path) -> None:
    slug = ok(cli("add", "meeting", "-k", "other", "-d", "2026-12-01", "-t", "Empty")).strip()
    assert cli("remove", slug, "--yes").exit_code == 0
    assert cli("show", slug).exit_code == 1


def test_item_with_commitments_needs_detach_or_cascade(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    refused = cli("remove", "dmm-2025-06/2", "--yes")
    assert refused.exit_code == 1
    assert refused.stderr.count("\n") == 1
    assert "--detach" in refused.stderr
    assert "--cascade" in refused.stderr
    assert snapshot(seeded_db) == before
    ok(cli("remove", "dmm-2025-06/2", "--yes", "--detach"))
    kept = commitments(cli)["c-2025-002"]
    assert (kept["meeting"], kept["item"]) == ("dmm-2025-06", None)
    assert titles_in_order(cli, "dmm-2025-06") == [DMM_ITEMS[0], *DMM_ITEMS[2:]]
    # the item that held c-2025-003 is now the third
    ok(cli("remove", "dmm-2025-06/3", "--yes", "--cascade"))
    assert "c-2025-003" not in commitments(cli)
    assert titles_in_order(cli, "dmm-2025-06") == [DMM_ITEMS[0], DMM_ITEMS[2]]


def test_remove_commitment_removes_its_history(cli: Cli, seeded_db: Path) -> None:
    ((commitment_id,),) = query(seeded_db, "SELECT id FROM commitment WHERE ref = 'c-2025-001'")
    assert len(json.loads(ok(cli("history", "c-2025-001", "--json")))["events"]) == 2
    result = cli("remove", "c-2025-001", "--yes")
    assert result.exit_code == 0, result.stderr
    assert "2 event(s)" in result.stderr
    assert "c-2025-001" not in commitments(cli)
    gone = cli("history", "c-2025-001")
    assert gone.exit_code == 1
    assert "c-2025-001" in gone.stderr
    assert query(
        seeded_db, "SELECT count(*) FROM commitment_event WHERE commitment_id = ?", commitment_id
    ) == [(0,)]


def test_document_behind_status_changes_always_stays(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    for extra in ([], ["--detach"]):
        result = cli("remove", "letter-2025-05-21", "--yes", *extra)
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1
        assert "status change(s)" in result.stderr
        assert snapshot(seeded_db) == before


def test_document_linked_from_a_meeting_needs_detach(cli: Cli, seeded_db: Path) -> None:
    assert "nato-vilnius-2023" in [d["slug"] for d in show(cli, "summit-2023-07")["documents"]]
    before = snapshot(seeded_db)
    refused = cli("remove", "nato-vilnius-2023", "--yes")
    assert refused.exit_code == 1
    assert "--detach" in refused.stderr
    assert snapshot(seeded_db) == before
    ok(cli("remove", "nato-vilnius-2023", "--yes", "--detach"))
    assert "nato-vilnius-2023" not in [d["slug"] for d in show(cli, "summit-2023-07")["documents"]]
    assert query(seeded_db, "SELECT count(*) FROM document WHERE slug = 'nato-vilnius-2023'") == [
        (0,)
    ]


def test_detached_source_clears_source_and_quote(cli: Cli, seeded_db: Path) -> None:
    meeting = show(cli, "dmm-2026-02")["meeting"]
    assert meeting["source"] == "kst-21501-28-296"
    ok(cli("remove", "kst-21501-28-296", "--yes", "--detach"))
    meeting = show(cli, "dmm-2026-02")["meeting"]
    assert (meeting["source"], meeting["source_quote"]) == (None, None)
    assert meeting["version"] == 2


def test_uncited_document_is_removed(cli: Cli, seeded_db: Path) -> None:
    slug = ok(cli("add", "document", "-k", "other", "-t", "Stray", "--dated", "2026-01-05"))
    assert ok(cli("remove", slug.strip(), "--yes")) == ""
    assert query(seeded_db, "SELECT count(*) FROM document WHERE slug = ?", slug.strip()) == [(0,)]


@pytest.mark.slow
def test_remove_asks_first(seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    declined = run_installed(seeded_db, "remove", "c-2025-017", stdin="n\n")
    assert declined.returncode == 1
    assert "Remove commitment c-2025-017" in declined.stderr
    assert "navo-agenda: error: aborted" in declined.stderr
    assert snapshot(seeded_db) == before
    empty = run_installed(seeded_db, "remove", "c-2025-017", stdin="")
    assert empty.returncode == 1
    assert snapshot(seeded_db) == before
    accepted = run_installed(seeded_db, "remove", "c-2025-017", stdin="y\n")
    assert accepted.returncode == 0, accepted.stderr
    assert "Removed commitment c-2025-017" in accepted.stderr
    assert query(seeded_db, "SELECT count(*) FROM commitment WHERE ref = 'c-2025-017'") == [(0,)]


# --- keys ----------------------------------------------------------------------------------


def test_key_prefixes(cli: Cli, seeded_db: Path) -> None:
    assert ok(cli("edit", "meeting:dmm-2026-02", "--title", "M")) == "dmm-2026-02\n"
    assert show(cli, "dmm-2026-02")["meeting"]["title"] == "M"
    assert ok(cli("edit", "item:dmm-2025-06/1", "--outcome", "O")) == "dmm-2025-06/1\n"
    assert show(cli, "dmm-2025-06")["items"][0]["outcome"] == "O"
    assert ok(cli("edit", "commitment:c-2025-009", "--actor", "A")) == "c-2025-009\n"
    assert commitments(cli)["c-2025-009"]["actor"] == "A"
    assert ok(cli("edit", "document:dpap", "--title", "D")) == "dpap\n"
    assert query(seeded_db, "SELECT title FROM document WHERE slug = 'dpap'") == [("D",)]
    assert ok(cli("edit", "Meeting:DMM-2026-02", "--title", "N")) == "dmm-2026-02\n"
    assert ok(cli("remove", "commitment:c-2025-016", "--yes")) == ""
    assert "c-2025-016" not in commitments(cli)
    ok(cli("remove", "item:dmm-2025-06/1", "--yes"))
    assert titles_in_order(cli, "dmm-2025-06") == DMM_ITEMS[1:]


def test_prefix_tells_a_meeting_from_a_document_of_the_same_slug(cli: Cli, seeded_db: Path) -> None:
    ok(cli("add", "meeting", "-k", "other", "-d", "2026-12-01", "-t", "Meeting", "--slug", "dpap"))
    before = snapshot(seeded_db)
    both = cli("edit", "dpap", "--title", "Which?")
    assert both.exit_code == 2
    assert "meeting:dpap" in both.stderr
    assert "document:dpap" in both.stderr
    assert snapshot(seeded_db) == before
    ok(cli("edit", "meeting:dpap", "--title", "The meeting"))
    ok(cli("edit", "document:dpap", "--title", "The document"))
    assert show(cli, "dpap")["meeting"]["title"] == "The meeting"
    assert query(seeded_db, "SELECT title FROM document WHERE slug = 'dpap'") == [("The document",)]


@pytest.mark.slow
def test_confirmation_prompt_writes_nothing_to_stdout(seeded_db: Path) -> None:
    for answer in ("n\n", "y\n"):
        run = run_installed(seeded_db, "remove", "c-2025-017", stdin=answer)
        assert run.stdout == "", repr(run.stdout)


def test_slugs_are_lowercased_as_keys_are_looked_up(cli: Cli, seeded_db: Path) -> None:
    result = cli("add", "meeting", "--kind", "dmm", "--date", "2030-01-02", "--title", "T",
                 "--slug", "DMM-Extra")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "dmm-extra\n"
    assert cli("show", "DMM-EXTRA").exit_code == 0
    assert cli("edit", "DMM-Extra", "--title", "U").exit_code == 0


@pytest.mark.parametrize("period", ["2026", "juni 2026", "2026-Q3"])
def test_a_meeting_needs_days_not_a_period(cli: Cli, seeded_db: Path, period: str) -> None:
    before = snapshot(seeded_db)
    result = cli("add", "meeting", "--kind", "dmm", "--date", period, "--title", "T")
    assert result.exit_code == 2
    assert "a meeting needs its day or days" in result.stderr
    assert snapshot(seeded_db) == before


def test_remove_refuses_before_asking_and_names_every_missing_flag(
    cli: Cli, seeded_db: Path
) -> None:
    before = snapshot(seeded_db)
    result = cli("remove", "summit-2025-06", input="y\n")
    assert result.exit_code == 1
    assert "?" not in result.stderr
    assert "--reparent" in result.stderr
    assert "--cascade" in result.stderr
    assert snapshot(seeded_db) == before


def test_documents_carry_their_version_for_if_version(cli: Cli, seeded_db: Path) -> None:
    shown = json.loads(cli("show", "dmm-2025-06", "--json").stdout)
    dpap = next(d for d in shown["documents"] if d["slug"] == "dpap")
    assert (
        cli("edit", "dpap", "--title", "DPAP", "--if-version", str(dpap["version"])).exit_code == 0
    )
    stale = cli("edit", "dpap", "--title", "DPAP 2", "--if-version", str(dpap["version"]))
    assert stale.exit_code == 1


def test_the_ref_of_a_removed_commitment_is_never_handed_out_again(
    cli: Cli, seeded_db: Path
) -> None:
    """People cite refs; a ref freed by a removal would make an old citation point at
    another promise. Also when the commitment goes with its meeting."""
    added = ok(cli("add", "commitment", "-m", "dmm-2025-06", "--text", "By mistake")).strip()
    assert added == "c-2025-018"
    ok(cli("remove", added, "--yes"))
    assert ok(cli("add", "commitment", "-m", "dmm-2025-06", "--text", "Again")) == "c-2025-019\n"
    meeting = ok(cli("add", "meeting", "--kind", "dmm", "--date", "2031-02-12", "--title", "X"))
    slug = meeting.strip()
    assert ok(cli("add", "commitment", "-m", slug, "--text", "Gone too")) == "c-2031-001\n"
    ok(cli("remove", slug, "--cascade", "--yes"))
    meeting = ok(cli("add", "meeting", "--kind", "dmm", "--date", "2031-02-12", "--title", "X"))
    assert meeting == f"{slug}\n"  # a meeting's slug says what it is and may come back
    assert ok(cli("add", "commitment", "-m", slug, "--text", "New")) == "c-2031-002\n"
    with sqlite3.connect(seeded_db) as connection:
        retired = connection.execute("SELECT ref FROM retired_ref ORDER BY ref").fetchall()
    assert retired == [("c-2025-018",), ("c-2031-001",)]
