"""How dates, amounts and statuses read on screen."""

from datetime import date
from decimal import Decimal

from navo_agenda.dates import PartialDate

STATUS_STYLES = {
    "held": "green",
    "planned": "cyan",
    "expected": "yellow",
    "cancelled": "red",
    "postponed": "magenta",
    "open": "yellow",
    "in_progress": "cyan",
    "fulfilled": "green",
    "partially_fulfilled": "green",
    "dropped": "red",
}


def span(start: date, end: date) -> str:
    """'2025-06-05', '2025-06-24–25', '2025-06-30–07-02' or '2025-12-30–2026-01-02'."""
    if start == end:
        return start.isoformat()
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.isoformat()}–{end.day:02d}"
    if start.year == end.year:
        return f"{start.isoformat()}–{end.month:02d}-{end.day:02d}"
    return f"{start.isoformat()}–{end.isoformat()}"


def due(value: PartialDate | None) -> str:
    return value.canonical() if value is not None else ""


def amount(value: Decimal | None, currency: str | None) -> str:
    """'3 500 000 000 EUR': spaces group the thousands, readable in Dutch and English alike."""
    if value is None:
        return ""
    whole, _, fraction = format(value, "f").partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    groups: list[str] = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    text = sign + " ".join(groups or ["0"]) + (f".{fraction}" if fraction else "")
    return f"{text} {currency or ''}".strip()


def status_style(status: str | None) -> str:
    return STATUS_STYLES.get(status or "", "")
