"""The documents a letter cites, each written one way however the letter writes it.

The same Kamerstuk appears as "Kamerstuk 28 676, nr. 440", "Kamerstukken II 2024/25, 28676,
nr. 440" or "kst-28676-440"; it is one document, so every form is turned into the form the seed
uses ("Kamerstuk 28 676, nr. 440", "Kamerbrief 2025 0404") and documents are matched on that.
Internal reference numbers of the ministries ("MINDEF20250012350", "BS2024035562") have none of
these shapes: they are never taken for a Kamerstuk (nor, in datephrases.py, for a date).

Besides numbered papers, two kinds of documents are recognised by what the sentence says of
them: a named plan or declaration with its acronym ("Defence Production Action Plan (DPAP)")
and an instrument signed on a given day ("Op 7 mei tekenden Nederland en Roemenië een
intentieverklaring over ...").
"""

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from navo_agenda.ingest.body import Unit
from navo_agenda.ingest.datephrases import Resolved, find_phrases, resolve
from navo_agenda.ingest.proposal import Assessment, Confidence, ReferenceRecord

_DOSSIER = (
    r"(?P<dossier>\d{2}\s?\d{3}(?:\s?[-‑–]\s?(?:\d{1,3}|[A-Z]{1,4})\b)?"
    r"(?:\s(?:[IVXL]{1,4}|[A-Z])\b)?)"
)
_NR = r"(?:[Nn]rs?\.?|[Nn]ummers?)"
# "nrs. 440 en 441", "nr. 440 en nr. 441", "nrs. 440, 441 en 442": more numbers of one dossier,
# each followed by what ends a citation, so that "nr. 440 en 12 andere" stays one.
_NUMBERS = (
    rf"(?P<nrs>\d{{1,4}}\b(?:\s*(?:,|\ben\b|&)\s*(?:{_NR}\s*)?\d{{1,4}}\b"
    r"(?=\s*(?:[),;:.]|$|(?:en|van|over|inzake|d\.d\.)\s)))*)"
)
KAMERSTUK = re.compile(
    r"\b[Kk]amerstuk(?:ken)?(?:\s+I{1,2})?"
    r"(?:\s+(?:[Vv]ergaderjaar\s+)?\d{4}\s*[/–-]\s*\d{2,4})?\s*,?\s+"
    rf"{_DOSSIER}\s*,?\s*{_NR}\s*{_NUMBERS}"
)
# "Kamerstuk 28 676, nr. 440 en 21 501-28, nr. 283": the next dossier of the same citation
# (one that says "Kamerstuk" again is a citation of its own).
_NEXT_DOSSIER = re.compile(rf"\s*(?:,|\ben\b)\s*{_DOSSIER}\s*,?\s*{_NR}\s*{_NUMBERS}")
KST = re.compile(r"\b[Kk][Ss][Tt]-(?P<dossier>\d{5}(?:-(?:\d{1,3}|[A-Z]{1,4}))?)-(?P<nr>\d{1,4})\b")
KAMERBRIEF = re.compile(
    r"\b[Kk]amerbrief\s+(?:(?:met\s+)?(?:kenmerk|nr\.?)\s+)?(?P<y>20\d{2})[\s-]?(?P<n>\d{4})\b"
)
# "Onze referentie MINDEF20250012350", "Ons kenmerk BS2024035562": the ministry's own number.
OWN_REFERENCE = re.compile(
    r"\b(?:Onze referentie|Ons kenmerk|Kenmerk|Uw referentie|Uw kenmerk)\s*:?\s*"
    r"(?P<ref>[A-Z0-9][A-Za-z0-9/.-]{4,40})\b"
)
NAMED = re.compile(
    r"(?P<title>(?:[A-Z][\w-]*\s+){1,6}(?:Action Plan|Plan|Strategy|Policy|Concept|Declaration"
    r"|Strategie|Verklaring|Actieplan))\s*\((?P<acr>[A-Z][A-Za-z]{1,6})\)"
)
SIGNED = re.compile(
    r"\b(?P<verb>tekenden|tekende|ondertekenden|ondertekende|hebben\s+\S+\s+(?:en\s+\S+\s+)?"
    r"(?:onder)?getekend)\b(?P<parties>[^.;]*?)\b(?:een|de|het)\s+"
    r"(?P<what>intentieverklaring|[Mm]emorandum of [Uu]nderstanding|MoU|[Ll]etter of [Ii]ntent"
    r"|samenwerkingsovereenkomst|overeenkomst|verklaring|verdrag)"
    r"(?P<about>\s+(?:over|inzake|voor|betreffende|ter)\s+[^.;]+)?"
)
INSTRUMENTS = {
    "intentieverklaring": ("mou", "letter of intent"),
    "memorandum of understanding": ("mou", "memorandum of understanding"),
    "mou": ("mou", "memorandum of understanding"),
    "letter of intent": ("mou", "letter of intent"),
    "samenwerkingsovereenkomst": ("mou", "cooperation agreement"),
    "overeenkomst": ("mou", "agreement"),
    "verklaring": ("declaration", "declaration"),
    "verdrag": ("other", "treaty"),
}
_STRATEGY_WORDS = re.compile(r"\b(?:[Ss]trategie|[Ss]trategy|[Vv]isie|[Nn]ota|[Aa]ctieplan)\b")
# A name before a citation is a document's only if it says what kind of document it is.
_DOCUMENT_NOUN = re.compile(
    r"\b(?:[Ss]trateg\w*|[Pp]lan|[Aa]ctieplan|[Nn]ota|[Vv]isie|[Bb]rief|[Aa]genda|[Bb]eleid\w*"
    r"|[Vv]erklaring|[Dd]eclaration|[Cc]oncept|[Rr]apport|[Rr]eport|[Rr]eview|[Ww]et|[Bb]esluit"
    r"|[Nn]otitie|[Kk]ader\w*|[Pp]olicy|[Pp]rogramma)\b"
)
_TITLE_WORD = re.compile(r"[A-Z0-9À-Ý][\w’'-]*|van|voor|en|de|het|der|of|and|for|the|over|in|op")


