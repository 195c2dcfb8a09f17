"""Calendar events back as meetings: read and check a whole file, then apply it (see
exchange/ics.py)."""

import re
import warnings
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any, NamedTuple

from navo_agenda.dates import DateRange
from navo_agenda.errors import BadFile
from navo_agenda.exchange.counts import ImportCounts
from navo_agenda.exchange.snapshot import NoProgress, Progress
from navo_agenda.store.connection import Database
from navo_agenda.texts import text_problem
from navo_agenda.vocabulary import MEETING_KINDS, MEETING_STATUSES

if TYPE_CHECKING:
    from icalendar import Component
from navo_agenda.exchange.ics_format import (
    EVENT_STATUSES,
    MAX_UID_LENGTH,
    STATUS_PROPERTY,
    UID_DOMAIN,
    known_zone,
)
from navo_agenda.store.calendar import CalendarMeeting, find_meeting, meeting_stamps


class IcsEvent(NamedTuple):
    """One VEVENT, checked, as the values a meeting takes from it."""

    uid: str
    title: str
    starts_on: date
    ends_on: date
    # For a timed event, e.g. "09:30–17:00 Europe/Brussels"; None for an all-day event,
    # which leaves a meeting's time note as it is.
    time_note: str | None
    location: str | None
    # The event's STATUS (CONFIRMED, TENTATIVE, CANCELLED), None when it has none.
    status: str | None
    # X-NAVO-AGENDA-STATUS, only where it agrees with STATUS.
    exact_status: str | None = None
    # The first of the CATEGORIES that is one of our meeting kinds, as our export writes it.
    kind: str | None = None
    # When the event was last changed (LAST-MODIFIED, else DTSTAMP), in UTC, if it says.
    modified: datetime | None = None


class IcsBatch(NamedTuple):
    """The checked events of one file, ready to apply. Other components (to-dos,
    journals, time zones) are not meetings and are not read; the to-dos and journals are
    counted, for the import's line to say so."""

    name: str
    events: tuple[IcsEvent, ...]
    todos: int = 0
    other_entries: int = 0


READ_PROPERTIES = (
    "UID",
    "SUMMARY",
    "DTSTART",
    "DTEND",
    "DURATION",
    "LOCATION",
    "STATUS",
    "RRULE",
    "RDATE",
    "RECURRENCE-ID",
)


