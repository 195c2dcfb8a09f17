"""What the command line offers around the commands: help with examples on every command,
shell completion of slugs and words, and the installed entry points."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from navo_agenda.cli.commands import COMMANDS, load
from tests.conftest import Cli, clean_environment, completions


def all_commands() -> list[str]:
    """Every command line that runs a command, e.g. 'list', 'add meeting', 'db path'."""
    names: list[str] = []
    for name in COMMANDS:
        command = load(name)
        subcommands = getattr(command, "commands", None)
        names += [f"{name} {sub}" for sub in subcommands] if subcommands else [name]
    return names


@pytest.mark.parametrize("name", all_commands())
def test_every_command_has_a_summary_and_an_example(cli: Cli, name: str) -> None:
    result = cli(*name.split(), "--help")
    assert result.exit_code == 0
    usage, _, rest = result.stdout.partition("\n\n")
    assert usage.startswith(f"Usage: navo-agenda {name}")
    summary = " ".join(rest.strip().split("\n\n")[0].split())
    assert summary.endswith("."), f"{name}: {summary!r}"
    assert "navo-agenda " in rest.split("Options:")[0], f"{name} has no example"
    assert "<str>" not in result.stdout, f"{name} has an option without a metavar"


@pytest.mark.parametrize("name", all_commands())
def test_examples_paste_whole_on_an_80_column_terminal(cli: Cli, name: str) -> None:
    """An example the help wraps would run as two commands when pasted: each line of an
    example either continues with a backslash or ends the example."""
    lines = cli(*name.split(), "--help", env={"COLUMNS": "80"}).stdout.splitlines()
    for number, line in enumerate(lines[:-1]):
        continued = line.lstrip().startswith("navo-agenda ") or lines[number - 1].endswith("\\")
        if continued and not line.endswith("\\"):
            after = lines[number + 1].strip()
            assert not after or after.startswith("navo-agenda "), f"{name}: {line!r} wraps"


def test_date_help_is_documented_on_date_options(cli: Cli) -> None:
    text = cli("list", "--help").stdout
    assert "Dates:" in text
    assert "2025-06-05" in text


def test_meeting_slugs_complete(cli: Cli, seeded_db: Path) -> None:
    assert completions(cli, "navo-agenda show dmm-2025") == [
        "dmm-2025-02",
        "dmm-2025-06",
        "dmm-2025-10",
    ]
    assert "summit-2025-06" in completions(cli, "navo-agenda show ")


def test_kinds_and_statuses_complete(cli: Cli, seeded_db: Path) -> None:
    assert completions(cli, "navo-agenda list --kind d") == ["dmm", "dinner"]
    assert completions(cli, "navo-agenda list --status p") == ["planned", "postponed"]


def test_completion_never_creates_a_database(cli: Cli, tmp_path: Path) -> None:
    assert completions(cli, "navo-agenda show dmm") == []
    assert not (tmp_path / "default.db").exists()


def installed_script() -> str:
    script = Path(sys.executable).with_name("navo-agenda")
    found = str(script) if script.exists() else shutil.which("navo-agenda")
    assert found, "the navo-agenda entry point is not installed"
    return found


@pytest.mark.slow
def test_installed_entry_point_lists_the_seeded_meetings(tmp_path: Path) -> None:
    env = clean_environment(
        NAVO_AGENDA_DB=str(tmp_path / "fresh.db"), NAVO_AGENDA_TODAY="2026-11-28", COLUMNS="120"
    )
    run = subprocess.run(
        [installed_script(), "list"], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr
    assert "dmm-2025-06" in run.stdout
    assert "\x1b" not in run.stdout
    assert "Created a new navo-agenda database" in run.stderr


@pytest.mark.slow
def test_python_dash_m_runs_the_same_cli(seeded_db: Path) -> None:
    env = clean_environment(NAVO_AGENDA_DB=str(seeded_db), NAVO_AGENDA_TODAY="2026-11-28")
    run = subprocess.run(
        [sys.executable, "-m", "navo_agenda", "show", "no-such-meeting"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.returncode == 1
    assert run.stderr.startswith("navo-agenda: error: no meeting 'no-such-meeting'")
    version = subprocess.run(
        [sys.executable, "-m", "navo_agenda", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert version.stdout.startswith("navo-agenda ")


@pytest.mark.slow
def test_broken_pipe_is_quiet(seeded_db: Path) -> None:
    env = clean_environment(NAVO_AGENDA_DB=str(seeded_db), NAVO_AGENDA_TODAY="2026-11-28")
    run = subprocess.run(
        f"'{installed_script()}' timeline | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert run.stdout.startswith("Timeline")
    assert "Traceback" not in run.stderr
