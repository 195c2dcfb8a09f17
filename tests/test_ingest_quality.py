"""Ingest of the founding letter against the seed, its answer key: precision and recall per
category, both at least 0.95.

The seed (data/seed.sql) is what a careful reader took from the letter. Records the seed holds
from other sources (FACTS.md) are not the letter's and are left out; so are the seed's own
English texts (titles, summaries), which ingest does not write. How a proposed record matches
a seed record:

- meetings: the same kind, and the seed's days inside the days proposed (a proposal "2025-02"
  matches a meeting held on 13 February 2025; "2025-06-05" only one on that day);
- agenda items: the same meeting (matched as above) and the same title;
- commitments: a sentence of the quote in common, and the same kind, due date (value and
  precision) and meeting;
- amounts: the same value and currency;
- references (documents the letter cites): the same identifier in its one written form, or,
  for a document without one, the same kind and date or a title that contains the other's words.
"""

import re
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from navo_agenda.ingest.body import split_sentences
from navo_agenda.ingest.matching import sentence_keys, words
from navo_agenda.ingest.pipeline import propose
from navo_agenda.ingest.proposal import MeetingRecord, Proposal
from navo_agenda.ingest.references import identifier_key
from navo_agenda.ingest.text import read_source
from tests.conftest import LETTER

LETTER_SLUG = "letter-2025-05-21"
FLOOR = 0.95


