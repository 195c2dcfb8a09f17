"""`add meeting|item|commitment|document`: fully scriptable, the new key printed on stdout."""

from typing import Annotated

import typer

from navo_agenda import clock
from navo_agenda.cli.app import say, writing
from navo_agenda.cli.completion import complete_meeting_slug
from navo_agenda.cli.options import (
    QuoteOption,
    SourceOption,
    complete_commitment_kinds,
    complete_commitment_statuses,
    complete_document_kinds,
    complete_kinds,
    complete_statuses,
)
from navo_agenda.dates import HELP as DATES_HELP
from navo_agenda.keys import MAX_POSITION
from navo_agenda.vocabulary import (
    COMMITMENT_KINDS,
    DEFAULT_ACTOR,
    DOCUMENT_KINDS,
    MEETING_KINDS,
    MEETING_STATUSES,
)

add_app = typer.Typer(
    add_completion=False,
    help="Add a meeting, an agenda item, a commitment or a document.",
    no_args_is_help=True,
    rich_markup_mode=None,
)


@add_app.command("meeting", epilog=f"Dates: {DATES_HELP}")
def add_meeting_command(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            help=f"One of: {', '.join(MEETING_KINDS)}.",
            autocompletion=complete_kinds,
        ),
    ],
    date: Annotated[
        str,
        typer.Option(
            "--date",
            "-d",
            help="The day, or the days: '2025-06-05', '24-25 juni 2025'.",
            metavar="DATE",
        ),
    ],
    title: Annotated[str, typer.Option("--title", "-t", help="The title in English.")],
    title_nl: Annotated[
        str | None, typer.Option("--title-nl", help="The title in Dutch, as in the source.")
    ] = None,
    location: Annotated[
        str | None, typer.Option("--location", "-l", help="Where it meets.")
    ] = None,
    time_note: Annotated[str | None, typer.Option("--time-note", help="E.g. 'evening'.")] = None,
    parent: Annotated[
        str | None,
        typer.Option(
            "--parent",
            help="The meeting it sits within (its slug).",
            autocompletion=complete_meeting_slug,
        ),
    ] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help=f"One of: {', '.join(MEETING_STATUSES)}.",
            autocompletion=complete_statuses,
        ),
    ] = "planned",
    summary: Annotated[str | None, typer.Option("--summary", help="What it is about.")] = None,
    outcome: Annotated[str | None, typer.Option("--outcome", help="What came of it.")] = None,
    source: SourceOption = None,
    quote: QuoteOption = None,
    slug: Annotated[
        str | None,
        typer.Option("--slug", help="Its key; default <kind>-<yyyy>-<mm> (then -2, -3…)."),
    ] = None,
) -> None:
    """Add a meeting and print its slug.

    Example:

    \b
      navo-agenda add meeting --kind dmm --date "15-16 oktober 2025" \\
        --title "NATO Defence Ministers Meeting" --location Brussel
    """
    from navo_agenda.cli import values
    from navo_agenda.editing.meetings import MeetingFields, add_meeting, check_meeting

    fields = MeetingFields(
        kind=kind,
        dates=values.meeting_dates("--date", date),
        title=title,
        title_nl=title_nl,
        location=location,
        time_note=time_note,
        parent=parent,
        status=status,
        summary=summary,
        outcome=outcome,
        source=source,
        quote=quote,
    )
    check_meeting(fields, adding=True, wanted_slug=slug)
    with writing(ctx) as db:
        new_slug = add_meeting(db, fields, wanted_slug=slug)
    print(new_slug)
    say(f"Added meeting {new_slug}.")


@add_app.command("item")
def add_item_command(
    ctx: typer.Context,
    meeting: Annotated[
        str,
        typer.Option(
            "--meeting", "-m", help="The meeting (its slug).", autocompletion=complete_meeting_slug
        ),
    ],
    title: Annotated[
        str, typer.Option("--title", "-t", help="The item's title, as the source heads it.")
    ],
    section: Annotated[
        str | None, typer.Option("--section", help="The source's section heading.")
    ] = None,
    summary: Annotated[str | None, typer.Option("--summary", help="What it is about.")] = None,
    dutch_position: Annotated[
        str | None,
        typer.Option("--dutch-position", help="The Dutch position ('Nederlandse inzet')."),
    ] = None,
    outcome: Annotated[str | None, typer.Option("--outcome", help="What came of it.")] = None,
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "--topic", help="A tag (iamd, space, ukraine…); repeat or separate by commas."
        ),
    ] = None,
    position: Annotated[
        int | None,
        typer.Option("--position", "-p", help="Insert at this place (default: at the end).", min=1),
    ] = None,
    source: SourceOption = None,
    quote: QuoteOption = None,
) -> None:
    """Add an agenda item to a meeting, at the end or at a position, and print its key.

    Example:

      navo-agenda add item --meeting dmm-2025-06 --title "Defensie-industrie" \\
        --topic industry
    """
    from navo_agenda.editing.items import ItemFields, add_item, check_item

    fields = ItemFields(
        title=title,
        section=section,
        summary=summary,
        dutch_position=dutch_position,
        outcome=outcome,
        topics=topic or [],
        source=source,
        quote=quote,
    )
    check_item(fields, adding=True, position=position)
    with writing(ctx) as db:
        key = add_item(db, meeting, fields, position=position)
    print(key)
    say(f"Added agenda item {key}.")


