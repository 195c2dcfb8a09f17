"""The letter's own facts: its date, subject, sender and own references.

Two layouts carry them. A ministry letter has a header with "Datum 21 mei 2025", "Betreft
..." (often broken over lines, even over a blank line), "Onze referentie ..." and a signature
after "Hoogachtend,". A Kamerstuk has "Vergaderjaar 2025–2026", the dossier ("28 676 NAVO"),
"Nr. 554 BRIEF VAN DE MINISTER VAN DEFENSIE" and "Den Haag, 12 november 2025". The date is
what every year-less date in the letter is read against, so a letter without one says so.
"""

import re
from datetime import date
from typing import NamedTuple

from navo_agenda.ingest.body import CLOSING, ESTABLISHED, PLACE_DATE, ROLE, Layout, normalise
from navo_agenda.ingest.datephrases import find_phrases, resolve
from navo_agenda.ingest.proposal import Assessment, LetterRecord
from navo_agenda.ingest.references import OWN_REFERENCE, dossier_number

_LABEL = re.compile(r"\s*(?P<label>Datum|Date|Betreft|Onderwerp)\s*:?\s*(?P<rest>.*)$")
_FIELD_LABELS = re.compile(
    r"\s*(?:Datum|Onze referentie|Uw referentie|Ons kenmerk|Uw kenmerk|Kenmerk|Bijlage|Bijlagen"
    r"|Contactpersoon|Inlichtingen|Geachte|Retouradres|Pagina)\b",
    re.IGNORECASE,
)
# A subject line cannot end on one of these: the subject goes on after a blank line.
_OPEN_END = re.compile(
    r"\b(?:van|de|het|een|en|in|op|voor|over|met|aan|bij|te|om|tot|naar|der|ter|inzake|of)$"
    r"|[-,]$",
    re.IGNORECASE,
)
_DOSSIER_LINE = re.compile(
    r"\s*(?P<dossier>\d{2}\s?\d{3}(?:-[0-9A-Z]{1,4})?(?:\s[IVXL]{1,4})?)\s+\S"
)
_NUMBER_LINE = re.compile(r"\s*Nr\.\s*(?P<nr>\d{1,4})\b\s*(?P<rest>.*)$")
_SMALL = frozenset({"van", "voor", "en", "de", "het", "der", "of", "the", "and", "for"})


class _Dated(NamedTuple):
    day: date
    line: str


def read_letter(text: str, layout: Layout) -> LetterRecord:
    header = list(layout.header)
    reasons: list[str] = []
    dated = _date(header) or _date(list(layout.closing))
    if dated is None:
        reasons.append("no date found: dates without a year in it are left unresolved")
    subject = _subject(header)
    identifier = _kamerstuk_number(header)
    reference = _own_reference(header)
    sender = _sender(header, list(layout.closing))
    if subject is None:
        subject = _kamerstuk_title(header)
    if subject is None:
        reasons.append("no subject ('Betreft') found")
    return LetterRecord(
        kind="kamerstuk" if identifier else "letter",
        title=subject,
        dated=dated.day if dated else None,
        sender=sender,
        identifier=identifier or reference,
        reference=reference,
        body=text,
        quote=dated.line if dated else None,
        assessment=Assessment("high" if dated and subject else "low", tuple(reasons)),
    )


def _full_date(text: str) -> date | None:
    for phrase in find_phrases(text):
        if phrase.year is not None and phrase.precision == "day":
            found = resolve(phrase, None, None)
            if found is not None and found.first == found.last:
                return found.first
    return None


def _date(lines: list[str]) -> _Dated | None:
    """ "Datum 21 mei 2025" (or "Datum" with the date on the next line), else "Den Haag, 12
    november 2025"."""
    for index, line in enumerate(lines):
        label = _LABEL.match(line)
        if label and label["label"].lower() in ("datum", "date"):
            rest = label["rest"] or next((row for row in lines[index + 1 :] if row.strip()), "")
            day = _full_date(rest)
            if day is not None:
                return _Dated(day, normalise(f"{label['label']} {rest}"))
    for line in lines:
        if PLACE_DATE.match(line) or ESTABLISHED.match(line):
            day = _full_date(line)
            if day is not None:
                return _Dated(day, normalise(line))
    return None


