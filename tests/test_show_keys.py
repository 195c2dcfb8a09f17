"""The keys `show` takes: every key `search` prints opens with it, also where a meeting and a
document share a slug; keys are read as `edit` and `remove` read them; a key that names
nothing exits 1 with the nearest keys of the kinds its shape allows; help and completion.

How each kind is shown is tests/test_show.py.
"""

import json
import re
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli, completions, snapshot
from tests.test_show import WIDE, change, flat, ok, shown, slugs

# Every key search prints opens with show


@pytest.mark.parametrize(
    "query", ["oekraine", "defensie industrie", "navo", "steun", "2025", "nucleair", "summit"]
)
def test_every_key_search_prints_opens_with_show(cli: Cli, seeded_db: Path, query: str) -> None:
    groups = json.loads(ok(cli, "search", query, "--limit", "100", "--json"))["groups"]
    hits = [(kind, hit["key"]) for kind, group in groups.items() for hit in group["hits"]]
    assert hits
    for kind, key in hits:
        result = cli("show", key)
        assert result.exit_code == 0, (key, result.stderr)
        found = shown(cli, key)
        if kind == "meeting":
            assert "kind" not in found  # the meeting's JSON is as it always was
            assert found["meeting"]["slug"] == key
        else:
            assert (found["kind"], found["key"]) == (kind, key)


def test_search_finds_and_show_opens_every_kind(cli: Cli, seeded_db: Path) -> None:
    groups = json.loads(ok(cli, "search", "defensie", "--json"))["groups"]
    assert all(groups[kind]["hits"] for kind in ("meeting", "item", "commitment", "document"))


def test_a_shared_slug_gets_a_key_that_opens_the_right_record(cli: Cli, seeded_db: Path) -> None:
    """A document may be given a meeting's slug, or a slug shaped like a ref: its search key
    then says which record it is, and show, edit and remove all take that key."""
    for slug in ("dmm-2025-06", "c-2025-006", "c-2031-001"):
        assert change(cli, "add", "document", "--kind", "other", "--title", f"Zebra {slug}",
                      "--slug", slug) == slug  # fmt: skip
    documents = json.loads(ok(cli, "search", "zebra", "--json"))["groups"]["document"]["hits"]
    assert sorted(hit["key"] for hit in documents) == [
        "document:c-2025-006",
        "document:c-2031-001",
        "document:dmm-2025-06",
    ]
    for hit in documents:
        found = shown(cli, hit["key"])
        assert (found["kind"], found["document"]["title"]) == ("document", hit["label"])
    meetings = json.loads(ok(cli, "search", "defence", "ministers", "--kind", "meeting", "--json"))
    meeting_keys = [hit["key"] for hit in meetings["groups"]["meeting"]["hits"]]
    assert "meeting:dmm-2025-06" in meeting_keys
    assert shown(cli, "meeting:dmm-2025-06")["meeting"]["slug"] == "dmm-2025-06"
    # The bare keys keep opening what they always opened.
    assert shown(cli, "dmm-2025-06")["meeting"]["slug"] == "dmm-2025-06"
    assert shown(cli, "c-2025-006")["kind"] == "commitment"
    assert shown(cli, "c-2031-001")["kind"] == "document"  # no such commitment
    assert change(cli, "edit", "document:c-2031-001", "--title", "Zebra renamed") == "c-2031-001"


def test_a_meeting_slug_shaped_like_a_ref_gets_a_key_that_opens_it(
    cli: Cli, seeded_db: Path
) -> None:
    """'show c-2025-002' opens the commitment: a meeting given that slug is found by search,
    and cited by a document, as meeting:c-2025-002."""
    change(cli, "add", "meeting", "--kind", "other", "--date", "2026-03-01", "--title",
           "Quokka", "--slug", "c-2025-002", "--source", "letter-2025-05-21")  # fmt: skip
    hits = json.loads(ok(cli, "search", "quokka", "--json"))["groups"]["meeting"]["hits"]
    assert [hit["key"] for hit in hits] == ["meeting:c-2025-002"]
    assert shown(cli, "meeting:c-2025-002")["meeting"]["title"] == "Quokka"
    assert shown(cli, "c-2025-002")["kind"] == "commitment"
    cited = shown(cli, "letter-2025-05-21")["cited_by"]
    assert {"kind": "meeting", "key": "meeting:c-2025-002", "label": "Quokka"} in [
        {key: entry[key] for key in ("kind", "key", "label")} for entry in cited
    ]


