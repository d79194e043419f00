"""The store's tables (the core records of ../shared/DESIGN.md)."""

from sanctuary_tracker.store.models.agreements import AgreementPublication, AgreementRow
from sanctuary_tracker.store.models.evidence import (
    Amount,
    Document,
    Listing,
    Mention,
    Person,
    Quote,
    Role,
    Span,
)
from sanctuary_tracker.store.models.funding import Award, AwardImport
from sanctuary_tracker.store.models.reference import Jurisdiction, Provision
from sanctuary_tracker.store.models.review import AuditLog, Observation

__all__ = [
    "AgreementPublication",
    "AgreementRow",
    "Amount",
    "AuditLog",
    "Award",
    "AwardImport",
    "Document",
    "Jurisdiction",
    "Listing",
    "Mention",
    "Observation",
    "Person",
    "Provision",
    "Quote",
    "Role",
    "Span",
]
