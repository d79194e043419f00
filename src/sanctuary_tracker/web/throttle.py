"""Sign-in throttling: failed sign-ins are counted per user name and per client address in
Django's cache framework (a file cache shared by the server's worker processes); past the
limit, sign-in is refused with 429 (the password is not even checked) until the lockout
has passed since the last failure. A success clears the name's count, not the address's."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import caches

CACHE = "signin"


def limits() -> tuple[int, int, int]:
    """(failures per user name, failures per address, lockout seconds)."""
    chosen = settings.SANCTUARY_SIGNIN
    return chosen["per_user"], chosen["per_address"], chosen["lockout"]


def _keys(request, username: str) -> tuple[str, str]:
    name = hashlib.sha256(username.strip().casefold().encode()).hexdigest()
    address = hashlib.sha256(request.META.get("REMOTE_ADDR", "").encode()).hexdigest()
    return f"signin:user:{name}", f"signin:addr:{address}"


def locked(request, username: str) -> bool:
    """True when this name or this address has failed too often lately."""
    per_user, per_address, _ = limits()
    user_key, address_key = _keys(request, username)
    counts = caches[CACHE].get_many([user_key, address_key])
    return counts.get(user_key, 0) >= per_user or counts.get(address_key, 0) >= per_address


def failed(request, username: str) -> None:
    cache, lockout = caches[CACHE], limits()[2]
    for key in _keys(request, username):
        # Counted from the last failure: each one starts the lockout again.
        cache.set(key, cache.get(key, 0) + 1, lockout)


def succeeded(request, username: str) -> None:
    caches[CACHE].delete(_keys(request, username)[0])


def lockout_minutes() -> int:
    return max(1, (limits()[2] + 59) // 60)
