"""Django's management commands for the store's developers (``makemigrations``, ``sqlmigrate``):
``python -m sanctuary_tracker.store.manage makemigrations store``. Users need only
``sanctuary init``."""

import sys

from sanctuary_tracker.store.config import setup


def main() -> None:
    from django.core.management import execute_from_command_line

    setup()
    execute_from_command_line(["manage", *sys.argv[1:]])


if __name__ == "__main__":
    main()
