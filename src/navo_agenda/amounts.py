"""The one amount reader behind every CLI option that takes money.

Commitments in the government's letters carry money written the way Dutch and English texts write
it ("€3,5 miljard", "EUR 500 miljoen", "1.234,56 EUR", "$1,234.56"), and people type it the same
ways. The two conventions swap the roles of "." and ",", so the same text can mean numbers a
thousand times apart; if each command read amounts its own way, one of them would get it wrong
without anyone noticing. So there is exactly one reader and it lives here.

Three promises shape it. Amounts are exact: they are Decimals, built digit by digit, never
floats and never rounded by a decimal context, so "3,5 miljard" is exactly 3500000000. Nothing
is guessed: a single "." or "," followed by exactly three digits ("3,500", "1.000") is a decimal
mark in one convention and a thousands separator in the other, so it is refused with both
readings spelled out, and so is a text without a currency when no default was given. And what
format_amount writes, parse_amount reads back to the same amount.

Only re, decimal and typing are imported, because this module sits on the start-up path of the
commands that take an --amount.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal, NamedTuple

__all__ = ["HELP", "AmountError", "Money", "canonical", "format_amount", "parse_amount"]

HELP = (
    "Amounts are read exactly, as Dutch and English texts write them: 3500000000, 3,5 or 3.5, "
    "1.234,56 or 1,234.56, and 3.500.000, 3,500,000 or 3 500 000 with thousands separators. "
    "A multiplier may follow the number: duizend, miljoen (mln), miljard (mld, mrd), "
    "thousand (k), million (m, mn) or billion (bn, b); a billion is a thousand million, "
    "the same as a miljard. "
    "Give the currency once, before or after the amount, as an ISO code (EUR, USD, GBP), "
    "a symbol (€, $, £) or the word euro or dollar: €3,5 miljard, EUR 500 miljoen, 500 mln USD. "
    "Nothing is guessed: when both . and , occur the last one is the decimal mark, and a single "
    ". or , followed by exactly three digits, as in 3,500 or 1.000, could be either, so it is "
    "refused; write 3,5 or 3500 (or 3.500,00) instead. "
    "Percentages, negative amounts, exponents like 1e9 and amounts of more than 30 digits "
    "are not accepted."
)

_EXAMPLES = "write e.g. €3,5 miljard, EUR 500 miljoen, 1.234,56 EUR or $1,234.56"
_GROUPING = "write e.g. 3.500.000, 3,500,000 or 3 500 000, or leave the separators out"
_WORDS = (
    "multipliers are duizend, miljoen (mln), miljard (mld, mrd), thousand (k), million (m, mn) "
    "and billion (bn, b); currencies are ISO codes like EUR, the symbols €, $ and £, "
    "and the words euro and dollar"
)

_MAX_DIGITS = 30

# Powers of ten. A billion is 10^9 (short scale), which is what a Dutch "miljard" is too.
_MULTIPLIERS: dict[str, int] = {
    "duizend": 3,
    "thousand": 3,
    "k": 3,
    "miljoen": 6,
    "mln": 6,
    "million": 6,
    "m": 6,
    "mn": 6,
    "miljard": 9,
    "mld": 9,
    "mrd": 9,
    "billion": 9,
    "bn": 9,
    "b": 9,
}
# Abbreviations that may be written with a full stop ("500 mln.").
_ABBREVIATIONS = frozenset({"k", "mln", "m", "mn", "mld", "mrd", "bn", "b"})

_SYMBOLS: dict[str, str] = {"€": "EUR", "$": "USD", "£": "GBP"}
_CURRENCY_WORDS: dict[str, str] = {
    "euro": "EUR",
    "euros": "EUR",
    "dollar": "USD",
    "dollars": "USD",
}
# ISO 4217 codes of currencies and funds in use; the precious metals, bond units and the
# testing and no-currency codes (XAU, XBA, XTS, XXX, ...) are not money and are left out.
_ISO_CODES = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR
    IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD
    MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB
    PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD
    SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS
    VED VES VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG ZWL
    """.split()
)
_NOT_NUMBERS = frozenset({"nan", "inf", "infinity", "oneindig"})
_MINUS = "-\u2212\u2013\u2014"
# Spaces that may separate groups of thousands: plain, no-break, narrow no-break and thin.
_GROUP_SPACES = " \u00a0\u202f\u2009"

