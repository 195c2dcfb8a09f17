"""Changing rows: the one way every edit is written, with its version check.

Every table carries `version`. An edit names the version it was based on (the user's
--if-version, or the version read in the same transaction) and the UPDATE only applies if
the row is still at that version: an edit based on stale data fails instead of silently
overwriting someone else's change. `updated_at` moves to now and never back (everywhere a
row is touched: max(updated_at, CURRENT_TIMESTAMP)): an import may have brought a time
from a clock ahead of ours, and calendar stamps and the import's test for older copies
(exchange/newer.py) both rely on it only ever going forward.
"""

from collections.abc import Mapping
from typing import Any

from navo_agenda.errors import Conflict
from navo_agenda.store.connection import Database

# The highest version a file may give a record: every later change, and an import's
# max(version + 1, the file's), then fits SQLite's 64-bit integers (past 2**63 - 1 it would
# store a float).
MAX_VERSION = 2**62


def update_row(
    db: Database, table: str, row_id: int, version: int, values: Mapping[str, Any], *, key: str
) -> int:
    """Write `values` (possibly none: the edit was elsewhere, e.g. topics) to the row if it
    is still at `version`; returns the new version."""
    assignments = [f"{column} = :{column}" for column in values]
    assignments += ["version = version + 1", "updated_at = max(updated_at, CURRENT_TIMESTAMP)"]
    changed = db.execute(
        f"UPDATE {table} SET {', '.join(assignments)}"
        " WHERE id = :row_id AND version = :row_version",
        {**values, "row_id": row_id, "row_version": version},
    )
    if changed != 1:
        current = db.scalar(f"SELECT version FROM {table} WHERE id = :id", {"id": row_id})
        raise Conflict(
            f"{key} was changed by someone else: you edited version {version}, it is now at "
            f"version {current}; nothing was changed. Look at it again and retry."
        )
    return version + 1


def check_version(current: int, expected: int | None, *, key: str) -> int:
    """The version to base an edit on: the one the user read, if they said which."""
    if expected is not None and expected != current:
        raise Conflict(
            f"{key} was changed by someone else: you read version {expected}, it is now at "
            f"version {current}; nothing was changed. Look at it again and retry."
        )
    return current
