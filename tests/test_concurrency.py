"""Simultaneous commands: no "database is locked", no lost or duplicated writes, and a clear
exit when the wait is longer than the timeout.

Each worker is a separate process running the real CLI many times (in-process, to keep the
test to seconds rather than minutes on two cores); the processes contend for the database
exactly as separate invocations do: separate connections, the write lock taken at BEGIN.
"""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Cli, clean_environment, snapshot

WORKER = """
import sys
from navo_agenda.cli import app

failures = []
for argv in {runs!r}:
    try:
        app(argv, prog_name="navo-agenda")
    except SystemExit as exit:
        if exit.code:
            failures.append((argv, exit.code))
print(len(failures))
for failure in failures:
    print(failure, file=sys.stderr)
"""


def start_workers(db: Path, runs_per_worker: list[list[list[str]]]) -> list[subprocess.Popen[str]]:
    env = clean_environment(NAVO_AGENDA_DB=str(db), NAVO_AGENDA_TODAY="2026-11-28")
    return [
        subprocess.Popen(
            [sys.executable, "-c", WORKER.format(runs=runs)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for runs in runs_per_worker
    ]


def finish(processes: list[subprocess.Popen[str]]) -> None:
    outputs = [process.communicate(timeout=300) for process in processes]
    for process, (stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
        assert stdout.split()[-1] == "0", f"failed runs: {stderr}"
        assert "locked" not in stderr


@pytest.mark.slow
def test_eight_processes_append_fifty_items_each(seeded_db: Path) -> None:
    from navo_agenda.store.lifecycle import inspect_file

    assert inspect_file(seeded_db).state == "current"
    slug = "udcg-2025-10"  # has no items yet
    runs = [
        [["add", "item", "--meeting", slug, "--title", f"worker {w} item {i}"] for i in range(50)]
        for w in range(8)
    ]
    finish(start_workers(seeded_db, runs))
    with sqlite3.connect(seeded_db) as connection:
        positions = [
            row[0]
            for row in connection.execute(
                "SELECT a.position FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
                " WHERE m.slug = ? ORDER BY a.position",
                (slug,),
            )
        ]
        titles = {
            row[0]
            for row in connection.execute(
                "SELECT a.title FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
                " WHERE m.slug = ?",
                (slug,),
            )
        }
    assert positions == list(range(1, 401))
    assert len(titles) == 400


@pytest.mark.slow
def test_two_processes_changing_one_commitment_leave_a_consistent_history(
    cli: Cli, seeded_db: Path
) -> None:
    ref = "c-2025-007"
    first = [["status", ref, status] for status in ("in_progress", "open") * 25]
    second = [["status", ref, status] for status in ("fulfilled", "open", "dropped") * 17]
    finish(start_workers(seeded_db, [first, second]))
    history = json.loads(cli("history", ref, "--json").stdout)
    events = history["events"]
    assert len(events) > 10
    assert events[0]["from_status"] is None
    for previous, event in zip(events, events[1:], strict=False):
        assert event["from_status"] == previous["to_status"]
        assert event["from_status"] != event["to_status"]
    assert events[-1]["to_status"] == history["commitment"]["status"]
    assert cli("db", "check").exit_code == 0


def test_a_write_waiting_too_long_exits_75_and_changes_nothing(cli: Cli, seeded_db: Path) -> None:
    before = snapshot(seeded_db)
    holder = sqlite3.connect(seeded_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        env = {"NAVO_AGENDA_BUSY_TIMEOUT": "0.2"}
        result = cli("status", "c-2025-007", "fulfilled", env=env)
        assert result.exit_code == 75
        assert result.stderr.count("\n") == 1
        assert "busy" in result.stderr
        assert "try again" in result.stderr
        added = cli("add", "item", "--meeting", "dmm-2025-06", "--title", "x", env=env)
        assert added.exit_code == 75
        # Readers are not blocked by a writer (WAL).
        assert cli("list", env=env).exit_code == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert snapshot(seeded_db) == before
