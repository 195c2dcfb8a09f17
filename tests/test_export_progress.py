"""Exports of large sets show a progress bar on a terminal, whatever the format, and never on
a pipe: the use cases report each batch they write, and the CLI draws it only on a terminal."""

import json
import os
import pty
import select
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from navo_agenda.exchange.csv_format import TABLES, dump_table, row_count
from navo_agenda.exchange.markdown import export_markdown
from navo_agenda.exchange.selection import Selection
from navo_agenda.exchange.snapshot import export_snapshot
from navo_agenda.store.connection import Database, connect_sqlite
from tests.conftest import Cli, clean_environment
from tests.test_import_bulk import fill

TODAY = date(2026, 11, 28)


class Recorder:
    def __init__(self) -> None:
        self.started: list[tuple[str, int]] = []
        self.advanced = 0

    def start(self, label: str, total: int) -> None:
        self.started.append((label, total))

    def advance(self, count: int) -> None:
        self.advanced += count


@pytest.fixture(scope="module")
def large_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress") / "large.db"
    assert Cli()("--db", str(path), "db", "init", "--empty").exit_code == 0
    fill(path, meetings=700)
    return path


def test_csv_reports_every_row_it_writes(large_db: Path) -> None:
    db = Database(connect_sqlite(large_db), label=str(large_db))
    with db:
        snapshot = export_snapshot(db, Selection(), today=TODAY)
    for table in TABLES:
        recorder = Recorder()
        dump_table(snapshot, table, progress=recorder)
        assert recorder.advanced == row_count(snapshot, table) > 0, table
    assert row_count(snapshot, "events") == sum(len(c["events"]) for c in snapshot.commitments)


def test_markdown_reports_every_meeting(large_db: Path) -> None:
    recorder = Recorder()
    db = Database(connect_sqlite(large_db), label=str(large_db))
    with db:
        export_markdown(db, Selection(), today=TODAY, progress=recorder)
    assert recorder.started == [("Exporting", 700)]
    assert recorder.advanced == 700


def test_calendars_report_every_meeting_and_event(large_db: Path, tmp_path: Path) -> None:
    from navo_agenda.exchange.ics import apply_ics, export_ics, read_ics

    exported = Recorder()
    db = Database(connect_sqlite(large_db), label=str(large_db))
    with db:
        text = export_ics(db, Selection(), with_deadlines=False, today=TODAY, progress=exported)
    assert exported.started == [("Exporting", 700)]
    assert exported.advanced == 700
    target = tmp_path / "target.db"
    assert Cli()("--db", str(target), "db", "init", "--empty").exit_code == 0
    imported = Recorder()
    batch = read_ics(text.encode("utf-8"), name="navo.ics")
    db = Database(connect_sqlite(target), label=str(target))
    with db, db.transaction(write=True):
        apply_ics(db, batch, kind="other", today=TODAY, progress=imported)
    assert imported.started == [("Importing", 700)]
    assert imported.advanced == 700


@pytest.mark.slow
def test_a_calendar_import_shows_a_bar_on_a_terminal(large_db: Path, tmp_path: Path) -> None:
    calendar = tmp_path / "navo.ics"
    assert (
        Cli()("--db", str(large_db), "export", "-f", "ics", "--out", str(calendar)).exit_code == 0
    )
    for terminal in (True, False):
        target = tmp_path / f"target-{terminal}.db"
        assert Cli()("--db", str(target), "db", "init", "--empty").exit_code == 0
        written = stderr_of(
            ["--db", str(target), "import", str(calendar)], target, terminal=terminal
        )
        assert ("Importing" in written) is terminal
        assert "700 added" in written


def script() -> str:
    found = shutil.which("navo-agenda", path=str(Path(sys.executable).parent))
    assert found is not None, "navo-agenda is not installed next to this Python"
    return found


def stderr_of(args: list[str], database: Path, *, terminal: bool, stdout_too: bool = False) -> str:
    """What the installed command writes to stderr, a terminal (a pseudo-terminal) or a
    pipe; with `stdout_too`, its standard output goes to the same terminal."""
    env = clean_environment(NAVO_AGENDA_DB=str(database), TERM="xterm", COLUMNS="100")
    if not terminal:
        run = subprocess.run([script(), *args], capture_output=True, env=env, check=False)
        assert run.returncode == 0, run.stderr
        return run.stderr.decode()
    main, secondary = pty.openpty()
    process = subprocess.Popen(
        [script(), *args],
        stdout=secondary if stdout_too else subprocess.DEVNULL,
        stderr=secondary,
        env=env,
    )
    os.close(secondary)
    written = b""
    while True:
        ready, _, _ = select.select([main], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the other end is closed
            break
        if not chunk:
            break
        written += chunk
    assert process.wait(timeout=60) == 0, written
    os.close(main)
    return written.decode(errors="replace")


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ["export", "-f", "csv", "--out", "{dir}/tables"],
        ["export", "-f", "csv", "--table", "agenda_items", "--out", "{dir}/items.csv"],
        ["export", "-f", "md", "--out", "{dir}/note.md"],
        ["export", "-f", "ics", "--out", "{dir}/navo.ics"],
        ["export", "--out", "{dir}/all.json"],
    ],
    ids=["csv", "csv-table", "md", "ics", "json"],
)
def test_a_bar_on_a_terminal_and_none_on_a_pipe(
    large_db: Path, tmp_path: Path, args: list[str]
) -> None:
    on_terminal = [arg.format(dir=tmp_path / "t") for arg in args]
    on_pipe = [arg.format(dir=tmp_path / "p") for arg in args]
    (tmp_path / "t").mkdir()
    (tmp_path / "p").mkdir()
    assert "Exporting" in stderr_of(on_terminal, large_db, terminal=True)
    piped = stderr_of(on_pipe, large_db, terminal=False)
    assert "Exporting" not in piped
    assert "\x1b" not in piped


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [["export"], ["export", "-f", "md"], ["export", "-f", "csv", "--table", "commitments"]],
    ids=["json", "md", "csv"],
)
def test_no_bar_drawn_into_an_export_to_the_screen(large_db: Path, args: list[str]) -> None:
    """Standard output on the terminal too: the export is what the screen shows, whole."""
    screen = stderr_of(args, large_db, terminal=True, stdout_too=True)
    assert "Exporting" not in screen
    assert "\x1b" not in screen
    if args == ["export"]:
        assert json.loads(screen.replace("\r\n", "\n"))["format"] == "navo-agenda/export"
