"""Award rows read from a table into awards, matched to jurisdictions, with every row that
cannot be used counted and kept for review: nothing is dropped silently.

- USAspending award downloads: one award per row, keyed by ``assistance_award_unique_key``
  (else the FAIN); amount ``total_obligated_amount`` (negative: a deobligation, kept and
  netted); program from ``cfda_numbers_and_titles`` / ``assistance_listing_number``; fiscal
  year from ``*_fiscal_year`` columns, else the base action date.
- BJA JAG allocation tables: one government per row; the amount is its direct allocation
  (a joint allocation is the shared award of a disparate group and is kept beside it);
  program 16.738; fiscal year from the table's title, the file name, or ``--fiscal-year``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sanctuary_tracker.funding.programs import read_program
from sanctuary_tracker.funding.recipients import Matcher
from sanctuary_tracker.funding.tables import Table, TableError, open_table

_MONEY = re.compile(r"^\(?-?\$?\s*-?[\d,]*\.?\d+\)?$")
_YEAR = re.compile(r"(?:FY|fiscal year)\s*-?\s*(20\d\d|19\d\d)\b|\b(20\d\d)\b", re.I)


@dataclass(slots=True)
class Award:
    key: str
    recipient: str
    state: str
    program: str  # ALN
    program_title: str
    fiscal_year: int | None
    amount: Decimal
    joint_amount: Decimal | None
    source_file: str
    source_row: int
    jurisdiction_geoid: str | None
    match_method: str
    match_confidence: float
    review: bool  # unmatched or doubtful: a person should look


@dataclass
class Summary:
    files: int = 0
    rows: int = 0
    matched: int = 0
    unmatched: int = 0
    doubtful: int = 0
    duplicates: int = 0
    deobligations: int = 0
    held: int = 0  # award keys the store already held from an earlier import
    rejected: Counter = field(default_factory=Counter)
    net_total: Decimal = Decimal(0)
    matched_total: Decimal = Decimal(0)

    def count(self, award: Award) -> None:
        if award.jurisdiction_geoid is None:
            self.unmatched += 1
        else:
            self.matched += 1
            self.matched_total += award.amount
            if award.review:
                self.doubtful += 1
        if award.amount < 0:
            self.deobligations += 1
        self.net_total += award.amount

    def to_record(self) -> dict:
        return {
            "files": self.files,
            "rows_read": self.rows,
            "matched": self.matched,
            "doubtful": self.doubtful,
            "unmatched": self.unmatched,
            "sent_to_review": self.unmatched + self.doubtful,
            "rejected": sum(self.rejected.values()),
            "rejected_reasons": dict(self.rejected),
            "duplicates": self.duplicates,
            "already_held": self.held,
            "deobligations": self.deobligations,
            "net_total": str(self.net_total),
            "matched_net_total": str(self.matched_total),
        }


def read_awards(
    path: str | Path,
    matcher: Matcher,
    summary: Summary,
    seen: set[str],
    fiscal_year: int | None = None,
) -> Iterator[Award]:
    """The awards of one file, each counted in ``summary``; a key in ``seen`` is a
    duplicate, counted once. Rows that cannot be read are counted as rejected, by reason."""
    table = open_table(path)
    summary.files += 1
    read = _usaspending if table.layout == "usaspending" else _jag
    year = fiscal_year or (_table_year(table) if table.layout == "jag" else None)
    if table.layout == "jag" and year is None:
        raise TableError(
            f"{path}: the fiscal year of this JAG table is neither in its title nor in its "
            "file name: give --fiscal-year"
        )
    for number, row in table.rows:
        summary.rows += 1
        try:
            award = read(table, number, row, matcher, year)
        except _Rejected as why:
            summary.rejected[str(why)] += 1
            continue
        if award.key in seen:
            summary.duplicates += 1
            continue
        seen.add(award.key)
        summary.count(award)
        yield award


class _Rejected(ValueError):
    pass


def _usaspending(table: Table, number: int, row: dict, matcher: Matcher, year) -> Award:
    key = (row.get("assistance_award_unique_key") or row.get("award_id_fain") or "").strip()
    if not key:
        raise _Rejected("no award key (assistance_award_unique_key or award_id_fain)")
    amount = _amount(row.get("total_obligated_amount"), "total_obligated_amount")
    program = read_program(
        row.get("cfda_numbers_and_titles")
        or row.get("assistance_listing_number")
        or row.get("cfda_number")
    )
    if program is None:
        raise _Rejected("no assistance listing number")
    name = row.get("recipient_name", "").strip()
    state = row.get("recipient_state_code", "").strip()
    match = matcher.match(
        name,
        state,
        row.get("recipient_city_name", ""),
        row.get("prime_award_summary_recipient_county_fips_code", "")
        or row.get("recipient_county_fips_code", ""),
        "",
    )
    return Award(
        key=f"usaspending:{key}",
        recipient=name,
        state=state,
        program=program[0],
        program_title=program[1],
        fiscal_year=year or _row_year(row),
        amount=amount,
        joint_amount=None,
        source_file=table.path,
        source_row=number,
        **_matched(match),
    )


def _jag(table: Table, number: int, row: dict, matcher: Matcher, year) -> Award:
    name, state = row.get("jurisdiction name", "").strip(), row.get("state", "").strip()
    if not name:
        raise _Rejected("no jurisdiction name")
    if re.match(r"^(?:total|state total|grand total)\b", name, re.I):
        raise _Rejected("a total line, not an award")
    amount = _amount(row.get("direct allocation"), "direct allocation", blank_is_zero=True)
    joint = row.get("joint allocation", "")
    joint_amount = _amount(joint, "joint allocation") if joint.strip(" $-") else None
    match = matcher.match(name, state, "", "", row.get("government type", ""))
    return Award(
        key=f"jag:{year}:{state.upper()}:{name.strip().lower()}",
        recipient=name,
        state=state,
        program="16.738",
        program_title=read_program("16.738")[1],
        fiscal_year=year,
        amount=amount,
        joint_amount=joint_amount,
        source_file=table.path,
        source_row=number,
        **_matched(match),
    )


def _matched(match) -> dict:
    """An award's match fields: the jurisdiction, how and how surely, and whether a person
    must look (unmatched or doubtful)."""
    return {
        "jurisdiction_geoid": match.jurisdiction.geoid if match.jurisdiction else None,
        "match_method": match.method,
        "match_confidence": match.confidence,
        "review": match.doubtful,
    }


def _amount(cell: str | None, column: str, blank_is_zero: bool = False) -> Decimal:
    text = (cell or "").strip()
    if text[:1].isdigit() or (text[:1] == "-" and text[1:2].isdigit()):
        try:  # the common case, a plain number ("120000.00", "-15000.00"): no regex
            return Decimal(text)
        except InvalidOperation:
            pass
    if text in ("", "-", "$-", "$ -") and blank_is_zero:
        return Decimal(0)
    if not text or not _MONEY.match(text.replace(" ", "")):
        raise _Rejected(f"{column} is not a number")
    negative = text.startswith("(") or "-" in text
    digits = re.sub(r"[^\d.]", "", text)
    try:
        value = Decimal(digits)
    except InvalidOperation:
        raise _Rejected(f"{column} is not a number") from None
    return -value if negative else value


def _row_year(row: dict) -> int | None:
    for column in (
        "award_base_action_date_fiscal_year",
        "action_date_fiscal_year",
        "fiscal_year",
    ):
        if (row.get(column) or "").strip().isdigit():
            return int(row[column])
    date = row.get("award_base_action_date") or row.get("period_of_performance_start_date") or ""
    found = re.match(r"^(\d{4})-(\d{2})", date)
    if not found:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    return year + 1 if month >= 10 else year  # the federal fiscal year starts in October


def _table_year(table: Table) -> int | None:
    for text in (table.title, Path(table.path).name):
        found = _YEAR.search(text)
        if found:
            return int(found.group(1) or found.group(2))
    return None
