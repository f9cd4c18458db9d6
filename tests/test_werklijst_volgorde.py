"""The werklijst order: most severe class first (ERNST), within a class the largest net loss,
the largest extra cost for the employer, the largest rise in gross income first; ties in the
order of the input file. The cohort sorts each batch on a worker and the whole list at the
end (overzicht.sorteersleutel, overzicht._volgorde); this checks that against a plain sort
written out here."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from wajong_conversie import overzicht

_RIJ = st.tuples(
    st.integers(0, 2),  # class: 0 net loss, 1 employer pays more, 2 gross rise
    st.integers(-3, 3),  # netto (cents): few values, so there are ties
    st.integers(-3, 3),  # bruto
    st.integers(-3, 3),  # werkgever
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_RIJ, max_size=12), min_size=1, max_size=6))
def test_werklijst_volgorde_zoals_met_de_hand(partijen):
    wl = overzicht.Werklijst()
    alle, positie = [], 0
    for partij in partijen:
        ernst = np.array([r[0] for r in partij], dtype=np.int8)
        netto, bruto, kosten = (np.array([r[k] for r in partij], dtype=np.int64) for k in (1, 2, 3))
        sleutel = overzicht.sorteersleutel(ernst, netto, bruto, kosten)
        volgorde = np.argsort(sleutel, kind="stable")  # as cohort.werklijst_deel
        nummer = np.arange(positie, positie + len(partij))
        wl.voeg_toe(pa.table({"sleutel": sleutel[volgorde], "nr": nummer[volgorde]}), len(partij))
        alle += [(r, positie + i) for i, r in enumerate(partij)]
        positie += len(partij)

    def hand(item):
        (klasse, netto, bruto, kosten), nr = item
        bedrag = netto if klasse == 0 else (-kosten if klasse == 1 else -bruto)
        return (klasse, bedrag, nr)  # a loss: most negative first; a cost or rise: largest

    verwacht = [nr for _, nr in sorted(alle, key=hand)]
    klaar = wl.alle()
    if not alle:
        assert klaar is None
        return
    tabel, volgorde = klaar
    assert tabel.column("nr").take(volgorde).to_pylist() == verwacht
