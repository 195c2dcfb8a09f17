"""What `db check` verifies: SQLite's own checks, and the rules the schema cannot express.

The status history of a commitment must be a chain (each event starts where the previous
one ended) that ends in the commitment's current status. Every text must be one the store
may hold (texts.py): an earlier version, or another client, may have written one that no
way in takes any more, and an export holding it would not import again.
"""

import re

from navo_agenda.store.changes import MAX_VERSION
from navo_agenda.store.connection import Database
from navo_agenda.texts import BODY_LIMIT, TEXT_LIMIT, text_problem

TABLES = (
    "meeting",
    "agenda_item",
    "commitment",
    "commitment_event",
    "document",
)


def storage_errors(db: Database) -> list[str]:
    result = [row[0] for row in db.rows("PRAGMA integrity_check")]
    return [] if result == ["ok"] else [f"integrity: {line}" for line in result]


Reference = tuple[str, int, str, int]  # table, row, parent table, which key of the table


def broken_references(db: Database) -> list[Reference]:
    """Each reference to a row that is not there."""
    return [(row[0], row[1], row[2], row[3]) for row in db.rows("PRAGMA foreign_key_check")]


def described(reference: Reference) -> str:
    table, row, parent, _ = reference
    return f"{table} row {row} points to a missing {parent}"


def foreign_key_errors(db: Database) -> list[str]:
    return [f"foreign key: {described(reference)}" for reference in broken_references(db)]


def history_errors(db: Database) -> list[str]:
    errors: list[str] = []
    previous_ref: str | None = None
    previous_to: str | None = None
    current: str | None = None

    def close_chain() -> None:
        if previous_ref is not None and previous_to != current:
            errors.append(
                f"history: {previous_ref} has status {current!r} but its last event "
                f"ends in {previous_to!r}"
            )

    rows = db.rows(
        "SELECT c.ref, c.status, e.from_status, e.to_status FROM commitment c"
        " LEFT JOIN commitment_event e ON e.commitment_id = c.id"
        " ORDER BY c.id, e.at, e.id"
    )
    for row in rows:
        ref, status, from_status, to_status = row[0], row[1], row[2], row[3]
        if ref != previous_ref:
            close_chain()
            previous_ref, previous_to, current = ref, None, status
            if to_status is None:
                errors.append(f"history: {ref} has no events")
                previous_to = status
                continue
            if from_status is not None:
                errors.append(f"history: {ref} does not start with its creation event")
        elif from_status != previous_to:
            errors.append(
                f"history: {ref} has an event from {from_status!r} after one that ended in "
                f"{previous_to!r}"
            )
        previous_to = to_status
    close_chain()
    return errors


def counts(db: Database) -> dict[str, int]:
    return {table: int(db.scalar(f"SELECT count(*) FROM {table}")) for table in TABLES}


# The texts of each table, with how the record is named, and the limits that differ from
# TEXT_LIMIT (as JSON import has them).
TEXTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "meeting": (
        "'meeting ' || slug",
        (
            "title",
            "title_nl",
            "location",
            "time_note",
            "summary",
            "outcome",
            "source_quote",
            "external_uid",
        ),
    ),  # fmt: skip
    "agenda_item": (
        "'item ' || (SELECT slug FROM meeting WHERE id = meeting_id) || '/' || position",
        ("section", "title", "summary", "dutch_position", "outcome", "source_quote"),
    ),
    "commitment": ("'commitment ' || ref", ("text", "actor", "source_quote")),
    "commitment_event": (
        "'commitment ' || (SELECT ref FROM commitment WHERE id = commitment_id)"
        " || ', its event of ' || at",
        ("note", "author"),
    ),
    "document": ("'document ' || slug", ("identifier", "title", "url", "body")),
}
LIMITS = {"body": BODY_LIMIT, "identifier": 200, "external_uid": 255}
FIXED_BY = {
    "commitment_event": "a recorded status change cannot be edited",
    "external_uid": "it is the UID of the calendar event the meeting was imported from",
}
# Keys, each of the shape the JSON format reads back (exchange/json_format.py).
KEYS: dict[str, tuple[str, str, str]] = {
    "meeting": ("'meeting ' || id", "slug", r"[a-z0-9][a-z0-9-]{0,63}"),
    "document": ("'document ' || id", "slug", r"[a-z0-9][a-z0-9-]{0,63}"),
    "commitment": ("'commitment ' || id", "ref", r"c-[0-9]{4}-[0-9]{1,26}"),
    "agenda_item_topic": (
        "'item ' || (SELECT m.slug || '/' || a.position FROM agenda_item a"
        " JOIN meeting m ON m.id = a.meeting_id WHERE a.id = agenda_item_id)",
        "topic",
        r"[a-z0-9][a-z0-9-]{0,31}",
    ),
}


def stored_problem(raw: bytes | None, kind: str, limit: int) -> str | None:
    """What is wrong with a stored text (given as its bytes, so that one that is not UTF-8
    can be named rather than break the query), or None."""
    if raw is None:
        return None
    if kind == "blob":
        return "is stored as bytes, not as text"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return f"is not UTF-8 text (byte 0x{raw[error.start]:02x} at byte {error.start + 1:,})"
    return text_problem(text, limit)


def key_problem(raw: bytes | None, kind: str, pattern: str) -> str | None:
    problem = stored_problem(raw, kind, 64)
    if problem is not None or raw is None:
        return problem
    key = raw.decode("utf-8")
    return None if re.fullmatch(pattern, key) else f"{key!r} is not a key of the right shape"


def version_errors(db: Database) -> list[str]:
    """A version the export format would not read back: above MAX_VERSION (a record
    imported at the top of the range and changed since), or not a whole number."""
    errors = []
    for table, (named, _) in TEXTS.items():
        rows = db.rows(
            f"SELECT {named} AS record, version FROM {table}"
            " WHERE typeof(version) <> 'integer' OR version > :top OR version < 1",
            {"top": MAX_VERSION},
        )
        errors += [
            f"version: {row['record']}: {row['version']} is not a version an export can carry"
            f" (a whole number from 1 to {MAX_VERSION:,}); an export of it would not import"
            for row in rows
        ]
    return errors


def text_errors(db: Database) -> list[str]:
    db.connection.create_function("stored_problem", 3, stored_problem, deterministic=True)
    db.connection.create_function("key_problem", 3, key_problem, deterministic=True)
    errors = []
    for table, (named, columns) in TEXTS.items():
        for column in columns:
            limit = LIMITS.get(column, TEXT_LIMIT)
            check = f"stored_problem(CAST({column} AS BLOB), typeof({column}), {limit})"
            rows = db.rows(
                f"SELECT {named} AS record, {check} AS problem FROM {table}"
                f" WHERE {column} IS NOT NULL AND {check} IS NOT NULL"
            )
            remedy = FIXED_BY.get(column, FIXED_BY.get(table, "'navo-agenda edit' can change it"))
            errors += [
                f"text: {row['record']}: {column} {row['problem']}; {remedy}" for row in rows
            ]
    for table, (named, column, pattern) in KEYS.items():
        check = f"key_problem(CAST({column} AS BLOB), typeof({column}), :pattern)"
        rows = db.rows(
            f"SELECT {named} AS record, {check} AS problem FROM {table} WHERE {check} IS NOT NULL",
            {"pattern": pattern},
        )
        errors += [
            f"key: {row['record']}: {column} {row['problem']}; an export of it would not import"
            for row in rows
        ]
    return errors
