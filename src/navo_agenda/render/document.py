"""One document in full (`show SLUG`): what it is, the records that rest on it, and the
start of its text.

The text is kept as it was extracted (a PDF's line breaks, trailing blanks, page breaks);
the start shown drops only the blanks at line ends and runs of empty lines, and says how
long the whole is.
"""

import re

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from navo_agenda.details import DocumentDetail
from navo_agenda.render.console import safe
from navo_agenda.render.layout import Column, Grid
from navo_agenda.store.citations import Citation

OPENING = 600  # characters of the text shown, at most
EMPTY_LINES = re.compile(r"\n{3,}")


def document_detail(detail: DocumentDetail) -> Group:
    document = detail.document
    lines = safe(document.title, "bold")
    facts = [
        document.kind,
        *([document.identifier] if document.identifier else []),
        *([document.dated.isoformat()] if document.dated else []),
    ]
    lines.append("\n")
    lines.append_text(safe(" · ".join(facts)))
    if document.url:
        lines.append("\n")
        lines.append_text(safe(document.url, "dim"))
    header = Panel(lines, title=safe(detail.key), title_align="left", box=box.ROUNDED)
    return Group(header, cited_by(detail.cited_by), text(detail.body))


def cited_by(citations: tuple[Citation, ...]) -> RenderableType:
    if not citations:
        return Text("Cited by: no record.", style="dim")
    columns = [
        Column("Key"),
        Column("Kind"),
        Column("Record", wrap=True, min_width=24),
        Column("Used as", wrap=True, max_width=16),
    ]
    rows = [
        [
            safe(citation.key, "bold"),
            Text(citation.what),
            safe(citation.label),
            Text(", ".join(citation.relations)),
        ]
        for citation in citations
    ]
    return Grid(columns, rows, title="Cited by")


def text(body: str | None) -> RenderableType:
    if not body or not body.strip():
        return Text("Text: not recorded.", style="dim")
    shown, cut = opening(body)
    heading = Text("Text", style="bold underline")
    size = f"{len(body):,}".replace(",", " ")
    heading.append(
        f" ({size} characters" + ("; --json gives it whole)" if cut else ")"), style="dim"
    )
    return Group(heading, safe(shown + ("…" if cut else "")))


def opening(body: str) -> tuple[str, bool]:
    """The start of the text, tidied, cut after a word; and whether it was cut."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    tidy = EMPTY_LINES.sub("\n\n", "\n".join(line.rstrip() for line in lines)).strip()
    if len(tidy) <= OPENING:
        return tidy, False
    cut = tidy[:OPENING]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    return (cut[:space] if space > OPENING // 2 else cut).rstrip(), True
