"""The timeline as a Rich renderable: grouped by month, spans drawn as bars, today marked."""

from datetime import date

from rich.console import Group, RenderableType
from rich.text import Text

from navo_agenda.records import TimelineEntry
from navo_agenda.render.console import safe
from navo_agenda.render.layout import Column, Grid
from navo_agenda.render.words import span, status_style
from navo_agenda.timeline import Timeline

MONTHS = (
    "January February March April May June July August September October November December"
).split()
LONGEST_BAR = 8
# when, mark, key, label, status
TIMELINE_COLUMNS = (Column(), Column(), Column(), Column(wrap=True, min_width=20), Column())


def month_name(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.year}"


def mark(entry: TimelineEntry) -> Text:
    if entry.what == "deadline":
        return Text("◆", style="bold red" if entry.overdue else "yellow")
    if entry.what == "document":
        return Text("■", style="blue")
    days = (entry.end - entry.start).days + 1
    if days == 1:
        return Text("●", style="bold")
    return Text("━" * min(days, LONGEST_BAR), style="bold")


def when(entry: TimelineEntry) -> str:
    return entry.when or span(entry.start, entry.end)


def timeline_view(timeline: Timeline) -> RenderableType:
    heading = Text("Timeline", style="bold")
    if timeline.start or timeline.end:
        heading.append(
            f" · {timeline.start.isoformat() if timeline.start else '…'}"
            f" – {timeline.end.isoformat() if timeline.end else '…'}"
        )
    heading.append(f" · today {timeline.today.isoformat()}")
    if not timeline.entries:
        return Group(heading, Text("Nothing in this window.", style="dim"))
    legend = Text("● meeting  ━━ meeting over several days  ◆ deadline  ■ document", style="dim")
    return Group(heading, Grid(TIMELINE_COLUMNS, timeline_rows(timeline)), legend)


def timeline_rows(timeline: Timeline) -> list[list[Text]]:
    """Month headings, entries (when, mark, key, label, status) and the today line."""
    rows: list[list[Text]] = []
    shown_today = not in_window(timeline)
    month = None
    for entry in timeline.entries:
        if not shown_today and entry.start > timeline.today:
            rows.append(today_row(timeline.today))
            shown_today = True
        if (entry.start.year, entry.start.month) != month:
            month = (entry.start.year, entry.start.month)
            rows.append([Text(month_name(entry.start), style="bold underline")])
        status = safe(entry.status, status_style(entry.status))
        if entry.overdue:
            status.append(" OVERDUE", style="bold red")
        rows.append(
            [
                Text("  " + when(entry)),
                mark(entry),
                safe(entry.key, "bold"),
                safe(entry.label),
                status,
            ]
        )
    if not shown_today:
        rows.append(today_row(timeline.today))
    return rows


def in_window(timeline: Timeline) -> bool:
    after_start = timeline.start is None or timeline.today >= timeline.start
    before_end = timeline.end is None or timeline.today <= timeline.end
    return after_start and before_end


def today_row(today: date) -> list[Text]:
    return [
        Text(f"▶ {today.isoformat()}", style="bold magenta"),
        Text("──", style="magenta"),
        Text("today", style="bold magenta"),
    ]


PICTURE_WIDTH = 120
PICTURE_HEIGHT = 25  # what Rich would assume; a picture is as long as the timeline


def timeline_picture(timeline: Timeline, *, formats: tuple[str, ...]) -> dict[str, str]:
    """The timeline as it would look on a 120-column colour terminal, exported by Rich as
    "svg" and/or "html" documents. Rich escapes every character of the text, so data cannot
    add markup or script to the picture."""
    import io

    from rich.console import Console

    console = Console(
        record=True,
        file=io.StringIO(),  # recorded, not shown
        width=PICTURE_WIDTH,
        height=PICTURE_HEIGHT,  # with both given, TERM=dumb does not make it 80 by 25
        force_terminal=True,
        color_system="truecolor",
        no_color=False,  # NO_COLOR is about terminal escape codes; a picture keeps its colours
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    console.print(timeline_view(timeline))
    title = picture_title(timeline)
    pictures: dict[str, str] = {}
    for kind in formats:
        if kind == "svg":
            pictures[kind] = console.export_svg(title=title, clear=False)
        elif kind == "html":
            pictures[kind] = console.export_html(clear=False, code_format=html_format(title))
        else:
            raise ValueError(f"unknown picture format {kind!r}")
    return pictures


def html_format(title: str) -> str:
    """Rich's page, with a title; {code}, {stylesheet}, {foreground}, {background} are Rich's."""
    import html

    shown = html.escape(title).replace("{", "{{").replace("}", "}}")
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="UTF-8">\n'
        f"<title>{shown}</title>\n"
        "<style>\n{stylesheet}\nbody {{\n    color: {foreground};\n"
        "    background-color: {background};\n}}\n</style>\n</head>\n<body>\n"
        "    <pre style=\"font-family:Menlo,'DejaVu Sans Mono',consolas,'Courier New',monospace\">"
        '<code style="font-family:inherit">{code}</code></pre>\n</body>\n</html>\n'
    )


def picture_title(timeline: Timeline) -> str:
    window = ""
    if timeline.start or timeline.end:
        window = (
            f" {timeline.start.isoformat() if timeline.start else '…'}"
            f" – {timeline.end.isoformat() if timeline.end else '…'}"
        )
    return f"navo-agenda timeline{window} (today {timeline.today.isoformat()})"
