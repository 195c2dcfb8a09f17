"""The letter laid out: its header, its body as headings and paragraphs, its sentences, and
the signature.

A letter to Parliament has a fixed shape whatever its layout: a header (letterhead, address,
"Datum", "Betreft", references; or, in a Kamerstuk, the dossier and number), a salutation, the
body, a closing ("Hoogachtend,") and the signature. The body's headings stand on a line of
their own, without a full stop; they carry the letter's structure (structure.py). Sentences are
the unit every record is quoted by.
"""

import re
import statistics
from dataclasses import dataclass
from typing import Literal

SALUTATION = re.compile(r"\s*(?:Geachte|Zeer geachte|Dear)\b.*", re.IGNORECASE)
CLOSING = re.compile(
    r"\s*(?:Hoogachtend|Met (?:vriendelijke|hartelijke) groet(?:en)?|Met de meeste hoogachting"
    r"|Yours sincerely)\s*,?\s*",
    re.IGNORECASE,
)
# "De Minister van Defensie," closing a Kamerstuk, or "DE MINISTER VAN DEFENSIE" in capitals.
ROLE = re.compile(
    r"\s*(?:de |the )?(?:minister(?:-president)?|staatssecretaris|voorzitter|griffier)"
    r"\s+(?:van|voor|of)\s+.{3,80}",
    re.IGNORECASE,
)
PLACE_DATE = re.compile(
    r"\s*(?:Den Haag|['’]s-Gravenhage|The Hague|Brussel),\s+\d{1,2}\s+\S+\s+\d{4}"
)
# A Kamerstuk report ("verslag") has no "Den Haag, <date>" but "Vastgesteld <date>".
ESTABLISHED = re.compile(r"\s*Vastgesteld\s+\d{1,2}\s+\S+\s+\d{4}\s*$")
BULLET = re.compile(r"\s*(?:[-–•*·]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.,;:!?]\s*$")

# Abbreviations after which a full stop does not end a sentence. "jl." and "a.s." are not
# here: they end a sentence whenever a capital follows, which is what they do in letters.
_ABBREVIATIONS = frozenset(
    """nr nrs o.a bijv d.w.z m.b.t t.a.v i.v.m e.d ca resp incl excl art blz vs mr dr drs ir prof
    z.s.m n.a.v m.n c.q e.a o.b.v i.c.m vgl zgn evt max min mln mld mrd st no p pp jr sr""".split()
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZÀ-ÖØ-Þ0-9€])")


def normalise(text: str) -> str:
    """Whitespace collapsed, a hyphen at a line end joined to the next word (kept), as
    tests/test_seed.py compares quotes: the form every quote is given in."""
    return " ".join(re.sub(r"-[ \t]*\n\s*", "-", text).split())


Kind = Literal["heading", "paragraph"]


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str  # normalised
    number: int  # position among the body's blocks


@dataclass(frozen=True)
class Unit:
    """A sentence (or the subject line, or a heading): what records are found in and quoted by.

    `section` is the number of the heading block it falls under (None before the first),
    `block` the number of its paragraph; the subject line has neither.
    """

    text: str
    number: int
    where: Literal["subject", "heading", "body"]
    block: int | None
    section: int | None


@dataclass(frozen=True)
class Layout:
    header: tuple[str, ...]  # lines before the body, as repaired
    blocks: tuple[Block, ...]
    closing: tuple[str, ...]  # the closing and the signature, and whatever follows
    units: tuple[Unit, ...]  # the body's headings and sentences, in order

    def headings(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "heading"]


def lay_out(text: str, subject: str | None = None) -> Layout:
    lines = text.split("\n")
    start = _body_start(lines)
    end = _body_end(lines, start)
    blocks = _blocks(lines[start:end])
    units: list[Unit] = []
    if subject:
        units.append(Unit(subject, 0, "subject", None, None))
    section: int | None = None
    for block in blocks:
        if block.kind == "heading":
            section = block.number
            units.append(Unit(block.text, len(units), "heading", block.number, section))
            continue
        for sentence in split_sentences(block.text):
            units.append(Unit(sentence, len(units), "body", block.number, section))
    return Layout(tuple(lines[:start]), tuple(blocks), tuple(lines[end:]), tuple(units))


def _body_start(lines: list[str]) -> int:
    """After the salutation; without one (a Kamerstuk), after "Den Haag, <date>"; else after
    the "Betreft" lines; else at the top."""
    for index, line in enumerate(lines[:80]):
        if SALUTATION.fullmatch(line):
            return index + 1
    for index, line in enumerate(lines[:80]):
        if PLACE_DATE.match(line) or ESTABLISHED.match(line):
            return index + 1
    for index, line in enumerate(lines[:60]):
        if re.match(r"\s*Betreft\b", line):
            following = index + 1
            while following < len(lines) and lines[following].strip():
                following += 1
            return following
    return 0


def _body_end(lines: list[str], start: int) -> int:
    for index in range(start, len(lines)):
        line = lines[index]
        if CLOSING.fullmatch(line):
            return index
        stripped = line.strip()
        role = ROLE.fullmatch(line)
        if role and (stripped.endswith(",") or (stripped.isupper() and len(stripped) < 80)):
            return index
    return len(lines)


def _is_heading(line: str, typical: float) -> bool:
    """A line of its own, short, without the punctuation that ends or continues a sentence,
    starting like a title."""
    stripped = line.strip()
    words = stripped.split()
    if not words or len(words) > 12 or len(stripped) > 90 or _TERMINAL.search(stripped):
        return False
    if BULLET.match(line) or not (stripped[0].isupper() or stripped[0].isdigit()):
        return False
    return len(stripped) < max(40.0, 0.75 * typical)


def _blocks(lines: list[str]) -> list[Block]:
    """Paragraphs are separated by blank lines; a line indented after the end of a sentence,
    or a list item, starts a new one; a short unpunctuated line standing alone, or starting a
    paragraph whose next line starts with a capital, is a heading."""
    lengths = [len(line.strip()) for line in lines if len(line.strip()) > 20]
    typical = statistics.median(lengths) if lengths else 80.0
    groups: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                groups.append(current)
            current = []
            continue
        indented = line[:1].isspace() and bool(current) and bool(_TERMINAL.search(current[-1]))
        if current and (BULLET.match(line) or indented):
            groups.append(current)
            current = []
        current.append(line)
    if current:
        groups.append(current)
    blocks: list[Block] = []
    for group in groups:
        first, rest = group[0], group[1:]
        if _is_heading(first, typical) and (
            not rest or (rest[0].strip()[:1].isupper() and len(first.split()) <= 8)
        ):
            blocks.append(Block("heading", normalise(first), len(blocks)))
            if not rest:
                continue
            group = rest
        blocks.append(Block("paragraph", normalise("\n".join(group)), len(blocks)))
    return blocks


def split_sentences(text: str) -> list[str]:
    """Sentences of a normalised paragraph: a full stop ends one unless it follows an
    abbreviation ("nr. 440", "o.a.") or an initial ("R.P. Brekelmans")."""
    sentences: list[str] = []
    start = 0
    for found in _SENTENCE_BREAK.finditer(text):
        before = text[start : found.start()].rstrip("\"'”’)")
        last = before.rsplit(" ", 1)[-1].rstrip(".").lower()
        initials = re.fullmatch(r"(?:[^\W\d_]\.)*[^\W\d_]", last) is not None
        if before.endswith(".") and (last in _ABBREVIATIONS or initials):
            continue
        sentences.append(text[start : found.start()].strip())
        start = found.end()
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences
