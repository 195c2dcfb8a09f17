"""Meetings as calendar events, deadlines as to-dos (RFC 5545), and events back as meetings.

Writing and reading iCalendar is left to the `icalendar` library (folding, escaping, time
zones); it is imported inside the functions, so that no other command pays for it.

Export. A meeting is an all-day VEVENT (DTEND exclusive, as the standard wants: 24-25 June
is DTSTART 20250624, DTEND 20250626), unless its time note is one this module wrote on
import ("09:30–17:00 Europe/Brussels"): then it is timed again in that zone. Its UID is the
UID it was imported with, else `<slug>@navo-agenda`, so that importing the file into a
calendar again updates the events instead of duplicating them. DTSTAMP, LAST-MODIFIED and
SEQUENCE come from the database, never from the clock, so the same data gives the same file,
byte for byte; they cover everything an event shows (the meeting, its parent, the meetings
within it, its agenda and commitments: store/calendar.py), a removal touching the meeting
(store/meetings.touch_meetings), so that they only ever move forward (docs/export.md,
"Stamps"). STATUS has three words for five statuses, so the exact
status travels beside it in X-NAVO-AGENDA-STATUS, which calendar programs ignore and an
import into another database uses when it agrees with STATUS.

Import. `read_ics` checks the whole file before anything is written and returns the events
as plain values; `apply_ics` writes them through the same editing functions as `add meeting`
and `edit meeting`, inside the caller's transaction. Only the title, the dates (and time),
the location and the status come back, and for a new meeting its kind from CATEGORIES: the
description is ours to write, not to read. A time keeps its zone only by an IANA name (a
Windows name is translated), which is what export can write again; a zone the file defines
under any other name becomes UTC.
"""

from navo_agenda.exchange.ics_export import Stamp, export_ics, ics_text, meeting_event
from navo_agenda.exchange.ics_import import IcsBatch, IcsEvent, apply_ics, imported_status, read_ics

__all__ = [
    "IcsBatch",
    "IcsEvent",
    "Stamp",
    "apply_ics",
    "export_ics",
    "ics_text",
    "imported_status",
    "meeting_event",
    "read_ics",
]