class Cited(NamedTuple):
    """One numbered paper as found: its one identifier and the span of the citation it was
    written in, which may name others too ("nrs. 440 en 441": `together` is then 2)."""

    identifier: str
    kind: str  # document kind: kamerstuk or letter
    start: int
    end: int
    together: int = 1


def dossier_number(written: str) -> str:
    """'28676' and '28 676' both as '28 676'; a suffix is kept as the Kamer writes it: a
    number after a hyphen ('21 501-28'), a budget chapter after a space ('36 600 X', which
    kst-36600-X-5 writes with a hyphen)."""
    compact = re.sub(r"\s+", " ", written.strip())
    compact = re.sub(r"\s?[-‑–]\s?", "-", compact)
    compact = re.sub(r"-(?=[A-Z]+$)", " ", compact)
    digits = re.match(r"(\d{2})\s?(\d{3})", compact)
    assert digits is not None
    return f"{digits.group(1)} {digits.group(2)}{compact[digits.end() :]}"


def kamerstuk_identifier(dossier: str, number: str) -> str:
    return f"Kamerstuk {dossier_number(dossier)}, nr. {int(number)}"


def find_numbered(text: str) -> list[Cited]:
    """Every Kamerstuk and Kamerbrief number in the text, in order, without overlaps; a
    citation of several numbers or dossiers gives each its own."""
    groups: list[tuple[int, int, list[tuple[str, str]]]] = []
    for match in KAMERSTUK.finditer(text):
        named = _numbers(match)
        end = match.end()
        while (following := _NEXT_DOSSIER.match(text, end)) is not None:
            named += _numbers(following)
            end = following.end()
        groups.append((match.start(), end, named))
    for match in KST.finditer(text):
        identifier = kamerstuk_identifier(match["dossier"], match["nr"])
        groups.append((match.start(), match.end(), [(identifier, "kamerstuk")]))
    for match in KAMERBRIEF.finditer(text):
        groups.append((*match.span(), [(f"Kamerbrief {match['y']} {match['n']}", "letter")]))
    groups.sort(key=lambda group: group[0])
    kept: list[Cited] = []
    for start, end, named in groups:
        if kept and start < kept[-1].end:
            continue
        unique = list(dict.fromkeys(named))
        kept += [Cited(identifier, kind, start, end, len(unique)) for identifier, kind in unique]
    return kept


