"""How Grid shares the width between columns: the widest wrapping text gives way first."""

from hypothesis import given
from hypothesis import strategies as st

from navo_agenda.render.layout import Column, fit

specs = st.lists(
    st.tuples(st.booleans(), st.integers(1, 120), st.integers(1, 30)), min_size=1, max_size=7
)


@given(specs, st.integers(10, 200))
def test_fit_shares_the_room(spec: list[tuple[bool, int, int]], room: int) -> None:
    columns = [Column(wrap=wrap, min_width=least) for wrap, _, least in spec]
    natural = [width for _, width, _ in spec]
    widths = fit(natural, columns, room)
    least = [
        min(column.min_width, width) if column.wrap else width
        for width, column in zip(natural, columns, strict=True)
    ]
    if sum(natural) <= room:
        assert widths == natural
        return
    if sum(least) <= room:
        assert sum(widths) == room
        for width, column, was, lowest in zip(widths, columns, natural, least, strict=True):
            assert lowest <= width <= was
            if not column.wrap:
                assert width == was
        return
    # Not even the least fits: every column gives way (its cells folded), none is cut off at
    # the terminal's edge; down to one cell each.
    assert sum(widths) == max(room, len(widths))
    assert all(1 <= width <= was for width, was in zip(widths, natural, strict=True))


def test_the_longest_text_gives_way_first() -> None:
    columns = [Column(), Column(wrap=True), Column(wrap=True)]
    assert fit([10, 20, 80], columns, 71) == [10, 20, 41]
    assert fit([10, 20, 80], columns, 41) == [10, 15, 16]
    assert fit([10, 5, 80], columns, 41) == [10, 5, 26]


def test_a_table_too_wide_for_the_terminal_folds_every_column() -> None:
    """A status or a date at the right is folded onto more lines, not cut off at the edge."""
    from io import StringIO

    from rich.console import Console
    from rich.text import Text

    from navo_agenda.render.layout import Grid

    headers = ["Ref", "Commitment", "Due", "Status"]
    columns = [Column(headers[0]), Column(headers[1], wrap=True), Column(headers[2]),
               Column(headers[3])]  # fmt: skip
    cells = ["c-2025-007", "a long text " * 5, "2025-06-05", "OVERDUE"]
    console = Console(file=StringIO(), width=24, color_system=None, legacy_windows=False)
    console.print(Grid(columns, [[Text(cell) for cell in cells]]))
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    assert max(map(len, lines)) <= 24
    rule = next(number for number, line in enumerate(lines) if line.startswith("─"))
    natural = [max(len(h), len(c.rstrip())) for h, c in zip(headers, cells, strict=True)]
    widths = fit(natural, columns, 24 - len(columns) + 1)
    starts = [sum(widths[:index]) + index for index in range(len(widths))]
    for texts, part in ((headers, lines[:rule]), (cells, lines[rule + 1 :])):
        for text, start, width in zip(texts, starts, widths, strict=True):
            folded = "".join(line[start : start + width].strip() for line in part)
            assert folded == text.replace(" ", "")
