"""list, show and timeline as a user sees them: golden output at a fixed width and date,
filters, and JSON that carries every field shown.

Golden files live in tests/golden/; after an intended change of the output, regenerate them
with NAVO_AGENDA_UPDATE_GOLDEN=1 and review the diff.
"""

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import Cli

GOLDEN = Path(__file__).parent / "golden"


def matches_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("NAVO_AGENDA_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with NAVO_AGENDA_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


GOLDEN_VIEWS = {
    "list.txt": ["list"],
    "list-narrow.txt": ["list", "--kind", "summit"],
    "show-dmm-2025-06.txt": ["show", "dmm-2025-06"],
    "show-summit-2025-06.txt": ["show", "summit-2025-06"],
    "timeline.txt": ["timeline"],
    "timeline-june-2025.txt": ["timeline", "--from", "juni 2025", "--to", "2025-06"],
}


@pytest.mark.parametrize("name", sorted(GOLDEN_VIEWS))
def test_golden_output(cli: Cli, seeded_db: Path, name: str) -> None:
    env = {"COLUMNS": "72"} if name == "list-narrow.txt" else None
    result = cli(*GOLDEN_VIEWS[name], env=env)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "\x1b" not in result.stdout
    matches_golden(name, result.stdout)


def listed(cli: Cli, *args: str) -> list[str]:
    result = cli("list", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return [meeting["slug"] for meeting in json.loads(result.stdout)["meetings"]]


JUNE_2025 = [
    "udcg-2025-06",
    "dmm-2025-06",
    "npg-2025-06",
    "dinner-2025-06",
    "forum-2025-06",
    "summit-2025-06",
]


def test_list_holds_every_meeting_of_the_letter_sorted_by_date(cli: Cli, seeded_db: Path) -> None:
    slugs = listed(cli)
    for slug in [*JUNE_2025, "dmm-2025-02", "summit-2023-07", "signing-2025-05"]:
        assert slug in slugs
    starts = [
        meeting["starts_on"] for meeting in json.loads(cli("list", "--json").stdout)["meetings"]
    ]
    assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--from", "2025-06", "--to", "2025-06"], JUNE_2025),
        (["--from", "1 juni 2025", "--to", "30 June 2025"], JUNE_2025),
        (
            ["--kind", "dmm", "--from", "2025"],
            ["dmm-2025-02", "dmm-2025-06", "dmm-2025-10", "dmm-2026-02"],
        ),
        (["--kind", "npg,udcg", "--to", "2025-Q2"], ["udcg-2025-06", "npg-2025-06"]),
        (
            ["-k", "summit", "-k", "DINNER", "--from", "2025-06-24", "--to", "2025-06-24"],
            ["dinner-2025-06", "summit-2025-06"],
        ),
        (["--status", "planned", "--kind", "summit"], ["summit-2026-07"]),
        (["--upcoming"], []),
        (["--past", "--kind", "summit"], ["summit-2023-07", "summit-2025-06", "summit-2026-07"]),
        (["--topic", "nuclear"], ["npg-2025-06"]),
        (["--topic", "no-such-topic"], []),
    ],
)
def test_list_filters(cli: Cli, seeded_db: Path, args: list[str], expected: list[str]) -> None:
    assert listed(cli, *args) == expected


def test_upcoming_and_past_follow_today(cli: Cli, seeded_db: Path) -> None:
    env = {"NAVO_AGENDA_TODAY": "2025-06-20"}
    upcoming = json.loads(cli("list", "--upcoming", "--json", env=env).stdout)["meetings"]
    assert [m["slug"] for m in upcoming][:3] == [
        "dinner-2025-06",
        "forum-2025-06",
        "summit-2025-06",
    ]
    assert all(m["ends_on"] >= "2025-06-20" for m in upcoming)
    past = json.loads(cli("list", "--past", "--json", env=env).stdout)["meetings"]
    assert all(m["ends_on"] < "2025-06-20" for m in past)
    assert len(upcoming) + len(past) == len(listed(cli))


def test_list_json_carries_every_column_shown(cli: Cli, seeded_db: Path) -> None:
    meetings = json.loads(cli("list", "--json").stdout)
    assert meetings["format"] == "navo-agenda/list"
    assert meetings["version"] == 1
    dmm = next(m for m in meetings["meetings"] if m["slug"] == "dmm-2025-06")
    table = cli("list", "--kind", "dmm", env={"COLUMNS": "160"}).stdout
    row = next(line for line in table.splitlines() if "dmm-2025-06" in line)
    for key in ("slug", "kind", "title", "location", "status"):
        assert dmm[key] in row
    assert dmm["starts_on"] in row
    assert row.split()[-2:] == [str(dmm["items"]), str(dmm["open_commitments"])]
    assert dmm["items"] == 4


def test_global_json_flag_works_too(cli: Cli, seeded_db: Path) -> None:
    assert json.loads(cli("--json", "list").stdout) == json.loads(cli("list", "--json").stdout)


