"""The Typer application, its global options, and what every command shares.

Every command starts from here, and the budget for starting is about the cost of importing
Typer and Rich. So the command modules import at the top only what declaring their options
needs, and each command imports its use case and renderer when it runs: `list` does not pay
for `show`'s panels, `timeline`'s layout, `db check` or the JSON encoder.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from navo_agenda import __version__
from navo_agenda.cli.boundary import BoundaryGroup
from navo_agenda.cli.commands import LazyCommands

if TYPE_CHECKING:
    from navo_agenda.location import DatabaseLocation
    from navo_agenda.store.connection import Database

HELP = """Track NATO ministerial meetings as the Dutch government reports them to Parliament.

Meetings, their agenda items, the Dutch position on each, the commitments made and what
became of them, and the documents they come from. The first command creates and seeds a
local database.

Examples:

  navo-agenda list --upcoming

  navo-agenda show dmm-2025-06

  navo-agenda timeline --from 2025-06 --to 2025-07

Exit codes: 0 success, 1 failure (not found, conflict, database error), 2 bad usage or
invalid input, 75 the database stayed busy (another command was writing): try again.
"""


class RootGroup(LazyCommands, BoundaryGroup):
    """The root command: every command runs inside the error boundary, and only the command
    that runs is imported and built."""


app = typer.Typer(
    cls=RootGroup,
    help=HELP,
    rich_markup_mode=None,  # plain help: the rich help formatter alone costs ~90 ms at start
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Settings(NamedTuple):
    db: str | None = None
    json: bool = False

    @property
    def location(self) -> "DatabaseLocation":
        from navo_agenda.location import resolve_location

        return resolve_location(self.db)


def show_version(value: bool) -> None:
    if value:
        print(f"navo-agenda {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            metavar="PATH|URL",
            help="Database file (or sqlite:/// URL). Default: $NAVO_AGENDA_DB, "
            "else navo-agenda.db in your user data directory ('navo-agenda db path').",
        ),
    ] = None,
    json_output: Annotated[
        bool, typer.Option("--json", help="Print JSON instead of tables (read commands).")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(db=db, json=json_output)


def command_app() -> typer.Typer:
    """The Typer of one command (or group); cli/commands.py loads it when it is invoked."""
    return typer.Typer(rich_markup_mode=None, add_completion=False, no_args_is_help=False)


def settings(ctx: typer.Context) -> Settings:
    found = ctx.find_root().obj
    return found if isinstance(found, Settings) else Settings()


def wants_json(ctx: typer.Context, flag: bool) -> bool:
    return flag or settings(ctx).json


@contextmanager
def reading(ctx: typer.Context) -> Iterator["Database"]:
    """The command's database in one read transaction (one consistent snapshot)."""
    from navo_agenda.render.console import note
    from navo_agenda.store.lifecycle import open_database

    with open_database(settings(ctx).location, notify=note) as db, db.transaction():
        yield db


@contextmanager
def opened(ctx: typer.Context) -> Iterator["Database"]:
    """The command's database outside any transaction: for a use case that begins its own."""
    from navo_agenda.render.console import note
    from navo_agenda.store.lifecycle import open_database

    with open_database(settings(ctx).location, notify=note) as db:
        yield db


@contextmanager
def writing(ctx: typer.Context) -> Iterator["Database"]:
    """The command's database in one write transaction, which takes the write lock at its
    start: concurrent commands queue instead of interleaving."""
    from navo_agenda.render.console import note
    from navo_agenda.store.lifecycle import open_database

    with open_database(settings(ctx).location, notify=note) as db:
        with db.transaction(write=True):
            yield db


def say(message: str) -> None:
    """A message for the person at the terminal, on stderr (stdout is for data)."""
    from navo_agenda.render.console import note

    note(message)


def write_stdout(chunks: "Iterable[bytes]") -> None:
    """Bytes as they are (UTF-8, CRLF kept), whatever the locale of standard output."""
    import sys

    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    for chunk in chunks:
        if buffer is None:
            sys.stdout.write(chunk.decode("utf-8"))
        else:
            buffer.write(chunk)
    (buffer or sys.stdout).flush()


def ask(question: str) -> bool:
    """A yes/no question on stderr, the answer from stdin; no answer (EOF) is no."""
    import sys

    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    answer = sys.stdin.readline()
    if not answer:
        print(file=sys.stderr)
    return answer.strip().lower() in ("y", "yes", "j", "ja")


JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON (format documented in docs/json.md).")
]
