"""The meeting list and one meeting in full, as Rich renderables."""

from collections.abc import Iterable
from datetime import date

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from navo_agenda.records import (
    AgendaItemRecord,
    CommitmentRecord,
    DocumentRef,
    MeetingDetail,
    MeetingRow,
)
from navo_agenda.render.console import safe
from navo_agenda.render.words import amount, due, span, status_style
from navo_agenda.vocabulary import MEETING_KINDS


def data_table(title: str | None) -> Table:
    """The shape of every table: a rule under the header, one space between columns."""
    return Table(
        box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False, padding=(0, 1, 0, 0)
    )


def meeting_table(meetings: Iterable[MeetingRow], *, width: int, title: str | None = None) -> Table:
    """One row per meeting; below 100 columns the location goes under the title."""
    wide = width >= 100
    table = data_table(title)
    table.add_column("Slug", no_wrap=True, style="bold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Dates", no_wrap=True)
    table.add_column("Title" if wide else "Title / location")
    if wide:
        table.add_column("Location", max_width=28)
    table.add_column("Status", no_wrap=True)
    table.add_column("Items", justify="right")
    table.add_column("Open", justify="right")
    for meeting in meetings:
        title_cell = safe(meeting.title)
        if not wide and meeting.location:
            title_cell.append("\n")
            title_cell.append_text(safe(meeting.location, "dim"))
        table.add_row(
            safe(meeting.slug),
            safe(meeting.kind),
            Text(span(meeting.starts_on, meeting.ends_on)),
            title_cell,
            *([safe(meeting.location)] if wide else []),
            safe(meeting.status, status_style(meeting.status)),
            Text(str(meeting.item_count)),
            Text(str(meeting.open_commitments)),
        )
    return table


def empty_list_message() -> Text:
    return Text("No meetings match.", style="dim")


def meeting_detail(detail: MeetingDetail, *, today: date, width: int) -> Group:
    parts: list[RenderableType] = [header(detail)]
    for label, value in (("Summary", detail.summary), ("Outcome", detail.outcome)):
        if value:
            parts.append(labelled(label, safe(value)))
    if detail.source or detail.source_quote:
        parts.append(labelled("Source", quoted(detail.source, detail.source_quote)))
    if detail.children:
        parts.append(meeting_table(detail.children, width=width, title="Within this meeting"))
    parts.append(agenda(detail.items))
    parts.append(commitment_table(detail.commitments, today=today))
    parts.append(document_table(detail.documents))
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


def labelled(label: str, value: RenderableType) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True, min_width=9)
    grid.add_column(ratio=1)
    grid.add_row(Text(f"{label}:"), value)
    return grid


def quoted(source: str | None, quote: str | None) -> Text:
    text = safe(source, "bold") if source else Text()
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


def agenda_item(item: AgendaItemRecord) -> RenderableType:
    title = Text(f"{item.position}. ")
    title.append_text(safe(item.title, "bold"))
    if item.topics:
        title.append("  ")
        title.append_text(safe("[" + ", ".join(item.topics) + "]", "dim"))
    fields = Table.grid(padding=(0, 1))
    fields.add_column(style="bold", no_wrap=True, min_width=15)
    fields.add_column(ratio=1)
    for label, value in (
        ("Summary", item.summary),
        ("Dutch position", item.dutch_position),
        ("Outcome", item.outcome),
    ):
        if value:
            fields.add_row(Text(f"{label}:"), safe(value))
    if not item.dutch_position:
        fields.add_row(Text("Dutch position:"), Text("not stated in the source", style="dim"))
    return Group(title, Padding(fields, (0, 0, 0, 3)))


def commitment_table(commitments: Iterable[CommitmentRecord], *, today: date) -> RenderableType:
    commitments = list(commitments)
    if not commitments:
        return Text("Commitments: none recorded.", style="dim")
    table = data_table("Commitments")
    table.add_column("Ref", no_wrap=True, style="bold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Commitment", ratio=1)
    table.add_column("Due", no_wrap=True)
    table.add_column("Amount", justify="right", no_wrap=True)
    table.add_column("Status", no_wrap=True)
    for commitment in commitments:
        text = safe(commitment.text)
        text.append("\n")
        text.append_text(safe(commitment.actor, "dim"))
        if commitment.item_position is not None:
            text.append_text(safe(f" · item {commitment.item_position}", "dim"))
        status = safe(commitment.status, status_style(commitment.status))
        if commitment.is_overdue(today):
            status.append("\nOVERDUE", style="bold red")
        table.add_row(
            safe(commitment.ref),
            safe(commitment.kind),
            text,
            Text(due(commitment.due)),
            Text(amount(commitment.amount, commitment.currency)),
            status,
        )
    return table


def document_table(documents: Iterable[DocumentRef]) -> RenderableType:
    documents = list(documents)
    if not documents:
        return Text("Documents: none recorded.", style="dim")
    table = data_table("Documents")
    table.add_column("Slug", style="bold", max_width=24, overflow="fold")
    table.add_column("Kind", no_wrap=True)
    table.add_column("Document", ratio=1, min_width=24)
    table.add_column("Dated", no_wrap=True)
    table.add_column("Used as", max_width=16)
    for document in documents:
        text = safe(document.identifier, "bold") if document.identifier else Text()
        if document.identifier:
            text.append("\n")
        text.append_text(safe(document.title))
        if document.url:
            text.append("\n")
            text.append_text(safe(document.url, "dim"))
            text.overflow = "fold"  # a URL cut short is a wrong URL
        table.add_row(
            safe(document.slug),
            safe(document.kind),
            text,
            Text(document.dated.isoformat() if document.dated else ""),
            Text(", ".join(document.relations)),
        )
    return table
