"""`ingest FILE`: read a letter to Parliament and propose (or save) what it says."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, cast

import typer

from navo_agenda import clock
from navo_agenda.cli.app import JsonOption, ask, command_app, reading, say, wants_json, writing

if TYPE_CHECKING:
    from navo_agenda.ingest.text import Format

ingest_app = command_app()

FORMAT_CHOICES = ("text", "pdf", "html")


def check_format(value: str | None) -> str | None:
    if value is None:
        return None
    word = value.strip().lower()
    if word not in FORMAT_CHOICES:
        raise typer.BadParameter(f"{value!r} is not one of: {', '.join(FORMAT_CHOICES)}")
    return word


@ingest_app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="The letter: a text, PDF or HTML file, or - to read standard input.",
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", "-n", help="Only show the proposal; change nothing."),
    ] = False,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Save without showing the proposal and asking.")
    ] = False,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="text, pdf or html (default: from the file name, else from its content).",
            callback=check_format,
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """Read a letter to Parliament and propose its meetings, items, commitments and references.

    Recognises the letter's date, subject, sender and own references; the meetings it names
    (DMM, NPG, UDCG, summit, industry forum, dinner, North Atlantic Council, NATO-Ukraine
    Council, EU Foreign Affairs Council (Defence), signings) with their dates, places and
    parents; its headings as agenda items with the Dutch position; pledges, expectations and
    positions with actor, due date and amount; and the documents it cites. Every record comes
    with its sentence and a confidence, or what needs review (docs/ingest.md). Records the
    database already has are matched, not added again.

    Examples:

    \b
      navo-agenda ingest letter.pdf --dry-run
      navo-agenda ingest data/letters/2025-05-21_geannoteerde-agenda_dmm-2025-06.txt --yes
      navo-agenda ingest - --dry-run --json < letter.html
    """
    if file != "-" and not Path(file).is_file():
        raise typer.BadParameter(f"no such file: {file!r}", param_hint="FILE")
    from navo_agenda.ingest.matching import plan
    from navo_agenda.ingest.pipeline import propose
    from navo_agenda.ingest.text import read_source

    proposal = propose(read_source(file, cast("Format | None", input_format)))
    as_json = wants_json(ctx, json_output)
    if dry_run or not yes:
        with reading(ctx) as db:
            planned = plan(db, proposal)
        _show(proposal, planned, as_json)
        if dry_run:
            return
        if not ask("Save this proposal?"):
            raise typer.Abort()
    from navo_agenda.ingest.saving import save

    with writing(ctx) as db:
        saved = save(db, proposal, plan(db, proposal), today=clock.today())
    from navo_agenda.render.ingest import summary_line

    say(f"Ingested {proposal.source}: {summary_line(saved)}.")


def _show(proposal: object, planned: object, as_json: bool) -> None:
    from navo_agenda.ingest.matching import Plan
    from navo_agenda.ingest.proposal import Proposal

    assert isinstance(proposal, Proposal)
    assert isinstance(planned, Plan)
    if as_json:
        from navo_agenda.render.ingest import proposal_json

        print(proposal_json(proposal, planned))
        return
    from navo_agenda.render.console import make_console
    from navo_agenda.render.ingest import proposal_view

    make_console().print(proposal_view(proposal, planned))
