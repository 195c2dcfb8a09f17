"""The refs of removed commitments, so that none is handed out again.

A ref is how people cite a commitment ("c-2025-007" in a briefing note or a question to the
minister). Refs are numbered on from the highest in use, so removing the last commitment of
a year freed its number for the next one, and an old citation would then point at another
promise. Remembering the removed refs keeps each one meaning one commitment.

Revision ID: 0006_retired_refs
Revises: 0005_calendar_uid
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_retired_refs"
down_revision = "0005_calendar_uid"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "retired_ref",
        sa.Column("ref", sa.String(length=32), nullable=False),
        sa.Column(
            "retired_at", sa.DateTime(), server_default=sa.text("CURRENT_TIMESTAMP"), nullable=False
        ),
        sa.PrimaryKeyConstraint("ref", name=op.f("pk_retired_ref")),
    )


def downgrade() -> None:
    raise NotImplementedError("navo-agenda's schema moves forward only; restore a backup instead")
