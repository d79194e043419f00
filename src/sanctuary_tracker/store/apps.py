"""The Django application that holds the store's models and migrations."""

from django.apps import AppConfig


class StoreConfig(AppConfig):
    name = "sanctuary_tracker.store"
    label = "store"
    verbose_name = "Sanctuary Tracker store"
    default_auto_field = "django.db.models.BigAutoField"