def read_ics(data: bytes, *, name: str) -> IcsBatch:
    """Parse and check the whole file; BadFile names the file, the event and the property.

    Refused: anything but exactly one UTF-8 VCALENDAR, and any VEVENT without a UID, SUMMARY
    or DTSTART, with an unreadable date, an end before its start, a recurrence, or a UID
    that another event in the file has too.

    icalendar's warnings (a vendor-prefixed TZID it guesses at, say) are silenced: the
    zone is judged here (_zoned), and a user should see our one line, not a library's."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_calendar(data, name=name)


def _read_calendar(data: bytes, *, name: str) -> IcsBatch:
    calendar = _parse_calendar(data, name)
    zones = {
        str(component.get("TZID")): component
        for component in calendar.subcomponents
        if component.name == "VTIMEZONE"
    }
    events: list[IcsEvent] = []
    seen: dict[str, int] = {}
    number = 0
    for component in calendar.subcomponents:
        if component.name != "VEVENT":
            continue
        number += 1
        event = _read_event(component, name=name, number=number, zones=zones)
        if event.uid in seen:
            raise BadFile(
                f"{name}: event {event.uid!r} UID: events {seen[event.uid]} and {number} have"
                " the same UID; each event must have its own"
            )
        seen[event.uid] = number
        events.append(event)
    names = [component.name for component in calendar.subcomponents]
    others = sum(name not in ("VEVENT", "VTODO", "VTIMEZONE") for name in names)
    return IcsBatch(name, tuple(events), todos=names.count("VTODO"), other_entries=others)


_CALENDAR_BEGINS = re.compile(r"^BEGIN:VCALENDAR\r?$", re.IGNORECASE | re.MULTILINE)


def _parse_calendar(data: bytes, name: str) -> "Component":
    from icalendar import Calendar

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data":
            raise BadFile(
                f"{name}: incomplete iCalendar file: it ends inside a character"
                " (cut off while it was copied?)"
            ) from None
        raise BadFile(
            f"{name}: not an iCalendar file: it is not UTF-8 text (byte {error.start})"
        ) from None
    stripped = text.strip()
    if not stripped[:15].upper() == "BEGIN:VCALENDAR":
        raise BadFile(f"{name}: not an iCalendar file: it does not begin with BEGIN:VCALENDAR")
    if not stripped[-13:].upper() == "END:VCALENDAR":
        raise BadFile(
            f"{name}: incomplete iCalendar file: it does not end with END:VCALENDAR"
            " (cut off while it was copied?)"
        )
    calendars = len(_CALENDAR_BEGINS.findall(stripped))
    if calendars > 1:
        raise BadFile(f"{name}: holds {calendars} calendars (VCALENDAR); give one per file")
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise BadFile(f"{name}: not a valid iCalendar file: {_shown(str(error))}") from None
    if isinstance(calendar, list) or calendar.name != "VCALENDAR":
        raise BadFile(f"{name}: not an iCalendar file: it must hold exactly one VCALENDAR")
    return calendar


def _shown(message: str, limit: int = 160) -> str:
    """A library's message, which may quote the bad bytes, made safe for one line."""
    text = "".join(ch if ch.isprintable() else "?" for ch in " ".join(message.split()))
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _EventReader:
    """Reads the properties of one VEVENT, failing with the file, event and property."""

    def __init__(
        self,
        component: "Component",
        *,
        name: str,
        number: int,
        zones: "dict[str, Component]",
    ) -> None:
        self.component = component
        self.name = name
        self.number = number
        self.label = f"event {number}"
        self.zones = zones

    def fail(self, prop: str, problem: str) -> BadFile:
        return BadFile(f"{self.name}: {self.label} {prop}: {problem}")

    def single(self, prop: str) -> Any:
        value = self.component.get(prop)
        if isinstance(value, list):
            raise self.fail(prop, "given more than once; an event has one")
        return value

    def text(self, prop: str) -> str | None:
        value = self.single(prop)
        if value is None:
            return None
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        return str(value)

    def check_text(self, prop: str, value: str) -> None:
        """The text becomes a meeting's: it must be text the store may hold (texts.py)."""
        problem = text_problem(value)
        if problem is not None:
            raise self.fail(prop, problem)

    def moment(self, prop: str) -> date | None:
        """A DATE or DATE-TIME value (a datetime is a date too: check it first)."""
        value = self.single(prop)
        if value is None:
            return None
        found = getattr(value, "dt", None)
        if not isinstance(found, date):
            raise self.fail(prop, f"{_shown(str(value))!r} is not a date or date-time")
        return found

    def parameter(self, prop: str, parameter: str) -> str | None:
        value = self.single(prop)
        found = getattr(value, "params", {}).get(parameter)
        return None if found is None else str(found)

    def defined_zone(self, tzid: str) -> tzinfo | None:
        """The zone as the file's own VTIMEZONE defines it, made afresh: the library keeps
        the first definition of a TZID it sees for the rest of the process."""
        from icalendar import Timezone

        component = self.zones.get(tzid)
        if not isinstance(component, Timezone):
            return None
        try:
            zone: tzinfo = component.to_tz(lookup_tzid=False)
        except (ValueError, KeyError, IndexError, TypeError):
            return None
        return zone

    def categories(self) -> list[str]:
        value = self.component.get("CATEGORIES")
        found = value if isinstance(value, list) else [] if value is None else [value]
        return [str(word) for line in found for word in getattr(line, "cats", [])]


def _read_event(
    component: "Component", *, name: str, number: int, zones: "dict[str, Component]"
) -> IcsEvent:
    reader = _EventReader(component, name=name, number=number, zones=zones)
    uid = (reader.text("UID") or "").strip()
    if not uid:
        summary = reader.text("SUMMARY")
        shown = f" (SUMMARY {_shown(summary, 60)!r})" if summary else ""
        raise BadFile(f"{name}: event {number}{shown} UID: missing; every event needs a UID")
    reader.label = f"event {_shown(uid, 80)!r}"
    if len(uid) > MAX_UID_LENGTH:
        raise reader.fail("UID", f"longer than {MAX_UID_LENGTH} characters")
    reader.check_text("UID", uid)
    for inner in component.subcomponents:  # RFC 5545 allows alarms there, nothing else
        if inner.name != "VALARM":
            raise reader.fail(
                f"BEGIN:{inner.name}", "inside the event; an event holds no other component"
            )
    for prop, problem in component.errors:
        if str(prop).upper() in READ_PROPERTIES:
            raise reader.fail(str(prop).upper(), f"cannot be read: {_shown(str(problem))}")
    for prop in ("RRULE", "RDATE", "RECURRENCE-ID"):
        if component.get(prop) is not None:
            raise reader.fail(
                prop,
                "a recurring event cannot become a meeting; export the single occurrences instead",
            )
    title = (reader.text("SUMMARY") or "").strip()
    if not title:
        raise reader.fail("SUMMARY", "missing or empty; the title of the meeting comes from it")
    reader.check_text("SUMMARY", title)
    starts_on, ends_on, time_note = _read_span(reader)
    location = (reader.text("LOCATION") or "").strip() or None
    if location is not None:
        reader.check_text("LOCATION", location)
    status, exact = _read_status(reader)
    kinds = [word.strip().lower() for word in reader.categories()]
    return IcsEvent(
        uid=uid,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        time_note=time_note,
        location=location,
        status=status,
        exact_status=exact,
        kind=next((word for word in kinds if word in MEETING_KINDS), None),
        modified=_modified(reader),
    )


