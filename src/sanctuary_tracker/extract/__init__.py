"""The extraction stage: from a Document to evidence records, each with its span."""

from sanctuary_tracker.extract.stage import extract

__all__ = ["extract"]
