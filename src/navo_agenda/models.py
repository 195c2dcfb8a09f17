"""The schema, defined once.

These SQLModel classes are the single definition of the tables: Alembic revisions are
written against them and a test fails when the two disagree. They are deliberately NOT used
at run time by the commands: importing SQLModel costs about forty times a bare Python start,
so the store talks to the database through the DB-API with plain SQL, and this module is
imported only to create or migrate a database.

Every rule that can live in the database does (unique keys, CHECKed word lists, date order,
foreign keys), so that a bug in the application, or another client, cannot store nonsense.
"""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from navo_agenda.vocabulary import (
    COMMITMENT_KINDS,
    COMMITMENT_STATUSES,
    DOCUMENT_KINDS,
    DOCUMENT_RELATIONS,
    DUE_PRECISIONS,
    MEETING_KINDS,
    MEETING_STATUSES,
)

# Named constraints, so that later migrations (and SQLite's batch mode) can refer to them.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def one_of(column: str, words: Iterable[str], *, nullable: bool = False) -> str:
    """SQL for 'column is one of these words', portable to SQLite and PostgreSQL."""
    allowed = ", ".join(f"'{word}'" for word in words)
    condition = f"{column} IN ({allowed})"
    return f"{column} IS NULL OR {condition}" if nullable else condition


def check(sql: str, name: str) -> sa.CheckConstraint:
    return sa.CheckConstraint(sql, name=name)


class ExactDecimal(sa.types.TypeDecorator[Decimal]):
    """Money as exact decimal text: SQLite has no decimal type and would round through float."""

    impl = sa.String(40)
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: sa.Dialect) -> str | None:
        return None if value is None else format(value, "f")

    def process_result_value(self, value: Any, dialect: sa.Dialect) -> Decimal | None:
        return None if value is None else Decimal(str(value))


def now_default() -> Any:
    return Field(
        default=None,
        nullable=False,
        sa_column_kwargs={"server_default": sa.text("CURRENT_TIMESTAMP")},
    )


class Tracked(SQLModel):
    """Bookkeeping every table carries; `version` lets an edit detect that it read stale data."""

    created_at: datetime | None = now_default()
    updated_at: datetime | None = now_default()
    version: int = Field(default=1, sa_column_kwargs={"server_default": sa.text("1")})


class Document(Tracked, table=True):
    __tablename__ = "document"
    __table_args__ = (check(one_of("kind", DOCUMENT_KINDS), "kind"),)

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=80, unique=True)
    kind: str = Field(max_length=16)
    identifier: str | None = Field(default=None, max_length=200, unique=True)
    title: str = Field(sa_type=sa.Text)
    dated: date | None = Field(default=None, index=True)
    url: str | None = Field(default=None, sa_type=sa.Text)
    body: str | None = Field(default=None, sa_type=sa.Text)