def _read_span(reader: _EventReader) -> tuple[date, date, str | None]:
    start = reader.moment("DTSTART")
    if start is None:
        raise reader.fail("DTSTART", "missing; the meeting's date comes from it")
    if isinstance(start, datetime):
        start = _zoned(reader, "DTSTART", start)
    end = reader.moment("DTEND")
    if isinstance(end, datetime):
        end = _zoned(reader, "DTEND", end)
    duration = reader.single("DURATION")
    if end is not None and duration is not None:
        raise reader.fail("DURATION", "an event has DTEND or DURATION, not both")
    if duration is not None:
        length = getattr(duration, "dt", None)
        if not isinstance(length, timedelta):
            raise reader.fail("DURATION", f"{_shown(str(duration))!r} is not a duration")
        if length < timedelta(0):
            raise reader.fail("DURATION", "negative: the event would end before it starts")
        if not isinstance(start, datetime) and length % timedelta(days=1):
            raise reader.fail("DURATION", "an all-day event lasts whole days")
        if not isinstance(start, datetime) and length:  # its last day, not the day after
            return start, _later(reader, start, length - timedelta(days=1)), None
        end = _later(reader, start, length)
    if isinstance(start, datetime):
        if end is not None and not isinstance(end, datetime):
            raise reader.fail("DTEND", "a date, but DTSTART is a date-time; give both the same way")
        return _timed_span(reader, start, end)
    if isinstance(end, datetime):
        raise reader.fail("DTEND", "a date-time, but DTSTART is a date; give both the same way")
    if end is None or end == start:  # no DTEND, or DTEND = DTSTART as some programs write
        return start, start, None
    if end < start:
        raise reader.fail(
            "DTEND",
            f"{end.isoformat()} is before DTSTART {start.isoformat()}: it ends before it starts",
        )
    return start, end - timedelta(days=1), None  # DTEND of an all-day event is exclusive


def _later(reader: _EventReader, start: date, length: timedelta) -> date:
    try:
        return start + length
    except OverflowError:
        raise reader.fail("DURATION", "too long: the event would end after the year 9999") from None


def _timed_span(
    reader: _EventReader, start: datetime, end: date | None
) -> tuple[date, date, str | None]:
    """A date-time keeps the date and time it has in its own zone; the time becomes the
    meeting's time note."""
    zone = _zone_label(start)
    if end is None or end == start:
        return start.date(), start.date(), _note(start.strftime("%H:%M"), None, zone)
    assert isinstance(end, datetime)
    if (start.tzinfo is None) != (end.tzinfo is None):
        raise reader.fail(
            "DTEND", "a floating time with a zoned one (or the other way round); use one kind"
        )
    if start.tzinfo is not None and end.tzinfo is not None:
        try:
            end = end.astimezone(start.tzinfo)
        except OverflowError:
            raise reader.fail("DTEND", "beyond the first or last day a calendar has") from None
    if end < start:
        raise reader.fail(
            "DTEND",
            f"{end.isoformat()} is before DTSTART {start.isoformat()}: it ends before it starts",
        )
    if end.time() == time(0, 0) and end.date() > start.date():
        return (
            start.date(),
            end.date() - timedelta(days=1),
            _note(start.strftime("%H:%M"), "24:00", zone),
        )
    return start.date(), end.date(), _note(start.strftime("%H:%M"), end.strftime("%H:%M"), zone)


def _note(start: str, end: str | None, zone: str | None) -> str:
    return start + (f"\u2013{end}" if end else "") + (f" {zone}" if zone else "")


