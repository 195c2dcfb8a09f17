"""Tests for the one date reader: every accepted form, every refusal, and the promises behind them
(precision kept, ISO never swapped, nothing taken from today unless the input asks for it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import navo_agenda.dates
from navo_agenda.dates import (
    HELP,
    DateError,
    DateRange,
    PartialDate,
    Precision,
    format_day,
    format_range,
    parse_date,
    parse_partial,
    parse_range,
)

TODAY = date(2025, 11, 28)
OTHER_TODAYS = [date(2025, 11, 28), date(1999, 1, 1), date(2031, 7, 15)]
FAST = settings(max_examples=250, deadline=None, database=None)

NL_MONTHS = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]  # fmt: skip
NL_SHORT = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NL_WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

JUNE_5 = date(2025, 6, 5)


# --- accepted forms -------------------------------------------------------------------------

FULL_DAYS: list[tuple[str, date]] = [
    ("2025-06-05", JUNE_5),
    ("2025-6-5", JUNE_5),
    ("2025/06/05", JUNE_5),
    ("5 juni 2025", JUNE_5),
    ("5 jun. 2025", JUNE_5),
    ("5 jun 2025", JUNE_5),
    ("05 juni 2025", JUNE_5),
    ("5 June 2025", JUNE_5),
    ("5 Jun 2025", JUNE_5),
    ("5 Jun. 2025", JUNE_5),
    ("June 5, 2025", JUNE_5),
    ("June 5 2025", JUNE_5),
    ("donderdag 5 juni 2025", JUNE_5),
    ("do 5 juni 2025", JUNE_5),
    ("Thursday 5 June 2025", JUNE_5),
    ("Thursday, June 5, 2025", JUNE_5),
    ("Thu 05-06-2025", JUNE_5),
    ("05-06-2025", JUNE_5),
    ("5-6-2025", JUNE_5),
    ("05/06/2025", JUNE_5),
    ("5/6/2025", JUNE_5),
    ("5.6.2025", JUNE_5),
    ("05.06.2025", JUNE_5),
    ("  5   JUNI   2025 ", JUNE_5),
    ("5\u00a0juni\t2025", JUNE_5),
    ("1 maart 2025", date(2025, 3, 1)),
    ("1 mrt 2025", date(2025, 3, 1)),
    ("1 maa 2025", date(2025, 3, 1)),
    ("1 mar 2025", date(2025, 3, 1)),
    ("1 March 2025", date(2025, 3, 1)),
    ("15 mei 2025", date(2025, 5, 15)),
    ("15 May 2025", date(2025, 5, 15)),
    ("2 sep 2025", date(2025, 9, 2)),
    ("2 sept. 2025", date(2025, 9, 2)),
    ("2 Sept 2025", date(2025, 9, 2)),
    ("9 okt 2025", date(2025, 10, 9)),
    ("9 oktober 2025", date(2025, 10, 9)),
    ("9 Oct 2025", date(2025, 10, 9)),
    ("31 december 2025", date(2025, 12, 31)),
    ("29 februari 2024", date(2024, 2, 29)),
    ("29-02-2024", date(2024, 2, 29)),
    ("1 januari 0001", date(1, 1, 1)),
    ("31-12-9999", date(9999, 12, 31)),
]

PARTIALS: list[tuple[str, PartialDate]] = [
    ("2026", PartialDate("year", 2026)),
    ("juni 2025", PartialDate("month", 2025, 6)),
    ("June 2025", PartialDate("month", 2025, 6)),
    ("jun 2025", PartialDate("month", 2025, 6)),
    ("jun. 2025", PartialDate("month", 2025, 6)),
    ("2025-06", PartialDate("month", 2025, 6)),
    ("2025-6", PartialDate("month", 2025, 6)),
    ("mrt 2026", PartialDate("month", 2026, 3)),
    ("Q3 2025", PartialDate("quarter", 2025, 3)),
    ("2025-Q3", PartialDate("quarter", 2025, 3)),
    ("2025 Q3", PartialDate("quarter", 2025, 3)),
    ("2025Q3", PartialDate("quarter", 2025, 3)),
    ("q3-2025", PartialDate("quarter", 2025, 3)),
    ("Q4 2025", PartialDate("quarter", 2025, 4)),
    ("week 26 2025", PartialDate("week", 2025, 26)),
    ("2025-W26", PartialDate("week", 2025, 26)),
    ("2025-w26", PartialDate("week", 2025, 26)),
    ("2025 week 26", PartialDate("week", 2025, 26)),
    ("wk 26 2025", PartialDate("week", 2025, 26)),
    ("week 1 2025", PartialDate("week", 2025, 1)),
    ("week 53 2026", PartialDate("week", 2026, 53)),
    ("2020-W53", PartialDate("week", 2020, 53)),
]

RELATIVES: list[tuple[str, date, date]] = [
    ("today", TODAY, TODAY),
    ("vandaag", TODAY, TODAY),
    ("Today", TODAY, TODAY),
    ("tomorrow", TODAY, TODAY + timedelta(days=1)),
    ("morgen", TODAY, TODAY + timedelta(days=1)),
    ("yesterday", TODAY, TODAY - timedelta(days=1)),
    ("gisteren", TODAY, TODAY - timedelta(days=1)),
    ("+2w", TODAY, date(2025, 12, 12)),
    ("-3d", TODAY, date(2025, 11, 25)),
    ("+0d", TODAY, TODAY),
    ("+10d", TODAY, date(2025, 12, 8)),
    ("+1m", TODAY, date(2025, 12, 28)),
    ("+1m", date(2025, 1, 31), date(2025, 2, 28)),
    ("+1m", date(2024, 1, 31), date(2024, 2, 29)),
    ("-1m", date(2025, 3, 31), date(2025, 2, 28)),
    ("+1y", TODAY, date(2026, 11, 28)),
    ("+1y", date(2024, 2, 29), date(2025, 2, 28)),
    ("-2y", TODAY, date(2023, 11, 28)),
    ("+ 2 w", TODAY, date(2025, 12, 12)),
    ("\u22123d", TODAY, date(2025, 11, 25)),
    ("today", date(2000, 2, 29), date(2000, 2, 29)),
]

RANGES: list[tuple[str, date, date]] = [
    ("24-25 juni 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("24\u201325 juni 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("24 \u2013 25 juni 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("24 t/m 25 juni 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("24 tot en met 25 juni 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("10 en 11 juni 2025", date(2025, 6, 10), date(2025, 6, 11)),
    ("10/11 juni 2025", date(2025, 6, 10), date(2025, 6, 11)),
    ("dinsdag 24 en woensdag 25 juni 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("30 juni - 2 juli 2025", date(2025, 6, 30), date(2025, 7, 2)),
    ("30 juni \u2013 2 juli 2025", date(2025, 6, 30), date(2025, 7, 2)),
    ("2025-06-24..2025-06-25", date(2025, 6, 24), date(2025, 6, 25)),
    ("2025-06-24 .. 2025-06-25", date(2025, 6, 24), date(2025, 6, 25)),
    ("2025-06-24 - 2025-06-25", date(2025, 6, 24), date(2025, 6, 25)),
    ("2025-06-24 \u2013 2025-06-25", date(2025, 6, 24), date(2025, 6, 25)),
    ("2025-06-24/2025-06-25", date(2025, 6, 24), date(2025, 6, 25)),
    ("29 december 2025 - 2 januari 2026", date(2025, 12, 29), date(2026, 1, 2)),
    ("24-25 June 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("24 to 25 June 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("June 24 - June 25, 2025", date(2025, 6, 24), date(2025, 6, 25)),
    ("juni - juli 2025", date(2025, 6, 1), date(2025, 7, 31)),
    ("juni 2025 - augustus 2025", date(2025, 6, 1), date(2025, 8, 31)),
    ("2025-Q3..2025-Q4", date(2025, 7, 1), date(2025, 12, 31)),
    ("2025-2026", date(2025, 1, 1), date(2026, 12, 31)),
    ("5 juni 2025 - 5 juni 2025", JUNE_5, JUNE_5),
    ("today..+2w", TODAY, date(2025, 12, 12)),
    ("-3d - today", date(2025, 11, 25), TODAY),
    # a single date of any precision is the range of its days
    ("5 juni 2025", JUNE_5, JUNE_5),
    ("2025-06-05", JUNE_5, JUNE_5),
    ("juni 2025", date(2025, 6, 1), date(2025, 6, 30)),
    ("februari 2024", date(2024, 2, 1), date(2024, 2, 29)),
    ("2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("2025-Q4", date(2025, 10, 1), date(2025, 12, 31)),
    ("2025-W01", date(2024, 12, 30), date(2025, 1, 5)),
    ("today", TODAY, TODAY),
]


@pytest.mark.parametrize(("text", "expected"), FULL_DAYS)
def test_full_days(text: str, expected: date) -> None:
    assert parse_partial(text, today=TODAY) == PartialDate.of_day(expected)
    assert parse_date(text, today=TODAY) == expected
    assert parse_range(text, today=TODAY) == DateRange(expected, expected)


@pytest.mark.parametrize(("text", "expected"), PARTIALS)
def test_partial_dates_keep_their_precision(text: str, expected: PartialDate) -> None:
    assert parse_partial(text, today=TODAY) == expected
    assert parse_range(text, today=TODAY) == DateRange(expected.first_day, expected.last_day)


@pytest.mark.parametrize(("text", "today", "expected"), RELATIVES)
def test_relative_forms_count_from_the_given_today(text: str, today: date, expected: date) -> None:
    assert parse_partial(text, today=today) == PartialDate.of_day(expected)
    assert parse_date(text, today=today) == expected


@pytest.mark.parametrize(("text", "start", "end"), RANGES)
def test_ranges(text: str, start: date, end: date) -> None:
    assert parse_range(text, today=TODAY) == DateRange(start, end)


@pytest.mark.parametrize(
    "text", ["24-25 juni 2025", "30 juni - 2 juli 2025", "2025-06-24..2025-06-25"]
)
def test_a_range_is_not_a_single_date(text: str) -> None:
    with pytest.raises(DateError, match="range") as caught:
        parse_partial(text, today=TODAY)
    assert text in str(caught.value)


# --- refusals -------------------------------------------------------------------------------

NOT_A_DATE = [
    "",
    "   ",
    "soon",
    "2025-13-01",
    "2025-00-10",
    "2025-06-31",
    "31-02-2025",
    "29-02-2025",
    "31-31-2025",
    "32 juni 2025",
    "0 juni 2025",
    "5 juni",
    "juni",
    "June 5",
    "05-06",
    "week 26",
    "Q3",
    "2025-06-05-01",
    "06/2025/05",
    "2025-06/05",
    "05-06/2025",
    "Q5 2025",
    "Q0 2025",
    "week 54 2025",
    "week 53 2025",
    "week 0 2025",
    "2025-W53",
    "+2x",
    "2w",
    "+w",
    "+99999999999y",
    "+99999999999999999999999999d",
    "25",
    "202",
    "20250605",
    "05062025",
    "5-6-25",
    "0000",
    "10000",
    "vrijdag 5 juni 2025",
    "Friday 5 June 2025",
    "donderdag juni 2025",
    "ma 2025",
    "5 juno 2025",
    "5 juni 2025 extra",
    "today 5 juni 2025",
    "\u0662\u0660\u0662\u0665",
    "24-25 juni 2025",
]

NOT_A_RANGE = [
    "",
    "soon",
    "10 en 9 juni 2025",
    "25-24 juni 2025",
    "2 juli - 30 juni 2025",
    "2026 - 2025",
    "+2w..today",
    "24-25 juni",
    "29 december - 2 januari 2026",
    "30 juni - 31 juni 2025",
    "1-2-3-2025",
    "2025-06-2026",
    "24 tot 25 juni 2025",
    "24 - 25",
    "maandag 24 en woensdag 25 juni 2025",
    "2025-06-05-01",
    "24 -25 juni 2025",
]


@pytest.mark.parametrize("text", NOT_A_DATE)
def test_refused_dates(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_partial(text, today=TODAY)
    message = str(caught.value)
    assert repr(text) in message
    assert "\n" not in message
    with pytest.raises(DateError):
        parse_date(text, today=TODAY)


@pytest.mark.parametrize("text", NOT_A_RANGE)
def test_refused_ranges(text: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_range(text, today=TODAY)
    assert repr(text) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_backwards_range_says_so() -> None:
    with pytest.raises(DateError, match="before it starts"):
        parse_range("10 en 9 juni 2025", today=TODAY)


def test_missing_year_says_so() -> None:
    for text in ["5 juni", "juni", "24-25 juni"]:
        with pytest.raises(DateError, match="year is missing"):
            parse_range(text, today=TODAY)


def test_wrong_weekday_says_which_day_it_is() -> None:
    with pytest.raises(DateError, match="Thursday, not a Friday"):
        parse_date("vrijdag 5 juni 2025", today=TODAY)


@pytest.mark.parametrize(
    ("text", "precision"),
    [("juni 2025", "month"), ("2026", "year"), ("2025-Q3", "quarter"), ("2025-W26", "week")],
)
def test_parse_date_needs_a_full_day(text: str, precision: str) -> None:
    with pytest.raises(DateError, match=f"full day is needed, not a whole {precision}") as caught:
        parse_date(text, today=TODAY)
    assert repr(text) in str(caught.value)


def test_error_message_shape() -> None:
    with pytest.raises(DateError) as caught:
        parse_partial("soon", today=TODAY)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == (
        "cannot read 'soon' as a date; use e.g. 2025-06-05, 5 juni 2025, 05-06-2025, "
        "juni 2025, 2025-Q3, 2026, today, +2w"
    )
    assert caught.value.text == "soon"


def _examples(message: str) -> list[str]:
    return message.split("; use e.g. ", 1)[1].split(", ")


def test_every_example_in_the_messages_is_accepted() -> None:
    with pytest.raises(DateError) as partial:
        parse_partial("soon", today=TODAY)
    with pytest.raises(DateError) as full_day:
        parse_date("soon", today=TODAY)
    with pytest.raises(DateError) as span:
        parse_range("soon", today=TODAY)
    for text in _examples(str(partial.value)):
        parse_partial(text, today=TODAY)
    for text in _examples(str(full_day.value)):
        parse_date(text, today=TODAY)
    for text in _examples(str(span.value)):
        parse_range(text, today=TODAY)


# --- the dateutil traps ---------------------------------------------------------------------


def test_dateutil_trap_iso_with_dayfirst() -> None:
    from dateutil import parser

    assert parser.parse("2025-06-05", dayfirst=True).date() == date(2025, 5, 6)  # the trap
    for today in OTHER_TODAYS:
        assert parse_date("2025-06-05", today=today) == date(2025, 6, 5)
        assert parse_date("2025-06-12", today=today) == date(2025, 6, 12)


def test_dateutil_trap_bare_year() -> None:
    for today in [*OTHER_TODAYS, date(2026, 3, 17)]:
        found = parse_partial("2026", today=today)
        assert found == PartialDate("year", 2026)
        assert found.canonical() == "2026"
        assert (found.first_day, found.last_day) == (date(2026, 1, 1), date(2026, 12, 31))


# --- PartialDate ----------------------------------------------------------------------------

SPANS: list[tuple[PartialDate, date, date]] = [
    (PartialDate("year", 2024), date(2024, 1, 1), date(2024, 12, 31)),
    (PartialDate("year", 9999), date(9999, 1, 1), date(9999, 12, 31)),
    (PartialDate("quarter", 2024, 1), date(2024, 1, 1), date(2024, 3, 31)),
    (PartialDate("quarter", 2025, 2), date(2025, 4, 1), date(2025, 6, 30)),
    (PartialDate("quarter", 2025, 3), date(2025, 7, 1), date(2025, 9, 30)),
    (PartialDate("quarter", 2025, 4), date(2025, 10, 1), date(2025, 12, 31)),
    (PartialDate("quarter", 9999, 4), date(9999, 10, 1), date(9999, 12, 31)),
    (PartialDate("month", 2024, 2), date(2024, 2, 1), date(2024, 2, 29)),
    (PartialDate("month", 2025, 2), date(2025, 2, 1), date(2025, 2, 28)),
    (PartialDate("month", 1900, 2), date(1900, 2, 1), date(1900, 2, 28)),
    (PartialDate("month", 2000, 2), date(2000, 2, 1), date(2000, 2, 29)),
    (PartialDate("month", 2025, 4), date(2025, 4, 1), date(2025, 4, 30)),
    (PartialDate("month", 2025, 12), date(2025, 12, 1), date(2025, 12, 31)),
    (PartialDate("week", 2025, 1), date(2024, 12, 30), date(2025, 1, 5)),
    (PartialDate("week", 2021, 1), date(2021, 1, 4), date(2021, 1, 10)),
    (PartialDate("week", 2025, 26), date(2025, 6, 23), date(2025, 6, 29)),
    (PartialDate("week", 2020, 53), date(2020, 12, 28), date(2021, 1, 3)),
    (PartialDate("week", 2026, 53), date(2026, 12, 28), date(2027, 1, 3)),
    (PartialDate("week", 1, 1), date(1, 1, 1), date(1, 1, 7)),
    (PartialDate("day", 2024, 2, 29), date(2024, 2, 29), date(2024, 2, 29)),
]


@pytest.mark.parametrize(("partial", "first", "last"), SPANS)
def test_first_and_last_day(partial: PartialDate, first: date, last: date) -> None:
    assert (partial.first_day, partial.last_day) == (first, last)


@pytest.mark.parametrize(
    ("partial", "text"),
    [
        (PartialDate("year", 2026), "2026"),
        (PartialDate("year", 5), "0005"),
        (PartialDate("quarter", 2025, 3), "2025-Q3"),
        (PartialDate("month", 2025, 6), "2025-06"),
        (PartialDate("week", 2025, 26), "2025-W26"),
        (PartialDate("week", 2025, 1), "2025-W01"),
        (PartialDate("day", 2025, 6, 5), "2025-06-05"),
    ],
)
def test_canonical(partial: PartialDate, text: str) -> None:
    assert partial.canonical() == text
    assert PartialDate.from_canonical(text) == partial


@pytest.mark.parametrize(
    "text",
    [
        "",
        " 2025",
        "2025 ",
        "25",
        "2025-6",
        "2025-q3",
        "2025-Q03",
        "2025-Q5",
        "2025-W1",
        "2025-w26",
        "2025-W53",
        "2025-06-5",
        "2025-13",
        "2025-02-29",
        "juni 2025",
        "05-06-2025",
        "\u0662\u0660\u0662\u0665",
    ],
)
def test_from_canonical_is_strict(text: str) -> None:
    with pytest.raises(ValueError, match=r"canonical|no |there is"):
        PartialDate.from_canonical(text)


@pytest.mark.parametrize(
    ("precision", "year", "number", "day_number"),
    [
        ("year", 2025, 1, 0),
        ("year", 0, 0, 0),
        ("year", 10000, 0, 0),
        ("quarter", 2025, 0, 0),
        ("quarter", 2025, 5, 0),
        ("month", 2025, 13, 0),
        ("month", 2025, 6, 5),
        ("week", 2025, 53, 0),
        ("week", 2026, 54, 0),
        ("week", 2025, 0, 0),
        ("week", 9999, 52, 0),
        ("day", 2025, 2, 29),
        ("day", 2024, 2, 30),
        ("day", 2025, 6, 0),
        ("day", 2025, 0, 1),
        ("decade", 2025, 0, 0),
    ],
)
def test_impossible_partial_dates(precision: str, year: int, number: int, day_number: int) -> None:
    with pytest.raises(ValueError, match=r"."):
        PartialDate(precision, year, number, day_number)  # type: ignore[arg-type]


def test_partial_date_is_frozen_and_hashable() -> None:
    found = parse_partial("juni 2025", today=TODAY)
    assert {found, PartialDate("month", 2025, 6)} == {found}
    with pytest.raises(AttributeError):
        found.year = 2026  # type: ignore[misc]


# --- DateRange and formatting ---------------------------------------------------------------


def test_date_range_is_ordered() -> None:
    with pytest.raises(ValueError, match="before"):
        DateRange(date(2025, 6, 25), date(2025, 6, 24))


def test_format_day_and_range() -> None:
    assert format_day(JUNE_5) == "2025-06-05"
    assert format_day(date(5, 1, 2)) == "0005-01-02"
    assert format_range(JUNE_5, JUNE_5) == "2025-06-05"
    assert format_range(date(2025, 6, 24), date(2025, 6, 25)) == "2025-06-24 \u2013 2025-06-25"
    with pytest.raises(ValueError, match="before"):
        format_range(date(2025, 6, 25), date(2025, 6, 24))


def test_help_is_one_plain_paragraph() -> None:
    assert HELP.strip() == HELP
    assert "\n" not in HELP
    assert not set(HELP) & set("[]*`_<>")
    for form in ["2025-06-05", "5 juni 2025", "05-06-2025", "2025-Q3", "+2w", "t/m", "never"]:
        assert form in HELP


# --- import cost ----------------------------------------------------------------------------

_IMPORT_CHECK = """
import sys
from datetime import date

