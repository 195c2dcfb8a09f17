"""The command line: each command parses its options, calls a use case, renders the result."""

from navo_agenda.cli import db, meetings, timeline  # noqa: F401  (they register commands)
from navo_agenda.cli.app import app


def main() -> None:
    app(prog_name="navo-agenda")
