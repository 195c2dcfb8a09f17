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


def amount_or_clear(option: str, text: str | None, currency: str | None) -> "Money | Clear | None":
    default = currency.strip().upper() if currency else None
    return clearable(option, text, lambda value: parse_amount(value, default_currency=default))


def position_or_clear(option: str, text: str | None) -> "int | Clear | None":
    def position(value: str) -> int:
        if not value.strip().isdigit() or int(value) < 1:
            raise ValueError(f"{value!r} is not a position: a whole number from 1")
        return int(value)

    return clearable(option, text, position)


def body_text(option: str, path: Path | None) -> "str | Clear | None":
    """A document's text from a file, or from standard input with '-'."""
    if path is None:
        return None
    if str(path) == "":
        return CLEAR
    try:
        if str(path) == "-":
            return sys.stdin.read()
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise typer.BadParameter(f"cannot read {path}: {error}", param_hint=option) from None


def author(given: str | None) -> str | None:
    """Who records a change: --author, else NAVO_AGENDA_AUTHOR, else the login name."""
    for candidate in (given, os.environ.get(AUTHOR_VARIABLE), os.environ.get("USER")):
        if candidate and candidate.strip():
            return candidate.strip()
    return None
