"""Classification: each definition of "sanctuary" as a rule over dated, sourced facts
(observations, listings, state laws), per jurisdiction and date, with its reasons."""

from sanctuary_tracker.classify.definitions import Definition, DefinitionError, load_definitions
from sanctuary_tracker.classify.engine import Classification, Classifier, classify
from sanctuary_tracker.classify.evidence import Evidence
from sanctuary_tracker.classify.facts import Fact

__all__ = [
    "Classification",
    "Classifier",
    "Definition",
    "DefinitionError",
    "Evidence",
    "Fact",
    "classify",
    "load_definitions",
]
