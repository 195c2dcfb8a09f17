"""Options that several commands share, validated at the parameter.

A bad value is rejected before the database is opened (so a usage error creates no file),
with a message that names the value and what would have been valid.
"""

from collections.abc import Iterable
from typing import Annotated

import typer

from navo_agenda import clock, dates
from navo_agenda.errors import InvalidInput
from navo_agenda.vocabulary import (
    COMMITMENT_KINDS,
    COMMITMENT_STATUS_SYNONYMS,
    COMMITMENT_STATUSES,
    DOCUMENT_KINDS,
    MEETING_KINDS,
    MEETING_STATUSES,
)


def words(values: Iterable[str] | None) -> tuple[str, ...]:
    """Repeated options and comma-separated lists alike: --kind dmm --kind npg, --kind dmm,npg."""
    found: list[str] = []
    for value in values or ():
        for word in value.split(","):
            word = word.strip().lower()
            if word and word not in found:
                found.append(word)
    return tuple(found)


def check_words(values: list[str] | None, allowed: Iterable[str], what: str) -> list[str]:
    allowed = tuple(allowed)
    chosen = words(values)
    for word in chosen:
        if word not in allowed:
            raise typer.BadParameter(f"unknown {what} {word!r}; allowed: {', '.join(allowed)}")
    return list(chosen)


def check_kinds(values: list[str] | None) -> list[str]:
    return check_words(values, MEETING_KINDS, "kind")


def check_statuses(values: list[str] | None) -> list[str]:
    return check_words(values, MEETING_STATUSES, "status")


def complete_words(allowed: Iterable[str], incomplete: str) -> list[str]:
    return [word for word in allowed if word.startswith(incomplete.lower())]


def complete_kinds(incomplete: str) -> list[str]:
    return complete_words(MEETING_KINDS, incomplete)


def complete_statuses(incomplete: str) -> list[str]:
    return complete_words(MEETING_STATUSES, incomplete)


def complete_commitment_statuses(incomplete: str) -> list[str]:
    """Ours and the Tweede Kamer's words, each as one word: a shell would split "deels
    voldaan" into two arguments, and the status reader takes "deels_voldaan" alike."""
    words = [*COMMITMENT_STATUSES, *COMMITMENT_STATUS_SYNONYMS]
    typed = "_".join(incomplete.lower().split())
    return [word.replace(" ", "_") for word in words if word.replace(" ", "_").startswith(typed)]


def complete_commitment_kinds(incomplete: str) -> list[str]:
    return complete_words(COMMITMENT_KINDS, incomplete)


def complete_document_kinds(incomplete: str) -> list[str]:
    return complete_words(DOCUMENT_KINDS, incomplete)


def read_partial_date(text: str) -> dates.PartialDate:
    try:
        return dates.parse_partial(text, today=clock.today())
    except dates.DateError as error:
        raise typer.BadParameter(str(error)) from None


def check_window(start: dates.PartialDate | None, end: dates.PartialDate | None) -> None:
    """--from and --to together: a window that ends before it starts is a mistake (often
    the two swapped), not a question whose answer is "nothing"."""
    if start is not None and end is not None and start.first_day > end.last_day:
        raise InvalidInput(
            f"--from {start.canonical()} is after --to {end.canonical()}; "
            "give a --from on or before the --to"
        )


DATE_HELP = "A day, or a month/quarter/year (2025-06, 2025-Q3, 2026); see 'Dates' below."

KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        "-k",
        help=f"Only these kinds ({', '.join(MEETING_KINDS)}); repeat or separate by commas.",
        callback=check_kinds,
        autocompletion=complete_kinds,
    ),
]
FromOption = Annotated[
    dates.PartialDate | None,
    typer.Option(
        "--from", help=f"From this date on. {DATE_HELP}", parser=read_partial_date, metavar="DATE"
    ),
]
ToOption = Annotated[
    dates.PartialDate | None,
    typer.Option(
        "--to", help=f"Up to this date. {DATE_HELP}", parser=read_partial_date, metavar="DATE"
    ),
]


def complete_document(ctx: typer.Context, incomplete: str) -> list[str]:
    from navo_agenda.cli.completion import complete_document_slug

    return complete_document_slug(ctx, incomplete)


SourceOption = Annotated[
    str | None,
    typer.Option(
        "--source",
        help="The document it comes from (its slug); '' to clear.",
        autocompletion=complete_document,
    ),
]
QuoteOption = Annotated[
    str | None,
    typer.Option("--quote", help="The sentence(s) of the source it rests on, verbatim."),
]
IfVersionOption = Annotated[
    int | None,
    typer.Option(
        "--if-version",
        metavar="N",
        help="Only if it is still at this version (the 'version' of --json): someone else's"
        " change in between makes this fail instead of being overwritten.",
    ),
]
