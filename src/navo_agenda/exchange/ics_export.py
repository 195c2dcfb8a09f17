"""Meetings as calendar events and deadlines as to-dos (RFC 5545): see exchange/ics.py."""

from datetime import date, datetime, time, timedelta, tzinfo
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from navo_agenda.dates import PartialDate
from navo_agenda.errors import NotFound
from navo_agenda.exchange.controls import replace_controls
from navo_agenda.exchange.selection import Selection, selected_meetings
from navo_agenda.exchange.snapshot import NoProgress, Progress
from navo_agenda.records import CommitmentRecord, MeetingDetail
from navo_agenda.store.connection import Database
from navo_agenda.vocabulary import MEETING_KINDS

if TYPE_CHECKING:
    from icalendar import Event, Todo
from navo_agenda.exchange.ics_format import (
    CALENDAR_NAME,
    EVENT_STATUSES,
    PRECISION_WORDS,
    PRODID,
    STATUS_PROPERTY,
    TIME_NOTE,
    TODO_STATUSES,
    UID_DOMAIN,
    known_zone,
)
from navo_agenda.store.calendar import Stamps, meeting_stamps
from navo_agenda.store.calendar import commitment_stamps as stored_commitment_stamps


def export_ics(
    db: Database,
    selection: Selection,
    *,
    with_deadlines: bool,
    today: date,
    progress: Progress | None = None,
) -> str:
    """One VCALENDAR with the selected meetings as VEVENTs and, with_deadlines, the due
    commitments of those meetings as all-day VTODOs. CRLF line ends, as RFC 5545 wants:
    write the text unchanged (as UTF-8 bytes, or with newline=''). NotFound when the
    selection holds no meeting."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    progress = progress or NoProgress()
    meetings = selected_meetings(db, selection, today=today)
    if not meetings:
        # RFC 5545 3.6: a calendar holds at least one component, and a program may refuse
        # one that holds none; an empty file would also look like a successful export.
        none = (
            "the database holds no meetings"
            if selection.everything
            else f"no meetings in this selection ({selection.described()})"
        )
        raise NotFound(f"{none}; a calendar needs at least one event, so nothing was written")
    progress.start("Exporting", len(meetings))
    details: list[MeetingDetail] = []
    for meeting in meetings:
        details.append(_meeting_detail(db, meeting.slug))
        progress.advance(1)
    stamps = {
        slug: Stamp.of(meeting_uid(slug, external_uid), found)
        for slug, (external_uid, found) in meeting_stamps(
            db, [detail.meeting.slug for detail in details]
        ).items()
    }
    uids = {slug: stamp.uid for slug, stamp in stamps.items()}
    timed = False
    for detail in details:
        event, is_timed = meeting_event(detail, stamps[detail.meeting.slug], uids)
        timed = timed or is_timed
        calendar.add_component(event)
    if with_deadlines:
        for detail in details:
            due = [c for c in detail.commitments if c.due is not None]
            if not due:
                continue
            commitment_stamps = {
                ref: Stamp.of(f"{ref}{UID_DOMAIN}", found)
                for ref, found in stored_commitment_stamps(db, detail.meeting.slug).items()
            }
            for commitment in sorted(due, key=lambda c: (_due(c).last_day, c.ref)):
                calendar.add_component(
                    deadline_todo(
                        commitment, commitment_stamps[commitment.ref], uids[detail.meeting.slug]
                    )
                )
    if timed:
        calendar.add_missing_timezones()  # a TZID needs its VTIMEZONE in the same file
    written: bytes = calendar.to_ical()
    return written.decode("utf-8")


class Stamp(NamedTuple):
    """What a calendar needs to know about a record beyond its content."""

    uid: str
    created: datetime
    updated: datetime
    version: int

    @classmethod
    def of(cls, uid: str, stamps: Stamps) -> "Stamp":
        return cls(uid, stamps.created, stamps.updated, stamps.version)


def meeting_uid(slug: str, external_uid: str | None) -> str:
    return external_uid or f"{slug}{UID_DOMAIN}"


def meeting_event(
    detail: MeetingDetail, stamp: Stamp, uids: dict[str, str]
) -> "tuple[Event, bool]":
    """The VEVENT of a meeting, and whether it is timed (needs a VTIMEZONE)."""
    from icalendar import Event

    meeting = detail.meeting
    event = Event()
    event.add("uid", stamp.uid)
    event.add("dtstamp", stamp.updated)
    event.add("created", stamp.created)
    event.add("last-modified", stamp.updated)
    event.add("sequence", event_sequence(stamp))
    event.add("summary", text(ics_text(meeting.title)))
    times = timed_span(meeting.starts_on, meeting.ends_on, meeting.time_note)
    if times is None:
        event.add("dtstart", meeting.starts_on)
        if meeting.ends_on < date.max:
            event.add("dtend", meeting.ends_on + timedelta(days=1))
        else:  # the day after 9999-12-31 has no date
            event.add("duration", meeting.ends_on - meeting.starts_on + timedelta(days=1))
    else:
        event.add("dtstart", times[0])
        if times[1] is not None:
            event.add("dtend", times[1])
    if _present(meeting.location):
        event.add("location", text(ics_text(meeting.location)))
    event.add("description", text(ics_text(meeting_description(detail))))
    event.add("status", EVENT_STATUSES[meeting.status])
    event.add("categories", [meeting.kind])
    if meeting.parent is not None and meeting.parent in uids:
        event.add("related-to", uids[meeting.parent])
    event.add(STATUS_PROPERTY, meeting.status)
    return event, times is not None


# SEQUENCE is an INTEGER (RFC 5545 3.3.8), a signed 32-bit number.
MAX_SEQUENCE = 2**31 - 1


def event_sequence(stamp: Stamp) -> int:
    """SEQUENCE of a meeting's event: its version less one, which rises with every change
    to the meeting's own fields (dates, time note and status, everything RFC 5546 calls
    significant, are among them), plus the whole seconds from CREATED to LAST-MODIFIED,
    which rise with any later change to what the event shows (an agenda item, a commitment,
    the meetings around it). Both only ever grow, so the sum never goes down; a calendar
    that keeps the copy with the higher SEQUENCE (without looking at DTSTAMP) takes the
    newer agenda too."""
    seconds = int((stamp.updated - stamp.created).total_seconds())
    return min(MAX_SEQUENCE, max(0, stamp.version - 1) + max(0, seconds))


def deadline_todo(commitment: CommitmentRecord, stamp: Stamp, meeting_uid: str) -> "Todo":
    """The to-do of a commitment's due date. Everything it shows is the commitment's own
    (the meeting and document it names by slug, which do not change), so its version counts
    every change to it: SEQUENCE is the version less one, and a status change raises it."""
    from icalendar import Todo

    due = _due(commitment)
    todo = Todo()
    todo.add("uid", stamp.uid)
    todo.add("dtstamp", stamp.updated)
    todo.add("created", stamp.created)
    todo.add("last-modified", stamp.updated)
    todo.add("sequence", max(0, stamp.version - 1))
    todo.add("summary", text(ics_text(f"{commitment.ref}: {_one_line(commitment.text)}")))
    todo.add("due", due.last_day)
    todo.add("status", TODO_STATUSES[commitment.status])
    todo.add("description", text(ics_text(deadline_description(commitment))))
    todo.add("related-to", meeting_uid)
    return todo


def text(value: str) -> Any:
    """A TEXT property value that we escape ourselves (RFC 5545 3.3.11): icalendar would turn
    a literal backslash followed by N in the data into a line break."""
    return _text_type()(value)


@cache
def _text_type() -> type:
    from icalendar.prop import vText

    class Text(vText):
        def to_ical(self) -> bytes:
            escaped = (
                str(self)
                .replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\n", "\\n")
            )
            return escaped.encode("utf-8")

    return Text


def ics_text(value: str | None) -> str:
    """Text for a property: line breaks kept (text() escapes them as \\n), any other control
    character shown as U+FFFD (exchange/controls.py): RFC 5545 TEXT allows none but the
    tab, and a calendar program may refuse a file with one."""
    return replace_controls(value)


def timed_span(
    starts_on: date, ends_on: date, time_note: str | None
) -> tuple[datetime, datetime | None] | None:
    """A time note as import writes it, as the start and end of a timed event; None (all
    day) for any other note, or one that would not give back the same meeting."""
    found = TIME_NOTE.fullmatch(time_note or "")
    if found is None:
        return None
    zone = _zone(found["zone"])
    if found["zone"] is not None and zone is None:
        return None
    start_time = _clock(found["start"])
    if start_time is None:
        return None
    start = datetime.combine(starts_on, start_time, zone)
    if found["end"] is None:
        return (start, None) if starts_on == ends_on else None
    if found["end"] == "24:00":
        if ends_on == date.max:
            return None
        end = datetime.combine(ends_on + timedelta(days=1), time(0, 0), zone)
    else:
        end_time = _clock(found["end"])
        if end_time is None:
            return None
        end = datetime.combine(ends_on, end_time, zone)
    return (start, end) if end > start else None


def _clock(text: str) -> time | None:
    hours, minutes = int(text[:2]), int(text[3:])
    return time(hours, minutes) if hours < 24 else None


def _zone(name: str | None) -> tzinfo | None:
    return None if name is None else known_zone(name)


def meeting_description(detail: MeetingDetail) -> str:
    """What a calendar shows under the title: everything a reader needs before the meeting."""
    from navo_agenda.render.words import span

    meeting = detail.meeting
    lines: list[str] = []
    if _present(meeting.title_nl):
        lines.append(_one_line(meeting.title_nl))
    kind = MEETING_KINDS.get(meeting.kind, meeting.kind)
    lines.append(f"{kind} · {span(meeting.starts_on, meeting.ends_on)} · {meeting.status}")
    if _present(meeting.time_note):
        lines.append(f"Time: {_one_line(meeting.time_note)}")
    if detail.parent is not None:
        lines.append(f"Within: {_one_line(detail.parent.title)} ({detail.parent.slug})")
    if detail.children:
        lines.append("Within this meeting: " + ", ".join(c.slug for c in detail.children))
    for label, text in (("Summary", detail.summary), ("Outcome", detail.outcome)):
        if _present(text):
            lines += ["", f"{label}: {_one_line(text)}"]
    if detail.items:
        lines += ["", "Agenda"]
        section: str | None = None
        for item in detail.items:
            if item.section and item.section != section:
                section = item.section
                if section != item.title:  # a heading that is its only item's title
                    lines.append(_one_line(section))
            lines.append(f"{item.position}. {_one_line(item.title)}")
            if _present(item.dutch_position):
                lines.append(f"   Dutch position: {_one_line(item.dutch_position)}")
            if _present(item.outcome):
                lines.append(f"   Outcome: {_one_line(item.outcome)}")
    if detail.commitments:
        lines += ["", "Commitments"]
        for commitment in detail.commitments:
            lines.append(f"- {commitment.ref}: {_one_line(commitment.text)}")
            lines.append(f"  {commitment_facts(commitment)}")
    lines += ["", f"navo-agenda show {meeting.slug}"]
    return "\n".join(lines)


def commitment_facts(commitment: CommitmentRecord) -> str:
    from navo_agenda.render.words import amount

    facts = [commitment.kind, commitment.status, _one_line(commitment.actor)]
    if commitment.due is not None:
        facts.append(f"due {commitment.due.canonical()}")
    if commitment.amount is not None:
        facts.append(amount(commitment.amount, commitment.currency))
    return " · ".join(facts)


def deadline_description(commitment: CommitmentRecord) -> str:
    due = _due(commitment)
    if due.precision == "day":
        when = f"Due {due.canonical()}."
    else:
        when = (
            f"Due {due.canonical()} ({PRECISION_WORDS[due.precision]}): shown on its last day,"
            f" {due.last_day.isoformat()}, after which it is overdue."
        )
    lines = [when, commitment_facts(commitment), f"Meeting: {commitment.meeting}"]
    if _present(commitment.source_quote):
        source = f" ({commitment.source})" if commitment.source else ""
        lines += ["", f"“{_one_line(commitment.source_quote)}”{source}"]
    lines += ["", f"navo-agenda history {commitment.ref}"]
    return "\n".join(lines)


def _due(commitment: CommitmentRecord) -> PartialDate:
    assert commitment.due is not None
    return commitment.due


def _present(text: str | None) -> bool:
    return bool(text and text.strip())


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _meeting_detail(db: Database, slug: str) -> MeetingDetail:
    from navo_agenda.store.meetings import get_meeting

    detail = get_meeting(db, slug)
    assert detail is not None, slug  # it was selected in the same transaction
    return detail
