"""The audit log: every change to reviewed data, with who, when, before, after and why."""

from __future__ import annotations

import json
from typing import Any


def record_change(
    *,
    user,
    action: str,
    table: str,
    object_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str = "",
) -> None:
    """Append one entry (inside the caller's transaction, so it commits with the change)
    and raise the store's data version with it."""
    from django.utils import timezone

    from sanctuary_tracker.store import state
    from sanctuary_tracker.store.models import AuditLog

    AuditLog.objects.create(
        at=timezone.now(),
        user=user,
        action=action,
        table=table,
        object_id=object_id,
        before=None if before is None else json.dumps(before, default=str, sort_keys=True),
        after=None if after is None else json.dumps(after, default=str, sort_keys=True),
        reason=reason,
    )
    state.changed()
