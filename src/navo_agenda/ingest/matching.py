"""What the database already holds of a proposal, read without writing anything.

The same letter ingested twice must change nothing the second time, and a letter about
meetings someone already entered must not duplicate them. So every record is looked for
first, by what identifies it in the domain:

- the letter: its identifier, else its date and subject;
- a cited document: its identifier in the one written form (references.py), else its kind and
  date, else a title that contains the other's words ("Defence Production Action Plan (DPAP)"
  in "NATO Defence Production Action Plan (DPAP)");
- a meeting: its kind and overlapping days (and, for kind `other`, a word of its title);
- an agenda item: its meeting and title;
- a commitment: a sentence of its quote (compared without case, spaces and punctuation).

The plan says, per record, whether it is matched (and to what), added (and under which key)
or skipped (and why). `--dry-run` shows it; saving.py carries it out in the same transaction.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from navo_agenda.ingest.body import split_sentences
from navo_agenda.ingest.proposal import (
    CommitmentRecord,
    LetterRecord,
    MeetingRecord,
    Proposal,
    ReferenceRecord,
)
from navo_agenda.ingest.references import identifier_key
from navo_agenda.store.connection import Database
from navo_agenda.store.rows import as_date

Action = Literal["add", "match", "skip"]
_STOP = frozenset(
    "the of and in on for nato navo meeting bijeenkomst van de het en op voor der eu raad".split()
)


@dataclass(frozen=True)
class Decision:
    action: Action
    key: str | None  # the slug, item key or ref it has or will have
    reason: str | None = None


@dataclass
class Plan:
    letter: Decision
    references: dict[str, Decision] = field(default_factory=dict)
    meetings: dict[str, Decision] = field(default_factory=dict)
    items: dict[str, Decision] = field(default_factory=dict)
    commitments: dict[str, Decision] = field(default_factory=dict)

    def counts(self) -> dict[str, dict[str, int]]:
        groups = {
            "documents": [self.letter, *self.references.values()],
            "meetings": list(self.meetings.values()),
            "items": list(self.items.values()),
            "commitments": list(self.commitments.values()),
        }
        return {
            name: {
                action: sum(decision.action == action for decision in decisions)
                for action in ("add", "match", "skip")
            }
            for name, decisions in groups.items()
        }


def words(text: str | None) -> set[str]:
    return {word for word in re.findall(r"\w+", (text or "").lower()) if word not in _STOP}


def sentence_keys(text: str | None) -> set[str]:
    """A quote as the set of its sentences, each without case, spaces and punctuation."""
    if not text:
        return set()
    return {
        key
        for s in split_sentences(" ".join(text.split()))
        if (key := re.sub(r"[\W_]+", "", s.lower()))
    }


class _Slugs:
    """New keys handed out in this plan, so two new records never get the same one."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def free(self, base: str, exists: Callable[[str], bool]) -> str:
        candidate, number = base, 2
        while candidate in self.taken or exists(candidate):
            candidate, number = f"{base}-{number}", number + 1
        self.taken.add(candidate)
        return candidate


def plan(db: Database, proposal: Proposal) -> Plan:
    slugs = _Slugs()
    letter = _letter(db, proposal.letter, slugs)
    result = Plan(letter)
    for reference in proposal.references:
        result.references[reference.key] = _reference(db, reference, slugs)
    for meeting in proposal.meetings:
        parent = result.meetings.get(meeting.parent or "")
        result.meetings[meeting.key] = _meeting(db, meeting, parent, slugs)
    counts: dict[str, int] = {}
    for item in proposal.items:
        owner = result.meetings.get(item.meeting)
        result.items[item.key] = _item(db, item.title, owner, counts)
    refs: dict[int, int] = {}
    letter_id = _document_id(db, letter.key) if letter.action == "match" else None
    for commitment in proposal.commitments:
        owner = result.meetings.get(commitment.meeting or "")
        result.commitments[commitment.key] = _commitment(
            db, commitment, owner, proposal.meeting(commitment.meeting), letter_id, refs
        )
    return result


def letter_title(letter: LetterRecord) -> str:
    if letter.title:
        return letter.title
    return f"Letter of {letter.dated.isoformat()}" if letter.dated else "Letter to Parliament"


def _document_id(db: Database, slug: str | None) -> int | None:
    found = db.scalar("SELECT id FROM document WHERE slug = :slug", {"slug": slug})
    return None if found is None else int(found)


def _by_identifier(db: Database, identifier: str) -> str | None:
    exact = db.scalar("SELECT slug FROM document WHERE identifier = :i", {"i": identifier})
    if exact is not None:
        return str(exact)
    wanted = identifier_key(identifier)
    number = re.findall(r"\d+", identifier)[-1] if re.search(r"\d", identifier) else ""
    for row in db.rows(
        "SELECT slug, identifier FROM document WHERE identifier LIKE :pattern",
        {"pattern": f"%{number}%"},
    ):
        if identifier_key(row["identifier"]) == wanted:
            return str(row["slug"])
    return None


def _new_document_slug(
    db: Database, kind: str, title: str, identifier: str | None, dated: date | None, slugs: _Slugs
) -> str:
    from navo_agenda.editing.documents import generated_slug

    base = generated_slug(db, kind, title, identifier, dated)
    if identifier and identifier.startswith("Kamerbrief "):
        base = "kamerbrief-" + "-".join(identifier.split()[1:])
    elif identifier is None and (acronym := re.search(r"\(([A-Za-z]{2,6})\)$", title)):
        base = acronym.group(1).lower()
    return slugs.free(
        base,
        lambda slug: db.scalar("SELECT 1 FROM document WHERE slug = :s", {"s": slug}) is not None,
    )


