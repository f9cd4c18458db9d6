"""bedragtekst.dutch: the same text as opmaak.bedrag (Babel), for a whole column at once."""

import numpy as np
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from wajong_conversie import bedragtekst, opmaak

RANDEN = [0, 1, -1, 99, -99, 100, -100, 99_999, 100_000, -100_000, 123_456_789, -(10**15)]


def test_randen_als_babel():
    # written out by hand from the nl_NL currency pattern '¤ #,##0.00;¤ -#,##0.00'
    verwacht = {
        0: "€\u00a00,00",
        -1: "€\u00a0-0,01",
        100_000: "€\u00a01.000,00",
        123_456_789: "€\u00a01.234.567,89",
        -(10**15): "€\u00a0-10.000.000.000.000,00",
    }
    teksten = bedragtekst.dutch(np.array(RANDEN, dtype=np.int64)).to_pylist()
    for cent, tekst in zip(RANDEN, teksten, strict=True):
        assert tekst == opmaak.bedrag(cent)
        if cent in verwacht:
            assert tekst == verwacht[cent]


@given(st.lists(st.integers(-(10**14), 10**14), min_size=1, max_size=50))
def test_gelijk_aan_opmaak_bedrag(centen):
    teksten = bedragtekst.dutch(np.array(centen, dtype=np.int64)).to_pylist()
    assert teksten == [opmaak.bedrag(c) for c in centen]


def test_null_waar_niet_geldig_en_lege_kolom():
    a = bedragtekst.dutch(np.array([5, -5, 7]), np.array([True, False, True]))
    assert a.to_pylist() == ["€\u00a00,05", None, "€\u00a00,07"]
    assert a.type == pa.string()
    assert bedragtekst.dutch(np.array([], dtype=np.int64)).to_pylist() == []


@given(
    st.lists(st.tuples(st.integers(-(10**12), 10**12), st.booleans()), max_size=40),
    st.sampled_from([("", ""), ("netto ", " per maand minder"), ("werkgever betaalt ", "")]),
)
def test_met_woorden_ervoor_en_erna(rijen, woorden):
    """With words in front and after it: per row those words around opmaak.bedrag's text,
    null where the row is not ``geldig`` (a werklijst reason: 'netto € 98,78 per maand
    minder' only where the flag is set)."""
    voor, na = woorden
    cent = np.array([r[0] for r in rijen], dtype=np.int64)
    geldig = np.array([r[1] for r in rijen], dtype=bool)
    verwacht = [f"{voor}{opmaak.bedrag(c)}{na}" if g else None for c, g in rijen]
    assert bedragtekst.dutch(cent, geldig, voor, na).to_pylist() == verwacht


def test_woorden_handmatig():
    a = bedragtekst.dutch(np.array([9878, -5, 123456]), None, "netto ", " per maand minder")
    assert a.to_pylist() == [
        "netto €\u00a098,78 per maand minder",
        "netto €\u00a0-0,05 per maand minder",
        "netto €\u00a01.234,56 per maand minder",
    ]
