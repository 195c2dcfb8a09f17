"""Queries behind the timeline: meetings, commitment deadlines and dated documents in a window.

With --kind the timeline is about those meetings: deadlines of their commitments and the
documents their records cite come along, nothing else.
"""

from datetime import date
from typing import Any, NamedTuple

from navo_agenda.store.connection import Database, Row
from navo_agenda.store.rows import placeholders

# Far enough to hold every date the schema can store, near enough to stay a valid date.
EARLIEST = date(1, 1, 1)
LATEST = date(9999, 12, 31)


class Window(NamedTuple):
    start: date = EARLIEST
    end: date = LATEST
    kinds: tuple[str, ...] = ()


def _kind_filter(window: Window, column: str) -> tuple[str, dict[str, Any]]:
    if not window.kinds:
        return "", {}
    sql, params = placeholders("kind", window.kinds)
    return f" AND {column} IN ({sql})", params


def meetings_in(db: Database, window: Window) -> list[Row]:
    kind_sql, params = _kind_filter(window, "m.kind")
    return db.rows(
        "SELECT m.slug, m.kind, m.title, m.location, m.starts_on, m.ends_on, m.status"
        " FROM meeting m WHERE m.starts_on <= :end AND m.ends_on >= :start"
        f"{kind_sql} ORDER BY m.starts_on, m.ends_on, m.slug",
        {"start": window.start, "end": window.end, **params},
    )


def deadlines_in(db: Database, window: Window) -> list[Row]:
    kind_sql, params = _kind_filter(window, "m.kind")
    return db.rows(
        "SELECT c.ref, c.text, c.kind, c.due, c.due_end, c.status, m.slug AS meeting"
        " FROM commitment c JOIN meeting m ON m.id = c.meeting_id"
        f" WHERE c.due_end BETWEEN :start AND :end{kind_sql} ORDER BY c.due_end, c.ref",
        {"start": window.start, "end": window.end, **params},
    )


def documents_in(db: Database, window: Window) -> list[Row]:
    params: dict[str, Any] = {"start": window.start, "end": window.end}
    cited = ""
    if window.kinds:
        kind_sql, kind_params = placeholders("kind", window.kinds)
        params.update(kind_params)
        # Documents the chosen meetings' own records rest on.
        cited = f"""
          AND (EXISTS (SELECT 1 FROM meeting m
                        WHERE m.source_id = d.id AND m.kind IN ({kind_sql}))
            OR EXISTS (SELECT 1 FROM meeting_document l JOIN meeting m ON m.id = l.meeting_id
                        WHERE l.document_id = d.id AND m.kind IN ({kind_sql}))
            OR EXISTS (SELECT 1 FROM commitment_document l
                        JOIN commitment c ON c.id = l.commitment_id
                        JOIN meeting m ON m.id = c.meeting_id
                        WHERE l.document_id = d.id AND m.kind IN ({kind_sql})))
        """
    return db.rows(
        "SELECT d.slug, d.kind, d.identifier, d.title, d.dated FROM document d"
        f" WHERE d.dated BETWEEN :start AND :end{cited} ORDER BY d.dated, d.slug",
        params,
    )
