"""The one date reader behind every CLI option that takes a date.

Meeting dates reach this tool in the shapes the Dutch government writes them ("24-25 juni 2025",
"donderdag 5 juni 2025", "Q3 2025") and in the shapes people type ("2025-06-05", "+2w"). If each
command read them its own way, the same text would mean different days in different places, so
there is exactly one reader and it lives here.

Two promises shape it. A date keeps the precision it was given in: "juni 2025" is a month, not
1 June, so that "past" can mean "after the whole month". And nothing is guessed: ISO is always
year-month-day, numbers with the year last are always day-month-year, a missing year is never
borrowed from today, and anything that could be read two ways is refused with a message saying
what would have been understood.

Only light stdlib modules are imported at module level because this module sits on the start-up
path of every command; dateutil is imported by the one form that needs it.

Why python-dateutil's parser does not read these texts, although the date library is ours to
use: the forms we accept are a short, closed list, and matching that list exactly is what
keeps the promises above. dateutil's parser is built to make sense of anything; the two
traps it is known for are the two these promises forbid (with dayfirst=True it reads
2025-06-05 as 6 May; a bare 2026 gets today's month and day), it has no notion of a quarter,
an ISO week or a date's precision, and importing it costs about half of a bare Python
start-up. dateutil does the calendar arithmetic of +1m and +1y (relativedelta), and the tests
hold this reader against its parser's traps (tests/test_dates.py).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal, NamedTuple

__all__ = [
    "HELP",
    "DateError",
    "DateRange",
    "PartialDate",
    "Precision",
    "format_day",
    "format_range",
    "parse_date",
    "parse_partial",
    "parse_range",
]

Precision = Literal["year", "quarter", "month", "week", "day"]
_PRECISIONS: tuple[Precision, ...] = ("year", "quarter", "month", "week", "day")

_Kind = Literal["partial", "day", "range"]
_EXAMPLES: dict[_Kind, str] = {
    "partial": "2025-06-05, 5 juni 2025, 05-06-2025, juni 2025, 2025-Q3, 2026, today, +2w",
    "day": "2025-06-05, 5 juni 2025, 05-06-2025, today, +2w",
    "range": (
        "24-25 juni 2025, 30 juni - 2 juli 2025, 2025-06-24..2025-06-25, "
        "5 juni 2025, juni 2025, 2025-Q3, today..+2w"
    ),
}
_WANTED: dict[_Kind, str] = {
    "partial": "a date",
    "day": "a date",
    "range": "a date or date range",
}

HELP = (
    "Dates are read the same way everywhere: 2025-06-05 (ISO, always year-month-day), "
    "5 juni 2025 or 5 June 2025 (Dutch or English month names, also short like jun. or mrt), "
    "05-06-2025 or 5/6/2025 (with the year last always day-month-year), "
    "today, tomorrow, yesterday (vandaag, morgen, gisteren) and offsets from today "
    "like +2w, -3d, +1m, +1y. "
    "Where a period fits, 2026, juni 2025, 2025-06, Q3 2025, 2025-Q3 and 2025-W26 (ISO week) "
    "also work, and a period stands for all of its days. "
    "Ranges: 24-25 juni 2025, 24 t/m 25 juni 2025, 10 en 11 juni 2025, 30 juni - 2 juli 2025, "
    "2025-06-24..2025-06-25. "
    "Nothing is guessed: the year is never taken from today, so 5 juni without a year is "
    "refused, as is any text that could be read in more than one way."
)

_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("januari", "january", "jan"),
    ("februari", "february", "feb"),
    ("maart", "march", "mrt", "maa", "mar"),
    ("april", "apr"),
    ("mei", "may"),
    ("juni", "june", "jun"),
    ("juli", "july", "jul"),
    ("augustus", "august", "aug"),
    ("september", "sept", "sep"),
    ("oktober", "october", "okt", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
_MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names
}
_WEEKDAY_NAMES: tuple[tuple[str, ...], ...] = (
    ("maandag", "monday", "ma", "mon"),
    ("dinsdag", "tuesday", "di", "tue", "tues"),
    ("woensdag", "wednesday", "wo", "wed"),
    ("donderdag", "thursday", "do", "thu", "thur", "thurs"),
    ("vrijdag", "friday", "vr", "fri"),
    ("zaterdag", "saturday", "za", "sat"),
    ("zondag", "sunday", "zo", "sun"),
)
_WEEKDAYS: dict[str, int] = {
    name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names
}
# Messages are English whatever the input language, and must not depend on the process locale.
_ENGLISH_MONTHS = tuple(names[1].capitalize() for names in _MONTH_NAMES)
_ENGLISH_WEEKDAYS = tuple(names[1].capitalize() for names in _WEEKDAY_NAMES)

_RELATIVE_WORDS: dict[str, int] = {
    "today": 0,
    "vandaag": 0,
    "tomorrow": 1,
    "morgen": 1,
    "yesterday": -1,
    "gisteren": -1,
}


def _alternatives(names: dict[str, int]) -> str:
    return "|".join(sorted(names, key=len, reverse=True))


_MON = rf"(?P<mon>{_alternatives(_MONTHS)})\.?"
_ANY_MON = rf"(?:{_alternatives(_MONTHS)})\.?"
_WEEK = r"(?:week|wk|w)\.?"


class _Form:
    """A pattern compiled on first use: compiling them all at import time cost more than the
    rest of the import together, and most commands never read a date."""

    __slots__ = ("_compiled", "_source")

    def __init__(self, source: str) -> None:
        self._source = source
        self._compiled: re.Pattern[str] | None = None

    def _pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self._source, re.ASCII)
        return self._compiled

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self._pattern().fullmatch(text)

    def match(self, text: str, position: int) -> re.Match[str] | None:
        return self._pattern().match(text, position)


# Input is normalised first (lower case, single spaces, dashes folded to "-"), so the patterns
# only ever see one plain space where whitespace was.
_FORMS: tuple[tuple[_Form, Precision], ...] = (
    (_Form(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<n>\d{1,2})(?P=sep)(?P<d>\d{1,2})"), "day"),
    (_Form(r"(?P<d>\d{1,2})(?P<sep>[-/.])(?P<n>\d{1,2})(?P=sep)(?P<y>\d{4})"), "day"),
    (_Form(rf"(?P<d>\d{{1,2}}) {_MON} (?P<y>\d{{4}})"), "day"),
    (_Form(rf"{_MON} (?P<d>\d{{1,2}}),? (?P<y>\d{{4}})"), "day"),
    (_Form(rf"{_MON} (?P<y>\d{{4}})"), "month"),
    (_Form(r"(?P<y>\d{4})-(?P<n>\d{1,2})"), "month"),
    (_Form(r"q(?P<n>\d{1,2})(?: ?[-/] ?| )(?P<y>\d{4})"), "quarter"),
    (_Form(r"(?P<y>\d{4})(?: ?- ?| )?q(?P<n>\d{1,2})"), "quarter"),
    (_Form(rf"{_WEEK} ?(?P<n>\d{{1,2}})(?: ?[-/,] ?| )(?P<y>\d{{4}})"), "week"),
    (_Form(rf"(?P<y>\d{{4}})(?: ?- ?| )?{_WEEK} ?(?P<n>\d{{1,2}})"), "week"),
    (_Form(r"(?P<y>\d{4})"), "year"),
)
_OFFSET = _Form(r"(?P<sign>[+-]) ?(?P<count>\d+) ?(?P<unit>[dwmy])")
_WEEKDAY_PREFIX = _Form(rf"(?P<wd>{_alternatives(_WEEKDAYS)})\.?,? (?P<rest>.+)")

# What may stand before a range separator when the rest is borrowed from the end of the range.
_ELLIPTIC_DAY = _Form(r"(?P<d>\d{1,2})")
_ELLIPTIC_DAY_MONTH = (_Form(rf"(?P<d>\d{{1,2}}) {_MON}"), _Form(rf"{_MON} (?P<d>\d{{1,2}})"))
_ELLIPTIC_MONTH = _Form(_MON)
_YEARLESS = _Form(
    rf"(?:(?:{_alternatives(_WEEKDAYS)})\.?,? )?"
    rf"(?:\d{{1,2}} {_ANY_MON}|{_ANY_MON}(?: \d{{1,2}})?"
    rf"|(?:q|{_WEEK}) ?\d{{1,2}}|\d{{1,2}}[-/.]\d{{1,2}})"
)

# A spaced separator may join any two dates. A bare "-" or "/" is also part of the date forms
# themselves, so between two dates it is only trusted when both have the same precision.
_SEPARATOR = _Form(
    r" (?P<spaced>-|/|\.\.|t/m|tot en met|to|through|en|and) "
    r"|(?P<dots>\.\.)"
    r"|(?<! )(?P<tight>[-/])(?! )"
)
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2212": "-"})


class DateError(ValueError):
    """A date the reader cannot read.

    The message is a single line so that it fits the CLI's error output as is, and it always quotes
    the input and shows accepted forms, because the user's next step is to retype the date.
    """

    def __init__(self, text: str, reason: str = "", *, kind: _Kind = "partial") -> None:
        self.text = text
        self.reason = reason
        because = f" ({reason})" if reason else ""
        super().__init__(
            f"cannot read {text!r} as {_WANTED[kind]}{because}; use e.g. {_EXAMPLES[kind]}"
        )


class _Bad(Exception):
    """The text matched a form but names no real date; the reason ends up in the DateError."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _iso_weeks(year: int) -> int:
    return date(year, 12, 28).isocalendar().week


