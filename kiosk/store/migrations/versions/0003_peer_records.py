"""peer records: what the counters of a venue told each other (kiosk.mesh)

Revision ID: 0003
Revises: 0002

One log per origin counter, keyed (origin, seq): this counter's own records (operations,
their outcomes, tokens learned) and those received from its peers. A replayed or doubled
record collides with the key and is dropped. Indexed for the scan's hot path (by token) and
for outcomes (by operation id).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "peer_record",
        sa.Column("origin", sa.String(36), nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("op_id", sa.String(36)),
        sa.Column("op_kind", sa.String(8)),
        sa.Column("token", sa.String(16)),
        sa.Column("booking_id", sa.Integer),
        sa.Column("at", sa.String(40)),
        sa.Column("counter", sa.String(100)),
        sa.Column("staff", sa.String(100)),
        sa.Column("unverified", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("state", sa.String(10)),
        sa.Column("conflict", sa.String(30)),
        sa.Column("received_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("origin", "seq", name="pk_peer_record"),
    )
    op.create_index("ix_peer_record_token", "peer_record", ["token", "kind", "at"])
    op.create_index("ix_peer_record_op_id", "peer_record", ["op_id"])


def downgrade() -> None:
    op.drop_index("ix_peer_record_op_id", "peer_record")
    op.drop_index("ix_peer_record_token", "peer_record")
    op.drop_table("peer_record")