_NUMBER = re.compile(rf"[0-9][0-9.,]*(?:[{_GROUP_SPACES}][0-9][0-9.,]*)*")
_WORD = re.compile(r"[^\W\d_]+")
_EXPONENT = re.compile(r"[eE][+-]?[0-9]")
_PERCENT = re.compile(r"%|\b(?:procent|percent|pct)\b", re.IGNORECASE)
_SEPARATORS = re.compile(rf"[.,{_GROUP_SPACES}]")
_CODE_SHAPE = re.compile(r"[A-Z]{3}", re.ASCII)


class AmountError(ValueError):
    """An amount the reader cannot read.

    The message is a single line so that it fits the CLI's error output as is; it quotes the input,
    says what is wrong with it and what would be accepted, because the user's next step is to
    retype the amount.
    """

    def __init__(self, text: str, reason: str, hint: str = _EXAMPLES) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot read {text!r} as an amount: {reason}; {hint}")


class Money(NamedTuple):
    """An exact, non-negative amount in one currency.

    parse_amount always gives the amount in its plain normal form: no exponent, no trailing zeros
    after the decimal mark (Decimal('3500000000'), Decimal('1234.5')).
    """

    amount: Decimal
    currency: str


class _Bad(Exception):
    """The text cannot be read; reason and hint end up in the AmountError."""

    def __init__(self, reason: str, hint: str = _EXAMPLES) -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


class _Token(NamedTuple):
    kind: Literal["number", "multiplier", "currency"]
    raw: str
    currency: str = ""
    power: int = 0


def _plain(value: Decimal) -> Decimal:
    """The same value without exponent or trailing fractional zeros, computed on the digits
    themselves: Decimal.normalize() would round to the context's 28 digits."""
    sign, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int):
        raise ValueError(f"not a finite amount: {value}")
    kept = list(digits)
    if not any(kept):
        return Decimal(0)
    while kept[0] == 0:
        kept.pop(0)
    while exponent < 0 and kept[-1] == 0:
        kept.pop()
        exponent += 1
    if exponent > 0:
        kept.extend([0] * exponent)
        exponent = 0
    return Decimal((sign, tuple(kept), exponent))


def canonical(amount: Decimal) -> str:
    """The stored form: plain digits with "." as decimal mark, no exponent, no thousands
    separators and no trailing fractional zeros ('3500000000', '1234.5', '0')."""
    value = _plain(amount)
    if value < 0:
        raise ValueError(f"amounts are never negative: {amount}")
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)  # _plain refused everything else
    text = "".join(map(str, digits))
    if exponent == 0:
        return text
    text = text.rjust(1 - exponent, "0")
    return f"{text[:exponent]}.{text[exponent:]}"


def format_amount(money: Money) -> str:
    """The amount for people, e.g. '3 500 000 000 EUR', '1 234.5 EUR', '0.25 USD'.

    Thousands are grouped with a space and "." is the decimal mark, so the text means the same in
    Dutch and English and parse_amount reads it back. Fractional digits are those of the plain
    normal form: trailing zeros are dropped ('1,50 EUR' is shown as '1.5 EUR'). One case needs an
    extra zero: an amount from 1 to 999 with exactly three decimals ('1.234') would be ambiguous,
    so it is written '1.2340'.
    """
    amount, currency = money
    if not _CODE_SHAPE.fullmatch(currency):
        raise ValueError(f"not an ISO 4217 currency code: {currency!r}")
    whole, _, fraction = canonical(amount).partition(".")
    if len(fraction) == 3 and whole != "0" and len(whole) <= 3:
        fraction += "0"
    head = len(whole) % 3 or 3
    groups = [whole[:head], *(whole[i : i + 3] for i in range(head, len(whole), 3))]
    number = " ".join(groups)
    return f"{number}.{fraction} {currency}" if fraction else f"{number} {currency}"