def _days_in_month(year: int, month: int) -> int:
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - timedelta(days=1)).day


class _PartialDateFields(NamedTuple):
    precision: Precision
    year: int
    number: int = 0
    day: int = 0


class PartialDate(_PartialDateFields):
    """A date known only as precisely as it was given.

    Meetings are announced as "June 2025" or "Q3" long before they have a day, and treating such
    a date as its first day would make it "past" a month too early; so the precision travels with
    the value and comparisons go through first_day and last_day. (A NamedTuple, validated on
    creation, rather than a frozen dataclass: this class is created at every command's start.)
    """

    __slots__ = ()

    def __new__(cls, precision: Precision, year: int, number: int = 0, day: int = 0) -> PartialDate:
        self = super().__new__(cls, precision, year, number, day)
        self._validate()
        return self

    def _validate(self) -> None:
        if self.precision not in _PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} is outside 0001-9999")
        if self.precision != "day" and self.day != 0:
            raise ValueError(f"a {self.precision} has no day")
        if self.precision == "year":
            if self.number != 0:
                raise ValueError("a year has no number")
        elif self.precision == "quarter":
            if not 1 <= self.number <= 4:
                raise ValueError(f"there is no quarter {self.number}")
        elif self.precision == "week":
            self._check_week()
        elif not 1 <= self.number <= 12:
            raise ValueError(f"there is no month {self.number}")
        if self.precision == "day":
            last = _days_in_month(self.year, self.number)
            if not 1 <= self.day <= last:
                month = f"{_ENGLISH_MONTHS[self.number - 1]} {self.year:04d}"
                raise ValueError(f"{month} has no day {self.day}, only 1-{last}")

    def _check_week(self) -> None:
        weeks = _iso_weeks(self.year)
        if not 1 <= self.number <= weeks:
            raise ValueError(f"{self.year:04d} has no ISO week {self.number}, only 1-{weeks}")
        try:
            date.fromisocalendar(self.year, self.number, 7)
        except ValueError:
            raise ValueError(
                f"ISO week {self.number} of {self.year:04d} runs past the end of the calendar"
            ) from None

    @property
    def first_day(self) -> date:
        if self.precision == "year":
            return date(self.year, 1, 1)
        if self.precision == "quarter":
            return date(self.year, 3 * self.number - 2, 1)
        if self.precision == "month":
            return date(self.year, self.number, 1)
        if self.precision == "week":
            return date.fromisocalendar(self.year, self.number, 1)
        return date(self.year, self.number, self.day)

    @property
    def last_day(self) -> date:
        """The day after which this date is past; a month is not over on its first day."""
        if self.precision == "year":
            return date(self.year, 12, 31)
        if self.precision in ("quarter", "month"):
            month = 3 * self.number if self.precision == "quarter" else self.number
            return date(self.year, month, _days_in_month(self.year, month))
        if self.precision == "week":
            return date.fromisocalendar(self.year, self.number, 7)
        return date(self.year, self.number, self.day)

    def canonical(self) -> str:
        """The stored form: sortable within a precision and read back by from_canonical."""
        if self.precision == "year":
            return f"{self.year:04d}"
        if self.precision == "quarter":
            return f"{self.year:04d}-Q{self.number}"
        if self.precision == "month":
            return f"{self.year:04d}-{self.number:02d}"
        if self.precision == "week":
            return f"{self.year:04d}-W{self.number:02d}"
        return f"{self.year:04d}-{self.number:02d}-{self.day:02d}"

    @classmethod
    def from_canonical(cls, text: str) -> PartialDate:
        """Read stored values strictly: storage only ever holds canonical(), so lenience would
        only hide corruption."""
        match = _CANONICAL.fullmatch(text)
        if match is None:
            raise ValueError(f"not a canonical partial date: {text!r}")
        year = int(match["y"])
        if match["q"]:
            result = cls("quarter", year, int(match["q"]))
        elif match["w"]:
            result = cls("week", year, int(match["w"]))
        elif match["d"]:
            result = cls("day", year, int(match["m"]), int(match["d"]))
        elif match["m"]:
            result = cls("month", year, int(match["m"]))
        else:
            result = cls("year", year)
        if result.canonical() != text:
            raise ValueError(f"not a canonical partial date: {text!r}")
        return result

    @classmethod
    def of_day(cls, d: date) -> PartialDate:
        return cls("day", d.year, d.month, d.day)


