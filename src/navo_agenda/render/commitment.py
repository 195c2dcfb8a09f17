"""One commitment in full (`show REF`): what and by whom, where it was made, when and how
much, its status and how it got there, and the documents it rests on."""

from datetime import date

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from navo_agenda.dates import PartialDate
from navo_agenda.details import CommitmentDetail
from navo_agenda.render.commitments import events_table
from navo_agenda.render.console import safe
from navo_agenda.render.layout import Grid
from navo_agenda.render.meeting import (
    FIELD_COLUMNS,
    document_table,
    field,
    meeting_line,
    quoted,
)
from navo_agenda.render.words import amount, due, status_style


def commitment_detail(detail: CommitmentDetail, *, today: date) -> Group:
    record, keys = detail.commitment, detail.document_keys
    lines = safe(record.text, "bold")
    lines.append("\n")
    lines.append_text(safe(f"{record.kind} · {record.actor}"))
    header = Panel(lines, title=safe(record.ref), title_align="left", box=box.ROUNDED)
    fields = [field("Meeting", meeting_line(detail.meeting))]
    if detail.item is not None:
        item = safe(f"{record.meeting}/{detail.item.position}", "bold")
        item.append(" ")
        item.append_text(safe(detail.item.title))
        fields.append(field("Item", item))
    fields.append(field("Due", due_line(record.due)))
    if record.amount is not None:
        fields.append(field("Amount", Text(amount(record.amount, record.currency))))
    status = safe(record.status, status_style(record.status))
    if record.is_overdue(today):
        status.append("  OVERDUE", style="bold red")
    fields.append(field("Status", status))
    if record.source or record.source_quote:
        fields.append(field("Source", quoted(record.source, record.source_quote, keys)))
    history = (
        Group(Text("History", style="bold underline"), events_table(detail.events, keys))
        if detail.events
        else Text("History: none recorded.", style="dim")
    )
    return Group(
        header, Grid(FIELD_COLUMNS, fields), history, document_table(detail.documents, keys)
    )


def due_line(value: PartialDate | None) -> Text:
    """The due date as written, and the period it stands for: '2025-06 (month, 2025-06-01 to
    2025-06-30)'. Never a day that was not given."""
    if value is None:
        return Text("not stated", style="dim")
    text = Text(due(value))
    if value.precision != "day":
        first, last = value.first_day.isoformat(), value.last_day.isoformat()
        text.append(f" ({value.precision}, {first} to {last})", style="dim")
    return text
