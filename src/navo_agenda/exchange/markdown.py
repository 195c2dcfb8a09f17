"""The briefing note: the selected meetings as one Markdown document.

Per meeting: a heading, its facts, its agenda by section with the Dutch position and the
outcome, its commitments as a table (due dates with the precision they were given in, an
OVERDUE mark as of `today`), and the documents it rests on with the quotes taken from them.

The note is CommonMark (the commitments table is a GitHub-style pipe table, which plain
CommonMark shows as text). Text from the data is data: every character Markdown would read
as syntax is escaped, each value is put on one line (so it cannot open a heading, a list or
a code block), and nothing from the data becomes HTML or a link. The only links are the
documents' own http(s) URLs, written as autolinks. Control characters in the data are shown
as U+FFFD (exchange/controls.py, as in the calendar): a note is read in terminals too, and
an escape sequence in a title must not retitle or clear the terminal of whoever `cat`s it.
"""

import re
from datetime import date

from navo_agenda.exchange.controls import replace_controls
from navo_agenda.exchange.selection import Selection, selected_meetings
from navo_agenda.exchange.snapshot import NoProgress, Progress
from navo_agenda.records import CommitmentRecord, DocumentRef, MeetingDetail, MeetingRow
from navo_agenda.render.words import amount, span
from navo_agenda.store.connection import Database
from navo_agenda.vocabulary import MEETING_KINDS

# Characters that are Markdown syntax wherever they stand (emphasis, code, links, HTML,
# entities, tables, strikethrough, escapes themselves).
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")
# What makes a line a block (heading, quote, list, thematic break, setext underline) when it
# stands at its start; the '#' and '>' are escaped everywhere already.
_BLOCK_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")
# A URL that can be an autolink: http(s), and nothing that would end or break it, nor any
# control character (C0, DEL, C1): anything else is written as text.
_AUTOLINK = re.compile(r"https?://[^\s<>`\\\x00-\x1f\x7f-\x9f]+", re.IGNORECASE)


def text(value: str | None) -> str:
    """Data as Markdown that reads as exactly that text: one line, every syntax escaped,
    control characters as U+FFFD (before the split, which would take some of them, e.g.
    U+001F and U+0085, for spaces)."""
    line = " ".join(replace_controls(value).split())
    line = _INLINE.sub(r"\\\1", line)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def cell(value: str | None) -> str:
    """Data for a table cell (pipes are escaped by text() too)."""
    return text(value) or " "


def url(value: str | None) -> str:
    """An http(s) URL as an autolink; anything else as plain text, never as a link."""
    if value is None or not value.strip():
        return ""
    stripped = value.strip()
    if _AUTOLINK.fullmatch(stripped):
        return f"<{stripped}>"
    return text(stripped)


def export_markdown(
    db: Database, selection: Selection, *, today: date, progress: Progress | None = None
) -> str:
    from navo_agenda.agenda import show_meeting

    progress = progress or NoProgress()
    meetings = selected_meetings(db, selection, today=today)
    progress.start("Exporting", len(meetings))
    details = []
    for meeting in meetings:
        details.append(show_meeting(db, meeting.slug))
        progress.advance(1)
    lines = [f"# {heading(selection, details)}", ""]
    lines.append(f"As of {today.isoformat()}, from navo-agenda.")
    if not details:
        lines += ["", "No meetings in this selection."]
    for detail in details:
        lines += ["", *meeting_section(detail, today=today)]
    # Every value went through text() already; this guards what a later change may write
    # without it (it leaves line breaks and tabs, the note's own, alone).
    return replace_controls("\n".join(lines).rstrip("\n") + "\n")


def heading(selection: Selection, details: list[MeetingDetail]) -> str:
    if selection.meeting is not None and details:
        return f"Briefing note: {text(details[0].meeting.title)}"
    parts = []
    if selection.kinds:
        parts.append(", ".join(text(MEETING_KINDS.get(kind, kind)) for kind in selection.kinds))
    if selection.start is not None or selection.end is not None:
        first = selection.start.first_day.isoformat() if selection.start else "…"
        last = selection.end.last_day.isoformat() if selection.end else "…"
        parts.append(f"{first} – {last}")
    return "Briefing note: " + (" · ".join(parts) if parts else "all meetings")


