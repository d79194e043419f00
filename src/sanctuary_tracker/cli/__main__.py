"""`python -m sanctuary_tracker.cli`: the `sanctuary` command."""

from sanctuary_tracker.cli import main

main()
