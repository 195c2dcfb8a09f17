"""The letter's headings as agenda items of the meetings they are about.

An annotated agenda is written along the meeting's agenda: each heading is an item, its
paragraphs the item's summary. A heading that names a meeting ("Oekraïne (UDCG)", "NAVO-top")
is an item of that meeting; any other of the letter's own meeting (the one its subject names).
A heading followed directly by another heading groups the ones after it ("Afschrikking en
verdediging" over "Capability Targets 2025 (CT25)"): it is their section, not an item. The
group ends at a heading that names a meeting or one of the standing themes of these letters.

A meeting within another that has no heading of its own can still have its topic named in a
sentence ("In de NPG spreken de ministers ... over het nucleaire beleid van de NAVO"): that
becomes its item, with a title made from the words, flagged for review.
"""

import re
from dataclasses import replace
from typing import NamedTuple

from navo_agenda.ingest.body import Layout, Unit
from navo_agenda.ingest.commitments import Placing
from navo_agenda.ingest.meetings import Meetings
from navo_agenda.ingest.proposal import Assessment, CommitmentRecord, ItemRecord

# The standing themes of NATO and EU defence letters: a heading on one of them is a section
# of its own, never a sub-heading of the group before it.
THEMES = re.compile(
    r"(?:afschrikking|defensie-?industrie|defensie-?uitgaven|defensie-?investeringen|oekraïne"
    r"|navo-top|partnerschap|weerbaarheid|operaties|missies|innovatie|overig|eu-navo|navo-eu"
    r"|rusland|zuidflank|oostflank|terrorisme|hybride|cyber|nucleai?r|europese defensie"
    r"|militaire mobiliteit|midden-oosten|indo-pacific|afsluiting|inleiding)",
    re.IGNORECASE,
)
TOPICS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (topic, re.compile(pattern))
    for topic, pattern in (
        ("deterrence", r"[Aa]fschrikking|[Dd]eterrence"),
        ("summit", r"NAVO-top|NATO Summit"),
        ("capabilities", r"Capability Targets|capaciteitsdoelstellingen"),
        ("iamd", r"\bIAMD\b|lucht- en raketverdediging"),
        ("hybrid", r"[Hh]ybrid|hybride"),
        ("space", r"\bSpace\b|ruimtevaart"),
        ("industry", r"[Ii]ndustrie|[Ii]ndustry"),
        ("innovation", r"[Ii]nnovati"),
        ("spending", r"uitgaven|\bbbp\b|[Ss]pending"),
        ("ukraine", r"Oekraïne|Ukraine"),
        ("nuclear", r"[Nn]ucleai?r|[Nn]uclear"),
    )
)
_TOPIC_SENTENCE = re.compile(
    r"In de (?P<name>.+?) (?:spreken|bespreken|praten|overleggen) (?:de )?(?:ministers|bondgenoten)"
    r"(?: van Defensie)?(?: \w+)? over (?P<topic>[^.;]+)\.?$"
)


class Structure(NamedTuple):
    items: list[ItemRecord]
    placing: dict[int, Placing]  # unit number -> its section's item and meeting


