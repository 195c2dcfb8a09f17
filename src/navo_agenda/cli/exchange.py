"""`export` and `import`: the agenda out as JSON, CSV, ICS or Markdown, and back in from JSON
or ICS.

Every option is checked, and the output file's place, before the database is opened; an
import reads and checks the whole file before it opens the database to write. Each format's
module is imported only when that format is asked for.
"""

import gc
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Annotated, Any

import typer

from navo_agenda import clock
from navo_agenda.cli.app import command_app, opened, reading, say, write_stdout, writing
from navo_agenda.cli.completion import complete_meeting_slug
from navo_agenda.cli.options import (
    FromOption,
    KindOption,
    ToOption,
    check_window,
    complete_words,
)
from navo_agenda.dates import HELP as DATES_HELP
from navo_agenda.vocabulary import MEETING_KINDS

if TYPE_CHECKING:
    from navo_agenda.exchange.counts import ImportCounts
    from navo_agenda.exchange.snapshot import Snapshot

export_app = command_app()
import_app = command_app()

EXPORT_FORMATS = ("json", "csv", "ics", "md")
IMPORT_FORMATS = ("json", "ics")
CSV_TABLES = ("meetings", "agenda_items", "commitments", "events", "documents")
# Below this many records a bar would flash by; above it, a terminal shows one.
PROGRESS_FROM = 2_000
# A briefing note or a calendar costs queries per meeting: a bar from this many meetings on.
PER_MEETING_PROGRESS_FROM = 500
STDIN_NAME = "<stdin>"