def _letter(db: Database, letter: LetterRecord, slugs: _Slugs) -> Decision:
    title = letter_title(letter)
    if letter.identifier and (owner := _by_identifier(db, letter.identifier)):
        return Decision("match", owner, "same identifier")
    if letter.dated is not None:
        for row in db.rows(
            "SELECT slug, title FROM document WHERE dated = :dated", {"dated": letter.dated}
        ):
            if " ".join(str(row["title"]).split()).casefold() == " ".join(title.split()).casefold():
                return Decision("match", str(row["slug"]), "same date and subject")
    return Decision(
        "add", _new_document_slug(db, letter.kind, title, letter.identifier, letter.dated, slugs)
    )


def _reference(db: Database, reference: ReferenceRecord, slugs: _Slugs) -> Decision:
    if reference.identifier:
        owner = _by_identifier(db, reference.identifier)
        if owner:
            return Decision("match", owner, "same identifier")
    else:
        mine = words(reference.title)
        for row in db.rows(
            "SELECT slug, title, dated FROM document WHERE kind = :kind AND identifier IS NULL",
            {"kind": reference.kind},
        ):
            theirs = words(row["title"])
            same_day = (
                reference.dated is not None
                and row["dated"] is not None
                and as_date(row["dated"]) == reference.dated
            )
            if same_day or (mine and theirs and (mine <= theirs or theirs <= mine)):
                return Decision(
                    "match", str(row["slug"]), "same kind and date" if same_day else "same title"
                )
    slug = _new_document_slug(
        db, reference.kind, reference.title, reference.identifier, reference.dated, slugs
    )
    return Decision("add", slug)


def _meeting(
    db: Database, meeting: MeetingRecord, parent: Decision | None, slugs: _Slugs
) -> Decision:
    when = meeting.when
    if when is None:
        return Decision("skip", None, "no date: add it by hand once its date is known")
    rows = db.rows(
        "SELECT slug, title, title_nl, starts_on, ends_on FROM meeting"
        " WHERE kind = :kind AND starts_on <= :last AND ends_on >= :first"
        " ORDER BY starts_on, slug",
        {"kind": meeting.kind, "first": when.first, "last": when.last},
    )
    if meeting.kind == "other":
        mine = words(f"{meeting.title} {meeting.title_nl}")
        rows = [row for row in rows if mine & words(f"{row['title']} {row['title_nl']}")]
    if rows:
        best = min(rows, key=lambda row: abs((as_date(row["starts_on"]) - when.first).days))
        return Decision("match", str(best["slug"]), "same kind, overlapping dates")
    if parent is not None and parent.action == "skip":
        return Decision("skip", None, "the meeting it sits within is skipped")
    from navo_agenda.store.meetings import next_slug

    base = next_slug(db, meeting.kind, when.first)

    def exists(slug: str) -> bool:
        return db.scalar("SELECT 1 FROM meeting WHERE slug = :s", {"s": slug}) is not None

    return Decision("add", slugs.free(base, exists))


def _item(db: Database, title: str, owner: Decision | None, counts: dict[str, int]) -> Decision:
    if owner is None or owner.action == "skip" or owner.key is None:
        return Decision("skip", None, "its meeting is skipped")
    if owner.key not in counts:
        counts[owner.key] = 0
        if owner.action == "match":
            counts[owner.key] = int(
                db.scalar(
                    "SELECT count(*) FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
                    " WHERE m.slug = :slug",
                    {"slug": owner.key},
                )
            )
    if owner.action == "match":
        wanted = " ".join(title.split()).casefold()
        for row in db.rows(
            "SELECT a.position, a.title FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
            " WHERE m.slug = :slug ORDER BY a.position",
            {"slug": owner.key},
        ):
            if " ".join(str(row["title"]).split()).casefold() == wanted:
                return Decision("match", f"{owner.key}/{row['position']}", "same meeting and title")
    counts[owner.key] += 1
    return Decision("add", f"{owner.key}/{counts[owner.key]}")


def _commitment(
    db: Database,
    commitment: CommitmentRecord,
    owner: Decision | None,
    meeting: MeetingRecord | None,
    letter_id: int | None,
    refs: dict[int, int],
) -> Decision:
    if owner is None or owner.action == "skip" or owner.key is None or meeting is None:
        return Decision("skip", None, "its meeting is skipped" if owner else "no meeting")
    mine = sentence_keys(commitment.quote)
    rows = db.rows(
        "SELECT c.ref, c.source_quote FROM commitment c JOIN meeting m ON m.id = c.meeting_id"
        " WHERE m.slug = :slug OR c.source_id = :letter",
        {"slug": owner.key, "letter": letter_id if letter_id is not None else -1},
    )
    for row in rows:
        if mine & sentence_keys(row["source_quote"]):
            return Decision("match", str(row["ref"]), "a sentence of its quote")
    from navo_agenda.store.commitments import next_ref

    assert meeting.when is not None
    if owner.action == "match":
        starts = db.scalar("SELECT starts_on FROM meeting WHERE slug = :slug", {"slug": owner.key})
        year = as_date(starts).year
    else:
        year = meeting.when.first.year
    if year not in refs:
        refs[year] = int(next_ref(db, year).rsplit("-", 1)[1]) - 1
    refs[year] += 1
    return Decision("add", f"c-{year}-{refs[year]:03d}")