def meeting_section(detail: MeetingDetail, *, today: date) -> list[str]:
    meeting = detail.meeting
    lines = [f"## {text(meeting.title)}", ""]
    if meeting.title_nl:
        lines += [f"*{text(meeting.title_nl)}*", ""]
    lines += facts(detail)
    for label, value in (("Summary", detail.summary), ("Outcome", detail.outcome)):
        if value and value.strip():
            lines += ["", f"**{label}:** {text(value)}"]
    if detail.items:
        lines += ["", "### Agenda", *agenda(detail)]
    if detail.commitments:
        lines += ["", "### Commitments", "", *commitments(detail.commitments, today=today)]
    if detail.documents:
        lines += ["", "### Sources", "", *sources(detail)]
    return lines


def facts(detail: MeetingDetail) -> list[str]:
    meeting = detail.meeting
    when = span(meeting.starts_on, meeting.ends_on)
    if meeting.time_note:
        when += f" ({text(meeting.time_note)})"
    lines = [
        f"- **Meeting:** {text(meeting.slug)} · {text(MEETING_KINDS.get(meeting.kind))}",
        f"- **Dates:** {when}",
    ]
    if meeting.location:
        lines.append(f"- **Location:** {text(meeting.location)}")
    lines.append(f"- **Status:** {text(meeting.status)}")
    if detail.parent is not None:
        lines.append(f"- **Within:** {reference(detail.parent)}")
    if detail.children:
        within = "; ".join(reference(child) for child in detail.children)
        lines.append(f"- **Within this meeting:** {within}")
    return lines


def reference(meeting: MeetingRow) -> str:
    return (
        f"{text(meeting.title)} ({text(meeting.slug)}, {span(meeting.starts_on, meeting.ends_on)})"
    )


def agenda(detail: MeetingDetail) -> list[str]:
    """Items by section, each an ordered list item numbered by its position."""
    lines: list[str] = []
    section: str | None = None
    for item in detail.items:
        if item.section and item.section != section:
            section = item.section
            if section != item.title:
                lines += ["", f"#### {text(section)}"]
        marker = f"{item.position}."
        indent = " " * (len(marker) + 1)
        lines += ["", f"{marker} **{text(item.title)}**"]
        if item.summary and item.summary.strip():
            lines[-1] += "\\"  # a hard line break: the summary goes on the next line
            lines.append(f"{indent}{text(item.summary)}")
        lines += [
            f"{indent}- *Dutch position:* {text(item.dutch_position) or 'not stated in the source'}"
        ]
        if item.outcome and item.outcome.strip():
            lines.append(f"{indent}- *Outcome:* {text(item.outcome)}")
        if item.topics:
            lines.append(f"{indent}- *Topics:* {', '.join(text(topic) for topic in item.topics)}")
    return lines


def commitments(records: tuple[CommitmentRecord, ...], *, today: date) -> list[str]:
    lines = [
        "| Ref | Commitment | Actor | Due | Amount | Status |",
        "| --- | --- | --- | --- | ---: | --- |",
    ]
    for record in records:
        what = text(record.text)
        if record.item_position is not None:
            what += f" (item {record.item_position})"
        status = text(record.status)
        if record.is_overdue(today):
            status += " **OVERDUE**"
        due = record.due.canonical() if record.due is not None else ""
        row = [
            text(record.ref),
            what,
            cell(record.actor),
            due or " ",
            text(amount(record.amount, record.currency)) or " ",
            status,
        ]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def sources(detail: MeetingDetail) -> list[str]:
    """Each document with what it is used for, and the quotes taken from it."""
    quotes: dict[str, list[tuple[str, str]]] = {}

    def quoted(source: str | None, what: str, quote: str | None) -> None:
        if source is not None and quote and quote.strip():
            quotes.setdefault(source, []).append((what, quote))

    quoted(detail.source, detail.meeting.slug, detail.source_quote)
    for item in detail.items:
        quoted(item.source, f"item {item.position}", item.source_quote)
    for record in detail.commitments:
        quoted(record.source, record.ref, record.source_quote)
    lines: list[str] = []
    for document in detail.documents:
        lines.append(f"- {document_line(document)}")
        for what, quote in quotes.get(document.slug, []):
            lines.append(f"  - {text(what)}: “{text(quote)}”")
    return lines


def document_line(document: DocumentRef) -> str:
    name = f"**{text(document.identifier)}**: {text(document.title)}"
    if not document.identifier:
        name = f"**{text(document.title)}**"
    parts = [name]
    if document.dated is not None:
        parts.append(document.dated.isoformat())
    if document.url:
        parts.append(url(document.url))
    used = ", ".join(document.relations)
    return " · ".join(parts) + f" ({text(document.slug)}; {used})"
