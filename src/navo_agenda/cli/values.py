"""Reading the values of the write commands' options, before the database is opened.

An empty string means "clear this field" (`--location ""`), so these readers return the
CLEAR marker for it where clearing makes sense. A value that cannot be read is a usage error
naming the option, as for any other bad option.
"""

import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import typer

from navo_agenda import clock, dates
from navo_agenda.amounts import AmountError, Money, parse_amount
from navo_agenda.editing.values import CLEAR, Clear
from navo_agenda.keys import MAX_POSITION

T = TypeVar("T")

AUTHOR_VARIABLE = "NAVO_AGENDA_AUTHOR"


def read(option: str, text: str | None, reader: Callable[[str], T]) -> T | None:
    if text is None:
        return None
    try:
        return reader(text)
    except (dates.DateError, AmountError, ValueError) as error:
        raise typer.BadParameter(str(error), param_hint=option) from None


def clearable(option: str, text: str | None, reader: Callable[[str], T]) -> "T | Clear | None":
    if text is not None and not text.strip():
        return CLEAR
    return read(option, text, reader)


def date_range(option: str, text: str | None) -> dates.DateRange | None:
    return read(option, text, lambda value: dates.parse_range(value, today=clock.today()))


def day(option: str, text: str | None) -> date | None:
    return read(option, text, lambda value: dates.parse_date(value, today=clock.today()))


def day_or_clear(option: str, text: str | None) -> "date | Clear | None":
    return clearable(option, text, lambda value: dates.parse_date(value, today=clock.today()))


def partial_or_clear(option: str, text: str | None) -> "dates.PartialDate | Clear | None":
    return clearable(option, text, lambda value: dates.parse_partial(value, today=clock.today()))


def amount_or_clear(text: str | None, currency: str | None) -> "Money | Clear | None":
    """--amount, with --currency for an amount that names none (and must not contradict
    one that does)."""
    if currency is not None and not (text or "").strip():
        raise typer.BadParameter("goes with an --amount to set", param_hint="--currency")
    if text is None:
        return None
    if not text.strip():
        return CLEAR
    try:
        money = parse_amount(text)
    except AmountError as error:
        if currency is None:
            raise typer.BadParameter(str(error), param_hint="--amount") from None
        return read("--amount", text, lambda value: parse_amount(value, default_currency=currency))
    if currency is not None:
        wanted = read(
            "--currency", currency, lambda value: parse_amount("1", default_currency=value)
        )
        if wanted is not None and wanted.currency != money.currency:
            raise typer.BadParameter(
                f"{currency!r} contradicts the amount's own currency {money.currency}",
                param_hint="--currency",
            )
    return money


def position_or_clear(option: str, text: str | None) -> "int | Clear | None":
    def position(value: str) -> int:
        if not value.strip().isdigit() or not 1 <= int(value) <= MAX_POSITION:
            raise ValueError(
                f"{value!r} is not a position: a whole number from 1 to {MAX_POSITION:,}"
            )
        return int(value)

    return clearable(option, text, position)


def body_text(option: str, name: str | None) -> "str | Clear | None":
    """A document's text from a file, from standard input with '-', or '' to clear it; a byte
    order mark that an editor put in front of it is dropped (texts.py)."""
    if name is None:
        return None
    if not name.strip():
        return CLEAR
    try:
        if name == "-":
            return sys.stdin.read().removeprefix("\ufeff")
        return Path(name).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise typer.BadParameter(f"cannot read {name!r}: {reason}", param_hint=option) from None


def meeting_dates(option: str, text: str | None) -> dates.DateRange | None:
    """A meeting's day, or its days: a range of days, not a whole month or year."""
    if text is None:
        return None
    try:
        single = dates.parse_partial(text, today=clock.today())
    except dates.DateError:
        return date_range(option, text)
    if single.precision != "day":
        raise typer.BadParameter(
            f"{text!r} is a whole {single.precision}; a meeting needs its day or days,"
            " e.g. 2025-06-05 or '24-25 juni 2025'",
            param_hint=option,
        )
    return dates.DateRange(single.first_day, single.last_day)


def author(given: str | None) -> str | None:
    """Who records a change: --author, else NAVO_AGENDA_AUTHOR, else the login name."""
    for candidate in (given, os.environ.get(AUTHOR_VARIABLE), login_name()):
        if candidate and candidate.strip():
            return candidate.strip()
    return None


def login_name() -> str | None:
    """As getpass finds it: LOGNAME, USER, LNAME or USERNAME, else the user database."""
    import getpass

    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no such variable and no entry for this uid
        return None