def _currency_named(name: str) -> str | None:
    key = name.strip().lower()
    if key in _SYMBOLS:
        return _SYMBOLS[key]
    if key in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[key]
    if key.isascii() and key.upper() in _ISO_CODES:
        return key.upper()
    return None


def _tokens(text: str) -> list[_Token]:
    found: list[_Token] = []
    position = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
        elif char.isdigit() and (number := _NUMBER.match(text, position)):
            position = number.end()
            if exponent := _EXPONENT.match(text, position):
                written = text[number.start() : exponent.end()]
                raise _Bad(
                    f"exponent notation like {written!r} is not accepted",
                    "write the number out or use a multiplier, e.g. 1 miljard or 1 billion",
                )
            found.append(_Token("number", number.group()))
        elif char in _SYMBOLS:
            position += 1
            found.append(_Token("currency", char, _SYMBOLS[char]))
        elif word := _WORD.match(text, position):
            position = word.end()
            name = word.group().lower()
            if name in _ABBREVIATIONS and text.startswith(".", position):
                position += 1
            found.append(_word_token(name, text[word.start() : position]))
        elif char in _MINUS and not any(t.kind == "number" for t in found):
            raise _Bad("negative amounts are not accepted", "write the amount without a sign")
        elif char in ".," and text[position + 1 : position + 2].isdigit():
            raise _Bad(
                f"a number cannot start with {char!r}", f"write a 0 before it, e.g. 0{char}5"
            )
        else:
            raise _Bad(f"{char!r} is not part of an amount")
    return found


def _word_token(name: str, raw: str) -> _Token:
    if name in _MULTIPLIERS:
        return _Token("multiplier", raw, power=_MULTIPLIERS[name])
    if name in _NOT_NUMBERS:
        raise _Bad(f"{raw!r} is not a number")
    currency = _currency_named(name)
    if currency is None:
        raise _Bad(f"{raw!r} is neither a multiplier nor a currency", _WORDS)
    return _Token("currency", raw, currency)


def _check_grouping(number: str, groups: list[str]) -> None:
    first, *rest = groups
    if len(first) > 3 or first.startswith("0") or any(len(group) != 3 for group in rest):
        raise _Bad(
            f"{number!r} is not grouped in thousands (a first group of 1 to 3 digits not "
            "starting with 0, then groups of exactly 3)",
            _GROUPING,
        )


def _ambiguous(number: str, whole: str, mark: str, fraction: str) -> _Bad:
    as_decimal = canonical(Decimal(f"{whole}.{fraction}"))
    as_integer = canonical(Decimal(whole + fraction))
    short = fraction.rstrip("0")
    if not short:
        decimal_spelling = as_decimal
    else:
        # three decimals would be ambiguous again; a fourth, zero, digit makes it a decimal mark
        decimal_spelling = f"{whole}{mark}{short}{'0' if len(short) == 3 else ''}"
    return _Bad(
        f"{number!r} could be {as_decimal} or {as_integer}",
        f"write {decimal_spelling} or {as_integer} (or {whole}.{fraction},00)",
    )


