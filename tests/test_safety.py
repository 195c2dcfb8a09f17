"""Text in the data is data: markup-like brackets, emoji codes and control characters are
shown literally and never style, link, crash or drive the terminal."""

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Cli

HOSTILE_TITLE = (
    "[bold red]Loud[/] [link=https://evil.example]click[/link] :smile: "
    "\x1b[31mred\x1b[0m \x1b]8;;https://evil.example\x07osc\x1b]8;;\x07 \x07bell\rcr "
    "\u202eevil\u202c [/unbalanced"
)


@pytest.fixture
def hostile_db(seeded_db: Path) -> Path:
    with sqlite3.connect(seeded_db) as connection:
        connection.execute(
            "UPDATE meeting SET title = ?, location = ?, summary = ? WHERE slug = 'dmm-2025-06'",
            (HOSTILE_TITLE, "[i]Brussel[/i]", HOSTILE_TITLE),
        )
        connection.execute(
            "UPDATE agenda_item SET title = ?, dutch_position = ? WHERE position = 2 AND"
            " meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')",
            ("[red]CT25[/red]", "Nederland [blink]steunt[/blink] \x1b[2J dit"),
        )
    return seeded_db


@pytest.mark.parametrize(
    "args", [["list"], ["show", "dmm-2025-06"], ["timeline"], ["list", "--kind", "dmm"]]
)
def test_hostile_text_is_shown_literally(cli: Cli, hostile_db: Path, args: list[str]) -> None:
    result = cli(*args, env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    for control in ("\x1b", "\x07", "\r", "\u202e"):
        assert control not in out
    assert "[bold red]Loud[/]" in out
    assert "[link=https://evil.example]click[/link]" in out
    assert ":smile:" in out
    assert "\\x1b[31mred" in out
    assert "\\u202eevil" in out
    if args[0] == "show":
        assert "[red]CT25[/red]" in out
        assert "[blink]steunt[/blink] \\x1b[2J dit" in out
        assert "[i]Brussel[/i]" in out


def test_hostile_text_on_a_colour_terminal_adds_no_styles_of_its_own(
    cli: Cli, hostile_db: Path
) -> None:
    result = cli("show", "dmm-2025-06", env={"FORCE_COLOR": "1", "COLUMNS": "400"})
    assert result.exit_code == 0
    out = result.stdout
    assert "\x1b]8;" not in out  # no hyperlinks
    assert "\x07" not in out
    assert "\x1b[5m" not in out  # no blink
    assert "[bold red]Loud[/]" in out


def test_no_color_means_no_escape_codes_even_when_forced(cli: Cli, seeded_db: Path) -> None:
    for args in (["list"], ["show", "dmm-2025-06"], ["timeline"]):
        result = cli(*args, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
        assert result.exit_code == 0
        assert "\x1b" not in result.stdout
    coloured = cli("list", env={"FORCE_COLOR": "1"})
    assert "\x1b[" in coloured.stdout


def test_json_keeps_the_text_exactly(cli: Cli, hostile_db: Path) -> None:
    shown = json.loads(cli("show", "dmm-2025-06", "--json").stdout)
    assert shown["meeting"]["title"] == HOSTILE_TITLE