def test_show_json_carries_every_field_shown(cli: Cli, seeded_db: Path) -> None:
    result = cli("show", "dmm-2025-06", "--json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    assert shown["format"] == "navo-agenda/show"
    meeting = shown["meeting"]
    assert (meeting["slug"], meeting["kind"], meeting["status"]) == ("dmm-2025-06", "dmm", "held")
    assert meeting["title_nl"]
    assert meeting["location"]
    assert meeting["outcome"]
    assert [child["slug"] for child in shown["children"]] == ["udcg-2025-06", "npg-2025-06"]
    assert [item["position"] for item in shown["items"]] == [1, 2, 3, 4]
    assert shown["items"][1]["section"] == "Afschrikking en verdediging"
    assert shown["items"][1]["title"] == "Capability Targets 2025 (CT25)"
    text = cli("show", "dmm-2025-06", env={"COLUMNS": "200"}).stdout
    for item in shown["items"]:
        assert item["title"] in text
    for commitment in shown["commitments"]:
        assert commitment["ref"] in text
        assert commitment["status"] in text
        if commitment["due"]:
            assert commitment["due"]["value"] in text
    for document in shown["documents"]:
        assert document["slug"] in text
    assert shown["parent"] is None


def test_show_of_a_child_names_its_parent(cli: Cli, seeded_db: Path) -> None:
    shown = json.loads(cli("show", "forum-2025-06", "--json").stdout)
    assert shown["parent"]["slug"] == "summit-2025-06"
    assert "Part of: summit-2025-06" in cli("show", "forum-2025-06").stdout


def test_overdue_is_marked_in_show(cli: Cli, seeded_db: Path) -> None:
    shown = json.loads(cli("show", "udcg-2025-06", "--json").stdout)
    billions = next(c for c in shown["commitments"] if c["amount"] == "3500000000")
    assert billions["currency"] == "EUR"
    assert billions["due"] == {
        "value": "2025",
        "precision": "year",
        "first_day": "2025-01-01",
        "last_day": "2025-12-31",
    }
    assert billions["status"] == "open"
    assert billions["overdue"] is True
    assert "3 500 000 000 EUR" in cli("show", "udcg-2025-06").stdout
    assert "OVERDUE" in cli("show", "udcg-2025-06").stdout
    before_due = json.loads(
        cli("show", "udcg-2025-06", "--json", env={"NAVO_AGENDA_TODAY": "2025-12-31"}).stdout
    )
    assert not next(c for c in before_due["commitments"] if c["ref"] == billions["ref"])["overdue"]


def test_timeline_is_in_time_order_with_spans_and_today(cli: Cli, seeded_db: Path) -> None:
    view = json.loads(cli("timeline", "--json").stdout)
    entries = view["entries"]
    assert view["today"] == "2026-11-28"
    assert [e["start"] for e in entries] == sorted(e["start"] for e in entries)
    summit = next(e for e in entries if e["key"] == "summit-2025-06")
    assert (summit["start"], summit["end"]) == ("2025-06-24", "2025-06-25")
    assert {e["type"] for e in entries} == {"meeting", "deadline", "document"}
    month_deadline = next(e for e in entries if e["type"] == "deadline" and e["when"] == "2025-06")
    assert month_deadline["start"] == "2025-06-30"
    text = cli("timeline").stdout
    assert "2025-06-24–25 ━━ summit-2025-06" in text
    assert text.index("summit-2026-07") < text.index("▶ 2026-11-28") < text.index("2035")


def test_timeline_window_and_kind(cli: Cli, seeded_db: Path) -> None:
    view = json.loads(
        cli("timeline", "--from", "2025-06", "--to", "2025-06", "--kind", "dmm", "--json").stdout
    )
    assert view["start"] == "2025-06-01"
    assert view["end"] == "2025-06-30"
    meetings = [e["key"] for e in view["entries"] if e["type"] == "meeting"]
    assert meetings == ["dmm-2025-06"]
    for entry in view["entries"]:
        assert "2025-06-01" <= entry["start"] <= "2025-06-30"
    text = cli("timeline", "--from", "2025-06", "--to", "2025-06").stdout
    assert "today" not in text.split("June 2025", 1)[1].splitlines()[-2]


def test_a_window_within_one_month_is_not_reversed(cli: Cli, seeded_db: Path) -> None:
    """--from a month --to a day in it overlaps: only a window that ends before it starts is
    refused."""
    assert listed(cli, "--from", "2025-06", "--to", "2025-06-05") == JUNE_2025[:3]
    assert listed(cli, "--from", "2025-06-05", "--to", "2025-06-05") == JUNE_2025[1:3]


def test_show_wraps_an_item_title_under_itself(cli: Cli, seeded_db: Path) -> None:
    """At 80 columns the topics after item 3's title wrap: under the title, not at the margin."""
    lines = cli("show", "dmm-2025-06", env={"COLUMNS": "80"}).stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("3. Voortgang"))
    assert lines[start].endswith("[deterrence,")
    assert lines[start + 1] == "   hybrid, iamd, space]"
    assert all(len(line) <= 80 for line in lines)


def test_timeline_today_marker_moves_with_today(cli: Cli, seeded_db: Path) -> None:
    text = cli("timeline", env={"NAVO_AGENDA_TODAY": "2025-06-10"}).stdout
    assert text.index("dmm-2025-06") < text.index("▶ 2025-06-10") < text.index("dinner-2025-06")
    assert date(2025, 6, 10).isoformat() in text
