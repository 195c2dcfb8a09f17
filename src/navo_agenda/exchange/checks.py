"""Checking values read from a file: one value at a time, or a whole column at once.

Each check has two forms. Called on a value it returns the value as stored (an amount in
its canonical form, a record with its absent keys filled in) or raises Bad with a message
that quotes the value. Its `column` form checks the same key of every record of a list in a
few passes that run in C (sets of types, sets of distinct values, maximum lengths) and
returns None as soon as anything is amiss: the caller then checks the records one by one to
report the first problem with its path. So the column form never has to say what is wrong,
only to be at least as strict as the single form (lone surrogates aside: see Text.column),
and importing a large, correct file does not pay for a function call per value.
"""

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from itertools import chain, repeat
from operator import itemgetter
from typing import Any, NamedTuple

from navo_agenda.amounts import canonical, parse_amount
from navo_agenda.dates import PartialDate
from navo_agenda.exchange.snapshot import Columns, Record, columns_of, shown
from navo_agenda.texts import TEXT_LIMIT, text_problem

NoneType = type(None)


class Number:
    """A number as written, where it cannot be a value of the format: too large, a
    fraction, an exponent or a constant like NaN. The check of its field reports it."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class Duplicated(dict[str, Any]):
    """An object in which a key appears more than once."""

    key = ""


class Bad(Exception):
    """A value that is wrong; `at` says where inside it (".events[2].at"), if deeper."""

    def __init__(self, message: str, at: str = "") -> None:
        super().__init__(message)
        self.message, self.at = message, at


def described(value: Any) -> str:
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        digits = str(value)
        return f"the number {digits if len(digits) <= 40 else digits[:39] + '…'}"
    if isinstance(value, Number):
        return f"the number {value.text[:40]}"
    if isinstance(value, str):
        return f"the text {shown(value)}"
    return "a list" if isinstance(value, list) else "an object"


def as_object(value: Any) -> dict[str, Any]:
    if type(value) is dict:
        return value
    if isinstance(value, Duplicated):
        raise Bad(f"the key {shown(value.key)} appears twice in this object")
    raise Bad(f"expected an object, not {described(value)}")


def distinct(values: Sequence[Any], nullable: bool = True) -> set[Any] | None:
    """The different values of a column, absent ones (None) aside; None if one is
    unhashable, or absent where none may be. One pass over the column: a large file's
    columns are hundreds of thousands long, and each pass costs."""
    try:
        found = set(values)
    except TypeError:
        return None
    if None in found:
        if not nullable:
            return None
        found.discard(None)
    return found


class Check:
    def __call__(self, value: Any) -> Any:
        raise NotImplementedError

    def column(self, values: Sequence[Any], nullable: bool = True) -> Sequence[Any] | None:
        """The column checked (None standing for an absent value, where `nullable`), or
        None if any is wrong. Here: each different value once, by `accepts`; subclasses
        that normalise values override this."""
        found = distinct(values, nullable)
        return values if found is not None and self.accepts(found) else None

    def accepts(self, found: set[Any]) -> bool:
        """Whether all of these different values (None not among them) are right."""
        try:
            for value in found:
                self(value)
        except Bad:
            return False
        return True


class Text(Check):
    def __init__(self, limit: int = TEXT_LIMIT, *, required: bool = False) -> None:
        self.limit, self.required = limit, required

    def __call__(self, value: Any) -> Any:
        if type(value) is not str:
            raise Bad(f"expected text, not {described(value)}")
        if self.required and (not value or value.isspace()):
            raise Bad("cannot be empty")
        problem = text_problem(value, self.limit)
        if problem is not None:
            raise Bad(problem)
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as error:
                code = ord(value[error.start])
                raise Bad(
                    f"holds a lone surrogate (\\u{code:04x}) at character {error.start + 1}, which"
                    " is not text"
                ) from None
        return value

    def column(self, values: Sequence[Any], nullable: bool = True) -> Sequence[Any] | None:
        """Each check of a text is a pass in C that looks at its length or its kind, not at
        each of its characters; cheaper than hashing every text into a set of distinct ones.
        Lone surrogates and control characters are not looked for: json_format.parse checks
        a file that could hold either record by record (see suspect() there)."""
        kinds = set(map(type, values))
        if not kinds <= ({str, NoneType} if nullable else {str}):
            return None
        texts = list(filter(None, values)) if NoneType in kinds else values
        if texts and max(map(len, texts)) > self.limit:
            return None
        if self.required and ("" in texts or any(map(str.isspace, texts))):
            return None
        return values


class Word(Check):
    def __init__(self, allowed: Iterable[str]) -> None:
        self.listed = ", ".join(allowed)
        self.words = frozenset(allowed)

    def __call__(self, value: Any) -> Any:
        if type(value) is str and value in self.words:
            return value
        if type(value) is str:
            raise Bad(f"{shown(value)} is not one of: {self.listed}")
        raise Bad(f"expected one of {self.listed}, not {described(value)}")

    def accepts(self, found: set[Any]) -> bool:
        return found <= self.words  # words are text: anything else is not among them


class Pattern(Check):
    def __init__(self, regex: str, example: str) -> None:
        self.regex, self.example = re.compile(regex), example

    def __call__(self, value: Any) -> Any:
        if type(value) is str and self.regex.fullmatch(value):
            return value
        if type(value) is str:
            raise Bad(f"{shown(value)} is not {self.example}")
        raise Bad(f"expected {self.example}, not {described(value)}")

    def accepts(self, found: set[Any]) -> bool:
        return set(map(type, found)) <= {str} and all(map(self.regex.fullmatch, found))


class Whole(Check):
    def __init__(self, low: int, high: int) -> None:
        self.low, self.high = low, high

    def __call__(self, value: Any) -> Any:
        if type(value) is int and self.low <= value <= self.high:
            return value
        if type(value) is int or isinstance(value, Number):
            number = value.text if isinstance(value, Number) else str(value)
            number = number if len(number) <= 40 else number[:39] + "…"
            raise Bad(f"{number} is not a whole number from {self.low} to {self.high:,}")
        raise Bad(f"expected a whole number, not {described(value)}")

    def column(self, values: Sequence[Any], nullable: bool = True) -> Sequence[Any] | None:
        # The types of all values, not of the different ones: true is 1 to a set.
        if not set(map(type, values)) <= ({int, NoneType} if nullable else {int}):
            return None
        return super().column(values, nullable)

    def accepts(self, found: set[Any]) -> bool:
        return not found or self.low <= min(found) and max(found) <= self.high


class Canonical(Check):
    """Text in one canonical form (a date, a time, a partial date): each different value
    is read once per process, by `problem`, which says what is wrong or None."""

    def __init__(self, problem: Callable[[str], str | None], expected: str, longest: int) -> None:
        self.problem, self.expected, self.longest = problem, expected, longest

    def __call__(self, value: Any) -> Any:
        if type(value) is not str:
            raise Bad(f"expected {self.expected}, not {described(value)}")
        too_long = len(value) > self.longest
        message = f"{shown(value)} is not {self.expected}" if too_long else self.problem(value)
        if message:
            raise Bad(message)
        return value

    def accepts(self, found: set[Any]) -> bool:
        if not set(map(type, found)) <= {str}:
            return False
        if found and max(map(len, found)) > self.longest:
            return False
        return not any(map(self.problem, found))


# Each different value is read once per process: a large file's dates span decades
# (15,000 days in 40 years), hence the size of the caches.
CACHED = 1 << 16
DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@lru_cache(maxsize=CACHED)
def day_problem(value: str) -> str | None:
    if not DAY.fullmatch(value):
        return f"{shown(value)} is not a date like 2025-06-05"
    try:
        date.fromisoformat(value)
    except ValueError as error:
        return f"{shown(value)} is not a date ({error})"
    return None


STAMP = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]{1,6})?Z"
)


@lru_cache(maxsize=CACHED)
def stamp_problem(value: str) -> str | None:
    found = STAMP.fullmatch(value)
    if found is None:
        return f"{shown(value)} is not a UTC time like 2026-11-28T02:35:59Z"
    try:
        year, month, day, hour, minute, second = map(int, found.groups()[:6])
        datetime(year, month, day, hour, minute, second)
    except ValueError as error:
        return f"{shown(value)} is not a time ({error})"
    return None


@lru_cache(maxsize=CACHED)
def partial_problem(value: str) -> str | None:
    try:
        PartialDate.from_canonical(value)
    except ValueError as error:
        reason = str(error).replace(f": {value!r}", "")
        return (
            f"{shown(value)} is not a partial date ({reason}); write a year, quarter, ISO week,"
            " month or day: 2026, 2026-Q3, 2026-W26, 2026-06 or 2026-06-05"
        )
    return None


class Amount(Check):
    """A decimal string, stored in its canonical form ('3500000000', '1234.5')."""

    DECIMAL = re.compile(r"[0-9]{1,40}(?:\.[0-9]{1,40})?")

    def __call__(self, value: Any) -> Any:
        if type(value) is str and len(value) <= 40 and self.DECIMAL.fullmatch(value):
            return canonical(Decimal(value))
        if type(value) is int or isinstance(value, Number):
            raise Bad(
                f"write the amount as a decimal string ({described(value)} in quotes), not as"
                " a number, which loses digits"
            )
        if type(value) is str and len(value) > 40:
            raise Bad(f"is {len(value):,} characters long; an amount has at most 40 digits")
        raise Bad(f"{described(value)} is not a decimal string like '3500000000' or '1234.5'")

    def column(self, values: Sequence[Any], nullable: bool = True) -> Sequence[Any] | None:
        found = distinct(values, nullable)
        if found is None:
            return None
        try:
            stored = {value: self(value) for value in found}
        except Bad:
            return None
        if all(key == value for key, value in stored.items()):
            return values  # already canonical, as an export writes them
        stored[None] = None
        return list(map(stored.__getitem__, values))


@lru_cache(maxsize=256)
def known_currency(code: str) -> bool:
    try:
        parse_amount("1", default_currency=code)
    except ValueError:
        return False
    return True


class Currency(Check):
    def __call__(self, value: Any) -> Any:
        if type(value) is str and len(value) == 3 and value.isupper() and known_currency(value):
            return value
        raise Bad(f"{described(value)} is not an ISO 4217 currency code like EUR or USD")


class Url(Text):
    def __call__(self, value: Any) -> Any:
        super().__call__(value)
        if not re.fullmatch(r"https?://\S+", value):
            raise Bad(f"{shown(value)} is not a web address (http:// or https://)")
        return value

    def column(self, values: Sequence[Any], nullable: bool = True) -> Sequence[Any] | None:
        return Check.column(self, values, nullable)


def itself(value: Any) -> Any:
    """The key of a value that is its own key (a topic, a kind)."""
    return value


class ListOf(Check):
    """A list of values; with `key`, no two of them may have the same key."""

    def __init__(
        self, item: Check, key: Callable[[Any], Any] | None = None, what: str = ""
    ) -> None:
        self.item, self.key, self.what = item, key, what

    def __call__(self, value: Any) -> Any:
        if type(value) is not list:
            raise Bad(f"expected a list, not {described(value)}")
        result, seen = [], set()
        for number, entry in enumerate(value):
            try:
                checked = self.item(entry)
            except Bad as bad:
                raise Bad(bad.message, f"[{number}]{bad.at}") from None
            if self.key is not None:
                if self.key(checked) in seen:
                    raise Bad(
                        f"{self.what} {shown(self.key(checked))} appears twice", f"[{number}]"
                    )
                seen.add(self.key(checked))
            result.append(checked)
        return result

    def column(self, values: Sequence[Any], nullable: bool = True) -> Sequence[Any] | None:
        """As a column, an absent list (None, where `nullable`) is an empty one."""
        kinds = set(map(type, values))
        if not kinds <= ({list, NoneType} if nullable else {list}):
            return None
        filled = list(filter(None, values))
        flat = list(chain.from_iterable(filled))
        checked = self.item.column(flat, nullable=False)  # no null within a list
        if checked is None:
            return None
        if checked is not flat:  # the items were rewritten: put them back into their lists
            regrouped: list[Any] = []
            start = 0
            for value in values:
                end = start + len(value or ())
                regrouped.append(checked[start:end])
                start = end
            values, filled = regrouped, list(filter(None, regrouped))
        elif NoneType in kinds:
            values = [[] if value is None else value for value in values]
        if self.key is not None:
            several = [value for value in filled if len(value) > 1]
            keyed = several if self.key is itself else [list(map(self.key, v)) for v in several]
            if list(map(len, map(set, keyed))) != list(map(len, keyed)):
                return None
        return values


REQUIRED, OPTIONAL, LIST = "required", "optional", "list"


class Spec(NamedTuple):
    """A kind of record: its keys in output order, each with its check and whether it must
    be there (REQUIRED), may be left out or null (OPTIONAL), or is a list that may be left
    out (LIST, then empty)."""

    what: str
    fields: tuple[tuple[str, Check, str], ...]


class RecordOf(Check):
    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.keys = tuple(key for key, _, _ in spec.fields)
        self.names = frozenset(self.keys)

    def __call__(self, value: Any) -> Any:
        value = as_object(value)
        result: Record = {}
        present = 0
        for key, check, presence in self.spec.fields:
            item = value.get(key)
            if item is None:
                given = key in value
                present += given
                if presence == REQUIRED:
                    state = "cannot be null" if given else "is missing"
                    raise Bad(f"{state}: {self.spec.what} must have it", f".{key}")
                result[key] = [] if presence == LIST else None
                continue
            present += 1
            try:
                result[key] = check(item)
            except Bad as bad:
                raise Bad(bad.message, f".{key}{bad.at}") from None
        if present != len(value):
            unknown = next(key for key in value if key not in self.names)
            raise Bad(f"unknown key {shown(unknown)}; {self.spec.what} has: {', '.join(self.keys)}")
        return result

    def column(self, values: Sequence[Any], nullable: bool = True) -> Sequence[Any] | None:
        table = self.table(values)  # records are never null
        return None if table is None else table.records

    def table(self, values: Sequence[Any]) -> "Table | None":
        """The records checked, with their values key by key, or None if any is wrong."""
        if set(map(type, values)) != {dict}:
            return None if values else Table(values, dict.fromkeys(self.keys, ()))
        keys = self.keys
        # The usual case, a file this program wrote: every record has every key (a record
        # with as many keys, one of them unknown, lacks one: KeyError). Then the records
        # themselves are the result, with only the values a check rewrote replaced.
        try:
            complete = set(map(len, values)) == {len(keys)}
            found: list[Sequence[Any]] = []
            if complete:
                found = list(zip(*map(itemgetter(*keys), values), strict=True))
        except KeyError:
            complete = False
        if not complete:
            if not set().union(*values) <= self.names:
                return None
            found = [list(map(dict.get, values, repeat(key))) for key in keys]
        checked: list[Sequence[Any]] = []
        rewritten: list[int] = []
        for (_, check, presence), column in zip(self.spec.fields, found, strict=True):
            result = check.column(column, nullable=presence != REQUIRED)
            if result is None:
                return None
            if result is not column:
                rewritten.append(len(checked))
            checked.append(result)
        columns = dict(zip(keys, checked, strict=True))
        if not complete:
            rows = zip(*checked, strict=True)
            return Table([dict(zip(keys, row, strict=True)) for row in rows], columns)
        for number in rewritten:
            key = keys[number]
            for record, value in zip(values, checked[number], strict=True):
                record[key] = value
        return Table(values, columns)


class Table(NamedTuple):
    """Records of one kind, and the same values key by key: `columns[key][n]` is
    `records[n][key]`. The checks leave them so; an import uses the columns."""

    records: Sequence[Record]
    columns: Columns

    @classmethod
    def of(cls, records: Sequence[Record], keys: Sequence[str]) -> "Table":
        return cls(records, columns_of(records, keys))
