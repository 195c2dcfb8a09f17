"""The errors a user can cause or meet, each owning its exit code.

Commands raise these and never print errors themselves: one boundary (cli/boundary.py)
turns them into a single line on stderr and the exit code, so that every command reports
the same way (DESIGN §5: 0 success, 1 failure, 2 bad usage or invalid input).
"""


class NavoError(Exception):
    """Base of every error that is the user's or the environment's, not a bug."""

    exit_code = 1


class InvalidInput(NavoError):
    """A value the user typed that cannot be accepted; nothing was read or written."""

    exit_code = 2


class NotFound(NavoError):
    """No record under the key the user gave."""


class DatabaseError(NavoError):
    """The database cannot be used: not ours, too new, unreadable, or an SQL failure."""


class DamagedDatabase(DatabaseError):
    """SQLite reports the file as corrupt: the data cannot be trusted until it is restored
    from a backup. Nothing is written to it. `reason` is SQLite's own words."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason


class ForeignDatabase(DatabaseError):
    """The file exists but is not a navo-agenda database; it is left untouched."""


class Conflict(NavoError):
    """Someone else changed the record since the version the edit was based on."""


class DatabaseBusy(NavoError):
    """Another process held the write lock for longer than we were willing to wait; retrying
    later will do (the exit code is sysexits' EX_TEMPFAIL)."""

    exit_code = 75


class Refused(NavoError):
    """The change would leave the data inconsistent (orphans, rewritten history); the message
    says what would make it possible."""


class BadFile(NavoError):
    """A file to import that cannot be read or does not hold what it should; the message
    names the file and the record (a JSON path, or an ICS UID and property). Nothing was
    imported."""
