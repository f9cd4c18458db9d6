"""Amounts in resultaten.csv come from one table of texts when they lie within ± € 5.000,00
(bedragtekst_csv): the bytes must be exactly those of Arrow's own decimal formatting, for
every amount, empty cell and column that falls outside the table."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
from hypothesis import given, settings
from hypothesis import strategies as st

from wajong_conversie import bedragtekst_csv
from wajong_conversie.cohort import decimalen

B = bedragtekst_csv.BEREIK
bedragtekst_csv.maak()
RANDEN = [0, 1, -1, 5, -5, 99, -99, 100, -100, 101, -101, B, -B, B - 1, -B + 1, 123_456]
BUITEN = [B + 1, -B - 1, 10**15, -(10**15)]


OPTIES = pacsv.WriteOptions(include_header=False, quoting_style="none")


def csv(t: pa.Table) -> bytes:
    """Arrow's own writer."""
    buffer = pa.BufferOutputStream()
    pacsv.write_csv(t, buffer, OPTIES)
    return buffer.getvalue().to_pybytes()


def met_tabel(t: pa.Table) -> bytes:
    """The cohort's writer: amounts from the table of texts."""
    buffer = pa.BufferOutputStream()
    bedragtekst_csv.schrijf(t, buffer, OPTIES)
    return buffer.getvalue().to_pybytes()


kolom = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(RANDEN + BUITEN), st.integers(-B, B)),
        st.booleans(),  # known, or an empty cell
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(kolom, min_size=1, max_size=4).filter(lambda k: len({len(c) for c in k}) == 1),
    st.sampled_from([3, 7, bedragtekst_csv.RIJEN]),  # rows taken at once: several slices
)
def test_tabel_geeft_dezelfde_bytes_als_arrow(kolommen, rijen):
    t = pa.table(
        {
            f"k{j}": decimalen(
                np.array([c for c, _ in k], dtype=np.int64), np.array([b for _, b in k])
            )
            for j, k in enumerate(kolommen)
        }
    )
    oud = bedragtekst_csv.RIJEN
    bedragtekst_csv.RIJEN = rijen
    try:
        assert met_tabel(t) == csv(t)
        # a slice of the table (its columns start at an offset in their buffers)
        assert met_tabel(t.slice(1)) == csv(t.slice(1))
    finally:
        bedragtekst_csv.RIJEN = oud


def test_met_de_hand():
    """By hand: cents → text; a column with one amount outside the table keeps its own way."""
    t = pa.table(
        {
            "a": decimalen(np.array([0, -5, 12345, -500000, 500000], dtype=np.int64)),
            "b": decimalen(
                np.array([7, 0, 500001, 1, 2], dtype=np.int64),
                np.array([True, False, True, True, True]),
            ),
        }
    )
    a, b = (bedragtekst_csv._binnen(t.column(k).chunk(0)) for k in ("a", "b"))
    assert a[0].tolist() == [0, -5, 12345, -500000, 500000] and a[1] is None
    assert b is None  # 5.000,01 is outside the table: b keeps Arrow's own way
    assert met_tabel(t) == (b"0.00,0.07\n-0.05,\n123.45,5000.01\n-5000.00,0.01\n5000.00,0.02\n")


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 120_000))
def test_tabel_is_arrows_eigen_opmaak(bereik):
    """The table of texts (built with numpy) holds, for every amount from −bereik to bereik
    cents, the text Arrow's own cast of a decimal(18, 2) gives: every digit count, the cut
    inside a run of euros, and 0 without a minus sign."""
    cent = np.arange(-bereik, bereik + 1, dtype=np.int64)
    arrow = pa.Array.from_buffers(pa.decimal64(18, 2), len(cent), [None, pa.py_buffer(cent)]).cast(
        pa.string()
    )
    assert bedragtekst_csv.teksten(bedragtekst_csv.tabel(bereik)).equals(arrow)


def test_hele_tabel_en_randen():
    tabel = bedragtekst_csv.teksten(bedragtekst_csv.maak())
    cent = np.arange(-B, B + 1, dtype=np.int64)
    arrow = pa.Array.from_buffers(pa.decimal64(18, 2), len(cent), [None, pa.py_buffer(cent)]).cast(
        pa.string()
    )
    assert tabel.equals(arrow)
    # written out by hand
    assert [tabel[B + c].as_py() for c in (-B, -100, -1, 0, 1, 99, 100, 12345, B)] == [
        "-5000.00",
        "-1.00",
        "-0.01",
        "0.00",
        "0.01",
        "0.99",
        "1.00",
        "123.45",
        "5000.00",
    ]
