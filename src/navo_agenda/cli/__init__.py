"""The command line: each command parses its options, calls a use case, renders the result.

The commands live in the modules of this package and are loaded when invoked
(cli/commands.py).
"""

from navo_agenda.cli.app import app


def main() -> None:
    app(prog_name="navo-agenda")
