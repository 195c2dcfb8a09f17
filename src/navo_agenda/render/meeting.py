"""One meeting in full, as a Rich renderable: header, agenda, commitments, documents."""

from collections.abc import Iterable, Mapping
from datetime import date

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from navo_agenda.records import (
    AgendaItemRecord,
    CommitmentRecord,
    DocumentRef,
    MeetingDetail,
    MeetingRow,
)
from navo_agenda.render.console import safe
from navo_agenda.render.layout import Column, Grid
from navo_agenda.render.tables import meeting_table
from navo_agenda.render.words import amount, due, span, status_style
from navo_agenda.vocabulary import MEETING_KINDS


def meeting_detail(detail: MeetingDetail, *, today: date, width: int) -> Group:
    keys = detail.document_keys
    parts: list[RenderableType] = [header(detail)]
    fields = [
        field(label, safe(value))
        for label, value in (("Summary", detail.summary), ("Outcome", detail.outcome))
        if value
    ]
    if detail.source or detail.source_quote:
        fields.append(field("Source", quoted(detail.source, detail.source_quote, keys)))
    if fields:
        parts.append(Grid(FIELD_COLUMNS, fields))
    if detail.children:
        parts.append(meeting_table(detail.children, width=width, title="Within this meeting"))
    parts.append(agenda(detail.items))
    parts.append(commitment_table(detail.commitments, today=today))
    parts.append(document_table(detail.documents, keys))
    return Group(*parts)


def header(detail: MeetingDetail) -> Panel:
    meeting = detail.meeting
    lines = Text()
    lines.append_text(safe(meeting.title, "bold"))
    if meeting.title_nl:
        lines.append("\n")
        lines.append_text(safe(meeting.title_nl, "italic"))
    facts = [
        MEETING_KINDS.get(meeting.kind, meeting.kind),
        span(meeting.starts_on, meeting.ends_on),
        *([meeting.time_note] if meeting.time_note else []),
        *([meeting.location] if meeting.location else []),
    ]
    lines.append("\n")
    lines.append_text(safe(" · ".join(facts)))
    lines.append(" · ")
    lines.append_text(safe(meeting.status, status_style(meeting.status)))
    if detail.parent is not None:
        lines.append("\nPart of: ")
        lines.append_text(safe(detail.parent.slug, "bold"))
        lines.append(" ")
        lines.append_text(safe(detail.parent.title))
    return Panel(lines, title=safe(meeting.slug), title_align="left", box=box.ROUNDED)


def meeting_line(meeting: MeetingRow) -> Text:
    """A meeting on one line, for what belongs to it: 'dmm-2025-06 NATO Defence Ministers
    Meeting · 2025-06-05 · NATO HQ, Brussels · held'."""
    line = safe(meeting.slug, "bold")
    line.append(" ")
    line.append_text(safe(meeting.title))
    facts = [
        span(meeting.starts_on, meeting.ends_on),
        *([meeting.time_note] if meeting.time_note else []),
        *([meeting.location] if meeting.location else []),
    ]
    line.append_text(safe(" · " + " · ".join(facts)))
    line.append(" · ")
    line.append_text(safe(meeting.status, status_style(meeting.status)))
    return line


FIELD_COLUMNS = (Column(), Column(wrap=True))


def field(label: str, value: Text) -> list[Text]:
    return [Text(f"{label}:", style="bold"), value]


def quoted(source: str | None, quote: str | None, keys: Mapping[str, str]) -> Text:
    """The source as the key that opens it (`keys`: store.keyed.document_keys), and the
    quote."""
    text = safe(keys.get(source, source), "bold") if source else Text()
    if quote:
        if source:
            text.append(": ")
        text.append("“")
        text.append_text(safe(quote, "italic"))
        text.append("”")
    return text


def agenda(items: Iterable[AgendaItemRecord]) -> RenderableType:
    items = list(items)
    if not items:
        return Text("Agenda: no items recorded.", style="dim")
    parts: list[RenderableType] = [Text("Agenda", style="bold underline")]
    section: str | None = None
    for item in items:
        if item.section and item.section != section:
            section = item.section
            if item.section != item.title:
                parts.append(safe(section, "bold"))
        parts.append(agenda_item(item))
    return Group(*parts)


TITLE_COLUMNS = (Column(), Column(wrap=True, min_width=20))


def agenda_item(item: AgendaItemRecord) -> RenderableType:
    """The item's number, then its title and topics, which wrap under the title's start."""
    title = safe(item.title, "bold")
    if item.topics:
        title.append("  ")
        title.append_text(safe("[" + ", ".join(item.topics) + "]", "dim"))
    fields = [
        field(label, safe(value))
        for label, value in (
            ("Summary", item.summary),
            ("Dutch position", item.dutch_position),
            ("Outcome", item.outcome),
        )
        if value
    ]
    if not item.dutch_position:
        fields.append(field("Dutch position", Text("not stated in the source", style="dim")))
    heading = Grid(TITLE_COLUMNS, [[Text(f"{item.position}."), title]])
    return Group(heading, Grid(FIELD_COLUMNS, fields, indent=3))


def commitment_table(commitments: Iterable[CommitmentRecord], *, today: date) -> RenderableType:
    commitments = list(commitments)
    if not commitments:
        return Text("Commitments: none recorded.", style="dim")
    columns = [
        Column("Ref"),
        Column("Kind"),
        Column("Commitment", wrap=True),
        Column("Due"),
        Column("Amount", justify="right"),
        Column("Status"),
    ]
    rows = []
    for commitment in commitments:
        text = safe(commitment.text)
        text.append("\n")
        text.append_text(safe(commitment.actor, "dim"))
        if commitment.item_position is not None:
            text.append_text(safe(f" · item {commitment.item_position}", "dim"))
        status = safe(commitment.status, status_style(commitment.status))
        if commitment.is_overdue(today):
            status.append("\nOVERDUE", style="bold red")
        rows.append(
            [
                safe(commitment.ref, "bold"),
                safe(commitment.kind),
                text,
                Text(due(commitment.due)),
                Text(amount(commitment.amount, commitment.currency)),
                status,
            ]
        )
    return Grid(columns, rows, title="Commitments")


def document_table(documents: Iterable[DocumentRef], keys: Mapping[str, str]) -> RenderableType:
    documents = list(documents)
    if not documents:
        return Text("Documents: none recorded.", style="dim")
    columns = [
        Column("Key"),
        Column("Kind"),
        Column("Document", wrap=True, min_width=24),
        Column("Dated"),
        Column("Used as", wrap=True, max_width=16),
    ]
    rows = []
    for document in documents:
        text = safe(document.identifier, "bold") if document.identifier else Text()
        if document.identifier:
            text.append("\n")
        text.append_text(safe(document.title))
        if document.url:
            text.append("\n")
            text.append_text(safe(document.url, "dim"))
        rows.append(
            [
                safe(keys.get(document.slug, document.slug), "bold"),
                safe(document.kind),
                text,
                Text(document.dated.isoformat() if document.dated else ""),
                Text(", ".join(document.relations)),
            ]
        )
    return Grid(columns, rows, title="Documents")
