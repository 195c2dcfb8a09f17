"""One agenda item in full (`show SLUG/POSITION`): the meeting it is on, its place there, the
Dutch position and outcome, the commitments tied to it, and the documents they rest on."""

from datetime import date

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from navo_agenda.details import ItemDetail
from navo_agenda.render.console import safe
from navo_agenda.render.layout import Grid
from navo_agenda.render.meeting import (
    FIELD_COLUMNS,
    commitment_table,
    document_table,
    field,
    meeting_line,
    quoted,
)


def item_detail(detail: ItemDetail, *, today: date) -> Group:
    item = detail.item
    lines = safe(item.title, "bold")
    lines.append("\n")
    lines.append(f"Item {item.position} of {detail.meeting.item_count}")
    if item.section and item.section != item.title:
        lines.append(" · ")
        lines.append_text(safe(item.section, "italic"))
    lines.append("\n")
    lines.append_text(meeting_line(detail.meeting))
    key = f"{detail.meeting.slug}/{item.position}"
    header = Panel(lines, title=safe(key), title_align="left", box=box.ROUNDED)
    fields = []
    if item.topics:
        fields.append(field("Topics", safe(", ".join(item.topics))))
    for label, value in (("Summary", item.summary), ("Dutch position", item.dutch_position)):
        if value:
            fields.append(field(label, safe(value)))
        elif label == "Dutch position":
            fields.append(field(label, Text("not stated in the source", style="dim")))
    if item.outcome:
        fields.append(field("Outcome", safe(item.outcome)))
    if item.source or item.source_quote:
        fields.append(field("Source", quoted(item.source, item.source_quote, detail.document_keys)))
    return Group(
        header,
        Grid(FIELD_COLUMNS, fields),
        commitment_table(detail.commitments, today=today),
        document_table(detail.documents, detail.document_keys),
    )
