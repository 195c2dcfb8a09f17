"""Dates as letters write them in running text, read at the precision they are written in.

"Op 5 juni 2025", "op 24 en 25 juni", "9–11 juli 2024", "10/11 juni", "14 en 15 juni jl.",
"in februari 2025", "in 2023", "al in 2025": this module finds such phrases in a sentence
and hands their parts to the one date reader (navo_agenda.dates), which does the reading and
the checking; nothing here decides what a written date means.

A day written inside a vaguer phrase is read at the vaguer precision, because the day is not
what the text fixes: "in de week van 8 juni" is that day's ISO week, "eind juni", "medio juni"
and "begin juli" are the month. "rond 8 juni" keeps its day but is flagged as approximate.

What the text does not say is never taken from today. A phrase without a year gets it from
the letter's own date: "aanstaande" (a.s.) points forward from it, "jl." (jongstleden) back,
the tense of the sentence otherwise, and failing that the nearest such day. Such a date is
always flagged for review, with the reason.
"""

import re
from datetime import date, timedelta
from typing import Literal, NamedTuple

# The reader's own month names (private there, shared here so the two cannot drift apart).
from navo_agenda.dates import _MONTHS, DateError, Precision, parse_range

_MONTH_WORDS = sorted(_MONTHS, key=len, reverse=True)
_MON = r"(?:" + "|".join(_MONTH_WORDS) + r")\.?"
_FULL_MON = (
    r"(?:" + "|".join(name for name in _MONTH_WORDS if len(name) >= 4 or name == "mei") + ")"
)
_WEEKDAY = (
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday"
    r"|wednesday|thursday|friday|saturday|sunday)\s+)?"
)
_DAY = r"(?<![\d.,/-])\d{1,2}(?![\d.,])"
_SEP = r"\s*(?:-|–|—|/|\ben\b|t/m|tot en met|tot)\s*"
_YEAR = r"(?:19|20)\d{2}(?![\d/-])"
# Words that make a month phrase vaguer than the month: it is still read as the month.
_PART = r"(?:eind|einde|begin|medio|half|halverwege|midden)"
_SUFFIX = r"(?:\s+(?P<suffix>aanstaande|a\.s\.|jl\.|jongstleden|j\.l\.))?"
_DAY2 = r"\d{1,2}(?![\d.,])"  # after a separator, which the first day's guard would refuse
_PHRASE = re.compile(
    rf"(?:(?P<range2>{_WEEKDAY}(?P<r2d1>{_DAY})\s+(?P<r2m1>{_MON}){_SEP}{_WEEKDAY}(?P<r2d2>{_DAY2})"
    rf"\s+(?P<r2m2>{_MON})(?:\s+(?P<r2y>{_YEAR}))?)"
    rf"|(?P<range1>{_WEEKDAY}(?P<r1d1>{_DAY}){_SEP}{_WEEKDAY}(?P<r1d2>{_DAY2})\s+(?P<r1m>{_MON})"
    rf"(?:\s+(?P<r1y>{_YEAR}))?)"
    rf"|(?P<day>{_WEEKDAY}(?P<dd>{_DAY})\s+(?P<dm>{_MON})(?:\s+(?P<dy>{_YEAR}))?)"
    rf"|(?P<month>(?:\b(?P<mp>{_PART})\s+(?:van\s+)?)?\b(?P<mm>{_FULL_MON})\s+(?P<my>{_YEAR}))"
    rf"|(?P<year>\b(?P<yp>al in|uiterlijk in|uiterlijk|vóór|voor|eind|begin|medio|in)\s+"
    rf"(?P<yy>{_YEAR}))"
    rf"|(?P<bare>(?:(?<=\bin )|\b(?P<bp>{_PART})\s+(?:van\s+)?)(?P<bm>{_FULL_MON})\b"
    r"(?!\s+\d)))"
    rf"{_SUFFIX}",
    re.IGNORECASE,
)
# "in de week van 8 juni": the day only names its week.
_WEEK_OF = re.compile(r"\bweek\s+van\s+$", re.IGNORECASE)
# "rond 8 juni": a day, but not a fixed one.
_AROUND = re.compile(r"\b(?P<word>rond|rondom|omstreeks|circa|ca\.|ongeveer)\s+$", re.IGNORECASE)
_PAST = re.compile(
    r"\b(?:jl\.|jongstleden|was|waren|werd|werden|vond|vonden|tekende|tekenden|ondertekende"
    r"|ondertekenden|stemde|stemden|sprak|spraken|kwam|kwamen|besprak|bespraken|heeft|hebben"
    r"|hebt|had|hadden|afgelopen|vorige)\b",
    re.IGNORECASE,
)
_FUTURE = re.compile(
    r"\b(?:zal|zullen|aanstaande|a\.s\.|komende|volgende|gaat|gaan|verwachting)\b", re.IGNORECASE
)

Tense = Literal["past", "future"]


