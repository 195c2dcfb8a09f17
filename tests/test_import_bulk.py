"""A large import writes in bulk (exchange/writing.py, store/bulk.py): a larger page cache,
the search index rebuilt once, and, into an empty or much smaller database, the secondary
indexes built once at the end. None of it may show: the schema is exactly as before, every
foreign key holds, the data round-trips, and a failure leaves the database as it was."""

import json
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from navo_agenda.errors import DatabaseError
from navo_agenda.exchange import writing
from navo_agenda.exchange.importing import BULK_RECORDS, import_snapshot, import_transaction
from navo_agenda.exchange.json_format import parse
from navo_agenda.store.connection import Database, connect_sqlite
from tests.conftest import Cli, clean_environment

STATUSES = ["in_progress", "fulfilled", "partially_fulfilled", "dropped"]


def connected(path: Path) -> closing[sqlite3.Connection]:
    """A connection that is closed at the end of the block (sqlite3's own `with` only
    commits, and a connection left open keeps a large import in WAL mode)."""
    return closing(sqlite3.connect(path))


def schema(path: Path) -> list[tuple[str, str, str, str]]:
    with connected(path) as connection:
        return connection.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()


# Rows an import stamps with the time it runs: the file carries no times for topics and links.
STAMPED_NOW = (
    "meeting_document",
    "agenda_item_topic",
    "agenda_item_document",
    "commitment_document",
)


def contents(path: Path, *, timeless: bool = False) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table; with `timeless`, without the times of STAMPED_NOW's rows,
    which differ between two imports a second apart."""
    with connected(path) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'fts_%'"
            )
        ]
        found = {}
        for table in tables:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            if timeless and table in STAMPED_NOW:
                columns = [c for c in columns if c not in ("created_at", "updated_at")]
            rows = connection.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            found[table] = sorted(rows, key=repr)
        return found


def fill(path: Path, meetings: int) -> None:
    """Meetings (every fourth within the one before it) with agenda items, topics, links,
    commitments with due dates, amounts and histories, and the documents they cite."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA foreign_keys = ON")
    documents = meetings // 8 + 1
    connection.executemany(
        "INSERT INTO document (id, slug, kind, title, dated) VALUES (?, ?, 'letter', ?, ?)",
        [
            (n, f"doc-{n:05d}", f"Kamerbrief {n}", f"2030-01-{n % 28 + 1:02d}")
            for n in range(1, documents + 1)
        ],
    )
    connection.executemany(
        "INSERT INTO meeting (id, slug, kind, title, summary, starts_on, ends_on, parent_id,"
        " source_id, status) VALUES (?, ?, 'dmm', ?, ?, '2030-01-01', '2030-01-02', ?, ?, 'held')",
        [
            (n, f"dmm-2030-{n:05d}", f"Meeting {n}", f"Over Oekraïne {n}",
             n - 1 if n % 4 == 0 else None, n % documents + 1)
            for n in range(1, meetings + 1)
        ],
    )  # fmt: skip
    items = [(meeting, position) for meeting in range(1, meetings + 1) for position in (1, 2, 3)]
    connection.executemany(
        "INSERT INTO agenda_item (id, meeting_id, position, title, summary) VALUES (?, ?, ?, ?, ?)",
        [(n, m, p, f"Item {p}", f"zeldzaam{m}x{p}") for n, (m, p) in enumerate(items, start=1)],
    )
    connection.executemany(
        "INSERT INTO agenda_item_topic (agenda_item_id, topic) VALUES (?, ?)",
        [(n, topic) for n in range(1, len(items) + 1) for topic in ("iamd", "space")[: n % 2 + 1]],
    )
    connection.executemany(
        "INSERT INTO agenda_item_document (agenda_item_id, document_id, relation)"
        " VALUES (?, ?, 'cites')",
        [(n, n % documents + 1) for n in range(1, len(items) + 1, 7)],
    )
    connection.executemany(
        "INSERT INTO commitment (id, ref, text, actor, kind, meeting_id, agenda_item_id, due,"
        " due_precision, due_end, amount, currency, status) VALUES"
        " (?, ?, 'Meer steun', 'Nederland', 'pledge', ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (m, f"c-2030-{m:05d}", m, 3 * m - 2 if m % 2 else None,
             "2031-Q2" if m % 3 else None, "quarter" if m % 3 else None,
             "2031-06-30" if m % 3 else None, "1500.5" if m % 5 == 0 else None,
             "EUR" if m % 5 == 0 else None, STATUSES[m % 4] if m % 3 else "open")
            for m in range(1, meetings + 1)
        ],
    )  # fmt: skip
    connection.execute(
        "INSERT INTO commitment_event (commitment_id, at, from_status, to_status)"
        " SELECT id, '2030-01-02', NULL, 'open' FROM commitment ORDER BY id"
    )
    connection.execute(
        "INSERT INTO commitment_event (commitment_id, at, from_status, to_status)"
        " SELECT id, '2030-06-01', 'open', status FROM commitment WHERE status <> 'open'"
        " ORDER BY id"
    )
    connection.commit()
    connection.close()


