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

from wajong_conversie import tekstbytes

GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
_GEVAARLIJK_BYTE = tekstbytes.tabel("".join(GEVAARLIJK))  # each one ASCII byte in UTF-8


def tekst(waarde: str) -> str:
    """One text cell, safe for a CSV file."""
    return "'" + waarde if waarde.startswith(GEVAARLIJK) else waarde


def kolom(waarden: pa.Array) -> pa.Array:
    """A string column, safe for a CSV file (vectorised; unchanged when nothing matches)."""
    if not (pa.types.is_string(waarden.type) or pa.types.is_large_string(waarden.type)):
        waarden = waarden.cast(pa.string())
    # from the first byte of each text; an empty cell (null) may answer either way (its
    # bytes are undefined), and stays null below
    gevaar = _GEVAARLIJK_BYTE[tekstbytes.eerste(waarden)]
    if not gevaar.any():
        return waarden
    return pc.if_else(pa.array(gevaar), pc.binary_join_element_wise("'", waarden, ""), waarden)
