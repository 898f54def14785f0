"""manager's report: reimbursement date, and indexes for the period aggregations

Revision ID: 0003
Revises: 0002

`booking.reimbursed_at`: when pass Culture reimbursed the booking. The pro export gives the
exact date ("Date et heure de remboursement", source `import`); the API list only says
REIMBURSED, so a pull records when the kiosk first saw it so (source `pull`).
Indexes: the report aggregates a period of this counter's operations through a covering index
(no table read), finds an operation's later invalidation by booking, and lists the bookings
reimbursed or used elsewhere by status and date.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kiosk.store.types

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTBOX_PERIOD = ["created_at", "kind", "state", "booking_id", "staff", "conflict"]


def upgrade() -> None:
    with op.batch_alter_table("booking") as batch:
        batch.add_column(
            sa.Column("reimbursed_at", kiosk.store.types.UtcDateTime(length=32), nullable=True)
        )
        batch.add_column(sa.Column("reimbursed_source", sa.String(length=10), nullable=True))
    # Bookings already seen reimbursed: the best date known is when the kiosk saw them closed.
    op.execute(
        "UPDATE booking SET reimbursed_at = closed_at, reimbursed_source = 'pull' "
        "WHERE status = 'REIMBURSED' AND reimbursed_at IS NULL"
    )
    op.create_index("ix_booking_status_reimbursed_at", "booking", ["status", "reimbursed_at"])
    op.create_index("ix_outbox_period", "outbox", OUTBOX_PERIOD)
    op.create_index("ix_outbox_booking_id_id", "outbox", ["booking_id", "id"])


def downgrade() -> None:
    op.drop_index("ix_outbox_booking_id_id", "outbox")
    op.drop_index("ix_outbox_period", "outbox")
    op.drop_index("ix_booking_status_reimbursed_at", "booking")
    with op.batch_alter_table("booking") as batch:
        batch.drop_column("reimbursed_source")
        batch.drop_column("reimbursed_at")
