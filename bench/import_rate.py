"""Import rate: how many records a second does `navo-agenda import` take from a large export?

Issue 4 asks for at least 50,000 records a second on a large JSON file. This script builds a
database with bigdata.py's seeded generator (meetings, agenda items with topics, commitments,
documents), gives every commitment a status history (the event that recorded it, and one
change for those no longer open), exports it with the real CLI, and then times the real CLI
importing that file into a new, empty database (`db init --empty`), as a user would:

    navo-agenda --db new.db import big.json

A record is a document, meeting, agenda item, commitment or status event (what the import
counts in its "N added" line); topics and links to documents come along uncounted. The rate
is records / wall time of the whole command, start-up included. It also times re-importing
the same file into the database it just filled (every record found equal, nothing written)
and, for information, the export. Like the other benchmarks it reports, it does not run in
the test suite.

    python bench/import_rate.py                    # 20,000 meetings: ~400,000 records
    python bench/import_rate.py --meetings 2000    # a quick run
    python bench/import_rate.py --markdown         # a Markdown table and the machine line
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import bigdata
import startup

BUDGET = 50_000  # records a second (issue 4)
DEFAULT_MEETINGS = 20_000
DEFAULT_REPEAT = 3
IMPORTED = re.compile(r"Imported .*: (\d+) added, (\d+) changed, (\d+) unchanged")


@dataclass(frozen=True)
class Run:
    label: str
    seconds: list[float]
    records: int

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def rate(self) -> float:
        return self.records / self.median


def add_histories(path: Path) -> None:
    """bigdata.py's commitments have no history; an export needs one (it ends in the
    commitment's status), so each gets the event that recorded it and, when it is no longer
    open, the change to its status."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous = OFF")
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            "INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note,"
            " author) SELECT c.id, m.starts_on, NULL, 'open', 'Recorded from the letter', 'bench'"
            " FROM commitment c JOIN meeting m ON m.id = c.meeting_id ORDER BY c.id"
        )
        connection.execute(
            "INSERT INTO commitment_event (commitment_id, at, from_status, to_status, note,"
            " author) SELECT c.id, m.ends_on, 'open', c.status, 'Status changed', 'bench'"
            " FROM commitment c JOIN meeting m ON m.id = c.meeting_id WHERE c.status <> 'open'"
            " ORDER BY c.id"
        )
        connection.execute("COMMIT")
    finally:
        connection.close()


