"""Alembic revisions: the schema's history, forward only. See env.py."""
