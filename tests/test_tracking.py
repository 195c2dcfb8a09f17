"""Commitments and their fate: the view with its filters and totals, status changes as
appended events, and the history that explains the current status."""

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, snapshot


def listed(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("commitments", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return dict(json.loads(result.stdout))


def refs(cli: Cli, *args: str) -> list[str]:
    view = listed(cli, *args)
    return [c["ref"] for c in view["commitments"]]


def test_view_sorts_by_due_date_with_undated_last(cli: Cli, seeded_db: Path) -> None:
    view = listed(cli)
    assert view["format"] == "navo-agenda/commitments"
    commitments = view["commitments"]
    dues = [c["due"]["last_day"] for c in commitments if c["due"]]
    assert dues == sorted(dues)
    seen_undated = False
    for commitment in commitments:
        if commitment["due"] is None:
            seen_undated = True
        else:
            assert not seen_undated, "a dated commitment after an undated one"
    assert len(commitments) == 17


def test_totals_per_currency(cli: Cli, seeded_db: Path) -> None:
    assert listed(cli)["totals"] == {"EUR": "3500000000"}
    text = cli("commitments").stdout
    assert "17 commitment(s) · total 3 500 000 000 EUR" in text
    cli("add", "commitment", "--meeting", "dmm-2025-06", "--text", "More", "--amount", "$ 2 mln")
    cli("add", "commitment", "--meeting", "dmm-2025-06", "--text", "Less", "--amount", "0,5 EUR")
    assert listed(cli)["totals"] == {"EUR": "3500000000.5", "USD": "2000000"}


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--overdue"], ["c-2025-008", "c-2025-007"]),
        (["--status", "fulfilled", "--meeting", "dmm-2025-06"], ["c-2025-002", "c-2025-015"]),
        (["--status", "voldaan", "--meeting", "dmm-2025-06"], ["c-2025-002", "c-2025-015"]),
        (["--meeting", "summit-2025-06", "--actor", "BONDGENOTEN"], ["c-2025-005", "c-2025-017"]),
        (
            ["--due-before", "2025-06-25", "--status", "fulfilled"],
            ["c-2025-002", "c-2025-015", "c-2025-004"],
        ),
        (["--due-before", "2026", "--status", "open,in_progress"], ["c-2025-008", "c-2025-007"]),
        (["--actor", "no such actor"], []),
    ],
)
def test_filters(cli: Cli, seeded_db: Path, args: list[str], expected: list[str]) -> None:
    assert refs(cli, *args) == expected


def test_overdue_follows_today_and_partial_dates(cli: Cli, seeded_db: Path) -> None:
    # c-2025-008 is due 2025-06 (a month): overdue from 1 July, not on 30 June.
    on_30_june = cli("commitments", "--overdue", "--json", env={"NAVO_AGENDA_TODAY": "2025-06-30"})
    on_1_july = cli("commitments", "--overdue", "--json", env={"NAVO_AGENDA_TODAY": "2025-07-01"})
    assert [c["ref"] for c in json.loads(on_30_june.stdout)["commitments"]] == []
    assert [c["ref"] for c in json.loads(on_1_july.stdout)["commitments"]] == ["c-2025-008"]


