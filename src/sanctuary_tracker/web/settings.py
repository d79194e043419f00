"""Django settings for the web app, in code: the store's apps plus sessions and the web
app, security settings, and the secret key from the environment.

Modes (``SANCTUARY_ENV``): ``development`` (default; a random secret key per run, plain
HTTP cookies) or ``production`` (``SANCTUARY_SECRET_KEY`` and ``SANCTUARY_ALLOWED_HOSTS``
required, secure cookies, HSTS). Call ``configure()`` before anything calls the store's
``setup()``: Django's settings can be configured once per process."""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from pathlib import Path

from sanctuary_tracker.settings import SettingError, get, setting
from sanctuary_tracker.store.errors import StoreError


class WebConfigError(StoreError):
    """A setting the web app cannot start with; the message says which and why."""


def _setting(name: str):
    """The setting ``name`` (sanctuary_tracker.settings), a bad value as a WebConfigError."""
    try:
        return get(name)
    except SettingError as exc:
        raise WebConfigError(str(exc)) from None


def mode() -> str:
    return _setting("SANCTUARY_ENV")


def secret_key(run_mode: str) -> str:
    key = _setting("SANCTUARY_SECRET_KEY")
    if run_mode == "production":
        if len(key) < 32:
            raise WebConfigError(
                "production mode needs SANCTUARY_SECRET_KEY (at least 32 characters); "
                "refusing to start without it"
            )
        return key
    return key or secrets.token_urlsafe(50)


def allowed_hosts(run_mode: str) -> list[str]:
    hosts = _setting("SANCTUARY_ALLOWED_HOSTS")
    if run_mode == "production" and not hosts:
        raise WebConfigError("production mode needs SANCTUARY_ALLOWED_HOSTS (host names)")
    return hosts or setting("SANCTUARY_ALLOWED_HOSTS").default.split(",")


def signin_limits() -> dict:
    return {
        "per_user": _setting("SANCTUARY_SIGNIN_FAILURES_PER_USER"),
        "per_address": _setting("SANCTUARY_SIGNIN_FAILURES_PER_ADDRESS"),
        "lockout": _setting("SANCTUARY_SIGNIN_LOCKOUT_SECONDS"),
    }


def signin_dir(url: str) -> str:
    chosen = _setting("SANCTUARY_SIGNIN_DIR")
    if chosen:
        return chosen
    tag = hashlib.sha256(url.encode()).hexdigest()[:16]
    return str(Path(tempfile.gettempdir()) / f"sanctuary-signin-{os.getuid()}-{tag}")


def web_settings(url: str) -> dict:
    """Every Django setting of the web app for the database at ``url``."""
    from sanctuary_tracker.store.config import database_settings

    run_mode = mode()
    production = run_mode == "production"
    return {
        "DEBUG": False,
        "SECRET_KEY": secret_key(run_mode),
        "ALLOWED_HOSTS": allowed_hosts(run_mode),
        "INSTALLED_APPS": [
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "django.contrib.sessions",
            "sanctuary_tracker.store",
            "sanctuary_tracker.web",
        ],
        "DATABASES": {"default": database_settings(url)},
        "DEFAULT_AUTO_FIELD": "django.db.models.BigAutoField",
        "CACHES": {
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "signin": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": signin_dir(url),
                "OPTIONS": {"MAX_ENTRIES": 10_000},  # each write lists the folder
            },
        },
        "SANCTUARY_SIGNIN": signin_limits(),
        "USE_TZ": True,
        "TIME_ZONE": "UTC",
        "ROOT_URLCONF": "sanctuary_tracker.web.urls",
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "sanctuary_tracker.web.cache.ResponseCache",
            "sanctuary_tracker.web.compress.Compress",
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
            "sanctuary_tracker.web.middleware.content_security_policy",
            "sanctuary_tracker.web.middleware.method_not_allowed",
        ],
        "CSRF_FAILURE_VIEW": "sanctuary_tracker.web.errors.csrf_failure",
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.template.context_processors.csrf",
                    ],
                    # Template variables are escaped (autoescape is on and never turned off).
                    "string_if_invalid": "",
                },
            }
        ],
        "LOGIN_URL": "/login/",
        "LOGIN_REDIRECT_URL": "/review/",
        "LOGOUT_REDIRECT_URL": "/",
        "SESSION_ENGINE": "django.contrib.sessions.backends.db",
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_AGE": 8 * 3600,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": production,
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY": "same-origin",
        "SECURE_HSTS_SECONDS": 31536000 if production else 0,
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https") if production else None,
        "X_FRAME_OPTIONS": "DENY",
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.PBKDF2PasswordHasher"],
        "AUTH_PASSWORD_VALIDATORS": [
            {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
            {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
        ],
        "LOGGING_CONFIG": None,
        "DATA_UPLOAD_MAX_MEMORY_SIZE": 1024 * 1024,
    }


def configure(url: str | None = None) -> str:
    """Configure Django for the web app and the store; the database URL in use."""
    import django
    from django.conf import settings

    from sanctuary_tracker.store.config import database_url, use_database

    url = url or database_url()
    if settings.configured:
        if "sanctuary_tracker.web" not in settings.INSTALLED_APPS:
            raise WebConfigError("Django was set up for the store alone; start the web app first")
        use_database(url)
        return url
    settings.configure(**web_settings(url))
    django.setup()
    return url
