"""One connection per command, and one transaction on it.

SQLite is opened with foreign keys enforced and a busy timeout (writers wait for each other
instead of failing); the transaction is explicit (`BEGIN`, or `BEGIN IMMEDIATE` for writers,
so a writer holds the write lock from its first statement and two writers cannot interleave).
"""

import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from navo_agenda.errors import DamagedDatabase, DatabaseBusy, DatabaseError

BUSY_TIMEOUT_VARIABLE = "NAVO_AGENDA_BUSY_TIMEOUT"


def busy_timeout_seconds() -> float:
    """How long a command waits for another one's write lock (NAVO_AGENDA_BUSY_TIMEOUT)."""
    try:
        return max(0.0, float(os.environ.get(BUSY_TIMEOUT_VARIABLE, "") or 10.0))
    except ValueError:
        return 10.0


# SQLite's primary result codes for a file it cannot trust (extended codes share the low byte).
CORRUPTION_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


def is_corruption(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in CORRUPTION_CODES


def damaged(label: str, error: sqlite3.Error) -> DamagedDatabase:
    return DamagedDatabase(
        f"the database {label} is damaged (SQLite: {error}); nothing was changed. "
        "'navo-agenda db check' shows what is wrong; restore it from a backup",
        reason=str(error),
    )


Params = Mapping[str, Any] | Sequence[Any]
Row = sqlite3.Row
QueryHook = Callable[[str, Params], None]

sqlite3.register_adapter(date, date.isoformat)


def connect_sqlite(path: Path) -> sqlite3.Connection:
    timeout = busy_timeout_seconds()
    try:
        connection = sqlite3.connect(
            path, timeout=timeout, isolation_level=None, check_same_thread=False
        )
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    except sqlite3.Error as error:
        if is_corruption(error):
            raise damaged(str(path), error) from None
        raise DatabaseError(f"cannot open the database {path}: {error}") from None
    return connection


class Database:
    """A DB-API connection with the few verbs the store needs."""

    def __init__(self, connection: sqlite3.Connection, *, label: str) -> None:
        self.connection = connection
        self.label = label
        self.on_query: QueryHook | None = None

    def rows(self, sql: str, params: Params = ()) -> list[Row]:
        cursor = self._execute(sql, params)
        with self.translated_errors():  # SQLite reads most pages while fetching, not before
            return cursor.fetchall()

    def row(self, sql: str, params: Params = ()) -> Row | None:
        cursor = self._execute(sql, params)
        with self.translated_errors():
            found: Row | None = cursor.fetchone()
        return found

    def scalar(self, sql: str, params: Params = ()) -> Any:
        found = self.row(sql, params)
        return None if found is None else found[0]

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run a change; returns the number of rows it touched."""
        return self._execute(sql, params).rowcount

    def executemany(self, sql: str, rows: Iterable[Params]) -> int:
        """Run one change for each set of parameters (bulk writes); returns the number of
        rows touched."""
        if self.on_query is not None:
            self.on_query(sql, ())
        with self.translated_errors():
            return self.connection.executemany(sql, rows).rowcount

    def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT; returns the new row's id."""
        row_id = self._execute(sql, params).lastrowid
        assert row_id is not None
        return row_id

    def _execute(self, sql: str, params: Params) -> sqlite3.Cursor:
        if self.on_query is not None:
            self.on_query(sql, params)
        with self.translated_errors():
            return self.connection.execute(sql, params)

    @contextmanager
    def translated_errors(self) -> Iterator[None]:
        """SQLite's errors as ours: a lock held too long is DatabaseBusy (try again)."""
        try:
            yield
        except sqlite3.OperationalError as error:
            if "locked" in str(error) or "busy" in str(error):
                raise DatabaseBusy(
                    f"the database {self.label} is busy: another command held it for more than "
                    f"{busy_timeout_seconds():g} s ({BUSY_TIMEOUT_VARIABLE}); nothing was "
                    "changed, try again"
                ) from None
            raise DatabaseError(f"database error in {self.label}: {error}") from None
        except sqlite3.Error as error:
            if is_corruption(error):
                raise damaged(self.label, error) from None
            raise DatabaseError(f"database error in {self.label}: {error}") from None

    @contextmanager
    def transaction(self, *, write: bool = False) -> Iterator["Database"]:
        """All or nothing: the block's statements commit together or roll back together."""
        self._execute("BEGIN IMMEDIATE" if write else "BEGIN", ())
        try:
            yield self
        except BaseException:
            self.connection.rollback()
            raise
        else:
            self._execute("COMMIT", ())

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> "Database":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def switch_journal(db: Database, mode: str, *, wait: bool) -> bool:
    """Whether the database is now in journal `mode` ("wal", "delete"). Going into or out
    of WAL mode takes the database to itself: without `wait` that is tried once, and fails
    at once when another connection holds it, instead of waiting the busy timeout."""
    waited = int(db.scalar("PRAGMA busy_timeout"))
    if not wait:
        db.execute("PRAGMA busy_timeout = 0")
    try:
        return str(db.scalar(f"PRAGMA journal_mode = {mode.upper()}")).lower() == mode
    except (DatabaseBusy, DatabaseError):
        return False
    finally:
        if not wait:
            db.execute(f"PRAGMA busy_timeout = {waited}")
