"""An ingest proposal for review: Rich tables grouped by kind of record, and its JSON.

Each row shows what would happen to the record (added under a new key, matched to an existing
one, or skipped and why), the sentence it rests on, and how sure the reading is or what to
check. Everything from the letter goes through safe(): a letter is data, never markup.
"""

import json
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from navo_agenda.ingest.matching import Decision, Plan
from navo_agenda.ingest.proposal import Assessment, Proposal, When
from navo_agenda.render.console import safe
from navo_agenda.render.layout import Column, Grid
from navo_agenda.render.words import amount

FORMAT_VERSION = 1
# The longest quote shown for a reference or an agenda item, whose sentence is context: the
# full text is in --json.
QUOTE_LIMIT = 160


def action_cell(decision: Decision | None, local: str) -> Text:
    if decision is None:
        return safe(local, "bold")
    if decision.action == "match":
        cell = safe(f"= {decision.key}", "green")
    elif decision.action == "add":
        cell = safe(f"+ {decision.key}", "cyan")
    else:
        cell = safe("skip", "red")
    if decision.reason and decision.action == "skip":
        cell.append_text(safe(f"\n{decision.reason}", "dim"))
    return cell


def check_cell(assessment: Assessment) -> Text:
    cell = safe(assessment.confidence, "dim")
    for reason in assessment.review:
        cell.append_text(safe(f"\nneeds review: {reason}", "yellow"))
    return cell


def when_label(when: When | None) -> str:
    return f"{when.label()} ({when.precision})" if when else "no date"


def proposal_view(proposal: Proposal, plan: Plan | None) -> RenderableType:
    letter = proposal.letter
    parts: list[RenderableType] = []
    fields = [
        ("Source", f"{proposal.source} ({proposal.format})"),
        ("Document", _decision_text(plan.letter if plan else None)),
        ("Kind", letter.kind),
        ("Date", letter.dated.isoformat() if letter.dated else "not found"),
        ("Subject", letter.title or "not found"),
        ("Sender", letter.sender or ""),
        ("Identifier", letter.identifier or ""),
        ("Own reference", letter.reference or ""),
    ]
    rows = [[safe(label, "bold"), safe(value)] for label, value in fields]
    rows.append([safe("Check", "bold"), check_cell(letter.assessment)])
    parts.append(Grid([Column(), Column(wrap=True)], rows, title="The letter"))
    parts.append(_references(proposal, plan))
    parts.append(_meetings(proposal, plan))
    parts.append(_items(proposal, plan))
    parts.append(_commitments(proposal, plan))
    if plan is not None:
        parts.append(Text(summary_line(plan)))
    return Group(*_spaced(parts))


def _spaced(parts: list[RenderableType]) -> list[RenderableType]:
    spaced: list[RenderableType] = []
    for part in parts:
        if spaced:
            spaced.append(Text(""))
        spaced.append(part)
    return spaced


def _decision_text(decision: Decision | None) -> str:
    if decision is None:
        return ""
    word = {"add": "new", "match": "matches", "skip": "skipped"}[decision.action]
    return f"{word} {decision.key or ''}".strip()


def record_cell(decision: Decision | None, local: str, *lines: str) -> Text:
    """What happens to the record, then its short facts (kind, confidence) one a line."""
    cell = action_cell(decision, local)
    for line in lines:
        cell.append_text(safe(f"\n{line}", "dim"))
    return cell


