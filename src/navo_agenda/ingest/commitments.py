"""Commitments: what the Netherlands undertakes, what the letter expects, and the Dutch stance.

The kind follows from the sentence's form, not from its topic:

- expected: the letter expects it ("naar verwachting ...", "het is de verwachting dat ..."),
  or announces a decision others will take ("zullen ... worden vastgelegd");
- pledge: the Netherlands (or the minister, "ik") is the subject of a verb of undertaking: the
  future ("Nederland zal ..."), continuing ("zet ... voort"), delivering ("kan ... leveren"),
  hosting ("organiseert"), promising ("heeft ... toegezegd");
- position: the Netherlands (or Defensie) is the subject of a verb of stance or standing
  effort ("zet in op", "steunt", "blijft", "werkt aan", "investeert", "geeft invulling aan",
  "brengt in de praktijk"), or the sentence says where the Dutch effort lies ("De focus van
  de Nederlandse steun ligt op ...").

A sentence that only reports what happened ("heeft ... getroffen", "tekenden") is none of
these. A following sentence that gives the purpose, frame or focus of the one before
("Daarbij ...", "Dit gebeurt in ...", "Het beoogde doel hiervan ...") is quoted with it.

The due date is the one the sentence gives ("al in 2025"), else, for a pledge or an
expectation placed at a meeting ("tijdens de DMM", "op de eerste dag van de top"), that
meeting's last day at the precision it is known to; a stance has none unless it names a
deadline. Amounts are read by navo_agenda.amounts; a percentage ("2,2% bbp") is kept as such.
"""

import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from navo_agenda.amounts import AmountError, Money, parse_amount
from navo_agenda.dates import PartialDate
from navo_agenda.ingest.body import Unit
from navo_agenda.ingest.datephrases import Resolved, find_phrases, resolve, tense_of
from navo_agenda.ingest.meetings import Meetings
from navo_agenda.ingest.mentions import TITLES, Mention
from navo_agenda.ingest.proposal import (
    Assessment,
    CommitmentRecord,
    Confidence,
    MeetingRecord,
    When,
)
from navo_agenda.vocabulary import DEFAULT_ACTOR

