"""The web app, JSON API and exports: a thin Django shell over the library core and the
store (``configure()`` in ``settings`` sets Django up for both)."""
