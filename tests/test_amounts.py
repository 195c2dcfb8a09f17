"""Tests for the one amount reader: every accepted form, every refusal, and the promises behind them
(amounts exact, ambiguous separators never guessed, what is written is read back)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import navo_agenda.amounts
from navo_agenda.amounts import (
    HELP,
    AmountError,
    Money,
    canonical,
    format_amount,
    parse_amount,
)

FAST = settings(max_examples=200, deadline=None, database=None)


def eur(text: str) -> Money:
    return Money(Decimal(text), "EUR")


# --- accepted forms -------------------------------------------------------------------------

ACCEPTED: list[tuple[str, Money]] = [
    # the founding letter
    ("€3,5 miljard", eur("3500000000")),
    ("EUR 500 miljoen", eur("500000000")),
    # plain numbers and a single decimal mark followed by 1, 2 or more than 3 digits
    ("3500000000 EUR", eur("3500000000")),
    ("3,5 EUR", eur("3.5")),
    ("3.5 EUR", eur("3.5")),
    ("3,50 EUR", eur("3.5")),
    ("0,25 EUR", eur("0.25")),
    ("1234,5678 EUR", eur("1234.5678")),
    ("3.5000 EUR", eur("3.5")),
    ("0 EUR", eur("0")),
    ("0,00 EUR", eur("0")),
    ("0500 EUR", eur("500")),
    # three digits after a single mark where no grouping could be meant
    ("0.125 EUR", eur("0.125")),
    ("0,500 EUR", eur("0.5")),
    ("1234.567 EUR", eur("1234.567")),
    # Dutch and English grouping, and both together with the last one as the decimal mark
    ("3.500.000 EUR", eur("3500000")),
    ("3,500,000 EUR", eur("3500000")),
    ("1.234,56 EUR", eur("1234.56")),
    ("1,234.56 EUR", eur("1234.56")),
    ("1.234.567,891 EUR", eur("1234567.891")),
    ("1,234,567.8 EUR", eur("1234567.8")),
    ("1.000,00 EUR", eur("1000")),
    # spaces as grouping, and then the one '.' or ',' is the decimal mark
    ("3 500 000 EUR", eur("3500000")),
    ("3\u00a0500\u00a0000 EUR", eur("3500000")),
    ("3\u202f500\u202f000 EUR", eur("3500000")),
    ("3\u2009500 EUR", eur("3500")),
    ("1 234,56 EUR", eur("1234.56")),
    ("1 234.567 EUR", eur("1234.567")),
    # multipliers, Dutch and English, with and without a space, exact
    ("3,5 duizend EUR", eur("3500")),
    ("3,5 miljoen EUR", eur("3500000")),
    ("3,5 mln EUR", eur("3500000")),
    ("3,5 mln. EUR", eur("3500000")),
    ("3,5mln EUR", eur("3500000")),
    ("3,5 miljard EUR", eur("3500000000")),
    ("3,5 mld EUR", eur("3500000000")),
    ("3,5 mld. EUR", eur("3500000000")),
    ("3,5 mrd EUR", eur("3500000000")),
    ("3.5 thousand EUR", eur("3500")),
    ("500k EUR", eur("500000")),
    ("2.5 million USD", Money(Decimal("2500000"), "USD")),
    ("2.5m USD", Money(Decimal("2500000"), "USD")),
    ("2.5 mn USD", Money(Decimal("2500000"), "USD")),
    ("1.2 billion USD", Money(Decimal("1200000000"), "USD")),
    ("1.2bn USD", Money(Decimal("1200000000"), "USD")),
    ("1.2 b USD", Money(Decimal("1200000000"), "USD")),
    ("3 duizend miljard EUR", eur("3000000000000")),
    ("1,234.5 million USD", Money(Decimal("1234500000"), "USD")),
    ("0,000001 miljard EUR", eur("1000")),
    ("1,23456789 miljard EUR", eur("1234567890")),
    # currencies: codes, symbols and words, before or after, attached or spaced, any case
    ("500 miljoen EUR", eur("500000000")),
    ("eur 5", eur("5")),
    ("EUR5", eur("5")),
    ("5eur", eur("5")),
    ("€ 3,5 miljard", eur("3500000000")),
    ("3,5 miljard €", eur("3500000000")),
    ("3,5 miljard€", eur("3500000000")),
    ("€3,5", eur("3.5")),
    ("$1,234.56", Money(Decimal("1234.56"), "USD")),
    ("$ 2 bn", Money(Decimal("2000000000"), "USD")),
    ("£10m", Money(Decimal("10000000"), "GBP")),
    ("5 euro", eur("5")),
    ("5 Euros", eur("5")),
    ("10 dollar", Money(Decimal("10"), "USD")),
    ("10 DOLLARS", Money(Decimal("10"), "USD")),
    ("NOK 1,5 mrd", Money(Decimal("1500000000"), "NOK")),
    ("300 mln CAD", Money(Decimal("300000000"), "CAD")),
    ("  EUR   3,5   MILJARD  ", eur("3500000000")),
    ("\t€3,5 Miljard\n", eur("3500000000")),
    # the largest amount there is room for: 30 digits
    ("999999999999999999999 miljard EUR", eur("999999999999999999999000000000")),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_forms(text: str, expected: Money) -> None:
    result = parse_amount(text)
    assert result == expected
    assert result.amount.as_tuple() == expected.amount.as_tuple()  # same digits, same exponent
    assert isinstance(result.amount, Decimal)


def test_amounts_are_plain_decimals() -> None:
    money = parse_amount("€3,5 miljard")
    assert str(money.amount) == "3500000000"
    assert str(parse_amount("1,50 EUR").amount) == "1.5"
    assert str(parse_amount("3.000.000 EUR").amount) == "3000000"


def test_money_is_exact_beyond_the_decimal_context() -> None:
    # 30 digits, more than the default context's 28: nothing may be rounded on the way
    money = parse_amount("123.456.789.012.345.678.901.234.567.890 EUR")
    assert canonical(money.amount) == "123456789012345678901234567890"
    money = parse_amount("1,23456789012345678901234567891 miljard EUR")
    assert canonical(money.amount) == "1234567890.12345678901234567891"


DEFAULTS: list[tuple[str, str, Money]] = [
    ("3,5 miljard", "EUR", eur("3500000000")),
    ("3,5 miljard", "eur", eur("3500000000")),
    ("3,5 miljard", "€", eur("3500000000")),
    ("12", "USD", Money(Decimal("12"), "USD")),
    # the default is only used when the text has no currency
    ("$12", "EUR", Money(Decimal("12"), "USD")),
    ("12 GBP", "EUR", Money(Decimal("12"), "GBP")),
]


@pytest.mark.parametrize(("text", "default", "expected"), DEFAULTS)
def test_default_currency(text: str, default: str, expected: Money) -> None:
    assert parse_amount(text, default_currency=default) == expected


@pytest.mark.parametrize("default", ["", "XYZ", "euros and dollars", "EURO2"])
def test_unknown_default_currency_is_a_programming_error(default: str) -> None:
    with pytest.raises(ValueError, match="default currency") as info:
        parse_amount("5 EUR", default_currency=default)
    assert not isinstance(info.value, AmountError)


# --- refusals -------------------------------------------------------------------------------

REFUSED: list[tuple[str, str]] = [
    # nothing there
    ("", "empty"),
    ("   ", "empty"),
    ("EUR", "no number"),
    ("miljard", "no number"),
    # no currency and no default
    ("3,5 miljard", "no currency"),
    ("500", "no currency"),
    # ambiguous: a single separator and exactly three digits, multiplier or not
    ("3,500 EUR", "could be 3.5 or 3500"),
    ("3.500 EUR", "could be 3.5 or 3500"),
    ("1.000 EUR", "could be 1 or 1000"),
    ("1,000 EUR", "could be 1 or 1000"),
    ("999,999 EUR", "could be 999.999 or 999999"),
    ("3,500 miljard EUR", "could be 3.5 or 3500"),
    ("€1.234", "could be 1.234 or 1234"),
    # percentages are not money
    ("2,2%", "percentage"),
    ("2.2 %", "percentage"),
    ("5% bbp", "percentage"),
    ("2 procent EUR", "percentage"),
    ("2 percent", "percentage"),
    # negative numbers
    ("-5 EUR", "negative"),
    ("EUR -5", "negative"),
    ("€ \u22125", "negative"),
    ("\u2013 3,5 miljard EUR", "negative"),
    # bad grouping and malformed numbers
    ("3,5,0 EUR", "not grouped in thousands"),
    ("1.23.4 EUR", "not grouped in thousands"),
    ("1.2345.678 EUR", "not grouped in thousands"),
    ("1234.567.890 EUR", "not grouped in thousands"),
    ("01.234.567 EUR", "not grouped in thousands"),
    ("12 34 EUR", "not grouped in thousands"),
    ("1,23.45 EUR", "not grouped in thousands"),
    ("1.234,567.8 EUR", "can occur only once"),
    ("1,234.567,8 EUR", "can occur only once"),
    ("1.234 567 EUR", "a space comes after '.'"),
    ("1 234.567,8 EUR", "mixes spaces"),
    ("3,,5 EUR", "separators stand between digits"),
    ("3.,5 EUR", "separators stand between digits"),
    ("5. EUR", "separators stand between digits"),
    ("EUR 5,", "separators stand between digits"),
    (",5 EUR", "cannot start with ','"),
    (".5 EUR", "cannot start with '.'"),
    # letters that are neither multiplier nor currency
    ("5 appels EUR", "neither a multiplier nor a currency"),
    ("3,5 biljoen EUR", "neither a multiplier nor a currency"),
    ("5 XYZ", "neither a multiplier nor a currency"),
    ("five EUR", "neither a multiplier nor a currency"),
    ("5 miljard. EUR", "'.' is not part of an amount"),
    ("5 EUR.", "'.' is not part of an amount"),
    ("5 ¥", "'¥' is not part of an amount"),
    ("+5 EUR", "'+' is not part of an amount"),
    ("\u0665 EUR", "not part of an amount"),
    ("\uff15 EUR", "not part of an amount"),
    # two currencies, two numbers, too many multipliers, multipliers or currency out of place
    ("€5 EUR", "more than one currency"),
    ("EUR 5 USD", "more than one currency"),
    ("5 euro €", "more than one currency"),
    ("5 EUR 6", "more than one number"),
    ("3 miljoen 5 EUR", "more than one number"),
    ("5 - 6 EUR", "'-' is not part of an amount"),
    ("1 duizend miljoen miljard EUR", "more than two multipliers"),
    ("miljoen 5 EUR", "must follow the number"),
    ("5 EUR miljoen", "must come before the number or at the end"),
    # too many digits
    ("1234567890123456789012345678901 EUR", "more than 30 digits"),
    ("1000000000000000000000 miljard EUR", "more than 30 digits"),
    ("1 miljard miljard miljard miljard EUR", "more than two multipliers"),
    ("0,1234567890123456789012345678901 EUR", "more than 30 digits"),
    # not numbers at all, and exponents
    ("NaN EUR", "is not a number"),
    ("Infinity EUR", "is not a number"),
    ("inf", "is not a number"),
    ("1e9 EUR", "exponent notation"),
    ("1E9 EUR", "exponent notation"),
    ("1.5e+9 EUR", "exponent notation"),
    ("EUR 2e-3", "exponent notation"),
]


@pytest.mark.parametrize(("text", "reason"), REFUSED)
def test_refused_forms(text: str, reason: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    message = str(info.value)
    assert reason in message
    assert repr(text) in message
    assert message.startswith(f"cannot read {text!r} as an amount: ")
    assert "\n" not in message
    assert info.value.text == text


def test_refused_even_with_a_default_currency() -> None:
    for text, reason in REFUSED:
        if reason == "no currency":
            continue
        with pytest.raises(AmountError):
            parse_amount(text, default_currency="EUR")


def test_ambiguity_message_offers_both_readings() -> None:
    with pytest.raises(AmountError) as info:
        parse_amount("3,500 EUR")
    assert str(info.value) == (
        "cannot read '3,500 EUR' as an amount: '3,500' could be 3.5 or 3500; "
        "write 3,5 or 3500 (or 3.500,00)"
    )
    with pytest.raises(AmountError) as info:
        parse_amount("1.234 EUR")
    assert str(info.value).endswith("write 1.2340 or 1234 (or 1.234,00)")
    with pytest.raises(AmountError) as info:
        parse_amount("2,000 miljard EUR")
    assert str(info.value).endswith("could be 2 or 2000; write 2 or 2000 (or 2.000,00)")


def test_every_suggestion_in_an_ambiguity_message_is_read() -> None:
    for text in ["3,500", "3.500", "1.234", "2,000", "120,010"]:
        with pytest.raises(AmountError) as info:
            parse_amount(text, default_currency="EUR")
        suggestions = str(info.value).split("; write ")[1]
        first, rest = suggestions.split(" or ", 1)
        second, third = rest.split(" (or ")
        readings = {parse_amount(s, default_currency="EUR").amount for s in (first, second)}
        assert len(readings) == 2, text
        assert parse_amount(third.rstrip(")"), default_currency="EUR").amount in readings


def test_error_is_a_value_error() -> None:
    assert issubclass(AmountError, ValueError)


# --- canonical and format_amount ------------------------------------------------------------

CANONICAL: list[tuple[Decimal, str]] = [
    (Decimal("3.5E+9"), "3500000000"),
    (Decimal("3500000000"), "3500000000"),
    (Decimal("1234.50"), "1234.5"),
    (Decimal("1234.5"), "1234.5"),
    (Decimal("0.25"), "0.25"),
    (Decimal("0.000"), "0"),
    (Decimal("0E+3"), "0"),
    (Decimal("-0"), "0"),
    (Decimal("1E-7"), "0.0000001"),
    (Decimal("100"), "100"),
    (Decimal("1E+2"), "100"),
    (Decimal("123456789012345678901234567890.5"), "123456789012345678901234567890.5"),
]


@pytest.mark.parametrize(("amount", "expected"), CANONICAL)
def test_canonical(amount: Decimal, expected: str) -> None:
    assert canonical(amount) == expected


@pytest.mark.parametrize(
    "amount", [Decimal("-1"), Decimal("-0.01"), Decimal("NaN"), Decimal("Inf")]
)
def test_canonical_refuses_what_is_never_an_amount(amount: Decimal) -> None:
    with pytest.raises(ValueError, match="negative|finite"):
        canonical(amount)


FORMATTED: list[tuple[Money, str]] = [
    (eur("3500000000"), "3 500 000 000 EUR"),
    (eur("3.5E+9"), "3 500 000 000 EUR"),
    (eur("1234.5"), "1 234.5 EUR"),
    (eur("1234.50"), "1 234.5 EUR"),
    (Money(Decimal("0.25"), "USD"), "0.25 USD"),
    (eur("0"), "0 EUR"),
    (eur("0.00"), "0 EUR"),
    (eur("999"), "999 EUR"),
    (eur("1000"), "1 000 EUR"),
    (eur("100000"), "100 000 EUR"),
    (eur("0.125"), "0.125 EUR"),
    (eur("1234.567"), "1 234.567 EUR"),
    # the one case that needs a fourth decimal so as not to be ambiguous
    (eur("1.234"), "1.2340 EUR"),
    (eur("999.999"), "999.9990 EUR"),
    (eur("1.2345"), "1.2345 EUR"),
]


@pytest.mark.parametrize(("money", "expected"), FORMATTED)
def test_format_amount(money: Money, expected: str) -> None:
    assert format_amount(money) == expected
    assert parse_amount(expected) == money


@pytest.mark.parametrize(
    "money",
    [
        eur("-1"),
        eur("NaN"),
        Money(Decimal(1), "eur"),
        Money(Decimal(1), "EURO"),
        Money(Decimal(1), ""),
    ],
)
def test_format_amount_refuses_what_is_never_stored(money: Money) -> None:
    with pytest.raises(ValueError, match="ISO 4217|negative|finite"):
        format_amount(money)


def test_help_is_one_plain_paragraph() -> None:
    assert HELP.strip() == HELP
    assert "\n" not in HELP
    assert not set(HELP) & set("[]*`_<>")
    for form in ["3,5", "1.234,56", "1,234.56", "3 500 000", "miljard", "billion", "€", "EUR"]:
        assert form in HELP
    for example in re.findall(r"€3,5 miljard|EUR 500 miljoen|500 mln USD", HELP):
        parse_amount(example)
    assert "3,500" in HELP
    assert "refused" in HELP


# --- import cost ----------------------------------------------------------------------------

_IMPORT_CHECK = """
import sys