EU_TITLES = frozenset({TITLES["rbz"], TITLES["eudm"]})
_SUBJECT = r"(?:Nederland|het kabinet|Het kabinet|Defensie|ik|Ik)"
_AROUND = re.compile(
    rf"(?:^|(?<=[\s,]))(?P<subject>{_SUBJECT})\s+(?P<after>[a-zë]+)\b"
    rf"|\b(?P<before>[a-zë]+)\s+(?P<subject2>{_SUBJECT})\b"
)
_COORDINATED = re.compile(r"\ben\s+(?P<verb>[a-zë]+)\b")
_FOCUS = re.compile(
    r"\b(?:De|de) (?:focus|inzet|nadruk|prioriteit) van (?:de )?Nederland(?:se \w+)?\b[^.]*?"
    r"\b(?:ligt|is|richt)\b"
    r"|\bDe Nederlandse (?:inzet|positie|bijdrage|focus|prioriteit)\b[^.]*?"
    r"\b(?:is|ligt|richt|blijft)\b"
)
_EXPECTED = re.compile(
    r"\b[Nn]aar verwachting\b|\b(?:de|het is de) verwachting dat\b|\bwordt verwacht\b"
    r"|\bverwacht wordt\b"
)
_DECISION = (
    r"(?:vastgelegd|vastgesteld|aangenomen|goedgekeurd|besloten|ondertekend|bekrachtigd"
    r"|gepresenteerd|gelanceerd|overeengekomen|aangekondigd|afgesproken|bekendgemaakt)"
)
_FUTURE_DECISION = re.compile(
    rf"\b(?:zal|zullen)\b[^.]*?\bworden\s+(?:\w+\s+)?{_DECISION}\b"
    r"|\b(?:ministers|bondgenoten|lidstaten|leiders|regeringsleiders)\s+(?:zal|zullen)\b[^.]*?"
    r"\b(?:vaststellen|aannemen|goedkeuren|besluiten|ondertekenen|vastleggen|instemmen)\b"
)
_DELIVER = re.compile(
    r"\b(?:leveren|bijdragen|doneren|financieren|beschikbaar\s+stellen|schenken)\b"
)
_PLEDGE_VERBS = frozenset({"zal", "zullen", "gaat", "levert", "organiseert", "doneert", "schenkt"})
_POSITION_VERBS = frozenset(
    {
        "steunt",
        "blijft",
        "werkt",
        "investeert",
        "pleit",
        "verwelkomt",
        "benadrukt",
        "vindt",
        "acht",
        "hecht",
        "onderschrijft",
        "deelt",
        "streeft",
        "wil",
        "steun",
        "werk",
        "blijf",
        "investeer",
    }
)
_PARTICLES = {  # verb: (pattern that must follow in the sentence, kind)
    "zet": ((r"\bvoort\b", "pledge"), (r"\bin\s+op\b|\bzich\b[^.]*\bin\b", "position")),
    "kan": ((_DELIVER.pattern, "pledge"),),
    "heeft": ((r"\btoegezegd\b", "pledge"),),
    "hebben": ((r"\btoegezegd\b", "pledge"),),
    "zegt": ((r"\btoe\b", "pledge"),),
    "stelt": ((r"\bbeschikbaar\b", "pledge"),),
    "draagt": ((r"\bbij\b", "position"),),
    "geeft": ((r"\binvulling\b", "position"),),
    "brengt": ((r"\bin de praktijk\b", "position"),),
    "roept": ((r"\bop\b", "position"),),
    "neemt": ((r"\bdeel\b", "position"),),
    "is": ((r"\b(?:voorstander|co-leider|bereid|voornemens)\b", "position"),),
}
_CONTINUATION = re.compile(
    r"(?:Daarbij|Daarmee|Dit gebeurt|Dat gebeurt|Het (?:beoogde )?doel (?:hiervan|daarvan)"
    r"|Doel hiervan)\b"
)
_AGENT = re.compile(
    r"\bdoor (?:de |het )?(?P<agent>(?:NAVO-)?ministers van Defensie|bondgenoten|lidstaten"
    r"|regeringsleiders|(?:staatshoofden en )?regeringsleiders|NAVO|EU)\b"
)
_MONEY = re.compile(
    r"(?:€|EUR|USD|US\$|\$|£|GBP)\s?\d[\d.,]*\d?(?:\s?(?:miljard|miljoen|mld\.?|mln\.?|mrd\.?"
    r"|duizend|billion|million|bn))?\b"
    r"|\b\d[\d.,]*\s?(?:miljard|miljoen|mld\.?|mln\.?|mrd\.?|duizend|billion|million)\s?"
    r"(?:euro|EUR|dollar|USD)\b"
)
_PERCENT = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:%|procent)"
    r"(?:\s(?:van\s(?:het\s)?)?(?:bbp|BBP|bruto binnenlands product))?"
)
# "voor 2026" is "for 2026" as often as "before 2026": only unambiguous deadlines count as such.
_DEADLINE_PREFIXES = frozenset({"al in", "uiterlijk", "uiterlijk in", "vóór", "eind"})


class Kind(NamedTuple):
    kind: str
    actor: str
    confidence: Confidence


class Placing(NamedTuple):
    """Which section each sentence is in, and that section's agenda item and meeting."""

    item: str | None
    meeting: str | None


def classify(sentence: str, sender_role: str | None) -> Kind | None:
    if _EXPECTED.search(sentence):
        return Kind("expected", "", "high")
    if _FUTURE_DECISION.search(sentence) and not re.search(r"\bNederland zal\b", sentence):
        return Kind("expected", "", "medium")
    if re.search(r"\b(?:Nederland|Ik) zal\b|\bzal (?:Nederland|ik)\b", sentence):
        return Kind("pledge", _actor(sentence, sender_role), "high")
    found = _verb_kind(sentence)
    if found is not None:
        kind, subject = found
        return Kind(kind, _subject_actor(subject, sender_role), "medium")
    if _FOCUS.search(sentence):
        return Kind("position", DEFAULT_ACTOR, "medium")
    return None


