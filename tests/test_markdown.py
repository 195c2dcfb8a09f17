"""The briefing note: what it holds for a meeting, and that text from the data stays text.

The note is parsed with markdown-it-py (installed with Rich) in its CommonMark preset plus
tables, and the tokens are checked: data must never become emphasis, a link, an image,
HTML, a heading or a broken table row."""

import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from navo_agenda.dates import PartialDate
from navo_agenda.exchange.markdown import export_markdown, text
from navo_agenda.exchange.selection import Selection
from navo_agenda.location import DatabaseLocation
from navo_agenda.store.lifecycle import open_database
from tests.conftest import Cli

TODAY = date(2026, 11, 28)


def note(path: Path, selection: Selection, *, today: date = TODAY) -> str:
    with open_database(DatabaseLocation(path=path, origin="--db")) as db, db.transaction():
        return export_markdown(db, selection, today=today)


def tokens(markdown: str) -> list[Token]:
    """Every token, the inline children included."""
    found: list[Token] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        found.append(token)
        found.extend(token.children or [])
    return found


def row_of(markdown: str, ref: str) -> list[str]:
    line = next(line for line in markdown.splitlines() if line.startswith(f"| {ref} |"))
    return [cell.strip() for cell in line.strip("|").split(" | ")]


def test_the_note_of_a_meeting(seeded_db: Path) -> None:
    markdown = note(seeded_db, Selection(meeting="dmm-2025-06"))
    lines = markdown.splitlines()
    assert lines[0] == "# Briefing note: NATO Defence Ministers Meeting"
    assert "As of 2026-11-28, from navo-agenda." in lines
    # The meeting and the meetings within it, each with its facts.
    headings = [line for line in lines if line.startswith("## ")]
    assert headings == [
        "## NATO Defence Ministers Meeting",
        "## Ukraine Defence Contact Group",
        "## Nuclear Planning Group",
    ]
    assert "*Bijeenkomst NAVO-ministers van Defensie*" in lines
    assert "- **Dates:** 2025-06-05" in lines
    assert "- **Location:** NATO HQ, Brussels" in lines
    assert "- **Status:** held" in lines
    assert "- **Within:** NATO Defence Ministers Meeting (dmm-2025-06, 2025-06-05)" in lines
    # The agenda by section, with the Dutch position and the outcome.
    assert "#### Afschrikking en verdediging" in lines
    assert "2. **Capability Targets 2025 (CT25)**\\" in lines
    assert any(
        line.startswith("   - *Dutch position:* Nederland geeft hier mede invulling aan")
        for line in lines
    )
    assert "   - *Outcome:* Ministers agreed the new set of capability targets (CT25)." in lines
    # Commitments with their due dates as stored, amounts, status and overdue marks.
    assert row_of(markdown, "c-2025-007")[3:] == ["2025", "3 500 000 000 EUR", "open **OVERDUE**"]
    assert row_of(markdown, "c-2025-008")[3:5] == ["2025-06", ""]
    assert row_of(markdown, "c-2025-008")[5] == "open **OVERDUE**"
    assert row_of(markdown, "c-2025-001")[5] == "fulfilled"  # done: never overdue
    assert row_of(markdown, "c-2025-006")[3] == ""  # no due date: not overdue
    assert row_of(markdown, "c-2025-006")[5] == "open"
    # The sources, with identifier, date and URL, and the quotes taken from them.
    assert any(
        line.startswith("- **Kamerbrief 2025 0404**: Defensie Strategie voor Industrie en "
                        "Innovatie · 2025-04-04")
        for line in lines
    )  # fmt: skip
    assert "<https://www.nato.int/cps/en/natohq/opinions_235894.htm>" in markdown
    assert (
        "  - dmm-2025-06: “Op 5 juni 2025 komen de NAVO-ministers van Defensie in Brussel"
        " bijeen.”" in lines
    )
    assert any(line.startswith("  - c-2025-007: “Hierdoor kan Nederland") for line in lines)


def test_the_table_is_a_table(seeded_db: Path) -> None:
    markdown = note(seeded_db, Selection(meeting="summit-2025-06"))
    found = tokens(markdown)
    rows = [line for line in markdown.splitlines() if line.startswith("| c-")]
    assert len(rows) == 4  # the summit's three, the forum's one
    assert sum(token.type == "table_open" for token in found) == 2
    assert sum(token.type == "tr_open" for token in found) == 2 + len(rows)
    assert row_of(markdown, "c-2025-017")[3] == "2035"


def test_overdue_is_relative_to_today(seeded_db: Path) -> None:
    early = note(seeded_db, Selection(meeting="dmm-2025-06"), today=date(2025, 6, 1))
    assert "OVERDUE" not in early
    assert "As of 2025-06-01" in early
    late = note(seeded_db, Selection(meeting="dmm-2025-06"), today=date(2025, 7, 1))
    assert late.count("OVERDUE") == 1  # the June deadline, not yet the 2025 one


