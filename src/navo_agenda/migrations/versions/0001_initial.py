"""Initial schema: the domain tables with their constraints.

Everything the database can check is declared here (unique slugs and refs, allowed words,
date order, foreign keys) so that no client can store what the model forbids. Indexes for
the read queries follow in the next revision.

Revision ID: 0001_initial
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("identifier", sa.String(length=200), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("dated", sa.Date(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('letter', 'kamerstuk', 'strategy', 'declaration', 'mou', 'other')",
            name=op.f("ck_document_kind"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("identifier", name=op.f("uq_document_identifier")),
        sa.UniqueConstraint("slug", name=op.f("uq_document_slug")),
    )
    op.create_table(
        "meeting",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_nl", sa.Text(), nullable=True),
        sa.Column("location", sa.Text(), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("time_note", sa.Text(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), server_default="planned", nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_quote", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "kind IN ('dmm', 'npg', 'udcg', 'summit', 'forum', 'dinner', 'signing', 'other')",
            name=op.f("ck_meeting_kind"),
        ),
        sa.CheckConstraint(
            "status IN ('planned', 'expected', 'held', 'cancelled', 'postponed')",
            name=op.f("ck_meeting_status"),
        ),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_meeting_dates_in_order")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["meeting.id"], name=op.f("fk_meeting_parent_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["document.id"], name=op.f("fk_meeting_source_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting")),
        sa.UniqueConstraint("slug", name=op.f("uq_meeting_slug")),
    )
    op.create_table(
        "agenda_item",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("dutch_position", sa.Text(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_quote", sa.Text(), nullable=True),
        sa.CheckConstraint("position >= 1", name=op.f("ck_agenda_item_position_positive")),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_agenda_item_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["document.id"], name=op.f("fk_agenda_item_source_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_item")),
        sa.UniqueConstraint("meeting_id", "id", name=op.f("uq_agenda_item_meeting_id_id")),
        sa.UniqueConstraint(
            "meeting_id", "position", name=op.f("uq_agenda_item_meeting_id_position")
        ),
    )
    op.create_table(
        "meeting_document",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "relation IN ('cites', 'position', 'outcome', 'related')",
            name=op.f("ck_meeting_document_relation"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_meeting_document_document_id_document")
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_meeting_document_meeting_id_meeting")
        ),
        sa.PrimaryKeyConstraint(
            "meeting_id", "document_id", "relation", name=op.f("pk_meeting_document")
        ),
    )
    op.create_table(
        "agenda_item_document",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "relation IN ('cites', 'position', 'outcome', 'related')",
            name=op.f("ck_agenda_item_document_relation"),
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_agenda_item_document_agenda_item_id_agenda_item"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_agenda_item_document_document_id_document"),
        ),
        sa.PrimaryKeyConstraint(
            "agenda_item_id", "document_id", "relation", name=op.f("pk_agenda_item_document")
        ),
    )
    op.create_table(
        "agenda_item_topic",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=False),
        sa.CheckConstraint(
            "topic <> '' AND topic = lower(topic)",
            name=op.f("ck_agenda_item_topic_topic_lowercase"),
        ),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_item.id"],
            name=op.f("fk_agenda_item_topic_agenda_item_id_agenda_item"),
        ),
        sa.PrimaryKeyConstraint("agenda_item_id", "topic", name=op.f("pk_agenda_item_topic")),
    )
    op.create_table(
        "commitment",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=32), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("agenda_item_id", sa.Integer(), nullable=True),
        sa.Column("due", sa.String(length=10), nullable=True),
        sa.Column("due_precision", sa.String(length=8), nullable=True),
        sa.Column("due_end", sa.Date(), nullable=True),
        sa.Column("amount", sa.String(length=40), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=True),
        sa.Column("status", sa.String(length=24), server_default="open", nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.Column("source_quote", sa.Text(), nullable=True),
        sa.CheckConstraint(
            "due_precision IS NULL OR due_precision IN ('year', 'quarter', 'month', 'week', 'day')",
            name=op.f("ck_commitment_due_precision"),
        ),
        sa.CheckConstraint(
            "kind IN ('pledge', 'expected', 'position')", name=op.f("ck_commitment_kind")
        ),
        sa.CheckConstraint(
            "status IN ('open', 'in_progress', 'fulfilled', 'partially_fulfilled', 'dropped')",
            name=op.f("ck_commitment_status"),
        ),
        sa.CheckConstraint(
            "(amount IS NULL AND currency IS NULL) OR (amount IS NOT NULL AND currency IS NOT NULL AND length(currency) = 3)",
            name=op.f("ck_commitment_amount_with_currency"),
        ),
        sa.CheckConstraint(
            "(due IS NULL AND due_precision IS NULL AND due_end IS NULL) OR (due IS NOT NULL AND due_precision IS NOT NULL AND due_end IS NOT NULL)",
            name=op.f("ck_commitment_due_complete"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id", "agenda_item_id"],
            ["agenda_item.meeting_id", "agenda_item.id"],
            name=op.f("fk_commitment_meeting_id_agenda_item_id_agenda_item"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meeting.id"], name=op.f("fk_commitment_meeting_id_meeting")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["document.id"], name=op.f("fk_commitment_source_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment")),
        sa.UniqueConstraint("ref", name=op.f("uq_commitment_ref")),
    )
    op.create_table(
        "commitment_document",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "relation IN ('cites', 'position', 'outcome', 'related')",
            name=op.f("ck_commitment_document_relation"),
        ),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitment.id"],
            name=op.f("fk_commitment_document_commitment_id_commitment"),
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_commitment_document_document_id_document"),
        ),
        sa.PrimaryKeyConstraint(
            "commitment_id", "document_id", "relation", name=op.f("pk_commitment_document")
        ),
    )
    op.create_table(
        "commitment_event",
        sa.Column(
            "created_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column(
            "updated_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("commitment_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.Date(), nullable=False),
        sa.Column("from_status", sa.String(length=24), nullable=True),
        sa.Column("to_status", sa.String(length=24), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("source_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "from_status IS NULL OR from_status IN ('open', 'in_progress', 'fulfilled', 'partially_fulfilled', 'dropped')",
            name=op.f("ck_commitment_event_from_status"),
        ),
        sa.CheckConstraint(
            "to_status IN ('open', 'in_progress', 'fulfilled', 'partially_fulfilled', 'dropped')",
            name=op.f("ck_commitment_event_to_status"),
        ),
        sa.CheckConstraint(
            "from_status IS NULL OR from_status <> to_status",
            name=op.f("ck_commitment_event_is_a_change"),
        ),
        sa.ForeignKeyConstraint(
            ["commitment_id"],
            ["commitment.id"],
            name=op.f("fk_commitment_event_commitment_id_commitment"),
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["document.id"], name=op.f("fk_commitment_event_source_id_document")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_commitment_event")),
    )


def downgrade() -> None:
    raise NotImplementedError("navo-agenda's schema moves forward only; restore a backup instead")