class Phrase(NamedTuple):
    """A date phrase found in a sentence, not yet given a year it does not have."""

    start: int
    end: int
    text: str  # as written, without the suffix
    reading: str  # what the date reader is given, with {year} where the year goes
    year: int | None  # the year as written
    precision: Precision
    prefix: str  # "al in", "uiterlijk", "in", ... (year phrases); "eind", ... (months); else ""
    suffix: str  # "aanstaande", "jl.", ... or ""
    around: str = ""  # "rond", "omstreeks", ...: the day is approximate


class Resolved(NamedTuple):
    """A date phrase read: its span of days, its precision, and why to check it (if so)."""

    first: date
    last: date
    precision: Precision
    text: str
    review: str | None  # why a reader should check it, e.g. the year came from the letter


def find_phrases(text: str) -> list[Phrase]:
    found = []
    for match in _PHRASE.finditer(text):
        groups = match.groupdict()
        precision: Precision
        suffix = (groups["suffix"] or "").lower()
        end = match.end()
        body_end = match.start("suffix") if groups["suffix"] else match.end()
        written = text[match.start() : body_end].strip()
        if groups["range2"]:
            reading = f"{groups['r2d1']} {groups['r2m1']} - {groups['r2d2']} {groups['r2m2']}"
            year, precision, prefix = groups["r2y"], "day", ""
        elif groups["range1"]:
            reading = f"{groups['r1d1']}-{groups['r1d2']} {groups['r1m']}"
            year, precision, prefix = groups["r1y"], "day", ""
        elif groups["day"]:
            reading = f"{groups['dd']} {groups['dm']}"
            year, precision, prefix = groups["dy"], "day", ""
        elif groups["month"]:
            reading, year, precision = groups["mm"], groups["my"], "month"
            prefix = (groups["mp"] or "").lower()
        elif groups["year"]:
            reading, year, precision = "", groups["yy"], "year"
            prefix = groups["yp"].lower()
            written = groups["yy"]
        else:
            reading, year, precision = groups["bm"], None, "month"
            prefix = (groups["bp"] or "").lower()
        start, around = match.start(), ""
        if precision == "day":
            before = text[:start]
            if week := _WEEK_OF.search(before):
                start, precision = week.start(), "week"
                written = text[start:body_end].strip()
            elif vague := _AROUND.search(before):
                around = vague["word"].lower()
        found.append(
            Phrase(
                start,
                end,
                written,
                (reading + " {year}").strip(),
                int(year) if year else None,
                precision,
                prefix,
                suffix,
                around,
            )
        )
    return found


def tense_of(sentence: str) -> Tense | None:
    """Past or future, as far as a few telling words say; None when they do not."""
    if _PAST.search(sentence):
        return "past"
    if _FUTURE.search(sentence):
        return "future"
    return None


def _read(phrase: Phrase, year: int) -> tuple[date, date] | None:
    try:
        found = parse_range(phrase.reading.format(year=year), today=date(year, 1, 1))
    except DateError:
        return None
    if phrase.precision == "week":
        monday = found.start - timedelta(days=found.start.weekday())
        return monday, monday + timedelta(days=6)
    return found.start, found.end


def _approximate(phrase: Phrase, review: str | None) -> str | None:
    if not phrase.around:
        return review
    vague = f"approximate: the text says '{phrase.around} {phrase.text}'"
    return f"{review}; {vague}" if review else vague


def resolve(phrase: Phrase, letter: date | None, tense: Tense | None) -> Resolved | None:
    """The phrase as days; without a year, the year is the letter's (or the one next to it
    that "aanstaande", "jl." or the tense points to). None when it names no real date, or
    has no year and the letter no date."""
    if phrase.year is not None:
        span = _read(phrase, phrase.year)
        if span is None:
            return None
        return Resolved(span[0], span[1], phrase.precision, phrase.text, _approximate(phrase, None))
    if letter is None:
        return None
    options = []
    for year in (letter.year - 1, letter.year, letter.year + 1):
        span = _read(phrase, year)
        if span is not None:
            options.append(span)
    if not options:
        return None
    if phrase.suffix in ("aanstaande", "a.s."):
        after = [span for span in options if span[1] >= letter]
        chosen, why = (after[0] if after else options[-1]), f"'{phrase.suffix}' after it"
    elif phrase.suffix in ("jl.", "jongstleden", "j.l."):
        before = [span for span in options if span[0] <= letter]
        chosen, why = (before[-1] if before else options[0]), f"'{phrase.suffix}' before it"
    elif tense == "past":
        before = [span for span in options if span[0] <= letter]
        chosen, why = (before[-1] if before else options[0]), "the past tense: before it"
    elif tense == "future":
        after = [span for span in options if span[1] >= letter]
        chosen, why = (after[0] if after else options[-1]), "the future tense: after it"
    else:
        chosen = min(options, key=lambda span: abs((span[0] - letter).days))
        why = "the nearest to it"
    reason = f"no year: taken from the letter's date ({letter.isoformat()}; {why})"
    return Resolved(
        chosen[0], chosen[1], phrase.precision, phrase.text, _approximate(phrase, reason)
    )
