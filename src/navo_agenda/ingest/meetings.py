"""Which mentions are one meeting, and what the letter says of each: kind, days, place, parent.

A letter names the same meeting many times, mostly without its date ("tijdens de DMM"), and
sometimes names another meeting of the same kind ("de vorige DMM in februari 2025", "de
NAVO-top in Vilnius in 2023"). Mentions with a date or a place make meetings first, merging
when their days overlap and their places agree; the other mentions then go to the meeting of
their kind in the same paragraph, else to the letter's own meeting (the one in its subject),
else to the upcoming one of that kind.

A meeting sits within another where the text puts it there: "in de marge van de NAVO-top"
puts it within the meeting the sentence names, whatever its kind; otherwise each kind has its
natural parent (NATURAL_PARENT): the NPG and UDCG named in the DMM's paragraph, the industry
forum and the dinner on "the first day/evening of the summit".
What the text does not fix is not filled in: a meeting without a date of its own takes its
parent's day only where the text says it shares it ("komen ook bijeen in de NPG"), else just
its parent's month, flagged for review; one without either has no date and is flagged.
"""

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from navo_agenda.ingest.body import Unit
from navo_agenda.ingest.datephrases import find_phrases, resolve, tense_of
from navo_agenda.ingest.mentions import CO_LOCATED, FAMILIES, TITLES, Mention
from navo_agenda.ingest.proposal import Assessment, Confidence, MeetingRecord, When
from navo_agenda.ingest.references import INSTRUMENTS, SIGNED

NATURAL_PARENT = {"npg": "dmm", "udcg": "dmm", "forum": "summit", "dinner": "summit", "nuc": "dmm"}
# "in de marge van de NAVO-top": the meeting named next is the one this one sits within.
_MARGIN = re.compile(r"\bin de marge van\s+(?:de |het )?$", re.IGNORECASE)
# "in de marge van de top": the same, by a word for the meeting rather than its name.
_MARGIN_WORD = re.compile(
    r"\bin de marge van (?:de|het) (?P<word>top|ministeriële|defensieministeriële)\b",
    re.IGNORECASE,
)
_MARGIN_FAMILY = {"top": "summit", "ministeriële": "dmm", "defensieministeriële": "dmm"}
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}
PLACES_IN_ENGLISH = {
    "Den Haag": "The Hague",
    "Brussel": "Brussels",
    "Londen": "London",
    "Parijs": "Paris",
    "Warschau": "Warsaw",
    "Boekarest": "Bucharest",
    "Lissabon": "Lisbon",
    "Praag": "Prague",
    "Wenen": "Vienna",
    "Berlijn": "Berlin",
    "Kopenhagen": "Copenhagen",
}


@dataclass
class Cluster:
    family: str
    mentions: list[Mention] = field(default_factory=list)
    when: When | None = None
    review: list[str] = field(default_factory=list)
    derived: bool = False  # the date was worked out, not read
    place: str | None = None
    parent: "Cluster | None" = None
    time_note: str | None = None
    title: str | None = None
    title_nl: str | None = None
    key: str = ""

    def span(self) -> tuple[date, date] | None:
        return (self.when.first, self.when.last) if self.when else None


@dataclass(frozen=True)
class Meetings:
    records: tuple[MeetingRecord, ...]
    keys: dict[tuple[int, int], str]  # (unit number, mention start) -> meeting key
    mentions: tuple[Mention, ...]
    main: str | None
    european: bool  # the letter's own meeting is the EU's, not NATO's


def signing_mentions(units: tuple[Unit, ...], letter_date: date | None) -> list[Mention]:
    """ "Op 7 mei tekenden Nederland en Roemenië een intentieverklaring over ...": a signing
    that happened on a day the sentence gives, and not at another meeting ("tijdens de DMM"
    makes it part of that meeting)."""
    found = []
    for unit in units:
        if unit.where != "body":
            continue
        signed = SIGNED.search(unit.text)
        if signed is None or "tijdens de" in unit.text[: signed.start()]:
            continue
        phrases = [phrase for phrase in find_phrases(unit.text) if phrase.precision == "day"]
        resolved = resolve(phrases[0], letter_date, "past") if phrases else None
        if resolved is None:
            continue
        found.append(
            Mention(
                "signing",
                unit,
                signed.start(),
                signed.end(),
                signed.group(0),
                resolved,
                (phrases[0].start, phrases[0].end),
                None,
                None,
                "past",
                False,
                False,
                False,
                True,
            )
        )
    return found


