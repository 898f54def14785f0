"""manager's report: reimbursement date, and indexes for the period aggregations

Revision ID: 0004
Revises: 0003

`booking.reimbursed_at`: when pass Culture reimbursed the booking. The pro export gives the
exact date ("Date et heure de remboursement", source `import`); the API list only says
REIMBURSED, so a pull records when the kiosk first saw it so (source `pull`).
Indexes (kiosk.store.report): the sums of a period stream through `ix_booking_report` in its
own order (no sort of a year's rows), the days and the detail lines are ranges of `ix_booking_status_used`, the
bookings reimbursed without a validation here come from `ix_booking_status_reimbursed_at`, and
the few operations that are not validations settled as done are in the partial
`ix_outbox_period`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import kiosk.store.types

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OUTBOX_PERIOD = ["created_at", "kind", "state", "booking_id", "staff", "conflict"]
NOT_DONE = "kind = 'keep' OR state != 'done'"
BOOKING_REIMBURSED = ["status", "used_counter", "reimbursed_at", "quantity", "price_cents"]
BOOKING_REPORT = [
    "offer_id",
    "venue_id",
    "used_staff",
    "status",
    "used_counter",
    "used_at",
    "quantity",
    "price_cents",
]


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
    op.create_index("ix_booking_status_reimbursed_at", "booking", BOOKING_REIMBURSED)
    op.create_index("ix_booking_report", "booking", BOOKING_REPORT)
    op.create_index("ix_booking_status_used", "booking", ["status", "used_at", "used_counter"])
    # Only the few operations that are not a validation settled as done: the index stays small.
    op.create_index("ix_outbox_period", "outbox", OUTBOX_PERIOD, sqlite_where=sa.text(NOT_DONE))


def downgrade() -> None:
    op.drop_index("ix_outbox_period", "outbox")
    op.drop_index("ix_booking_status_used", "booking")
    op.drop_index("ix_booking_report", "booking")
    op.drop_index("ix_booking_status_reimbursed_at", "booking")
    with op.batch_alter_table("booking") as batch:
        batch.drop_column("reimbursed_source")
        batch.drop_column("reimbursed_at")
