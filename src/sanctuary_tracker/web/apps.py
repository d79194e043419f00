"""The Django application of the web pages, API and exports (no models of its own)."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "sanctuary_tracker.web"
    label = "web"
    verbose_name = "Sanctuary Tracker web"
