"""Shell completion from the database: meeting slugs, commitment refs, document slugs.

Completion runs on every <TAB>: it never creates, migrates or waits on a database, and any
problem simply completes nothing.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from navo_agenda.store.connection import Database


def from_database(ctx: typer.Context, lookup: "Callable[[Database], list[str]]") -> list[str]:
    from navo_agenda.location import resolve_location
    from navo_agenda.store.connection import Database, connect_sqlite
    from navo_agenda.store.lifecycle import inspect_file

    try:
        location = resolve_location(ctx.find_root().params.get("db"))
        if location.path is None or inspect_file(location.path).state != "current":
            return []
        with Database(connect_sqlite(location.path), label="completion") as db:
            return lookup(db)
    except Exception:
        return []


def complete_meeting_slug(ctx: typer.Context, incomplete: str) -> list[str]:
    from navo_agenda.store.meetings import slugs_starting_with

    return from_database(ctx, lambda db: slugs_starting_with(db, incomplete.lower()))


def complete_commitment_ref(ctx: typer.Context, incomplete: str) -> list[str]:
    from navo_agenda.store.commitments import refs_starting_with

    return from_database(ctx, lambda db: refs_starting_with(db, incomplete.lower()))


def complete_document_slug(ctx: typer.Context, incomplete: str) -> list[str]:
    from navo_agenda.store.documents import slugs_starting_with

    return from_database(ctx, lambda db: slugs_starting_with(db, incomplete.lower()))


def complete_key(ctx: typer.Context, incomplete: str) -> list[str]:
    """Anything `show`, `edit` and `remove` take: meetings, commitments, documents, and
    after a meeting's slug and a slash its agenda items."""
    from navo_agenda.store import commitments, documents, meetings

    prefix = incomplete.lower()
    if "/" in prefix:
        return from_database(ctx, lambda db: item_keys(db, prefix))
    return from_database(
        ctx,
        lambda db: sorted(
            {
                *meetings.slugs_starting_with(db, prefix),
                *commitments.refs_starting_with(db, prefix),
                *documents.slugs_starting_with(db, prefix),
            }
        ),
    )


def item_keys(db: "Database", prefix: str) -> list[str]:
    """The agenda items of the meeting before the slash: 'dmm-2025-06/1' … '/4'."""
    from navo_agenda.store.items import item_count
    from navo_agenda.store.meetings import get_meeting_ref

    slug = prefix.split("/", 1)[0]
    meeting = get_meeting_ref(db, slug)
    if meeting is None:
        return []
    keys = (f"{slug}/{position}" for position in range(1, item_count(db, meeting.id) + 1))
    return [key for key in keys if key.startswith(prefix)]