def _subject(lines: list[str]) -> str | None:
    for index, line in enumerate(lines):
        label = _LABEL.match(line)
        if not label or label["label"].lower() not in ("betreft", "onderwerp"):
            continue
        parts = [label["rest"].strip()] if label["rest"].strip() else []
        following = index + 1
        while following < len(lines):
            row = lines[following]
            if _FIELD_LABELS.match(row) or _LABEL.match(row):
                break
            if not row.strip():
                # One blank line inside the subject only where the subject cannot end.
                nxt = following + 1
                if (
                    parts
                    and _OPEN_END.search(parts[-1])
                    and nxt < len(lines)
                    and lines[nxt].strip()
                ):
                    following = nxt
                    continue
                if parts:
                    break
                following += 1
                continue
            parts.append(row.strip())
            following += 1
        subject = normalise("\n".join(parts))
        return subject or None
    return None


def _kamerstuk_number(lines: list[str]) -> str | None:
    dossier = None
    for line in lines[:30]:
        if dossier is None and (found := _DOSSIER_LINE.match(line)):
            dossier = dossier_number(found["dossier"])
        number = _NUMBER_LINE.match(line)
        if number and dossier:
            return f"Kamerstuk {dossier}, nr. {int(number['nr'])}"
    return None


def _kamerstuk_title(lines: list[str]) -> str | None:
    """A Kamerstuk has no "Betreft": its title is the dossier's name and what the paper is
    ("NAVO; Brief van de Minister van Defensie")."""
    dossier = next((found for line in lines[:30] if (found := _DOSSIER_LINE.match(line))), None)
    paper = next((found for line in lines[:30] if (found := _NUMBER_LINE.match(line))), None)
    if dossier is None or paper is None or not paper["rest"].strip():
        return None
    name = dossier.string[dossier.end() - 1 :].strip()
    what = paper["rest"].strip().lower()
    role = re.search(r"\bde (?:minister|staatssecretaris)\b.*$", what)
    if role:
        what = what[: role.start()] + "de " + _role_case(role.group(0))[3:]
    return f"{name}; {what[:1].upper()}{what[1:]}"


def _own_reference(lines: list[str]) -> str | None:
    for index, line in enumerate(lines):
        found = OWN_REFERENCE.search(line)
        if found and not found.group(0).lower().startswith("uw"):
            return found["ref"]
        if re.fullmatch(r"\s*(?:Onze referentie|Ons kenmerk)\s*", line):
            value = next((row.strip() for row in lines[index + 1 :] if row.strip()), "")
            if re.fullmatch(r"[A-Z0-9][A-Za-z0-9/.-]{4,40}", value):
                return value
    return None


def _role_case(text: str) -> str:
    """ "DE MINISTER VAN DEFENSIE" as "De Minister van Defensie"."""
    words = text.lower().split()
    shown = [
        word if index and word in _SMALL else word[:1].upper() + word[1:]
        for index, word in enumerate(words)
    ]
    return " ".join(shown)


def _sender(header: list[str], closing: list[str]) -> str | None:
    """The signatories after the closing: each role ("De Minister van Defensie") with the
    name under it; a Kamerstuk names the role in its title line too."""
    signers: list[str] = []
    rows = [row.strip() for row in closing if row.strip()]
    index = 0
    while index < len(rows):
        row = rows[index].rstrip(",")
        if CLOSING.fullmatch(rows[index]):
            index += 1
            continue
        if ROLE.fullmatch(row):
            role = _role_case(row) if row.isupper() else row
            name = rows[index + 1] if index + 1 < len(rows) else ""
            if name and not ROLE.fullmatch(name.rstrip(",")) and len(name.split()) <= 5:
                signers.append(f"{role}, {name}")
                index += 2
                continue
            signers.append(role)
        index += 1
    if not signers:
        for line in header[:30]:
            found = re.search(r"BRIEF VAN (?P<role>DE .+)$", line)
            if found:
                signers.append(_role_case(found["role"]))
    return "; ".join(signers) or None