# Keys that name nothing


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("dmm-2025-6", "no meeting 'dmm-2025-6', nor a document with that slug; did you mean"
                       " dmm-2025-06"),
        ("letter-2025-05-2", "did you mean letter-2025-05-21"),
        ("kst-28676", "did you mean kst-28676-440, kst-28676-519, kst-28676-554?"),
        ("zzzz", "'navo-agenda list' shows the meetings there are"),
        ("c-2025-06", "no commitment 'c-2025-06'; did you mean "),
        ("c-2025-999", "no commitment 'c-2025-999'; did you mean "),
        ("commitment:zzzz", "no commitment 'zzzz'; 'navo-agenda commitments' lists them"),
        ("dmm-2025-06/9", "dmm-2025-06 has no agenda item 9 (it has 4); did you mean"
                          " dmm-2025-06/4?"),
        ("dmm-2025-06/0", "dmm-2025-06 has no agenda item 0 (it has 4); did you mean"
                          " dmm-2025-06/1?"),
        ("dmm-2025-6/2", "no meeting 'dmm-2025-6' (of the agenda item dmm-2025-6/2); did you mean"
                         " dmm-2025-06/2?"),
        ("zzzz/1", "no meeting 'zzzz' (of the agenda item zzzz/1); 'navo-agenda list'"),
        ("document:letter-2025-05-2", "no document 'letter-2025-05-2'; did you mean"
                                      " letter-2025-05-21"),
        ("meeting:letter-2025-05-21", "no meeting 'letter-2025-05-21'"),
    ],
)  # fmt: skip
def test_a_key_that_names_nothing_exits_1_with_the_nearest_keys_of_its_kinds(
    cli: Cli, seeded_db: Path, key: str, expected: str
) -> None:
    before = snapshot(seeded_db)
    result = cli("show", key)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("navo-agenda: error: ")
    assert expected in result.stderr
    assert cli("show", key, "--json").stdout == ""
    assert snapshot(seeded_db) == before


