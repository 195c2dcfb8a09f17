"""The one place where errors become a line on stderr and an exit code.

Commands raise; they never catch to print. Our own errors (errors.py) carry their exit
code; Typer's usage errors exit 2; anything else is a bug and says so in one line, with the
traceback only when NAVO_AGENDA_DEBUG=1.
"""

import errno
import os
import shlex
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from navo_agenda.errors import NavoError

DEBUG_VARIABLE = "NAVO_AGENDA_DEBUG"
# The system refusing more output (a full disk or quota, a file size limit, a failing
# device): the environment's doing, not a bug. Our own files report these themselves, so
# what reaches the boundary is standard output.
OUTPUT_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO)
# Commands whose argument is free text, which may begin with a dash.
TEXT_COMMANDS = ("search",)


def debugging() -> bool:
    return os.environ.get(DEBUG_VARIABLE, "") not in ("", "0")


def fail(message: str, code: int) -> int:
    line = " ".join(message.split())
    print(f"navo-agenda: error: {line}", file=sys.stderr)
    return code


class BoundaryGroup(TyperGroup):
    """The root command group, running every command inside the error boundary."""

    def main(  # type: ignore[override]
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self.run_guarded(args, prog_name, complete_var, extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def run_guarded(
        self, args: Any, prog_name: str | None, complete_var: str | None, extra: dict[str, Any]
    ) -> int:
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except NavoError as error:
            if debugging():
                raise
            return fail(str(error), error.exit_code)
        except typer.Abort:
            return fail("aborted", 1)
        except UnicodeEncodeError as error:
            if error.reason != "surrogates not allowed" or debugging():
                raise
            return fail(
                "text that is not UTF-8 (a byte of another encoding, typed or pasted on the"
                " command line?) cannot be stored or shown; check the terminal's encoding",
                2,
            )
        except OSError as error:
            if debugging():
                raise
            if error.errno in OUTPUT_FULL and error.filename is None:
                return fail(f"cannot write the output: {error.strerror}", 1)
            if error.filename is not None and error.strerror:
                # A file of ours that a command did not report itself: still one line.
                return fail(f"{error.filename}: {error.strerror}", 1)
            return fail(internal_error(error), 1)
        except typer.TyperException as error:
            context = getattr(error, "ctx", None)
            hint = f" (see '{context.command_path} --help')" if context is not None else ""
            unknown = str(getattr(error, "option_name", "") or "")  # Click's NoSuchOption
            typed_text = unknown.startswith("-") and not unknown.startswith("--")
            if context is not None and context.command.name in TEXT_COMMANDS and typed_text:
                given = list(sys.argv[1:] if args is None else args)
                typed = with_end_of_options(given, context, unknown)
                hint = (  # 'search -steun' is text that begins with a dash, not options
                    "; to search for text that begins with '-', put -- before it:"
                    f" {context.find_root().info_name} {typed}"
                )
            return fail(error.format_message() + hint, error.exit_code)
        except Exception as error:
            if debugging():
                raise
            return fail(internal_error(error), 1)
        return result if isinstance(result, int) else 0


def internal_error(error: Exception) -> str:
    return (
        f"internal error: {type(error).__name__}: {error} "
        f"(set {DEBUG_VARIABLE}=1 to see the traceback; please report it)"
    )


def with_end_of_options(given: list[str], context: Any, unknown: str) -> str:
    """The command as typed, the command's own options (and their values) before --, and
    after it the word Click took for an option with the words that follow: quoted for the
    shell, it runs the search that was meant."""
    name = context.command.name
    at = given.index(name) if name in given else len(given)
    before, rest = given[:at], given[at + 1 :]
    start = next((n for n, arg in enumerate(rest) if arg.startswith(unknown)), None)
    if start is None:
        return shlex.join([*before, name, "--", unknown])
    takes_value = {
        opt: not param.is_flag
        for param in context.command.params
        if param.param_type_name == "option"
        for opt in (*param.opts, *param.secondary_opts)
    }
    options, words = list(rest[:start]), []
    tokens = iter(rest[start:])
    for token in tokens:
        option = token.split("=", 1)[0]
        if option not in takes_value:
            words.append(token)
            continue
        options.append(token)
        value = next(tokens, None) if takes_value[option] and "=" not in token else None
        if value is not None:
            options.append(value)
    return shlex.join([*before, name, *options, "--", *words])
