"""Indexes that serve the read queries.

list, show and timeline filter and sort meetings by date, kind and status, count items and
open commitments per meeting, and follow every foreign key (SQLite does not index those by
itself, and without them a delete scans whole child tables). A test checks each shipped
query's plan against these.

Revision ID: 0002_read_indexes
Revises: 0001_initial
"""

from alembic import op

revision = "0002_read_indexes"
down_revision = "0001_initial"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_document_dated"), "document", ["dated"], unique=False)
    op.create_index(op.f("ix_meeting_ends_on"), "meeting", ["ends_on"], unique=False)
    op.create_index(
        op.f("ix_meeting_kind_starts_on"), "meeting", ["kind", "starts_on"], unique=False
    )
    op.create_index(op.f("ix_meeting_parent_id"), "meeting", ["parent_id"], unique=False)
    op.create_index(op.f("ix_meeting_source_id"), "meeting", ["source_id"], unique=False)
    op.create_index(
        op.f("ix_meeting_starts_on_ends_on"), "meeting", ["starts_on", "ends_on"], unique=False
    )
    op.create_index(
        op.f("ix_meeting_status_starts_on"), "meeting", ["status", "starts_on"], unique=False
    )
    op.create_index(op.f("ix_agenda_item_source_id"), "agenda_item", ["source_id"], unique=False)
    op.create_index(
        op.f("ix_meeting_document_document_id"), "meeting_document", ["document_id"], unique=False
    )
    op.create_index(
        op.f("ix_agenda_item_document_document_id"),
        "agenda_item_document",
        ["document_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_agenda_item_topic_topic_agenda_item_id"),
        "agenda_item_topic",
        ["topic", "agenda_item_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_commitment_agenda_item_id"), "commitment", ["agenda_item_id"], unique=False
    )
    op.create_index(op.f("ix_commitment_due_end"), "commitment", ["due_end"], unique=False)
    op.create_index(
        op.f("ix_commitment_meeting_id_status"),
        "commitment",
        ["meeting_id", "status"],
        unique=False,
    )
    op.create_index(op.f("ix_commitment_source_id"), "commitment", ["source_id"], unique=False)
    op.create_index(
        op.f("ix_commitment_status_due_end"), "commitment", ["status", "due_end"], unique=False
    )
    op.create_index(
        op.f("ix_commitment_document_document_id"),
        "commitment_document",
        ["document_id"],
        unique=False,
    )
    op.create_index(
        op.f("ix_commitment_event_commitment_id_at"),
        "commitment_event",
        ["commitment_id", "at"],
        unique=False,
    )
    op.create_index(
        op.f("ix_commitment_event_source_id"), "commitment_event", ["source_id"], unique=False
    )


def downgrade() -> None:
    raise NotImplementedError("navo-agenda's schema moves forward only; restore a backup instead")