import navo_agenda.dates as dates

assert "dateutil" not in sys.modules, sorted(m for m in sys.modules if "dateutil" in m)
today = date(2025, 1, 1)
assert dates.parse_date("2025-06-05", today=today) == date(2025, 6, 5)
assert dates.parse_date("05-06-2025", today=today) == date(2025, 6, 5)
assert dates.parse_date("donderdag 5 juni 2025", today=today) == date(2025, 6, 5)
assert dates.parse_partial("2025-Q3", today=today).precision == "quarter"
assert dates.parse_range("24-25 juni 2025", today=today).end == date(2025, 6, 25)
assert dates.parse_date("tomorrow", today=today) == date(2025, 1, 2)
assert "dateutil" not in sys.modules, sorted(m for m in sys.modules if "dateutil" in m)
assert dates.parse_date("+1m", today=today) == date(2025, 2, 1)
assert "dateutil.relativedelta" in sys.modules
assert "dateutil.parser" not in sys.modules
"""


def test_import_and_plain_parsing_do_not_load_dateutil() -> None:
    src = Path(navo_agenda.dates.__file__).resolve().parents[1]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# --- properties -----------------------------------------------------------------------------

DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
TODAYS = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    precision: Precision = draw(st.sampled_from(["year", "quarter", "month", "week", "day"]))
    if precision == "day":
        return PartialDate.of_day(draw(DATES))
    year = draw(st.integers(min_value=1, max_value=9999))
    if precision == "year":
        return PartialDate("year", year)
    if precision == "quarter":
        return PartialDate("quarter", year, draw(st.integers(min_value=1, max_value=4)))
    if precision == "month":
        return PartialDate("month", year, draw(st.integers(min_value=1, max_value=12)))
    # the last ISO week of 9999 ends in the year 10000, which date cannot hold
    weeks = 51 if year == 9999 else date(year, 12, 28).isocalendar().week
    return PartialDate("week", year, draw(st.integers(min_value=1, max_value=weeks)))


@FAST
@given(partial_dates(), TODAYS)
def test_canonical_round_trips(partial: PartialDate, today: date) -> None:
    text = partial.canonical()
    assert PartialDate.from_canonical(text) == partial
    assert parse_partial(text, today=today) == partial
    assert parse_range(text, today=today) == DateRange(partial.first_day, partial.last_day)
    assert partial.first_day <= partial.last_day


def renderings(d: date) -> list[str]:
    year = f"{d.year:04d}"
    nl, nl_short = NL_MONTHS[d.month - 1], NL_SHORT[d.month - 1]
    en, en_short = EN_MONTHS[d.month - 1], EN_SHORT[d.month - 1]
    return [
        d.isoformat(),
        f"{year}-{d.month}-{d.day}",
        f"{d.day} {nl} {year}",
        f"{d.day:02d} {nl} {year}",
        f"{d.day} {nl_short} {year}",
        f"{d.day} {nl_short}. {year}",
        f"{d.day} {nl.upper()} {year}",
        f"{d.day} {en} {year}",
        f"{d.day} {en_short} {year}",
        f"{en} {d.day}, {year}",
        f"{d.day:02d}-{d.month:02d}-{year}",
        f"{d.day}-{d.month}-{year}",
        f"{d.day:02d}/{d.month:02d}/{year}",
        f"{d.day}.{d.month}.{year}",
        f"{NL_WEEKDAYS[d.weekday()]} {d.day} {nl} {year}",
        f"{EN_WEEKDAYS[d.weekday()]}, {en} {d.day}, {year}",
    ]


@FAST
@given(DATES, TODAYS)
def test_every_rendering_of_a_day_reads_back(d: date, today: date) -> None:
    for text in renderings(d):
        assert parse_date(text, today=today) == d, text


@FAST
@given(DATES, TODAYS)
def test_iso_is_never_swapped(d: date, today: date) -> None:
    assert parse_partial(d.isoformat(), today=today) == PartialDate.of_day(d)


@FAST
@given(DATES, DATES)
def test_formatted_ranges_read_back(a: date, b: date) -> None:
    start, end = min(a, b), max(a, b)
    assert parse_range(format_range(start, end), today=TODAY) == DateRange(start, end)


RELATIVE_FRAGMENTS = ["today", "morgen", "+2w", "-3d", "+1m"]
MONTH_WORDS = [*NL_MONTHS, *NL_SHORT, *(m.lower() for m in EN_MONTHS), "mrt", "maa", "sept"]
FRAGMENTS = st.sampled_from(
    [
        *["1", "5", "05", "6", "06", "12", "13", "24", "25", "26", "29", "31", "32", "53"],
        *["2", "0", "99", "202", "2025", "2026", "2024", "1999", "0000", "20250"],
        *["juni", "jun.", "June", "mei", "mrt", "dec", "december", "Sept", "okt"],
        *["q", "Q3", "q5", "w", "W", "week", "wk"],
        *["-", "/", ".", "..", ",", "t/m", "en", "to", "\u2013"],
        *["donderdag", "thu", "x"],
        *RELATIVE_FRAGMENTS,
    ]
)
LOOSE_TEXTS = st.lists(st.tuples(FRAGMENTS, st.sampled_from(["", " "])), max_size=6).map(
    lambda parts: "".join(fragment + gap for fragment, gap in parts)
)
# Shaped like the accepted forms, so that a good share of them are read and then checked, with
# numbers and separators just inside and just outside what is valid.
SMALL = st.one_of(
    st.integers(min_value=1, max_value=12).map(str),
    st.integers(min_value=0, max_value=40).map(lambda n: f"{n:02d}"),
)
YEARS = st.one_of(
    st.sampled_from(["2024", "2025", "2026", "1999"]),
    st.sampled_from(["0000", "202", "20250", "25"]),
)
MONTH_NAMES = st.sampled_from(["juni", "jun.", "June", "mrt", "feb", "Sept", "okt", "mei"])
NUMERIC_SEPS = st.sampled_from(["-", "/", "."])
ANY_SEPS = st.sampled_from([" ", "-", "/", ".", ", ", ""])
PREFIXES = st.sampled_from(["q", "Q", "w", "W", "week ", "wk "])
WEEKDAYS = st.sampled_from(["donderdag ", "thu, ", "ma ", "Friday "])


def _shape(template: str, *parts: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(*parts).map(lambda drawn: template.format(*drawn))


SHAPED_TEXTS = st.one_of(
    _shape("{0}{1}{2}{1}{3}", SMALL, NUMERIC_SEPS, SMALL, YEARS),
    _shape("{0}{1}{2}{1}{3}", YEARS, NUMERIC_SEPS, SMALL, SMALL),
    _shape("{0}{1}{2}{3}{4}", SMALL, ANY_SEPS, st.one_of(SMALL, MONTH_NAMES), ANY_SEPS, YEARS),
    _shape("{0} {1} {2}", SMALL, MONTH_NAMES, YEARS),
    _shape("{0} {1}, {2}", MONTH_NAMES, SMALL, YEARS),
    _shape("{0}{1} {2} {3}", WEEKDAYS, SMALL, MONTH_NAMES, YEARS),
    _shape("{0} {1}", MONTH_NAMES, YEARS),
    _shape("{0}-{1}", YEARS, SMALL),
    _shape("{0}{1}{2}{3}", PREFIXES, SMALL, ANY_SEPS, YEARS),
    _shape("{0}{1}{2}{3}", YEARS, ANY_SEPS, PREFIXES, SMALL),
    YEARS,
)
TEXTS = st.one_of(SHAPED_TEXTS, LOOSE_TEXTS)


def _small_numbers(text: str) -> set[int]:
    return {int(run) for run in re.findall(r"[0-9]+", text) if len(run) <= 2}


def _attempt(text: str, today: date) -> PartialDate | str:
    try:
        return parse_partial(text, today=today)
    except DateError as error:
        return str(error)


@FAST
@given(TEXTS, TODAYS, TODAYS)
def test_nothing_is_invented(text: str, today: date, other_today: date) -> None:
    found = _attempt(text, today)
    lowered = text.lower()
    if any(fragment in lowered for fragment in RELATIVE_FRAGMENTS):
        assert isinstance(found, str) or found.precision == "day"
        return
    assert _attempt(text, other_today) == found
    if isinstance(found, str):
        assert repr(text) in found
        return
    assert f"{found.year:04d}" in re.findall(r"[0-9]+", text)
    numbers = _small_numbers(text)
    month_named = any(re.search(rf"\b{word}\b", lowered) for word in MONTH_WORDS)
    if found.precision == "day":
        assert found.day in numbers
        assert month_named or found.number in numbers
    elif found.precision == "month":
        assert month_named or found.number in numbers
    elif found.precision == "quarter":
        assert "q" in lowered
        assert found.number in numbers
    elif found.precision == "week":
        assert "w" in lowered
        assert found.number in numbers
