"""Pausing the search index during a bulk import, and rebuilding it once at the end.

The index triggers (revision 0004) re-index each row as it is written, and FTS5 flushes its
pending data at the end of every statement: for a large import that is most of the time
(50,000 agenda items: 2.5 s with the triggers, 0.3 s without plus 0.2 s to rebuild). So a
large import drops the triggers inside its transaction, writes, rebuilds the indexes from
the tables and creates the triggers again exactly as they were (their SQL is read back from
the schema). It all happens in the import's one transaction: other connections never see
the triggers missing, and a failure rolls everything back, triggers included.

A rebuild gathers the index in memory and writes it out as a segment each time that holds
`hashsize` bytes (1 MiB by default); FTS5 then merges those segments again and again as they
pile up. For 200,000 agenda items that is some 190 segments and a third of the rebuild's
time, so the rebuild runs with a larger `hashsize` (REBUILD_HASH) and the setting is put
back as it was afterwards: other writes keep FTS5's own.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from navo_agenda.store.connection import Database

PREFIX = "fts_"
DEFAULT_HASH = 1_048_576  # FTS5's own hashsize, where an index has none set
REBUILD_HASH = 16 * 1_048_576


@contextmanager
def paused(db: Database) -> Iterator[None]:
    triggers = [
        (row["name"], row["sql"])
        for row in db.rows("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
        if row["name"].startswith(PREFIX)
    ]
    indexes = [
        row["name"]
        for row in db.rows(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%fts5%'"
        )
        if row["name"].startswith(PREFIX)
    ]
    for name, _ in triggers:
        db.execute(f'DROP TRIGGER "{name}"')
    yield
    for index in indexes:
        rebuild(db, index)
    for _, sql in triggers:
        db.execute(sql)


def rebuild(db: Database, index: str) -> None:
    """The index built again from its table, with room for larger segments."""
    stored = db.scalar(f"SELECT v FROM \"{index}_config\" WHERE k = 'hashsize'")
    configure(db, index, "hashsize", REBUILD_HASH)
    db.execute(f'INSERT INTO "{index}" ("{index}") VALUES (\'rebuild\')')
    configure(db, index, "hashsize", DEFAULT_HASH if stored is None else int(stored))
    if stored is None:  # as it was: no setting of its own
        db.execute(f"DELETE FROM \"{index}_config\" WHERE k = 'hashsize'")


def configure(db: Database, index: str, key: str, value: int) -> None:
    db.execute(f'INSERT INTO "{index}" ("{index}", rank) VALUES (?, ?)', (key, value))
