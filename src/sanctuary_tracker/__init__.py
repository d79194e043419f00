"""Sanctuary Tracker: evidence about local cooperation with federal immigration enforcement.

The reading stage is ``sanctuary_tracker.read``: ``read(source)`` and ``iter_documents(source)``.
"""

from sanctuary_tracker.document import Document
from sanctuary_tracker.errors import ReadError

__all__ = ["Document", "ReadError"]
__version__ = "0.1.0"
