"""Amounts as CSV text, fast: most amounts of a result row lie within ± € 5.000,00, and for
those the text is taken from one table made once, instead of formatted cell by cell.

Arrow's CSV writer formats a decimal column through a text per value (~60 ns a cell on the
development machine); a dictionary column of texts it only copies (~13 ns). The table holds
the text of every amount from − € 5.000,00 to € 5.000,00 in cents (1 000 001 texts, ~11 MB),
made by the same cast as the writer's own, so a cell reads exactly as before: a test compares
the bytes. A column with any amount outside that range keeps the writer's own way.
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
    """The text of every amount in cents from −BEREIK to BEREIK (made once, ~50 ms: the
    cohort run makes it on a side thread for a large file only)."""
    global _tabel
    with _slot:
        if _tabel is None:
            cent = np.arange(-BEREIK, BEREIK + 1, dtype=np.int64)
            waarden = pa.Array.from_buffers(BEDRAG, len(cent), [None, pa.py_buffer(cent)])
            _tabel = waarden.cast(pa.string())
        return _tabel


def als_tekst(kolom: pa.Array, tabel: pa.Array) -> pa.Array:
    """A decimal64(18, 2) column as a dictionary of texts when every amount in it lies within
    the table; otherwise the column itself. An empty cell (null) stays empty."""
    if len(kolom) == 0 or kolom.null_count == len(kolom):
        return kolom
    cent = np.frombuffer(kolom.buffers()[1], dtype=np.int64)[
        kolom.offset : kolom.offset + len(kolom)
    ]
    # the place in the table: cent + BEREIK, within 0 … 2 × BEREIK (as unsigned: one test)
    plek = cent + BEREIK
    if kolom.null_count:  # null cells (any value): place 0, and null in the index
        geldig = kolom.is_valid().to_numpy(zero_copy_only=False)
        plek = np.where(geldig, plek, 0)
        masker = pa.py_buffer(np.packbits(geldig, bitorder="little"))
    else:
        masker = None
    if plek.view(np.uint64).max() > 2 * BEREIK:
        return kolom
    index = pa.Array.from_buffers(
        pa.int32(), len(plek), [masker, pa.py_buffer(plek.astype(np.int32))]
    )
    return pa.DictionaryArray.from_arrays(index, tabel)


def voor_csv(t: pa.Table) -> pa.Table:
    """The table with each decimal64(18, 2) column as :func:`als_tekst` makes it, once the
    table of texts is made (:func:`maak`); before that, the table itself (same bytes)."""
    tabel = _tabel
    if tabel is None:
        return t
    kolommen = []
    for veld, kolom in zip(t.schema, t.columns, strict=True):
        if veld.type == BEDRAG:  # 8 bytes a value: the cents themselves (cohort.decimalen)
            kolom = als_tekst(kolom.combine_chunks(), tabel)
        kolommen.append(kolom)
    return pa.table(kolommen, names=t.column_names)