def test_status_change_appends_an_event(cli: Cli, seeded_db: Path) -> None:
    before = json.loads(cli("history", "c-2025-007", "--json").stdout)["events"]
    result = cli(
        "status", "c-2025-007", "deels voldaan", "--note", "First tranche delivered",
        "--source", "kst-28676-554", "--at", "2025-11-12", "--author", "staff",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "open → partially_fulfilled" in result.stderr
    history = json.loads(cli("history", "c-2025-007", "--json").stdout)
    assert history["commitment"]["status"] == "partially_fulfilled"
    assert history["events"][:-1] == before
    assert history["events"][-1] | {"recorded_at": None} == {
        "at": "2025-11-12",
        "from_status": "open",
        "to_status": "partially_fulfilled",
        "note": "First tranche delivered",
        "author": "staff",
        "source": "kst-28676-554",
        "recorded_at": None,
    }
    text = cli("history", "c-2025-007").stdout
    assert "open → partially_fulfilled" in text
    assert "First tranche delivered" in text
    assert cli("db", "check").exit_code == 0


def test_same_status_records_nothing(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    result = cli("status", "c-2025-002", "fulfilled")
    assert result.exit_code == 0
    assert "nothing recorded" in result.stderr
    assert snapshot(seeded_db) == before


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["status", "c-2025-007", "done"], 2, "'done' is not one of: open, in_progress"),
        (["status", "c-2025-007", "klaar"], 2, "voldaan"),
        (["status", "c-2025-999", "fulfilled"], 1, "no commitment 'c-2025-999'"),
        (["status", "c-2025-007", "fulfilled", "--at", "2025-05-01"], 2, "before the last"),
        (["status", "c-2025-007", "fulfilled", "--at", "2027-01-01"], 2, "in the future"),
        (["status", "c-2025-007", "fulfilled", "--at", "soon"], 2, "'soon'"),
        (["status", "c-2025-007", "fulfilled", "--source", "nope"], 1, "no document 'nope'"),
        (["status", "c-2025-007", "fulfilled", "--if-version", "7"], 1, "version 7"),
        (["status", "c-2025-007"], 2, "NEW"),
        (["history", "c-2025-999"], 1, "no commitment"),
        (["commitments", "--meeting", "dmm-1999-01"], 1, "no meeting 'dmm-1999-01'"),
        (["commitments", "--status", "klaar"], 2, "'klaar'"),
        (["commitments", "--due-before", "juni"], 2, "'juni'"),
    ],
)
def test_errors_change_nothing(
    cli: Cli, seeded_db: Path, args: list[str], code: int, fragment: str
) -> None:
    before = snapshot(seeded_db)
    result = cli(*args)
    assert result.exit_code == code, result.stderr
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("navo-agenda: error: ")
    assert fragment in result.stderr
    assert snapshot(seeded_db) == before


def test_if_version_accepts_the_current_one(cli: Cli, seeded_db: Path) -> None:
    version = next(c["version"] for c in listed(cli)["commitments"] if c["ref"] == "c-2025-007")
    assert cli("status", "c-2025-007", "in_progress", "--if-version", str(version)).exit_code == 0
    stale = cli("status", "c-2025-007", "fulfilled", "--if-version", str(version))
    assert stale.exit_code == 1
    assert f"you read version {version}, it is now at version {version + 1}" in stale.stderr


def test_history_cannot_be_rewritten_even_behind_the_tool(seeded_db: Path) -> None:
    with sqlite3.connect(seeded_db) as connection:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute("UPDATE commitment_event SET note = 'rewritten'")


def test_refs_and_status_words_complete(cli: Cli, seeded_db: Path) -> None:
    def complete(words: str) -> list[str]:
        result = cli(
            env={
                "_NAVO_AGENDA_COMPLETE": "complete_bash",
                "COMP_WORDS": words,
                "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
            }
        )
        return result.stdout.split()

    assert complete("navo-agenda status c-2025-01") == [f"c-2025-01{n}" for n in range(8)]
    assert complete("navo-agenda status c-2025-007 vo") == ["voldaan"]
    assert complete("navo-agenda history c-2025-00")[:2] == ["c-2025-001", "c-2025-002"]
    assert "dmm-2025-06" in complete("navo-agenda edit dmm")
    # A word the shell would split is offered as one, and the status reader takes it.
    assert complete("navo-agenda status c-2025-007 deel") == ["deels_voldaan"]
    assert complete("navo-agenda status c-2025-007 in") == ["in_progress", "in_uitvoering"]
    assert complete("navo-agenda add commitment --status vo") == ["voldaan"]
    assert complete("navo-agenda add commitment --kind ex") == ["expected"]
    assert complete("navo-agenda add meeting --status he") == ["held"]
    assert complete("navo-agenda commitments --status gedeel") == ["gedeeltelijk_voldaan"]
    assert cli("status", "c-2025-007", "deels_voldaan").exit_code == 0
    history = json.loads(cli("--json", "history", "c-2025-007").stdout)
    assert history["events"][-1]["to_status"] == "partially_fulfilled"


@pytest.mark.parametrize("variable", ["LOGNAME", "USER"])
def test_the_login_name_records_a_change_when_no_author_is_given(
    cli: Cli, seeded_db: Path, monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    """--author, else NAVO_AGENDA_AUTHOR, else the login name, as the system knows it (not
    only $USER: a cron job or a container may set LOGNAME alone)."""
    for name in ("NAVO_AGENDA_AUTHOR", "LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, "beleidsmedewerker")
    result = cli("status", "c-2025-003", "in_progress", "--at", "2025-11-12")
    assert result.exit_code == 0, result.stderr
    events = json.loads(cli("history", "c-2025-003", "--json").stdout)["events"]
    assert events[-1]["author"] == "beleidsmedewerker"
