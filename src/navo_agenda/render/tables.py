"""The table of meetings, used by `list` and by `show` for a meeting's children."""

from collections.abc import Iterable

from rich.text import Text

from navo_agenda.records import MeetingRow
from navo_agenda.render.console import safe
from navo_agenda.render.layout import Column, Grid
from navo_agenda.render.words import span, status_style


def meeting_table(meetings: Iterable[MeetingRow], *, width: int, title: str | None = None) -> Grid:
    """One row per meeting; below 120 columns the location goes under the title."""
    wide = width >= 120
    columns = [
        Column("Slug"),
        Column("Kind"),
        Column("Dates"),
        Column("Title" if wide else "Title / location", wrap=True),
        *([Column("Location", wrap=True, max_width=24)] if wide else []),
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
                safe(meeting.slug, "bold"),
                safe(meeting.kind),
                Text(span(meeting.starts_on, meeting.ends_on)),
                title_cell,
                *([safe(meeting.location)] if wide else []),
                safe(meeting.status, status_style(meeting.status)),
                Text(str(meeting.item_count)),
                Text(str(meeting.open_commitments)),
            ]
        )
    return Grid(columns, rows, title=title)


def empty_list_message() -> Text:
    return Text("No meetings match.", style="dim")
