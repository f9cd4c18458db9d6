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


def _omring(
    m: np.ndarray, lengte: np.ndarray, voor: bytes, na: bytes
) -> tuple[np.ndarray, np.ndarray]:
    """The texts of :func:`_teksten` with ``voor`` in front and ``na`` after each: a wider
    matrix, row-major. ``na`` sits in the same columns for every row; ``voor`` right before
    the text, so its place depends on the text's length, and those lengths are few (one
    step per length)."""
    n, breedte = m.shape
    uit = np.empty((n, len(voor) + breedte + len(na)), dtype=np.uint8)
    uit[:, len(voor) : len(voor) + breedte] = m
    if na:
        uit[:, len(voor) + breedte :] = np.frombuffer(na, dtype=np.uint8)
    if voor and n:
        for lang in range(int(lengte.min()), int(lengte.max()) + 1):
            rijen = lengte == lang
            if rijen.any():
                uit[rijen, breedte - lang : breedte - lang + len(voor)] = np.frombuffer(
                    voor, dtype=np.uint8
                )
    return uit, lengte + (len(voor) + len(na))


def _als_array(m: np.ndarray, lengte: np.ndarray, n: int, rijen: np.ndarray | None) -> pa.Array:
    """The string array of n texts: row k of ``m`` (its last lengte[k] bytes) is text
    rijen[k]; the other texts are null and take no bytes (all n rows of m when ``rijen`` is
    None)."""
    breedte = m.shape[1]
    houd = np.arange(breedte)[None, :] >= (breedte - lengte)[:, None]
    data = m[houd]
    if rijen is not None:
        volledig = np.zeros(n, dtype=lengte.dtype)
        volledig[rijen] = lengte
        lengte = volledig
    groot = len(data) >= 2**31  # int32 offsets as long as they fit (no cast afterwards)
    offsets = np.zeros(n + 1, dtype=np.int64 if groot else np.int32)
    np.cumsum(lengte, out=offsets[1:])
    if rijen is None:
        masker, nullen = None, 0
    else:
        geldig = np.zeros(n, dtype=bool)
        geldig[rijen] = True
        masker, nullen = pa.py_buffer(np.packbits(geldig, bitorder="little")), n - len(rijen)
    return pa.Array.from_buffers(
        pa.large_string() if groot else pa.string(),
        n,
        [masker, pa.py_buffer(offsets), pa.py_buffer(data)],
        null_count=nullen,
    )


def dutch(
    cent: np.ndarray, geldig: np.ndarray | None = None, voor: str = "", na: str = ""
) -> pa.Array:
    """'€ 1.234,56' per amount (as :func:`opmaak.bedrag`), with ``voor`` in front of it and
    ``na`` after it; null where not ``geldig``. Only the valid amounts are formatted (in a
    werklijst a flag such as a net loss is set for some of the rows)."""
    cent = np.asarray(cent, dtype=np.int64)
    rijen = None if geldig is None else np.flatnonzero(geldig)
    m, lengte = _teksten(cent if rijen is None else cent[rijen], b",", b".", "€\u00a0".encode())
    if voor or na:
        m, lengte = _omring(m, lengte, voor.encode(), na.encode())
    return _als_array(m, lengte, len(cent), rijen)
