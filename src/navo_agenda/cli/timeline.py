"""`timeline`: meetings, deadlines and documents in time, on the terminal or as a picture."""

from pathlib import Path
from typing import Annotated

import typer

from navo_agenda import clock
from navo_agenda.cli.app import (
    JsonOption,
    command_app,
    reading,
    say,
    wants_json,
    write_stdout,
)
from navo_agenda.cli.options import FromOption, KindOption, ToOption, check_window
from navo_agenda.dates import HELP as DATES_HELP

timeline_app = command_app()

SvgOption = Annotated[
    str | None,
    typer.Option(
        "--svg",
        metavar="FILE",
        help="Save the timeline as an SVG picture (120 columns) instead of printing it;"
        " - writes it to standard output.",
    ),
]
HtmlOption = Annotated[
    str | None,
    typer.Option(
        "--html",
        metavar="FILE",
        help="Save the timeline as an HTML page (120 columns) instead of printing it;"
        " - writes it to standard output.",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the --svg/--html file if it exists.")
]


@timeline_app.command("timeline", epilog=f"Dates: {DATES_HELP}")
def timeline_command(
    ctx: typer.Context,
    start: FromOption = None,
    end: ToOption = None,
    kind: KindOption = None,
    svg: SvgOption = None,
    html: HtmlOption = None,
    force: ForceOption = False,
    json_output: JsonOption = False,
) -> None:
    """Draw meetings, commitment deadlines and document dates in time, by month.

    Meetings over several days are drawn as spans; a line marks today. With --kind, only
    those meetings and the deadlines and documents of their records.

    --svg FILE and --html FILE save the same timeline, in colour and 120 columns wide, as a
    picture for a browser: nothing is printed on stdout then, and one line on stderr says
    where it went. An existing file is only replaced with --force.

    Examples:

      navo-agenda timeline

      navo-agenda timeline --from 2025-05 --to 2025-07 --kind dmm

      navo-agenda timeline --from 2025 --svg timeline-2025.svg
    """
    from navo_agenda.timeline import build_timeline

    check_window(start, end)
    asked = {form: text for form, text in (("svg", svg), ("html", html)) if text is not None}
    if asked and wants_json(ctx, json_output):
        raise typer.BadParameter("--json prints the timeline; --svg/--html save it: choose one")
    if asked:  # only then: the timeline on the terminal needs no file handling
        from navo_agenda.exchange import files
    pictures = {form: files.output_path(text, option=f"--{form}") for form, text in asked.items()}
    if len(pictures) == 2 and same_file(pictures["svg"], pictures["html"]):
        raise typer.BadParameter("--svg and --html name the same file (or both standard output)")
    for form, path in pictures.items():
        if path is not None:  # before any work, so that a refusal changes nothing
            files.check_output(path, force=force, option=f"--{form}")
    today = clock.today()
    with reading(ctx) as db:
        view = build_timeline(db, start=start, end=end, kinds=tuple(kind or ()), today=today)
    if pictures:
        from navo_agenda.render.timeline import timeline_picture

        drawn = timeline_picture(view, formats=tuple(pictures))
        for picture, path in pictures.items():
            content = drawn[picture].encode("utf-8")
            if path is None:
                write_stdout([content])
                continue
            files.write_atomically(path, [content])
            say(f"Saved timeline to {path}")
        return
    if wants_json(ctx, json_output):
        from navo_agenda.render import jsonout

        print(jsonout.timeline(view))
        return
    from navo_agenda.render.console import make_console
    from navo_agenda.render.timeline import timeline_view

    make_console().print(timeline_view(view))


def same_file(first: Path | None, second: Path | None) -> bool:
    if first is None or second is None:
        return first is second
    return first.resolve() == second.resolve()
