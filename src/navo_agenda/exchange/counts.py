"""What an import did, for the one line it reports."""

from typing import NamedTuple


class ImportCounts(NamedTuple):
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    # Calendar events of ours older than the database's meeting: left as the database has it.
    older: int = 0
    # Commitments of the file under a ref this database removed: they do not come back.
    removed_here: int = 0
    removed_records: int = 0  # those commitments with their status changes
    # Commitments the file's database removed that this one holds: an import removes nothing.
    kept_here: int = 0
    # A calendar's to-dos (our deadlines among them) and other entries that are not events:
    # not meetings, so not read, and said so rather than dropped in silence.
    todos: int = 0
    other_entries: int = 0

    def __add__(self, other: object) -> "ImportCounts":
        if not isinstance(other, ImportCounts):
            return NotImplemented
        return ImportCounts(
            self.added + other.added,
            self.changed + other.changed,
            self.unchanged + other.unchanged,
            self.older + other.older,
            self.removed_here + other.removed_here,
            self.removed_records + other.removed_records,
            self.kept_here + other.kept_here,
            self.todos + other.todos,
            self.other_entries + other.other_entries,
        )

    def summary(self) -> str:
        said = f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged"
        if self.older:
            said += f", {self.older} older than the database's (left as the database has them)"
        if self.removed_here:
            events = self.removed_records - self.removed_here
            said += (
                f", {self.removed_here} commitment(s) this database removed (left out with"
                f" {events} status change(s): a removed commitment does not come back;"
                " 'navo-agenda remove' it in the other database too)"
            )
        if self.kept_here:
            said += (
                f", {self.kept_here} commitment(s) removed in the file's database kept here (an"
                " import removes nothing: 'navo-agenda remove' them here too, if they should go)"
            )
        left = [
            f"{count} {what}"
            for count, what in ((self.todos, "to-do(s)"), (self.other_entries, "other entry(ies)"))
            if count
        ]
        if left:
            said += f"; {' and '.join(left)} left out: an import reads a calendar's events only"
        return said