def find_structure(
    layout: Layout, meetings: Meetings, cited: dict[int, tuple[str, ...]]
) -> Structure:
    blocks = layout.blocks
    units_in: dict[int, list[Unit]] = {}
    for unit in layout.units:
        if unit.where == "body" and unit.section is not None:
            units_in.setdefault(unit.section, []).append(unit)
    heading_unit = {unit.block: unit for unit in layout.units if unit.where == "heading"}
    items: list[ItemRecord] = []
    placing: dict[int, Placing] = {}
    positions: dict[str, int] = {}
    group: str | None = None
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        unit = heading_unit[block.number]
        named = [m for m in meetings.mentions if m.unit is unit]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if following is None or following.kind == "heading":
            group = block.text
            continue
        if named or THEMES.match(block.text):
            group = None
        meeting = meetings.keys.get((unit.number, named[0].start)) if named else meetings.main
        body = units_in.get(block.number, [])
        if meeting is None:
            continue
        positions[meeting] = positions.get(meeting, 0) + 1
        key = f"i{len(items) + 1}"
        summary = (
            " ".join(
                b.text for b in blocks[index + 1 :] if b.kind == "paragraph" and _in(b.number, body)
            )
            or None
        )
        refs = tuple(dict.fromkeys(ref for u in body for ref in cited.get(u.number, ())))
        items.append(
            ItemRecord(
                key=key,
                meeting=meeting,
                position=positions[meeting],
                section=group or block.text,
                title=block.text,
                summary=summary,
                dutch_position=None,
                topics=_topics(f"{block.text} {summary or ''}"),
                quote=body[0].text if body else block.text,
                references=refs,
                assessment=Assessment("high" if named or meeting == meetings.main else "medium"),
            )
        )
        for member in body:
            placing[member.number] = Placing(key, meeting)
    for unit in layout.units:
        derived = _topic_item(unit, meetings, items, positions, layout)
        if derived is not None:
            items.append(derived)
    return Structure(items, placing)


def _in(block: int, units: list[Unit]) -> bool:
    return any(unit.block == block for unit in units)


def _topics(text: str) -> tuple[str, ...]:
    return tuple(topic for topic, pattern in TOPICS if pattern.search(text))


def _topic_item(
    unit: Unit,
    meetings: Meetings,
    items: list[ItemRecord],
    positions: dict[str, int],
    layout: Layout,
) -> ItemRecord | None:
    if unit.where != "body":
        return None
    found = _TOPIC_SENTENCE.match(unit.text)
    if found is None:
        return None
    named = [m for m in meetings.mentions if m.unit is unit and m.start == found.start("name")]
    if not named:
        return None
    meeting = meetings.keys.get((unit.number, named[0].start))
    if (
        meeting is None
        or meeting == meetings.main
        or any(item.meeting == meeting for item in items)
    ):
        return None
    positions[meeting] = positions.get(meeting, 0) + 1
    section = next(
        (
            block.text
            for block in layout.blocks
            if block.number == unit.section and block.kind == "heading"
        ),
        None,
    )
    return ItemRecord(
        key=f"i{len(items) + 1}",
        meeting=meeting,
        position=positions[meeting],
        section=section,
        title=item_title(found["topic"]),
        summary=unit.text,
        dutch_position=None,
        topics=_topics(unit.text),
        quote=unit.text,
        references=(),
        assessment=Assessment(
            "low", ("title made from a sentence: the meeting has no heading of its own",)
        ),
    )


def item_title(phrase: str) -> str:
    """ "het nucleaire beleid van de NAVO" as a title: "Nucleair beleid van de NAVO". Without
    its article, an adjective before a neuter noun (one that took "het") is not inflected."""
    words = phrase.strip().split()
    article = words[0].lower() if words else ""
    if article in ("de", "het", "een"):
        words = words[1:]
    if article == "het" and len(words) >= 2 and words[0].islower() and words[0].endswith("e"):
        words[0] = _uninflected(words[0])
    title = " ".join(words)
    return title[:1].upper() + title[1:]


def _uninflected(adjective: str) -> str:
    stem = adjective[:-1]
    if stem.endswith("v"):
        return stem[:-1] + "f"
    if stem.endswith("z"):
        return stem[:-1] + "s"
    vowels = "aeiouy"
    if len(stem) >= 3 and stem[-1] not in vowels and stem[-2] in "aeou" and stem[-3] not in vowels:
        return stem[:-1] + stem[-2] + stem[-1]
    return stem


def with_positions(
    items: list[ItemRecord], commitments: list[CommitmentRecord], sections: dict[str, str | None]
) -> list[ItemRecord]:
    """Each item's Dutch position: the sentences of its section in which the Netherlands
    states its stance or undertakes something (whichever meeting the undertaking is for)."""
    result = []
    for item in items:
        quotes = [
            c.quote
            for c in commitments
            if sections.get(c.key) == item.key
            and c.kind in ("pledge", "position")
            and c.actor == "Nederland"
        ]
        result.append(replace(item, dutch_position=" ".join(quotes) or None))
    return result
