"""`list`: what is coming, and what is on the agenda (`show` opens one: cli/show.py)."""

from typing import Annotated

import typer

from navo_agenda import clock
from navo_agenda.cli.app import JsonOption, command_app, reading, wants_json
from navo_agenda.cli.options import (
    FromOption,
    KindOption,
    ToOption,
    check_statuses,
    check_window,
    complete_statuses,
)
from navo_agenda.dates import HELP as DATES_HELP

list_app = command_app()


@list_app.command("list", epilog=f"Dates: {DATES_HELP}")
def list_command(
    ctx: typer.Context,
    kind: KindOption = None,
    start: FromOption = None,
    end: ToOption = None,
    upcoming: Annotated[
        bool, typer.Option("--upcoming", help="Only meetings not yet over (today counts).")
    ] = False,
    past: Annotated[bool, typer.Option("--past", help="Only meetings over before today.")] = False,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help="Only these statuses (planned, expected, held, cancelled, postponed).",
            callback=check_statuses,
            autocompletion=complete_statuses,
        ),
    ] = None,
    topic: Annotated[
        str | None, typer.Option("--topic", "-t", help="Only meetings with an item on this topic.")
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """List meetings by date, with their number of items and open commitments.

    Examples:

      navo-agenda list

      navo-agenda list --kind dmm,npg --from 2025 --to 2025-Q3

      navo-agenda list --upcoming --json
    """
    if upcoming and past:
        raise typer.BadParameter("choose --upcoming or --past, not both", param_hint="--past")
    check_window(start, end)
    from navo_agenda import agenda

    wanted = agenda.MeetingFilter(
        kinds=tuple(kind or ()),
        statuses=tuple(status or ()),
        topic=topic.strip().lower() if topic else None,
        start=start,
        end=end,
        upcoming=upcoming,
        past=past,
    )
    today = clock.today()
    with reading(ctx) as db:
        rows = agenda.list_meetings(db, wanted, today=today)
    if wants_json(ctx, json_output):
        from navo_agenda.render import jsonout

        print(jsonout.meeting_list(rows))
        return
    from navo_agenda.render.console import make_console
    from navo_agenda.render.tables import empty_list_message, meeting_table

    console = make_console()
    console.print(meeting_table(rows, width=console.width) if rows else empty_list_message())
