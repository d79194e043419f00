"""The store's one error type: a one-line message naming the input and the problem."""


class StoreError(Exception):
    """Something the store refuses (bad input, missing setup, insufficient role).

    ``str(error)`` is one line, fit for ``sanctuary: error: ...``."""

    def __init__(self, message: str):
        super().__init__(" ".join(message.split()))
