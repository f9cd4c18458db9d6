"""Text cells that a spreadsheet would run as a formula, made harmless (OWASP "CSV injection").

A text cell the tool writes to a CSV file that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'``: Excel and LibreOffice then show it as text. Only text
columns (ids, names, reasons) go through here; amounts are numeric columns and stay as they are
(``-12.34`` is a number, not a formula). In .xlsx the original text is kept, written as a
string cell (``write_string``), which a spreadsheet never evaluates.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
_PATROON = "^[=+\\-@\\t\\r]"


def tekst(waarde: str) -> str:
    """One text cell, safe for a CSV file."""
    return "'" + waarde if waarde.startswith(GEVAARLIJK) else waarde


def kolom(waarden: pa.Array) -> pa.Array:
    """A string column, safe for a CSV file (vectorised; unchanged when nothing matches)."""
    gevaar = pc.match_substring_regex(waarden, _PATROON)
    if not pc.any(gevaar).as_py():
        return waarden
    return pc.if_else(gevaar, pc.binary_join_element_wise("'", waarden, ""), waarden)
