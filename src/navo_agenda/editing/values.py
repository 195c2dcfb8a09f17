"""Checking what the user typed, field by field, with messages that name the field.

`None` means "not given, leave as it is"; `CLEAR` means "given empty: remove the value".
"""

import re
from typing import Final, TypeVar

from navo_agenda.errors import InvalidInput
from navo_agenda.texts import TEXT_LIMIT, text_problem


class Clear:
    """The value of an option given as an empty string: remove the field's value."""

    _instance: "Clear | None" = None

    def __new__(cls) -> "Clear":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "CLEAR"


CLEAR: Final = Clear()

T = TypeVar("T")

SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def required_text(value: str | None, field: str, limit: int = TEXT_LIMIT) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(f"{field} is required and cannot be empty")
    return checked_text(text, field, limit)


def optional_text(
    value: "str | Clear | None", field: str, limit: int = TEXT_LIMIT
) -> "str | Clear | None":
    """None stays None (unchanged); blank becomes CLEAR."""
    if value is None or isinstance(value, Clear):
        return value
    text = value.strip()
    return checked_text(text, field, limit) if text else CLEAR


def checked_text(text: str, field: str, limit: int = TEXT_LIMIT) -> str:
    """The text, if the store may hold it (texts.py)."""
    problem = text_problem(text, limit)
    if problem is not None:
        raise InvalidInput(f"{field} {problem}")
    return text


def option_of(name: str) -> str:
    """The option that gives a field: dutch_position is --dutch-position."""
    return "--" + name.replace("_", "-")


def stored(value: "T | Clear") -> "T | None":
    """The value to write to the column: CLEAR writes NULL."""
    return None if isinstance(value, Clear) else value


def check_quote_has_source(source: "str | Clear | None", quote: "str | Clear | None") -> None:
    """For a new record: a quote must say which document it is from."""
    given = optional_text(quote, "--quote")
    if isinstance(given, str) and not isinstance(optional_text(source, "--source"), str):
        raise InvalidInput("--quote needs --source: the document the quote is from")


def slug(value: str, field: str) -> str:
    text = value.strip().lower()
    if not SLUG.fullmatch(text):
        raise InvalidInput(
            f"{field} {value!r} is not a valid slug: use lowercase letters, digits and hyphens,"
            " starting with a letter or digit, at most 64 characters"
        )
    return text


def one_of(
    value: str, allowed: dict[str, str], field: str, synonyms: dict[str, str] | None = None
) -> str:
    word = " ".join(value.strip().lower().replace("_", " ").split())
    for candidate in (word, word.replace(" ", "_")):
        if candidate in allowed:
            return candidate
    if synonyms and word in synonyms:
        return synonyms[word]
    shown = ", ".join(allowed)
    extra = f" (or in Dutch: {', '.join(synonyms)})" if synonyms else ""
    raise InvalidInput(f"{field} {value!r} is not one of: {shown}{extra}")


def commitment_status(value: str, field: str = "status") -> str:
    """Our status words, or the Tweede Kamer's ('voldaan', 'deels voldaan', ...)."""
    from navo_agenda.vocabulary import COMMITMENT_STATUS_SYNONYMS, COMMITMENT_STATUSES

    return one_of(value, COMMITMENT_STATUSES, field, COMMITMENT_STATUS_SYNONYMS)


def topics(values: list[str]) -> list[str]:
    found: list[str] = []
    for value in values:
        for part in value.split(","):
            tag = part.strip().lower()
            if not tag:
                continue
            if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,31}", tag):
                raise InvalidInput(
                    f"--topic {part.strip()!r} is not a tag: lowercase letters, digits and"
                    " hyphens, at most 32 characters"
                )
            if tag not in found:
                found.append(tag)
    return found
