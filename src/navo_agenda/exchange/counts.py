"""What an import did, for the one line it reports."""

from typing import NamedTuple


class ImportCounts(NamedTuple):
    added: int = 0
    changed: int = 0
    unchanged: int = 0

    def __add__(self, other: object) -> "ImportCounts":
        if not isinstance(other, ImportCounts):
            return NotImplemented
        return ImportCounts(
            self.added + other.added,
            self.changed + other.changed,
            self.unchanged + other.unchanged,
        )

    def summary(self) -> str:
        return f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged"
