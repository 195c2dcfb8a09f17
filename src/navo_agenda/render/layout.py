"""Rows of cells in aligned columns where only one column wraps.

The timeline and the labelled fields of `show` are such rows. A Rich Table draws them too,
but it measures and pads every cell, which costs several times more, and drawing is most
of what a read command does after starting (bench/RESULTS.md).
"""

from collections.abc import Sequence

from rich.console import Console, ConsoleOptions, RenderResult
from rich.text import Text

from navo_agenda.render.tables import widest


class WrappedRows:
    """Each row is a list of cells; column `wrap` takes the width the others leave and wraps
    under itself; cells after it stand on the row's first line. A row with fewer cells than
    the others (a heading) is printed as it is."""

    def __init__(
        self, rows: Sequence[Sequence[Text]], *, wrap: int, indent: int = 0, least: int = 20
    ) -> None:
        self.rows = rows
        self.wrap = wrap
        self.indent = indent
        self.least = least

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        count = max(len(row) for row in self.rows)
        widths = [widest(self.rows, index) for index in range(count)]
        others = sum(widths) - widths[self.wrap] + count - 1
        wrap_width = max(self.least, options.max_width - self.indent - others)
        margin = " " * self.indent
        hang = " " * (self.indent + sum(widths[: self.wrap]) + self.wrap)
        for row in self.rows:
            if len(row) < count:
                yield from (Text(margin) + Text(" ").join(row)).render(console, end="\n")
                continue
            for number, line in enumerate(row[self.wrap].wrap(console, wrap_width)):
                line.rstrip()
                text = Text(margin) if number == 0 else Text(hang)
                if number == 0:
                    for index in range(self.wrap):
                        text.append_text(row[index])
                        text.pad_right(widths[index] - row[index].cell_len + 1)
                text.append_text(line)
                after = row[self.wrap + 1 :]
                if number == 0 and any(cell.plain for cell in after):
                    text.pad_right(wrap_width - line.cell_len + 1)
                    text.append_text(Text(" ").join(after))
                # Already laid out to the width: straight to segments, no second wrap by Rich.
                yield from text.render(console, end="\n")
