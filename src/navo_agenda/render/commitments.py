"""The commitments view with its totals, and one commitment's history."""

from collections.abc import Iterable, Mapping
from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text

from navo_agenda.records import CommitmentRecord, EventRecord
from navo_agenda.render.console import safe
from navo_agenda.render.layout import Column, Grid
from navo_agenda.render.words import amount, due, status_style
from navo_agenda.tracking import CommitmentView, History


def status_cell(record: CommitmentRecord, today: date) -> Text:
    status = safe(record.status, status_style(record.status))
    if record.is_overdue(today):
        status.append("\nOVERDUE", style="bold red")
    return status


def commitments_view(view: CommitmentView, *, today: date) -> RenderableType:
    if not view.commitments:
        return Text("No commitments match.", style="dim")
    columns = [
        Column("Ref"),
        Column("Commitment", wrap=True),
        Column("Due"),
        Column("Amount", justify="right"),
        Column("Status"),
    ]
    rows = []
    for record in view.commitments:
        ref = safe(record.ref, "bold")
        ref.append_text(safe("\n" + record.kind, "dim"))
        where = record.meeting + (f"/{record.item_position}" if record.item_position else "")
        text = safe(record.text)
        text.append_text(safe(f"\n{record.actor} · {where}", "dim"))
        rows.append(
            [
                ref,
                text,
                Text(due(record.due)),
                Text(amount(record.amount, record.currency)),
                status_cell(record, today),
            ]
        )
    foot = Text(f"{len(view.commitments)} commitment(s)")
    for currency, total in view.totals.items():
        foot.append(f" · total {amount(total, currency)}", style="bold")
    return Group(Grid(columns, rows), foot)


def history_view(history: History, *, today: date) -> RenderableType:
    record = history.commitment
    head = Text()
    head.append_text(safe(record.ref, "bold"))
    head.append(" · ")
    head.append_text(safe(record.meeting))
    head.append(" · now ")
    head.append_text(status_cell(record, today))
    head.append("\n")
    head.append_text(safe(record.text))
    return Group(head, events_table(history.events, history.document_keys))


def events_table(events: Iterable[EventRecord], keys: Mapping[str, str]) -> Grid:
    """The status changes, oldest first: when, from what to what, why, by whom, on what
    (the document, as the key that opens it: `keys` of store.keyed.document_keys)."""
    columns = [
        Column("At"),
        Column("Change"),
        Column("Note", wrap=True),
        Column("By"),
        Column("Source"),
    ]
    rows = []
    for event in events:
        change = Text()
        if event.from_status:
            change.append_text(safe(event.from_status, status_style(event.from_status)))
            change.append(" → ")
        else:
            change.append("new → ")
        change.append_text(safe(event.to_status, status_style(event.to_status)))
        rows.append(
            [
                Text(event.at.isoformat()),
                change,
                safe(event.note),
                safe(event.author),
                safe(keys.get(event.source, event.source) if event.source else ""),
            ]
        )
    return Grid(columns, rows)
