"""`timeline`: meetings, deadlines and documents in time, on the terminal or as a picture."""

from pathlib import Path
from typing import Annotated

import typer

from navo_agenda import clock
from navo_agenda.cli.app import JsonOption, command_app, reading, say, wants_json
from navo_agenda.cli.options import FromOption, KindOption, ToOption, check_window
from navo_agenda.dates import HELP as DATES_HELP

timeline_app = command_app()

SvgOption = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        metavar="FILE",
        help="Save the timeline as an SVG picture (120 columns) instead of printing it.",
        dir_okay=False,
    ),
]
HtmlOption = Annotated[
    Path | None,
    typer.Option(
        "--html",
        metavar="FILE",
        help="Save the timeline as an HTML page (120 columns) instead of printing it.",
        dir_okay=False,
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
    pictures = {kind: path for kind, path in (("svg", svg), ("html", html)) if path is not None}
    if pictures and wants_json(ctx, json_output):
        raise typer.BadParameter("--json prints the timeline; --svg/--html save it: choose one")
    if svg is not None and html is not None and same_file(svg, html):
        raise typer.BadParameter("--svg and --html name the same file")
    for path in pictures.values():
        check_target(path, force=force)  # before any work, so a refusal changes nothing
    today = clock.today()
    with reading(ctx) as db:
        view = build_timeline(db, start=start, end=end, kinds=tuple(kind or ()), today=today)
    if pictures:
        from navo_agenda.render.timeline import timeline_picture

        drawn = timeline_picture(view, formats=tuple(pictures))
        for picture, path in pictures.items():
            write_atomically(path, drawn[picture], force=force)
            say(f"Saved timeline to {path}")
        return
    if wants_json(ctx, json_output):
        from navo_agenda.render import jsonout

        print(jsonout.timeline(view))
        return
    from navo_agenda.render.console import make_console
    from navo_agenda.render.timeline import timeline_view

    make_console().print(timeline_view(view))


def same_file(first: Path, second: Path) -> bool:
    return first.expanduser().resolve() == second.expanduser().resolve()


def check_target(path: Path, *, force: bool) -> None:
    from navo_agenda.errors import NavoError, Refused

    if path.is_dir():
        raise Refused(f"{path} is a directory; give a file name")
    if path.exists() and not force:
        raise Refused(f"{path} exists; add --force to replace it")
    if not path.expanduser().parent.is_dir():
        raise NavoError(f"cannot write {path}: the directory {path.parent} does not exist")


def write_atomically(path: Path, content: str, *, force: bool) -> None:
    """Write to a temporary file beside the target and move it into place: a reader (or a
    crash) never sees half a file, and a failure leaves the old file as it was."""
    import os
    import tempfile

    from navo_agenda.errors import NavoError

    target = path.expanduser()
    check_target(target, force=force)
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else None
        handle, temporary = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise NavoError(f"cannot write {path}: {error.strerror}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
            file.write(content)
            file.flush()
            os.fsync(file.fileno())
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except OSError as error:
        os.unlink(temporary)
        raise NavoError(f"cannot write {path}: {error.strerror}") from None
    except BaseException:
        os.unlink(temporary)
        raise