def signing_titles(mention: Mention) -> tuple[str, str]:
    signed = SIGNED.search(mention.unit.text)
    assert signed is not None
    what = signed["what"]
    _, english = INSTRUMENTS[what.lower()]
    parties = " ".join(signed["parties"].split()) or None
    if parties is None:
        head = mention.unit.text[: signed.start()].split(",")[-1].split()
        parties = " ".join(word for word in head if word[:1].isupper() and word != "Op") or None
    suffix = f" ({parties})" if parties else ""
    return (
        f"Signing of a {english}{suffix}",
        f"Ondertekening {what}{' ' + parties if parties else ''}",
    )


def _same_place(one: str | None, other: str | None) -> bool:
    return one is None or other is None or one.casefold() == other.casefold()


def _overlaps(one: tuple[date, date], other: tuple[date, date], slack: int = 0) -> bool:
    gap = timedelta(days=slack)
    return one[0] - gap <= other[1] and other[0] - gap <= one[1]


def _span_of(mention: Mention) -> tuple[date, date] | None:
    found = mention.resolved
    return (found.first, found.last) if found else None


def _cluster_span(cluster: Cluster) -> tuple[date, date] | None:
    spans = [span for mention in cluster.mentions if (span := _span_of(mention))]
    if not spans:
        return None
    return max(span[0] for span in spans), min(span[1] for span in spans)


def group_mentions(mentions: list[Mention], letter_date: date | None) -> list[Cluster]:
    clusters: list[Cluster] = []
    dated = [
        mention
        for mention in mentions
        if mention.resolved or mention.place or mention.qualifier == "past"
    ]
    dated.sort(
        key=lambda m: (
            _RANK[m.resolved.precision] if m.resolved else 9,
            m.resolved is not None and m.resolved.review is not None,
            m.unit.number,
        )
    )
    for mention in dated:
        target = next((c for c in clusters if _fits(c, mention, letter_date)), None)
        if target is None:
            target = Cluster(mention.family)
            clusters.append(target)
        target.mentions.append(mention)
        target.place = target.place or mention.place
    main = _main(clusters, mentions)
    for mention in mentions:
        if mention in dated:
            continue
        target = _current(clusters, mention, main, letter_date)
        if target is None:
            target = Cluster(mention.family)
            clusters.append(target)
        target.mentions.append(mention)
    for cluster in clusters:
        cluster.mentions.sort(key=lambda m: (m.unit.number, m.start))
    return clusters


def _fits(cluster: Cluster, mention: Mention, letter_date: date | None) -> bool:
    if cluster.family != mention.family or not _same_place(cluster.place, mention.place):
        return False
    span, mine = _cluster_span(cluster), _span_of(mention)
    if span and mine:
        return _overlaps(span, mine)
    if mention.qualifier == "past" and span and letter_date and span[1] >= letter_date:
        return False
    return not (span and mention.place is None and mine is None and mention.qualifier is None)


def _main(clusters: list[Cluster], mentions: list[Mention]) -> Cluster | None:
    """The letter's own meeting: the one its subject names."""
    for mention in mentions:
        if mention.unit.where == "subject":
            return next((c for c in clusters if mention in c.mentions), None)
    return None


def _current(
    clusters: list[Cluster], mention: Mention, main: Cluster | None, letter_date: date | None
) -> Cluster | None:
    """The meeting a mention without date or place means: the one of its kind named (without
    "vorige") in the same paragraph, else the letter's own, else the next one to come after
    the letter's date, else the latest."""
    same = [c for c in clusters if c.family == mention.family]
    if not same:
        return None
    block = mention.unit.block
    for cluster in same:
        if block is not None and any(
            m.unit.block == block and m.qualifier is None and m.unit.where == "body"
            for m in cluster.mentions
        ):
            return cluster
    if main is not None and main.family == mention.family:
        return main
    spans = [(span, c) for c in same if (span := _cluster_span(c))]
    if not spans:
        return same[0]
    if letter_date is not None:
        coming = [(span, c) for span, c in spans if span[1] >= letter_date]
        if coming:
            return min(coming, key=lambda pair: pair[0][0])[1]
        if mention.qualifier == "next":
            return None
    return max(spans, key=lambda pair: pair[0][1])[1]


def settle(clusters: list[Cluster], letter_date: date | None) -> None:
    """Dates, parents and places, in the order they depend on each other."""
    for cluster in clusters:
        _dates_from_text(cluster)
    for cluster in clusters:
        if cluster.when is None:
            _dates_from_anchor(cluster, clusters, letter_date)
    for cluster in clusters:
        _parent(cluster, clusters)
    for cluster in sorted(clusters, key=lambda c: c.parent is not None):
        if cluster.when is None and cluster.parent is not None and cluster.parent.when is not None:
            _dates_from_parent(cluster)
        if cluster.place is None and cluster.parent is not None:
            cluster.place = cluster.parent.place


