"""Persistence: SQLAlchemy models, the engine, and the Alembic schema check.

ORM classes stay inside this package; its functions take a Session first and return plain values.
"""
