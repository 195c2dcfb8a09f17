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

REF = re.compile(r"c-\d{4}-\d+")
ITEM = re.compile(r"(?P<slug>[^/#]+)[/#](?P<position>\d+)")
PREFIXES = ("meeting", "item", "commitment", "document")


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
        return (found.group("slug").lower(), int(found.group("position"))) if found else None

    def is_ref(self) -> bool:
        return REF.fullmatch(self.lowered) is not None


def read_key(text: str) -> Key:
    key = text.strip()
    prefix, colon, rest = key.partition(":")
    if colon and prefix.lower() in PREFIXES:
        return Key(text, prefix.lower(), rest.strip())
    return Key(text, None, key)
