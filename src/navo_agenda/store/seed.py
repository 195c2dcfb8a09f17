"""The seed: everything the founding letter says, brought up to date (data/seed.sql).

The SQL is shipped inside the wheel; in a source checkout (editable install) it is read from
the repository's data/ directory, so there is one copy of it.
"""

import sqlite3
from importlib import resources
from pathlib import Path


def seed_sql() -> str:
    packaged = resources.files("navo_agenda").joinpath("data", "seed.sql")
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    checkout = Path(__file__).resolve().parents[3] / "data" / "seed.sql"
    return checkout.read_text(encoding="utf-8")


def split_statements(sql: str) -> list[str]:
    """Cut a script into statements, respecting semicolons inside string literals."""
    statements: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statement = pending.strip()
            if statement and not all(
                part.strip().startswith("--") or not part.strip() for part in statement.splitlines()
            ):
                statements.append(statement)
            pending = ""
    if pending.strip() and not all(
        part.strip().startswith("--") or not part.strip() for part in pending.splitlines()
    ):
        raise ValueError(f"seed.sql ends in an incomplete statement: {pending.strip()[:80]!r}")
    return statements