def _dates_from_text(cluster: Cluster) -> None:
    found = [m.resolved for m in cluster.mentions if m.resolved]
    if not found:
        return
    best = min(found, key=lambda r: (_RANK[r.precision], r.review is not None))
    cluster.when = When(best.first, best.last, best.precision)
    confirmed = any(
        r.review is None
        and r.precision == best.precision
        and (r.first, r.last) == (best.first, best.last)
        for r in found
    )
    if best.review and not confirmed:
        cluster.review.append(best.review)
    if best.precision != "day":
        cluster.review.append(f"date not fixed by the text to the day: only {cluster.when.label()}")


def _dates_from_anchor(cluster: Cluster, clusters: list[Cluster], letter_date: date | None) -> None:
    for mention in cluster.mentions:
        if mention.anchor is None:
            continue
        family, note, which = mention.anchor
        target = _target(mention, family, clusters, letter_date)
        if target is None or target.when is None:
            continue
        when = target.when
        if when.precision != "day":
            cluster.when = when
            cluster.review.append(f"the {note}, whose day the text does not fix")
        else:
            day = {
                "first": when.first,
                "second": when.first + timedelta(days=1),
                "last": when.last,
                "before": when.first - timedelta(days=1),
                "after": when.last + timedelta(days=1),
            }[which]
            cluster.when = When(day, day, "day")
            if which in ("before", "after", "second"):
                cluster.review.append(f"date worked out as {note}")
        cluster.time_note = note
        cluster.derived = True
        cluster.parent = cluster.parent or (
            target if NATURAL_PARENT.get(cluster.family) == family else None
        )
        return


def _target(
    mention: Mention, family: str, clusters: list[Cluster], letter_date: date | None
) -> Cluster | None:
    in_unit = [
        c
        for c in clusters
        if c.family == family and any(m.unit is mention.unit for m in c.mentions)
    ]
    if in_unit:
        return in_unit[0]
    same = [c for c in clusters if c.family == family and c.when is not None]
    if not same:
        return None
    if letter_date is not None:
        coming = [c for c in same if c.when and c.when.last >= letter_date]
        if coming:
            return min(coming, key=lambda c: c.when.first if c.when else date.max)
    return same[0]


def _parent(cluster: Cluster, clusters: list[Cluster]) -> None:
    if cluster.parent is None:
        cluster.parent = _margin_parent(cluster, clusters)
    if cluster.parent is not None or cluster.family not in NATURAL_PARENT:
        return
    family = NATURAL_PARENT[cluster.family]
    for mention in cluster.mentions:
        for scope in ("unit", "block"):
            for other in clusters:
                if other.family != family or other is cluster:
                    continue
                near = any(
                    (m.unit is mention.unit)
                    if scope == "unit"
                    else (m.unit.block is not None and m.unit.block == mention.unit.block)
                    for m in other.mentions
                )
                if near and _could_contain(other, cluster):
                    cluster.parent = other
                    return
    # "Aansluitend kwam de UDCG bijeen": after the letter's own meeting.
    main = next((c for c in clusters if any(m.unit.where == "subject" for m in c.mentions)), None)
    if main is None:
        dated = [c for c in clusters if c.family == family and c.when and c.when.precision == "day"]
        main = min(dated, key=lambda c: c.mentions[0].unit.number) if dated else None
    if main is None or main.family != family:
        return
    if any(CO_LOCATED.search(m.unit.text) for m in cluster.mentions) and _could_contain(
        main, cluster
    ):
        cluster.parent = main


def _margin_parent(cluster: Cluster, clusters: list[Cluster]) -> Cluster | None:
    """The meeting a sentence of this one names "in de marge van": by its name in the same
    sentence, else by "de top" for the only meeting of that kind in the paragraph or letter."""
    for mention in cluster.mentions:
        if mention.unit.where != "body":
            continue
        text = mention.unit.text
        for other in clusters:
            if other is cluster or _within(other, cluster):
                continue
            if any(
                m.unit is mention.unit and _MARGIN.search(text[: m.start]) for m in other.mentions
            ):
                return other
        word = _MARGIN_WORD.search(text)
        if word is None:
            continue
        family = _MARGIN_FAMILY[word["word"].lower()]
        same = [c for c in clusters if c.family == family and c is not cluster]
        near = [
            c
            for c in same
            if any(
                m.unit.block is not None and m.unit.block == mention.unit.block for m in c.mentions
            )
        ]
        chosen = near or same
        if len(chosen) == 1 and not _within(chosen[0], cluster):
            return chosen[0]
    return None


def _within(one: Cluster, other: Cluster) -> bool:
    """Whether one already sits (directly or further down) within other."""
    parent = one.parent
    while parent is not None:
        if parent is other:
            return True
        parent = parent.parent
    return False


def _could_contain(parent: Cluster, child: Cluster) -> bool:
    if (
        parent.when
        and child.when
        and not _overlaps(
            (parent.when.first, parent.when.last), (child.when.first, child.when.last), slack=1
        )
    ):
        return False
    return _same_place(parent.place, child.place)