def _zone_label(moment: datetime) -> str | None:
    """The zone of the time note: an IANA name, UTC, or none for a floating time (the same
    wall-clock time wherever one is). `_zoned` leaves no other kind of zone."""
    if moment.tzinfo is None:
        return None
    key = getattr(moment.tzinfo, "key", None)
    return "UTC" if key in (None, "UTC", "Etc/UTC") else str(key)


def _zoned(reader: _EventReader, prop: str, moment: datetime) -> datetime:
    """The date-time with a zone the export can name again: its TZID's IANA zone, else the
    time converted to UTC with the file's own VTIMEZONE, else the event is refused.

    A Windows name (Outlook's 'W. Europe Standard Time') becomes its IANA zone (Europe/Berlin)
    where the file's definition gives the same offset at that time. A TZID that has no IANA
    name, but is defined in the file, becomes UTC rather than a refusal: the meeting keeps
    the exact moment the sender's calendar shows, in a zone every calendar reads, and the
    rest of the file still imports. Without a definition the moment is unknown (RFC 5545
    wants a VTIMEZONE for every TZID), and guessing it would put the meeting at a wrong
    time without a word, so the file is refused, naming the event and the property."""
    tzid = reader.parameter(prop, "TZID")
    if tzid is None:  # floating, or UTC ("Z")
        return moment if moment.tzinfo is None else moment.astimezone(UTC)
    wall = moment.replace(tzinfo=None)
    defined = reader.defined_zone(tzid)
    name = _iana_name(tzid)
    if name is not None:
        zoned = wall.replace(tzinfo=known_zone(name))
        if name == tzid or defined is None:
            return zoned
        if zoned.utcoffset() == wall.replace(tzinfo=defined).utcoffset():
            return zoned
    if defined is not None:
        try:
            return wall.replace(tzinfo=defined).astimezone(UTC)
        except OverflowError:
            raise reader.fail(prop, "in UTC, beyond the first or last day a calendar has") from None
    raise reader.fail(
        prop,
        f"TZID {_shown(tzid, 60)!r} is not a time zone name (such as Europe/Brussels or"
        " W. Europe Standard Time) and the file has no VTIMEZONE that defines it",
    )


