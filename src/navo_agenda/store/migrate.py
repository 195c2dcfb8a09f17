"""Creating and migrating a database with Alembic, in one transaction each.

This is the only module on a command's path that loads SQLAlchemy and Alembic, and only
when a database has to be created or brought up to date: the cost is paid once.
"""

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from navo_agenda.store.connection import busy_timeout_seconds
from navo_agenda.store.revision import HEAD_REVISION
from navo_agenda.store.seed import seed_sql, split_statements


def sqlite_engine(path: Path) -> sa.Engine:
    """An engine whose transactions take SQLite's write lock at BEGIN (see SQLAlchemy's
    "Serializable isolation / Savepoints / Transactional DDL" recipe for pysqlite)."""
    engine = sa.create_engine(
        sa.URL.create("sqlite", database=str(path)),
        poolclass=NullPool,
        connect_args={"timeout": busy_timeout_seconds()},
    )

    @sa.event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys = ON")
        # Readers never block the writer and vice versa; persistent in the file.
        dbapi_connection.execute("PRAGMA journal_mode = WAL")

    @sa.event.listens_for(engine, "begin")
    def on_begin(connection):  # type: ignore[no-untyped-def]
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", "navo_agenda:migrations")
    config.attributes["connection"] = connection
    return config


def current_revision(connection: Connection) -> str | None:
    tables = sa.inspect(connection).get_table_names()
    if "alembic_version" not in tables:
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def create(path: Path, *, seed: bool = True) -> bool:
    """Create the schema (and load the seed) in an empty database file.

    Returns False when another process created it first: the check runs under the write
    lock, so two first uses at the same moment cannot both seed.
    """
    engine = sqlite_engine(path)
    try:
        with engine.connect() as connection:
            with connection.begin():
                if sa.inspect(connection).get_table_names():
                    return False
                command.upgrade(alembic_config(connection), "head")
                if seed:
                    for statement in split_statements(seed_sql()):
                        connection.exec_driver_sql(statement)
            return True
    finally:
        engine.dispose()


def upgrade(path: Path) -> tuple[str | None, str]:
    """Bring the schema to the newest revision; returns (from, to)."""
    engine = sqlite_engine(path)
    try:
        with engine.connect() as connection, connection.begin():
            before = current_revision(connection)
            if before != HEAD_REVISION:
                command.upgrade(alembic_config(connection), "head")
            return before, HEAD_REVISION
    finally:
        engine.dispose()
