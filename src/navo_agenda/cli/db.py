"""`db`: where the database is, and looking after it."""

from pathlib import Path
from typing import Annotated

import typer

from navo_agenda.cli.app import settings

db_app = typer.Typer(
    add_completion=False,
    help="Where the database is, and looking after it (init, upgrade, check, backup).",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@db_app.command("path")
def path_command(ctx: typer.Context) -> None:
    """Print where the database is (it is not created by this).

    Example: navo-agenda db path
    """
    print(settings(ctx).location)


@db_app.command("init")
def init_command(
    ctx: typer.Context,
    empty: Annotated[
        bool,
        typer.Option(
            "--empty",
            help="Create the schema only, without the seed data (a new file only: an existing"
            " one that holds records is refused).",
        ),
    ] = False,
) -> None:
    """Create, migrate and seed the database now (any command does this on first use).

    Example: navo-agenda --db team.db db init --empty
    """
    from navo_agenda import maintenance
    from navo_agenda.render.console import note

    message = maintenance.init_database(settings(ctx).location, empty=empty, notify=note)
    if message:
        note(message)


@db_app.command("upgrade")
def upgrade_command(ctx: typer.Context) -> None:
    """Migrate the database to the newest schema, after copying it to a backup next to it.

    Example: navo-agenda db upgrade
    """
    from navo_agenda import maintenance
    from navo_agenda.render.console import note

    note(maintenance.upgrade_database(settings(ctx).location, notify=note))


@db_app.command("check")
def check_command(ctx: typer.Context) -> None:
    """Check the database: SQLite integrity, foreign keys, schema revision, status histories.

    Exits 1 when it finds a problem. Example: navo-agenda db check
    """
    from navo_agenda import maintenance
    from navo_agenda.errors import DatabaseError
    from navo_agenda.render.console import make_console, safe

    report = maintenance.check_database(settings(ctx).location)
    console = make_console()
    revision = report.revision or "unknown (unreadable)"
    console.print(safe(f"{report.path}: schema revision {revision}"))
    if report.counts:
        console.print(safe(", ".join(f"{n} {table}" for table, n in report.counts.items())))
    for problem in report.problems:
        console.print(safe(problem, "red"))
    if report.problems:
        raise DatabaseError(f"{len(report.problems)} problem(s) found in {report.path}")
    console.print("ok")


@db_app.command("backup")
def backup_command(
    ctx: typer.Context,
    target: Annotated[Path, typer.Argument(help="The file to write the copy to.")],
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Copy the database, consistently even while it is in use, to FILE.

    Example: navo-agenda db backup ~/navo-agenda-2025-06-30.db
    """
    from navo_agenda import maintenance
    from navo_agenda.render.console import note

    written = maintenance.backup_database(settings(ctx).location, target, force=force)
    note(f"Backed up to {written}")
