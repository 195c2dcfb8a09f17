"""`edit KEY`: change a meeting, agenda item, commitment or document, field by field.

One command for all four, as people think of it ("edit dmm-2025-06 --status held"): the KEY
says what it is, and an option that does not belong to that kind of record is refused,
naming the kinds it belongs to.
"""

from typing import Annotated

import typer

from navo_agenda.cli.app import command_app, say, writing
from navo_agenda.cli.completion import complete_key, complete_meeting_slug
from navo_agenda.cli.options import IfVersionOption, QuoteOption, SourceOption
from navo_agenda.dates import HELP as DATES_HELP
from navo_agenda.errors import InvalidInput

# Which options each kind of record takes (the option's parameter name).
APPLIES = {
    "meeting": {
        "kind",
        "date",
        "title",
        "title_nl",
        "location",
        "time_note",
        "parent",
        "status",
        "summary",
        "outcome",
        "source",
        "quote",
    },
    "item": {
        "title",
        "section",
        "summary",
        "dutch_position",
        "outcome",
        "topic",
        "move_to",
        "source",
        "quote",
    },
    "commitment": {"text", "actor", "kind", "item", "due", "amount", "currency", "source", "quote"},
    "document": {"kind", "title", "identifier", "dated", "url", "body_file"},
}

EPILOG = (
    "KEY: a meeting's slug (dmm-2025-06), an agenda item as MEETING/POSITION (dmm-2025-06/2),"
    " a commitment's ref (c-2025-007) or a document's slug; meeting:, document: (also item:,"
    " commitment:) say which when a slug is both. An option given as '' clears that field."
    f" Dates: {DATES_HELP}"
)


def check_applies(what: str, given: dict[str, object]) -> None:
    chosen = {name for name, value in given.items() if value is not None}
    for name in sorted(chosen - APPLIES[what]):
        kinds = [kind for kind, names in APPLIES.items() if name in names]
        option = "--" + name.replace("_", "-")
        if what == "commitment" and name == "status":
            raise InvalidInput(
                "a commitment's status changes with 'navo-agenda status REF NEW', which records"
                " the change in its history"
            )
        raise InvalidInput(f"{option} does not apply to a {what} (it is for: {', '.join(kinds)})")


edit_app = command_app()


