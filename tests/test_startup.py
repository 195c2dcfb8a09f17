"""The read commands start at about the cost of Python + Typer + Rich: they must not import
the ORM, the migration machinery, pydantic or dateutil's parser (STYLE.md, practice 5).

Timing is measured in bench/, never here; this test holds the line that makes it possible.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import clean_environment

HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "dateutil", "markdown_it")

PROBE = """
import atexit, json, sys
heavy = {heavy!r}
def report():
    loaded = sorted({{name.split('.')[0] for name in sys.modules}} & set(heavy))
    sys.__stderr__.write('LOADED=' + json.dumps(loaded) + '\\n')
atexit.register(report)
sys.argv = ['navo-agenda', *{args!r}]
from navo_agenda.cli import main
main()
"""


def loaded_modules(args: list[str], db: Path) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY, args=args)],
        capture_output=True,
        text=True,
        env=clean_environment(NAVO_AGENDA_DB=str(db), NAVO_AGENDA_TODAY="2026-11-28"),
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    line = next(x for x in completed.stderr.splitlines() if x.startswith("LOADED="))
    return list(json.loads(line.removeprefix("LOADED=")))


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--kind", "dmm", "--from", "5 juni 2025", "--to", "2025-Q3", "--json"],
        ["show", "dmm-2025-06"],
        ["show", "dmm-2025-06", "--json"],
        ["timeline"],
        ["timeline", "--from", "2025-06"],
        ["--help"],
        ["list", "--help"],
        ["db", "path"],
        ["db", "check"],
    ],
)
def test_read_commands_do_not_import_heavy_modules(seeded_db: Path, args: list[str]) -> None:
    assert loaded_modules(args, seeded_db) == []


def test_first_use_is_allowed_to_load_the_migration_machinery(tmp_path: Path) -> None:
    loaded = loaded_modules(["list"], tmp_path / "new.db")
    assert "alembic" in loaded
    assert "sqlalchemy" in loaded