class Meeting(Tracked, table=True):
    __tablename__ = "meeting"
    __table_args__ = (
        check(one_of("kind", MEETING_KINDS), "kind"),
        check(one_of("status", MEETING_STATUSES), "status"),
        check("ends_on >= starts_on", "dates_in_order"),
        sa.Index(None, "starts_on", "ends_on"),
        sa.Index(None, "kind", "starts_on"),
        sa.Index(None, "status", "starts_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=64, unique=True)
    kind: str = Field(max_length=16)
    title: str = Field(sa_type=sa.Text)
    title_nl: str | None = Field(default=None, sa_type=sa.Text)
    location: str | None = Field(default=None, sa_type=sa.Text)
    starts_on: date
    ends_on: date = Field(index=True)
    time_note: str | None = Field(default=None, sa_type=sa.Text)
    parent_id: int | None = Field(default=None, foreign_key="meeting.id", index=True)
    status: str = Field(
        default="planned", max_length=16, sa_column_kwargs={"server_default": "planned"}
    )
    summary: str | None = Field(default=None, sa_type=sa.Text)
    outcome: str | None = Field(default=None, sa_type=sa.Text)
    source_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    source_quote: str | None = Field(default=None, sa_type=sa.Text)
    # The UID of the calendar event it was imported from (revision 0005).
    external_uid: str | None = Field(default=None, max_length=255, index=True, unique=True)


class AgendaItem(Tracked, table=True):
    __tablename__ = "agenda_item"
    __table_args__ = (
        sa.UniqueConstraint("meeting_id", "position"),
        # Lets a commitment's (meeting, item) pair be checked by a foreign key.
        sa.UniqueConstraint("meeting_id", "id"),
        check("position >= 1", "position_positive"),
    )

    id: int | None = Field(default=None, primary_key=True)
    meeting_id: int = Field(foreign_key="meeting.id")
    position: int
    section: str | None = Field(default=None, sa_type=sa.Text)
    title: str = Field(sa_type=sa.Text)
    summary: str | None = Field(default=None, sa_type=sa.Text)
    dutch_position: str | None = Field(default=None, sa_type=sa.Text)
    outcome: str | None = Field(default=None, sa_type=sa.Text)
    source_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    source_quote: str | None = Field(default=None, sa_type=sa.Text)


class AgendaItemTopic(Tracked, table=True):
    __tablename__ = "agenda_item_topic"
    __table_args__ = (
        check("topic <> '' AND topic = lower(topic)", "topic_lowercase"),
        sa.Index(None, "topic", "agenda_item_id"),
    )

    agenda_item_id: int = Field(foreign_key="agenda_item.id", primary_key=True)
    topic: str = Field(max_length=32, primary_key=True)


class Commitment(Tracked, table=True):
    __tablename__ = "commitment"
    __table_args__ = (
        check(one_of("kind", COMMITMENT_KINDS), "kind"),
        check(one_of("status", COMMITMENT_STATUSES), "status"),
        check(one_of("due_precision", DUE_PRECISIONS, nullable=True), "due_precision"),
        check(
            "(due IS NULL AND due_precision IS NULL AND due_end IS NULL)"
            " OR (due IS NOT NULL AND due_precision IS NOT NULL AND due_end IS NOT NULL)",
            "due_complete",
        ),
        check(
            "(amount IS NULL AND currency IS NULL)"
            " OR (amount IS NOT NULL AND currency IS NOT NULL AND length(currency) = 3)",
            "amount_with_currency",
        ),
        # An item named by a commitment must belong to the commitment's meeting.
        sa.ForeignKeyConstraint(
            ["meeting_id", "agenda_item_id"], ["agenda_item.meeting_id", "agenda_item.id"]
        ),
        sa.Index(None, "meeting_id", "status"),
        sa.Index(None, "status", "due_end"),
    )

    id: int | None = Field(default=None, primary_key=True)
    ref: str = Field(max_length=32, unique=True)
    text: str = Field(sa_type=sa.Text)
    actor: str = Field(sa_type=sa.Text)
    kind: str = Field(max_length=16)
    meeting_id: int = Field(foreign_key="meeting.id")
    agenda_item_id: int | None = Field(default=None, index=True)
    # A partial date: its canonical text ('2026', '2025-Q3', '2025-06', '2025-06-05'), its
    # precision, and its last day (what "overdue" and sorting use).
    due: str | None = Field(default=None, max_length=10)
    due_precision: str | None = Field(default=None, max_length=8)
    due_end: date | None = Field(default=None, index=True)
    amount: Decimal | None = Field(default=None, sa_type=ExactDecimal)
    currency: str | None = Field(default=None, max_length=3)
    status: str = Field(default="open", max_length=24, sa_column_kwargs={"server_default": "open"})
    source_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    source_quote: str | None = Field(default=None, sa_type=sa.Text)


class CommitmentEvent(Tracked, table=True):
    """One change of a commitment's status; rows are only ever appended."""

    __tablename__ = "commitment_event"
    __table_args__ = (
        check(one_of("from_status", COMMITMENT_STATUSES, nullable=True), "from_status"),
        check(one_of("to_status", COMMITMENT_STATUSES), "to_status"),
        check("from_status IS NULL OR from_status <> to_status", "is_a_change"),
        sa.Index(None, "commitment_id", "at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    commitment_id: int = Field(foreign_key="commitment.id")
    at: date
    from_status: str | None = Field(default=None, max_length=24)
    to_status: str = Field(max_length=24)
    note: str | None = Field(default=None, sa_type=sa.Text)
    author: str | None = Field(default=None, sa_type=sa.Text)
    source_id: int | None = Field(default=None, foreign_key="document.id", index=True)


class RetiredRef(SQLModel, table=True):
    """The ref of a removed commitment: never handed out again, since people cite refs."""

    __tablename__ = "retired_ref"

    ref: str = Field(primary_key=True, max_length=32)
    retired_at: datetime | None = now_default()


def relation_check() -> sa.CheckConstraint:
    return check(one_of("relation", DOCUMENT_RELATIONS), "relation")


class MeetingDocument(Tracked, table=True):
    __tablename__ = "meeting_document"
    __table_args__ = (relation_check(),)

    meeting_id: int = Field(foreign_key="meeting.id", primary_key=True)
    document_id: int = Field(foreign_key="document.id", primary_key=True, index=True)
    relation: str = Field(max_length=16, primary_key=True)


class AgendaItemDocument(Tracked, table=True):
    __tablename__ = "agenda_item_document"
    __table_args__ = (relation_check(),)

    agenda_item_id: int = Field(foreign_key="agenda_item.id", primary_key=True)
    document_id: int = Field(foreign_key="document.id", primary_key=True, index=True)
    relation: str = Field(max_length=16, primary_key=True)


class CommitmentDocument(Tracked, table=True):
    __tablename__ = "commitment_document"
    __table_args__ = (relation_check(),)

    commitment_id: int = Field(foreign_key="commitment.id", primary_key=True)
    document_id: int = Field(foreign_key="document.id", primary_key=True, index=True)
    relation: str = Field(max_length=16, primary_key=True)


metadata = SQLModel.metadata

# Search indexes (revision 0004) are SQLite virtual tables the models do not describe.
SEARCH_INDEX_PREFIX = "fts_"


def describes(name: str | None, kind: str, parent_names: object) -> bool:
    """For Alembic's comparisons: everything but the search indexes and their shadow tables."""
    return not (kind == "table" and (name or "").startswith(SEARCH_INDEX_PREFIX))
