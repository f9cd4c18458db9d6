"""Kindgebonden budget (issue 11).

Expected amounts are Dienst Toeslagen's own worked examples and tables (source named per test)
and hand calculations written out below; never the code's own output.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pytest
from conftest import draai_cohort, geval, reken
from hypothesis import given, settings
from hypothesis import strategies as st

from wajong_conversie import kindgebonden_budget, parameters
from wajong_conversie.model import kinderen_kolom, kinderen_per_leeftijd

HIER = Path(__file__).parent
EUR = 100

# Dienst Toeslagen, "Berekening kindgebonden budget 2026" (TG 081 - 1Z61FD), January 2026:
# https://download.belastingdienst.nl/toeslagen/docs/berekening_kindgebonden_budget_tg0811z61fd.pdf
# (listed on https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/themaoverstijgend/
# brochures_en_publicaties/berekening-kindgebonden-budget). Its figures and worked examples as
# transcribed in public allowance calculators that cite this PDF step by step; see
# wajong_conversie/parameters/kindgebonden_budget.toml.
PDF_2026 = "berekening_kindgebonden_budget_tg0811z61fd.pdf"


def kgb(datum: str, inkomen: Decimal | int, partner: bool, banden, vermogen_euro: int = 0):
    """(year amount in cents, month amount in whole euros) for one household.
    ``banden``: children (under 12, 12–15, 16–17)."""
    p = parameters.voor_datum(dt.date.fromisoformat(datum))
    centen = int(Decimal(inkomen) * 100)
    _, _, jaar = kindgebonden_budget.bereken_jaar(
        np.array([centen], dtype=np.int64),
        np.array([partner]),
        np.array([banden], dtype=np.int8),
        np.array([vermogen_euro * EUR], dtype=np.int64),
        p,
    )
    return int(jaar[0]), int(kindgebonden_budget.per_maand(jaar)[0]) // EUR


# --- Dienst Toeslagen's worked examples 2026 -------------------------------------------------


def test_voorbeeld_2026_twee_kinderen_met_partner():
    """PDF_2026, rekenvoorbeeld: partners, 2 children of 4 and 8, joint income € 45.000.
    Maximum € 5.160; (45.000 − 39.141) × 7,6 % = 5.859 × 0,076 = € 445,284 → € 445,28;
    5.160 − 445,28 = € 4.714,72 per year; / 12 = 392,89 → € 392 per month."""
    assert kgb("2026-06-01", 45000, True, (2, 0, 0)) == (471472, 392)


def test_voorbeeld_2026_leeftijdsverhogingen():
    """PDF_2026, rekenvoorbeeld: partners, children of 13 and 16, joint income € 45.000.
    Verhoging 724 + 964 = € 1.688; 5.160 + 1.688 = 6.848; − 445,28 = € 6.402,72 per year;
    / 12 = 533,56 → € 533 per month."""
    assert kgb("2026-06-01", 45000, True, (0, 1, 1)) == (640272, 533)


def test_voorbeeld_2026_alleenstaande_ouder():
    """PDF_2026, rekenvoorbeeld: a single parent, 1 child of 8, income € 30.000.
    Maximum € 5.996 (2.580 + alleenstaande-ouderkop 3.416); (30.000 − 29.736) × 7,6 % = 264 ×
    0,076 = € 20,064 → € 20,06; 5.996 − 20,06 = € 5.975,94 per year; / 12 = 497,99 → € 497."""
    assert kgb("2026-06-01", 30000, False, (1, 0, 0)) == (597594, 497)


@pytest.mark.parametrize(
    "partner,kinderen,maximum",
    [(False, 1, 5996), (False, 2, 8576), (True, 1, 2580), (True, 2, 5160), (True, 3, 7740)],
)
def test_maximumtabel_2026(partner, kinderen, maximum):
    """PDF_2026, stap 1: maximum per year — 1 kind alleenstaand € 5.996, met toeslagpartner
    € 2.580; 2 kinderen € 8.576 / € 5.160; each further child + € 2.580 (so 3 × 2.580 = 7.740).
    An income at the drempelinkomen (€ 29.736 / € 39.141, stap 4) reduces nothing."""
    drempel = 39141 if partner else 29736
    jaar, _ = kgb("2026-06-01", drempel, partner, (kinderen, 0, 0))
    assert jaar == maximum * EUR
    jaar, _ = kgb("2026-06-01", drempel + 1, partner, (kinderen, 0, 0))
    assert jaar == maximum * EUR - 8  # one euro above: 7,6 cents → 8 cents less


@pytest.mark.parametrize(
    "partner,kinderen,maximum",
    [(False, 1, 5900), (False, 2, 8411), (True, 1, 2511), (True, 2, 5022)],
)
def test_maximumtabel_2025(partner, kinderen, maximum):
    """Maximum 2025 per year as published for Dienst Toeslagen's table in a public calculator
    ('1 kind max € 5.900 / € 2.511, 2 kinderen € 8.411 / € 5.022'; drempel € 28.406 / € 37.545).
    Hand: 2.511 per child, alleenstaande-ouderkop 3.389 (wierdavannes.nl 2024-09-18)."""
    drempel = 37545 if partner else 28406
    assert kgb("2025-06-01", drempel, partner, (kinderen, 0, 0))[0] == maximum * EUR


def test_hand_2025_alleenstaande_ouder():
    """2025, single parent, one child of 5, income € 30.000 (parameters 2025 as sourced):
    maximum 2.511 + 3.389 = 5.900; (30.000 − 28.406) × 7,1 % = 1.594 × 0,071 = 113,174 →
    € 113,17; 5.900 − 113,17 = € 5.786,83; / 12 = 482,23 → € 482."""
    assert kgb("2025-06-01", 30000, False, (1, 0, 0)) == (578683, 482)


def test_hand_2024_partners_oudere_kinderen():
    """2024, partners, children of 13 and 16, joint income € 40.000: maximum 2 × 2.436 + 694 +
    924 = 6.490; (40.000 − 35.850) × 6,75 % = 4.150 × 0,0675 = 280,125 → € 280,13 (half up);
    6.490 − 280,13 = € 6.209,87; / 12 = 517,49 → € 517."""
    assert kgb("2024-06-01", 40000, True, (0, 1, 1)) == (620987, 517)


def test_geen_kinderen_geen_budget_en_geen_ouderkop():
    assert kgb("2026-06-01", 0, False, (0, 0, 0)) == (0, 0)
    assert kgb("2026-06-01", 0, True, (0, 0, 0)) == (0, 0)


def test_inkomensgrens_en_minimum():
    """2026, partners, 1 child: 2.580 − 0,076 × (inkomen − 39.141). At € 72.800: 33.659 ×
    0,076 = 2.558,084 → 2.558,08; left € 21,92 per year, under the Awir minimum of € 24: none.
    At € 72.770: 33.629 × 0,076 = 2.555,804 → 2.555,80; left € 24,20: paid, € 2 per month.
    Far above: never below 0."""
    assert kgb("2026-06-01", 72800, True, (1, 0, 0)) == (0, 0)
    assert kgb("2026-06-01", 72770, True, (1, 0, 0)) == (2420, 2)
    assert kgb("2026-06-01", 500000, True, (1, 0, 0)) == (0, 0)


def test_vermogensgrens_2026():
    """Belastingdienst, maximaal vermogen kindgebonden budget 2026: € 146.011 without, € 184.633
    with a toeslagpartner (vermogen on 1 January); at the limit still the full € 5.996 / € 2.580."""
    assert kgb("2026-06-01", 20000, False, (1, 0, 0), 146011)[0] == 599600
    assert kgb("2026-06-01", 20000, False, (1, 0, 0), 146012)[0] == 0
    assert kgb("2026-06-01", 20000, True, (1, 0, 0), 184633)[0] == 258000
    assert kgb("2026-06-01", 20000, True, (1, 0, 0), 184634)[0] == 0


def banden(geboortedata, peil: dt.date) -> list[int]:
    """Children per age band (under 12, 12–15, 16–17) of one row on ``peil``."""
    kolom = kinderen_kolom(1, {0: geboortedata})
    return kinderen_per_leeftijd(kolom, np.array([peil], dtype="datetime64[D]"))[0].tolist()


def test_leeftijd_op_de_peildatum():
    """Completed years on the peildatum: 12 on the birthday itself, 11 the day before; 18 is
    no longer counted (Wkb: children under 18)."""
    peil = dt.date(2026, 3, 1)
    assert banden([dt.date(2014, 3, 1)], peil) == [0, 1, 0]
    assert banden([dt.date(2014, 3, 2)], peil) == [1, 0, 0]
    assert banden([dt.date(2010, 3, 1)], peil) == [0, 0, 1]
    assert banden([dt.date(2008, 3, 1)], peil) == [0, 0, 0]


# --- properties --------------------------------------------------------------------------------

BANDEN = st.tuples(st.integers(0, 4), st.integers(0, 4), st.integers(0, 4))


@settings(max_examples=200, deadline=None)
@given(
    datum=st.sampled_from(["2024-03-01", "2025-03-01", "2026-03-01"]),
    inkomens=st.lists(st.integers(0, 200_000_00), min_size=2, max_size=20),
    partner=st.booleans(),
    banden=BANDEN,
    vermogen=st.integers(0, 300_000_00),
)
def test_eigenschappen(datum, inkomens, partner, banden, vermogen):
    """Never negative, never rises with income, never above the maximum, zero above the asset
    limit; the monthly advance never exceeds a twelfth of the year amount."""
    p = parameters.voor_datum(dt.date.fromisoformat(datum))
    inkomen = np.sort(np.array(inkomens, dtype=np.int64))
    n = len(inkomen)
    hoogste, _, jaar = kindgebonden_budget.bereken_jaar(
        inkomen,
        np.full(n, partner),
        np.array([banden] * n, dtype=np.int8),
        np.full(n, vermogen, dtype=np.int64),
        p,
    )
    maand = kindgebonden_budget.per_maand(jaar)
    assert (jaar >= 0).all() and (maand >= 0).all()
    assert (np.diff(jaar) <= 0).all() and (np.diff(maand) <= 0).all()
    assert (jaar <= hoogste).all() and (maand * 12 <= jaar).all()
    grens = (
        p.kindgebonden_budget_vermogensgrens_partner
        if partner
        else p.kindgebonden_budget_vermogensgrens_alleen
    )
    if vermogen > grens or sum(banden) == 0:
        assert (jaar == 0).all()


@settings(max_examples=100, deadline=None)
@given(inkomen=st.integers(0, 120_000_00), partner=st.booleans(), banden=BANDEN)
def test_een_kind_meer_geeft_nooit_minder(inkomen, partner, banden):
    p = parameters.voor_datum(dt.date(2026, 3, 1))
    rijen = np.array([banden, (banden[0] + 1, banden[1], banden[2])], dtype=np.int8)
    _, _, jaar = kindgebonden_budget.bereken_jaar(
        np.full(2, inkomen, dtype=np.int64), np.full(2, partner), rijen, np.zeros(2, np.int64), p
    )
    assert jaar[1] >= jaar[0]


# --- the whole calculation ---------------------------------------------------------------------


def _kgb_hand_2026(toetsingsinkomen: Decimal, partner: bool, banden) -> Decimal:
    """Kindgebonden budget per month 2026 written out with Decimal (PDF_2026): € 2.580 per
    child, + € 724 (12–15) and € 964 (16–17), + € 3.416 without a toeslagpartner; 7,6 % above
    € 29.736 / € 39.141, rounded to cents; under € 24 per year nothing; per month rounded down."""
    onder12, midden, oud = banden
    aantal = onder12 + midden + oud
    if aantal == 0:
        return Decimal(0)
    hoogste = Decimal(2580) * aantal + 724 * midden + 964 * oud + (0 if partner else 3416)
    drempel = Decimal(39141) if partner else Decimal(29736)
    minder = (Decimal("0.076") * max(toetsingsinkomen - drempel, Decimal(0))).quantize(
        Decimal("0.01"), ROUND_HALF_UP
    )
    jaar = max(hoogste - minder, Decimal(0))
    if jaar < 24:
        return Decimal(0)
    return (jaar / 12).to_integral_value(ROUND_FLOOR)


GEVAL_B = json.loads((HIER.parent / "examples" / "geval_b.json").read_text())
# children of 8 and 14 on the peildatum 2026-03-01
KINDEREN = "2017-06-01;2011-09-15"


def test_geval_b_alleenstaande_ouder():
    """RULES §9 example B (garantiebedrag € 1.600) for a single parent with children of 8 and
    14: the full wage raises the toetsingsinkomen above € 29.736, so the kindgebonden budget
    falls (toeslag_terugvordering_risico); the besteedbaar inkomen is net plus both allowances,
    and the decomposition of the household has an exact part for the kindgebonden budget."""
    uit = reken({**GEVAL_B, "kinderen": KINDEREN, "vermogen": "0"})
    for kant in ("huidig", "nieuw"):
        s = uit[kant]
        stappen = {x["naam"]: x["waarde"] for x in uit["toelichting"][kant]}
        verwacht = _kgb_hand_2026(Decimal(stappen["bruto_jaar"]), False, (1, 1, 0))
        assert Decimal(s["kindgebonden_budget_maand"]) == verwacht
        assert Decimal(s["besteedbaar_maand"]) == Decimal(s["netto_maand"]) + Decimal(
            s["zorgtoeslag_maand"]
        ) + Decimal(s["kindgebonden_budget_maand"])
    h, n = (Decimal(uit[k]["kindgebonden_budget_maand"]) for k in ("huidig", "nieuw"))
    assert n < h
    assert "toeslag_terugvordering_risico" in uit["signalen"]
    assert Decimal(uit["verschil"]["kindgebonden_budget_maand"]) == n - h
    delen = {d["onderdeel"]: Decimal(d["bedrag"]) for d in uit["verklaring"]["huishouden"]["delen"]}
    assert delen["kindgebonden_budget"] == n - h
    assert sum(delen.values()) == Decimal(uit["verklaring"]["huishouden"]["totaal"])
    reden = next(
        s for s in uit["signalen_toelichting"] if s["code"] == "toeslag_terugvordering_risico"
    )
    assert any("kindgebonden budget" in r for r in reden["redenen"])


def test_met_partner_en_partnerinkomen():
    """Example C with a toeslagpartner earning € 12.000 and one child of 16: toetsingsinkomen
    = bruto_jaar + 12.000; no alleenstaande-ouderkop."""
    c = geval(uren_per_week="36", functieloon_per_uur="18.00", loonwaarde="0.60")
    rec = {**c, "toeslagpartner": "ja", "partner_inkomen_per_jaar": "12000",
           "kinderen": "2009-06-01"}  # fmt: skip
    uit = reken(rec)
    for kant in ("huidig", "nieuw"):
        stappen = {x["naam"]: x["waarde"] for x in uit["toelichting"][kant]}
        inkomen = Decimal(stappen["bruto_jaar"]) + 12000
        assert Decimal(stappen["toetsingsinkomen_jaar"]) == inkomen
        verwacht = _kgb_hand_2026(inkomen, True, (0, 0, 1))
        assert Decimal(uit[kant]["kindgebonden_budget_maand"]) == verwacht


def test_huishouden_zonder_kinderen_geeft_nul():
    """A known household without children: kindgebonden budget 0 (computed, not 'niet
    berekend'); the letter and the table say nothing about it."""
    uit = reken({**GEVAL_B, "vermogen": "0"})
    for kant in ("huidig", "nieuw", "verschil"):
        assert uit[kant]["kindgebonden_budget_maand"] == "0.00"


def test_brief_werknemer_noemt_kindgebonden_budget():
    from wajong_conversie.brieven import brief_voor_geval

    voor = dt.date(2026, 2, 2)  # the letter is dated before the change (peildatum 1-3-2026)
    from wajong_conversie.scenario import Scenario

    adres = {"naam": "A. Voorbeeld", "straat": "Straat 1", "postcode": "1234 AB",
             "woonplaats": "Utrecht"}  # fmt: skip
    rec = {**GEVAL_B, **adres, "vermogen": "0"}
    uit = reken({**GEVAL_B, "kinderen": KINDEREN, "vermogen": "0"})
    h, n = (Decimal(uit[k]["kindgebonden_budget_maand"]) for k in ("huidig", "nieuw"))
    met = brief_voor_geval({**rec, "kinderen": KINDEREN}, Scenario(), "werknemer", voor)
    met = met.replace("\xa0", " ")
    zin = f"Uw kindgebonden budget is nu € {_nl(h)} per maand en wordt straks € {_nl(n)} per maand."
    assert zin in met
    assert "Geef uw nieuwe inkomen meteen door aan Dienst Toeslagen" in met
    zonder = brief_voor_geval(rec, Scenario(), "werknemer", voor)
    assert "kindgebonden budget is nu" not in zonder


def _nl(bedrag: Decimal) -> str:
    """€ amount in Dutch notation, for amounts under € 1.000."""
    assert bedrag < 1000
    return f"{bedrag:.2f}".replace(".", ",")


def test_cohort_kolommen(tmp_path):
    """resultaten.csv has huidig/nieuw/verschil_kindgebonden_budget_maand with the amounts of
    one case, and empty cells for a row without a household."""
    met = {**GEVAL_B, "id": "K1", "kinderen": KINDEREN, "vermogen": "0"}
    zonder = {**GEVAL_B, "id": "K2", "kinderen": "", "vermogen": ""}
    rijen = draai_cohort(tmp_path, [met, zonder])
    een = reken({k: v for k, v in met.items() if k != "id"})
    for kant in ("huidig", "nieuw", "verschil"):
        assert (
            rijen["K1"][f"{kant}_kindgebonden_budget_maand"]
            == een[kant]["kindgebonden_budget_maand"]
        )
        assert rijen["K2"][f"{kant}_kindgebonden_budget_maand"] == ""


def test_signaal_ook_als_alleen_het_kindgebonden_budget_daalt():
    """Example B with a toeslagpartner earning € 30.000: the joint income is above the
    zorgtoeslag limit (€ 51.142) on both sides, so only the kindgebonden budget falls — and
    that alone raises toeslag_terugvordering_risico."""
    rec = {**GEVAL_B, "kinderen": KINDEREN, "toeslagpartner": "ja",
           "partner_inkomen_per_jaar": "30000"}  # fmt: skip
    uit = reken(rec)
    for kant in ("huidig", "nieuw"):
        assert uit[kant]["zorgtoeslag_maand"] == "0.00"
    h, n = (Decimal(uit[k]["kindgebonden_budget_maand"]) for k in ("huidig", "nieuw"))
    assert 0 < n < h
    assert "toeslag_terugvordering_risico" in uit["signalen"]
    reden = next(
        s for s in uit["signalen_toelichting"] if s["code"] == "toeslag_terugvordering_risico"
    )
    assert not any("zorgtoeslag" in r for r in reden["redenen"])
