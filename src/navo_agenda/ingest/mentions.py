"""Where a letter names a meeting: by name or acronym, with the date, place and words around it.

Each meeting is known by the names the letters use for it, Dutch and English, long and short:
the DMM is "Defence Ministers Meeting", "DMM", "NAVO-ministers van Defensie"; the NPG "Nuclear
Planning Group"; a summit "NAVO-top"; and so on, down to the EU's "Raad Buitenlandse Zaken
(Defensie)". A name found in a sentence is a Mention; meetings.py decides which mentions are
one meeting. Here only what the sentence itself says is read: the date phrase that belongs to
the name, the place after it ("in Den Haag"), a qualifier ("de vorige DMM"), and whether the
sentence only expects the meeting ("naar verwachting").
"""

import re
from dataclasses import dataclass

from navo_agenda.ingest.body import Unit
from navo_agenda.ingest.datephrases import Phrase, Resolved, find_phrases, resolve, tense_of

# family: the meeting as the letters know it; kind: the schema's word for it.
FAMILIES: dict[str, str] = {
    "dmm": "dmm",
    "npg": "npg",
    "udcg": "udcg",
    "summit": "summit",
    "forum": "forum",
    "dinner": "dinner",
    "nar": "other",
    "nuc": "other",
    "rbz": "other",
    "eudm": "other",
    "signing": "signing",
}
TITLES: dict[str, str] = {
    "dmm": "NATO Defence Ministers Meeting",
    "npg": "Nuclear Planning Group",
    "udcg": "Ukraine Defence Contact Group",
    "summit": "NATO Summit",
    "forum": "NATO Summit Defence Industry Forum",
    "dinner": "Ministerial dinner",
    "nar": "North Atlantic Council",
    "nuc": "NATO-Ukraine Council",
    "rbz": "Foreign Affairs Council (Defence)",
    "eudm": "Meeting of EU defence ministers",
    "signing": "Signing",
}
_NAMES: tuple[tuple[str, str], ...] = (
    (
        "forum",
        r"NATO Summit Defence Industry Forum(?:\s*\(NSDIF\))?|\bNSDIF\b"
        r"|\b(?:NATO |NAVO-)?(?:Defence |Defense )?Industry Forum\b|\bindustrieforum\b",
    ),
    (
        "dmm",
        r"\bDefence Ministers[’']? Meeting(?:\s*\(DMM\))?|\bDMM\b|\bNAVO-ministers van Defensie\b"
        r"|\bNAVO-defensieministers\b|\bNAVO-[Dd]efensieministeri[eë]le?\b"
        r"|\bdefensieministeri[eë]le van de NAVO\b|\bministers van Defensie van de NAVO\b"
        r"|\bNATO [Dd]efence [Mm]inisters\b",
    ),
    ("npg", r"\bNuclear Planning Group(?:\s*\(NPG\))?|\bNPG\b|\b[Nn]ucleaire [Pp]lanningsgroep\b"),
    (
        "udcg",
        r"\bUkraine Defen[cs]e Contact Group(?:\s*\(UDCG\))?|\bUDCG\b"
        r"|\bRamstein-(?:format|formaat|groep)\b",
    ),
    (
        "summit",
        r"\bNAVO-[Tt]op\b|\bNAVO [Tt]op\b|\bNATO[- ][Ss]ummit\b|\b[Tt]op van de NAVO\b"
        r"|\bNAVO-topbijeenkomst\b",
    ),
    ("dinner", r"\bministerie(?:el|le) diner\b|\b(?:werk)?diner\b"),
    ("nar", r"\bNoord-Atlantische Raad(?:\s*\(NAR\))?|\bNAR\b|\bNorth Atlantic Council\b"),
    (
        "nuc",
        r"\bNAVO-Oekraïne[- ]?[Rr]aad\b(?:\s*\(NOR\))?|\bNATO-Ukraine Council\b(?:\s*\(NUC\))?",
    ),
    (
        "rbz",
        r"\bRaad Buitenlandse Zaken\s*(?:\((?:met )?(?:de )?(?:ministers van )?Defensie\)"
        r"|met (?:de )?(?:ministers van )?Defensie|Defensie)(?:\s*\(RBZ(?: Defensie)?\))?"
        r"|\bRBZ[- ]?\(?Defensie\)?",
    ),
    ("eudm", r"\bEU-ministers van Defensie\b|\bEU-defensieministers\b"),
)
NAMES = tuple((family, re.compile(pattern)) for family, pattern in _NAMES)