def test_a_date_range(seeded_db: Path) -> None:
    june = PartialDate("month", 2025, 6)
    markdown = note(seeded_db, Selection(start=june, end=june))
    assert markdown.startswith("# Briefing note: 2025-06-01 – 2025-06-30\n")
    slugs = [line for line in markdown.splitlines() if line.startswith("- **Meeting:** ")]
    assert [line.split()[2] for line in slugs] == [
        "udcg-2025-06",
        "dmm-2025-06",
        "npg-2025-06",
        "dinner-2025-06",
        "forum-2025-06",
        "summit-2025-06",
    ]
    assert "- **Dates:** 2025-06-24–25" in markdown
    nothing = note(seeded_db, Selection(kinds=("signing",), start=june, end=june))
    assert "No meetings in this selection." in nothing


HOSTILE = (
    "**x** [link](javascript:alert(1)) <script>alert(1)</script> | `code` _u_ &amp; ~~s~~"
    " ![i](http://e.example/x.png) <http://e.example> \\*"
)


@pytest.fixture
def hostile_db(seeded_db: Path, cli: Cli) -> Path:
    def run(*args: str) -> None:
        result = cli(*args)
        assert result.exit_code == 0, result.stderr

    run("edit", "dmm-2025-06", "--title", f"# {HOSTILE}", "--title-nl", f"1. {HOSTILE}")
    run("edit", "dmm-2025-06", "--location", f"- {HOSTILE}", "--time-note", f"> {HOSTILE}")
    run("edit", "dmm-2025-06", "--summary", f"{HOSTILE}\n\n    indented\n===")
    run("edit", "dmm-2025-06/2", "--section", f"## {HOSTILE}", "--dutch-position", HOSTILE)
    run("edit", "dmm-2025-06/2", "--title", f"+ {HOSTILE}")
    run(
        "add", "document", "--kind", "other", "--slug", "hostile-doc", "--title", HOSTILE,
        "--identifier", f"ID | {HOSTILE}", "--dated", "2025-06-01",
        "--url", "https://example.org/a_(b)*c*",
    )  # fmt: skip
    run(
        "add", "commitment", "--meeting", "dmm-2025-06", "--text", f"| {HOSTILE} |",
        "--actor", "a|b", "--due", "2026", "--source", "hostile-doc", "--quote", HOSTILE,
    )  # fmt: skip
    with sqlite3.connect(seeded_db) as connection:  # what another client could have stored
        connection.execute(
            "UPDATE document SET url = 'javascript:alert(1)' WHERE slug = 'kamerbrief-2025-0404'"
        )
    return seeded_db


def test_hostile_data_stays_text(hostile_db: Path) -> None:
    markdown = note(hostile_db, Selection(meeting="dmm-2025-06"))
    found = tokens(markdown)
    assert not [t for t in found if t.type in ("html_inline", "html_block", "image", "code_block")]
    assert not [t for t in found if t.type in ("code_inline", "s_open", "fence")]
    links = [t.attrs["href"] for t in found if t.type == "link_open"]
    # The only links are the documents' own web addresses.
    assert links
    assert all(str(href).startswith(("https://", "http://")) for href in links)
    assert "https://example.org/a_(b)*c*" in links
    assert not any("javascript" in str(href) or "e.example" in str(href) for href in links)
    # Emphasis only where the note puts it (labels, titles, OVERDUE), never around data's own
    # **x** or _u_.
    emphasised = [
        found[index + 1].content
        for index, token in enumerate(found)
        if token.type in ("strong_open", "em_open")
    ]
    assert f"+ {HOSTILE}" in emphasised  # the item's title, in the note's bold
    assert "x" not in emphasised
    assert "u" not in emphasised
    plain = "".join(t.content for t in found if t.type == "text")
    assert HOSTILE in plain  # every character came through as itself
    assert "javascript:alert(1)" in plain  # shown, not linked
    # Headings: the note's own, with the data inside them as text.
    headings = [
        "".join(child.content for child in found[index + 1].children or [])
        for index, token in enumerate(found)
        if token.type == "heading_open"
    ]
    assert f"# {HOSTILE}" in headings  # the meeting's title, starting with '#'
    assert f"## {HOSTILE}" in headings  # the section
    assert sum(token.type == "heading_open" and token.tag == "h1" for token in found) == 1
    # The table keeps its six columns in every row, pipes in the data notwithstanding.
    rows: list[list[str]] = []
    for index, token in enumerate(found):
        if token.type == "tr_open":
            rows.append([])
        elif token.type in ("td_open", "th_open"):
            cell = found[index + 1]
            rows[-1].append("".join(child.content for child in cell.children or []))
    assert rows
    assert {len(row) for row in rows} == {6}
    hostile_row = next(row for row in rows if row[0] == "c-2025-018")
    assert hostile_row[1:4] == [f"| {HOSTILE} |", "a|b", "2026"]
    # No list, quote or setext heading started by the data.
    assert not [t for t in found if t.type == "blockquote_open"]
    assert sum(t.type == "hr" for t in found) == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("plain text, with (parentheses).", "plain text, with (parentheses)."),
        ("a\nb\n\n  c", "a b c"),
        ("*a* _b_ `c` [d](e) <f> &g; |h| ~i~ #j \\k",
         "\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f\\> \\&g; \\|h\\| \\~i\\~ \\#j \\\\k"),
        ("- item", "\\- item"),
        ("+ item", "\\+ item"),
        ("=== setext", "\\=== setext"),
        ("2025. A year", "2025\\. A year"),
        ("3) item", "3\\) item"),
        ("> quote", "\\> quote"),
        ("#heading", "\\#heading"),
    ],
)  # fmt: skip
def test_text_escapes_what_markdown_would_read(value: str, expected: str) -> None:
    assert text(value) == expected
    rendered = MarkdownIt("commonmark").enable("table").render(f"Start {text(value)}")
    assert "<em>" not in rendered
    assert "<a " not in rendered
    assert "<code>" not in rendered