def shortened(quote: str, limit: int = QUOTE_LIMIT) -> str:
    """A quote cut at a word near the limit: enough to find the sentence in the letter."""
    if len(quote) <= limit:
        return quote
    cut = quote.rfind(" ", 0, limit)
    return quote[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " …"


def quote_cell(
    head: Text | None, quote: str, assessment: Assessment, after: Text | None = None
) -> Text:
    """The sentence a record came from, with the record's own words around it (a title above,
    a Dutch position below) and what to check last: one wide column, so that at 100 columns
    the quote stays readable."""
    cell = Text()
    if head is not None and head.plain:
        cell.append_text(head)
        cell.append("\n")
    cell.append_text(safe(quote, "italic"))
    if after is not None:
        cell.append("\n")
        cell.append_text(after)
    for reason in assessment.review:
        cell.append_text(safe(f"\nneeds review: {reason}", "yellow"))
    return cell


def _references(proposal: Proposal, plan: Plan | None) -> RenderableType:
    if not proposal.references:
        return Text("References: none found.", style="dim")
    columns = [
        Column("Document"),
        Column("Dated"),
        Column("Identifier / title / quote", wrap=True),
    ]
    rows = []
    for ref in proposal.references:
        name = safe(ref.identifier or "", "bold")
        if ref.title != ref.identifier:
            name.append_text(safe(("\n" if ref.identifier else "") + ref.title))
        decision = plan.references.get(ref.key) if plan else None
        rows.append(
            [
                record_cell(decision, ref.key, ref.kind, ref.assessment.confidence),
                safe(ref.dated.isoformat() if ref.dated else ""),
                quote_cell(name, shortened(ref.quote), ref.assessment),
            ]
        )
    return Grid(columns, rows, title=f"References ({len(rows)})")


def _meetings(proposal: Proposal, plan: Plan | None) -> RenderableType:
    if not proposal.meetings:
        return Text("Meetings: none found.", style="dim")
    columns = [
        Column("Meeting"),
        Column("Dates / place"),
        Column("Title / quote", wrap=True),
    ]
    rows = []
    for meeting in proposal.meetings:
        decision = plan.meetings.get(meeting.key) if plan else None
        parent = plan.meetings.get(meeting.parent or "") if plan and meeting.parent else None
        dates = safe(when_label(meeting.when))
        if meeting.time_note:
            dates.append_text(safe(f"\n{meeting.time_note}", "dim"))
        if meeting.location:
            dates.append_text(safe(f"\n{meeting.location}"))
        if meeting.parent:
            shown = parent.key if parent and parent.key else meeting.parent
            dates.append_text(safe(f"\nwithin {shown}", "dim"))
        title = safe(meeting.title, "bold")
        title.append_text(safe(f" · {meeting.status}", "dim"))
        rows.append(
            [
                record_cell(decision, meeting.key, meeting.kind, meeting.assessment.confidence),
                dates,
                quote_cell(title, meeting.quote, meeting.assessment),
            ]
        )
    return Grid(columns, rows, title=f"Meetings ({len(rows)})")


def _meeting_name(proposal: Proposal, plan: Plan | None, key: str | None) -> str:
    decision = plan.meetings.get(key or "") if plan else None
    return decision.key if decision and decision.key else (key or "")


def _items(proposal: Proposal, plan: Plan | None) -> RenderableType:
    if not proposal.items:
        return Text("Agenda items: none found.", style="dim")
    columns = [
        Column("Item"),
        Column("Section / title", wrap=True, max_width=30),
        Column("Quote / Dutch position", wrap=True),
    ]
    rows = []
    for item in proposal.items:
        decision = plan.items.get(item.key) if plan else None
        local = f"{_meeting_name(proposal, plan, item.meeting)}/{item.position}"
        section = item.section if item.section != item.title else None
        title = safe(section or "", "dim")
        title.append_text(safe(("\n" if section else "") + item.title, "bold"))
        position = safe(f"Dutch position: {item.dutch_position or '—'}")
        rows.append(
            [
                record_cell(decision, local, item.assessment.confidence),
                title,
                quote_cell(None, shortened(item.quote), item.assessment, position),
            ]
        )
    return Grid(columns, rows, title=f"Agenda items ({len(rows)})")


def _commitments(proposal: Proposal, plan: Plan | None) -> RenderableType:
    if not proposal.commitments:
        return Text("Commitments: none found.", style="dim")
    columns = [
        Column("Commitment"),
        Column("Kind / actor", wrap=True, max_width=20),
        Column("Due / amount"),
        Column("Quote", wrap=True),
    ]
    rows = []
    for commitment in proposal.commitments:
        decision = plan.commitments.get(commitment.key) if plan else None
        who = safe(commitment.kind, "bold")
        who.append_text(safe(f"\n{commitment.actor}"))
        item = plan.items.get(commitment.item or "") if plan else None
        where = item.key if item and item.key else _meeting_name(proposal, plan, commitment.meeting)
        who.append_text(safe(f"\n{where}", "dim"))
        due = safe(commitment.due.canonical() if commitment.due else "")
        if commitment.amount is not None:
            due.append_text(
                safe(f"\n{amount(commitment.amount.amount, commitment.amount.currency)}")
            )
        if commitment.percentage:
            due.append_text(safe(f"\n{commitment.percentage}"))
        rows.append(
            [
                record_cell(decision, commitment.key, commitment.assessment.confidence),
                who,
                due,
                quote_cell(None, commitment.quote, commitment.assessment),
            ]
        )
    return Grid(columns, rows, title=f"Commitments ({len(rows)})")


def summary_line(plan: Plan) -> str:
    parts = []
    for name, counts in plan.counts().items():
        text = f"{name}: {counts['add']} new, {counts['match']} matched"
        if counts["skip"]:
            text += f", {counts['skip']} skipped"
        parts.append(text)
    return "; ".join(parts)


# -- JSON ------------------------------------------------------------------------------------


def _assessment(assessment: Assessment) -> dict[str, Any]:
    return {
        "confidence": assessment.confidence,
        "needs_review": assessment.needs_review,
        "review": list(assessment.review),
    }


def _decision(decision: Decision | None) -> dict[str, Any] | None:
    if decision is None:
        return None
    return {"action": decision.action, "key": decision.key, "reason": decision.reason}


def _when(when: When | None) -> dict[str, Any] | None:
    if when is None:
        return None
    return {
        "first": when.first.isoformat(),
        "last": when.last.isoformat(),
        "precision": when.precision,
        "label": when.label(),
    }


def proposal_json(proposal: Proposal, plan: Plan | None) -> str:
    letter = proposal.letter
    document: dict[str, Any] = {
        "format": "navo-agenda/ingest",
        "version": FORMAT_VERSION,
        "source": proposal.source,
        "input_format": proposal.format,
        "letter": {
            "kind": letter.kind,
            "title": letter.title,
            "dated": letter.dated.isoformat() if letter.dated else None,
            "sender": letter.sender,
            "identifier": letter.identifier,
            "reference": letter.reference,
            "quote": letter.quote,
            **_assessment(letter.assessment),
            "plan": _decision(plan.letter if plan else None),
        },
        "references": [
            {
                "key": ref.key,
                "kind": ref.kind,
                "identifier": ref.identifier,
                "title": ref.title,
                "dated": ref.dated.isoformat() if ref.dated else None,
                "quote": ref.quote,
                **_assessment(ref.assessment),
                "plan": _decision(plan.references.get(ref.key) if plan else None),
            }
            for ref in proposal.references
        ],
        "meetings": [
            {
                "key": m.key,
                "kind": m.kind,
                "title": m.title,
                "title_nl": m.title_nl,
                "dates": _when(m.when),
                "location": m.location,
                "time_note": m.time_note,
                "parent": m.parent,
                "status": m.status,
                "quote": m.quote,
                "references": list(m.references),
                **_assessment(m.assessment),
                "plan": _decision(plan.meetings.get(m.key) if plan else None),
            }
            for m in proposal.meetings
        ],
        "items": [
            {
                "key": i.key,
                "meeting": i.meeting,
                "position": i.position,
                "section": i.section,
                "title": i.title,
                "summary": i.summary,
                "dutch_position": i.dutch_position,
                "topics": list(i.topics),
                "quote": i.quote,
                "references": list(i.references),
                **_assessment(i.assessment),
                "plan": _decision(plan.items.get(i.key) if plan else None),
            }
            for i in proposal.items
        ],
        "commitments": [
            {
                "key": c.key,
                "kind": c.kind,
                "actor": c.actor,
                "meeting": c.meeting,
                "item": c.item,
                "due": None
                if c.due is None
                else {
                    "value": c.due.canonical(),
                    "precision": c.due.precision,
                    "first_day": c.due.first_day.isoformat(),
                    "last_day": c.due.last_day.isoformat(),
                },
                "amount": None if c.amount is None else format(c.amount.amount, "f"),
                "currency": None if c.amount is None else c.amount.currency,
                "percentage": c.percentage,
                "text": c.text,
                "quote": c.quote,
                "references": list(c.references),
                **_assessment(c.assessment),
                "plan": _decision(plan.commitments.get(c.key) if plan else None),
            }
            for c in proposal.commitments
        ],
        "counts": plan.counts() if plan else None,
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
