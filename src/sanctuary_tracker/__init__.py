"""Sanctuary Tracker: evidence about local cooperation with federal immigration enforcement."""

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError
from sanctuary_tracker.read import iter_documents, read

__all__ = ["Document", "ReadError", "iter_documents", "read"]
__version__ = "0.1.0"
