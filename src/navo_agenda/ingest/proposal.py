"""The proposal: what a letter says, as records a person reviews before they are saved.

Every record carries the sentence(s) it was found in, verbatim as tests/test_seed.py compares
quotes (whitespace collapsed, a hyphen at a line end joined), and either a confidence or the
reasons it needs review ("date not fixed by the text", "no year: taken from the letter's
date"). Records refer to each other by local keys (m1, i1, c1, r1), because none of them has a
slug or ref until it is saved or matched.
"""

from dataclasses import dataclass
from datetime import date
from typing import Literal

from navo_agenda.amounts import Money
from navo_agenda.dates import PartialDate, Precision

Confidence = Literal["high", "medium", "low"]


@dataclass(frozen=True)
class Assessment:
    """How sure the reading is, and what a reviewer should check (if anything)."""

    confidence: Confidence
    review: tuple[str, ...] = ()

    @property
    def needs_review(self) -> bool:
        return bool(self.review)

    def adding(self, *reasons: str | None) -> "Assessment":
        extra = tuple(reason for reason in reasons if reason and reason not in self.review)
        return Assessment(self.confidence, self.review + extra)


@dataclass(frozen=True)
class When:
    """A meeting's days as far as the text fixes them: a day or days, or a whole week, month or
    year when that is all it says."""

    first: date
    last: date
    precision: Precision

    def label(self) -> str:
        if self.precision == "year":
            return f"{self.first.year:04d}"
        if self.precision == "month":
            return f"{self.first.year:04d}-{self.first.month:02d}"
        if self.precision == "week":
            return self.end().canonical()
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}..{self.last.isoformat()}"

    def end(self) -> PartialDate:
        """Its last day at its own precision: what a commitment due at the meeting is due by."""
        if self.precision == "year":
            return PartialDate("year", self.last.year)
        if self.precision == "month":
            return PartialDate("month", self.last.year, self.last.month)
        if self.precision == "week":
            iso = self.last.isocalendar()
            return PartialDate("week", iso.year, iso.week)
        return PartialDate.of_day(self.last)

    def overlaps(self, first: date, last: date) -> bool:
        return self.first <= last and first <= self.last


@dataclass(frozen=True)
class LetterRecord:
    """The letter itself, to become a Document."""

    kind: str  # "letter", or "kamerstuk" when it has a Kamerstuk number
    title: str | None  # the subject ("Betreft ...")
    dated: date | None
    sender: str | None
    identifier: str | None  # its Kamerstuk number, else the ministry's own reference
    reference: str | None  # the ministry's own reference ("Onze referentie ...")
    body: str
    quote: str | None  # the line its date was read from
    assessment: Assessment


@dataclass(frozen=True)
class ReferenceRecord:
    """A document the letter cites."""

    key: str
    kind: str
    identifier: str | None
    title: str
    dated: date | None
    quote: str
    assessment: Assessment


@dataclass(frozen=True)
class MeetingRecord:
    key: str
    kind: str
    title: str
    title_nl: str | None
    when: When | None
    location: str | None
    time_note: str | None
    parent: str | None  # key of the meeting it sits within
    status: str
    quote: str
    references: tuple[str, ...]
    assessment: Assessment


@dataclass(frozen=True)
class ItemRecord:
    key: str
    meeting: str  # key
    position: int  # within its meeting, in the letter's order
    section: str | None
    title: str
    summary: str | None
    dutch_position: str | None
    topics: tuple[str, ...]
    quote: str
    references: tuple[str, ...]
    assessment: Assessment


@dataclass(frozen=True)
class CommitmentRecord:
    key: str
    kind: str  # pledge, expected or position
    actor: str
    meeting: str | None  # key
    item: str | None  # key
    due: PartialDate | None
    amount: Money | None
    percentage: str | None  # "2,2% bbp": a share, never money
    text: str
    quote: str
    references: tuple[str, ...]
    assessment: Assessment


@dataclass(frozen=True)
class Proposal:
    source: str  # the file name, or "standard input"
    format: str  # text, pdf or html
    letter: LetterRecord
    references: tuple[ReferenceRecord, ...]
    meetings: tuple[MeetingRecord, ...]
    items: tuple[ItemRecord, ...]
    commitments: tuple[CommitmentRecord, ...]

    def meeting(self, key: str | None) -> MeetingRecord | None:
        return next((meeting for meeting in self.meetings if meeting.key == key), None)

    def item(self, key: str | None) -> ItemRecord | None:
        return next((item for item in self.items if item.key == key), None)
