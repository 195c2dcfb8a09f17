"""Consoles, and text from the data made safe to show.

Text in the data is data: a title may contain square brackets, emoji codes or terminal
control characters, and none of them may style, link or drive the terminal. So data only
ever reaches Rich as `Text` (never parsed as markup), emoji codes and highlighting are off,
and control characters (C0, C1, DEL, and the Unicode bidi controls that reorder what the
reader sees) are shown as visible escapes like \\x1b.
"""

import os
import re
import sys

from rich.console import Console
from rich.text import Text

_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def clean(value: str) -> str:
    """The string with tabs as spaces and every other control character made visible."""
    return _CONTROL.sub(_escape, value.replace("\t", " "))


def safe(value: str | None, style: str = "") -> Text:
    return Text(clean(value or ""), style=style)


def no_color() -> bool:
    return bool(os.environ.get("NO_COLOR"))


def make_console(*, stderr: bool = False) -> Console:
    """Colour on a terminal; with NO_COLOR, or on a pipe, no escape codes at all."""
    return Console(
        stderr=stderr,
        highlight=False,
        emoji=False,
        markup=False,
        color_system=None if no_color() else "auto",
    )


def note(message: str) -> None:
    """A message for the person at the terminal: one line on stderr, stdout stays data."""
    print(clean(message), file=sys.stderr)
