"""Children grow older along the path over the years (issue 11).

The input keeps the children's dates of birth; their age bands are counted on each row's own
peildatum, so in year k of the path (peildatum + k years) a child of 11 may have turned 12 and a
child of 17 may have turned 18. Expected amounts are worked out by hand below from the
parameter files, never taken from the code's output.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import numpy as np
from conftest import geval, reken
from hypothesis import given, settings
from hypothesis import strategies as st

from wajong_conversie import overgang
from wajong_conversie.model import (
    GEEN_KIND,
    KIND_LEEFTIJDEN,
    datumgetal,
    kinderen_kolom,
    kinderen_per_leeftijd,
)
from wajong_conversie.scenario import Scenario
from wajong_conversie.uitvoer import pad_dict
from wajong_conversie.validatie import lees_en_controleer

# --- the age on a date: a simple reference, one child at a time ------------------------------


def leeftijd_referentie(geboren: dt.date, peil: dt.date) -> int:
    """Completed years on ``peil``: this year's birthday has come or not. A 29 February birthday
    falls on 1 March in a year without 29 February (the model's choice, see
    kindgebonden_budget.MAXIMUM)."""
    try:
        verjaardag = geboren.replace(year=peil.year)
    except ValueError:  # 29 February in a common year
        verjaardag = dt.date(peil.year, 3, 1)
    return peil.year - geboren.year - (peil < verjaardag)


def banden_referentie(geboortedata, peil: dt.date) -> list[int]:
    tellingen = [0] * len(KIND_LEEFTIJDEN)
    for geboren in geboortedata:
        jaren = leeftijd_referentie(geboren, peil)
        for j, (van, tot) in enumerate(KIND_LEEFTIJDEN):
            tellingen[j] += van <= jaren < tot
    return tellingen


def banden(geboortedata, peil: dt.date) -> list[int]:
    kolom = kinderen_kolom(1, {0: geboortedata} if geboortedata else {})
    return kinderen_per_leeftijd(kolom, np.array([peil], dtype="datetime64[D]"))[0].tolist()


def test_verjaardagen_en_29_februari():
    """Hand-picked boundaries: the birthday itself, the day before, 29 February."""
    assert banden([dt.date(2014, 3, 1)], dt.date(2026, 3, 1)) == [0, 1, 0]  # 12 today
    assert banden([dt.date(2014, 3, 1)], dt.date(2026, 2, 28)) == [1, 0, 0]  # 11 yesterday
    assert banden([dt.date(2008, 6, 30)], dt.date(2026, 6, 29)) == [0, 0, 1]  # 17
    assert banden([dt.date(2008, 6, 30)], dt.date(2026, 6, 30)) == [0, 0, 0]  # 18: out
    # born 29 February 2012: in the leap year 2024 12 on 29 February, 11 the day before
    assert banden([dt.date(2012, 2, 29)], dt.date(2024, 2, 28)) == [1, 0, 0]
    assert banden([dt.date(2012, 2, 29)], dt.date(2024, 2, 29)) == [0, 1, 0]  # leap year
    assert banden([dt.date(2010, 2, 28)], dt.date(2026, 2, 28)) == [0, 0, 1]  # 16
    # born 29 February 2008: 2026 has no 29 February: still 17 on 28 February, 18 on 1 March
    assert banden([dt.date(2008, 2, 29)], dt.date(2026, 2, 28)) == [0, 0, 1]
    assert banden([dt.date(2008, 2, 29)], dt.date(2026, 3, 1)) == [0, 0, 0]
    assert banden([], dt.date(2026, 3, 1)) == [0, 0, 0]


def test_datumgetal():
    datums = np.array(["1969-12-31", "2000-02-29", "2026-03-01"], dtype="datetime64[D]")
    assert datumgetal(datums).tolist() == [19691231, 20000229, 20260301]


def test_kolom_is_smal():
    """k is the most children of any row; nobody with children: zero width; empty places are
    GEEN_KIND."""
    assert kinderen_kolom(3, {}).shape == (3, 0)
    k = kinderen_kolom(3, {1: (dt.date(2015, 4, 1), dt.date(2018, 9, 30))})
    assert k.dtype == np.int32 and k.shape == (3, 2)
    assert k.tolist() == [[GEEN_KIND] * 2, [20150401, 20180930], [GEEN_KIND] * 2]
    # a household without children and a batch without households: no children, no error
    leeg = kinderen_per_leeftijd(kinderen_kolom(2, {}), np.full(2, np.datetime64("2026-03-01")))
    assert leeg.tolist() == [[0, 0, 0], [0, 0, 0]]


PEILDATA = st.dates(dt.date(2000, 1, 1), dt.date(2045, 12, 31))


@st.composite
def rij(draw):
    """A peildatum and up to 5 children: any date, birthdays on the peildatum (ages around the
    band limits), 29 February of a leap year, the day before and after the peildatum."""
    peil = draw(PEILDATA)

    def op_verjaardag(jaren: int) -> dt.date:
        try:
            return peil.replace(year=peil.year - jaren)
        except ValueError:
            return dt.date(peil.year - jaren, 2, 28)

    kind = st.one_of(
        st.dates(dt.date(1975, 1, 1), dt.date(2045, 12, 31)),
        st.sampled_from([11, 12, 15, 16, 17, 18, 0]).map(op_verjaardag),
        st.integers(1976, 2044).filter(lambda j: j % 4 == 0).map(lambda j: dt.date(j, 2, 29)),
        st.sampled_from([-1, 1]).map(lambda d: peil + dt.timedelta(days=d)),
    )
    return peil, draw(st.lists(kind, max_size=5))


@settings(max_examples=300, deadline=None)
@given(rijen=st.lists(rij(), min_size=1, max_size=12))
def test_banden_gelijk_aan_referentie(rijen):
    """The vectorised count over a whole batch (each row with its own peildatum) equals the
    per-child reference for every row."""
    peil = np.array([p for p, _ in rijen], dtype="datetime64[D]")
    kolom = kinderen_kolom(len(rijen), {i: k for i, (_, k) in enumerate(rijen) if k})
    uit = kinderen_per_leeftijd(kolom, peil)
    assert uit.dtype == np.int8 and uit.shape == (len(rijen), 3)
    for i, (p, kinderen) in enumerate(rijen):
        assert uit[i].tolist() == banden_referentie(kinderen, p)


# --- the path: a child turns 12, another turns 18 -------------------------------------------

# A single parent (no toeslagpartner), 12 hours a week at about the minimum wage: the
# toetsingsinkomen stays below the drempelinkomen in every year on both sides (checked below),
# so the kindgebonden budget is its maximum, with no reduction.
OUDER = geval(
    peildatum="2024-03-01",
    uren_per_week="12",
    functieloon_per_uur="14.00",
    loonwaarde="0.50",
    toeslagpartner=False,
    vermogen="0",
    # A: 11 on 1 March 2024 (her birthday), 12 on 1 March 2025 (her 12th birthday);
    # B: 16 on 1 March 2024 (17 the next day), 17 on 1 March 2025, 18 on 1 March 2026.
    kinderen="2013-03-01;2007-03-02",
)

# Parameters from wajong_conversie/parameters/kindgebonden_budget.toml (EUR per year):
#             per kind  12–15  16–17  alleenstaande-ouderkop  drempel alleen
# 2024          2.436     694    924          3.480               26.819
# 2025          2.511     703    936          3.389               28.406
# 2026          2.580     724    964          3.416               29.736
# 2027: no values yet, the path uses those of 2026 (said as an assumption).
#
# year 0, 1 March 2024: A 11 (under 12), B 16 (16–17):
#   2 × 2.436 + 924 + 3.480 = 9.276 per year; / 12 = 773,00 → € 773 per month
# year 1, 1 March 2025: A 12 (12–15: the supplement starts), B 17 (16–17):
#   2 × 2.511 + 703 + 936 + 3.389 = 10.050; / 12 = 837,50 → € 837
# year 2, 1 March 2026: A 13 (12–15), B 18 (no longer counted):
#   2.580 + 724 + 3.416 = 6.720; / 12 = 560,00 → € 560
# year 3, 1 March 2027: A 14 (12–15), B 19: 2026 values: 6.720 → € 560
# (Had the ages stayed those of 1 March 2024, year 1 would have been 2 × 2.511 + 936 + 3.389 =
# 8.858 → € 738 and year 2 2 × 2.580 + 964 + 3.416 = 9.540 → € 795.)
VERWACHT = ["773.00", "837.00", "560.00", "560.00"]
DREMPEL = [26819, 28406, 29736, 29736]


def test_pad_kinderen_worden_ouder():
    _, invoer = lees_en_controleer(OUDER)
    jaren = overgang.pad(invoer, Scenario(), 4)
    for k, jaar in enumerate(jaren):
        for kant in (jaar.resultaat.huidig, jaar.resultaat.nieuw):  # the premise of the sums
            assert int(kant["toetsingsinkomen_jaar"][0]) < DREMPEL[k] * 100
    pad = pad_dict(jaren)
    assert [j["peildatum"] for j in pad] == ["2024-03-01", "2025-03-01", "2026-03-01", "2027-03-01"]
    assert [j["kindgebonden_budget_maand"] for j in pad] == VERWACHT
    assert [j["vergelijking"]["huidig"]["kindgebonden_budget_maand"] for j in pad] == VERWACHT
    assert [j["vergelijking"]["verschil"]["kindgebonden_budget_maand"] for j in pad] == ["0.00"] * 4


def test_jaar_0_van_het_pad_is_de_gewone_berekening():
    """Year 0 is the plain calculation on the peildatum (and that is 773 by hand, above)."""
    gewoon = reken(OUDER)
    assert gewoon["nieuw"]["kindgebonden_budget_maand"] == VERWACHT[0]
    _, invoer = lees_en_controleer(OUDER)
    nul = pad_dict(overgang.pad(invoer, Scenario(), 1))[0]
    assert {k: nul[k] for k in gewoon["nieuw"]} == gewoon["nieuw"]


def test_pad_via_opdrachtregel_en_api(tmp_path):
    """`bereken --jaren 4 --json` and the JSON API give the same path (one rule everywhere)."""
    bestand = tmp_path / "ouder.json"
    bestand.write_text(json.dumps(OUDER))
    r = subprocess.run(
        [str(Path(sys.executable).parent / "wajong-conversie"), "bereken", str(bestand),
         "--jaren", "4", "--json"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    pad = json.loads(r.stdout)["pad"]
    assert [j["kindgebonden_budget_maand"] for j in pad] == VERWACHT

    from wajong_conversie.web import maak_app

    client = maak_app().test_client()
    r = client.post("/api/bereken", json={"case": OUDER, "jaren": 4})
    assert r.status_code == 200
    assert [j["kindgebonden_budget_maand"] for j in r.get_json()["pad"]] == VERWACHT


def test_besteedbaar_volgt_de_kinderen():
    """In the path the besteedbaar inkomen still adds up: net + zorgtoeslag + kindgebonden
    budget, in every year."""
    _, invoer = lees_en_controleer(OUDER)
    for j in pad_dict(overgang.pad(invoer, Scenario(), 4)):
        som = sum(
            Decimal(j[k]) for k in ("netto_maand", "zorgtoeslag_maand", "kindgebonden_budget_maand")
        )
        assert Decimal(j["besteedbaar_maand"]) == som


def test_cohort_gelijk_aan_los_geval(tmp_path):
    """A cohort whose rows have 0 to 3 children (so k = 3 in the batch) gives every row the
    kindgebonden budget of the same case computed alone; with --jaren the path runs on it."""
    import csv

    rijen = {
        "K0": {**OUDER, "kinderen": ""},
        "K1": {**OUDER, "kinderen": "2007-03-02"},
        "K2": OUDER,
        "K3": {**OUDER, "kinderen": "2013-03-01;2007-03-02;2020-12-31"},
    }
    velden = ["id", *OUDER]
    invoer = tmp_path / "c.csv"
    with invoer.open("w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=velden)
        w.writeheader()
        for id_, rij in rijen.items():
            w.writerow({"id": id_, **{k: str(v).lower() if isinstance(v, bool) else v
                                      for k, v in rij.items()}})  # fmt: skip
    r = subprocess.run(
        [str(Path(sys.executable).parent / "wajong-conversie"), "cohort", str(invoer),
         "--uit", str(tmp_path / "uit"), "--geen-xlsx", "--jaren", "4"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    uit = {x["id"]: x for x in csv.DictReader((tmp_path / "uit" / "resultaten.csv").open())}
    assert set(uit) == set(rijen)
    for id_, rij in rijen.items():
        een = reken(rij)
        assert (
            uit[id_]["nieuw_kindgebonden_budget_maand"] == een["nieuw"]["kindgebonden_budget_maand"]
        )
    # by hand (2024, single parent, below the drempelinkomen): K1 only B (16): 2.436 + 924 +
    # 3.480 = 6.840 / 12 = € 570; K3 adds a child of 3 to K2: 9.276 + 2.436 = 11.712 → € 976
    assert uit["K0"]["nieuw_kindgebonden_budget_maand"] == "0.00"
    assert uit["K1"]["nieuw_kindgebonden_budget_maand"] == "570.00"
    assert uit["K2"]["nieuw_kindgebonden_budget_maand"] == VERWACHT[0]
    assert uit["K3"]["nieuw_kindgebonden_budget_maand"] == "976.00"


# --- the cohort's vectorised reading of the kinderen column ----------------------------------

_DEEL = st.one_of(
    st.dates(dt.date(1900, 1, 1), dt.date(2100, 12, 31)).map(dt.date.isoformat),
    st.sampled_from(["2015-02-29", "2016-02-29", "2015-04-31", "2015-13-01", "2015-00-10",
                     "2015-01-00", " 2015-04-01", "2015-04-01 ", "2015-4-1", "", "x",
                     "2015-04-01T00:00", "٢٠١٥-٠٤-٠١", "2015‐04‐01", "0000-01-01",
                     "0001-01-01", "9999-12-31", "2100-02-29", "2000-02-29"]),
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_DEEL, min_size=1, max_size=23), st.sampled_from([";", ",", "; "]))
def test_snelle_kinderenlezer_leest_wat_de_ene_lezer_leest(delen, scheiding):
    """The cohort reads plain kinderen cells vectorised (cohortinvoer._kinderen_snel) and all
    others with validatie.lees_kinderen. One rule: where the fast path gives dates they are
    exactly the reader's; it gives dates for every plain cell; where the reader refuses, the
    fast path gives nothing (so the cell gets the reader's message)."""
    import pyarrow as pa

    from wajong_conversie.cohortinvoer import _kinderen_snel
    from wajong_conversie.model import GEEN_KIND
    from wajong_conversie.validatie import lees_kinderen

    tekst = scheiding.join(delen)
    gewoon, matrix = _kinderen_snel(pa.array([tekst]))
    # the row of the matrix holds the dates from the left, GEEN_KIND after them
    snel = tuple(int(d) for d in matrix[0] if d != GEEN_KIND) if gewoon[0] else None
    if not gewoon[0]:
        assert (matrix[0] == GEEN_KIND).all()
    try:
        verwacht = tuple(d.year * 10_000 + d.month * 100 + d.day for d in lees_kinderen(tekst))
    except ValueError:
        verwacht = None
    if snel is not None:
        assert snel == verwacht
    gewoon = (
        scheiding == ";"
        and len(delen) <= 20
        and all(len(d) == 10 and d.isascii() and verwacht is not None for d in delen)
    )
    if gewoon:
        assert snel == verwacht


def test_kinderen_in_een_cohort_met_fouten_ernaast(tmp_path):
    """Hand-checked rows through the whole cohort: a plain cell, one with spaces (the reader
    trims them), a date that does not exist, a child born after the peildatum, and children
    next to a peildatum that cannot be read (that row is refused for its peildatum only)."""
    import csv

    from conftest import draai_cohort

    basis = geval(uren_per_week="32", functieloon_per_uur="16.00", loonwaarde="0.60")
    rijen = [
        {**basis, "id": "gewoon", "kinderen": "2015-04-01;2018-09-30"},
        {**basis, "id": "spaties", "kinderen": " 2015-04-01 ; 2018-09-30 "},
        {**basis, "id": "bestaat_niet", "kinderen": "2015-02-29"},
        {**basis, "id": "na_peildatum", "kinderen": "2030-01-01"},
        {**basis, "id": "peildatum_kapot", "kinderen": "2015-04-01", "peildatum": "2026-02-30"},
    ]
    goed = draai_cohort(tmp_path, rijen)
    with (tmp_path / "uit" / "afgewezen.csv").open(newline="") as f:
        fout = {x["id"]: x for x in csv.DictReader(f)}
    assert set(goed) == {"gewoon", "spaties"}
    assert goed["gewoon"] == {**goed["spaties"], "id": "gewoon"}  # the same two children
    assert set(fout) == {"bestaat_niet", "na_peildatum", "peildatum_kapot"}
    assert fout["bestaat_niet"]["veld"] == "kinderen"
    assert "2015-02-29" in fout["bestaat_niet"]["reden"]
    assert fout["na_peildatum"]["veld"] == "kinderen"
    assert "na de peildatum" in fout["na_peildatum"]["reden"]
    assert fout["peildatum_kapot"]["veld"] == "peildatum"
