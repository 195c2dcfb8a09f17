"""Documents: looking one up (or reading it whole), adding, changing, and what would be left
without a source."""

from typing import Any, NamedTuple

from navo_agenda.records import DocumentRef
from navo_agenda.store.connection import Database
from navo_agenda.store.rows import as_optional_date, insert_row, keys_starting_with


class DocumentRow(NamedTuple):
    id: int
    slug: str
    version: int


# Where a document can be cited from, and by which column.
CITATIONS = (
    ("meeting", "source_id"),
    ("agenda_item", "source_id"),
    ("commitment", "source_id"),
    ("commitment_event", "source_id"),
    ("meeting_document", "document_id"),
    ("agenda_item_document", "document_id"),
    ("commitment_document", "document_id"),
)


def get_document(db: Database, slug: str) -> DocumentRow | None:
    row = db.row("SELECT id, slug, version FROM document WHERE slug = :slug", {"slug": slug})
    return None if row is None else DocumentRow(*row)


class DocumentText(NamedTuple):
    id: int
    ref: DocumentRef  # without relations
    body: str | None


def read_document(db: Database, slug: str) -> DocumentText | None:
    """A document with its text, for showing it."""
    row = db.row(
        "SELECT id, slug, kind, identifier, title, dated, url, version, body FROM document"
        " WHERE slug = :slug",
        {"slug": slug},
    )
    if row is None:
        return None
    return DocumentText(row["id"], document_ref(row), row["body"])


def document_ref(row: Any, relations: tuple[str, ...] = ()) -> DocumentRef:
    """A document row (slug, kind, identifier, title, dated, url, version) as a reference."""
    return DocumentRef(
        slug=row["slug"],
        kind=row["kind"],
        identifier=row["identifier"],
        title=row["title"],
        dated=as_optional_date(row["dated"]),
        url=row["url"],
        relations=relations,
        version=row["version"],
    )


def count_documents(db: Database) -> int:
    return int(db.scalar("SELECT count(*) FROM document"))


def slug_taken(db: Database, slug: str) -> bool:
    return db.scalar("SELECT 1 FROM document WHERE slug = :slug", {"slug": slug}) is not None


def identifier_owner(db: Database, identifier: str) -> str | None:
    found = db.scalar(
        "SELECT slug FROM document WHERE identifier = :identifier", {"identifier": identifier}
    )
    return None if found is None else str(found)


def insert_document(db: Database, values: dict[str, Any]) -> int:
    return insert_row(db, "document", values)


def citations(db: Database, document_id: int) -> dict[str, int]:
    """How many rows of each table cite the document (only tables that do)."""
    counts = {
        table: int(
            db.scalar(f"SELECT count(*) FROM {table} WHERE {column} = :id", {"id": document_id})
        )
        for table, column in CITATIONS
    }
    return {table: count for table, count in counts.items() if count}


def detach_document(db: Database, document_id: int) -> None:
    """Let every record that cites the document stop citing it (a quote without its source
    would claim a source it no longer names, so the quote goes too). A record's links are
    part of it (docs/export.md), so one that loses a link changes too: its version and
    time move, and an export from before is an older copy of it."""
    for table in ("meeting", "agenda_item", "commitment"):
        db.execute(
            f"UPDATE {table} SET source_id = NULL, source_quote = NULL,"
            " version = version + 1, updated_at = max(updated_at, CURRENT_TIMESTAMP)"
            " WHERE source_id = :id",
            {"id": document_id},
        )
        links = f"{table}_document"
        db.execute(
            f"UPDATE {table} SET version = version + 1,"
            " updated_at = max(updated_at, CURRENT_TIMESTAMP)"
            f" WHERE id IN (SELECT {table}_id FROM {links} WHERE document_id = :id)",
            {"id": document_id},
        )
        db.execute(f"DELETE FROM {links} WHERE document_id = :id", {"id": document_id})


def delete_document(db: Database, document_id: int) -> None:
    db.execute("DELETE FROM document WHERE id = :id", {"id": document_id})


def slugs_starting_with(db: Database, prefix: str, limit: int = 200) -> list[str]:
    return keys_starting_with(db, "document", "slug", prefix, limit)
