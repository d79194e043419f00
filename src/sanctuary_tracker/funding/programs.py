"""Federal assistance programs by assistance listing number (ALN, formerly CFDA), and how to
read a program out of the cells award files give it in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Program:
    aln: str
    name: str
    source: str


# The programs whose conditions were tied to immigration cooperation (CODEBOOK section 3);
# any other program in the data is kept under the number and title the file gives.
KNOWN = {
    p.aln: p
    for p in (
        Program(
            "16.738",
            "Edward Byrne Memorial Justice Assistance Grant (Byrne JAG)",
            "https://cis.org/Arthur/Primer-Federal-Funds-Sanctuary-Cities",
        ),
        Program(
            "16.606",
            "State Criminal Alien Assistance Program (SCAAP)",
            "https://www.readkong.com/page/bja-fy-2020-state-criminal-alien-assistance-program-6265930",
        ),
        Program(
            "16.710",
            "Public Safety Partnership and Community Policing Grants (COPS)",
            "https://www.federalgrantswire.com/public-safety-partnership-and-community-policing-grants.html",
        ),
    )
}

_ALN = re.compile(r"\b(\d{2}\.\d{3})\b\s*[:\-–]?\s*([^;]*)")


@lru_cache(maxsize=4096)
def read_program(cell: str | None) -> tuple[str, str] | None:
    """(ALN, title) from "16.738: EDWARD BYRNE MEMORIAL ..." or "16.738"; the first when a
    cell lists several; None when the cell names no number."""
    match = _ALN.search(cell or "")
    if not match:
        return None
    aln, title = match.group(1), match.group(2).strip().rstrip(";").strip()
    known = KNOWN.get(aln)
    return aln, known.name if known else (title.title() if title.isupper() else title)
