"""Tables of meetings, and the one shape every table has."""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rich import box
from rich.cells import cell_len
from rich.console import JustifyMethod, OverflowMethod
from rich.table import Table
from rich.text import Text

from navo_agenda.records import MeetingRow
from navo_agenda.render.console import safe
from navo_agenda.render.words import span, status_style


class Column(NamedTuple):
    """A column of a data table. A `fixed` column never wraps and is as wide as its widest
    cell: its width is given to Rich, which then need not measure its cells (measuring is
    most of what drawing a table costs, and every command's start-up pays for it)."""

    header: str
    fixed: bool = True
    justify: JustifyMethod = "left"
    style: str = ""
    max_width: int | None = None
    min_width: int | None = None
    overflow: OverflowMethod = "fold"


def widest(rows: Sequence[Sequence[Text]], index: int, header: str = "") -> int:
    """The width of the widest line in a column (rows may be shorter than the column count)."""
    lines = [line for row in rows if index < len(row) for line in row[index].plain.split("\n")]
    return max(map(cell_len, [header, *lines]))


def data_table(
    title: str | None, columns: Sequence[Column], rows: Iterable[Sequence[Text]]
) -> Table:
    """The shape of every table: a rule under the header, one space between columns."""
    rows = list(rows)
    table = Table(
        box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False, padding=(0, 1, 0, 0)
    )
    for index, column in enumerate(columns):
        table.add_column(
            column.header,
            width=widest(rows, index, column.header) if column.fixed else None,
            no_wrap=column.fixed,
            justify=column.justify,
            style=column.style,
            max_width=column.max_width,
            min_width=column.min_width,
            overflow=column.overflow,
        )
    for row in rows:
        table.add_row(*row)
    return table


def meeting_table(meetings: Iterable[MeetingRow], *, width: int, title: str | None = None) -> Table:
    """One row per meeting; below 100 columns the location goes under the title."""
    wide = width >= 100
    columns = [
        Column("Slug", style="bold"),
        Column("Kind"),
        Column("Dates"),
        Column("Title" if wide else "Title / location", fixed=False),
        *([Column("Location", fixed=False, max_width=28)] if wide else []),
        Column("Status"),
        Column("Items", justify="right"),
        Column("Open", justify="right"),
    ]
    rows = []
    for meeting in meetings:
        title_cell = safe(meeting.title)
        if not wide and meeting.location:
            title_cell.append("\n")
            title_cell.append_text(safe(meeting.location, "dim"))
        rows.append(
            [
                safe(meeting.slug),
                safe(meeting.kind),
                Text(span(meeting.starts_on, meeting.ends_on)),
                title_cell,
                *([safe(meeting.location)] if wide else []),
                safe(meeting.status, status_style(meeting.status)),
                Text(str(meeting.item_count)),
                Text(str(meeting.open_commitments)),
            ]
        )
    return data_table(title, columns, rows)


def empty_list_message() -> Text:
    return Text("No meetings match.", style="dim")
