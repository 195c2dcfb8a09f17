"""What the store holds as text: how long it may be, and which characters it may not hold.

Every way into the store keeps to the same rule (JSON and ICS import, add, edit, status;
ingest shows such characters in a letter as U+FFFD), so that whatever the store holds
exports and imports again: a text that one way in accepts and
another refuses makes an export that cannot be read back. Line breaks, tabs and form feeds
(the page breaks of a letter) are text; the other control characters (C0, DEL, C1) are not:
PostgreSQL cannot store NUL at all, and the rest are commands to the terminal that a CSV or
Markdown file would carry to it. Nor may a text begin with U+FEFF: that is a byte order mark,
which readers drop (the icalendar library drops it from the start of every value, so a title
of ours would come back from a calendar changed, or empty).
"""

import re

TEXT_LIMIT = 100_000  # characters of a title, summary, quote...
BODY_LIMIT = 10_000_000  # ...and of a document's full text
CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
BOM = "\ufeff"


def text_problem(value: str, limit: int = TEXT_LIMIT) -> str | None:
    """What is wrong with `value` as a stored text, or None."""
    if len(value) > limit:
        return f"is {len(value):,} characters long; at most {limit:,} are allowed"
    found = CONTROL.search(value)
    if found is not None:
        return (
            f"holds the control character U+{ord(found.group()):04X} at character"
            f" {found.start() + 1}, which is not text"
        )
    if value.startswith(BOM):
        return "begins with U+FEFF, a byte order mark, which is not text"
    return None