def run(argv: Sequence[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{done.stderr}")
    return seconds, done.stderr


def counted(stderr: str) -> tuple[int, int, int]:
    found = IMPORTED.search(stderr)
    if found is None:
        raise SystemExit(f"no 'Imported' line in:\n{stderr}")
    added, changed, unchanged = map(int, found.groups())
    return added, changed, unchanged


def measure(cli: list[str], env: dict[str, str], work: Path, repeat: int) -> tuple[Run, Run]:
    export = work / "big.json"
    seconds: list[float] = []
    records = 0
    target = work / "target.db"
    for number in range(repeat):
        target = work / f"target-{number}.db"
        run([*cli, "--db", str(target), "db", "init", "--empty"], env)
        bigdata.note(f"  import {number + 1}/{repeat}")
        elapsed, stderr = run([*cli, "--db", str(target), "import", str(export)], env)
        added, changed, unchanged = counted(stderr)
        if changed or unchanged:
            raise SystemExit(f"an import into an empty database changed something: {stderr}")
        seconds.append(elapsed)
        records = added
        if number < repeat - 1:
            target.unlink()
    bigdata.note("  re-import of the same file")
    again: list[float] = []
    for _ in range(repeat):
        elapsed, stderr = run([*cli, "--db", str(target), "import", str(export)], env)
        added, changed, unchanged = counted(stderr)
        if added or changed:
            raise SystemExit(f"re-importing the same file changed something: {stderr}")
        again.append(elapsed)
    return (
        Run("import into an empty database", seconds, records),
        Run("re-import (all unchanged)", again, records),
    )


def phases(
    export: Path, work: Path, cli: list[str], env: dict[str, str]
) -> list[tuple[str, float]]:
    """The same import once more, in this process and timed by phase, to show what the
    rate is made of: how much is the standard library's JSON decoder and SQLite (the rows
    with their foreign keys and unique keys, then the secondary indexes and the search
    index built at the end) and how much is navo-agenda's own work. Runs the navo_agenda
    that this interpreter imports."""
    import gc
    import json

    from navo_agenda.exchange import importing, json_format, writing
    from navo_agenda.store import bulk, search_index
    from navo_agenda.store.connection import Database, connect_sqlite

    target = work / "phases.db"
    run([*cli, "--db", str(target), "db", "init", "--empty"], env)
    spent = {"insert": 0.0, "rebuild": 0.0, "resolve": 0.0}
    patched = {
        (writing, "insert_columns"): timed(writing.insert_columns, spent, "insert"),
        (bulk, "indexes_paused"): finish_timed(bulk.indexes_paused, spent),
        (search_index, "paused"): finish_timed(search_index.paused, spent),
        (importing.Importer, "compare"): timed(importing.Importer.compare, spent, "resolve"),
        (importing.Keys, "resolve"): timed(importing.Keys.resolve, spent, "resolve"),
    }
    originals = {where: getattr(*where) for where in patched}
    gc.disable()  # as the command does
    try:
        started = time.perf_counter()
        data = export.read_bytes()
        read = time.perf_counter()
        json.loads(data)
        plain = time.perf_counter()
        snapshot = json_format.parse(data, name=export.name)
        parsed = time.perf_counter()
        for (owner, name), function in patched.items():
            setattr(owner, name, function)
        db = Database(connect_sqlite(target), label=str(target))
        try:
            with importing.import_transaction(db, snapshot):
                before = time.perf_counter()
                importing.import_snapshot(db, snapshot, name=export.name)
                written = time.perf_counter()
            committed = time.perf_counter()
        finally:
            db.close()
            for (owner, name), function in originals.items():
                setattr(owner, name, function)
    finally:
        gc.enable()
    own = written - before - sum(spent.values())
    return [
        ("read the file", read - started),
        ("json.loads alone (the standard library's floor)", plain - read),
        ("parse: json.loads with hooks + every check", parsed - plain),
        ("resolve keys, compare with the database (Python, SQL look-ups)", spent["resolve"]),
        ("build rows (Python)", own),
        ("INSERT statements (SQLite: rows, unique keys, foreign keys)", spent["insert"]),
        ("secondary indexes and search index built (SQLite)", spent["rebuild"]),
        ("COMMIT", committed - written),
    ]


def timed(function: Any, spent: dict[str, float], phase: str) -> Any:
    """`function`, adding the time of each call to spent[phase]."""

    def timing(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[phase] += time.perf_counter() - started

    return timing


def finish_timed(paused: Any, spent: dict[str, float]) -> Any:
    """A context manager like `paused`, adding the time of its end (what it rebuilds) to
    spent["rebuild"]."""

    @contextmanager
    def timing(*args: object) -> Iterator[None]:
        with ExitStack() as stack:
            stack.enter_context(paused(*args))
            yield
            started = time.perf_counter()
        spent["rebuild"] += time.perf_counter() - started

    return timing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter of the CLI")
    parser.add_argument("--meetings", type=int, default=DEFAULT_MEETINGS)
    parser.add_argument("--items-per-meeting", type=int, default=bigdata.DEFAULT_ITEMS)
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="imports to time")
    parser.add_argument("--seed", type=int, default=bigdata.DEFAULT_SEED)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    if args.meetings < 1 or args.repeat < 1:
        parser.error("--meetings and --repeat must be at least 1")
    sizes = bigdata.Sizes(
        args.meetings, args.items_per_meeting, bigdata.COMMITMENTS_PER_MEETING * args.meetings
    )
    cli = bigdata.cli_argv(args.python)
    with tempfile.TemporaryDirectory(prefix="navo-agenda-import-") as directory:
        work = Path(directory)
        env = bigdata.environment(work / "unused.db", work / "pycache")
        source = work / "source.db"
        bigdata.note(f"building {sizes.meetings:,} meetings, {sizes.items:,} agenda items")
        run([*cli, "--db", str(source), "db", "init", "--empty"], env)
        bigdata.fill(source, sizes, args.seed, log=False)
        add_histories(source)
        bigdata.note("exporting")
        export_seconds, _ = run(
            [*cli, "--db", str(source), "export", "--out", str(work / "big.json")], env
        )
        megabytes = (work / "big.json").stat().st_size / 1e6
        imported, again = measure(cli, env, work, args.repeat)
        bigdata.note("  the same import in this process, by phase")
        timed = phases(work / "big.json", work, cli, env)
    export = Run("export (information)", [export_seconds], imported.records)
    body = [
        (
            run.label,
            f"{run.records:,}",
            f"{run.median:.2f}",
            f"{min(run.seconds):.2f}",
            f"{max(run.seconds):.2f}",
            str(len(run.seconds)),
            f"{run.rate:,.0f}",
            ("PASS" if run.rate >= BUDGET else "FAIL") if run is imported else "—",
        )
        for run in (imported, again, export)
    ]
    headers = ("what", "records", "median s", "min s", "max s", "runs", "records/s", "≥ 50,000/s")
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    machine = startup.machine_line(args.python)
    print(
        f"File: {megabytes:,.0f} MB from {sizes.meetings:,} meetings ({sizes.items:,} agenda"
        f" items, {sizes.commitments:,} commitments with their histories, {sizes.documents:,}"
        f" documents; seed {args.seed}). Wall time of the whole command, start-up included.\n"
    )
    print(bigdata.table(headers, body, args.markdown))
    counted = sum(seconds for label, seconds in timed if "floor" not in label)
    rows = [
        (label, f"{seconds:.2f}", "" if "floor" in label else f"{seconds / counted:.0%}")
        for label, seconds in timed
    ]
    print()
    print(bigdata.table(("phase (in-process, one run)", "s", "share"), rows, args.markdown))
    prefix = "**Machine:** " if args.markdown else "Machine: "
    print(f"\n{prefix}{machine} · {when}")
    return 0 if imported.rate >= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