def _dates_from_parent(cluster: Cluster) -> None:
    parent = cluster.parent
    assert parent is not None
    assert parent.when is not None
    shares_day = any(
        CO_LOCATED.search(m.unit.text) for m in cluster.mentions if m.unit.where == "body"
    )
    cluster.derived = True
    parent_title = parent.title or TITLES[parent.family]
    if shares_day:
        cluster.when = parent.when
        cluster.review.extend(parent.review)
        if parent.when.first != parent.when.last:
            cluster.review.append(
                f"date taken from the {parent_title} ({parent.when.label()}):"
                " the text does not say on which of its days"
            )
        return
    when = parent.when
    if when.precision == "day":
        first = when.first.replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        when = When(first, following - timedelta(days=1), "month")
    cluster.when = when
    cluster.review.append(
        f"date not fixed by the text: {when.label()},"
        f" the month of the {parent_title} it sits within"
    )


def _titles(cluster: Cluster) -> None:
    family = cluster.family
    texts = [m.text for m in cluster.mentions]
    title = TITLES[family]
    if family == "signing":
        title, title_nl = signing_titles(cluster.mentions[0])
        cluster.title, cluster.title_nl = title, title_nl
        return
    if family == "summit" and cluster.place:
        title = f"NATO Summit in {PLACES_IN_ENGLISH.get(cluster.place, cluster.place)}"
    elif family == "dinner" and any(
        "ministers van Defensie" in m.unit.text for m in cluster.mentions
    ):
        title = "Ministerial dinner of NATO defence ministers"
    elif family == "forum" and not any("NSDIF" in t or "Summit" in t for t in texts):
        title = "Defence Industry Forum"
    longest = max(texts, key=len)
    title_nl = longest
    if family == "summit" and cluster.place and cluster.place not in longest:
        title_nl = f"{longest} in {cluster.place}"
    cluster.title, cluster.title_nl = title, title_nl


def _status(cluster: Cluster, letter_date: date | None) -> str:
    if cluster.when and letter_date and cluster.when.last < letter_date:
        return "held"
    if any(m.expected for m in cluster.mentions):
        return "expected"
    if cluster.when is None and any(tense_of(m.unit.text) == "past" for m in cluster.mentions):
        return "held"
    return "planned"


def _quote(cluster: Cluster) -> Mention:
    for mention in cluster.mentions:
        if mention.unit.where == "body" and (mention.resolved or mention.anchor):
            return mention
    for mention in cluster.mentions:
        if mention.unit.where == "body":
            return mention
    return cluster.mentions[0]


def meeting_records(
    mentions: list[Mention], letter_date: date | None, cited: dict[int, tuple[str, ...]]
) -> Meetings:
    clusters = group_mentions(mentions, letter_date)
    settle(clusters, letter_date)
    for cluster in clusters:
        _titles(cluster)
    order = sorted(clusters, key=lambda c: (c.mentions[0].unit.number, c.mentions[0].start))
    ordered: list[Cluster] = []

    def place(cluster: Cluster) -> None:
        if cluster in ordered:
            return
        if cluster.parent is not None:
            place(cluster.parent)
        ordered.append(cluster)

    for cluster in order:
        place(cluster)
    for number, cluster in enumerate(ordered, start=1):
        cluster.key = f"m{number}"
    records = []
    keys: dict[tuple[int, int], str] = {}
    for cluster in ordered:
        for mention in cluster.mentions:
            keys[(mention.unit.number, mention.start)] = cluster.key
        quoted = _quote(cluster)
        review = list(dict.fromkeys(cluster.review))
        if cluster.when is None:
            review.append("date not fixed by the text")
        confidence: Confidence = (
            "low" if cluster.when is None else "medium" if cluster.derived or review else "high"
        )
        records.append(
            MeetingRecord(
                key=cluster.key,
                kind=FAMILIES[cluster.family],
                title=cluster.title or TITLES[cluster.family],
                title_nl=cluster.title_nl,
                when=cluster.when,
                location=cluster.place,
                time_note=cluster.time_note,
                parent=cluster.parent.key if cluster.parent else None,
                status=_status(cluster, letter_date),
                quote=quoted.unit.text,
                references=cited.get(quoted.unit.number, ()),
                assessment=Assessment(confidence, tuple(review)),
            )
        )
    main = _main(ordered, mentions)
    if main is None:
        first = next(
            (c for c in ordered if c.when and c.when.precision == "day" and c.family != "signing"),
            None,
        )
        main = first
    european = main is not None and main.family in ("rbz", "eudm")
    return Meetings(tuple(records), keys, tuple(mentions), main.key if main else None, european)
