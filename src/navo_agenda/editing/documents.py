"""Adding, changing and removing documents."""

import re
from datetime import date
from typing import Any, NamedTuple

from navo_agenda.editing.keys import Target
from navo_agenda.editing.values import (
    Clear,
    checked_text,
    one_of,
    optional_text,
    required_text,
    slug,
    stored,
)
from navo_agenda.errors import InvalidInput, Refused
from navo_agenda.store import documents as document_store
from navo_agenda.store.changes import check_version, update_row
from navo_agenda.store.connection import Database
from navo_agenda.texts import BODY_LIMIT
from navo_agenda.vocabulary import DOCUMENT_KINDS

KAMERSTUK = re.compile(
    r"kamerstuk(?:ken)?\s+(?P<dossier>[\d\s-]+?),?\s+nr\.?\s*(?P<number>\d+)", re.I
)


class DocumentFields(NamedTuple):
    """What the user gave; None leaves a field as it is, CLEAR empties it."""

    kind: str | None = None
    title: str | None = None
    identifier: "str | Clear | None" = None
    dated: "date | Clear | None" = None
    url: "str | Clear | None" = None
    body: "str | Clear | None" = None


def check_document(fields: DocumentFields, *, adding: bool, wanted_slug: str | None = None) -> None:
    """What can be checked before the database is opened."""
    if adding:
        if fields.kind is None:
            raise InvalidInput("--kind is required: " + ", ".join(DOCUMENT_KINDS))
        required_text(fields.title, "--title")
    if fields.kind is not None:
        one_of(fields.kind, DOCUMENT_KINDS, "--kind")
    if fields.title is not None:
        required_text(fields.title, "--title")
    url = optional_text(fields.url, "--url")
    if isinstance(url, str) and not re.match(r"https?://\S+$", url):
        raise InvalidInput(f"--url {url!r} is not a web address (http:// or https://)")
    if wanted_slug is not None:
        slug(wanted_slug, "--slug")


def document_values(
    db: Database, fields: DocumentFields, document_id: int | None
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if fields.kind is not None:
        values["kind"] = one_of(fields.kind, DOCUMENT_KINDS, "--kind")
    if fields.title is not None:
        values["title"] = required_text(fields.title, "--title")
    identifier = optional_text(fields.identifier, "--identifier", 200)
    if isinstance(identifier, str):
        owner = document_store.identifier_owner(db, identifier)
        if owner is not None and (document_id is None or owner != slug_of(db, document_id)):
            raise InvalidInput(f"--identifier {identifier!r} already belongs to document {owner}")
    if identifier is not None:
        values["identifier"] = stored(identifier)
    if fields.dated is not None:
        values["dated"] = stored(fields.dated)
    url = optional_text(fields.url, "--url")
    if isinstance(url, str) and not re.match(r"https?://\S+$", url):
        raise InvalidInput(f"--url {url!r} is not a web address (http:// or https://)")
    if url is not None:
        values["url"] = stored(url)
    if fields.body is not None:
        body = None if isinstance(fields.body, Clear) or not fields.body.strip() else fields.body
        values["body"] = None if body is None else checked_text(body, "--body-file", BODY_LIMIT)
    return values


def slug_of(db: Database, document_id: int) -> str:
    return str(db.scalar("SELECT slug FROM document WHERE id = :id", {"id": document_id}))


def generated_slug(
    db: Database, kind: str, title: str, identifier: str | None, dated: date | None
) -> str:
    """`kst-28676-440` for a Kamerstuk, else `<kind>-<date>`, else `<kind>-<first words>`."""
    found = KAMERSTUK.search(identifier or "")
    if found:
        dossier = re.sub(r"\s+", "", found.group("dossier"))
        base = f"kst-{dossier}-{found.group('number')}"
    elif dated is not None:
        base = f"{kind}-{dated.isoformat()}"
    else:
        words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
        base = f"{kind}-{words[:40].rstrip('-')}" if words else kind
    candidate, number = base, 2
    while document_store.slug_taken(db, candidate):
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def add_document(db: Database, fields: DocumentFields, *, wanted_slug: str | None) -> str:
    check_document(fields, adding=True, wanted_slug=wanted_slug)
    values = document_values(db, fields, None)
    values["title"] = required_text(fields.title, "--title")
    if wanted_slug is not None:
        new_slug = slug(wanted_slug, "--slug")
        if document_store.slug_taken(db, new_slug):
            raise InvalidInput(f"--slug {new_slug!r} is taken by another document")
    else:
        new_slug = generated_slug(
            db, values["kind"], values["title"], values.get("identifier"), values.get("dated")
        )
    document_store.insert_document(db, {"slug": new_slug, **values})
    return new_slug


def edit_document(
    db: Database, target: Target, fields: DocumentFields, *, if_version: int | None
) -> int:
    document = target.document
    assert document is not None
    check_document(fields, adding=False)
    version = check_version(document.version, if_version, key=target.key)
    values = document_values(db, fields, document.id)
    return update_row(db, "document", document.id, version, values, key=target.key)


CITED_AS = {
    "meeting": "meeting(s) as their source",
    "agenda_item": "agenda item(s) as their source",
    "commitment": "commitment(s) as their source",
    "commitment_event": "status change(s)",
    "meeting_document": "meeting link(s)",
    "agenda_item_document": "agenda item link(s)",
    "commitment_document": "commitment link(s)",
}


def uses_of(cited: dict[str, int]) -> str:
    return ", ".join(f"{count} {CITED_AS[table]}" for table, count in cited.items())


def describe(db: Database, target: Target) -> str:
    document = target.document
    assert document is not None
    uses = uses_of(document_store.citations(db, document.id))
    return f"document {document.slug} ({'cited by ' + uses if uses else 'cited nowhere'})"


def check_remove_document(db: Database, target: Target, *, detach: bool) -> None:
    """Status changes that rest on the document are history and keep it; other records let
    go of it only with --detach (their source and quote are cleared)."""
    document = target.document
    assert document is not None
    cited = document_store.citations(db, document.id)
    if cited.get("commitment_event"):
        raise Refused(
            f"{document.slug} is the source of {cited['commitment_event']} status change(s),"
            " which are history and cannot be rewritten; it stays"
        )
    if cited and not detach:
        raise Refused(
            f"{document.slug} is cited by {uses_of(cited)}; add --detach to remove it from them"
            " (their source and quote are cleared)"
        )


def remove_document(db: Database, target: Target, *, detach: bool) -> None:
    check_remove_document(db, target, detach=detach)
    document = target.document
    assert document is not None
    document_store.detach_document(db, document.id)
    document_store.delete_document(db, document.id)