# "op de eerste dag van de top", "de dag voor de DMM": a day named by a meeting's days.
ANCHOR = re.compile(
    r"\b(?:[Oo]p|[Tt]ijdens) de (?P<ord>eerste|tweede|laatste) (?P<part>dag|avond|ochtend|middag)"
    r" van de (?P<target>NAVO-top|top|DMM|ministeriële|bijeenkomst)\b"
    r"|\b[Dd]e dag (?P<rel>voor|voorafgaand aan|na) de (?P<target2>NAVO-top|top|DMM)\b"
)
_ANCHOR_FAMILY = {"navo-top": "summit", "top": "summit", "dmm": "dmm"}
# The meeting only marks a time ("na de DMM"): the sentence's date is not its date.
_TIME_MARKER = re.compile(
    r"(?:\bna|\bvoorafgaand aan|\bsinds|\bna afloop van|\bin aanloop naar|\bopmaat naar"
    r"|\bvoorbereiding op|\bvooruit op)\s+(?:de |het )?$",
    re.IGNORECASE,
)
# "de brief van 13 juni 2024", "d.d. 21 mei 2025": the date of a letter, not of a meeting.
_LETTER_DATE = re.compile(r"(?:\bd\.d\.|\bgedateerd|\bbrief\b[^.;()]{0,60}?\bvan)\s*$")
_AT = re.compile(
    r"(?:\btijdens|\bbij|\bop|\bin de marge van|\bter gelegenheid van|\baan de vooravond van)"
    r"\s+(?:de |het )?(?:(?:vorige|komende|volgende|eerstvolgende|afgelopen)\s+)?$",
    re.IGNORECASE,
)
_PAST_QUALIFIER = re.compile(r"\b(?:vorige|afgelopen|eerdere|voorgaande)\s+$", re.IGNORECASE)
_NEXT_QUALIFIER = re.compile(r"\b(?:volgende|komende|eerstvolgende)\s+$", re.IGNORECASE)
_EXPECTED = re.compile(r"\b[Nn]aar verwachting\b|\bde verwachting dat\b|\bwordt verwacht\b")
_TAKES_PLACE = re.compile(
    r"\bplaats\s?vind\w*|\bvindt\b[^.]*\bplaats\b|\bbijeen\w*|\bkom\w*\b[^.]*\b(?:bijeen|samen)\b"
    r"|\bvergader\w*|\bwordt gehouden\b"
)
_PLACE = re.compile(
    r"(?:\s*\([A-Z]{2,6}\))?(?:\s+(?:plaats|bijeen))?\s+in\s+"
    r"(?P<place>(?:Den |De |Het |[’']s-)?[A-Z][a-zà-ÿ’'-]+(?:[- ][A-Z][a-zà-ÿ-]+)?)"
)
# Words after which the same ministers meet in the other formation: it shares their day.
CO_LOCATED = re.compile(
    r"\book bijeen\b|\baansluitend\b|\bop dezelfde dag\b|\bin de marge van\b"
    r"|\btijdens de (?:DMM|NAVO-top|top)\b",
    re.IGNORECASE,
)
_NOT_PLACES = frozenset({"Defensie", "Nederland", "NAVO", "Oekraïne"}) | frozenset(
    {"Januari", "Februari", "Maart", "April", "Mei", "Juni", "Juli", "Augustus"}
)


@dataclass(frozen=True)
class Mention:
    family: str
    unit: Unit
    start: int
    end: int
    text: str
    resolved: Resolved | None  # the date the sentence gives this meeting
    phrase: tuple[int, int] | None  # where that date is written
    anchor: tuple[str, str, str] | None  # (target family, time note, which day of it)
    place: str | None
    qualifier: str | None  # "past" or "next"
    marker: bool  # only marks a time ("na de DMM")
    at: bool  # "tijdens de X": something happens at this meeting
    expected: bool
    takes_place: bool  # the sentence says the meeting takes place / meets


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def find_mentions(
    units: tuple[Unit, ...], masks: dict[int, list[tuple[int, int]]], letter_date: object
) -> list[Mention]:
    """Every mention of a meeting in the subject, the headings and the body, in order."""
    from datetime import date

    assert letter_date is None or isinstance(letter_date, date)
    found: list[Mention] = []
    for unit in units:
        text = _masked(unit.text, masks.get(unit.number, []))
        spans = _names(text)
        if not spans:
            continue
        phrases = [] if unit.where == "heading" else find_phrases(text)
        tense = tense_of(text)
        owners = _assign_phrases(text, spans, phrases)
        anchor = _anchor(text)
        expected = bool(_EXPECTED.search(text))
        takes_place = bool(_TAKES_PLACE.search(text))
        for index, (family, start, end) in enumerate(spans):
            before = text[:start]
            phrase = owners.get(index)
            resolved = resolve(phrase, letter_date, tense) if phrase is not None else None
            inside_anchor = anchor is not None and anchor[3] <= start < anchor[4]
            marker = bool(_TIME_MARKER.search(before)) or inside_anchor
            at = bool(_AT.search(before)) and not inside_anchor
            found.append(
                Mention(
                    family=family,
                    unit=unit,
                    start=start,
                    end=end,
                    text=unit.text[start:end],
                    resolved=resolved,
                    phrase=(phrase.start, phrase.end) if phrase is not None else None,
                    anchor=None if inside_anchor or anchor is None else anchor[:3],
                    place=_place(text, end, phrase),
                    qualifier="past"
                    if _PAST_QUALIFIER.search(before)
                    else "next"
                    if _NEXT_QUALIFIER.search(before)
                    else None,
                    marker=marker,
                    at=at,
                    expected=expected and takes_place and not (at or marker),
                    takes_place=takes_place,
                )
            )
    return found