@pytest.fixture(scope="module")
def large_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An export of a few thousand records: a bulk import."""
    directory = tmp_path_factory.mktemp("bulk")
    source = directory / "source.db"
    assert Cli()("--db", str(source), "db", "init", "--empty").exit_code == 0
    fill(source, meetings=1_200)
    exported = directory / "large.json"
    assert Cli()("--db", str(source), "export", "--out", str(exported)).exit_code == 0
    data = json.loads(exported.read_text(encoding="utf-8"))
    records = sum(len(data[key]) for key in ("documents", "meetings", "agenda_items"))
    records += sum(1 + len(c["events"]) for c in data["commitments"])
    assert records >= BULK_RECORDS
    return exported


def empty(cli: Cli, path: Path) -> Path:
    assert cli("--db", str(path), "db", "init", "--empty").exit_code == 0
    return path


def test_a_bulk_import_into_an_empty_database_changes_no_schema_and_breaks_no_key(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    target = empty(cli, tmp_path / "target.db")
    before = schema(target)
    imported = cli("--db", str(target), "import", str(large_export))
    assert imported.exit_code == 0, imported.stderr
    assert ", 0 changed, 0 unchanged" in imported.stderr
    assert schema(target) == before  # indexes and triggers, exactly as they were
    with connected(target) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    again = cli("--db", str(target), "export")
    assert again.stdout == large_export.read_text(encoding="utf-8")
    twice = cli("--db", str(target), "import", str(large_export))
    assert " 0 added, 0 changed, " in twice.stderr


def statements(path: Path, file: Path, *, columns: bool = True) -> list[str]:
    """The SQL an import of `file` into `path` runs (with or without the columns the
    checks leave)."""
    snapshot = parse(file.read_bytes(), name=file.name)
    if not columns:
        snapshot = snapshot._replace(columns=None)
    db = Database(connect_sqlite(path), label=str(path))
    seen: list[str] = []
    db.on_query = lambda sql, params: seen.append(sql)
    with db, db.transaction(write=True):
        import_snapshot(db, snapshot, name=file.name)
    return seen


def test_only_an_import_that_adds_more_than_the_database_holds_rebuilds_its_indexes(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    target = empty(cli, tmp_path / "target.db")
    assert any(sql.startswith("DROP INDEX") for sql in statements(target, large_export))
    # Now the database holds as much as the next file adds: its indexes stay in place.
    data = json.loads(large_export.read_text(encoding="utf-8"))
    for record in data["meetings"] + data["agenda_items"]:
        record["title"] += " (bis)"
    for record in data["commitments"]:
        record["text"] += " (bis)"
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    seen = statements(target, changed)
    assert not any(sql.startswith("DROP INDEX") for sql in seen)
    assert any("'rebuild'" in sql for sql in seen)  # the search index, still rebuilt once
    with connected(target) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    found = json.loads(cli("--db", str(target), "search", "zeldzaam7x2", "--json").stdout)
    assert [hit["key"] for hit in found["groups"]["item"]["hits"]] == ["dmm-2030-00007/2"]


def test_a_column_no_new_row_has_a_value_for_is_left_out_where_its_default_is_null(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    """The file's agenda items have no outcome: the INSERTs leave the column out and the
    rows hold NULL, as they would have with it; columns with another default stay in."""
    target = empty(cli, tmp_path / "target.db")
    inserts = [sql for sql in statements(target, large_export) if "INTO agenda_item (" in sql]
    assert inserts
    assert not any("outcome" in sql for sql in inserts)
    assert all("version" in sql and "title" in sql for sql in inserts)
    with connected(target) as connection:
        assert connection.execute(
            "SELECT count(*), count(outcome) FROM agenda_item"
        ).fetchone() == (3_600, 0)


def test_records_without_their_columns_are_imported_alike(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    """import_snapshot takes any Snapshot: one from elsewhere has no columns at hand."""
    with_columns, without = empty(cli, tmp_path / "a.db"), empty(cli, tmp_path / "b.db")
    statements(with_columns, large_export)
    statements(without, large_export, columns=False)
    assert contents(without, timeless=True) == contents(with_columns, timeless=True)


def test_a_bulk_import_that_fails_while_writing_leaves_the_database_as_it_was(
    cli: Cli, tmp_path: Path, large_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = empty(cli, tmp_path / "target.db")
    before_schema, before_contents = schema(target), contents(target)

    def fail(self: writing.Writer, plan: object) -> None:
        raise DatabaseError("the disk is full")  # after the other records went in

    monkeypatch.setattr(writing.Writer, "write_events", fail)
    result = cli("--db", str(target), "import", str(large_export))
    assert result.exit_code == 1
    assert "the disk is full" in result.stderr
    assert schema(target) == before_schema
    assert contents(target) == before_contents
    assert journal_mode(target) == "wal"


def journal_mode(path: Path) -> str:
    with connected(path) as connection:
        return str(connection.execute("PRAGMA journal_mode").fetchone()[0])


def test_a_large_first_import_commits_through_the_rollback_journal_and_returns_to_wal(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    """Written once into the file instead of into the WAL and again by its checkpoint."""
    target = empty(cli, tmp_path / "target.db")
    switches = journal_switches(target, large_export)
    assert switches == ["PRAGMA journal_mode = DELETE", "PRAGMA journal_mode = WAL"]
    assert journal_mode(target) == "wal"
    assert not (tmp_path / "target.db-journal").exists()
    assert cli("--db", str(target), "export").stdout == large_export.read_text(encoding="utf-8")


def imported(target: Path, file: Path) -> tuple[list[str], int]:
    """Every statement an import of `file` into `target` runs, and whether foreign keys
    were on while it wrote."""
    snapshot = parse(file.read_bytes(), name=file.name)
    db = Database(connect_sqlite(target), label=str(target))
    seen: list[str] = []
    db.on_query = lambda sql, params: seen.append(sql)
    with db, import_transaction(db, snapshot):
        import_snapshot(db, snapshot, name=file.name)
        enforced = int(db.scalar("PRAGMA foreign_keys"))
    return seen, enforced


def journal_switches(target: Path, file: Path) -> list[str]:
    """The journal modes an import of `file` into `target` switches to."""
    seen, _ = imported(target, file)
    return [sql for sql in seen if sql.startswith("PRAGMA journal_mode =")]


def transaction_statements(target: Path, file: Path) -> list[str]:
    """The statements of an import of `file` into `target` that shape its transaction."""
    seen, enforced = imported(target, file)
    assert enforced == (0 if "PRAGMA foreign_keys = OFF" in seen else 1)
    shaping = ("PRAGMA foreign_keys =", "PRAGMA foreign_key_check", "BEGIN", "COMMIT")
    return [sql for sql in seen if sql.startswith(shaping)]


def test_a_large_import_checks_its_foreign_keys_once_before_it_commits(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    """Not row by row as it writes: once before (the references already broken) and once
    after, with foreign keys off in between and on again afterwards; a small import has
    them checked row by row."""
    target = empty(cli, tmp_path / "target.db")
    assert transaction_statements(target, large_export) == [
        "PRAGMA foreign_keys = OFF",
        "BEGIN IMMEDIATE",
        "PRAGMA foreign_key_check",
        "PRAGMA foreign_key_check",
        "COMMIT",
        "PRAGMA foreign_keys = ON",
    ]
    # The same file again writes nothing: the check at the end is not needed.
    assert transaction_statements(target, large_export) == [
        "PRAGMA foreign_keys = OFF",
        "BEGIN IMMEDIATE",
        "PRAGMA foreign_key_check",
        "COMMIT",
        "PRAGMA foreign_keys = ON",
    ]
    small = tmp_path / "small.json"
    assert cli("export", "--out", str(small)).exit_code == 0  # the seeded database
    assert transaction_statements(empty(cli, tmp_path / "other.db"), small) == [
        "BEGIN IMMEDIATE",
        "COMMIT",
    ]
    with connected(target) as connection:
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_large_import_that_would_break_a_reference_writes_nothing(
    cli: Cli, tmp_path: Path, large_export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check at the end holds every reference as row-by-row checking would: a row
    pointing to nothing (here put there by a writer gone wrong) rolls it all back."""
    target = empty(cli, tmp_path / "target.db")
    before_schema, before_contents = schema(target), contents(target)
    write_events = writing.Writer.write_events

    def astray(self: writing.Writer, plan: Any) -> None:
        write_events(self, plan)
        self.db.execute(
            "INSERT INTO commitment_event (commitment_id, at, to_status)"
            " VALUES (9999999, '2030-01-01', 'open')"
        )

    monkeypatch.setattr(writing.Writer, "write_events", astray)
    result = cli("--db", str(target), "import", str(large_export))
    assert result.exit_code == 1
    assert "1 broken reference(s)" in result.stderr
    assert "commitment_event row" in result.stderr
    assert "missing commitment" in result.stderr
    assert "nothing was written" in result.stderr
    assert schema(target) == before_schema
    assert contents(target) == before_contents
    assert journal_mode(target) == "wal"


