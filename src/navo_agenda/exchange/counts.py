"""What an import did, for the one line it reports."""

from typing import NamedTuple


class ImportCounts(NamedTuple):
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    # Calendar events of ours older than the database's meeting: left as the database has it.
    older: int = 0

    def __add__(self, other: object) -> "ImportCounts":
        if not isinstance(other, ImportCounts):
            return NotImplemented
        return ImportCounts(
            self.added + other.added,
            self.changed + other.changed,
            self.unchanged + other.unchanged,
            self.older + other.older,
        )

    def summary(self) -> str:
        said = f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged"
        if self.older:
            said += (
                f", {self.older} older than the database's (left as the database has them:"
                " export the calendar again)"
            )
        return said
