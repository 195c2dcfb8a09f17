"""Turning DB-API rows into records, whatever the driver returns for dates and decimals."""

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from navo_agenda.store.connection import Database


def as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_optional_date(value: Any) -> date | None:
    return None if value is None else as_date(value)


def as_decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def placeholders(prefix: str, values: tuple[Any, ...]) -> tuple[str, dict[str, Any]]:
    """':k0, :k1' and their parameters, for an IN list of named parameters."""
    names = [f"{prefix}{index}" for index in range(len(values))]
    return ", ".join(f":{name}" for name in names), dict(zip(names, values, strict=True))


def keys_starting_with(
    db: "Database", table: str, column: str, prefix: str, limit: int = 200
) -> list[str]:
    """For completion and "did you mean": a range on the key's unique index, which LIKE
    would not use."""
    rows = db.rows(
        f"SELECT {column} FROM {table} WHERE {column} >= :low AND {column} < :high"
        f" ORDER BY {column} LIMIT :limit",
        {"low": prefix, "high": prefix + "\U0010ffff", "limit": limit},
    )
    return [row[0] for row in rows]


def insert_row(db: "Database", table: str, values: dict[str, Any]) -> int:
    """INSERT the named columns; returns the new row's id."""
    columns = list(values)
    return db.insert(
        f"INSERT INTO {table} ({', '.join(columns)})"
        f" VALUES ({', '.join(':' + column for column in columns)})",
        values,
    )