def _names(text: str) -> list[tuple[str, int, int]]:
    """Names in the text, longest first where two overlap ("NATO Summit Defence Industry
    Forum" is the forum, not the summit)."""
    spans = [
        (family, m.start(), m.end()) for family, pattern in NAMES for m in pattern.finditer(text)
    ]
    spans.sort(key=lambda span: (span[1], -(span[2] - span[1])))
    kept: list[tuple[str, int, int]] = []
    for span in spans:
        if not kept or span[1] >= kept[-1][2]:
            kept.append(span)
    return kept


def _assign_phrases(
    text: str, spans: list[tuple[str, int, int]], phrases: list[Phrase]
) -> dict[int, Phrase]:
    """Each date phrase goes to the name it belongs to: the one it directly follows ("de
    NAVO-top in Den Haag op 24 en 25 juni 2025"), else the nearest name that is not a mere time
    marker ("na de DMM"), when it is near; a year ("in 2023") only directly after a name, and a
    deadline ("uiterlijk", "al in") never. "eind juni" is a month all the same."""
    owners: dict[int, Phrase] = {}
    for phrase in phrases:
        if phrase.prefix and phrase.prefix != "in" and phrase.precision != "month":
            continue
        if _LETTER_DATE.search(text[: phrase.start]):
            continue
        best: tuple[int, int] | None = None
        for index, (_, start, end) in enumerate(spans):
            gap_after = phrase.start - end
            tail = text[end : phrase.start]
            follows = 0 <= gap_after <= 30 and re.fullmatch(
                r"(?:\s*\([A-Z]{2,6}\))?(?:\s+(?:in|te)\s+(?:Den |De |Het )?[A-Z][\w’'-]+)?"
                r"(?:\s+(?:in|op|van))?\s*",
                tail,
            )
            if follows:
                score = 0
            elif phrase.precision == "year":
                continue
            else:
                gap = phrase.start - end if phrase.start >= end else start - phrase.end
                if gap > 60 or _TIME_MARKER.search(text[:start]):
                    continue
                score = 100 + gap
            if best is None or score < best[0]:
                best = (score, index)
        if best is not None and best[1] not in owners:
            owners[best[1]] = phrase
    return owners


def _anchor(text: str) -> tuple[str, str, str, int, int] | None:
    """(target family, time note, which day, start, end) of "op de eerste avond van de
    NAVO-top" and the like; which day is first, second, last, before or after."""
    found = ANCHOR.search(text)
    if found is None:
        return None
    target = (found["target"] or found["target2"]).lower()
    family = _ANCHOR_FAMILY.get(target, "dmm")
    noun = "summit" if family == "summit" else "ministerial"
    if found["target"]:
        which = {"eerste": "first", "tweede": "second", "laatste": "last"}[found["ord"]]
        words = {"dag": "day", "avond": "evening", "ochtend": "morning", "middag": "afternoon"}
        note = f"{which} {words[found['part']]} of the {noun}"
    else:
        which = "after" if found["rel"] == "na" else "before"
        note = f"the day {which} the {noun}"
    return family, note, which, found.start(), found.end()


def _place(text: str, end: int, phrase: Phrase | None) -> str | None:
    """ "in Den Haag" right after the name, or after the date phrase that follows it."""
    found = _PLACE.match(text[end:])
    if found is None and phrase is not None and phrase.start >= end:
        found = _PLACE.match(text[phrase.end :])
    if found is None:
        return None
    place = found["place"].rstrip("’'-")
    return None if place in _NOT_PLACES else place
