"""`timeline`: meetings, deadlines and documents in time."""

import typer

from navo_agenda import clock
from navo_agenda.cli.app import JsonOption, command_app, reading, wants_json
from navo_agenda.cli.options import FromOption, KindOption, ToOption
from navo_agenda.dates import HELP as DATES_HELP

timeline_app = command_app()


@timeline_app.command("timeline", epilog=f"Dates: {DATES_HELP}")
def timeline_command(
    ctx: typer.Context,
    start: FromOption = None,
    end: ToOption = None,
    kind: KindOption = None,
    json_output: JsonOption = False,
) -> None:
    """Draw meetings, commitment deadlines and document dates in time, by month.

    Meetings over several days are drawn as spans; a line marks today. With --kind, only
    those meetings and the deadlines and documents of their records.

    Examples:

      navo-agenda timeline

      navo-agenda timeline --from 2025-05 --to 2025-07 --kind dmm
    """
    from navo_agenda.timeline import build_timeline

    today = clock.today()
    with reading(ctx) as db:
        view = build_timeline(db, start=start, end=end, kinds=tuple(kind or ()), today=today)
    if wants_json(ctx, json_output):
        from navo_agenda.render import jsonout

        print(jsonout.timeline(view))
        return
    from navo_agenda.render.console import make_console
    from navo_agenda.render.timeline import timeline_view

    make_console().print(timeline_view(view))