def test_a_reference_broken_before_the_import_does_not_stop_it(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    """Only references the import would break stop it; one broken before (written with
    foreign keys off by another program) is left for `db check` to report."""
    target = empty(cli, tmp_path / "target.db")
    with connected(target) as connection:
        connection.execute("PRAGMA foreign_keys = OFF")
        connection.execute(
            "INSERT INTO agenda_item_topic (agenda_item_id, topic) VALUES (9999999, 'lost')"
        )
        connection.commit()
    imported = cli("--db", str(target), "import", str(large_export))
    assert imported.exit_code == 0, imported.stderr
    assert ", 0 changed, 0 unchanged" in imported.stderr
    checked = cli("--db", str(target), "db", "check")
    assert checked.exit_code != 0
    assert "agenda_item_topic row" in checked.stdout + checked.stderr
    assert cli("--db", str(target), "export").stdout == large_export.read_text(encoding="utf-8")


def test_a_small_import_or_one_into_a_larger_database_stays_in_wal(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    small = tmp_path / "small.json"
    assert cli("export", "--out", str(small)).exit_code == 0  # the seeded database
    target = empty(cli, tmp_path / "target.db")
    assert journal_switches(target, small) == []
    assert journal_switches(target, large_export) != []  # as large as the database: in place
    assert journal_switches(target, large_export) == []  # it now holds more than the file
    assert journal_mode(target) == "wal"


def test_a_large_import_beside_a_reader_stays_in_wal_and_does_not_wait_for_it(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    """Leaving WAL mode needs the database to itself; with a reader in it the import goes
    on in WAL mode at once, and the reader keeps the snapshot it began with."""
    target = empty(cli, tmp_path / "target.db")
    reader = sqlite3.connect(target, isolation_level=None)
    try:
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM meeting").fetchone() == (0,)
        imported = cli(
            "--db", str(target), "import", str(large_export),
            env={"NAVO_AGENDA_BUSY_TIMEOUT": "600"},
        )  # fmt: skip
        assert imported.exit_code == 0, imported.stderr
        assert reader.execute("SELECT count(*) FROM meeting").fetchone() == (0,)
        reader.execute("COMMIT")
        assert reader.execute("SELECT count(*) FROM meeting").fetchone() == (1_200,)
    finally:
        reader.close()
    assert journal_mode(target) == "wal"


def killed_while_writing(cli: Cli, target: Path, export: Path) -> bool:
    """Start an import of `export` into the new empty database `target` and kill it once
    the rollback journal of its transaction is there; whether it was still writing then
    (not when it got through its commit between the look and the kill)."""
    empty(cli, target)
    journal = target.with_name(target.name + "-journal")
    process = subprocess.Popen(
        [sys.executable, "-m", "navo_agenda", "--db", str(target), "import", str(export)],
        env=clean_environment(NAVO_AGENDA_TODAY="2026-11-28"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and not journal.exists():
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    return process.returncode == -signal.SIGKILL and journal.exists()


@pytest.mark.slow
def test_a_large_import_killed_while_writing_leaves_the_database_as_it_was_and_in_wal(
    cli: Cli, tmp_path: Path, large_export: Path
) -> None:
    before = contents(empty(cli, tmp_path / "empty.db"))
    targets = (tmp_path / f"target-{attempt}.db" for attempt in range(5))
    target = next((t for t in targets if killed_while_writing(cli, t, large_export)), None)
    assert target is not None, "the import ended before it could be killed, five times"
    listed = cli("--db", str(target), "list", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert json.loads(listed.stdout)["meetings"] == []
    assert contents(target) == before
    assert journal_mode(target) == "wal"  # by the rollback, or put back by the command
    again = cli("--db", str(target), "import", str(large_export))
    assert again.exit_code == 0, again.stderr
    assert cli("--db", str(target), "export").stdout == large_export.read_text(encoding="utf-8")


def test_a_database_left_in_rollback_mode_gets_its_wal_back_from_the_next_command(
    cli: Cli, seeded_db: Path
) -> None:
    """An import killed before its journal was complete leaves the file in rollback mode
    (as would another program): correct, but readers would wait for writers again."""
    with connected(seeded_db) as connection:
        assert connection.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    assert seeded_db.read_bytes()[18:20] == b"\x01\x01"
    assert cli("list").exit_code == 0
    assert journal_mode(seeded_db) == "wal"
    assert seeded_db.read_bytes()[18:20] == b"\x02\x02"


def test_a_command_finding_the_database_in_rollback_mode_does_not_wait_to_fix_it(
    seeded_db: Path,
) -> None:
    """Putting the WAL back takes the database to itself. While another connection reads
    (or a large import writes), a command that opens the database tries that once and
    goes on, instead of waiting out the busy timeout; a later command puts it back."""
    other = sqlite3.connect(seeded_db, isolation_level=None)
    try:
        assert other.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
        other.execute("BEGIN")
        assert other.execute("SELECT count(*) FROM meeting").fetchone()[0] > 0  # it reads
        shown = subprocess.run(
            [sys.executable, "-m", "navo_agenda", "show", "dmm-2025-06", "--json"],
            env=clean_environment(
                NAVO_AGENDA_DB=str(seeded_db),
                NAVO_AGENDA_TODAY="2026-11-28",
                NAVO_AGENDA_BUSY_TIMEOUT="600",
            ),
            capture_output=True,
            text=True,
            timeout=120,  # it would wait the 600 s busy timeout if it did wait
            check=False,
        )
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout)["meeting"]["slug"] == "dmm-2025-06"
        other.execute("COMMIT")
    finally:
        other.close()
    assert journal_mode(seeded_db) == "delete"
    assert Cli()("--db", str(seeded_db), "list").exit_code == 0
    assert journal_mode(seeded_db) == "wal"
