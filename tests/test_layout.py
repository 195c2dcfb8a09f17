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
    elif sum(least) <= room:
        assert sum(widths) == room
    else:
        assert widths == least
    for width, column, was, lowest in zip(widths, columns, natural, least, strict=True):
        assert lowest <= width <= was
        if not column.wrap:
            assert width == was


def test_the_longest_text_gives_way_first() -> None:
    columns = [Column(), Column(wrap=True), Column(wrap=True)]
    assert fit([10, 20, 80], columns, 71) == [10, 20, 41]
    assert fit([10, 20, 80], columns, 41) == [10, 15, 16]
    assert fit([10, 5, 80], columns, 41) == [10, 5, 26]
