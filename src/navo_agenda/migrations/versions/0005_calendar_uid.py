"""Meetings remember the UID of the calendar event they were imported from.

Importing the same ICS file twice must update, not duplicate; events from another calendar
carry their own UID, which is kept here (unique) so a re-import finds the meeting again.
Added as a plain column plus a unique index: SQLite cannot add a UNIQUE column in place, and
copying the meeting table would drop its search triggers.

Revision ID: 0005_calendar_uid
Revises: 0004_search_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_calendar_uid"
down_revision = "0004_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("meeting", sa.Column("external_uid", sa.String(length=255), nullable=True))
    op.create_index(op.f("ix_meeting_external_uid"), "meeting", ["external_uid"], unique=True)


def downgrade() -> None:
    raise NotImplementedError("navo-agenda's schema moves forward only; restore a backup instead")