def _read_number(number: str) -> tuple[str, int]:
    """The digits of a written number and how many of them follow the decimal mark."""
    separators = [char if char in ".," else " " for char in _SEPARATORS.findall(number)]
    groups = _SEPARATORS.split(number)
    if not separators:
        return number, 0
    if "" in groups:
        raise _Bad(f"{number!r} is not a number: separators stand between digits", _GROUPING)
    kinds = set(separators)
    if len(kinds) == 3:
        raise _Bad(f"{number!r} mixes spaces, '.' and ','", _GROUPING)
    if len(kinds) == 2:
        mark = separators[-1]
        mixed = "write e.g. 1.234.567,89, 1,234,567.89 or 1 234 567,89"
        if mark == " ":
            (other,) = kinds - {" "}
            raise _Bad(
                f"in {number!r} a space comes after {other!r}, but spaces and {other!r} cannot "
                "both separate thousands, and a decimal mark comes last",
                mixed,
            )
        if separators.count(mark) > 1:
            raise _Bad(
                f"in {number!r} the last separator, {mark!r}, is the decimal mark, "
                "so it can occur only once",
                mixed,
            )
        _check_grouping(number, groups[:-1])
        return "".join(groups), len(groups[-1])
    (kind,) = kinds
    if kind == " " or len(separators) > 1:
        _check_grouping(number, groups)
        return "".join(groups), 0
    whole, fraction = groups
    # Exactly three digits after a single separator are a thousands group in one convention and
    # decimals in the other, unless what comes before could not start a grouped number.
    if len(fraction) == 3 and len(whole) <= 3 and not whole.startswith("0"):
        raise _ambiguous(number, whole, kind, fraction)
    return whole + fraction, len(fraction)


def _check_shape(tokens: list[_Token]) -> None:
    numbers = [t.raw for t in tokens if t.kind == "number"]
    currencies = [t.raw for t in tokens if t.kind == "currency"]
    multipliers = [t.raw for t in tokens if t.kind == "multiplier"]
    if not numbers:
        raise _Bad("there is no number in it")
    if len(numbers) > 1:
        listed = " and ".join(map(repr, numbers))
        raise _Bad(f"it holds more than one number ({listed})", f"give one number; {_EXAMPLES}")
    if len(currencies) > 1:
        listed = " and ".join(map(repr, currencies))
        raise _Bad(f"it names more than one currency ({listed})", f"give it once; {_EXAMPLES}")
    if len(multipliers) > 2:
        listed = ", ".join(map(repr, multipliers))
        raise _Bad(f"it has more than two multipliers ({listed})")
    kinds = [t.kind for t in tokens]
    start = kinds.index("number")
    if "multiplier" in kinds[:start]:
        raise _Bad(f"the multiplier {multipliers[0]!r} must follow the number")
    if "currency" in kinds[start + 1 : -1]:
        raise _Bad(f"the currency {currencies[0]!r} must come before the number or at the end")


def _read(text: str, default: str | None) -> Money:
    stripped = text.strip()
    if not stripped:
        raise _Bad("it is empty")
    if _PERCENT.search(stripped):
        raise _Bad("a percentage is not an amount of money", f"give the amount itself; {_EXAMPLES}")
    tokens = _tokens(stripped)
    _check_shape(tokens)
    (number,) = (t for t in tokens if t.kind == "number")
    digits, decimals = _read_number(number.raw)
    power = sum(t.power for t in tokens)
    amount = _plain(Decimal((0, tuple(map(int, digits)), power - decimals)))
    if len(canonical(amount).replace(".", "").lstrip("0")) > _MAX_DIGITS:
        raise _Bad(f"it has more than {_MAX_DIGITS} digits when written out")
    currencies = [t.currency for t in tokens if t.kind == "currency"]
    currency = currencies[0] if currencies else default
    if currency is None:
        raise _Bad(
            "it names no currency", "add one, e.g. EUR 500 miljoen, €3,5 miljard or 500 mln USD"
        )
    return Money(amount, currency)


def parse_amount(text: str, *, default_currency: str | None = None) -> Money:
    """Read one amount of money exactly; default_currency is used only when the text has none.

    default_currency is an ISO 4217 code (or €, $, £, euro, dollar); an unknown one is a
    programming error and raises ValueError, not AmountError.
    """
    default = None
    if default_currency is not None:
        default = _currency_named(default_currency)
        if default is None:
            raise ValueError(f"unknown default currency {default_currency!r}")
    try:
        return _read(text, default)
    except _Bad as bad:
        raise AmountError(text, bad.reason, bad.hint) from None