def _verb_kind(sentence: str) -> tuple[str, str] | None:
    for found in _AROUND.finditer(sentence):
        subject = found["subject"] or found["subject2"]
        verbs = [found["after"] or found["before"]]
        if found["subject"] and found.start() == 0:
            verbs += [m["verb"] for m in _COORDINATED.finditer(sentence, found.end())]
        rest = sentence[found.end() :]
        for verb in verbs:
            lower = verb.lower()
            if lower in _PLEDGE_VERBS:
                return "pledge", subject
            if lower in _POSITION_VERBS:
                return "position", subject
            for pattern, kind in _PARTICLES.get(lower, ()):
                if re.search(pattern, rest if found["subject"] else sentence[found.start() :]):
                    return kind, subject
    return None


def _subject_actor(subject: str, sender_role: str | None) -> str:
    if subject.lower() == "ik":
        return sender_role or "Minister"
    if subject == "Defensie":
        return "Defensie"
    return DEFAULT_ACTOR


def _actor(sentence: str, sender_role: str | None) -> str:
    if re.search(r"\b(?:Ik zal|zal ik)\b", sentence):
        return sender_role or "Minister"
    return DEFAULT_ACTOR


def _expected_actor(sentence: str, mentions: list[Mention], allies: str) -> str:
    """Who is expected to act: the agent ("door de ministers van Defensie"), else the meeting
    expected to take place, else the Netherlands where the sentence names it, else the allies."""
    agent = _AGENT.search(sentence)
    if agent:
        return agent["agent"][:1].upper() + agent["agent"][1:]
    meeting = next((m for m in mentions if m.takes_place and not m.at and not m.marker), None)
    if meeting is not None:
        return TITLES[meeting.family]
    if re.search(r"\bNederland(?:se)?\b", sentence):
        return DEFAULT_ACTOR
    return allies


def _partial(found: Resolved) -> PartialDate:
    return When(found.first, found.last, found.precision).end()


def _masked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _meeting_of(
    mentions: list[Mention], keys: dict[tuple[int, int], str], kind: str
) -> tuple[str | None, bool]:
    """The meeting the sentence places it at, and whether it places it there in time; for an
    expectation that a meeting takes place, that meeting."""

    def key(mention: Mention) -> str | None:
        return keys.get((mention.unit.number, mention.start))

    if kind == "expected":
        for mention in mentions:
            if mention.expected:
                return key(mention), True

    for mention in mentions:
        if mention.at and not mention.marker:
            return key(mention), True
    for mention in mentions:
        if mention.anchor is not None:
            return key(mention), True
    for mention in mentions:
        if mention.takes_place and not mention.marker and mention.family != "signing":
            return key(mention), True
    named = [mention for mention in mentions if not mention.marker and mention.family != "signing"]
    return (key(named[-1]), False) if named else (None, False)


def _amount(sentence: str) -> tuple[Money | None, str | None, str | None]:
    """The amount of money (first one), the percentage, and a reason to check them."""
    percent = _PERCENT.search(sentence)
    masked = _masked(sentence, [percent.span()]) if percent else sentence
    money = None
    reason = None
    amounts = list(_MONEY.finditer(masked))
    if amounts:
        try:
            money = parse_amount(amounts[0].group(0))
        except AmountError as error:
            reason = f"amount {amounts[0].group(0)!r} not read: {error.reason}"
        if len(amounts) > 1:
            reason = f"{len(amounts)} amounts in the sentence: the first is taken"
    return money, percent.group(0) if percent else None, reason


class Found(NamedTuple):
    records: list[CommitmentRecord]
    sections: dict[str, str | None]  # commitment key -> the item of the section it is in


