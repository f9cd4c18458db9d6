"""Amounts as CSV text, fast: most amounts of a result row lie within ± € 5.000,00, and for
those the text is taken from one table made once, instead of formatted cell by cell.

Arrow's CSV writer formats a decimal column through a text per value (~60 ns a cell on the
development machine); taking the texts from the table costs ~10 ns a cell (:func:`tabel`),
and a column of plain texts the writer only copies (~18 ns). The table holds the text of
every amount from − € 5.000,00 to € 5.000,00 in cents (1 000 001 texts, 16 MB), exactly as
the writer's own cast writes it, so a cell reads exactly as before: tests compare the table
and the bytes. A column with any amount outside that range keeps the writer's own way.
"""

from __future__ import annotations

import threading

import numpy as np
import pyarrow as pa

BEREIK = 500_000  # cents: the table covers −BEREIK … BEREIK
BEDRAG = pa.decimal64(18, 2)
_slot = threading.Lock()
_tabel: np.ndarray | None = None
VIEW = np.dtype("V16")  # one Arrow string view: the length (int32), then the text inline


def maak() -> np.ndarray:
    """The text of every amount in cents from −BEREIK to BEREIK as Arrow string views (see
    :func:`tabel`; made once, ~15 ms; the cohort run makes it on a side thread for a file
    from cohort.GROOT on)."""
    global _tabel
    with _slot:
        if _tabel is None:
            _tabel = tabel(BEREIK).view(VIEW).reshape(-1)
        return _tabel


