"""Which meetings an export is about: one meeting (with the meetings within it), or the
meetings matching the same filters as `list`."""

from datetime import date
from typing import NamedTuple

from navo_agenda import agenda
from navo_agenda.dates import PartialDate
from navo_agenda.errors import NotFound
from navo_agenda.records import MeetingRow
from navo_agenda.store import meetings as meeting_store
from navo_agenda.store.connection import Database


class Selection(NamedTuple):
    meeting: str | None = None
    kinds: tuple[str, ...] = ()
    start: PartialDate | None = None
    end: PartialDate | None = None

    @property
    def everything(self) -> bool:
        return self == Selection()

    def described(self) -> str:
        """The selection as the options that made it: `--kind dinner --from 2030`."""
        if self.meeting is not None:
            return f"--meeting {self.meeting}"
        parts = [f"--kind {','.join(self.kinds)}"] if self.kinds else []
        if self.start is not None:
            parts.append(f"--from {self.start.canonical()}")
        if self.end is not None:
            parts.append(f"--to {self.end.canonical()}")
        return " ".join(parts) or "all meetings"


def selected_meetings(db: Database, selection: Selection, *, today: date) -> list[MeetingRow]:
    """In date order. A single meeting comes with the meetings within it (a summit with its
    forum and dinner), which a briefing note or a calendar needs too."""
    if selection.meeting is not None:
        detail = meeting_store.get_meeting(db, selection.meeting.strip().lower())
        if detail is None:
            raise NotFound(f"--meeting: {agenda.not_found_message(db, selection.meeting)}")
        return [detail.meeting, *detail.children]
    wanted = agenda.MeetingFilter(kinds=selection.kinds, start=selection.start, end=selection.end)
    return agenda.list_meetings(db, wanted, today=today)
