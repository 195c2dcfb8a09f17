"""`show KEY`: one record in full, whichever kind the key names (navo_agenda/showing.py)."""

from typing import Annotated

import typer

from navo_agenda import clock
from navo_agenda.cli.app import JsonOption, command_app, reading, wants_json
from navo_agenda.cli.completion import complete_key

show_app = command_app()

EPILOG = (
    "KEY is what 'search' prints with each result, and what 'edit' and 'remove' take: a"
    " meeting's slug (dmm-2025-06), an agenda item as MEETING/POSITION (dmm-2025-06/2), a"
    " commitment's ref (c-2025-007) or a document's slug (letter-2025-05-21). A slug that is"
    " both a meeting's and a document's shows the meeting; meeting:, document: (also item:,"
    " commitment:) say which. A key that names nothing exits 1 and suggests the nearest."
)


@show_app.command("show", epilog=EPILOG)
def show_command(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY",
            help="A meeting's slug, MEETING/POSITION, a commitment's ref or a document's slug.",
            autocompletion=complete_key,
        ),
    ],
    json_output: JsonOption = False,
) -> None:
    """Show one meeting, agenda item, commitment or document in full.

    A meeting with its agenda, Dutch positions, commitments and documents; an agenda item
    with its meeting, Dutch position, outcome and commitments; a commitment with its due
    date, amount, status history and source; a document with what cites it and its text.

    Examples:

      navo-agenda show dmm-2025-06

      navo-agenda show dmm-2025-06/2

      navo-agenda show c-2025-007

      navo-agenda show letter-2025-05-21

      navo-agenda show summit-2025-06 --json
    """
    from navo_agenda import showing

    today = clock.today()
    with reading(ctx) as db:
        found = showing.show(db, key)
    if wants_json(ctx, json_output):
        from navo_agenda.render import jsonout

        print(jsonout.shown(found, today=today))
        return
    from navo_agenda.records import MeetingDetail
    from navo_agenda.render.console import make_console

    console = make_console()
    if isinstance(found, MeetingDetail):
        from navo_agenda.render.meeting import meeting_detail

        console.print(meeting_detail(found, today=today, width=console.width))
        return
    from navo_agenda.render.shown import shown_view

    console.print(shown_view(found, today=today))
