"""`remove KEY`: asks first, and refuses to leave anything orphaned unless told what to do."""

from typing import TYPE_CHECKING, Annotated

import typer

from navo_agenda.cli.app import ask, command_app, reading, say, writing
from navo_agenda.cli.completion import complete_key
from navo_agenda.cli.edit import EPILOG
from navo_agenda.errors import Conflict, InvalidInput

if TYPE_CHECKING:
    from navo_agenda.store.connection import Database

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
    from navo_agenda.editing.keys import Target, resolve

    flags = {"cascade": cascade, "reparent": reparent, "detach": detach}
    allowed = {"meeting": {"cascade", "reparent"}, "item": {"cascade", "detach"},
               "commitment": set(), "document": {"detach"}}  # fmt: skip

    def check(db: "Database", target: Target) -> str:
        """Refuse (before asking, and again before removing) or describe the removal."""
        for flag in sorted(name for name, on in flags.items() if on):
            if flag not in allowed[target.what]:
                raise InvalidInput(f"--{flag} does not apply to a {target.what}")
        if target.what == "meeting":
            meetings.check_remove_meeting(db, target, cascade=cascade, reparent=reparent)
            return meetings.describe(db, target)
        if target.what == "item":
            items.check_remove_item(target, cascade=cascade, detach=detach)
            return items.describe(db, target)
        if target.what == "document":
            documents.check_remove_document(db, target, detach=detach)
            return documents.describe(db, target)
        return commitments.describe(db, target)

    with reading(ctx) as db:
        planned = resolve(db, key)
        description = check(db, planned)
    if not yes and not ask(f"Remove {description}?"):
        raise typer.Abort()
    with writing(ctx) as db:
        target = resolve(db, key)
        if target != planned:
            raise Conflict(f"{planned.key} changed while you were asked; nothing was removed")
        check(db, target)
        if target.what == "meeting":
            meetings.remove_meeting(db, target, cascade=cascade, reparent=reparent)
        elif target.what == "item":
            items.remove_item(db, target, cascade=cascade, detach=detach)
        elif target.what == "commitment":
            commitments.remove_commitment(db, target)
        else:
            documents.remove_document(db, target, detach=detach)
    say(f"Removed {description}.")