def find_commitments(
    units: Sequence[Unit],
    meetings: Meetings,
    placing: dict[int, Placing],
    letter_date: date | None,
    sender_role: str | None,
    masks: dict[int, list[tuple[int, int]]],
    cited: dict[int, tuple[str, ...]],
) -> Found:
    body = [unit for unit in units if unit.where == "body"]
    records: list[CommitmentRecord] = []
    sections: dict[str, str | None] = {}
    by_key = {record.key: record for record in meetings.records}
    for index, unit in enumerate(body):
        text = unit.text
        found = classify(text, sender_role)
        if found is None:
            continue
        quote = text
        following = body[index + 1] if index + 1 < len(body) else None
        if (
            following is not None
            and following.block == unit.block
            and _CONTINUATION.match(following.text)
            and classify(following.text, sender_role) is None
        ):
            quote = f"{text} {following.text}"
        mentions = [m for m in meetings.mentions if m.unit is unit and m.unit.where == "body"]
        meeting, placed = _meeting_of(mentions, meetings.keys, found.kind)
        place = placing.get(unit.number, Placing(None, None))
        meeting = meeting or place.meeting or meetings.main
        item = place.item if place.item and place.meeting == meeting else None
        european = by_key[meeting].title in EU_TITLES if meeting in by_key else meetings.european
        allies = "EU-lidstaten" if european else "Bondgenoten"
        actor = _expected_actor(text, mentions, allies) if found.kind == "expected" else found.actor
        money, percentage, amount_review = _amount(_masked(text, masks.get(unit.number, [])))
        if found.kind == "position" and money is not None:
            # A stance with a sum attached ("draagt EUR 150 miljoen bij") is an undertaking.
            found = found._replace(kind="pledge")
        due, due_review = _due(
            unit,
            mentions,
            found.kind,
            placed,
            by_key.get(meeting or ""),
            _date_given(mentions, meetings.keys, meeting),
            letter_date,
            masks,
        )
        reasons = [due_review, amount_review]
        if meeting is None:
            reasons.append("no meeting: the letter names none to put it on")
        sections[f"c{len(records) + 1}"] = place.item
        records.append(
            CommitmentRecord(
                key=f"c{len(records) + 1}",
                kind=found.kind,
                actor=actor,
                meeting=meeting,
                item=item,
                due=due,
                amount=money,
                percentage=percentage,
                text=text,
                quote=quote,
                references=cited.get(unit.number, ()),
                assessment=Assessment(found.confidence).adding(*reasons),
            )
        )
    return Found(records, sections)


def _date_given(
    mentions: list[Mention], keys: dict[tuple[int, int], str], meeting: str | None
) -> Resolved | None:
    """The date the sentence gives the meeting it is placed at ("Nederland organiseert op
    17 december een industrieforum"): not one of a past meeting, nor a mere time marker."""
    for mention in mentions:
        if (
            mention.resolved is not None
            and not mention.marker
            and mention.qualifier != "past"
            and keys.get((mention.unit.number, mention.start)) == meeting
        ):
            return mention.resolved
    return None


def _due(
    unit: Unit,
    mentions: list[Mention],
    kind: str,
    placed: bool,
    meeting: MeetingRecord | None,
    given: Resolved | None,
    letter_date: date | None,
    masks: dict[int, list[tuple[int, int]]],
) -> tuple[PartialDate | None, str | None]:
    """A deadline or date of the sentence's own, else the date of the meeting the sentence
    places it at, else the date the sentence gives that meeting."""
    text = _masked(unit.text, masks.get(unit.number, []))
    taken = {mention.phrase for mention in mentions if mention.phrase is not None}
    phrases = [p for p in find_phrases(text) if (p.start, p.end) not in taken]
    deadlines = [p for p in phrases if p.prefix in _DEADLINE_PREFIXES]
    plain = [p for p in phrases if p.prefix in ("", "in") or p.precision == "month"]
    chosen = deadlines[0] if deadlines else (plain[-1] if plain and kind != "position" else None)
    if chosen is not None:
        found = resolve(chosen, letter_date, tense_of(text))
        if found is not None:
            return _partial(found), found.review and f"due: {found.review}"
    if kind == "position":
        return None, None
    if not placed or meeting is None or meeting.when is None:
        if given is None:
            return None, None
        return _partial(given), given.review and f"due: {given.review}"
    due = meeting.when.end()
    review = None
    if meeting.when.precision != "day":
        review = f"due: the date of the {meeting.title}, known only as {meeting.when.label()}"
    elif meeting.assessment.needs_review:
        review = f"due: the date of the {meeting.title} ({meeting.when.label()}), itself to review"
    return due, review