@pytest.fixture
def db(seeded_db: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(seeded_db)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


@pytest.fixture(scope="module")
def proposal() -> Proposal:
    return propose(read_source(str(LETTER)))


@dataclass
class Score:
    category: str
    proposed: int
    expected: int
    true_positives: int
    missed: list[str]
    extra: list[str]

    @property
    def precision(self) -> float:
        return self.true_positives / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.expected if self.expected else 1.0


def score(
    category: str,
    proposed: Sequence[Any],
    expected: Sequence[Any],
    same: Callable[[Any, Any], bool],
    show: Callable[[Any], str] = str,
) -> Score:
    """One-to-one: each seed record is matched by at most one proposed record."""
    free = list(expected)
    hits = 0
    extra = []
    for record in proposed:
        partner = next((seed for seed in free if same(record, seed)), None)
        if partner is None:
            extra.append(show(record))
        else:
            free.remove(partner)
            hits += 1
    return Score(category, len(proposed), len(expected), hits, [str(s) for s in free], extra)


def table(scores: list[Score]) -> str:
    lines = [
        f"{'category':<12} {'proposed':>8} {'seed':>5} {'match':>5} {'precision':>9} {'recall':>7}"
    ]
    for s in scores:
        lines.append(
            f"{s.category:<12} {s.proposed:>8} {s.expected:>5} {s.true_positives:>5}"
            f" {s.precision:>9.2f} {s.recall:>7.2f}"
        )
        lines += [f"   missed: {m}" for m in s.missed] + [f"   extra:  {e}" for e in s.extra]
    return "\n".join(lines)


def seed_rows(db: sqlite3.Connection, sql: str) -> list[sqlite3.Row]:
    return db.execute(sql, {"letter": LETTER_SLUG}).fetchall()


def covers(meeting: MeetingRecord, row: sqlite3.Row) -> bool:
    when = meeting.when
    if when is None or meeting.kind != row["kind"]:
        return False
    starts, ends = date.fromisoformat(row["starts_on"]), date.fromisoformat(row["ends_on"])
    if when.precision == "day":
        return (when.first, when.last) == (starts, ends)
    return when.first <= starts and ends <= when.last


def scores(db: sqlite3.Connection, proposal: Proposal) -> list[Score]:
    from_letter = "(SELECT id FROM document WHERE slug = :letter)"
    meetings = seed_rows(
        db, f"SELECT slug, kind, starts_on, ends_on FROM meeting WHERE source_id = {from_letter}"
    )
    slug_of: dict[str, str] = {}
    for record in proposal.meetings:
        found = next((row for row in meetings if covers(record, row)), None)
        if found is not None:
            slug_of[record.key] = found["slug"]
    results = [
        score(
            "meetings",
            proposal.meetings,
            meetings,
            covers,
            lambda m: f"{m.kind} {m.when.label() if m.when else 'undated'}",
        )
    ]
    items = seed_rows(
        db,
        "SELECT m.slug, a.title FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id"
        f" WHERE a.source_id = {from_letter}",
    )
    results.append(
        score(
            "items",
            proposal.items,
            [(row["slug"], row["title"]) for row in items],
            lambda item, seed: (slug_of.get(item.meeting), item.title) == seed,
            lambda item: f"{slug_of.get(item.meeting)} {item.title}",
        )
    )
    commitments = seed_rows(
        db,
        "SELECT c.ref, c.kind, c.due, c.due_precision, c.amount, c.currency, c.source_quote,"
        " m.slug FROM commitment c JOIN meeting m ON m.id = c.meeting_id"
        f" WHERE c.source_id = {from_letter}",
    )

    def same_commitment(record: Any, row: sqlite3.Row) -> bool:
        due = record.due
        return (
            bool(sentence_keys(record.quote) & sentence_keys(row["source_quote"]))
            and record.kind == row["kind"]
            and (due.canonical() if due else None) == row["due"]
            and (due.precision if due else None) == row["due_precision"]
            and slug_of.get(record.meeting) == row["slug"]
        )

    results.append(
        score(
            "commitments",
            proposal.commitments,
            commitments,
            same_commitment,
            lambda c: f"{c.kind} {c.due.canonical() if c.due else '-'} {c.quote[:50]}",
        )
    )
    amounts = [(row["amount"], row["currency"]) for row in commitments if row["amount"]]
    proposed = [
        (format(c.amount.amount, "f"), c.amount.currency) for c in proposal.commitments if c.amount
    ]
    results.append(score("amounts", proposed, amounts, lambda a, b: a == b))
    cited = seed_rows(
        db,
        f"""SELECT DISTINCT d.slug, d.kind, d.identifier, d.title, d.dated FROM document d
           WHERE d.id IN (
             SELECT l.document_id FROM meeting_document l JOIN meeting r ON r.id = l.meeting_id
              WHERE l.relation = 'cites' AND r.source_id = {from_letter}
             UNION SELECT l.document_id FROM agenda_item_document l
               JOIN agenda_item r ON r.id = l.agenda_item_id
              WHERE l.relation = 'cites' AND r.source_id = {from_letter}
             UNION SELECT l.document_id FROM commitment_document l
               JOIN commitment r ON r.id = l.commitment_id
              WHERE l.relation = 'cites' AND r.source_id = {from_letter})""",
    )

    def same_document(record: Any, row: sqlite3.Row) -> bool:
        if row["identifier"] or record.identifier:
            return bool(record.identifier and row["identifier"]) and identifier_key(
                record.identifier
            ) == identifier_key(row["identifier"])
        if record.kind != row["kind"]:
            return False
        if record.dated and row["dated"]:
            return record.dated.isoformat() == row["dated"]
        mine, theirs = words(record.title), words(row["title"])
        return bool(mine and theirs) and (mine <= theirs or theirs <= mine)

    results.append(
        score(
            "references",
            proposal.references,
            cited,
            same_document,
            lambda r: r.identifier or r.title,
        )
    )
    return results


def test_founding_letter_precision_and_recall_per_category(
    db: sqlite3.Connection, proposal: Proposal
) -> None:
    found = scores(db, proposal)
    report = table(found)
    print(report)
    expected_sizes = {"meetings": 9, "items": 7, "commitments": 15, "amounts": 1, "references": 4}
    assert {s.category: s.expected for s in found} == expected_sizes, report
    for s in found:
        assert s.precision >= FLOOR, f"{s.category} precision {s.precision:.2f}\n{report}"
        assert s.recall >= FLOOR, f"{s.category} recall {s.recall:.2f}\n{report}"


def test_founding_letter_actors_and_dutch_positions_agree_with_the_seed(
    db: sqlite3.Connection, proposal: Proposal
) -> None:
    """Beyond the match: who acts, and which items state a Dutch position (by sentence)."""
    rows = db.execute(
        "SELECT ref, actor, source_quote FROM commitment WHERE source_id ="
        " (SELECT id FROM document WHERE slug = ?)",
        (LETTER_SLUG,),
    ).fetchall()
    wrong = []
    for ref, actor, quote in rows:
        record = next(
            c for c in proposal.commitments if sentence_keys(c.quote) & sentence_keys(quote)
        )
        if record.actor != actor:
            wrong.append(f"{ref}: {record.actor!r} != {actor!r}")
    assert not wrong
    items = db.execute(
        "SELECT a.title, a.dutch_position FROM agenda_item a WHERE a.source_id ="
        " (SELECT id FROM document WHERE slug = ?)",
        (LETTER_SLUG,),
    ).fetchall()
    for title, position in items:
        record = next(i for i in proposal.items if i.title == title)
        if position is None:
            assert record.dutch_position is None, title
        else:
            assert sentence_keys(record.dutch_position) & sentence_keys(position), title


def test_founding_letter_quotes_are_verbatim(proposal: Proposal) -> None:
    """Every quote occurs in the letter, compared as tests/test_seed.py compares quotes."""
    text = " ".join(re.sub(r"-\s*\n\s*", "-", LETTER.read_text(encoding="utf-8")).split())
    quotes = [m.quote for m in proposal.meetings] + [i.quote for i in proposal.items]
    quotes += [c.quote for c in proposal.commitments] + [r.quote for r in proposal.references]
    # A Dutch position gathers the section's sentences: each is verbatim, not the whole.
    quotes += [s for i in proposal.items for s in split_sentences(i.dutch_position or "")]
    missing = [quote for quote in quotes if quote not in text]
    assert not missing
