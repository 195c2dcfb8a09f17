"""The key that opens a meeting or a document with `show`, where its bare slug would open
another record (navo_agenda/keys.py): a slug that a meeting and a document share, or one
shaped like a commitment's ref. Such a key carries its kind, `meeting:SLUG` or
`document:SLUG`, wherever it is printed for the user to type again, as search prints it
(store/search.py says the same in SQL, for its ranking query).
"""

from collections.abc import Iterable

from navo_agenda.keys import REF
from navo_agenda.store.connection import Database
from navo_agenda.store.rows import placeholders

CHUNK = 500  # slugs per IN list, well within every server's limit of parameters


def meeting_key(db: Database, slug: str) -> str:
    """The key that opens the meeting with show: its slug, or meeting:SLUG where a document
    has that slug too or it is shaped like a commitment's ref."""
    shared = db.scalar("SELECT EXISTS (SELECT 1 FROM document WHERE slug = :s)", {"s": slug})
    return f"meeting:{slug}" if shared or REF.fullmatch(slug) else slug


def document_keys(db: Database, slugs: Iterable[str | None]) -> dict[str, str]:
    """The keys that open these documents with show where the bare slug would open another
    record, as search and "Cited by" key them: document:SLUG for a slug that a meeting has
    too, or one shaped like a commitment's ref. A slug not in the result is its own key."""
    wanted = tuple(sorted({slug for slug in slugs if slug}))
    if not wanted:
        return {}
    shared: set[str] = set()
    for start in range(0, len(wanted), CHUNK):
        sql, params = placeholders("s", wanted[start : start + CHUNK])
        rows = db.rows(f"SELECT slug FROM meeting WHERE slug IN ({sql})", params)
        shared.update(row["slug"] for row in rows)
    return {slug: f"document:{slug}" for slug in wanted if slug in shared or REF.fullmatch(slug)}
