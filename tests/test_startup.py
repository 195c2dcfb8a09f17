"""Commands start at about the cost of Python + Typer + Rich: they must not import the ORM,
the migration machinery, pydantic or dateutil (STYLE.md, practice 5). Only a relative date
(+2w) loads dateutil's relativedelta.

Timing is measured in bench/, never here; this test holds the line that makes it possible.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import LETTER, clean_environment

# pypdf too: ingest loads it only to read a PDF, never for a text letter or another command.
HEAVY = ("sqlalchemy", "sqlmodel", "pydantic", "alembic", "dateutil", "markdown_it", "pypdf")

PROBE = """
import atexit, json, sys
heavy = {heavy!r}
def report():
    loaded = sorted({{name.split('.')[0] for name in sys.modules}} & set(heavy))
    ours = sorted(name for name in sys.modules if name.startswith('navo_agenda'))
    sys.__stderr__.write('LOADED=' + json.dumps(loaded) + '\\n')
    sys.__stderr__.write('OURS=' + json.dumps(ours) + '\\n')
atexit.register(report)
sys.argv = ['navo-agenda', *{args!r}]
from navo_agenda.cli import main
main()
"""


def probe(args: list[str], db: Path) -> dict[str, list[str]]:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY, args=args)],
        capture_output=True,
        text=True,
        env=clean_environment(NAVO_AGENDA_DB=str(db), NAVO_AGENDA_TODAY="2026-11-28"),
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    found = {}
    for line in completed.stderr.splitlines():
        key, _, value = line.partition("=")
        if key in ("LOADED", "OURS"):
            found[key] = list(json.loads(value))
    return found


def loaded_modules(args: list[str], db: Path) -> list[str]:
    return probe(args, db)["LOADED"]


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--kind", "dmm", "--from", "5 juni 2025", "--to", "2025-Q3", "--json"],
        ["show", "dmm-2025-06"],
        ["show", "dmm-2025-06", "--json"],
        ["show", "dmm-2025-06/2"],
        ["show", "c-2025-007"],
        ["show", "letter-2025-05-21", "--json"],
        ["timeline"],
        ["timeline", "--from", "2025-06"],
        ["--help"],
        ["list", "--help"],
        ["db", "path"],
        ["db", "check"],
        ["commitments", "--overdue"],
        ["commitments", "--due-before", "juni 2026", "--json"],
        ["history", "c-2025-007"],
        ["search", "oekraine"],
        ["search", "steun", "--json"],
        ["status", "c-2025-007", "in_progress", "--note", "started", "--at", "+0d"],
        ["add", "commitment", "--meeting", "dmm-2025-06", "--text", "x", "--amount", "€1 mld"],
        ["add", "meeting", "--kind", "dmm", "--date", "24-25 juni 2030", "--title", "x"],
        ["edit", "dmm-2025-06", "--status", "held", "--location", "Brussel"],
        ["remove", "c-2025-001", "--yes"],
        ["export", "--format", "json"],
        ["export", "--format", "csv", "--table", "commitments", "--meeting", "dmm-2025-06"],
        ["ingest", str(LETTER), "--dry-run"],
    ],
)
def test_commands_do_not_import_heavy_modules(seeded_db: Path, args: list[str]) -> None:
    assert loaded_modules(args, seeded_db) == []


def test_first_use_is_allowed_to_load_the_migration_machinery(tmp_path: Path) -> None:
    loaded = loaded_modules(["list"], tmp_path / "new.db")
    assert "alembic" in loaded
    assert "sqlalchemy" in loaded


# Each command loads its own use case and renderer only (cli/app.py says why).
NOT_FOR = {
    ("--help",): ["navo_agenda.store", "navo_agenda.records", "navo_agenda.render.tables"],
    ("list",): [
        "navo_agenda.render.meeting",
        "navo_agenda.render.timeline",
        "navo_agenda.render.jsonout",
        "navo_agenda.maintenance",
        "navo_agenda.timeline",
    ],
    ("show", "dmm-2025-06"): [
        "navo_agenda.render.timeline",
        "navo_agenda.maintenance",
        "navo_agenda.render.jsonout",
        # Showing a meeting costs what it did before show took the other kinds of key.
        "navo_agenda.details",
        "navo_agenda.render.shown",
        "navo_agenda.suggestions",
        "navo_agenda.tracking",
    ],
    ("timeline",): [
        "navo_agenda.render.meeting",
        "navo_agenda.maintenance",
        "navo_agenda.render.jsonout",
        "navo_agenda.store.meetings",
        "navo_agenda.exchange.files",  # only for --svg/--html
    ],
    ("commitments",): ["navo_agenda.agenda"],  # only on the way to an error
}


@pytest.mark.parametrize("args", sorted(NOT_FOR))
def test_commands_load_only_their_own_modules(seeded_db: Path, args: tuple[str, ...]) -> None:
    ours = probe(list(args), seeded_db)["OURS"]
    assert ours, "the probe saw none of our modules"
    for module in NOT_FOR[args]:
        assert module not in ours, f"{' '.join(args)} loaded {module}"
