"""Undoing what PDF extraction does to a letter's text, before anything is recognised in it.

Text taken from a PDF carries the page with it: a stray first line (a fragment of the PDF's
own metadata before "Retouradres"), trailing spaces, page numbers and the header or running
head repeated on every page, footnotes at the foot of a page in the middle of a paragraph,
footnote numbers glued to the word they annotate ("Oekraïne1"), soft hyphens where a word was
broken. Each is repaired here, conservatively: a hyphen at a line end is kept (joined as
tests/test_seed.py's normalise joins it), because without a dictionary "NAVO-" and "defensie-"
cannot be told from a broken word; only a soft hyphen (U+00AD), which says so itself, is
removed. The repaired text is what quotes are taken from, so every quote occurs in it.
"""

import re

_PAGE_NUMBER = re.compile(
    r"\s*(?:[-–]\s*)?\d{1,3}(?:\s*[-–])?\s*"
    r"|\s*(?:pagina|page|blz\.?|p\.)\s*\d{1,3}(?:\s*(?:van|of|/)\s*\d{1,3})?\s*",
    re.IGNORECASE,
)
# The running head of a Kamerstuk page: "Tweede Kamer, vergaderjaar 2025–2026, 28 676, nr. 554  2".
_RUNNING_HEAD = re.compile(
    r"\s*(?:Tweede|Eerste) Kamer,? vergaderjaar .*\bnr\.\s*\d+\b.*", re.IGNORECASE
)
_FOOTNOTE = re.compile(r"\s*\d{1,2}\s+\S")
_SENTENCE_END = re.compile(r"[.!?:;)]\s*$")
_STRAY_BEFORE = re.compile(r"\bRetouradres\b")
_GLUED_FOOTNOTE = re.compile(r"(?<=[a-zà-öø-ÿ]{2})(?:[0-9]{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)(?=[\s.,;:!?)]|$)")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\t": " "})
_EDGE = 4  # how many lines at the top and foot of a page may be page furniture


def repair(text: str) -> str:
    """The letter's text with the page furniture removed and its words whole again."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPACES)
    text = text.replace("\u00ad\n", "").replace("\u00ad", "")
    pages = [[line.rstrip() for line in page.split("\n")] for page in text.split("\f")]
    footnotes: list[str] = []
    if len(pages) > 1:
        pages = _without_page_furniture(pages)
        for page in pages[:-1]:
            footnotes.extend(_take_footnotes(page))
    lines = _join_pages(pages)
    lines = [line for line in lines if not _PAGE_NUMBER.fullmatch(line) or not line.strip()]
    lines = _without_stray_first_line(lines)
    if footnotes:
        lines += ["", *footnotes]
    joined = "\n".join(line.rstrip() if line.strip() else "" for line in lines)
    joined = _GLUED_FOOTNOTE.sub("", joined)
    return re.sub(r"\n{3,}", "\n\n", joined).strip("\n") + "\n"


def _key(line: str) -> str:
    """A line with its numbers blanked: page 2's header reads like page 3's."""
    return re.sub(r"\d+", "#", " ".join(line.split())).lower()


def _edges(page: list[str]) -> list[int]:
    filled = [index for index, line in enumerate(page) if line.strip()]
    return filled[:_EDGE] + filled[-_EDGE:]


def _without_page_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Page numbers, running heads and the header lines each page after the first repeats
    (a ministry letter repeats "Datum ..." and "Onze referentie ..." at the top of each page).
    A line counts as repeated when it stands at the edge of two pages, or at the edge of a
    later page and among the first lines of the first."""
    letterhead = {_key(line) for line in pages[0][:40] if line.strip() and len(line) <= 70}
    seen: dict[str, int] = {}
    for page in pages:
        for key in {_key(page[index]) for index in _edges(page)}:
            seen[key] = seen.get(key, 0) + 1
    cleaned = []
    for number, page in enumerate(pages):
        drop = set()
        for index in _edges(page):
            line = page[index]
            key = _key(line)
            short = len(line.strip()) <= 70
            if _PAGE_NUMBER.fullmatch(line) or _RUNNING_HEAD.fullmatch(line):
                drop.add(index)
            elif number > 0 and short and (key in letterhead or seen.get(key, 0) > 1):
                drop.add(index)
        cleaned.append([line for index, line in enumerate(page) if index not in drop])
    return cleaned


def _take_footnotes(page: list[str]) -> list[str]:
    """Footnotes at the foot of a page ("1 Kamerstuk 36 045, nr. 200") are cut from there, where
    they would split a paragraph running on to the next page, and returned to go at the end."""
    while page and not page[-1].strip():
        page.pop()
    start = len(page)
    while start > 0 and _FOOTNOTE.match(page[start - 1]):
        start -= 1
    if start == len(page) or start == 0 or page[start - 1].strip():
        return []
    notes = [line.strip() for line in page[start:]]
    del page[start:]
    return notes


def _join_pages(pages: list[list[str]]) -> list[str]:
    """One list of lines. A paragraph broken by the page goes on (no blank line) unless the
    page ended on the end of a sentence."""
    lines: list[str] = []
    for page in pages:
        while page and not page[0].strip():
            page = page[1:]
        if lines:
            while lines and not lines[-1].strip():
                lines.pop()
            ended = bool(lines) and bool(_SENTENCE_END.search(lines[-1]))
            starts_low = bool(page) and page[0].lstrip()[:1].islower()
            if ended and not starts_low:
                lines.append("")
        lines.extend(page)
    return lines


def _without_stray_first_line(lines: list[str]) -> list[str]:
    """The founding letter starts with " v agenda> Retouradres ...": a scrap of the PDF before
    the letterhead. What stands before "Retouradres" goes; a short first line of markup
    scraps (angle brackets) goes entirely."""
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        found = _STRAY_BEFORE.search(line)
        if found and found.start() > 0:
            lines = [*lines[:index], line[found.start() :], *lines[index + 1 :]]
        elif not found and re.search(r"[<>]", line) and len(line.strip()) <= 40:
            lines = [*lines[:index], *lines[index + 1 :]]
        break
    return lines