def _iana_name(tzid: str) -> str | None:
    """The IANA name of a TZID, tried as the library tries it: as written, as a Windows
    name (the Unicode CLDR table), and without the vendor prefix of a 'globally unique'
    TZID such as /freeassociation.sourceforge.net/Europe/Berlin."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    cleaned = tzid.strip().strip("/")
    candidates = [cleaned, WINDOWS_TO_OLSON.get(cleaned)]
    if tzid.startswith("/"):
        parts = cleaned.split("/")
        candidates += ["/".join(parts[start:]) for start in range(1, len(parts))]
    for name in candidates:
        if name is not None and " " not in name and known_zone(name) is not None:
            return "UTC" if name in ("UTC", "Etc/UTC") else name
    return None


def _read_status(reader: _EventReader) -> tuple[str | None, str | None]:
    text = reader.text("STATUS")
    if text is None:
        return None, None
    status = text.strip().upper()
    allowed = sorted(set(EVENT_STATUSES.values()))
    if status not in allowed:
        raise reader.fail("STATUS", f"{_shown(text, 40)!r} is not one of {', '.join(allowed)}")
    exact = (reader.text(STATUS_PROPERTY) or "").strip().lower()
    if exact in MEETING_STATUSES and EVENT_STATUSES[exact] == status:
        return status, exact
    return status, None


def apply_ics(
    db: Database,
    batch: IcsBatch,
    *,
    kind: str,
    today: date,
    progress: Progress | None = None,
) -> ImportCounts:
    """Write the events as meetings in the caller's transaction (no commit, no output).

    An event updates the meeting whose slug its UID names (`<slug>@navo-agenda`), else the
    meeting imported earlier with that UID, else becomes a new meeting with a slug made as
    `add meeting` makes it. A new meeting's kind is the one the event's CATEGORIES name (our
    export writes it there), else `kind`; an existing meeting keeps its kind, as a calendar's
    categories are the user's own labels too. A meeting whose values all match is left alone
    (its version does not move)."""
    from navo_agenda.editing.values import one_of

    kind = one_of(kind, MEETING_KINDS, "--kind")
    counts = ImportCounts(todos=batch.todos, other_entries=batch.other_entries)
    claimed: dict[int, str] = {}
    progress = progress or NoProgress()
    progress.start("Importing", len(batch.events))
    for event in batch.events:
        current = find_meeting(
            db,
            slug=event.uid[: -len(UID_DOMAIN)] if event.uid.endswith(UID_DOMAIN) else None,
            external_uid=event.uid,
        )
        if current is not None:
            if current.id in claimed:
                raise BadFile(
                    f"{batch.name}: event {event.uid!r} UID: names the same meeting"
                    f" ({current.slug}) as event {claimed[current.id]!r}; nothing was imported"
                )
            claimed[current.id] = event.uid
        changes = _changes(event, current, today=today) if current is not None else {}
        if current is None:
            counts += _add_meeting(db, event, kind=kind, today=today)
        elif not changes:
            counts += ImportCounts(unchanged=1)  # whatever its stamps say
        elif _older_than_stored(db, event, current):
            counts += ImportCounts(older=1)
        else:
            counts += _edit_meeting(db, current, changes)
        progress.advance(1)
    return counts


def _modified(reader: _EventReader) -> datetime | None:
    for prop in ("LAST-MODIFIED", "DTSTAMP"):
        try:
            moment = reader.moment(prop)
        except BadFile:  # only compared, never stored: one that cannot be read is no time
            continue
        if isinstance(moment, datetime):
            return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return None


def _older_than_stored(db: Database, event: IcsEvent, current: CalendarMeeting) -> bool:
    """Whether the event is a copy of one of ours (its UID names the meeting) made before
    the meeting, or what its event shows, last changed: importing it would undo what
    changed since. A calendar program that changes an event stamps it with its own later
    time, so an event changed there is never older. A meeting made from a calendar (it has
    that calendar's UID) takes its events as they come, as do other programs' events: their
    times are not ours to compare."""
    if event.modified is None or event.uid != f"{current.slug}{UID_DOMAIN}":
        return False
    from_calendar, stamps = meeting_stamps(db, [current.slug])[current.slug]
    return from_calendar is None and event.modified < stamps.updated


def imported_status(event: IcsEvent, *, today: date) -> str:
    """The status of a new meeting: the exact one if the file carries it, else read from
    STATUS, where a confirmed event that is over is taken to have been held."""
    if event.exact_status is not None:
        return event.exact_status
    if event.status == "CANCELLED":
        return "cancelled"
    if event.status == "TENTATIVE":
        return "expected"
    return "held" if event.ends_on < today else "planned"


def _add_meeting(db: Database, event: IcsEvent, *, kind: str, today: date) -> ImportCounts:
    from navo_agenda.editing.meetings import MeetingFields, add_meeting

    fields = MeetingFields(
        kind=event.kind or kind,
        dates=DateRange(event.starts_on, event.ends_on),
        title=event.title,
        location=event.location,
        time_note=event.time_note,
        status=imported_status(event, today=today),
    )
    slug = add_meeting(db, fields)
    db.execute(
        "UPDATE meeting SET external_uid = :uid WHERE slug = :slug",
        {"uid": event.uid, "slug": slug},
    )
    return ImportCounts(added=1)


def _edit_meeting(db: Database, current: CalendarMeeting, changes: dict[str, Any]) -> ImportCounts:
    from navo_agenda.editing.keys import Target
    from navo_agenda.editing.meetings import MeetingFields, edit_meeting
    from navo_agenda.store.meetings import get_meeting_ref

    ref = get_meeting_ref(db, current.slug)
    assert ref is not None
    edit_meeting(
        db, Target("meeting", ref.slug, meeting=ref), MeetingFields(**changes), if_version=None
    )
    return ImportCounts(changed=1)


def _changes(event: IcsEvent, current: CalendarMeeting, *, today: date) -> dict[str, Any]:
    """What the event would change in its meeting (MeetingFields' names)."""
    from navo_agenda.editing.values import CLEAR

    changes: dict[str, Any] = {}
    if event.title != current.title:
        changes["title"] = event.title
    if (event.starts_on, event.ends_on) != (current.starts_on, current.ends_on):
        changes["dates"] = DateRange(event.starts_on, event.ends_on)
    if event.location != current.location:
        changes["location"] = event.location if event.location is not None else CLEAR
    if event.time_note is not None and event.time_note != current.time_note:
        changes["time_note"] = event.time_note
    status = _changed_status(event, current.status, today=today)
    if status is not None:
        changes["status"] = status
    return changes


def _changed_status(event: IcsEvent, current: str, *, today: date) -> str | None:
    """A new status only where the file disagrees: CONFIRMED leaves 'held' and 'planned'
    alike as they are, unless the file says exactly which it is."""
    if event.status is None:
        return None
    if event.exact_status is not None:
        return event.exact_status if event.exact_status != current else None
    if EVENT_STATUSES.get(current) == event.status:
        return None
    return imported_status(event, today=today)
