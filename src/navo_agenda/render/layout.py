"""Laying out cells in aligned columns: every table, the timeline and the labelled fields.

Rich's Table draws the same, but it measures, pads and re-wraps every cell, and drawing is
most of what a read command does once started: a table of fifteen meetings cost more than
all of navo-agenda's own imports (bench/RESULTS.md). Here only the columns that wrap are
measured and wrapped (by Rich's own Text.wrap), the widths are decided once, and each line
goes to the console as segments, already fitted to the width.
"""

from collections.abc import Iterator, Sequence
from typing import Literal, NamedTuple

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.segment import Segment
from rich.text import Text


class Column(NamedTuple):
    """A column: `wrap` columns share the width the others leave; the others are as wide as
    their widest cell and never wrap."""

    header: str = ""
    wrap: bool = False
    justify: Literal["left", "right"] = "left"
    max_width: int | None = None
    min_width: int = 10


def widest(rows: Sequence[Sequence[Text]], index: int, header: str = "") -> int:
    """The width of the widest line in a column (rows may be shorter than the column count)."""
    lines = [line for row in rows if index < len(row) for line in row[index].plain.split("\n")]
    return max(map(cell_len, [header, *lines]))


def fit(natural: list[int], columns: Sequence[Column], room: int) -> list[int]:
    """Narrow the widest wrapping columns first, down to a common level, until the row fits:
    a long text gives way before a short one has to break."""
    widths = [
        min(width, column.max_width) if column.wrap and column.max_width else width
        for width, column in zip(natural, columns, strict=True)
    ]
    wrapping = [index for index, column in enumerate(columns) if column.wrap]
    if sum(widths) <= room:
        return widths
    if not wrapping:
        return squeezed(widths, room)

    def at(level: int) -> list[int]:
        return [
            max(min(columns[index].min_width, width), min(width, level))
            if index in wrapping
            else width
            for index, width in enumerate(widths)
        ]

    low, high = 0, max(widths[index] for index in wrapping)
    while low < high:  # the highest level at which everything fits
        middle = (low + high + 1) // 2
        low, high = (middle, high) if sum(at(middle)) <= room else (low, middle - 1)
    fitted = at(low)
    spare = room - sum(fitted)
    for index in sorted(wrapping, key=lambda index: -widths[index]):
        if spare <= 0:
            break
        if fitted[index] < widths[index]:
            fitted[index] += 1
            spare -= 1
    return squeezed(fitted, room)


def squeezed(widths: list[int], room: int) -> list[int]:
    """Still too wide for the terminal: the other columns give way too, the widest first
    (their cells are then folded), rather than be cut off at its edge with what stands in
    them, a status, a date."""
    widths = list(widths)
    while sum(widths) > room and max(widths) > 1:
        widest = max(range(len(widths)), key=widths.__getitem__)
        widths[widest] -= 1
    return widths


class Grid:
    """Rows of cells under optional headers. A row with fewer cells than there are columns
    (a month heading, the today line) is printed as it is, across the columns."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Sequence[Text]],
        *,
        title: str | None = None,
        indent: int = 0,
    ) -> None:
        self.columns = columns
        self.rows = rows
        self.title = title
        self.indent = indent

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = self.columns
        headed = any(column.header for column in columns)
        natural = [
            widest(self.rows, index, column.header if headed else "")
            for index, column in enumerate(columns)
        ]
        widths = fit(natural, columns, options.max_width - self.indent - len(columns) + 1)
        if self.title:
            yield from self.line(console, [Text(self.title, style="bold")], [0])
        if headed:
            header = [Text(column.header, style="bold") for column in columns]
            folded = [
                cell.wrap(console, width, overflow="fold") if cell.cell_len > width else [cell]
                for cell, width in zip(header, widths, strict=True)
            ]  # a column narrower than its header (a narrow terminal) folds it, too
            for number in range(max(len(lines) for lines in folded)):
                parts = [lines[number] if number < len(lines) else Text() for lines in folded]
                yield from self.line(console, parts, widths)
            rule = Text("─" * (sum(widths) + len(columns) - 1), style="dim")
            yield from self.line(console, [rule], [0])
        for row in self.rows:
            if len(row) < len(columns):
                yield from self.line(console, [Text(" ").join(row)], [0])
                continue
            cells = [
                cell.wrap(console, width, overflow="fold")
                if column.wrap or width < wanted
                else (cell.split("\n") if "\n" in cell.plain else [cell])
                for cell, column, width, wanted in zip(row, columns, widths, natural, strict=True)
            ]
            for number in range(max(len(lines) for lines in cells)):
                parts = [lines[number] if number < len(lines) else Text() for lines in cells]
                yield from self.line(console, parts, widths)

    def line(self, console: Console, parts: list[Text], widths: list[int]) -> Iterator[Segment]:
        """One line as segments: each part padded to its column, one space between columns,
        nothing after the last part that has text."""
        for part in parts:
            part.rstrip()
        last = max((index for index, part in enumerate(parts) if part.plain), default=-1)
        if self.indent and last >= 0:
            yield Segment(" " * self.indent)
        for index in range(last + 1):
            part = parts[index]
            gap = " " * max(0, widths[index] - part.cell_len)
            right = index < len(self.columns) and self.columns[index].justify == "right"
            if right and gap:
                yield Segment(gap)
            yield from part.render(console)
            if index < last:
                yield Segment(" " if right else gap + " ")
        yield Segment.line()
