"""A record's source document and quote, set together: a quote needs a source to be from."""

from typing import Any

from navo_agenda.editing.keys import document_named
from navo_agenda.editing.values import Clear, optional_text, stored
from navo_agenda.errors import InvalidInput
from navo_agenda.store.connection import Database


def source_columns(
    db: Database,
    source: "str | Clear | None",
    quote: "str | Clear | None",
    *,
    current_source_id: int | None = None,
) -> dict[str, Any]:
    """The `source_id`/`source_quote` values to write (only those that change)."""
    values: dict[str, Any] = {}
    source = optional_text(source, "--source")
    quote = optional_text(quote, "--quote")
    source_id = current_source_id
    if isinstance(source, Clear):
        values["source_id"] = None
        values["source_quote"] = None
        source_id = None
    elif source is not None:
        source_id = document_named(db, source, "--source").id
        values["source_id"] = source_id
    if quote is not None:
        if source_id is None and not isinstance(quote, Clear):
            raise InvalidInput("--quote needs --source: the document the quote is from")
        values["source_quote"] = stored(quote)
    return values
