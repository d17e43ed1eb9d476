"""Alembic migration scripts. Rule: a new revision for every schema change, never an edit of a merged one."""