def tabel(bereik: int) -> np.ndarray:
    """The texts of −bereik … bereik cents as Arrow's cast of a decimal(18, 2) to text writes
    them ('-5000.00', '-0.01', '0.00', '12.34'), as Arrow string views: row i, for amount
    i − bereik, is 16 bytes, the text's length (int32, little-endian) and the text itself
    (at most 8 bytes, so always inline), the rest zero (:func:`teksten` makes them Arrow
    texts; a test compares every one with Arrow's own cast).

    Built with numpy: the texts of the amounts with the same number of euro digits all have
    the same width, so per number of digits the rows are filled as one block (euro digits,
    '.', the cents), and a negative amount is its positive row with '-' in front.

    Views, not a string array: picking a view is one 16-byte copy from one place, where a
    string array's ``take`` reads the offsets and the text in two places of a table of
    ~15 MB (measured ~4 ns against ~30 ns a value; turning the views into texts ~5 ns)."""
    hoogste = bereik // 100
    n = 2 * bereik + 1
    rijen = np.zeros((n + 100, 16), dtype=np.uint8)  # room for the last run of 100 cents
    positief = rijen[bereik:]  # row k: k cents
    cent = np.arange(100)
    centen = np.stack([cent // 10, cent % 10], axis=1).astype(np.uint8) + ord("0")
    laag, cijfers = 0, 1
    while laag <= hoogste:
        hoog = min(10**cijfers - 1, hoogste)
        euro = np.arange(laag, hoog + 1)
        blok = positief[laag * 100 : (hoog + 1) * 100].reshape(len(euro), 100, 16)
        blok[:, :, 0] = cijfers + 3  # the length
        for k in range(cijfers):  # digit k of the euros, from the right
            blok[:, :, 4 + cijfers - 1 - k] = (euro // 10**k % 10 + ord("0"))[:, None]
        blok[:, :, 4 + cijfers] = ord(".")
        blok[:, :, 5 + cijfers : 7 + cijfers] = centen[None, :, :]
        laag, cijfers = hoog + 1, cijfers + 1
    # −bereik … −0,01: the rows of bereik … 1 cents, one longer, with '-' in front
    spiegel = positief[bereik:0:-1]
    negatief = rijen[:bereik]
    negatief[:, 0] = spiegel[:, 0] + 1
    negatief[:, 4] = ord("-")
    negatief[:, 5:] = spiegel[:, 4:15]
    return rijen[:n]


def teksten(views: np.ndarray, masker: pa.Buffer | None = None) -> pa.Array:
    """Arrow string views (16 bytes each, every text inline) as a string array; null where
    ``masker`` (a validity bitmap) says so."""
    views = np.ascontiguousarray(views)
    n = views.size if views.dtype == VIEW else len(views)
    return pa.Array.from_buffers(pa.string_view(), n, [masker, pa.py_buffer(views)]).cast(
        pa.string()
    )


RIJEN = 4_096  # rows whose amount texts are taken from the table at once (bounded memory)


def schrijf(t: pa.Table, doel, opties) -> None:
    """Write the table as CSV (``pyarrow.csv.write_csv`` with ``opties``) into ``doel``, with
    the same bytes as Arrow's own writer: each decimal64(18, 2) column whose amounts all lie
    within the table (:func:`maak`) as plain texts taken from it, RIJEN rows at a time, all
    such columns in one ``take``. Before the table is made, Arrow's writer as it is.

    Plain texts, not a dictionary column: Arrow's writer turns a dictionary into texts again
    for every batch of rows, and takes ~2,5× as long (measured on 18 000 rows of 63 columns:
    49 ms against 18 ms for writing plain texts)."""
    import pyarrow.csv as pacsv

    tabel = _tabel
    plaatsen = [i for i, veld in enumerate(t.schema) if veld.type == BEDRAG]
    if tabel is None or not plaatsen or t.num_rows == 0:
        pacsv.write_csv(t, doel, opties)
        return
    kolommen = [t.column(i).combine_chunks() for i in plaatsen]
    binnen = [_binnen(k) for k in kolommen]
    plaatsen = [p for p, b in zip(plaatsen, binnen, strict=True) if b is not None]
    binnen = [b for b in binnen if b is not None]
    if not plaatsen:
        pacsv.write_csv(t, doel, opties)
        return
    n = t.num_rows
    blok = np.empty((len(plaatsen), min(RIJEN, n)), dtype=np.int32)  # reused for each slice
    for begin in range(0, n, RIJEN):
        deel = t.slice(begin, RIJEN)
        m = deel.num_rows
        if m < blok.shape[1]:
            blok = np.empty((len(plaatsen), m), dtype=np.int32)
        geldig = []
        for rij, (cent, g) in zip(blok, binnen, strict=True):
            # the place in the table: cent + BEREIK (within 0 … 2 × BEREIK: fits in int32)
            np.add(cent[begin : begin + m], BEREIK, out=rij, casting="unsafe")
            if g is not None:  # a null cell's value is undefined: place 0, and empty
                rij[~g[begin : begin + m]] = 0
            geldig.append(g[begin : begin + m] if g is not None else None)
        masker = None
        if any(g is not None for g in geldig):
            alle = np.ones(blok.shape, dtype=bool)
            for j, g in enumerate(geldig):
                if g is not None:
                    alle[j] = g
            masker = pa.py_buffer(np.packbits(alle, bitorder="little"))
        tekst = teksten(np.take(tabel, blok.reshape(-1)), masker)
        nieuw = list(deel.columns)
        for j, plaats in enumerate(plaatsen):
            nieuw[plaats] = tekst.slice(j * m, m)
        pacsv.write_csv(pa.table(nieuw, names=t.column_names), doel, opties)


def _binnen(kolom: pa.Array) -> tuple[np.ndarray, np.ndarray | None] | None:
    """A decimal64(18, 2) column's cents and which of its cells are not empty (None: all of
    them), when every amount in it lies within the table; else None (and for a column
    without any amount, which stays itself)."""
    n = len(kolom)
    if kolom.null_count == n:
        return None
    cent = np.frombuffer(kolom.buffers()[1], dtype=np.int64, count=n, offset=kolom.offset * 8)
    geldig = None
    if kolom.null_count:  # a null cell's value is undefined: not looked at
        geldig = kolom.is_valid().to_numpy(zero_copy_only=False)
        gevuld = cent[geldig]
    else:
        gevuld = cent
    if gevuld.min() < -BEREIK or gevuld.max() > BEREIK:  # outside the table
        return None
    return cent, geldig
