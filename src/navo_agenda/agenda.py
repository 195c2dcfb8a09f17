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

# Below this many meetings "did you mean" compares against all of them.
SUGGEST_FROM_ALL_BELOW = 20_000


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
    suggestions = suggest_slugs(db, slug)
    if suggestions:
        return f"no meeting {slug!r}; did you mean {', '.join(suggestions)}?"
    return f"no meeting {slug!r}; 'navo-agenda list' shows the meetings there are"


def suggest_slugs(db: Database, slug: str, limit: int = 3) -> list[str]:
    """The slugs that start with what was typed, then those that contain it, then the close
    ones: a short "npg" is too far from "npg-2025-06" for closeness alone."""
    import difflib  # only on the way to an error

    wanted = slug.strip().lower()
    if not wanted:
        return []
    if meeting_store.count_meetings(db) < SUGGEST_FROM_ALL_BELOW:
        candidates = meeting_store.slugs_starting_with(db, "", limit=SUGGEST_FROM_ALL_BELOW)
    else:
        kind = wanted.split("-", 1)[0]
        candidates = meeting_store.slugs_starting_with(db, kind, limit=SUGGEST_FROM_ALL_BELOW)
    starting = [candidate for candidate in candidates if candidate.startswith(wanted)]
    containing = [candidate for candidate in candidates if wanted in candidate]
    close = difflib.get_close_matches(wanted, candidates, n=limit, cutoff=0.6)
    return list(dict.fromkeys([*starting, *containing, *close]))[:limit]
