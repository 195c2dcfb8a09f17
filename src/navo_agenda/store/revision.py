"""The schema revisions this version of navo-agenda knows, oldest first.

Kept apart from Alembic so that checking a database's revision on every command costs one
query and no import of the migration machinery; a test keeps this list equal to the
revisions in migrations/versions.
"""

KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_read_indexes",
    "0003_append_only_history",
    "0004_search_index",
    "0005_calendar_uid",
    "0006_retired_refs",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
