"""The commands, loaded only when invoked.

Typer builds every command's options from its signature when the program starts; with a
dozen commands that cost more than everything a command like `list` then does. So the root
group knows the commands by name and module (in --help order), and imports and builds one
when it is asked for it (Click's "lazily loading subcommands" pattern). `--help` builds them
all, to show their summaries.
"""

import importlib
from typing import Any, cast

import typer
from typer.core import TyperGroup

# name: (module, the Typer object in it)
COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("navo_agenda.cli.meetings", "list_app"),
    "show": ("navo_agenda.cli.show", "show_app"),
    "timeline": ("navo_agenda.cli.timeline", "timeline_app"),
    "commitments": ("navo_agenda.cli.commitments", "commitments_app"),
    "status": ("navo_agenda.cli.commitments", "status_app"),
    "history": ("navo_agenda.cli.commitments", "history_app"),
    "search": ("navo_agenda.cli.search", "search_app"),
    "add": ("navo_agenda.cli.add", "add_app"),
    "edit": ("navo_agenda.cli.edit", "edit_app"),
    "remove": ("navo_agenda.cli.remove", "remove_app"),
    "export": ("navo_agenda.cli.exchange", "export_app"),
    "import": ("navo_agenda.cli.exchange", "import_app"),
    "ingest": ("navo_agenda.cli.ingest", "ingest_app"),
    "db": ("navo_agenda.cli.db", "db_app"),
}


def load(name: str) -> Any:
    """The click command built from the named command's Typer."""
    module, attribute = COMMANDS[name]
    command = typer.main.get_command(getattr(importlib.import_module(module), attribute))
    command.name = name
    name_values(command)
    return command


def name_values(command: Any) -> None:
    """Show an option's value in help as its name (--meeting MEETING), not as a type."""
    for param in command.params:
        if param.param_type_name == "option" and not param.is_flag and param.metavar is None:
            param.metavar = param.name.upper()
    for sub in getattr(command, "commands", {}).values():
        name_values(sub)


class LazyCommands(TyperGroup):
    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        # The names, for listing and "did you mean"; the commands come from get_command.
        self.commands = cast(dict[str, Any], dict.fromkeys(COMMANDS))
        self.loaded: dict[str, Any] = {}

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in COMMANDS:
            return None
        if cmd_name not in self.loaded:
            self.loaded[cmd_name] = load(cmd_name)
        return self.loaded[cmd_name]

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)