class TerminalProgress:
    """A Rich progress bar on stderr, for a large set and only when stderr is a terminal
    (never on a pipe or in a file), nor when the output itself is going to the screen (an
    export to a terminal's standard output: the bar would be drawn into it);
    rich.progress is imported only when one is shown."""

    def __init__(self, threshold: int = PROGRESS_FROM, *, to_stdout: bool = False) -> None:
        self.threshold = threshold
        self.on_screen = to_stdout and sys.stdout.isatty()
        self.bar: Any = None
        self.task: Any = None

    def start(self, label: str, total: int) -> None:
        self.task = None
        if total <= self.threshold or self.on_screen or not sys.stderr.isatty():
            return
        if self.bar is None:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            from navo_agenda.render.console import make_console

            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=make_console(stderr=True),
                transient=True,
            )
            self.bar.start()
        self.task = self.bar.add_task(label, total=total)

    def advance(self, count: int) -> None:
        if self.task is not None:
            self.bar.advance(self.task, count)

    def __enter__(self) -> "TerminalProgress":
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType
    ) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def bulk_work() -> Iterator[None]:
    """The cyclic garbage collector paused: a large file becomes millions of objects, none
    of them in a cycle, and the collector went through all of them again and again (40% of
    the time of importing a large file). Reference counting still frees what is dropped.
    What the block leaves alive is then put out of the collector's sight (gc.freeze), or
    its first collection afterwards would go through all of it once more (0.4 s for a
    large file), just before it is freed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def complete_export_format(incomplete: str) -> list[str]:
    return complete_words(EXPORT_FORMATS, incomplete)


def complete_table(incomplete: str) -> list[str]:
    return complete_words(CSV_TABLES, incomplete)


def choice(value: str | None, allowed: tuple[str, ...], option: str) -> str | None:
    if value is None:
        return None
    word = value.strip().lower()
    if word not in allowed:
        raise typer.BadParameter(
            f"{value!r} is not one of: {', '.join(allowed)}", param_hint=option
        )
    return word


def only_with(given: bool, option: str, wanted: str, format_name: str) -> None:
    if given and format_name != wanted:
        raise typer.BadParameter(
            f"goes with --format {wanted}, not --format {format_name}", param_hint=option
        )


def write_output(out: Path | None, chunks: Iterable[bytes]) -> None:
    if out is None:
        write_stdout(chunks)
        return
    from navo_agenda.exchange.files import write_atomically

    write_atomically(out, chunks)


def contents(snapshot: "Snapshot", table: str | None = None, *, csv: bool = False) -> str:
    """What a file holds, in words: every kind of record, or the one --table wrote. CSV
    leaves out the records a selection holds only as context (csv_format.row_count)."""
    if table is not None or csv:
        from navo_agenda.exchange.csv_format import row_count

        names = CSV_TABLES if table is None else (table,)
        return ", ".join(f"{row_count(snapshot, name)} {name.replace('_', ' ')}" for name in names)
    events = sum(len(record["events"]) for record in snapshot.commitments)
    return (
        f"{len(snapshot.meetings)} meetings, {len(snapshot.agenda_items)} agenda items,"
        f" {len(snapshot.commitments)} commitments, {events} events,"
        f" {len(snapshot.documents)} documents"
    )


@export_app.command("export", epilog=f"Dates: {DATES_HELP}")
def export_command(
    ctx: typer.Context,
    format_name: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json (everything, imports back unchanged; the default), csv (tables for a"
            " spreadsheet), ics (calendar) or md (briefing note).",
            autocompletion=complete_export_format,
        ),
    ] = "json",
    out: Annotated[
        str | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="Write to this file instead of standard output (-); for CSV, into this"
            " directory (one file per table).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the --out file(s) if they exist.")
    ] = False,
    meeting: Annotated[
        str | None,
        typer.Option(
            "--meeting",
            "-m",
            metavar="SLUG",
            help="Only this meeting, with the meetings within it.",
            autocompletion=complete_meeting_slug,
        ),
    ] = None,
    kind: KindOption = None,
    start: FromOption = None,
    end: ToOption = None,
    table: Annotated[
        str | None,
        typer.Option(
            "--table",
            metavar="NAME",
            help="CSV: only this table (meetings, agenda_items, commitments, events,"
            " documents), to --out FILE or standard output.",
            autocompletion=complete_table,
        ),
    ] = None,
    bom: Annotated[
        bool,
        typer.Option("--bom", help="CSV: begin with a UTF-8 byte order mark (for Excel)."),
    ] = False,
    with_deadlines: Annotated[
        bool,
        typer.Option("--with-deadlines", help="ICS: add the commitments' due dates as to-dos."),
    ] = False,
) -> None:
    """Export the agenda, or some meetings, as JSON, CSV, ICS or Markdown.

    JSON holds everything, in the format of docs/export.md, and 'navo-agenda import' reads
    it back unchanged. With --meeting, --kind, --from or --to only those meetings go out,
    with what they need: the meetings they sit within, their agenda items, commitments and
    status histories, and the documents all of these cite. An existing --out file is only
    replaced with --force, and never left half-written.

    Examples:

      navo-agenda export --out agenda.json

      navo-agenda export --meeting summit-2025-06 --out summit.json

      navo-agenda export --format csv --out tables --bom

      navo-agenda export --format csv --table commitments > commitments.csv

      navo-agenda export --format ics --kind dmm --from 2025 --with-deadlines
    """
    chosen = choice(format_name, EXPORT_FORMATS, "--format") or "json"
    only_with(with_deadlines, "--with-deadlines", "ics", chosen)
    only_with(table is not None, "--table", "csv", chosen)
    only_with(bom, "--bom", "csv", chosen)
    table = choice(table, CSV_TABLES, "--table")
    if meeting is not None and (kind or start or end):
        raise typer.BadParameter(
            "a single meeting cannot be combined with --kind, --from or --to",
            param_hint="--meeting",
        )
    check_window(start, end)
    from navo_agenda.exchange import files
    from navo_agenda.exchange.selection import Selection

    tables = chosen == "csv" and table is None
    target = None if out is None else files.output_path(out, directory=tables)
    if force and out in (None, "-"):
        raise typer.BadParameter("goes with --out FILE", param_hint="--force")
    if tables and target is None:
        raise typer.BadParameter(
            "CSV is one file per table: give --out DIRECTORY, or --table NAME for one table",
            param_hint="--out",
        )
    targets: list[Path] = []
    if target is not None and tables:
        targets = files.check_directory(target, [f"{t}.csv" for t in CSV_TABLES], force=force)
    elif target is not None:
        files.check_output(target, force=force)
    selection = Selection(meeting=meeting, kinds=tuple(kind or ()), start=start, end=end)
    today = clock.today()
    if chosen in ("ics", "md"):
        per_meeting = TerminalProgress(PER_MEETING_PROGRESS_FROM, to_stdout=target is None)
        with reading(ctx) as db:
            if chosen == "ics":
                from navo_agenda.exchange.ics import export_ics

                with per_meeting as progress:
                    text = export_ics(
                        db,
                        selection,
                        with_deadlines=with_deadlines,
                        today=today,
                        progress=progress,
                    )
            else:
                from navo_agenda.exchange.markdown import export_markdown

                with per_meeting as progress:
                    text = export_markdown(db, selection, today=today, progress=progress)
        write_output(target, [text.encode("utf-8")])
        if target is not None:
            say(f"Wrote {target}.")
        return
    from navo_agenda.exchange.snapshot import export_snapshot

    with bulk_work():
        with reading(ctx) as db:
            snapshot = export_snapshot(db, selection, today=today)
        write_snapshot(snapshot, chosen, target, targets, table=table, bom=bom)
    if target is not None:
        say(f"Wrote {target}: {contents(snapshot, table, csv=chosen == 'csv')}.")


def write_snapshot(
    snapshot: "Snapshot",
    chosen: str,
    target: Path | None,
    targets: list[Path],
    *,
    table: str | None,
    bom: bool,
) -> None:
    from navo_agenda.exchange import files

    if chosen == "json":
        from navo_agenda.exchange.json_format import dump

        with TerminalProgress(to_stdout=target is None) as progress:
            write_output(target, (piece.encode("utf-8") for piece in dump(snapshot, progress)))
    else:
        from navo_agenda.exchange.csv_format import dump_table, row_count

        names = CSV_TABLES if table is None else (table,)
        with TerminalProgress(to_stdout=target is None) as progress:
            progress.start("Exporting", sum(row_count(snapshot, name) for name in names))
            if table is not None:
                text = dump_table(snapshot, table, bom=bom, progress=progress)
                write_output(target, [text.encode("utf-8")])
                return
            assert target is not None
            files.make_directory(target)
            files.write_all_atomically(
                (path, [dump_table(snapshot, name, bom=bom, progress=progress).encode("utf-8")])
                for name, path in zip(CSV_TABLES, targets, strict=True)
            )


def read_input(file: str) -> bytes:
    from navo_agenda.errors import BadFile

    try:
        if file == "-":
            return sys.stdin.buffer.read()
        return Path(file).read_bytes()
    except IsADirectoryError:
        raise BadFile(f"{file}: is a directory, not a file to import") from None
    except OSError as error:
        raise BadFile(f"{file}: cannot read it: {error.strerror or error}") from None


def detect_format(data: bytes, name: str) -> str:
    from navo_agenda.errors import BadFile

    head = data[:64].removeprefix(b"\xef\xbb\xbf").lstrip()
    if head.startswith(b"{"):
        return "json"
    if head.upper().startswith(b"BEGIN:VCALENDAR"):
        return "ics"
    if not head:
        raise BadFile(f"{name}: is empty; there is nothing to import")
    raise BadFile(
        f"{name}: is neither a navo-agenda JSON export (starting with '{{') nor an ICS"
        " calendar (starting with BEGIN:VCALENDAR)"
    )


def check_not_utf16(data: bytes, name: str) -> None:
    """Both formats are UTF-8. UTF-16 shows by its byte order mark, or by the NUL byte beside
    each ASCII character; it deserves a better word than 'not UTF-8 at byte 0'."""
    head = data[:64]
    marked = head[:2] in (b"\xff\xfe", b"\xfe\xff")
    paired = len(head) >= 4 and 0 in (max(head[::2]), max(head[1::2]))
    if marked or paired:
        from navo_agenda.errors import BadFile

        raise BadFile(
            f"{name}: is UTF-16 text (as Windows PowerShell writes with '>'), not UTF-8; save"
            " it as UTF-8 and import that"
        )


@import_app.command("import")
def import_command(
    ctx: typer.Context,
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A navo-agenda JSON export or an ICS calendar; '-' reads standard input.",
        ),
    ],
    format_name: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json or ics (default: recognised from the content).",
        ),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            metavar="KIND",
            help="ICS: the kind of meeting for events that do not say which (default other;"
            f" {', '.join(MEETING_KINDS)}).",
            autocompletion=lambda incomplete: complete_words(MEETING_KINDS, incomplete),
        ),
    ] = None,
) -> None:
    """Import a JSON export or an ICS calendar, all of it or nothing.

    Records are matched by their keys (slugs, refs, meeting and position): a new one is
    added, one that differs is updated (its version goes up by one), one that is equal is
    left alone, so importing a file twice changes nothing. A commitment's status history is
    only ever extended, never rewritten. The whole file is checked before anything is
    written; a problem is reported with the file and the place in it (a JSON path).

    Examples:

      navo-agenda import agenda.json

      navo-agenda --db team.db import summit.json

      navo-agenda import navo.ics --kind dmm

      navo-agenda export | navo-agenda --db copy.db import -
    """
    forced = choice(format_name, IMPORT_FORMATS, "--format")
    kind = choice(kind, tuple(MEETING_KINDS), "--kind")
    name = STDIN_NAME if file == "-" else file
    data = read_input(file)
    check_not_utf16(data, name)
    chosen = forced or detect_format(data, name)
    only_with(kind is not None, "--kind", "ics", chosen)
    today = clock.today()
    counts: ImportCounts
    if chosen == "ics":
        from navo_agenda.exchange.ics import apply_ics, read_ics

        batch = read_ics(data, name=name)
        del data
        with writing(ctx) as db:
            with TerminalProgress(PER_MEETING_PROGRESS_FROM) as progress:
                counts = apply_ics(db, batch, kind=kind or "other", today=today, progress=progress)
    else:
        from navo_agenda.exchange.importing import import_snapshot, import_transaction
        from navo_agenda.exchange.json_format import parse

        with bulk_work(), TerminalProgress() as progress:
            snapshot = parse(data, name=name, progress=progress)
            del data
            with opened(ctx) as db, import_transaction(db, snapshot):
                counts = import_snapshot(db, snapshot, name=name, progress=progress)
    say(f"Imported {name}: {counts.summary()}")