def _numbers(match: re.Match[str]) -> list[tuple[str, str]]:
    return [
        (kamerstuk_identifier(match["dossier"], number), "kamerstuk")
        for number in re.findall(r"\d{1,4}", match["nrs"])
    ]


def normalise_identifier(text: str | None) -> str | None:
    """The one form of an identifier written any other way; None for what is not a numbered
    paper (it is then compared as written, whitespace collapsed)."""
    if not text:
        return None
    found = find_numbered(text)
    if len(found) == 1:
        return found[0].identifier
    return None


def identifier_key(text: str) -> str:
    """What two identifiers are compared by."""
    return normalise_identifier(text) or " ".join(text.split()).lower()


def title_before(text: str, position: int) -> str | None:
    """The name written just before a citation: "de recent gepubliceerde Defensie Strategie
    voor Industrie en Innovatie (Kamerbrief ...)" names the Kamerbrief. A run of capitalised
    words (small linking words allowed inside) ending at the parenthesis."""
    words = text[:position].rstrip(" (").split(" ")
    taken: list[str] = []
    for word in reversed(words):
        if not _TITLE_WORD.fullmatch(word):
            break
        taken.insert(0, word)
    while taken and not taken[0][:1].isupper():
        taken.pop(0)
    title = " ".join(taken)
    if len(taken) < 2 or not _DOCUMENT_NOUN.search(title):
        return None
    return title


def subject_before(text: str, position: int) -> str | None:
    """ "de brief van 13 juni 2025 over de positie van het kabinet (Kamerstuk ...)": what the
    cited letter is about."""
    head = text[:position].rstrip(" (")
    found = re.search(r"\b(?:over|inzake|betreffende)\s+(?P<about>[^()]{6,160})$", head)
    if found is None:
        return None
    about = found["about"].strip(" ,;")
    return about[:1].upper() + about[1:]


def strategy_title(title: str) -> bool:
    return _STRATEGY_WORDS.search(title) is not None


class Found(NamedTuple):
    """The references of a letter, where they are written (masks, by unit number: no date or
    meeting is read inside them) and which references each unit cites."""

    records: list[ReferenceRecord]
    masks: dict[int, list[tuple[int, int]]]
    cited: dict[int, tuple[str, ...]]


class _Draft(NamedTuple):
    identifier: str | None
    kind: str
    title: str | None
    dated: Resolved | None
    quote: str


def find_references(
    units: Sequence[Unit], extra_lines: Sequence[str], letter: date | None
) -> Found:
    """Numbered papers and named plans cited in the body (and in footnotes after it)."""
    drafts: dict[str, _Draft] = {}
    masks: dict[int, list[tuple[int, int]]] = {}
    cited: dict[int, list[str]] = {}
    texts = [(unit.number, unit.text) for unit in units if unit.where != "heading"]
    texts += [(-1 - index, " ".join(line.split())) for index, line in enumerate(extra_lines)]
    for number, text in texts:
        for found in find_numbered(text):
            end, dated = _date_after(text, found.end, letter)
            dated = dated or _date_before(text, found.start, letter)
            masks.setdefault(number, []).append((found.start, end))
            opening = text.rfind("(", 0, found.start)
            cut = opening if opening >= 0 and found.start - opening <= 2 else found.start
            if found.together > 1:
                # A name or a date next to several papers cannot say which one it is of; what
                # they are "over" is what all of them are about.
                title, dated = subject_before(text, cut), None
            else:
                title = title_before(text, cut) or subject_before(text, cut)
            _add(drafts, found.identifier, _Draft(found.identifier, found.kind, title, dated, text))
            cited.setdefault(number, []).append(found.identifier)
        for named in NAMED.finditer(text):
            title = f"{' '.join(named['title'].split())} ({named['acr']})"
            kind = "declaration" if re.search(r"Declaration|Verklaring", title) else "strategy"
            key = f"named:{title.lower()}"
            _add(drafts, key, _Draft(None, kind, title, None, text))
            cited.setdefault(number, []).append(key)
    records = []
    keys: dict[str, str] = {}
    for number, (key, draft) in enumerate(drafts.items(), start=1):
        keys[key] = f"r{number}"
        records.append(_record(f"r{number}", draft))
    return Found(
        records,
        masks,
        {unit: tuple(dict.fromkeys(keys[key] for key in found)) for unit, found in cited.items()},
    )


