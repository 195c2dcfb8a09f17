"""`search`: full-text search as people type, over every kind of record; whatever is typed is
searched for literally (or read as FTS5 syntax with --syntax), and no text in the data or in
the query can break the output or fake a match."""

import json
import re
import shlex
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from navo_agenda import search
from navo_agenda.cli import search as search_command
from navo_agenda.store.search import unmark
from tests.conftest import Cli, snapshot

KINDS = ("meeting", "item", "commitment", "document")


def found(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("search", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


def keys(cli: Cli, *args: str) -> dict[str, list[str]]:
    groups = found(cli, *args)["groups"]
    return {kind: [hit["key"] for hit in group["hits"]] for kind, group in groups.items()}


def ok(cli: Cli, *args: str, env: dict[str, str] | None = None) -> str:
    result = cli(*args, env=env)
    assert result.exit_code == 0, result.stderr
    return result.stdout.strip()


def test_finds_each_kind_with_the_key_that_opens_it(cli: Cli, seeded_db: Path) -> None:
    hits = keys(cli, "defensie")
    assert list(hits) == list(KINDS)
    assert "dmm-2025-06" in hits["meeting"]
    assert hits["item"][0] == "dmm-2025-06/4"  # titled Defensie-industrie
    assert "c-2025-013" in hits["commitment"]
    assert "kamerbrief-2025-0404" in hits["document"]
    assert "letter-2025-05-21" in hits["document"]
    # The keys are what show, edit and history take.
    assert ok(cli, "show", "dmm-2025-06", "--json")
    assert ok(cli, "history", "c-2025-013", "--json")
    assert ok(cli, "edit", "dmm-2025-06/4", "--summary", "checked") == "dmm-2025-06/4"


def test_table_groups_by_kind_in_order(cli: Cli, seeded_db: Path) -> None:
    out = ok(cli, "search", "defensie")
    headings = [line.split(" (")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert [h for h in headings if h] == ["Meetings", "Agenda items", "Commitments", "Documents"]
    assert re.search(r"^  dmm-2025-06/4 +Defensie-industrie$", out, re.MULTILINE)
    assert "\x1b" not in out  # plain when piped


def test_json_carries_every_field_the_table_shows(cli: Cli, seeded_db: Path) -> None:
    document = found(cli, "oekraine")
    assert document["format"] == "navo-agenda/search"
    assert document["version"] == 1
    assert document["query"] == "oekraine"
    assert document["match"] == '"oekraine"*'
    assert document["syntax"] is False
    assert document["limit"] == 10
    table = ok(cli, "search", "oekraine", env={"COLUMNS": "1000"})
    for group in document["groups"].values():
        assert group["more"] is False
        for hit in group["hits"]:
            assert set(hit) == {"key", "label", "label_highlights", "snippet", "highlights"}
            assert f"  {hit['key']} " in table
            assert hit["label"] in table
            assert hit["snippet"] in table
            for start, end in hit["highlights"]:
                assert hit["snippet"][start:end].casefold().startswith("oekra")
    item = document["groups"]["item"]["hits"][0]
    assert item["key"] == "udcg-2025-06/1"
    assert item["label"] == "Oekraïne (UDCG)"
    assert item["label_highlights"] == [[0, 8]]


def test_a_title_match_ranks_above_a_match_in_the_text(cli: Cli, seeded_db: Path) -> None:
    # Added first, so that a tie would put the text-only match first.
    in_text = ok(
        cli, "add", "meeting", "-k", "other", "-d", "2030-01-05", "-t", "Overleg",
        "--summary", "Het overleg gaat over zeldzaamwoord.",
    )  # fmt: skip
    in_title = ok(
        cli, "add", "meeting", "-k", "other", "-d", "2030-01-06", "-t", "Zeldzaamwoord beraad",
        "--summary", "Een lange samenvatting over heel andere dingen dan het onderwerp.",
    )  # fmt: skip
    assert keys(cli, "zeldzaam")["meeting"] == [in_title, in_text]
    # And in the seed: the document titled 'Defensie Strategie voor Industrie en Innovatie'
    # before the letter, which only mentions it in its long body.
    documents = keys(cli, "strategie", "industrie")["document"]
    assert documents.index("kamerbrief-2025-0404") < documents.index("letter-2025-05-21")


def test_kind_takes_repeats_commas_and_plurals(cli: Cli, seeded_db: Path) -> None:
    assert list(keys(cli, "defensie", "--kind", "item")) == ["item"]
    assert list(keys(cli, "defensie", "-k", "documents,meeting")) == ["meeting", "document"]
    assert list(keys(cli, "defensie", "-k", "commitment", "-k", "item")) == ["item", "commitment"]


def test_limit_caps_each_kind_and_says_there_is_more(cli: Cli, seeded_db: Path) -> None:
    groups = found(cli, "defensie", "--limit", "1")["groups"]
    assert all(len(group["hits"]) == 1 for group in groups.values())
    assert groups["commitment"]["more"] is True
    assert groups["meeting"]["more"] is False  # one meeting matches
    assert "(the best 1; --limit shows more)" in ok(cli, "search", "defensie", "-n", "1")
    assert len(keys(cli, "defensie", "-n", "3")["commitment"]) == 3


@pytest.mark.parametrize("limit", [str(2**63 - 1), str(2**63), "1" + "0" * 30])
def test_a_limit_beyond_counting_is_no_limit(cli: Cli, seeded_db: Path, limit: str) -> None:
    every = found(cli, "defensie", "--limit", "1000")["groups"]
    beyond = found(cli, "defensie", "--limit", limit)["groups"]
    assert {kind: group["hits"] for kind, group in beyond.items()} == {
        kind: group["hits"] for kind, group in every.items()
    }
    assert not any(group["more"] for group in beyond.values())


def test_each_byte_that_was_not_utf8_is_one_replacement(cli: Cli, seeded_db: Path) -> None:
    query = found(cli, "\udcffsteun\udc85")["query"]
    assert query == "\ufffdsteun\ufffd"


@pytest.mark.parametrize(
    "args", [["--limit", "0"], ["--limit", "x"], ["--kind", "person"], ["-k", "item,bogus"]]
)
def test_bad_options_are_usage_errors(cli: Cli, seeded_db: Path, args: list[str]) -> None:
    before = snapshot(seeded_db)
    result = cli("search", "defensie", *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(seeded_db) == before


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("oekraine", "item", "udcg-2025-06/1"),  # accents do not matter
        ("OEKRAÏNE", "item", "udcg-2025-06/1"),  # nor case
        ("Oekrai\u0308ne", "item", "udcg-2025-06/1"),  # the accent typed as its own character
        ("oekr", "item", "udcg-2025-06/1"),  # a word's start is enough
        ("oekr", "commitment", "c-2025-006"),
        ("oekraine", "document", "letter-2025-05-21"),
        ("defensie", "item", "dmm-2025-06/4"),  # Defensie-industrie
        ("ministers", "meeting", "dmm-2025-06"),
        ("ministers", "item", "dmm-2025-06/1"),
        ("MINISTERS brussel", "meeting", "dmm-2025-06"),
    ],
)
def test_words_match_as_typed(cli: Cli, seeded_db: Path, text: str, kind: str, key: str) -> None:
    assert key in keys(cli, text)[kind]


def test_every_word_is_required(cli: Cli, seeded_db: Path) -> None:
    assert keys(cli, "oekraine")["item"] == ["udcg-2025-06/1"]
    assert keys(cli, "oekraine", "nucleair")["item"] == []
    assert keys(cli, "oekraine nucleair")["item"] == []


def test_the_index_follows_every_change(cli: Cli, seeded_db: Path) -> None:
    assert keys(cli, "uniek-woord")["commitment"] == []
    ref = ok(cli, "add", "commitment", "--meeting", "dmm-2025-06", "--text", "Uniek-woord")
    assert keys(cli, "uniek-woord")["commitment"] == [ref]
    assert keys(cli, "uniek")["commitment"] == [ref]
    ok(cli, "edit", ref, "--text", "Iets anders")
    assert keys(cli, "uniek")["commitment"] == []
    assert keys(cli, "iets", "anders")["commitment"] == [ref]
    ok(cli, "remove", ref, "--yes")
    assert keys(cli, "iets", "anders")["commitment"] == []
    # A moved item is found under its new key.
    ok(cli, "edit", "dmm-2025-06/4", "--move-to", "1")
    assert keys(cli, "defensie-industrie")["item"][0] == "dmm-2025-06/1"


AWKWARD = [
    '"',
    "'",
    '""',
    "c-2025-007",
    "AND",
    "OR NOT",
    "NEAR(",
    "NEAR(steun industrie, 2)",
    "title:x",
    "title:steun",
    "a*",
    "^x",
    "(",
    ")",
    "-",
    "--",
    ":",
    '"unclosed',
    "'s-Hertogenbosch",
    "3,5 miljard",
    "€",
    "🇳🇱 steun 🚀",
    "\x1b[31m",
    "\x07\x08\x7f\u202e",
    "x" * 10_000,
    "steun " * 2_000,
    " \t\n ",
    "",
    "NATO-top",
    "x OR y",
    "*",
    "!!!",
    "steun AND",
    "{steun}",
    "steun\\",
    "\ue000steun\ue001",
    "\udcff",  # a byte that was not UTF-8 on the command line
    "rank:1",
    "Oekraïne's",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_any_text_is_searched_literally(cli: Cli, seeded_db: Path, text: str) -> None:
    table = cli("search", "--", text)
    assert table.exit_code == 0, table.stderr
    assert "error" not in table.stderr
    assert "\x1b" not in table.stdout
    as_json = cli("search", "--json", "--", text)
    assert as_json.exit_code == 0, as_json.stderr
    document = json.loads(as_json.stdout)
    assert list(document["groups"]) == list(KINDS)


@pytest.mark.parametrize("text", ["!!!", '""', "", "€ -- :"])
def test_a_text_without_words_finds_nothing(cli: Cli, seeded_db: Path, text: str) -> None:
    table = cli("search", "--", text)
    assert table.exit_code == 0
    assert table.stdout.strip() == "No results."
    assert "Nothing to search for" in table.stderr
    document = found(cli, "--", text)
    assert document["match"] is None
    assert all(group == {"hits": [], "more": False} for group in document["groups"].values())


def test_no_text_at_all_is_a_usage_error(cli: Cli, seeded_db: Path) -> None:
    """'search' alone, or with options only, forgot the words: not "No results", exit 0."""
    for args in ([], ["--kind", "item"], ["--json"]):
        result = cli("search", *args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "Missing argument 'TEXT...'" in result.stderr


@pytest.mark.parametrize("key", ["c-2025-007", "dmm-2025-06/2", "letter-2025-05-21"])
def test_a_key_that_finds_nothing_says_show_opens_it(cli: Cli, seeded_db: Path, key: str) -> None:
    """A ref or slug pasted into search finds the texts that mention it, here none: the
    record is one 'show' away, and the line says so (on stderr: the results stay clean)."""
    result = cli("search", key)
    assert result.exit_code == 0
    assert result.stdout.strip() == "No results."
    assert result.stderr == f"{key} is a key: 'navo-agenda show {key}' opens it\n"
    assert cli("show", key).exit_code == 0
    assert json.loads(cli("search", key, "--json").stdout)["groups"]["meeting"]["hits"] == []
    for other in ("c-2099-001", "oekraine-xyz", "c-2025-007 extra"):
        assert "is a key" not in cli("search", other).stderr


def test_a_text_without_words_opens_no_database(cli: Cli, tmp_path: Path) -> None:
    assert cli("search", "!!!").exit_code == 0
    assert not (tmp_path / "default.db").exists()


def test_words_are_quoted_for_fts5(cli: Cli) -> None:
    assert search.literal_match('"steun" OR NEAR(x*, title:y)') == (
        '"steun"* "OR"* "NEAR"* "x"* "title"* "y"*'
    )
    assert search.literal_match("Steun steun STEUN") == '"Steun"*'
    assert search.literal_match("'s-Hertogenbosch") == '"s"* "Hertogenbosch"*'
    assert search.literal_match("!!! \x1b \ue000") is None


def test_syntax_reads_fts5_queries(cli: Cli, seeded_db: Path) -> None:
    either = keys(cli, "--syntax", '"steun" OR "industrie"')
    assert "dmm-2025-06/4" in either["item"]  # industrie
    assert "udcg-2025-06/1" in either["item"]  # steun
    assert keys(cli, "--syntax", "oekraine")["item"] == ["udcg-2025-06/1"]
    assert keys(cli, "--syntax", "oekr")["item"] == []  # no prefix unless asked: oekr*
    assert keys(cli, "--syntax", "oekr*")["item"] == ["udcg-2025-06/1"]
    assert found(cli, "--syntax", "oekr*")["match"] == "oekr*"


def test_syntax_column_filters_apply_where_the_column_exists(cli: Cli, seeded_db: Path) -> None:
    titled = keys(cli, "--syntax", "title:oekraine")
    assert titled["item"] == ["udcg-2025-06/1"]
    assert titled["commitment"] == []  # commitments have no title
    assert keys(cli, "--syntax", "text:ukraine")["commitment"]


@pytest.mark.parametrize(
    ("query", "complaint"),
    [
        ('"unclosed', "unterminated string"),
        ("AND AND", 'syntax error near "AND"'),
        ("NEAR(", "syntax error"),
        ("*", "unknown special query"),
        ("nosuchcolumn:x", "no such column: nosuchcolumn"),
        ("\x1b[31m", 'syntax error near "\\x1b"'),  # SQLite quotes the character: escaped
    ],
)
def test_syntax_errors_are_usage_errors(
    cli: Cli, seeded_db: Path, query: str, complaint: str
) -> None:
    for args in (["--syntax", query], ["--syntax", "--json", query]):
        result = cli("search", *args)
        assert result.exit_code == 2
        assert result.stdout == ""
        lines = result.stderr.splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("navo-agenda: error: --syntax: FTS5 cannot read the query")
        assert repr(query) in lines[0]
        assert complaint in lines[0]
        assert "\x1b" not in result.stderr


def test_cli_and_use_case_agree_on_the_kinds() -> None:
    assert search_command.KINDS == search.KINDS == KINDS


HOSTILE = "Vals [bold]x[/bold] \x1b[2J \ue000nep\ue001 \ue001 \ue000 snoekbaars"
HOSTILE_SUMMARY = "Over [red]karper[/red] \ue000en\ue001 \x1b]8;;https://x\x07link"


@pytest.fixture
def hostile_db(seeded_db: Path) -> Path:
    with sqlite3.connect(seeded_db) as connection:
        connection.execute(
            "UPDATE meeting SET title = ?, summary = ? WHERE slug = 'dmm-2025-06'",
            (HOSTILE, HOSTILE_SUMMARY),
        )
    return seeded_db


def test_hostile_text_is_shown_literally(cli: Cli, hostile_db: Path) -> None:
    title = ok(cli, "search", "snoekbaars", env={"COLUMNS": "400"})
    summary = ok(cli, "search", "karper", env={"COLUMNS": "400"})
    for out in (title, summary):
        assert "\x1b" not in out
        assert "\x07" not in out
        assert "Vals [bold]x[/bold] \\x1b[2J \ue000nep\ue001 \ue001 \ue000 snoekbaars" in out
    assert "Over [red]karper[/red] \ue000en\ue001 \\x1b]8;;https://x\\x07link" in summary


def highlighted(out: str) -> list[str]:
    """The parts of coloured output shown in reverse video."""
    return re.findall(r"\x1b\[[0-9;]*7m([^\x1b]*)\x1b\[0m", out)


def test_hostile_text_cannot_fake_a_match(cli: Cli, hostile_db: Path) -> None:
    colour = {"COLUMNS": "400", "FORCE_COLOR": "1"}
    assert highlighted(ok(cli, "search", "snoekbaars", env=colour)) == ["snoekbaars"]
    assert highlighted(ok(cli, "search", "karper", env=colour)) == ["karper"]
    for word in ("snoekbaars", "karper"):
        out = ok(cli, "search", word, env=colour)
        assert "\x1b[2J" not in out
        assert "\x1b]8" not in out
        plain = ok(cli, "search", word, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
        assert "\x1b" not in plain
    hit = found(cli, "snoekbaars")["groups"]["meeting"]["hits"][0]
    assert hit["label"] == HOSTILE
    assert [hit["label"][s:e] for s, e in hit["label_highlights"]] == ["snoekbaars"]
    assert [hit["snippet"][s:e] for s, e in hit["highlights"]] == ["snoekbaars"]
    hit = found(cli, "karper")["groups"]["meeting"]["hits"][0]
    assert hit["label_highlights"] == []
    assert hit["snippet"] == HOSTILE_SUMMARY
    assert [hit["snippet"][s:e] for s, e in hit["highlights"]] == ["karper"]


def test_marks_in_the_data_are_not_matches() -> None:
    opening, closing = "\ue000abc\ue001", "\ue001abc\ue000"
    text, spans = unmark(f"\ue000x\ue001 {opening}hit{closing} \ue001abd\ue000", opening, closing)
    assert text == "\ue000x\ue001 hit \ue001abd\ue000"
    assert spans == ((4, 7),)
    assert unmark(f"{opening}a{closing}{opening}b{closing}", opening, closing) == ("ab", ((0, 2),))


def test_text_that_begins_with_a_dash_is_explained(cli: Cli, seeded_db: Path) -> None:
    result = cli("search", "-steun")
    assert result.exit_code == 2
    assert result.stderr == (
        "navo-agenda: error: No such option: -s; to search for text that begins with '-',"
        " put -- before it: navo-agenda search -- -steun\n"
    )
    assert keys(cli, "--", "-steun") == keys(cli, "steun")
    typo = cli("search", "--limt", "3", "steun")
    assert "to search for text" not in typo.stderr
    assert "Possible options: --limit" in typo.stderr


@pytest.mark.parametrize(
    ("typed", "suggested", "searched"),
    [
        (["navo", "-steun"], "navo-agenda search navo -- -steun", "navo -steun"),
        (
            ["-n", "3", "-steun", "navo top"],
            "navo-agenda search -n 3 -- -steun 'navo top'",
            "-steun navo top",
        ),
        (
            ["--kind", "item", "-steun", "Oekraïne's"],
            """navo-agenda search --kind item -- -steun 'Oekraïne'"'"'s'""",
            "-steun Oekraïne's",
        ),
        # options after the word stay options, with their values
        (
            ["-steun", "--kind", "meeting", "top", "-n", "2"],
            "navo-agenda search --kind meeting -n 2 -- -steun top",
            "-steun top",
        ),
        (
            ["-steun", "--kind=item", "--json"],
            "navo-agenda search --kind=item --json -- -steun",
            "-steun",
        ),
    ],
)
def test_the_explanation_keeps_every_other_word(
    cli: Cli, seeded_db: Path, typed: list[str], suggested: str, searched: str
) -> None:
    """The command it suggests is what was typed, with -- where it belongs: it runs, and
    searches the words that were meant."""
    result = cli("search", *typed)
    assert result.exit_code == 2
    assert result.stderr.endswith(f" put -- before it: {suggested}\n")
    args = shlex.split(suggested)[1:]
    end = args.index("--")
    again = cli(*args[:end], *([] if "--json" in args else ["--json"]), *args[end:])
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["query"] == searched


def test_a_narrow_terminal_folds_the_text_and_loses_none_of_it(cli: Cli, seeded_db: Path) -> None:
    text = ok(cli, "search", "industrie", "--kind", "document", env={"COLUMNS": "30"})
    lines = text.splitlines()
    assert max(map(len, lines)) <= 30
    start = next(n for n, line in enumerate(lines) if "kamerbrief-2025-0404" in line)
    end = next(n for n, line in enumerate(lines) if "letter-2025-05-21" in line)
    column = lines[start].index("kamerbrief-2025-0404") + len("kamerbrief-2025-0404") + 1
    folded = "".join(line[column:].strip() for line in lines[start:end])
    assert folded.replace(" ", "") == "DefensieStrategievoorIndustrieenInnovatie"
