"""What "did you mean …?" offers: the keys nearest to one that names nothing.

Keys that start with what was typed come first, then those that contain it, then the close
ones (difflib): a short "npg" is too far from "npg-2025-06" for closeness alone. Only on the
way to an error, so nothing here is on any command's start-up path.
"""

import difflib
from collections.abc import Callable

from navo_agenda.store.connection import Database

# Below this many keys of a kind, "did you mean" compares against all of them; above it,
# against those that share the typed key's first word ("dmm" of "dmm-2025-6"), or for a
# ref its year ("c-2031" of "c-2031-07").
SUGGEST_FROM_ALL_BELOW = 20_000
COMPARED_AT_MOST = 20_000  # keys, so that a typo costs a bounded time
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
    within: str | None = None,
) -> list[str]:
    """The keys of one kind to compare with: all of them while there are few, else those
    that start with `within` (by default the typed key's first word)."""
    if count(db) < SUGGEST_FROM_ALL_BELOW:
        return starting_with(db, "", COMPARED_AT_MOST)
    prefix = wanted.split("-", 1)[0] if within is None else within
    return starting_with(db, prefix, COMPARED_AT_MOST)


def did_you_mean(suggestions: list[str], otherwise: str) -> str:
    """The end of a not-found message."""
    if suggestions:
        return f"did you mean {', '.join(suggestions)}?"
    return otherwise
