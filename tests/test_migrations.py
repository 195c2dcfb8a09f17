"""Alembic owns the schema, and the SQLModel models are its one definition: they must agree."""

from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from navo_agenda.models import describes, metadata
from navo_agenda.store import migrate
from navo_agenda.store.revision import HEAD_REVISION, KNOWN_REVISIONS


def test_known_revisions_are_alembics_revisions_in_order(tmp_path: Path) -> None:
    engine = migrate.sqlite_engine(tmp_path / "x.db")
    with engine.connect() as connection:
        script = ScriptDirectory.from_config(migrate.alembic_config(connection))
    engine.dispose()
    chain = [revision.revision for revision in script.walk_revisions()]
    assert tuple(reversed(chain)) == KNOWN_REVISIONS
    assert script.get_current_head() == HEAD_REVISION


def test_models_and_migrations_agree(tmp_path: Path) -> None:
    path = tmp_path / "migrated.db"
    assert migrate.create(path, seed=False)
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": describes})
        differences = compare_metadata(context, metadata)
    engine.dispose()
    assert differences == []


def check_constraints(engine: sa.Engine) -> dict[str, set[str]]:
    inspector = sa.inspect(engine)
    return {
        table: {check["name"] for check in inspector.get_check_constraints(table)}
        for table in inspector.get_table_names()
        if table != "alembic_version" and not table.startswith("fts_")
    }


def test_check_constraints_of_models_and_migrations_agree(tmp_path: Path) -> None:
    """Autogenerate does not compare CHECK constraints; compare their names directly."""
    migrated = tmp_path / "migrated.db"
    migrate.create(migrated, seed=False)
    from_models = sa.create_engine(f"sqlite:///{tmp_path / 'models.db'}")
    metadata.create_all(from_models)
    from_migrations = sa.create_engine(f"sqlite:///{migrated}")
    assert check_constraints(from_migrations) == check_constraints(from_models)
    assert any(check_constraints(from_models).values())
