"""`commitments`, `status` and `history`: what was promised, and what became of it."""

from typing import Annotated

import typer

from navo_agenda import clock
from navo_agenda.cli.app import JsonOption, command_app, reading, say, wants_json, writing
from navo_agenda.cli.completion import complete_commitment_ref, complete_meeting_slug
from navo_agenda.cli.options import complete_commitment_statuses, read_partial_date
from navo_agenda.dates import HELP as DATES_HELP
from navo_agenda.dates import PartialDate
from navo_agenda.vocabulary import COMMITMENT_STATUS_SYNONYMS, COMMITMENT_STATUSES

STATUS_HELP = (
    f"{', '.join(COMMITMENT_STATUSES)}; or as the Tweede Kamer writes them:"
    f" {', '.join(COMMITMENT_STATUS_SYNONYMS)}."
)


RefArgument = Annotated[
    str,
    typer.Argument(
        metavar="REF",
        help="The commitment's ref, e.g. c-2025-007.",
        autocompletion=complete_commitment_ref,
    ),
]


commitments_app = command_app()
status_app = command_app()
history_app = command_app()


@commitments_app.command("commitments", epilog=f"Dates: {DATES_HELP}")
def commitments_command(
    ctx: typer.Context,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            "-s",
            help=f"Only these statuses: {STATUS_HELP}",
            autocompletion=complete_commitment_statuses,
        ),
    ] = None,
    overdue: Annotated[
        bool,
        typer.Option(
            "--overdue", help="Only open or in-progress ones past the last day of their due date."
        ),
    ] = False,
    meeting: Annotated[
        str | None,
        typer.Option(
            "--meeting",
            "-m",
            help="Only those of this meeting.",
            autocompletion=complete_meeting_slug,
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Only those whose actor contains this text.")
    ] = None,
    due_before: Annotated[
        PartialDate | None,
        typer.Option(
            "--due-before",
            help="Only those due before this date (2026: due in 2025 or earlier).",
            parser=read_partial_date,
            metavar="DATE",
        ),
    ] = None,
    json_output: JsonOption = False,
) -> None:
    """List commitments by due date, with the totals of their amounts per currency.

    Examples:

      navo-agenda commitments --overdue

      navo-agenda commitments --meeting udcg-2025-06 --status openstaand

      navo-agenda commitments --due-before 2026 --json
    """
    from navo_agenda import tracking

    today = clock.today()
    with reading(ctx) as db:
        view = tracking.list_commitments(
            db,
            statuses=tuple(
                word for value in status or () for word in value.split(",") if word.strip()
            ),
            overdue=overdue,
            meeting=meeting,
            actor=actor,
            due_before=due_before,
            today=today,
        )
    if wants_json(ctx, json_output):
        from navo_agenda.render import jsonout

        print(jsonout.commitment_list(view, today=today))
        return
    from navo_agenda.render.commitments import commitments_view
    from navo_agenda.render.console import make_console

    make_console().print(commitments_view(view, today=today))


@status_app.command("status", epilog=f"Dates: {DATES_HELP}")
def status_command(
    ctx: typer.Context,
    ref: RefArgument,
    new: Annotated[
        str,
        typer.Argument(
            metavar="NEW",
            help=f"The new status: {STATUS_HELP}",
            autocompletion=complete_commitment_statuses,
        ),
    ],
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="What happened, in a sentence.")
    ] = None,
    source: Annotated[
        str | None, typer.Option("--source", help="The document that says so (its slug).")
    ] = None,
    at: Annotated[
        str | None,
        typer.Option(
            "--at",
            help="When it happened (default: today); not before the last change.",
            metavar="DATE",
        ),
    ] = None,
    author: Annotated[
        str | None,
        typer.Option(
            "--author", help="Who records it (default: $NAVO_AGENDA_AUTHOR, else your login)."
        ),
    ] = None,
    if_version: Annotated[
        int | None,
        typer.Option(
            "--if-version",
            help="Only if the commitment is still at this version (from --json).",
            metavar="N",
        ),
    ] = None,
) -> None:
    """Change a commitment's status, recording the change in its history.

    Examples:

      navo-agenda status c-2025-007 voldaan --note "Delivered in full" \\
        --source kst-28676-554

      navo-agenda status c-2025-008 in_progress --at 2025-06-04
    """
    from navo_agenda.cli import values
    from navo_agenda.editing.status import change_status

    today = clock.today()
    when = values.day("--at", at) or today
    with writing(ctx) as db:
        change = change_status(
            db,
            ref,
            new,
            note=note,
            source=source,
            at=when,
            author=values.author(author),
            if_version=if_version,
            today=today,
        )
    if change is None:
        say(f"{ref.strip().lower()} already has that status; nothing recorded.")
    else:
        say(f"{change.ref}: {change.from_status} → {change.to_status} ({change.at.isoformat()})")


@history_app.command("history")
def history_command(ctx: typer.Context, ref: RefArgument, json_output: JsonOption = False) -> None:
    """Show a commitment's status history, oldest first.

    Example: navo-agenda history c-2025-007
    """
    from navo_agenda import tracking

    today = clock.today()
    with reading(ctx) as db:
        found = tracking.commitment_history(db, ref)
    if wants_json(ctx, json_output):
        from navo_agenda.render import jsonout

        print(jsonout.history(found, today=today))
        return
    from navo_agenda.render.commitments import history_view
    from navo_agenda.render.console import make_console

    make_console().print(history_view(found, today=today))
