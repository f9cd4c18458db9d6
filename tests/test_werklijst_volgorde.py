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


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_RIJ, max_size=12), min_size=1, max_size=6),
    st.integers(1, 5),
)
def test_eerste_rijen_zoals_met_de_hand(partijen, maximum):
    """The first WERKLIJST_MAX rows (report, xlsx) are the first of the whole sorted list,
    though each batch keeps only its own first WERKLIJST_MAX (small here, so that matters)."""
    oud = overzicht.WERKLIJST_MAX
    overzicht.WERKLIJST_MAX = maximum
    try:
        wl = overzicht.Werklijst()
        alle, positie = [], 0
        for partij in partijen:
            ernst = np.array([r[0] for r in partij], dtype=np.int8)
            netto, bruto, kosten = (
                np.array([r[k] for r in partij], dtype=np.int64) for k in (1, 2, 3)
            )
            sleutel = overzicht.sorteersleutel(ernst, netto, bruto, kosten)
            volgorde = np.argsort(sleutel, kind="stable")
            nummer = np.arange(positie, positie + len(partij))
            tabel = pa.table({"sleutel": sleutel[volgorde], "nr": nummer[volgorde]})
            wl.voeg_toe(tabel, len(partij))
            alle += [(r, positie + i) for i, r in enumerate(partij)]
            positie += len(partij)
        rijen = wl.rijen()
    finally:
        overzicht.WERKLIJST_MAX = oud

    def hand(item):
        (klasse, netto, bruto, kosten), nr = item
        bedrag = netto if klasse == 0 else (-kosten if klasse == 1 else -bruto)
        return (klasse, bedrag, nr)

    verwacht = [nr for _, nr in sorted(alle, key=hand)][:maximum]
    if not alle:
        assert rijen is None
        return
    assert rijen.column("nr").to_pylist() == verwacht


def test_werkgever_van_de_rij():
    """Per row of the werklijst its employer's id and name: none for a row without one (code
    None or −1) or a code outside the list; an employer without a name has ''."""
    ids, namen = overzicht._werkgevers_van(
        [0, -1, None, 5, 1], pa.array(["E1", "E2"]), pa.array(["Bakkerij De Brug", ""])
    )
    assert ids == ["E1", None, None, None, "E2"]
    assert namen == ["Bakkerij De Brug", None, None, None, ""]
    assert overzicht._werkgevers_van([0, 1], None, None) == ([None, None], [None, None])


@given(st.integers(0, 400_000))
def test_werklijst_stukken_dekken_alles(n):
    """The pieces of werklijst.csv cover rows 0 … n−1 once, in order, none above
    WERKLIJST_STUK rows; from 8 192 rows an even number (two threads), of (nearly) equal size."""
    stukken = overzicht._stukken(n)
    begin = 0
    for b, g in stukken:
        assert b == begin
        begin += g
    assert sum(g for _, g in stukken) == n
    assert all(0 < g <= overzicht.WERKLIJST_STUK for _, g in stukken)
    if n >= 8_192:
        assert len(stukken) % 2 == 0
        groottes = [g for _, g in stukken]
        assert max(groottes) - min(groottes) <= len(stukken)


def test_werklijst_stukken_met_de_hand():
    assert overzicht._stukken(0) == []
    assert overzicht._stukken(5) == [(0, 5)]
    assert overzicht._stukken(81_000) == [(0, 40_500), (40_500, 40_500)]
    assert overzicht._stukken(140_000) == [
        (0, 35_000),
        (35_000, 35_000),
        (70_000, 35_000),
        (105_000, 35_000),
    ]
