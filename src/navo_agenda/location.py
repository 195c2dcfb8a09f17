"""Where the database is: --db, else NAVO_AGENDA_DB, else the platform's user data directory.

Resolving the location never touches the disk, so `db path` and usage errors create nothing.
"""

import os
from pathlib import Path
from typing import NamedTuple

from navo_agenda.errors import InvalidInput

DATABASE_VARIABLE = "NAVO_AGENDA_DB"
APP_NAME = "navo-agenda"
FILE_NAME = "navo-agenda.db"


class DatabaseLocation(NamedTuple):
    """A SQLite file (path) or a server URL (url); exactly one is set."""

    path: Path | None = None
    url: str | None = None
    origin: str = "default"  # "--db", the environment variable, or "default"

    def __str__(self) -> str:
        return str(self.path) if self.path is not None else self.url or ""


def default_path() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / FILE_NAME


IN_MEMORY = ":memory:"  # SQLite's name for a database that lives only as long as its connection


def resolve_location(option: str | None) -> DatabaseLocation:
    if option is not None:
        if not option.strip():  # likely an unset shell variable: guessing a file would mislead
            raise InvalidInput(
                "--db is empty; give a database file or URL, or leave --db out to use "
                f"{DATABASE_VARIABLE} or the default location"
            )
        return parse_location(option.strip(), origin="--db")
    from_environment = os.environ.get(DATABASE_VARIABLE, "").strip()
    if from_environment:
        return parse_location(from_environment, origin=DATABASE_VARIABLE)
    return DatabaseLocation(path=default_path(), origin="default")


def parse_location(value: str, *, origin: str) -> DatabaseLocation:
    if "://" not in value:
        return file_location(value, value, origin=origin)
    scheme, _, rest = value.partition("://")
    if scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy writes them; a bare
        # sqlite:// is SQLAlchemy's in-memory database.
        if rest in ("", "/"):
            raise in_memory(value, origin)
        if not rest.startswith("/"):
            raise InvalidInput(f"{origin}: {value!r} is not a SQLite URL; use sqlite:///path/to.db")
        return file_location(rest[1:], value, origin=origin)
    if scheme.startswith("postgresql"):
        return DatabaseLocation(url=value, origin=origin)
    raise InvalidInput(
        f"{origin}: unsupported database URL {value!r}; use a file path, sqlite:///path "
        "or postgresql+psycopg://user@host/dbname"
    )


def file_location(path: str, value: str, *, origin: str) -> DatabaseLocation:
    if path.strip() == IN_MEMORY:
        raise in_memory(value, origin)
    return DatabaseLocation(path=Path(path).expanduser(), origin=origin)


def in_memory(value: str, origin: str) -> InvalidInput:
    return InvalidInput(
        f"{origin}: {value!r} is an in-memory database, which cannot keep anything between "
        "commands; use a file, e.g. --db agenda.db"
    )
