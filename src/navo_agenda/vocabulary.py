"""The closed word lists of the domain.

They live in one light module because three layers need them: the schema turns them into
CHECK constraints, the CLI validates options against them before touching the database, and
the renderers label them. Adding a word here needs a migration for the CHECK constraint.
"""

MEETING_KINDS: dict[str, str] = {
    "dmm": "Defence Ministers Meeting",
    "npg": "Nuclear Planning Group",
    "udcg": "Ukraine Defence Contact Group",
    "summit": "summit",
    "forum": "forum (e.g. NATO Summit Defence Industry Forum)",
    "dinner": "ministerial dinner",
    "signing": "signing",
    "other": "other",
}

MEETING_STATUSES: dict[str, str] = {
    "planned": "scheduled",
    "expected": "only announced by the source ('naar verwachting')",
    "held": "took place",
    "cancelled": "called off",
    "postponed": "moved to a later date",
}

COMMITMENT_KINDS: dict[str, str] = {
    "pledge": "the Netherlands undertakes it",
    "expected": "a decision or event the source expects",
    "position": "the Dutch stance",
}

COMMITMENT_STATUSES: dict[str, str] = {
    "open": "not started or not yet known to have happened",
    "in_progress": "under way",
    "fulfilled": "done",
    "partially_fulfilled": "partly done",
    "dropped": "abandoned",
}

# Overdue is derived from these, never stored.
UNFINISHED_STATUSES: tuple[str, ...] = ("open", "in_progress")

DOCUMENT_KINDS: dict[str, str] = {
    "letter": "letter to Parliament",
    "kamerstuk": "parliamentary paper with a number",
    "strategy": "strategy or policy paper",
    "declaration": "declaration or communiqué",
    "mou": "memorandum of understanding or letter of intent",
    "other": "other, e.g. a press release or news report",
}

# How a record relates to a document other than its own source.
DOCUMENT_RELATIONS: dict[str, str] = {
    "cites": "the source cites it",
    "position": "states the Dutch position",
    "outcome": "reports how it turned out",
    "related": "background",
}

DUE_PRECISIONS: tuple[str, ...] = ("year", "quarter", "month", "week", "day")

# The Tweede Kamer's words for a toezegging's state, accepted wherever a status is typed.
COMMITMENT_STATUS_SYNONYMS: dict[str, str] = {
    "openstaand": "open",
    "lopend": "in_progress",
    "in uitvoering": "in_progress",
    "voldaan": "fulfilled",
    "deels voldaan": "partially_fulfilled",
    "gedeeltelijk voldaan": "partially_fulfilled",
    "vervallen": "dropped",
}

DEFAULT_ACTOR = "Nederland"