_CANONICAL = _Form(
    r"(?P<y>[0-9]{4})(?:-(?:Q(?P<q>[0-9])|W(?P<w>[0-9]{2})|(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?))?"
)


class _DateRangeFields(NamedTuple):
    start: date
    end: date


class DateRange(_DateRangeFields):
    """Inclusive on both ends, because that is how meeting days are announced ("24-25 juni")."""

    __slots__ = ()

    def __new__(cls, start: date, end: date) -> DateRange:
        if end < start:
            raise ValueError(f"range ends {end} before it starts {start}")
        return super().__new__(cls, start, end)


def _normalize(text: str) -> str:
    return " ".join(text.translate(_DASHES).lower().split())


def _make(precision: Precision, year: int, number: int = 0, day: int = 0) -> PartialDate:
    try:
        return PartialDate(precision, year, number, day)
    except ValueError as err:
        raise _Bad(str(err)) from None


def _offset(today: date, match: re.Match[str]) -> date:
    count = int(match["count"]) * (1 if match["sign"] == "+" else -1)
    unit = match["unit"]
    if unit in ("d", "w"):
        return today + timedelta(days=count * (7 if unit == "w" else 1))
    # relativedelta only for months and years, which need calendar-aware arithmetic (31 Jan
    # + 1 month); importing dateutil at module level would slow down every command's start.
    from dateutil.relativedelta import relativedelta

    return today + relativedelta(months=count if unit == "m" else 12 * count)


