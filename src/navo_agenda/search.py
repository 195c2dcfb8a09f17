"""Finding records by the words in them, as people type them.

What the user types is searched for literally: the text is split into words (runs of letters
and digits; everything else separates them) and each word goes to FTS5 as a quoted string
with a prefix star, all of them required. So quotes, hyphens, colons, `AND`, `NEAR(` or `*`
in the text are never FTS5 syntax and never an error, and 'defensie' finds
'Defensie-industrie'. The index itself makes the search case- and accent-insensitive
('oekraine' finds 'Oekraïne'). With `syntax`, the text is an FTS5 query as it stands (OR,
NEAR, phrases, column filters), and a query FTS5 cannot read is the user's error.
"""

import unicodedata
from typing import NamedTuple

from navo_agenda.errors import InvalidInput
from navo_agenda.store import search as search_store
from navo_agenda.store.connection import Database
from navo_agenda.store.search import Found, QueryRejected

KINDS = search_store.KINDS  # meeting, item, commitment, document: the order results are shown


def words(text: str) -> list[str]:
    """The words of a text, each once, in order: runs of letters and digits, with the
    combining marks that belong to them (an accent typed as a separate character)."""
    found: dict[str, str] = {}
    current: list[str] = []
    for char in unicodedata.normalize("NFC", text) + " ":
        group = unicodedata.category(char)[0]
        if group in "LN" or (group == "M" and current):
            current.append(char)
        elif current:
            word = "".join(current)
            found.setdefault(word.casefold(), word)
            current = []
    return list(found.values())


def literal_match(text: str) -> str | None:
    """The FTS5 query that finds every word of the text as a prefix of a word in the record:
    '"word"* "other"*' (FTS5 ANDs its terms); None when the text has no word."""
    found = words(text)
    return " ".join(f'"{word}"*' for word in found) if found else None


class Query(NamedTuple):
    text: str  # as the user typed it
    match: str | None  # the FTS5 query; None when there is nothing to search for
    syntax: bool
    kinds: tuple[str, ...]
    limit: int


class Results(NamedTuple):
    query: Query
    groups: dict[str, Found]  # per kind searched, in the order of KINDS


def prepare(
    text: str, *, kinds: tuple[str, ...] = (), limit: int = 10, syntax: bool = False
) -> Query:
    """The query, checked before anything is opened; no kinds means all of them."""
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise InvalidInput(f"--kind {unknown[0]!r} is not one of: {', '.join(KINDS)}")
    if limit < 1:
        raise InvalidInput(f"--limit {limit} must be at least 1")
    chosen = tuple(kind for kind in KINDS if kind in kinds) or KINDS
    # Bytes that were not UTF-8 on the command line arrive as lone surrogates, which SQLite
    # and the JSON on stdout cannot take: they become U+FFFD.
    text = undecodable_replaced(text)
    if syntax:
        return Query(text, text if text.strip() else None, syntax, chosen, limit)
    return Query(text, literal_match(text), syntax, chosen, limit)


def nothing(query: Query) -> Results:
    """The results of a query with nothing to search for: every group empty."""
    return Results(query, {kind: Found([], more=False) for kind in query.kinds})


def find(db: Database, query: Query) -> Results:
    """The best matches of each kind, best first.

    A query in FTS5 syntax may name a column that only some indexes have ('title:x'): the
    other kinds then simply have no match. It is the user's error when no kind can take it,
    or when FTS5 cannot read it at all."""
    if query.match is None:
        return nothing(query)
    groups: dict[str, Found] = {}
    rejected: list[QueryRejected] = []
    for kind in query.kinds:
        try:
            groups[kind] = search_store.search(db, kind, query.match, query.limit)
        except QueryRejected as error:
            if not query.syntax:
                raise  # a literal query is always readable: this is a bug
            if not error.unknown_column:
                raise unreadable(query.text, error.complaint) from None
            rejected.append(error)
            groups[kind] = Found([], more=False)
    if rejected and len(rejected) == len(query.kinds):
        raise unreadable(query.text, rejected[0].complaint)
    return Results(query, groups)


def names_a_record(db: Database, text: str) -> bool:
    """Whether the text, one word with no blank in it, is a key that `show` opens
    ('c-2025-007', 'dmm-2025-06/2'): pasted into search, a key finds the texts that mention
    it, not the record, and the user should hear where the record is. Asked only when a
    search found nothing, so the modules of show load only then."""
    if not text.strip() or any(char.isspace() for char in text.strip()):
        return False
    from navo_agenda.errors import NotFound
    from navo_agenda.showing import show

    try:
        show(db, text)
    except (NotFound, InvalidInput):
        return False
    return True


def unreadable(text: str, complaint: str) -> InvalidInput:
    """The error for a query FTS5 refused; the complaint may quote the query's characters,
    control characters included, so they are escaped as in the quoted query."""
    shown = text if len(text) <= 120 else text[:120] + "…"
    complaint = "".join(char if char.isprintable() else repr(char)[1:-1] for char in complaint)
    return InvalidInput(f"--syntax: FTS5 cannot read the query {shown!r}: {complaint}")


def undecodable_replaced(text: str) -> str:
    """Each byte that was not UTF-8 (Python keeps it as a surrogate, U+DC80 to U+DCFF) as
    one U+FFFD; any other lone surrogate likewise."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")
