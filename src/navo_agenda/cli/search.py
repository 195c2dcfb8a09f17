"""`search TEXT`: find meetings, agenda items, commitments and documents by their words."""

from typing import Annotated

import typer

from navo_agenda.cli.app import JsonOption, command_app, reading, say, wants_json

# The kinds of record searched, as the use case names them (navo_agenda.search.KINDS); kept
# here too so that declaring the option does not load the use case.
KINDS = ("meeting", "item", "commitment", "document")
SYNONYMS = {f"{kind}s": kind for kind in KINDS} | {"agenda-item": "item", "agenda_item": "item"}


def check_kinds(values: list[str] | None) -> list[str]:
    """--kind item --kind document, or --kind item,documents (as cli/options.py reads its
    lists; not imported from there, which would load the date parser)."""
    chosen: list[str] = []
    for value in values or ():
        for word in value.split(","):
            word = word.strip().lower()
            kind = SYNONYMS.get(word, word)
            if word and kind not in KINDS:
                raise typer.BadParameter(f"unknown kind {word!r}; allowed: {', '.join(KINDS)}")
            if word and kind not in chosen:
                chosen.append(kind)
    return chosen


def complete_kinds(incomplete: str) -> list[str]:
    return [kind for kind in KINDS if kind.startswith(incomplete.lower())]


search_app = command_app()


@search_app.command("search")
def search_command(
    ctx: typer.Context,
    text: Annotated[
        list[str],
        typer.Argument(
            metavar="TEXT...",
            help="The words to look for; put -- before a text that starts with a hyphen.",
            show_default=False,
        ),
    ],
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help=f"Only these kinds ({', '.join(KINDS)}); repeat or separate by commas.",
            callback=check_kinds,
            autocompletion=complete_kinds,
        ),
    ] = None,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, metavar="N", help="At most N results of each kind."),
    ] = 10,
    syntax: Annotated[
        bool,
        typer.Option(
            "--syntax",
            help='Read TEXT as an SQLite FTS5 query (OR, NOT, NEAR, "phrases", prefix*).',
        ),
    ] = False,
    json_output: JsonOption = False,
) -> None:
    """Search meetings, agenda items, commitments and documents for words.

    Every word must occur, as typed or as the start of a longer word; case and accents do
    not matter (oekraine finds Oekraïne, defensie finds Defensie-industrie). Results come
    grouped by kind, best first, each with its key: 'navo-agenda show KEY' opens it, and
    'edit' and 'remove' take it too.

    Examples:

      navo-agenda search oekraine

      navo-agenda show udcg-2025-06/1

      navo-agenda search defensie industrie --kind item,document --limit 3

      navo-agenda search --syntax '"steun" OR "industrie"' --json
    """
    from navo_agenda import search as finding

    query = finding.prepare(" ".join(text), kinds=tuple(kind or ()), limit=limit, syntax=syntax)
    if query.match is None:
        say("Nothing to search for: the text has no letters or digits.")
        results = finding.nothing(query)
    else:
        with reading(ctx) as db:
            results = finding.find(db, query)
            if not any(found.hits for found in results.groups.values()):
                key = " ".join(text).strip()
                if finding.names_a_record(db, key):
                    say(f"{key} is a key: 'navo-agenda show {key}' opens it")
    from navo_agenda.render import search as view

    if wants_json(ctx, json_output):
        print(view.search_json(results))
        return
    from navo_agenda.render.console import make_console

    console = make_console()
    console.print(view.search_view(results, width=console.width))
