"""A large import pauses the search index and rebuilds it once: afterwards everything is
found, and the index is kept in step again by the very same triggers as before."""

import json
import sqlite3
from pathlib import Path

from navo_agenda.exchange.importing import BULK_RECORDS
from navo_agenda.store.connection import Database, connect_sqlite
from navo_agenda.store.search_index import REBUILD_HASH, paused
from tests.conftest import Cli


def triggers(path: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
        ).fetchall()


def large_database(cli: Cli, path: Path, meetings: int, items: int) -> None:
    assert cli("--db", str(path), "db", "init", "--empty").exit_code == 0
    with sqlite3.connect(path) as connection:
        connection.executemany(
            "INSERT INTO meeting (slug, kind, title, starts_on, ends_on) VALUES (?, 'dmm', ?,"
            " '2030-01-01', '2030-01-01')",
            [(f"dmm-2030-{n:04d}", f"Meeting number {n}") for n in range(meetings)],
        )
        connection.executemany(
            "INSERT INTO agenda_item (meeting_id, position, title, summary) VALUES (?, ?, ?, ?)",
            [
                (m + 1, p + 1, f"Item {p}", f"zeldzaamwoord{m}x{p} about Oekraïne")
                for m in range(meetings)
                for p in range(items)
            ],
        )


def settings(path: Path) -> dict[str, list[tuple[str, object]]]:
    """Each search index's stored FTS5 settings."""
    with sqlite3.connect(path) as connection:
        return {
            table: connection.execute(f"SELECT k, v FROM fts_{table}_config ORDER BY k").fetchall()
            for table in ("meeting", "agenda_item", "commitment", "document")
        }


def test_bulk_import_rebuilds_the_index_and_restores_its_triggers(cli: Cli, tmp_path: Path) -> None:
    source, target = tmp_path / "source.db", tmp_path / "target.db"
    large_database(cli, source, meetings=500, items=11)
    exported = tmp_path / "all.json"
    assert cli("--db", str(source), "export", "--out", str(exported)).exit_code == 0
    records = json.loads(exported.read_text(encoding="utf-8"))
    assert len(records["meetings"]) + len(records["agenda_items"]) >= BULK_RECORDS
    assert cli("--db", str(target), "db", "init", "--empty").exit_code == 0
    before, configured = triggers(target), settings(target)
    assert len([name for name, _ in before if name.startswith("fts_")]) == 12
    imported = cli("--db", str(target), "import", str(exported))
    assert imported.exit_code == 0, imported.stderr
    assert triggers(target) == before
    assert settings(target) == configured  # the larger hash of the rebuild is not kept
    found = json.loads(cli("--db", str(target), "search", "zeldzaamwoord499x10", "--json").stdout)
    assert [hit["key"] for hit in found["groups"]["item"]["hits"]] == ["dmm-2030-0499/11"]
    # The triggers work again: a later edit is found at once.
    assert (
        cli("--db", str(target), "edit", "dmm-2030-0007/3", "--title", "Nieuwtitel").exit_code == 0
    )
    hits = json.loads(cli("--db", str(target), "search", "nieuwtitel", "--json").stdout)
    assert [hit["key"] for hit in hits["groups"]["item"]["hits"]] == ["dmm-2030-0007/3"]
    with sqlite3.connect(target) as connection:
        for table in ("meeting", "agenda_item", "commitment", "document"):
            connection.execute(f"INSERT INTO fts_{table} (fts_{table}) VALUES ('integrity-check')")


def test_a_rebuild_gathers_larger_segments_and_leaves_a_setting_of_its_own_as_it_was(
    cli: Cli, tmp_path: Path
) -> None:
    """A rebuild writes its index out in segments of REBUILD_HASH bytes, not FTS5's 1 MiB
    (fewer segments to merge); an index with a hashsize of its own keeps it."""
    path = tmp_path / "agenda.db"
    large_database(cli, path, meetings=50, items=100)
    with sqlite3.connect(path) as connection:
        connection.execute(
            "INSERT INTO fts_meeting (fts_meeting, rank) VALUES ('hashsize', 2000000)"
        )
    db = Database(connect_sqlite(path), label=str(path))
    seen: list[tuple[str, object]] = []
    db.on_query = lambda sql, params: seen.append((sql, params))
    with db, db.transaction(write=True), paused(db):
        pass
    rebuilds = [sql for sql, _ in seen if "'rebuild'" in sql]
    assert len(rebuilds) == 4
    hashes = [params for sql, params in seen if "rank" in sql]
    assert hashes.count(("hashsize", REBUILD_HASH)) == 4
    assert ("hashsize", 2_000_000) in hashes
    stored = settings(path)
    assert ("hashsize", 2_000_000) in stored["meeting"]
    assert not any(key == "hashsize" for key, _ in stored["agenda_item"])
    with sqlite3.connect(path) as connection:
        check = "INSERT INTO fts_agenda_item (fts_agenda_item) VALUES ('integrity-check')"
        connection.execute(check)
        hits = connection.execute(
            "SELECT rowid FROM fts_agenda_item WHERE fts_agenda_item MATCH 'zeldzaamwoord49x99'"
        ).fetchall()
    assert hits == [(50 * 100,)]
