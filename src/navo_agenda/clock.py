"""What "today" is.

Overdue markers, --upcoming and the timeline's today line all depend on the date, so tests
and reproducible reports fix it with NAVO_AGENDA_TODAY=YYYY-MM-DD instead of the clock.
"""

import os
from datetime import date

from navo_agenda.errors import InvalidInput

TODAY_VARIABLE = "NAVO_AGENDA_TODAY"


def today() -> date:
    fixed = os.environ.get(TODAY_VARIABLE, "").strip()
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise InvalidInput(
            f"{TODAY_VARIABLE}={fixed!r} is not a date; use YYYY-MM-DD or unset it"
        ) from None
