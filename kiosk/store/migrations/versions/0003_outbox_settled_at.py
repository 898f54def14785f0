"""outbox: index on settled_at

Revision ID: 0003
Revises: 0002

A pull asks which operations were settled since it read a page (so a page read before our own
validation reached the server cannot reopen the booking); the outbox is kept for good, so that
question needs an index.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_outbox_settled_at"), ["settled_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_settled_at"))
