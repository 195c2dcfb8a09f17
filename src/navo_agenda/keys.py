"""How a KEY on the command line reads, before anything is looked up.

`dmm-2025-06` is a meeting's slug (or a document's), `dmm-2025-06/2` the second agenda item
of that meeting (`#` works too), `c-2025-007` a commitment's ref (or, failing that, a
document's slug), `letter-2025-05-21` a document's slug. A prefix `meeting:`, `item:`,
`commitment:` or `document:` says which kind is meant, for a slug that two kinds share.

`show`, `edit` and `remove` read keys this way; what each does with a key that names
nothing, or two things, is theirs to decide.
"""

import re
from typing import NamedTuple

from navo_agenda.errors import InvalidInput

REF = re.compile(r"c-\d{4}-\d+")
ITEM = re.compile(r"(?P<slug>[^/#]+)[/#](?P<position>\d+)")
PREFIXES = ("meeting", "item", "commitment", "document")
MAX_POSITION = 999_999_999  # as the export format allows


class Key(NamedTuple):
    text: str  # as typed
    wanted: str | None  # the kind a prefix named, or None
    key: str  # without the prefix and the surrounding blanks (case as typed)

    @property
    def lowered(self) -> str:
        return self.key.lower()

    def item(self) -> tuple[str, int] | None:
        """The meeting's slug and the position, when the key has an item's shape."""
        found = ITEM.fullmatch(self.key)
        if found is None:
            return None
        position = int(found.group("position"))
        if position > MAX_POSITION:  # no agenda has it, and SQLite could not even look
            raise InvalidInput(
                f"{self.text.strip()}: {shown_number(position)} is beyond any agenda position"
                f" (at most {MAX_POSITION:,})"
            )
        return found.group("slug").lower(), position

    def is_ref(self) -> bool:
        return REF.fullmatch(self.lowered) is not None


def read_key(text: str) -> Key:
    key = text.strip()
    prefix, colon, rest = key.partition(":")
    found = (
        Key(text, prefix.lower(), rest.strip())
        if colon and prefix.lower() in PREFIXES
        else Key(text, None, key)
    )
    if not found.key:
        raise InvalidInput(
            f"{text.strip() or 'the key'} names nothing: give a meeting's slug, SLUG/POSITION"
            " for an agenda item, a commitment's ref or a document's slug"
        )
    return found


def shown_number(number: int) -> str:
    digits = str(number)
    return digits if len(digits) <= 20 else digits[:19] + "…"
