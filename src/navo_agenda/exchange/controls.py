"""Control characters in text that leaves the program: shown, never obeyed.

Data may hold control characters (typed, pasted, imported from another program's file).
Written raw into a calendar they make a calendar program refuse the file (RFC 5545 TEXT
allows none but the tab); written raw into a briefing note they are obeyed by the terminal
that shows it: ESC ] 0;… BEL retitles it, ESC [2J clears it, and the C1 characters (U+0080
to U+009F, e.g. U+009B, the one-character CSI) do the same on terminals that read them.
So every text the ICS and Markdown exports write goes through `replace_controls`: line
breaks (CR LF, CR, LF, and the form feed and vertical tab, all as LF) and tabs stay, for
the format to keep or fold; any other control character (Unicode category Cc: C0, DEL and
C1) becomes U+FFFD, the replacement character, which shows that something was there
without acting on it.
"""

import re

REPLACEMENT = "\ufffd"
# A lone CR, a form feed (a letter's page break) and a vertical tab end a line too: the store
# holds them as text (texts.py), and a line break is what they stand for in a note.
LINE_ENDS = str.maketrans("\r\f\v", "\n\n\n")
# Unicode's Cc is exactly C0, DEL and C1; of these, LF and the tab stay (CR is made LF).
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def replace_controls(value: str | None) -> str:
    """The text with its line breaks as LF, tabs kept, and every other control character
    as U+FFFD."""
    lines = (value or "").replace("\r\n", "\n").translate(LINE_ENDS)
    return _CONTROL.sub(REPLACEMENT, lines)
