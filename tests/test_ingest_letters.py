"""The fixture letters in tests/letters/, each against the extraction written down next to it.

Every letter is short and in one of the layouts real letters have: a ministry letter (Retouradres,
Datum, Betreft, Onze referentie), a Kamerstuk (Vergaderjaar, dossier, "Nr. 554", "Den Haag,
<date>"), a committee-debate report listing earlier letters, an EU defence council's agenda
with no NATO meeting in it, a letter with the quirks of PDF extraction, letters whose dates
lack a year or a day. `<letter>.expected.json` says, category by category, what ingest must
find; a difference names the category and shows both sides.
"""

import json
from pathlib import Path
from typing import Any

import pytest

from navo_agenda.ingest.pipeline import propose
from navo_agenda.ingest.proposal import Proposal
from navo_agenda.ingest.text import read_source

LETTERS = Path(__file__).resolve().parent / "letters"
CATEGORIES = ("letter", "references", "meetings", "items", "commitments")


def summarise(proposal: Proposal) -> dict[str, Any]:
    """What a fixture's expectation pins down: per category the fields a reviewer checks.
    Meetings are named by kind and dates ("udcg@2025-10-15"), so that items and commitments
    can say which meeting they belong to without the proposal's local keys."""
    names = {
        m.key: f"{m.kind}@{m.when.label() if m.when else 'undated'}" for m in proposal.meetings
    }
    letter = proposal.letter
    return {
        "letter": {
            "kind": letter.kind,
            "title": letter.title,
            "dated": letter.dated.isoformat() if letter.dated else None,
            "sender": letter.sender,
            "identifier": letter.identifier,
            "reference": letter.reference,
        },
        "references": sorted(
            (
                {
                    "identifier": r.identifier,
                    "kind": r.kind,
                    "title": r.title,
                    "dated": r.dated.isoformat() if r.dated else None,
                }
                for r in proposal.references
            ),
            key=json.dumps,
        ),
        "meetings": [
            {
                "meeting": names[m.key],
                "title": m.title,
                "location": m.location,
                "parent": names.get(m.parent or ""),
                "status": m.status,
                "time_note": m.time_note,
                "needs_review": m.assessment.needs_review,
            }
            for m in proposal.meetings
        ],
        "items": [
            {
                "meeting": names[i.meeting],
                "position": i.position,
                "section": i.section,
                "title": i.title,
                "dutch_position": i.dutch_position is not None,
            }
            for i in proposal.items
        ],
        "commitments": [
            {
                "kind": c.kind,
                "actor": c.actor,
                "meeting": names.get(c.meeting or ""),
                "due": c.due.canonical() if c.due else None,
                "amount": f"{c.amount.amount} {c.amount.currency}" if c.amount else None,
                "percentage": c.percentage,
                "quote": c.quote[:60],
                "needs_review": c.assessment.needs_review,
            }
            for c in proposal.commitments
        ],
    }


def letters() -> list[Path]:
    return sorted(path for path in LETTERS.glob("*.txt"))


def test_there_are_at_least_eight_fixture_letters_each_with_its_expectation() -> None:
    found = letters()
    assert len(found) >= 8
    for letter in found:
        assert letter.with_suffix(".expected.json").is_file(), f"{letter.name} has no expectation"


@pytest.mark.parametrize("letter", letters(), ids=lambda path: path.stem)
@pytest.mark.parametrize("category", CATEGORIES)
def test_fixture_letter_gives_its_expected_extraction(letter: Path, category: str) -> None:
    expected = json.loads(letter.with_suffix(".expected.json").read_text(encoding="utf-8"))
    found = summarise(propose(read_source(str(letter))))
    assert found[category] == expected[category], (
        f"{letter.name}, {category}:\nexpected {json.dumps(expected[category], indent=1)}\n"
        f"found {json.dumps(found[category], indent=1, ensure_ascii=False)}"
    )