before = set(sys.modules)
import navo_agenda.amounts as amounts

loaded = sorted(set(sys.modules) - before)
foreign = [
    name for name in loaded
    if name.partition(".")[0] not in sys.stdlib_module_names
    and name not in ("navo_agenda", "navo_agenda.amounts")
]
assert not foreign, foreign
heavy = [name for name in loaded if name.partition(".")[0] in ("dateutil", "sqlalchemy", "rich")]
assert not heavy, heavy
assert amounts.parse_amount("€3,5 miljard").amount == amounts.Decimal("3500000000")
"""


def test_import_loads_only_the_standard_library() -> None:
    src = Path(navo_agenda.amounts.__file__).resolve().parents[1]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_CHECK], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# --- properties -----------------------------------------------------------------------------

CURRENCIES = st.sampled_from(["EUR", "USD", "GBP", "NOK", "CAD", "JPY"])
AMOUNTS = st.decimals(
    min_value=0, max_value=Decimal("999999999999999.99"), places=2, allow_nan=False
)


def dutch(amount: Decimal) -> str:
    return f"{amount:,.2f}".translate(str.maketrans(",.", ".,"))


def english(amount: Decimal) -> str:
    return f"{amount:,.2f}"


@FAST
@given(AMOUNTS, CURRENCIES)
def test_format_then_parse_gives_the_same_money(amount: Decimal, currency: str) -> None:
    money = Money(amount, currency)
    assert parse_amount(format_amount(money)) == money


@FAST
@given(AMOUNTS)
def test_canonical_is_plain_and_exact(amount: Decimal) -> None:
    text = canonical(amount)
    assert re.fullmatch(r"\d+(\.\d+)?", text)
    assert Decimal(text) == amount
    assert not text.endswith("0") or "." not in text


@FAST
@given(AMOUNTS, CURRENCIES)
def test_dutch_and_english_renderings_agree(amount: Decimal, currency: str) -> None:
    for text in [
        f"{dutch(amount)} {currency}",
        f"{currency} {english(amount)}",
        f"{english(amount).replace(',', ' ')} {currency.lower()}",
    ]:
        assert parse_amount(text) == Money(amount, currency), text


# Amounts with more decimals than money usually has, up to the 30-digit limit, still read back.
WIDE_AMOUNTS = st.builds(
    lambda digits, places: Decimal(f"{digits}e-{places}"),
    st.integers(min_value=0, max_value=10**24 - 1),
    st.integers(min_value=0, max_value=6),
)


@FAST
@given(WIDE_AMOUNTS, CURRENCIES)
def test_format_round_trips_any_stored_amount(amount: Decimal, currency: str) -> None:
    money = Money(amount, currency)
    assert parse_amount(format_amount(money)) == money
    assert Decimal(canonical(amount)) == amount


@FAST
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=999))
def test_three_digits_after_one_separator_are_never_guessed(whole: int, part: int) -> None:
    for mark in ".,":
        with pytest.raises(AmountError, match="could be"):
            parse_amount(f"{whole}{mark}{part:03d} EUR")


@FAST
@given(AMOUNTS, st.sampled_from(list({"duizend": 3, "mln": 6, "miljard": 9, "bn": 9}.items())))
def test_multipliers_are_exact(amount: Decimal, multiplier: tuple[str, int]) -> None:
    word, power = multiplier
    money = parse_amount(f"€{dutch(amount)} {word}")
    assert money.amount == amount.scaleb(power)


FRAGMENTS = st.sampled_from(
    [
        *["0", "1", "3", "5", "12", "500", "1234", "000", "500", "999", "5000"],
        *[".", ",", " ", "\u00a0", "-", "+", "%", "e", "e9"],
        *["miljard", "mld.", "mln", "k", "bn", "duizend", "million"],
        *["EUR", "eur", "€", "$", "£", "euro", "USD", "xyz", "bbp", "nan"],
    ]
)
LOOSE_TEXTS = st.lists(FRAGMENTS, max_size=7).map("".join)


def read_or_refuse(text: str) -> Money | AmountError:
    try:
        return parse_amount(text, default_currency="EUR")
    except AmountError as error:
        return error


@FAST
@given(LOOSE_TEXTS)
def test_anything_is_either_read_or_refused_cleanly(text: str) -> None:
    money = read_or_refuse(text)
    if isinstance(money, AmountError):
        assert repr(text) in str(money)
        assert "\n" not in str(money)
        return
    assert money.amount >= 0
    assert str(money.amount) == canonical(money.amount)
    assert parse_amount(format_amount(money)) == money
