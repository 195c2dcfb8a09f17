"""What "did you mean …?" offers: the keys nearest to one that names nothing.

Keys that start with what was typed come first, then those that contain it, then the close
ones (difflib): a short "npg" is too far from "npg-2025-06" for closeness alone. Only on the
way to an error, so nothing here is on any command's start-up path.
"""

import difflib
from collections.abc import Callable

from navo_agenda.store.connection import Database

# Below this many keys of a kind, "did you mean" compares against all of them; above it,
# against those that share the typed key's first word ("dmm" of "dmm-2025-6").
SUGGEST_FROM_ALL_BELOW = 20_000
LIMIT = 3


def closest(wanted: str, candidates: list[str], limit: int = LIMIT) -> list[str]:
    starting = [candidate for candidate in candidates if candidate.startswith(wanted)]
    containing = [candidate for candidate in candidates if wanted in candidate]
    close = difflib.get_close_matches(wanted, candidates, n=limit, cutoff=0.6)
    return list(dict.fromkeys([*starting, *containing, *close]))[:limit]


def candidates(
    db: Database,
    wanted: str,
    count: Callable[[Database], int],
    starting_with: Callable[[Database, str, int], list[str]],
) -> list[str]:
    """The keys of one kind to compare with: all of them while there are few."""
    if count(db) < SUGGEST_FROM_ALL_BELOW:
        return starting_with(db, "", SUGGEST_FROM_ALL_BELOW)
    return starting_with(db, wanted.split("-", 1)[0], SUGGEST_FROM_ALL_BELOW)


def did_you_mean(suggestions: list[str], otherwise: str) -> str:
    """The end of a not-found message."""
    if suggestions:
        return f"did you mean {', '.join(suggestions)}?"
    return otherwise
