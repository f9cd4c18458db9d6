"""Amounts in cents as text for a whole column at once: an Arrow string array made with numpy.

For lists that may hold a row for most of a million people (werklijst.csv), where formatting
one amount at a time with Babel, or with Arrow's string functions, costs seconds. The text is
that of :func:`opmaak.bedrag` (Babel, nl_NL: '€ 1.234,56', '€ -0,70'), tested against it on
random and edge values (tests/test_bedragtekst.py). (Plain CSV numbers stay with Arrow's own
decimal writer: measured faster than this for them.)
How: every amount becomes a right-aligned row of a byte matrix (digits from the right, then the
separators, the sign and the prefix); the bytes in front of each row's text are dropped in one
step and the rest is the string array's data, with the row lengths as its offsets.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

_MACHTEN = 10 ** np.arange(1, 19, dtype=np.int64)  # 10, 100, …, 10**18
_NUL = ord("0")


def _teksten(
    cent: np.ndarray, komma: bytes, duizend: bytes, voor: bytes
) -> tuple[np.ndarray, np.ndarray]:
    """(matrix, lengths): row i's text is the last lengths[i] bytes of matrix row i.

    The matrix is filled column by column in column-major order (each column is then one
    contiguous run of bytes) and made row-major once at the end."""
    cent = np.asarray(cent, dtype=np.int64)
    n = len(cent)
    negatief = cent < 0
    absoluut = np.abs(cent)
    euro = absoluut // 100
    cijfers = np.ones(n, dtype=np.int64)  # digits of the euros
    grootste = int(euro.max()) if n else 0
    for macht in _MACHTEN[_MACHTEN <= grootste].tolist():
        cijfers += euro >= macht
    groepen = (cijfers - 1) // 3 if duizend else np.zeros(n, dtype=np.int64)
    lengte = len(voor) + negatief + cijfers + len(duizend) * groepen + len(komma) + 2
    breedte = int(lengte.max()) if n else 0
    m = np.empty((breedte, n), dtype=np.uint8)  # column-major: m[k] is column k
    if not n:
        return m.T, lengte
    rest = absoluut - euro * 100
    tiental = rest // 10
    m[breedte - 1] = rest - tiental * 10 + _NUL
    m[breedte - 2] = tiental + _NUL
    kolom = breedte - 3
    for b in reversed(komma):
        m[kolom] = b
        kolom -= 1
    q = euro
    hoogste = int(cijfers.max())
    for i in range(hoogste):  # digit i of the euros (0 = units), thousands separators between
        if duizend and i and i % 3 == 0:
            for b in reversed(duizend):
                m[kolom] = b
                kolom -= 1
        volgende = q // 10
        m[kolom] = q - volgende * 10 + _NUL
        q = volgende
        kolom -= 1
    rijen = np.ascontiguousarray(m.T)
    # the sign and the prefix in front of each row's digits (earlier columns are junk), by
    # flat position: row i, column begin[i] + k
    plat = rijen.reshape(-1)
    begin = np.arange(n, dtype=np.int64) * breedte + (breedte - lengte)
    plat[begin[negatief] + len(voor)] = ord("-")
    for k, b in enumerate(voor):
        plat[begin + k] = b
    return rijen, lengte


def _als_array(m: np.ndarray, lengte: np.ndarray, geldig: np.ndarray | None) -> pa.Array:
    n, breedte = m.shape
    if geldig is not None:
        lengte = np.where(geldig, lengte, 0)
    houd = np.arange(breedte)[None, :] >= (breedte - lengte)[:, None]
    data = m[houd]
    groot = len(data) >= 2**31  # int32 offsets as long as they fit (no cast afterwards)
    offsets = np.zeros(n + 1, dtype=np.int64 if groot else np.int32)
    np.cumsum(lengte, out=offsets[1:])
    masker = None if geldig is None else pa.py_buffer(np.packbits(geldig, bitorder="little"))
    nullen = 0 if geldig is None else int(n - np.count_nonzero(geldig))
    return pa.Array.from_buffers(
        pa.large_string() if groot else pa.string(),
        n,
        [masker, pa.py_buffer(offsets), pa.py_buffer(data)],
        null_count=nullen,
    )


def dutch(cent: np.ndarray, geldig: np.ndarray | None = None) -> pa.Array:
    """'€ 1.234,56' per amount (as :func:`opmaak.bedrag`); null where not ``geldig``."""
    m, lengte = _teksten(cent, b",", b".", "€\u00a0".encode())
    return _als_array(m, lengte, geldig)
