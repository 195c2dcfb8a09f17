"""Use cases of reading the agenda: list meetings, show one.

Between the CLI (which has parsed and validated every option) and the store (which only
runs queries): here "upcoming", "overdue", "did you mean" and the timeline's order are
decided, without printing anything.
"""

from datetime import date
from typing import NamedTuple

from navo_agenda.dates import PartialDate
from navo_agenda.errors import NotFound
from navo_agenda.records import MeetingDetail, MeetingRow
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.connection import Database


class MeetingFilter(NamedTuple):
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    topic: str | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    upcoming: bool = False
    past: bool = False


def list_meetings(db: Database, wanted: MeetingFilter, *, today: date) -> list[MeetingRow]:
    """Meetings overlapping the window; upcoming = not yet over, past = over before today."""
    query = meeting_store.MeetingQuery(
        kinds=wanted.kinds,
        statuses=wanted.statuses,
        topic=wanted.topic,
        ends_on_or_after=max_date(
            wanted.start.first_day if wanted.start else None, today if wanted.upcoming else None
        ),
        ends_before=today if wanted.past else None,
        starts_on_or_before=wanted.end.last_day if wanted.end else None,
    )
    return meeting_store.list_meetings(db, query)


def max_date(*dates: date | None) -> date | None:
    present = [value for value in dates if value is not None]
    return max(present) if present else None


def show_meeting(db: Database, slug: str) -> MeetingDetail:
    detail = meeting_store.get_meeting(db, slug)
    if detail is None:
        raise NotFound(not_found_message(db, slug))
    return detail


def not_found_message(db: Database, slug: str) -> str:
    from navo_agenda.suggestions import did_you_mean  # only on the way to an error

    tail = did_you_mean(suggest_slugs(db, slug), "'navo-agenda list' shows the meetings there are")
    return f"no meeting {slug!r}; {tail}"


def suggest_slugs(db: Database, slug: str, limit: int = 3) -> list[str]:
    """The meeting slugs nearest to what was typed (navo_agenda.suggestions)."""
    from navo_agenda.suggestions import candidates, closest  # only on the way to an error

    wanted = slug.strip().lower()
    if not wanted:
        return []
    found = candidates(db, wanted, meeting_store.count_meetings, meeting_store.slugs_starting_with)
    return closest(wanted, found, limit)
