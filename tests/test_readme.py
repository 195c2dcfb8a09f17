"""README.md leads with two commands that work on a fresh machine, and CI runs exactly them."""

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import Cli

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme.split("---", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", head)


def test_readme_leads_with_the_two_commands() -> None:
    install_and_list, install_and_test = readme_commands()
    assert install_and_list.endswith("navo-agenda list")
    assert "pytest" in install_and_test


def test_ci_runs_exactly_the_readme_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in readme_commands():
        assert command in ci


def console_blocks() -> list[list[tuple[str, list[str]]]]:
    """The README's ```console examples: each a list of (command, the lines shown after it)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = []
    for body in re.findall(r"```console\n(.*?)```", readme, re.S):
        steps: list[tuple[str, list[str]]] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], []))
            else:
                steps[-1][1].append(line)
        blocks.append(steps)
    return blocks


def appears_in_order(shown: list[str], printed: list[str]) -> bool:
    """Whether the shown lines are the printed ones, where a line "..." stands for lines left
    out: each run of lines between them must be printed as it stands, in this order."""
    if "..." not in (line.strip() for line in shown):
        return shown == printed
    at = 0
    for part in re.split(r"\n\s*\.\.\.\n", "\n" + "\n".join(shown) + "\n"):
        lines = part.strip("\n").split("\n") if part.strip("\n") else []
        while lines and at <= len(printed) - len(lines):
            if printed[at : at + len(lines)] == lines:
                at += len(lines)
                break
            at += 1
        else:
            if lines:
                return False
    return True


@pytest.mark.parametrize("steps", console_blocks(), ids=lambda steps: steps[0][0][:60])
def test_readme_examples_show_what_the_commands_print(
    cli: Cli, seeded_db: Path, steps: list[tuple[str, list[str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Output below is real": each example, run in order on the seeded database at the
    README's width and date from the top of the repository, prints what the README shows
    (stdout, or stderr where a command prints only there; "..." where lines are left out).
    A step shown without output only has to succeed."""
    monkeypatch.chdir(ROOT)
    for command, shown in steps:
        program, *args = shlex.split(command, comments=True)
        assert program == "navo-agenda"
        result = cli(*args, env={"NAVO_AGENDA_AUTHOR": "commissiestaf"}, input="y\n")
        assert result.exit_code == 0, (command, result.stderr)
        if shown:
            printed = result.stdout if result.stdout.strip() else result.stderr
            lines = [line.rstrip() for line in printed.splitlines()]
            assert appears_in_order(shown, lines), (command, lines)


def test_a_left_out_part_must_still_match() -> None:
    printed = ["a", "b", "c", "d"]
    assert appears_in_order(["a", "...", "c", "d"], printed)
    assert appears_in_order(["a", "b", "c", "d"], printed)
    assert not appears_in_order(["a", "...", "x"], printed)
    assert not appears_in_order(["c", "...", "a"], printed)
    assert not appears_in_order(["a", "c"], printed)
