"""The command line: each command parses its options, calls a use case, renders the result."""

# Importing a command module registers its commands; this order is the order of --help.
from navo_agenda.cli import meetings, timeline, commitments, add, edit, remove, db  # noqa: F401, I001
from navo_agenda.cli.app import app


def main() -> None:
    app(prog_name="navo-agenda")
