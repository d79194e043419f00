"""Errors the library raises for bad input: each names its source and says what is wrong."""


class ReadError(Exception):
    """A source could not be read into a Document.

    ``str(error)`` is one line: ``SOURCE: problem``, fit for a command-line message.
    """

    def __init__(self, source: str, problem: str):
        self.source = source
        self.problem = " ".join(problem.split())  # always one line
        super().__init__(f"{source}: {self.problem}")
