"""Writing many rows in one transaction: a page cache that holds them, and the secondary
indexes built once at the end instead of row by row.

A large import into an empty database writes a few hundred megabytes. With SQLite's default
page cache (2 MB) pages are written out and read back again while the rows go in, and every
row also goes into each index of its table (four to six for a commitment), at a random
place. Both are avoidable inside the transaction, without giving up any durability: the
cache is this connection's own, and dropping an index and creating it again from its own
SQL (read back from the schema) sorts all of its entries at once, which costs a fraction of
inserting them one by one. Only the indexes that serve reads are paused; the unique ones,
which enforce the keys, stay in place, as do the foreign keys (checked per statement against
the parents' primary keys) and the CHECK constraints. A failure rolls everything back,
indexes included, and other connections never see them missing.

In WAL mode every page a transaction writes is written twice: into the WAL at COMMIT, and
again into the database by the checkpoint right after it. An import into an empty database
is a few hundred megabytes written twice (1.5 s of a 10 s import), so such an import, when it
has the database to itself, commits through the rollback journal instead (`journal_in_place`):
its new pages go straight into the database file, the journal holds the few pages that were
there before, and the commit is as atomic and as durable as in WAL mode.

Foreign keys checked row by row cost such an import in every statement: each new row looks
up its parents, and each new parent row (the statements write many rows) is looked up among
its children. So its transaction checks them once, all together, before it commits
(`references_checked_at_end`): the connection writes with foreign keys off, and the
transaction commits only if it leaves no reference broken that was not broken before. That
is what a deferred foreign key is, and it holds every reference as strictly; for the 187 MB
import of bench/ it is 0.3 s less, the check's 0.2 s included.
"""

from collections.abc import Collection, Iterator
from contextlib import contextmanager

from navo_agenda.errors import DatabaseError
from navo_agenda.store.connection import Database, switch_journal
from navo_agenda.store.integrity import broken_references, described

# Bytes of database a stored record takes, indexes and search index included (about 600
# for the records of an export), with room to spare: the cache of a bulk write.
CACHE_PER_ROW = 1_024


@contextmanager
def page_cache(db: Database, rows: int) -> Iterator[None]:
    """A page cache large enough for `rows` new rows, for this connection, while the block
    runs. SQLite only takes pages as it needs them, so a large limit costs nothing unused."""
    before = int(db.scalar("PRAGMA cache_size"))  # pages, or KiB when negative
    held = -before if before < 0 else before * int(db.scalar("PRAGMA page_size")) // 1_024
    wanted = rows * CACHE_PER_ROW // 1_024
    if held >= wanted:
        yield
        return
    db.execute(f"PRAGMA cache_size = {-wanted}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA cache_size = {before}")


def secondary_indexes(db: Database, tables: Collection[str]) -> list[tuple[str, str]]:
    """(name, SQL) of the indexes of `tables` that were made by CREATE INDEX and do not
    enforce uniqueness: those that only serve reads."""
    found = []
    for table in tables:
        for index in db.rows(f'PRAGMA index_list("{table}")'):
            if index["origin"] == "c" and not index["unique"]:
                sql = db.scalar(
                    "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?",
                    (index["name"],),
                )
                found.append((index["name"], sql))
    return found


@contextmanager
def indexes_paused(db: Database, tables: Collection[str]) -> Iterator[None]:
    """The secondary indexes of `tables` dropped while the block writes, then created again
    exactly as they were (their SQL is read back from the schema). Inside the caller's
    transaction; when the block raises, the transaction is to be rolled back, which
    restores them."""
    indexes = secondary_indexes(db, tables)
    for name, _ in indexes:
        db.execute(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        db.execute(sql)


@contextmanager
def journal_in_place(db: Database) -> Iterator[bool]:
    """Outside a transaction: the block's transactions journalled in the rollback journal,
    when no other connection has the database open (yields whether they are), then the WAL
    back. Leaving WAL mode takes the database to itself: when another connection is there
    the block runs in WAL mode as always, without waiting. Should a reader that came in
    meanwhile hold up the return to WAL past the busy timeout, the database stays correct
    in rollback mode, and the next command to open it puts the WAL back
    (lifecycle.open_database)."""
    if not switch_journal(db, "delete", wait=False):
        yield False
        return
    try:
        yield True
    finally:
        switch_journal(db, "wal", wait=True)


@contextmanager
def references_checked_at_end(db: Database) -> Iterator[Database]:
    """A write transaction (begun here, outside any other) whose foreign keys are checked
    once, when the block is done: it commits only if every reference it leaves broken was
    broken before it began, and raises DatabaseError (rolling back) otherwise. Foreign keys
    are off for the connection while the block writes, and on again afterwards."""
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.transaction(write=True):
            before = set(broken_references(db))
            written = db.connection.total_changes
            yield db
            if db.connection.total_changes != written:
                added = [row for row in broken_references(db) if row not in before]
                if added:
                    raise DatabaseError(
                        f"the import would leave {len(added):,} broken reference(s) in"
                        f" {db.label}, the first: {described(added[0])}; nothing was written"
                    )
    finally:
        db.execute("PRAGMA foreign_keys = ON")
