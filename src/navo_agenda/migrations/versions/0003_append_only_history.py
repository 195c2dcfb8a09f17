"""Status history is append-only, in the database too.

A commitment's events are its record of what happened; the application only ever appends
them, and this trigger makes sure no other client (or a bug) rewrites one. Removing a
commitment removes its history with it, so deleting stays possible.

Revision ID: 0003_append_only_history
Revises: 0002_read_indexes
"""

from alembic import op

revision = "0003_append_only_history"
down_revision = "0002_read_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER commitment_event_append_only BEFORE UPDATE ON commitment_event"
            " BEGIN SELECT RAISE(ABORT, 'commitment history is append-only'); END"
        )
    else:
        op.execute(
            "CREATE FUNCTION commitment_event_append_only() RETURNS trigger LANGUAGE plpgsql AS"
            " $$ BEGIN RAISE EXCEPTION 'commitment history is append-only'; END $$"
        )
        op.execute(
            "CREATE TRIGGER commitment_event_append_only BEFORE UPDATE ON commitment_event"
            " FOR EACH ROW EXECUTE FUNCTION commitment_event_append_only()"
        )


def downgrade() -> None:
    raise NotImplementedError("navo-agenda's schema moves forward only; restore a backup instead")