@add_app.command("commitment", epilog=f"Dates: {DATES_HELP}")
def add_commitment_command(
    ctx: typer.Context,
    meeting: Annotated[
        str,
        typer.Option(
            "--meeting",
            "-m",
            help="The meeting it was made at (its slug).",
            autocompletion=complete_meeting_slug,
        ),
    ],
    text: Annotated[
        str, typer.Option("--text", help="What is promised or expected, in a sentence.")
    ],
    actor: Annotated[str, typer.Option("--actor", "-a", help="Who undertakes it.")] = DEFAULT_ACTOR,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            help=f"One of: {', '.join(COMMITMENT_KINDS)}.",
            autocompletion=complete_commitment_kinds,
        ),
    ] = "pledge",
    item: Annotated[
        int | None,
        typer.Option("--item", "-i", help="Its agenda item's position.", min=1, max=MAX_POSITION),
    ] = None,
    due: Annotated[
        str | None,
        typer.Option(
            "--due", help="By when: a day, month, quarter or year (2026, 2025-Q3).", metavar="DATE"
        ),
    ] = None,
    amount: Annotated[
        str | None, typer.Option("--amount", help="Money, e.g. '3,5 miljard EUR', '€ 500 miljoen'.")
    ] = None,
    currency: Annotated[
        str | None,
        typer.Option("--currency", help="Currency for an --amount that names none (EUR)."),
    ] = None,
    status: Annotated[
        str,
        typer.Option(
            "--status",
            help="Its status now (default open); the Tweede Kamer's words are taken too.",
            autocompletion=complete_commitment_statuses,
        ),
    ] = "open",
    source: SourceOption = None,
    quote: QuoteOption = None,
    ref: Annotated[
        str | None, typer.Option("--ref", help="Its key; default c-<year of the meeting>-NNN.")
    ] = None,
    at: Annotated[
        str | None, typer.Option("--at", help="When it was made (default: today).", metavar="DATE")
    ] = None,
    author: Annotated[str | None, typer.Option("--author", help="Who records it.")] = None,
) -> None:
    """Add a commitment and print its ref; its history starts with this status.

    Example:

    \b
      navo-agenda add commitment --meeting udcg-2025-06 --item 1 \\
        --text "Deliver part of the 2026 support in 2025" --due 2025 \\
        --amount "€3,5 miljard"
    """
    from navo_agenda.cli import values
    from navo_agenda.editing.commitments import (
        CommitmentFields,
        add_commitment,
        check_commitment,
    )

    fields = CommitmentFields(
        text=text,
        actor=actor,
        kind=kind,
        item=item,
        due=values.partial_or_clear("--due", due),
        amount=values.amount_or_clear(amount, currency),
        source=source,
        quote=quote,
    )
    when = values.day("--at", at) or clock.today()
    check_commitment(fields, adding=True, status=status, wanted_ref=ref)
    with writing(ctx) as db:
        new_ref = add_commitment(
            db,
            meeting,
            fields,
            status=status,
            wanted_ref=ref,
            at=when,
            author=values.author(author),
        )
    print(new_ref)
    say(f"Added commitment {new_ref}.")


@add_app.command("document", epilog=f"Dates: {DATES_HELP}")
def add_document_command(
    ctx: typer.Context,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            help=f"One of: {', '.join(DOCUMENT_KINDS)}.",
            autocompletion=complete_document_kinds,
        ),
    ],
    title: Annotated[str, typer.Option("--title", "-t", help="Its title.")],
    identifier: Annotated[
        str | None, typer.Option("--identifier", help="E.g. 'Kamerstuk 28 676, nr. 440'.")
    ] = None,
    dated: Annotated[str | None, typer.Option("--dated", help="Its date.", metavar="DATE")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Where to read it.")] = None,
    body_file: Annotated[
        str | None,
        typer.Option("--body-file", help="Its full text, from a file ('-': standard input)."),
    ] = None,
    slug: Annotated[
        str | None,
        typer.Option("--slug", help="Its key; default from the identifier, date or title."),
    ] = None,
) -> None:
    """Add a document and print its slug.

    Example:

    \b
      navo-agenda add document --kind kamerstuk --dated 2025-11-12 \\
        --identifier "Kamerstuk 28 676, nr. 554" --title "Verslag DMM oktober 2025"
    """
    from navo_agenda.cli import values
    from navo_agenda.editing.documents import DocumentFields, add_document, check_document

    fields = DocumentFields(
        kind=kind,
        title=title,
        identifier=identifier,
        dated=values.day_or_clear("--dated", dated),
        url=url,
        body=values.body_text("--body-file", body_file),
    )
    check_document(fields, adding=True, wanted_slug=slug)
    with writing(ctx) as db:
        new_slug = add_document(db, fields, wanted_slug=slug)
    print(new_slug)
    say(f"Added document {new_slug}.")
