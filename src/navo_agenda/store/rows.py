"""Turning DB-API rows into records, whatever the driver returns for dates and decimals."""

from datetime import date
from decimal import Decimal
from typing import Any


def as_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_optional_date(value: Any) -> date | None:
    return None if value is None else as_date(value)


def as_decimal(value: Any) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def placeholders(prefix: str, values: tuple[str, ...]) -> tuple[str, dict[str, str]]:
    """':k0, :k1' and their parameters, for an IN list of named parameters."""
    names = [f"{prefix}{index}" for index in range(len(values))]
    return ", ".join(f":{name}" for name in names), dict(zip(names, values, strict=True))
