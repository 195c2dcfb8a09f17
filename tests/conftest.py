"""Shared fixtures: a real database file per test, the real CLI, fixed time and width.

No test can touch a real user's database: every test runs with NAVO_AGENDA_DB, HOME and
the XDG directories pointing into its own temporary directory. The seeded database is
created once per session through the real first-use path and copied for each test.
"""

import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from navo_agenda.cli import app

REPO = Path(__file__).resolve().parents[1]
LETTER = REPO / "data" / "letters" / "2025-05-21_geannoteerde-agenda_dmm-2025-06.txt"
TODAY = "2026-11-28"
WIDTH = "100"


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("NAVO_AGENDA_DB", str(tmp_path / "default.db"))
    monkeypatch.setenv("NAVO_AGENDA_TODAY", TODAY)
    monkeypatch.setenv("COLUMNS", WIDTH)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.delenv("NAVO_AGENDA_DEBUG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return home


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Created once, through the same path a user's first command takes."""
    from navo_agenda.store.lifecycle import create_database

    path = tmp_path_factory.mktemp("template") / "seeded.db"
    create_database(path, origin="--db", seed=True, notify=None)
    return path


@pytest.fixture
def seeded_db(seeded_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the seeded database, also made the default for the CLI."""
    path = tmp_path / "navo-agenda.db"
    shutil.copyfile(seeded_template, path)
    monkeypatch.setenv("NAVO_AGENDA_DB", str(path))
    return path


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli() -> "Cli":
    return Cli()


class Cli:
    """Runs the real command line in-process, with stdout and stderr kept apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(
        self, *args: str, env: dict[str, str] | None = None, input: str | None = None
    ) -> Outcome:
        result = self.runner.invoke(app, list(args), env=env, input=input, prog_name="navo-agenda")
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Outcome(result.exit_code, result.stdout, result.stderr)


def snapshot(path: Path) -> str:
    """Everything in a database, as text: to prove a failed command changed nothing."""
    with sqlite3.connect(path) as connection:
        return "\n".join(connection.iterdump())


def file_bytes(path: Path) -> bytes:
    return path.read_bytes()


@pytest.fixture
def db_rows(seeded_db: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(seeded_db)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def clean_environment(**extra: str) -> dict[str, str]:
    """The environment for a subprocess run of the installed entry point."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("NAVO_AGENDA", "COVERAGE"))
    }
    environment.update(extra)
    return environment


def completions(cli: "Cli", words: str) -> list[str]:
    """What the shell would offer after `words` (bash completion)."""
    result = cli(
        env={
            "_NAVO_AGENDA_COMPLETE": "complete_bash",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        }
    )
    assert result.exit_code == 0
    return result.stdout.split()
