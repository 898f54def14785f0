"""offer search: FTS5 index over offers, kept in sync by triggers

Revision ID: 0002
Revises: 0001

External-content FTS5 table over `offer` (name, author, performer, description): accent- and
case-insensitive (unicode61 remove_diacritics 2), with prefix indexes so typing stays fast.
Triggers keep it right for every writer (sync pull, import, tests), so no code has to remember.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "name, author, performer, description"
NEW = "new.name, new.author, new.performer, new.description"
BROWSE = ["subcategory_id", "is_event", "next_date", "min_price_cents", "is_digital", "venue_id"]
OLD = "old.name, old.author, old.performer, old.description"


def upgrade() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE offer_fts USING fts5({COLUMNS}, content='offer', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
    )
    op.execute(
        "CREATE TRIGGER offer_fts_ai AFTER INSERT ON offer BEGIN "
        f"INSERT INTO offer_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END"
    )
    op.execute(
        "CREATE TRIGGER offer_fts_ad AFTER DELETE ON offer BEGIN "
        f"INSERT INTO offer_fts(offer_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
        "END"
    )
    # Only when an indexed column changes: the pull rewrites prices and dates often.
    op.execute(
        "CREATE TRIGGER offer_fts_au AFTER UPDATE OF id, name, author, performer, description "
        "ON offer BEGIN "
        f"INSERT INTO offer_fts(offer_fts, rowid, {COLUMNS}) VALUES ('delete', old.id, {OLD}); "
        f"INSERT INTO offer_fts(rowid, {COLUMNS}) VALUES (new.id, {NEW}); END"
    )
    op.execute("INSERT INTO offer_fts(offer_fts) VALUES ('rebuild')")
    # Category tiles' counts and browsing: one scan of this index, no table reads.
    op.create_index("ix_offer_browse", "offer", BROWSE)


def downgrade() -> None:
    op.drop_index("ix_offer_browse", "offer")
    for name in ("offer_fts_au", "offer_fts_ad", "offer_fts_ai"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS offer_fts")