def test_ref_suggestions_are_refs_there_are(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    refs = slugs(db_rows, "SELECT ref FROM commitment")
    message = cli("show", "c-2025-06").stderr
    suggested = message.split("did you mean ", 1)[1].rstrip("?\n").split(", ")
    assert suggested
    assert set(suggested) <= refs
    assert "c-2025-006" in suggested


def test_items_of_a_meeting_without_items_point_to_the_meeting(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    slug = next(
        db_rows.execute(
            "SELECT slug FROM meeting m WHERE NOT EXISTS"
            " (SELECT 1 FROM agenda_item a WHERE a.meeting_id = m.id) ORDER BY slug"
        )
    )[0]
    result = cli("show", f"{slug}/1")
    assert result.exit_code == 1
    assert f"{slug} has no agenda items; 'navo-agenda show {slug}' shows the meeting" in (
        result.stderr
    )


def test_a_removed_commitment_says_it_was_removed(cli: Cli, seeded_db: Path) -> None:
    change(cli, "remove", "c-2025-001", "--yes")
    result = cli("show", "c-2025-001")
    assert result.exit_code == 1
    assert "no commitment 'c-2025-001': it was removed" in result.stderr


@pytest.mark.parametrize("key", ["dmm-2025-06/x", "dmm-2025-06/", "item:dmm-2025-06"])
def test_a_key_that_is_no_item_key_is_invalid_input(cli: Cli, seeded_db: Path, key: str) -> None:
    result = cli("show", key)
    assert result.exit_code == 2
    assert "is not an agenda item key; write MEETING/POSITION" in result.stderr


# Keys as edit and remove read them


def test_prefixes_and_case_and_blanks_read_as_in_edit(cli: Cli, seeded_db: Path) -> None:
    assert ok(cli, "show", "meeting:dmm-2025-06") == ok(cli, "show", "dmm-2025-06")
    assert ok(cli, "show", " DMM-2025-06/2 ") == ok(cli, "show", "dmm-2025-06/2")
    assert ok(cli, "show", "item:dmm-2025-06#2") == ok(cli, "show", "dmm-2025-06/2")
    assert ok(cli, "show", "commitment:C-2025-007") == ok(cli, "show", "c-2025-007")
    assert ok(cli, "show", "document:letter-2025-05-21") == ok(cli, "show", "letter-2025-05-21")


def test_the_global_json_flag_works_for_every_kind(cli: Cli, seeded_db: Path) -> None:
    for key in ("dmm-2025-06/2", "c-2025-007", "letter-2025-05-21"):
        assert json.loads(ok(cli, "--json", "show", key)) == shown(cli, key)


# Help and completion


def test_show_help_names_the_key_and_an_example_of_each_kind(cli: Cli) -> None:
    text = ok(cli, "show", "--help", env=WIDE)
    assert "navo-agenda show [OPTIONS] {KEY}" in text
    for example in ("dmm-2025-06", "dmm-2025-06/2", "c-2025-007", "letter-2025-05-21"):
        assert f"navo-agenda show {example}" in text
    assert "search" in text
    search_help = flat(ok(cli, "search", "--help", env=WIDE))
    assert "'navo-agenda show KEY' opens it" in search_help


def test_every_kind_of_key_completes(
    cli: Cli, seeded_db: Path, db_rows: sqlite3.Connection
) -> None:
    count = db_rows.execute(
        "SELECT count(*) FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
        " WHERE m.slug = 'dmm-2025-06'"
    ).fetchone()[0]
    assert completions(cli, "navo-agenda show dmm-2025-06/") == [
        f"dmm-2025-06/{position}" for position in range(1, count + 1)
    ]
    assert completions(cli, "navo-agenda show nosuch/") == []
    assert "c-2025-007" in completions(cli, "navo-agenda show c-2025-00")
    assert completions(cli, "navo-agenda show letter-2025") == ["letter-2025-05-21"]


def test_many_keys_are_narrowed_to_the_kind_or_year_before_comparing(
    cli: Cli, seeded_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past SUGGEST_FROM_ALL_BELOW keys of a kind, only those sharing the typed key's first
    word (a ref: its year) are compared; the nearest ones are still found."""
    from navo_agenda import suggestions

    monkeypatch.setattr(suggestions, "SUGGEST_FROM_ALL_BELOW", 5)
    refs = cli("show", "c-2025-06").stderr.split("did you mean ", 1)[1]
    assert "c-2025-006" in refs.rstrip("?\n").split(", ")
    assert "did you mean dmm-2025-06" in cli("show", "dmm-2025-6").stderr
    assert "did you mean letter-2025-05-21" in cli("show", "letter-2025-05-2").stderr


# Every document key that show, history and the timeline print opens that document


def test_a_document_is_printed_by_the_key_that_opens_it(cli: Cli, seeded_db: Path) -> None:
    """A document given a meeting's slug, or one shaped like a ref, is the source of a
    meeting, an item and a status change: wherever show, history and timeline name it, they
    print document:SLUG, and show opens that document with it; the others stay bare."""
    for slug in ("dmm-2025-06", "c-2031-001", "c-2025-006"):
        change(cli, "add", "document", "--kind", "other", "--title", f"Zebra {slug}",
               "--slug", slug, "--dated", "2025-06-01")  # fmt: skip
    change(cli, "edit", "meeting:dmm-2025-06", "--source", "dmm-2025-06", "--quote", "q")
    change(cli, "edit", "dmm-2025-06/1", "--source", "c-2031-001", "--quote", "q")
    change(cli, "status", "c-2025-007", "in_progress", "--source", "c-2025-006")
    outputs = {
        "show dmm-2025-06": ok(cli, "show", "dmm-2025-06", env=WIDE),
        "show dmm-2025-06/1": ok(cli, "show", "dmm-2025-06/1", env=WIDE),
        "show c-2025-007": ok(cli, "show", "c-2025-007", env=WIDE),
        "history c-2025-007": ok(cli, "history", "c-2025-007", env=WIDE),
        "timeline": ok(cli, "timeline", "--from", "2025-06", "--to", "2025-06", env=WIDE),
    }
    expected = {
        "show dmm-2025-06": {"document:dmm-2025-06", "document:c-2031-001"},
        "show dmm-2025-06/1": {"document:c-2031-001"},
        "show c-2025-007": {"document:c-2025-006"},
        "history c-2025-007": {"document:c-2025-006"},
        "timeline": {"document:dmm-2025-06", "document:c-2031-001", "document:c-2025-006"},
    }
    for command, output in outputs.items():
        assert set(re.findall(r"document:[a-z0-9-]+", output)) == expected[command], command
    assert "Source:  document:dmm-2025-06: “q”" in outputs["show dmm-2025-06"]
    assert "letter-2025-05-21" in outputs["show dmm-2025-06"]  # bare: it opens the letter
    assert "document:letter-2025-05-21" not in " ".join(outputs.values())
    timeline = json.loads(ok(cli, "timeline", "--from", "2025-06", "--to", "2025-06", "--json"))
    keys = {entry["key"] for entry in timeline["entries"] if entry["type"] == "document"}
    assert expected["timeline"] <= keys
    for key in expected["timeline"]:
        found = shown(cli, key)
        assert (found["kind"], found["key"]) == ("document", key)
        assert found["document"]["title"] == f"Zebra {key.removeprefix('document:')}"
        assert ok(cli, "show", key, env=WIDE).startswith(f"╭─ {key} ─")