def _bare(text: str, today: date) -> tuple[PartialDate, bool] | None:
    """One date without a weekday; the flag says whether it was relative to today."""
    try:
        if text in _RELATIVE_WORDS:
            return PartialDate.of_day(today + timedelta(days=_RELATIVE_WORDS[text])), True
        if offset := _OFFSET.fullmatch(text):
            return PartialDate.of_day(_offset(today, offset)), True
    except (OverflowError, ValueError):
        raise _Bad("that falls outside the calendar") from None
    for pattern, precision in _FORMS:
        if match := pattern.fullmatch(text):
            parts = match.groupdict()
            number = _MONTHS[parts["mon"]] if parts.get("mon") else int(parts.get("n") or 0)
            return _make(precision, int(parts["y"]), number, int(parts.get("d") or 0)), False
    return None


def _check_weekday(found: PartialDate, weekday: str) -> None:
    if found.precision != "day":
        raise _Bad(f"a weekday only goes with a full day, not a {found.precision}")
    actual = found.first_day.weekday()
    if actual != _WEEKDAYS[weekday]:
        raise _Bad(
            f"{found.canonical()} is a {_ENGLISH_WEEKDAYS[actual]}, "
            f"not a {_ENGLISH_WEEKDAYS[_WEEKDAYS[weekday]]}"
        )


def _strip_weekday(text: str) -> tuple[str, str | None]:
    if match := _WEEKDAY_PREFIX.fullmatch(text):
        return match["rest"], match["wd"]
    return text, None


def _single(text: str, today: date) -> tuple[PartialDate, bool] | None:
    rest, weekday = _strip_weekday(text)
    found = _bare(rest, today)
    if found is not None and weekday is not None:
        _check_weekday(found[0], weekday)
    return found


