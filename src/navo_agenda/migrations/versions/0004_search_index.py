"""Full-text search over meetings, agenda items, commitments and documents.

One FTS5 index per table, holding only the index (external content: the text stays in the
table), kept in step with the table by triggers, so that every client's change is
searchable at once. unicode61 with remove_diacritics 2 makes the search case- and
accent-insensitive: 'oekraine' finds 'Oekraïne'. PostgreSQL will get its own full-text
search when navo-agenda supports it; there this revision does nothing.

Revision ID: 0004_search_index
Revises: 0003_append_only_history
"""

from alembic import op

revision = "0004_search_index"
down_revision = "0003_append_only_history"
branch_labels = None
depends_on = None

# table: the columns searched
INDEXED = {
    "meeting": ("title", "title_nl", "summary", "outcome"),
    "agenda_item": ("title", "summary", "dutch_position", "outcome"),
    "commitment": ("text", "source_quote"),
    "document": ("title", "identifier", "body"),
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table, columns in INDEXED.items():
        index = f"fts_{table}"
        listed = ", ".join(columns)
        new = ", ".join(f"new.{column}" for column in columns)
        old = ", ".join(f"old.{column}" for column in columns)
        op.execute(
            f"CREATE VIRTUAL TABLE {index} USING fts5({listed}, content='{table}',"
            " content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
        )
        op.execute(
            f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN"
            f" INSERT INTO {index} (rowid, {listed}) VALUES (new.id, {new}); END"
        )
        op.execute(
            f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN"
            f" INSERT INTO {index} ({index}, rowid, {listed}) VALUES ('delete', old.id, {old});"
            " END"
        )
        op.execute(
            f"CREATE TRIGGER {index}_update AFTER UPDATE OF {listed} ON {table} BEGIN"
            f" INSERT INTO {index} ({index}, rowid, {listed}) VALUES ('delete', old.id, {old});"
            f" INSERT INTO {index} (rowid, {listed}) VALUES (new.id, {new}); END"
        )
        op.execute(f"INSERT INTO {index} ({index}) VALUES ('rebuild')")


def downgrade() -> None:
    raise NotImplementedError("navo-agenda's schema moves forward only; restore a backup instead")
