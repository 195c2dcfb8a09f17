"""Alembic environment.

navo-agenda runs migrations itself (first use, `db upgrade`) and hands Alembic a connection
that is already inside the caller's transaction, so that migrating and seeding a database
commit together or not at all. Run by hand (`alembic upgrade head` with the repository's
alembic.ini) it connects to the configured URL instead.
"""

from alembic import context
from sqlalchemy import engine_from_config, pool

from navo_agenda.models import describes, metadata


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=describes,
        render_as_batch=True,  # SQLite can only ALTER by copying tables
        transactional_ddl=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    engine = engine_from_config(
        context.config.get_section(context.config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as fresh_connection:
        run_migrations(fresh_connection)
