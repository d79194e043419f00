"""The store: evidence with provenance in SQLite or PostgreSQL, and its review workflow.

Django is used here as an ORM library, configured in code by ``store.config.setup()``;
importing this package imports no Django, so the library core never pays for it.
"""
