"""Users and roles (viewer, coder, reviewer, admin) as Django auth groups and permissions.

A viewer reads; a coder also ingests and loads evidence and enters observations; a
reviewer also accepts, edits and rejects them; an admin may do everything, users
included. Commands act as ``--user NAME`` (or ``SANCTUARY_USER``) and refuse, in one line,
what the user's role does not allow."""

from __future__ import annotations

from sanctuary_tracker.store.errors import StoreError

VIEW = [
    f"store.view_{m}"
    for m in (
        "jurisdiction",
        "provision",
        "document",
        "span",
        "mention",
        "person",
        "role",
        "quote",
        "amount",
        "listing",
        "observation",
        "auditlog",
    )
]
VIEW_OBSERVATIONS = "store.view_observation"
LOAD = "store.load_evidence"
CODE = "store.code_observation"
REVIEW = "store.review_observation"
MANAGE_USERS = "auth.add_user"
ROLES = {
    "viewer": VIEW,
    "coder": [*VIEW, LOAD, CODE],
    "reviewer": [*VIEW, LOAD, CODE, REVIEW],
    "admin": [*VIEW, LOAD, CODE, REVIEW, MANAGE_USERS, "auth.change_user"],
}
# What each permission is called in a refusal.
ACTIONS = {
    VIEW_OBSERVATIONS: "reading observations",
    LOAD: "ingesting or loading evidence",
    CODE: "entering observations",
    REVIEW: "reviewing observations",
    MANAGE_USERS: "managing users",
}


def ensure_groups() -> None:
    """One auth group per role holding exactly its permissions (idempotent)."""
    from django.contrib.auth.models import Group, Permission

    wanted = {p for perms in ROLES.values() for p in perms}
    found = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.select_related("content_type").filter(
            codename__in=[w.split(".")[1] for w in wanted]
        )
    }
    for role, perms in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set([found[p] for p in perms])


def role_of(user) -> str | None:
    """The user's role (the strongest of their groups)."""
    names = set(user.groups.values_list("name", flat=True))
    return next((r for r in reversed(ROLES) if r in names), None)


def add_user(name: str, role: str, *, acting: str | None):
    """Create user ``name`` with ``role`` (or change their role). Needs an admin, except
    for the very first admin of an empty store."""
    from django.contrib.auth.models import Group, User
    from django.db import transaction

    if role not in ROLES:
        raise StoreError(f"role {role!r}: not one of {', '.join(ROLES)}")
    if not name or not name.strip() or len(name) > 150:
        raise StoreError(f"user name {name!r}: give 1 to 150 characters")
    with transaction.atomic():
        has_admin = User.objects.filter(groups__name="admin").exists()
        if has_admin:
            require(acting, MANAGE_USERS)
        elif role != "admin":
            raise StoreError("the store has no admin yet: add one first (--role admin)")
        user, created = User.objects.get_or_create(username=name)
        if created:
            user.set_unusable_password()
            user.save()
        before = role_of(user)
        user.groups.set([Group.objects.get(name=role)])
        from sanctuary_tracker.store.audit import record_change

        record_change(
            user=_user_or_none(acting) or user,
            action="user.role",
            table="auth_user",
            object_id=user.pk,
            before={"role": before},
            after={"role": role},
        )
    return user, created


def _user_or_none(name: str | None):
    from django.contrib.auth.models import User

    return User.objects.filter(username=name).first() if name else None


def require(name: str | None, permission: str):
    """The user ``name`` if their role allows ``permission``; a one-line StoreError if not."""
    from django.contrib.auth.models import User

    action = ACTIONS.get(permission, permission)
    allowed = [r for r, perms in ROLES.items() if permission in perms]
    if not name:
        raise StoreError(
            f"{action} needs a user with the {' or '.join(allowed)} role: "
            "give --user NAME or set SANCTUARY_USER"
        )
    user = User.objects.filter(username=name, is_active=True).first()
    if user is None:
        raise StoreError(f"user {name!r}: no such user (an admin adds one: sanctuary users add)")
    if not user.has_perm(permission):
        raise StoreError(
            f"user {name!r} is a {role_of(user) or 'user without a role'}: "
            f"{action} needs the {' or '.join(allowed)} role"
        )
    return user