def _elliptic(text: str, end: PartialDate) -> PartialDate | None:
    """The start of "24-25 juni 2025" or "30 juni - 2 juli 2025": the missing parts are written
    once, at the end, so they are taken from there and nowhere else."""
    rest, weekday = _strip_weekday(text)
    found: PartialDate | None = None
    if end.precision == "day" and (match := _ELLIPTIC_DAY.fullmatch(rest)):
        found = _make("day", end.year, end.number, int(match["d"]))
    elif end.precision in ("day", "month"):
        if match := _ELLIPTIC_MONTH.fullmatch(rest):
            found = _make("month", end.year, _MONTHS[match["mon"]])
        for pattern in _ELLIPTIC_DAY_MONTH:
            if match := pattern.fullmatch(rest):
                found = _make("day", end.year, _MONTHS[match["mon"]], int(match["d"]))
    if found is not None and weekday is not None:
        _check_weekday(found, weekday)
    return found


def _has_month_name(text: str) -> bool:
    # "24-25 juni 2025" is how ranges are written; "24-25-6-2025" is not, and is not guessed at.
    return any(word.rstrip(".,") in _MONTHS for word in text.split())


def _split_range(text: str, today: date) -> DateRange | None:
    """Try every separator position; exactly one reading may succeed, or the text is refused."""
    readings: set[DateRange] = set()
    backwards: list[tuple[date, date]] = []
    reasons: list[str] = []
    for position in range(len(text)):
        separator = _SEPARATOR.match(text, position)
        if separator is None:
            continue
        left, right = text[:position].strip(), text[separator.end() :].strip()
        if not left or not right:
            continue
        try:
            end = _single(right, today)
            if end is None:
                if _YEARLESS.fullmatch(right):
                    reasons.append("the year is missing; it is never taken from today")
                continue
            start = _single(left, today)
            if start is None and not end[1] and _has_month_name(right):
                elliptic = _elliptic(left, end[0])
                start = None if elliptic is None else (elliptic, False)
        except _Bad as bad:
            reasons.append(bad.reason)
            continue
        if start is None:
            continue
        if separator["tight"] and start[0].precision != end[0].precision:
            continue
        first, last = start[0].first_day, end[0].last_day
        if last < first:
            backwards.append((first, last))
        else:
            readings.add(DateRange(first, last))
    if len(readings) > 1:
        options = " or ".join(sorted(format_range(r.start, r.end) for r in readings))
        raise _Bad(f"it could mean {options}")
    if readings:
        return readings.pop()
    if backwards:
        first, last = backwards[0]
        raise _Bad(f"it ends on {format_day(last)}, before it starts on {format_day(first)}")
    if reasons:
        raise _Bad(reasons[0])
    return None


def _read(text: str, today: date, kind: _Kind) -> PartialDate:
    normalized = _normalize(text)
    try:
        found = _single(normalized, today)
    except _Bad as bad:
        raise DateError(text, bad.reason, kind=kind) from None
    if found is not None:
        return found[0]
    reason = ""
    if _YEARLESS.fullmatch(normalized):
        reason = "the year is missing; it is never taken from today"
    else:
        try:
            if _split_range(normalized, today) is not None:
                reason = "that is a range, not a single date"
        except _Bad:
            pass
    raise DateError(text, reason, kind=kind)


def parse_partial(text: str, *, today: date) -> PartialDate:
    """Read one date at the precision it was written in; today is used only by relative forms."""
    return _read(text, today, "partial")


def parse_date(text: str, *, today: date) -> date:
    """Read one date where only a full day makes sense (e.g. a meeting that has happened)."""
    found = _read(text, today, "day")
    if found.precision != "day":
        raise DateError(text, f"a full day is needed, not a whole {found.precision}", kind="day")
    return found.first_day


def parse_range(text: str, *, today: date) -> DateRange:
    """Read a span of days; a single date of any precision is the span of its own days."""
    normalized = _normalize(text)
    try:
        found = _single(normalized, today)
        if found is not None:
            return DateRange(found[0].first_day, found[0].last_day)
        result = _split_range(normalized, today)
    except _Bad as bad:
        raise DateError(text, bad.reason, kind="range") from None
    if result is None:
        reason = ""
        if _YEARLESS.fullmatch(normalized):
            reason = "the year is missing; it is never taken from today"
        raise DateError(text, reason, kind="range")
    return result


def format_day(d: date) -> str:
    return d.isoformat()


def format_range(start: date, end: date) -> str:
    """ISO on both ends, so that the output can be pasted back into any date option."""
    if end < start:
        raise ValueError(f"range ends {end} before it starts {start}")
    if start == end:
        return format_day(start)
    return f"{format_day(start)} \u2013 {format_day(end)}"
