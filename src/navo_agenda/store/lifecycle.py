"""Opening the database a command asked for, creating or migrating it when needed.

Every command goes through `open_database`. The common case costs a 16-byte read and one
query: the file is ours and at the newest revision. A missing file is created, migrated and
seeded in one transaction; a file at an older revision is copied to a backup next to it and
then migrated; anything else (another program's file, a newer schema) is refused and left
exactly as it was.
"""

import os
import sqlite3
from collections.abc import Callable
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from navo_agenda.errors import DamagedDatabase, DatabaseError, ForeignDatabase, NotFound
from navo_agenda.location import DatabaseLocation
from navo_agenda.store.connection import Database, connect_sqlite, is_corruption, switch_journal
from navo_agenda.store.revision import HEAD_REVISION, KNOWN_REVISIONS

SQLITE_HEADER = b"SQLite format 3\x00"

Notify = Callable[[str], None]


class Inspection(NamedTuple):
    """What is at a path: "missing", "blank" (nothing in it yet), "current", "older",
    "foreign" or "damaged" (an SQLite file SQLite reports as corrupt); `detail` says why in
    words for the user."""

    state: str
    revision: str | None = None
    detail: str = ""
    wal: bool = True  # the file says it is in WAL mode (its header's version bytes are 2)


def inspect_file(path: Path) -> Inspection:
    if not path.exists():
        return Inspection("missing")
    if path.is_dir():
        return Inspection("foreign", detail="it is a directory")
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER) + 4)
    except OSError as error:
        raise DatabaseError(f"cannot read {path}: {error.strerror}") from None
    if not header:
        return Inspection("blank")
    if header[: len(SQLITE_HEADER)] != SQLITE_HEADER:
        return Inspection("foreign", detail="it is not an SQLite database")
    try:
        probe = sqlite3.connect(path, timeout=5)
        try:
            tables = {
                name
                for (name,) in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            revisions = (
                [row[0] for row in probe.execute("SELECT version_num FROM alembic_version")]
                if "alembic_version" in tables
                else []
            )
        finally:
            probe.close()
    except sqlite3.OperationalError as error:  # locked, unreadable: not a verdict on the file
        raise DatabaseError(f"cannot read {path}: {error}") from None
    except sqlite3.DatabaseError as error:
        if is_corruption(error):  # it says it is SQLite, and SQLite says it is broken
            return Inspection("damaged", detail=str(error))
        return Inspection("foreign", detail=f"SQLite cannot read it ({error})")
    if not tables:
        return Inspection("blank")
    if "alembic_version" not in tables:
        shown = ", ".join(sorted(tables)[:5])
        return Inspection("foreign", detail=f"it is an SQLite database of something else ({shown})")
    if len(revisions) != 1 or revisions[0] not in KNOWN_REVISIONS:
        return Inspection(
            "foreign",
            revision=", ".join(revisions) or None,
            detail=(
                f"its schema revision {', '.join(revisions) or '(none)'} is unknown to this "
                "navo-agenda: another program's database, or one written by a newer navo-agenda"
            ),
        )
    state = "current" if revisions[0] == HEAD_REVISION else "older"
    return Inspection(state, revision=revisions[0], wal=header[18:20] == b"\x02\x02")


def refuse(path: Path, inspection: Inspection) -> DatabaseError:
    if inspection.state == "damaged":
        return DamagedDatabase(
            f"{path} is damaged (SQLite: {inspection.detail}); it was left untouched. "
            "Restore it from a backup, or choose another file with --db or NAVO_AGENDA_DB",
            reason=inspection.detail,
        )
    return ForeignDatabase(
        f"{path} is not a navo-agenda database: {inspection.detail}. It was left untouched; "
        "choose another file with --db or NAVO_AGENDA_DB"
    )


def open_database(
    location: DatabaseLocation,
    *,
    create: bool = True,
    upgrade: bool = True,
    notify: Notify | None = None,
) -> Database:
    """The database of this command, ready at the newest revision (unless upgrade=False)."""
    path = sqlite_path(location)
    inspection = inspect_file(path)
    if inspection.state in ("missing", "blank"):
        if not create:
            raise NotFound(
                f"no navo-agenda database at {path} yet: any command creates it "
                "(or run 'navo-agenda db init')"
            )
        create_database(path, origin=location.origin, seed=True, notify=notify)
    elif inspection.state in ("foreign", "damaged"):
        raise refuse(path, inspection)
    elif inspection.state == "older" and upgrade:
        upgrade_database(path, inspection, notify=notify)
    db = Database(connect_sqlite(path), label=str(path))
    if not inspection.wal:
        wal_again(db)
    return db


def wal_again(db: Database) -> None:
    """WAL mode back for a database left in rollback mode: by an import that was killed or
    could not switch back (store/bulk.py), or by another program. Tried once, without
    waiting: while another connection holds the database (a large import still running, a
    read-only file) it stays as it is, which is correct, only less concurrent, and the next
    command tries again."""
    switch_journal(db, "wal", wait=False)


def sqlite_path(location: DatabaseLocation) -> Path:
    if location.path is None:
        raise DatabaseError(
            f"{location.origin}: PostgreSQL ({location.url}) is not supported by this version "
            "of navo-agenda yet; use a SQLite file path"
        )
    return location.path


ELSEWHERE = "choose another place with --db or NAVO_AGENDA_DB"


def create_database(path: Path, *, origin: str, seed: bool, notify: Notify | None) -> None:
    make_room(path, origin=origin)
    from navo_agenda.store import migrate

    try:
        created = migrate.create(path, seed=seed)
    except Exception as error:
        raise DatabaseError(f"could not create the database {path}: {error}") from error
    if created and notify is not None:
        what = "seeded with the founding letter and what followed" if seed else "empty"
        notify(f"Created a new navo-agenda database at {path} ({what}).")


def make_room(path: Path, *, origin: str) -> None:
    """The directory, made for the default location only, and the file, empty: so that a
    place where nothing can be written is refused in the operating system's words, before
    SQLite and Alembic wrap them in their own."""
    directory = path.parent
    if not directory.is_dir():
        what = f"the data directory {directory}" if origin == "default" else str(path)
        blocker = first_existing(directory)
        if blocker is not None and not blocker.is_dir():
            raise DatabaseError(
                f"cannot create {what}: {blocker} is a file, not a directory; {ELSEWHERE}"
            )
        if origin != "default":
            raise DatabaseError(f"cannot create {path}: the directory {directory} does not exist")
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(f"cannot create {what}: {reason(error)}; {ELSEWHERE}") from None
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:  # a blank file, or another first use got here first
        return
    except OSError as error:
        raise DatabaseError(f"cannot create {path}: {reason(error)}; {ELSEWHERE}") from None
    os.close(descriptor)


def first_existing(path: Path) -> Path | None:
    return next((candidate for candidate in (path, *path.parents) if candidate.exists()), None)


def reason(error: OSError) -> str:
    where = f" ({error.filename})" if error.filename else ""
    return f"{error.strerror or error}{where}"


def upgrade_database(path: Path, inspection: Inspection, *, notify: Notify | None) -> Path:
    copy = backup_next_to(path, inspection.revision or "unknown")
    from navo_agenda.store import migrate

    try:
        before, after = migrate.upgrade(path)
    except Exception as error:
        raise DatabaseError(f"could not migrate {path} (backup kept at {copy}): {error}") from error
    if notify is not None:
        notify(f"Migrated {path} from schema {before} to {after}; the old file is kept at {copy}.")
    return copy


def backup_next_to(path: Path, revision: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.backup-{revision}-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.backup-{revision}-{stamp}-{counter}")
    copy_database(path, target)
    return target


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy (SQLite's online backup, WAL included), written under a temporary
    name and renamed into place, so a half-written backup never carries the final name."""
    partial = target.with_name(f".{target.name}.partial")
    try:
        partial.open("wb").close()  # an unwritable place is named by the system, not SQLite
        reader = sqlite3.connect(source, timeout=10)
        writer = sqlite3.connect(partial)
        try:
            reader.backup(writer)
        finally:
            writer.close()
            reader.close()
        partial.replace(target)
    except (sqlite3.Error, OSError) as error:
        with suppress(OSError):
            partial.unlink(missing_ok=True)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise DatabaseError(f"could not copy {source} to {target}: {reason}") from None