def _add(drafts: dict[str, _Draft], key: str, draft: _Draft) -> None:
    known = drafts.get(key)
    if known is None:
        drafts[key] = draft
    else:
        drafts[key] = known._replace(
            title=known.title or draft.title, dated=known.dated or draft.dated
        )


def _record(key: str, draft: _Draft) -> ReferenceRecord:
    reasons: list[str] = []
    title = draft.title
    kind = draft.kind
    if title is None:
        title = draft.identifier or "?"
        reasons.append("title not in the text: only its number")
    elif kind == "letter" and strategy_title(title):
        kind = "strategy"
    dated = None
    if (
        draft.dated is not None
        and draft.dated.precision == "day"
        and draft.dated.first == draft.dated.last
    ):
        dated = draft.dated.first
        if draft.dated.review:
            reasons.append(draft.dated.review)
    confidence: Confidence = "high" if draft.identifier else "medium"
    return ReferenceRecord(
        key,
        kind,
        draft.identifier,
        title,
        dated,
        draft.quote,
        Assessment(confidence, tuple(reasons)),
    )


def _date_after(text: str, end: int, letter: date | None) -> tuple[int, Resolved | None]:
    """ "(Kamerbrief 2025 0404 van 4 april 2025)": the date belongs to the citation."""
    found = re.match(r",?\s+van\s+", text[end:])
    if found is None:
        return end, None
    for phrase in find_phrases(text[end:]):
        if phrase.start == found.end() and phrase.precision == "day":
            return end + phrase.end, resolve(phrase, letter, "past")
    return end, None


def _date_before(text: str, start: int, letter: date | None) -> Resolved | None:
    """ "de brief van 13 juni 2025 (Kamerstuk 28 676, nr. 519)", "de brief ... d.d. 21 mei
    2025 inzake ... (Kamerstuk ...)": the first date after "van" or "d.d." in the clause that
    names the letter."""
    head = text[:start].rstrip(" (")
    clause = max(head.rfind(";"), head.rfind(")"), head.rfind("("), 0)
    found = head.rfind("brief", clause)
    if found < 0:
        return None
    for phrase in find_phrases(head[found:]):
        if re.search(r"(?:\bvan|\bd\.d\.)\s*$", head[found : found + phrase.start]):
            return resolve(phrase, letter, "past")
    return None


def signed_document(key: str, quote: str, day: Resolved | None) -> ReferenceRecord:
    """The instrument of a signing ("een intentieverklaring over ..."), dated by it."""
    signed = SIGNED.search(quote)
    assert signed is not None
    what = signed["what"]
    kind, _ = INSTRUMENTS[what.lower()]
    title = " ".join(f"{what[:1].upper()}{what[1:]} {signed['about'] or ''}".split())
    reasons = [day.review] if day is not None and day.review else []
    return ReferenceRecord(
        key,
        kind,
        None,
        title,
        day.first if day is not None else None,
        quote,
        Assessment("medium", tuple(reasons)),
    )