# Escape sequences a terminal obeys: set the window title (OSC … BEL), clear the screen (CSI
# 2J), the one-character CSI of C1 (U+009B) and C1's next line (U+0085); and other C0
# characters that str.split() would take for spaces (U+001F) or that are no text (VT, DEL).
CONTROLS = "\x1b]0;pwned\x07\x1b[2J\x9b31m\x85\x1f\x0b\x7f"


def shown(value: str) -> str:
    """The value as the note should show it: every control character but the line breaks
    (the vertical tab and form feed among them) and the tab (which the note turns into a
    space) as U+FFFD."""
    return re.sub("[\x00-\x08\x0e-\x1f\x7f-\x9f]", "\ufffd", value)


def test_control_characters_are_shown_not_obeyed(seeded_db: Path, cli: Cli) -> None:
    """No way in takes such characters any more (texts.py), but a database written by an
    earlier version, or by another client, may hold them."""

    def store(value: str) -> None:
        with sqlite3.connect(seeded_db) as connection:
            connection.execute(
                "UPDATE meeting SET title = ?, summary = ? WHERE slug = 'dmm-2025-06'",
                (f"Evil {value} title", f"First line {value}\nsecond line\tafter a tab"),
            )
            connection.execute(
                "UPDATE agenda_item SET dutch_position = ?, title = ? WHERE position = 2"
                " AND meeting_id = (SELECT id FROM meeting WHERE slug = 'dmm-2025-06')",
                (f"Nederland {value}\nsteunt dit.", f"{value}Capability Targets"),
            )

    store(CONTROLS)
    result = cli("export", "--format", "md", "--meeting", "dmm-2025-06")
    assert result.exit_code == 0, result.stderr
    hostile = result.stdout
    assert "\x1b" not in hostile
    # No control character at all but the note's own line breaks.
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f]", hostile)
    assert "# Briefing note: Evil \ufffd\\]0;pwned\ufffd\ufffd\\[2J\ufffd31m" in hostile
    # The same note, line for line, as for the values with U+FFFD typed in.
    store(shown(CONTROLS))
    assert cli("export", "--format", "md", "--meeting", "dmm-2025-06").stdout == hostile
    lines = hostile.splitlines()
    # Each value on one line of its own, as ever, its line break and tab as spaces.
    summary = text(f"First line {shown(CONTROLS)} second line after a tab")
    assert f"**Summary:** {summary}" in lines
    assert f"   - *Dutch position:* {text(f'Nederland {shown(CONTROLS)} steunt dit.')}" in lines


def test_a_url_with_a_control_character_is_no_link(seeded_db: Path) -> None:
    with sqlite3.connect(seeded_db) as connection:  # what another client could have stored
        connection.execute(
            "UPDATE document SET url = ? WHERE slug = 'kamerbrief-2025-0404'",
            ("https://example.org/\x9b2J",),
        )
    markdown = note(seeded_db, Selection(meeting="dmm-2025-06"))
    assert "\x9b" not in markdown
    assert "https://example.org/\ufffd2J" in markdown
    assert "<https://example.org/" not in markdown


def test_a_page_break_the_store_holds_is_a_line_break_in_the_note(seeded_db: Path) -> None:
    """Form feeds (a letter's page breaks) and vertical tabs are text to the store
    (texts.py): the note shows them as the line breaks they are, not as U+FFFD."""
    with sqlite3.connect(seeded_db) as connection:
        connection.execute(
            "UPDATE meeting SET summary = 'page one\fpage two\vand on' WHERE slug = 'dmm-2025-06'"
        )
    markdown = note(seeded_db, Selection(meeting="dmm-2025-06"))
    assert "**Summary:** page one page two and on" in markdown.splitlines()
    assert "\ufffd" not in markdown
