"""Search results: per kind of record, each hit's key, label and excerpt, with the matched
words highlighted; and their JSON.

The highlighting comes from the positions the search reports, never from the text: the
excerpt is cut at those positions and every piece goes through `safe()`, so nothing in the
data can style itself, pass for a match or reach the terminal as a control code.
"""

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from navo_agenda.render.console import safe
from navo_agenda.render.layout import Column, Grid
from navo_agenda.search import Results
from navo_agenda.store.search import Found, Hit, Spans

HEADINGS = {
    "meeting": "Meetings",
    "item": "Agenda items",
    "commitment": "Commitments",
    "document": "Documents",
}
MATCH_STYLE = "bold reverse"
INDENT = "  "
LINE_BREAKS = str.maketrans("\t\n\r\f\v", "     ")  # one for one: the spans stay true


def highlighted(text: str, spans: Spans, style: str = "") -> Text:
    """The text with the spans highlighted; each piece made safe on its own."""
    shown = Text()
    position = 0
    for start, end in spans:
        shown.append_text(safe(text[position:start], style))
        shown.append_text(safe(text[start:end], f"{style} {MATCH_STYLE}".strip()))
        position = end
    shown.append_text(safe(text[position:], style))
    return shown


def hit_cell(hit: Hit, room: int) -> Text:
    """The label in bold on one line (cut to `room` cells), then the excerpt; the excerpt
    alone when it is the whole label."""
    if " ".join(hit.label.split()) == hit.snippet:
        return highlighted(hit.snippet, hit.highlights, "bold")
    cell = highlighted(hit.label.translate(LINE_BREAKS), hit.label_highlights, "bold")
    cell.truncate(room, overflow="ellipsis")
    if hit.snippet:
        cell.append("\n")
        cell.append_text(highlighted(hit.snippet, hit.highlights))
    return cell


def heading(kind: str, found: Found) -> Text:
    text = Text(HEADINGS[kind], style="bold")
    if found.more:
        text.append(f" (the best {len(found.hits)}; --limit shows more)", style="dim")
    else:
        text.append(f" ({len(found.hits)})", style="dim")
    return text


def search_view(results: Results, *, width: int) -> RenderableType:
    """Each kind under its heading; the keys padded to one width, so that all line up.
    `width` is the console's: a label is cut to the room its line has."""
    hits = [hit for found in results.groups.values() for hit in found.hits]
    if not hits:
        return Text("No results.", style="dim")
    key_width = max(safe(INDENT + hit.key).cell_len for hit in hits)
    room = max(20, width - key_width - 1)
    parts: list[RenderableType] = []
    for kind, found in results.groups.items():
        if not found.hits:
            continue
        rows = []
        for hit in found.hits:
            key = safe(INDENT + hit.key, "cyan")
            key.pad_right(key_width - key.cell_len)
            rows.append([key, hit_cell(hit, room)])
        if parts:
            parts.append(Text())
        # The text takes what room the keys leave, however little: on a narrow terminal a
        # wider column would be cut off at the edge, in the middle of its words.
        parts += [heading(kind, found), Grid([Column(), Column(wrap=True, min_width=1)], rows)]
    return Group(*parts)


def hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "key": hit.key,
        "label": hit.label,
        "label_highlights": [[start, end] for start, end in hit.label_highlights],
        "snippet": hit.snippet,
        "highlights": [[start, end] for start, end in hit.highlights],
    }


def search_json(results: Results) -> str:
    from navo_agenda.render.jsonout import dumps

    query = results.query
    return dumps(
        "search",
        query=query.text,
        syntax=query.syntax,
        match=query.match,
        limit=query.limit,
        groups={
            kind: {"hits": [hit_json(hit) for hit in found.hits], "more": found.more}
            for kind, found in results.groups.items()
        },
    )
