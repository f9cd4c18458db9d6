"""Text cells that a spreadsheet would run as a formula, made harmless (OWASP "CSV injection").

A text cell the tool writes to a CSV file that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading ``'``: Excel and LibreOffice then show it as text. Only text
columns (ids, names, reasons) go through here; amounts are numeric columns and stay as they are
(``-12.34`` is a number, not a formula). In .xlsx the original text is kept, written as a
string cell (``write_string``), which a spreadsheet never evaluates.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

GEVAARLIJK = ("=", "+", "-", "@", "\t", "\r")
_GEVAARLIJK_BYTE = np.zeros(256, dtype=bool)  # all of them are one ASCII byte in UTF-8
_GEVAARLIJK_BYTE[[ord(t) for t in GEVAARLIJK]] = True


def tekst(waarde: str) -> str:
    """One text cell, safe for a CSV file."""
    return "'" + waarde if waarde.startswith(GEVAARLIJK) else waarde


def _begint_gevaarlijk(waarden: pa.Array) -> np.ndarray:
    """Per cell: does its text start with one of GEVAARLIJK? Read from the first byte of
    each text in Arrow's buffers (each of those characters is one byte in UTF-8, and no other
    character starts with that byte); an empty text does not. An empty cell (null) may
    answer either way (the bytes under it are undefined): it stays null in :func:`kolom`."""
    n = len(waarden)
    soort = np.int64 if pa.types.is_large_string(waarden.type) else np.int32
    _, buf_plek, buf_data = waarden.buffers()
    plek = np.frombuffer(buf_plek, dtype=soort)[waarden.offset : waarden.offset + n + 1]
    begin = plek[:-1]
    gevuld = plek[1:] > begin
    eerste = np.zeros(n, dtype=np.uint8)
    if buf_data is not None and gevuld.any():
        eerste[gevuld] = np.frombuffer(buf_data, dtype=np.uint8)[begin[gevuld]]
    return _GEVAARLIJK_BYTE[eerste]


def kolom(waarden: pa.Array) -> pa.Array:
    """A string column, safe for a CSV file (vectorised; unchanged when nothing matches)."""
    if not (pa.types.is_string(waarden.type) or pa.types.is_large_string(waarden.type)):
        waarden = waarden.cast(pa.string())
    gevaar = _begint_gevaarlijk(waarden)
    if not gevaar.any():
        return waarden
    return pc.if_else(pa.array(gevaar), pc.binary_join_element_wise("'", waarden, ""), waarden)
