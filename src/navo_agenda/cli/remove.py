"""`remove KEY`: asks first, and refuses to leave anything orphaned unless told what to do."""

from typing import Annotated

import typer

from navo_agenda.cli.app import command_app, reading, say, writing
from navo_agenda.cli.completion import complete_key
from navo_agenda.cli.edit import EPILOG
from navo_agenda.errors import Conflict, InvalidInput

remove_app = command_app()


@remove_app.command("remove", epilog=EPILOG.split(" An option given")[0])
def remove_command(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY", help="What to remove (see below).", autocompletion=complete_key
        ),
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    cascade: Annotated[
        bool,
        typer.Option(
            "--cascade",
            help="Meeting: remove its items and commitments too; item: remove its commitments.",
        ),
    ] = False,
    reparent: Annotated[
        bool,
        typer.Option("--reparent", help="Meeting: move the meetings within it up to its parent."),
    ] = False,
    detach: Annotated[
        bool,
        typer.Option(
            "--detach",
            help="Item: keep its commitments on the meeting; document: stop citing it everywhere.",
        ),
    ] = False,
) -> None:
    """Remove a meeting, agenda item, commitment (with its history) or document.

    Examples:

      navo-agenda remove dmm-2025-06/4 --detach

      navo-agenda remove c-2025-017 --yes
    """
    from navo_agenda.editing import commitments, documents, items, meetings
    from navo_agenda.editing.keys import resolve

    describers = {
        "meeting": meetings.describe,
        "item": items.describe,
        "commitment": commitments.describe,
        "document": documents.describe,
    }
    with reading(ctx) as db:
        planned = resolve(db, key)
        description = describers[planned.what](db, planned)
    flags = {"cascade": cascade, "reparent": reparent, "detach": detach}
    allowed = {"meeting": {"cascade", "reparent"}, "item": {"cascade", "detach"},
               "commitment": set(), "document": {"detach"}}  # fmt: skip
    for flag in sorted(
        name for name, on in flags.items() if on and name not in allowed[planned.what]
    ):
        raise InvalidInput(f"--{flag} does not apply to a {planned.what}")
    if not yes and not typer.confirm(f"Remove {description}?", default=False, err=True):
        raise typer.Abort()
    with writing(ctx) as db:
        target = resolve(db, key)
        if target != planned:
            raise Conflict(f"{planned.key} changed while you were asked; nothing was removed")
        if target.what == "meeting":
            meetings.remove_meeting(db, target, cascade=cascade, reparent=reparent)
        elif target.what == "item":
            items.remove_item(db, target, cascade=cascade, detach=detach)
        elif target.what == "commitment":
            commitments.remove_commitment(db, target)
        else:
            documents.remove_document(db, target, detach=detach)
    say(f"Removed {description}.")
