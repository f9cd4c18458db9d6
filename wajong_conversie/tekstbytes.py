"""The bytes of an Arrow text column, read straight from its buffers (no copy, no Python
string per cell), for checks that look at single ASCII bytes: in UTF-8 an ASCII character is
one byte, and no byte of a multi-byte character is ASCII."""

from __future__ import annotations

import numpy as np
import pyarrow as pa


def delen(kolom: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(offsets, data): cell i is ``data[offsets[i]:offsets[i + 1]]``; offsets has len + 1
    entries (int64), data is uint8. A null cell's bytes are undefined (often empty)."""
    n = len(kolom)
    soort = np.int64 if pa.types.is_large_string(kolom.type) else np.int32
    _, buf_plek, buf_data = kolom.buffers()
    plek = np.frombuffer(buf_plek, dtype=soort)[kolom.offset : kolom.offset + n + 1]
    if buf_data is None:
        return plek.astype(np.int64), np.zeros(0, dtype=np.uint8)
    data = np.frombuffer(buf_data, dtype=np.uint8)
    return plek.astype(np.int64), data


def leeg(kolom: pa.Array) -> np.ndarray:
    """Per cell: is it empty ("" or null)? From the offsets alone, without a call into Arrow
    (``pc.equal(kolom, "")`` converts the "" on every call: ~26 µs, ~90 µs without
    :mod:`arrowstart`)."""
    plek, _ = delen(kolom)
    uit = plek[1:] == plek[:-1]
    if kolom.null_count:
        uit |= kolom.is_null().to_numpy(zero_copy_only=False)
    return uit


def een_array(kolom: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One contiguous array: a column kept in pieces (ChunkedArray) is joined, an array is
    itself (for what reads the buffers, such as :func:`delen`)."""
    return kolom.combine_chunks() if isinstance(kolom, pa.ChunkedArray) else kolom


def tabel(tekens: str) -> np.ndarray:
    """A lookup table over the 256 byte values: True for the given ASCII characters."""
    uit = np.zeros(256, dtype=bool)
    uit[[ord(t) for t in tekens]] = True
    return uit


def bevat(kolom: pa.Array, opzoek: np.ndarray) -> bool:
    """Does any cell hold one of the bytes of ``opzoek`` (a :func:`tabel`)?"""
    if not len(kolom):
        return False
    plek, data = delen(kolom)
    stuk = data[plek[0] : plek[-1]]
    tekens = np.flatnonzero(opzoek)
    if len(tekens) <= 4:  # a comparison per byte value: ~10× faster than the table lookup
        return any(bool((stuk == t).any()) for t in tekens.tolist())
    return bool(opzoek[stuk].any())


def eerste(kolom: pa.Array) -> np.ndarray:
    """Per cell its first byte (uint8); 0 for an empty text."""
    plek, data = delen(kolom)
    begin = plek[:-1]
    if not len(data):
        return np.zeros(len(kolom), dtype=np.uint8)
    gevuld = plek[1:] > begin
    return np.where(gevuld, data[np.minimum(begin, len(data) - 1)], 0).astype(np.uint8)


def laatste(kolom: pa.Array) -> np.ndarray:
    """Per cell its last byte (uint8); 0 for an empty text."""
    plek, data = delen(kolom)
    eind = plek[1:]
    if not len(data):
        return np.zeros(len(kolom), dtype=np.uint8)
    gevuld = eind > plek[:-1]
    return np.where(gevuld, data[np.clip(eind - 1, 0, len(data) - 1)], 0).astype(np.uint8)


def randen_vrij(kolom: pa.Array, tekens: str) -> bool:
    """True when no cell can begin or end with one of ``tekens``: no cell's first byte is the
    first byte of one of them, and no cell's last byte is the last byte of one (trimming
    those characters would then change nothing). False may also mean: look closer."""
    if not len(kolom):
        return True
    voor = tabel("")
    achter = tabel("")
    for teken in tekens:
        b = teken.encode()
        voor[b[0]] = True
        achter[b[-1]] = True
    return not (voor[eerste(kolom)].any() or achter[laatste(kolom)].any())


_K1, _K2 = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xC2B2AE3D27D4EB4F)


def vingerafdruk(kolom: pa.Array, breedte: int = 16) -> np.ndarray | None:
    """A 64-bit fingerprint per cell, for a quick check that no two cells are equal: equal
    texts always get the same fingerprint; different texts almost never do (a collision only
    means: compare the texts themselves). None when a cell is longer than ``breedte`` bytes.

    Each text, padded with spaces to ``breedte`` bytes (a trimmed text ends in no space, so
    two padded texts are equal only when the texts are), is read as two 64-bit words and
    mixed into one."""
    plek, data = delen(kolom)
    n = len(kolom)
    lengte = np.diff(plek)
    if n and int(lengte.max()) > breedte:
        return None
    m = np.full((n, breedte), ord(" "), dtype=np.uint8)
    if len(data):
        begin = plek[:-1]
        for j in range(int(lengte.max()) if n else 0):
            m[:, j] = np.where(lengte > j, data[np.minimum(begin + j, len(data) - 1)], ord(" "))
    woorden = m.view(np.uint64)
    h = woorden[:, 0] * _K1
    for k in range(1, woorden.shape[1]):
        h = (h ^ (h >> np.uint64(29))) * _K2 + woorden[:, k]
    return (h ^ (h >> np.uint64(32))) * _K1
