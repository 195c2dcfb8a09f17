"""Shell completion of meeting slugs, straight from the database.

Completion runs on every <TAB>: it never creates, migrates or waits on a database, and any
problem simply completes nothing.
"""

import typer


def complete_meeting_slug(ctx: typer.Context, incomplete: str) -> list[str]:
    from navo_agenda.location import resolve_location
    from navo_agenda.store.connection import Database, connect_sqlite
    from navo_agenda.store.lifecycle import inspect_file
    from navo_agenda.store.meetings import slugs_starting_with

    try:
        location = resolve_location(ctx.find_root().params.get("db"))
        if location.path is None or inspect_file(location.path).state != "current":
            return []
        with Database(connect_sqlite(location.path), label="completion") as db:
            return slugs_starting_with(db, incomplete.lower())
    except Exception:
        return []
