"""What export and import of calendars agree on: identifiers, status words, the time note.

See exchange/ics.py for what the calendar format does and why.
"""

import re
from datetime import UTC, tzinfo

PRODID = "-//navo-agenda//NONSGML navo-agenda//EN"
CALENDAR_NAME = "NATO ministerial meetings (navo-agenda)"
UID_DOMAIN = "@navo-agenda"
STATUS_PROPERTY = "X-NAVO-AGENDA-STATUS"
MAX_UID_LENGTH = 255  # the meeting.external_uid column

EVENT_STATUSES: dict[str, str] = {
    "planned": "CONFIRMED",
    "held": "CONFIRMED",
    "expected": "TENTATIVE",
    "postponed": "TENTATIVE",
    "cancelled": "CANCELLED",
}
TODO_STATUSES: dict[str, str] = {
    "open": "NEEDS-ACTION",
    "in_progress": "IN-PROCESS",
    "partially_fulfilled": "IN-PROCESS",
    "fulfilled": "COMPLETED",
    "dropped": "CANCELLED",
}
PRECISION_WORDS: dict[str, str] = {
    "year": "a year",
    "quarter": "a quarter",
    "month": "a month",
    "week": "an ISO week",
}

# The time note import writes for a timed event, and export reads back: a start time, an
# optional end time (24:00 = midnight at the end of the last day) and the zone, if any.
TIME_NOTE = re.compile(
    r"(?P<start>[0-2][0-9]:[0-5][0-9])(?:\u2013(?P<end>[0-2][0-9]:[0-5][0-9]))?(?: (?P<zone>\S+))?"
)


def known_zone(name: str) -> tzinfo | None:
    """The zone of a time note, None for a name that is not an IANA zone on this system.

    Import stores no other (see `ics_import._zoned`), but a database written by an earlier
    version may hold one, e.g. "W._Europe_Standard_Time": export then keeps the event
    all-day, with the note in its description, rather than fail."""
    if name == "UTC":
        return UTC
    from zoneinfo import ZoneInfo

    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # not found (a KeyError), or not a zone name
        return None
