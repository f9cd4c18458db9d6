"""Amounts as CSV text, fast: most amounts of a result row lie within ± € 5.000,00, and for
those the text is taken from one table made once, instead of formatted cell by cell.

Arrow's CSV writer formats a decimal column through a text per value (~60 ns a cell on the
development machine); a dictionary column of texts it only copies (~13 ns). The table holds
the text of every amount from − € 5.000,00 to € 5.000,00 in cents (1 000 001 texts, ~11 MB),
exactly as the writer's own cast writes it, so a cell reads exactly as before: tests compare
the table and the bytes. A column with any amount outside that range keeps the writer's own
way.
"""

from __future__ import annotations

import threading

import numpy as np
import pyarrow as pa

BEREIK = 500_000  # cents: the table covers −BEREIK … BEREIK
BEDRAG = pa.decimal64(18, 2)
_slot = threading.Lock()
_tabel: pa.Array | None = None


def maak() -> pa.Array:
    """The text of every amount in cents from −BEREIK to BEREIK (made once, ~25 ms; the
    cohort run makes it on a side thread for a file from cohort.GROOT on)."""
    global _tabel
    with _slot:
        if _tabel is None:
            _tabel = tabel(BEREIK)
        return _tabel


def tabel(bereik: int) -> pa.Array:
    """The texts of −bereik … bereik cents as Arrow's cast of a decimal(18, 2) to text writes
    them ('-5000.00', '-0.01', '0.00', '12.34'), built with numpy: the texts of the amounts
    with the same number of euro digits all have the same width, so they are rows of one byte
    matrix (the euro digits, '.', the cents), and the negative amounts are the same rows,
    from the largest down, with '-' in front. Each group is written straight into the
    table's buffers (Arrow's own cast costs ~120 ms and this ~25 ms; a test compares every
    text with Arrow's)."""
    groepen = _positief(bereik)
    # (rows, width) of each part of the table, in order: the negative groups from the
    # largest amounts down (0.00 has no negative), then the positive groups
    delen = [(g[::-1] if i else g[:0:-1], True) for i, g in reversed(list(enumerate(groepen)))]
    delen += [(g, False) for g in groepen]
    n = sum(len(g) for g, _ in delen)
    offsets = np.empty(n + 1, dtype=np.int32)
    data = np.empty(sum(len(g) * (g.shape[1] + teken) for g, teken in delen), dtype=np.uint8)
    rij = byte = 0
    offsets[0] = 0
    for g, teken in delen:
        breedte = g.shape[1] + teken
        doel = data[byte : byte + len(g) * breedte].reshape(len(g), breedte)
        if teken:
            doel[:, 0] = ord("-")
        doel[:, teken:] = g
        offsets[rij + 1 : rij + 1 + len(g)] = byte + breedte * np.arange(1, len(g) + 1)
        rij, byte = rij + len(g), byte + len(g) * breedte
    return pa.Array.from_buffers(pa.string(), n, [None, pa.py_buffer(offsets), pa.py_buffer(data)])


def _positief(bereik: int) -> list[np.ndarray]:
    """The texts of 0 … bereik cents, in order: per number of euro digits d one (rows, d + 3)
    byte matrix."""
    cent = np.arange(100)
    centen = np.stack([cent // 10, cent % 10], axis=1).astype(np.uint8) + ord("0")
    groepen = []
    laag, cijfers, hoogste = 0, 1, bereik // 100
    while laag <= hoogste:
        hoog = min(10**cijfers - 1, hoogste)
        euro = np.arange(laag, hoog + 1)
        m = np.empty((len(euro), 100, cijfers + 3), dtype=np.uint8)
        for k in range(cijfers):  # digit k of the euros, from the right
            m[:, :, cijfers - 1 - k] = (euro // 10**k % 10 + ord("0"))[:, None]
        m[:, :, cijfers] = ord(".")
        m[:, :, cijfers + 1 :] = centen[None, :, :]
        groepen.append(m.reshape(-1, cijfers + 3))
        laag, cijfers = hoog + 1, cijfers + 1
    # the last group runs to hoogste.99: cut it at bereik
    teveel = sum(len(g) for g in groepen) - (bereik + 1)
    groepen[-1] = groepen[-1][: len(groepen[-1]) - teveel]
    return groepen


def als_tekst(kolom: pa.Array, tabel: pa.Array) -> pa.Array:
    """A decimal64(18, 2) column as a dictionary of texts when every amount in it lies within
    the table; otherwise the column itself. An empty cell (null) stays empty."""
    return _als_tekst([kolom], tabel)[0]


def _als_tekst(kolommen: list[pa.Array], tabel: pa.Array) -> list[pa.Array]:
    """:func:`als_tekst` for columns of equal length: the indexes of all of them in one int32
    matrix, each row written straight from its column's cents (no int64 temporaries: a
    worker's freed blocks stay with it, and the peak of a million rows is near 500 MB)."""
    n = len(kolommen[0])
    index = np.empty((len(kolommen), n), dtype=np.int32)
    uit = []
    for rij, kolom in zip(index, kolommen, strict=True):
        if n == 0 or kolom.null_count == n:
            uit.append(kolom)
            continue
        cent = np.frombuffer(kolom.buffers()[1], dtype=np.int64, count=n, offset=kolom.offset * 8)
        masker = None
        if kolom.null_count:  # a null cell's value is undefined: place 0, null in the index
            geldig = kolom.is_valid().to_numpy(zero_copy_only=False)
            cent = np.where(geldig, cent, 0)
            masker = pa.py_buffer(np.packbits(geldig, bitorder="little"))
        if cent.min() < -BEREIK or cent.max() > BEREIK:  # outside the table
            uit.append(kolom)
            continue
        np.add(cent, BEREIK, out=rij, casting="unsafe")  # within 0 … 2 × BEREIK: fits
        uit.append(
            pa.DictionaryArray.from_arrays(
                pa.Array.from_buffers(pa.int32(), n, [masker, pa.py_buffer(rij)]),
                tabel,
                safe=False,  # every index lies within the table: tested above
            )
        )
    return uit


def voor_csv(t: pa.Table) -> pa.Table:
    """The table with each decimal64(18, 2) column as :func:`als_tekst` makes it, once the
    table of texts is made (:func:`maak`); before that, the table itself (same bytes)."""
    tabel = _tabel
    if tabel is None or t.num_rows == 0:
        return t
    # 8 bytes a value: the cents themselves (cohort.decimalen)
    plaatsen = [i for i, veld in enumerate(t.schema) if veld.type == BEDRAG]
    if not plaatsen:
        return t
    kolommen = list(t.columns)
    for i, kolom in zip(
        plaatsen, _als_tekst([kolommen[i].combine_chunks() for i in plaatsen], tabel), strict=True
    ):
        kolommen[i] = kolom
    return pa.table(kolommen, names=t.column_names)
