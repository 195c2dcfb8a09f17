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


def resolve_location(option: str | None) -> DatabaseLocation:
    if option is not None and option.strip():
        return parse_location(option.strip(), origin="--db")
    from_environment = os.environ.get(DATABASE_VARIABLE, "").strip()
    if from_environment:
        return parse_location(from_environment, origin=DATABASE_VARIABLE)
    return DatabaseLocation(path=default_path(), origin="default")


def parse_location(value: str, *, origin: str) -> DatabaseLocation:
    if "://" not in value:
        return DatabaseLocation(path=Path(value).expanduser(), origin=origin)
    scheme, _, rest = value.partition("://")
    if scheme == "sqlite":
        # sqlite:///relative.db and sqlite:////absolute.db, as SQLAlchemy writes them.
        if not rest.startswith("/") or rest == "/":
            raise InvalidInput(f"{origin}: {value!r} is not a SQLite URL; use sqlite:///path/to.db")
        return DatabaseLocation(path=Path(rest[1:]).expanduser(), origin=origin)
    if scheme.startswith("postgresql"):
        return DatabaseLocation(url=value, origin=origin)
    raise InvalidInput(
        f"{origin}: unsupported database URL {value!r}; use a file path, sqlite:///path "
        "or postgresql+psycopg://user@host/dbname"
    )