@edit_app.command("edit", epilog=EPILOG)
def edit_command(
    ctx: typer.Context,
    key: Annotated[
        str,
        typer.Argument(
            metavar="KEY", help="What to change (see below).", autocompletion=complete_key
        ),
    ],
    title: Annotated[str | None, typer.Option("--title", help="Meeting, item, document.")] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="Meeting, commitment, document.")
    ] = None,
    status: Annotated[str | None, typer.Option("--status", help="Meeting.")] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="Meeting: its day(s).", metavar="DATE")
    ] = None,
    title_nl: Annotated[str | None, typer.Option("--title-nl", help="Meeting.")] = None,
    location: Annotated[str | None, typer.Option("--location", help="Meeting.")] = None,
    time_note: Annotated[str | None, typer.Option("--time-note", help="Meeting.")] = None,
    parent: Annotated[
        str | None,
        typer.Option(
            "--parent",
            help="Meeting: the one it sits within.",
            autocompletion=complete_meeting_slug,
        ),
    ] = None,
    summary: Annotated[str | None, typer.Option("--summary", help="Meeting, item.")] = None,
    outcome: Annotated[str | None, typer.Option("--outcome", help="Meeting, item.")] = None,
    section: Annotated[str | None, typer.Option("--section", help="Item.")] = None,
    dutch_position: Annotated[str | None, typer.Option("--dutch-position", help="Item.")] = None,
    topic: Annotated[
        list[str] | None, typer.Option("--topic", help="Item: its tags (replaces them all).")
    ] = None,
    move_to: Annotated[
        int | None, typer.Option("--move-to", help="Item: to this position.", min=1)
    ] = None,
    text: Annotated[str | None, typer.Option("--text", help="Commitment.")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Commitment.")] = None,
    item: Annotated[
        str | None,
        typer.Option("--item", help="Commitment: its agenda item's position ('' for none)."),
    ] = None,
    due: Annotated[
        str | None, typer.Option("--due", help="Commitment: by when.", metavar="DATE")
    ] = None,
    amount: Annotated[str | None, typer.Option("--amount", help="Commitment: money.")] = None,
    currency: Annotated[
        str | None, typer.Option("--currency", help="Commitment: for an --amount naming none.")
    ] = None,
    identifier: Annotated[str | None, typer.Option("--identifier", help="Document.")] = None,
    dated: Annotated[str | None, typer.Option("--dated", help="Document.", metavar="DATE")] = None,
    url: Annotated[str | None, typer.Option("--url", help="Document.")] = None,
    body_file: Annotated[
        str | None,
        typer.Option("--body-file", help="Document: its text from a file ('-': stdin)."),
    ] = None,
    source: SourceOption = None,
    quote: QuoteOption = None,
    if_version: IfVersionOption = None,
) -> None:
    """Change a meeting, agenda item, commitment or document.

    Examples:

      navo-agenda edit dmm-2025-06 --status held

      navo-agenda edit dmm-2025-06/3 --move-to 1 --topic iamd,space

      navo-agenda edit c-2025-007 --due 2026-Q2 --if-version 3
    """
    from navo_agenda.cli import values
    from navo_agenda.editing import commitments, documents, items, meetings
    from navo_agenda.editing.keys import resolve

    given: dict[str, object] = {
        "title": title, "kind": kind, "status": status, "date": date, "title_nl": title_nl,
        "location": location, "time_note": time_note, "parent": parent, "summary": summary,
        "outcome": outcome, "section": section, "dutch_position": dutch_position, "topic": topic,
        "move_to": move_to, "text": text, "actor": actor, "item": item, "due": due,
        "amount": amount, "currency": currency, "identifier": identifier, "dated": dated,
        "url": url, "body_file": body_file, "source": source, "quote": quote,
    }  # fmt: skip
    # Read every value before touching the database: a bad one changes nothing.
    meeting_fields = meetings.MeetingFields(
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
    item_fields = items.ItemFields(
        title=title,
        section=section,
        summary=summary,
        dutch_position=dutch_position,
        outcome=outcome,
        topics=topic,
        source=source,
        quote=quote,
    )
    commitment_fields = commitments.CommitmentFields(
        text=text,
        actor=actor,
        kind=kind,
        item=values.position_or_clear("--item", item),
        due=values.partial_or_clear("--due", due),
        amount=values.amount_or_clear(amount, currency),
        source=source,
        quote=quote,
    )
    document_fields = documents.DocumentFields(
        kind=kind,
        title=title,
        identifier=identifier,
        dated=values.day_or_clear("--dated", dated),
        url=url,
        body=values.body_text("--body-file", body_file),
    )
    # What can be checked without knowing what KEY is (kinds differ by record: later).
    if not any(value is not None for value in given.values()):
        raise InvalidInput(
            "nothing to change: give at least one option ('navo-agenda edit --help')"
        )
    items.check_item(item_fields, adding=False, position=move_to)
    commitments.check_commitment(commitment_fields._replace(kind=None), adding=False)
    documents.check_document(document_fields._replace(kind=None), adding=False)
    with writing(ctx) as db:
        target = resolve(db, key)
        check_applies(target.what, given)
        shown = target.key
        if target.what == "meeting":
            version = meetings.edit_meeting(db, target, meeting_fields, if_version=if_version)
        elif target.what == "item":
            shown = items.edit_item(db, target, item_fields, move_to=move_to, if_version=if_version)
            version = None
        elif target.what == "commitment":
            version = commitments.edit_commitment(
                db, target, commitment_fields, if_version=if_version
            )
        else:
            version = documents.edit_document(db, target, document_fields, if_version=if_version)
    print(shown)
    say(f"Changed {target.what} {shown}" + (f" (now version {version})." if version else "."))
