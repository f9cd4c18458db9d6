"""Invariants of the rules (hypothesis): they must hold for every valid case."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import attrs
import numpy as np
from conftest import TESTSCENARIOS
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from wajong_conversie import parameters
from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario, laad
from wajong_conversie.uitvoer import BEDRAGEN
from wajong_conversie.validatie import Invoerfout, lees_en_controleer
from wajong_conversie.wajong import wml_uur

INSTELLINGEN = settings(
    max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def gevallen(draw, garantiebedrag=True, dga=True, overige=True, loonbasis=True):
    peil = draw(st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)))
    leeftijd = draw(st.integers(18, 66))
    dagen = draw(st.integers(0, 364))
    geboren = dt.date(peil.year - leeftijd - 1, peil.month, 1) + dt.timedelta(days=dagen)
    p = parameters.voor_datum(peil)
    jaren = (peil.year - geboren.year) - ((peil.month, peil.day) < (geboren.month, geboren.day))
    assume(18 <= jaren <= 66)
    minimum = int(wml_uur(np.array([jaren]), p)[0])
    functieloon = minimum + draw(st.integers(0, 2500))
    zonder_av = dga and draw(st.booleans()) and draw(st.booleans())
    regime = (
        "wajong2015"
        if zonder_av and draw(st.booleans())
        else draw(st.sampled_from(["owajong", "wajong2010"]))
    )
    gb = 0
    if garantiebedrag and regime != "wajong2015" and draw(st.booleans()):
        gb = draw(st.integers(1, p.wml_maand_21 * 3 // 4))
    record = {
        "peildatum": peil,
        "geboortedatum": geboren,
        "regime": regime,
        "arbeidsvermogen": not zonder_av,
        "loondispensatie_uitzondering": zonder_av,
        "uren_per_week": f"{draw(st.integers(25, 6000)) / 100:.2f}",
        "voltijd_uren_per_week": str(draw(st.integers(30, 40))),
        "functieloon_per_uur": f"{functieloon // 100}.{functieloon % 100:02d}",
        "loonwaarde": f"0.{draw(st.integers(1, 75)):02d}",
        "garantiebedrag_per_maand": f"{gb // 100}.{gb % 100:02d}",
        "overige_inkomsten_per_maand": str(draw(st.integers(0, 1500))) if overige else "0",
        "werkgeverslasten_percentage": f"0.{draw(st.integers(150, 350)):03d}",
        # RULES §3.2: today's dispensed wage on the functieloon (default) or on the WML
        "loondispensatie_loonbasis": (
            draw(st.sampled_from(["functieloon", "minimumloon"])) if loonbasis else "functieloon"
        ),
    }
    try:
        _, invoer = lees_en_controleer(record)
    except Invoerfout:
        assume(False)
    return record, invoer


SCENARIOS = st.builds(
    Scenario,
    garantiebedrag=st.sampled_from(["behouden", "vervallen", "inkomensgarantie"]),
    werkgever=st.sampled_from(["geen", "lks_op_functieloon"]),
)


@INSTELLINGEN
@given(gevallen(), SCENARIOS)
def test_geen_negatieve_bedragen(geval, scenario):
    _, invoer = geval
    r = bereken(invoer, scenario)
    for spoor in (r.huidig, r.nieuw):
        for _, naam, _ in BEDRAGEN:
            if naam in spoor:
                assert spoor[naam][0] >= 0, naam


@INSTELLINGEN
@given(gevallen(garantiebedrag=False, dga=False))
def test_bruto_totaal_met_loondispensatie_is_normloon_identiteit(geval):
    """RULES §3.3: I + benefit = max(0.7·G + 0.3·(W + Io), W + Io) with W = Ia / LW, within
    the half cent of the one rounding of the benefit per day."""
    _, invoer = geval
    h = bereken(invoer, Scenario()).huidig
    G, Ia, Io, I = (
        int(h[k][0])
        for k in ("grondslag_per_dag", "inkomen_loon_per_dag", "overige_per_dag", "inkomen_per_dag")
    )
    W = Fraction(Ia) / Fraction(int(invoer.loonwaarde[0]), 1_000_000)
    doel = max(Fraction(7, 10) * G + Fraction(3, 10) * (W + Io), W + Io)
    assert abs(I + int(h["uitkering_per_dag"][0]) - doel) <= Fraction(1, 2)


@INSTELLINGEN
@given(gevallen(), st.integers(1, 2000), SCENARIOS)
def test_uitkering_daalt_niet_minder_als_het_loon_stijgt(geval, extra, scenario):
    """Without dispensation (after conversion), more wage never gives more benefit.
    (With dispensation the normloon top-up rises with the wage by design, RULES §3.3.)"""
    _, invoer = geval
    hoger = attrs.evolve(invoer, functieloon=invoer.functieloon + extra)
    a = bereken(invoer, scenario).nieuw
    b = bereken(hoger, scenario).nieuw
    assert b["uitkering_formule_per_dag"][0] <= a["uitkering_formule_per_dag"][0]
    if scenario.garantiebedrag != "inkomensgarantie":
        assert b["uitkering_per_dag"][0] <= a["uitkering_per_dag"][0]


@INSTELLINGEN
@given(gevallen(), st.integers(1, 100_000))
def test_uitkering_vandaag_daalt_als_overig_inkomen_stijgt(geval, extra):
    _, invoer = geval
    meer = attrs.evolve(invoer, overige=invoer.overige + extra)
    a = bereken(invoer, Scenario()).huidig
    b = bereken(meer, Scenario()).huidig
    assert b["uitkering_per_dag"][0] <= a["uitkering_per_dag"][0]


def afrondingsgrens(invoer) -> Fraction:
    """Largest gross monthly difference (cents) that the rounding points of RULES §2 allow
    between today and after conversion when no garantiebedrag is involved.

    Per day, both totals equal T(W) = max(0.7·G + 0.3·W, W) (slope ≤ 1 in W). Today W is
    Ia / LW, and Ia carries the roundings of the hourly wage (½ ct × hours × 52/12 × 1.08 /
    21.75), the monthly wage, the income and the day (½ ct each, scaled), all divided by LW.
    After conversion the income carries the same roundings without the hourly one and without
    / LW. Each side adds ½ ct for the benefit per day; per month × 21.75, and each side ½ ct ×
    21.75 for income per day versus the monthly wage, plus ½ ct for the benefit per month.
    """
    lw = Fraction(int(invoer.loonwaarde[0]), 1_000_000)
    uren = Fraction(int(invoer.uren[0]), 100)
    dag = Fraction(2175, 100)
    half = Fraction(1, 2)
    gedeeld = half * (Fraction(108, 100) / dag + 1 / dag + 1)  # monthly wage, income, day
    fout_vandaag = (half * uren * Fraction(52, 12) * Fraction(108, 100) / dag + gedeeld) / lw
    fout_straks = gedeeld
    return dag * (fout_vandaag + fout_straks + 2 * half) + 2 * (half * dag + half)


@INSTELLINGEN
@given(gevallen(garantiebedrag=False, dga=False, loonbasis=False))
def test_behouden_zonder_garantiebedrag_houdt_bruto_inkomen_gelijk(geval):
    """Without a garantiebedrag, conversion leaves gross income (wage + benefit) the same up to
    the rounding points (RULES §3.3 consequence); see :func:`afrondingsgrens`. For case A the
    bound is € 1,93 and the actual difference € 0,30; a loonwaarde of 1 % multiplies the
    effect of every rounding of today's income by 100."""
    _, invoer = geval
    r = bereken(invoer, Scenario(garantiebedrag="behouden"))
    verschil = int(r.nieuw["bruto_inkomen_maand"][0]) - int(r.huidig["bruto_inkomen_maand"][0])
    assert abs(verschil) <= afrondingsgrens(invoer)


def test_afrondingsgrens_voorbeeld_a():
    from conftest import geval as maak

    _, invoer = lees_en_controleer(
        maak(functieloon_per_uur="14.71", uren_per_week="24", loonwaarde="0.50")
    )
    assert 190 <= afrondingsgrens(invoer) <= 195


@INSTELLINGEN
@given(gevallen(), st.sampled_from(["geen", "lks_op_functieloon"]))
def test_inkomensgarantie_niemand_omlaag_en_geen_winst_door_garantiebedrag(geval, werkgever):
    """RULES §6: for every converted worker, with or without a garantiebedrag, the total per
    day after conversion is exactly max(formula total, total today): nobody loses gross income
    per day (not even by a rounding cent), nobody gains from the garantiebedrag.

    Per month the two sides are wage incl. holiday pay + benefit × 21.75; each differs from
    21.75 × (its amount per day) by at most ½ ct × 21.75 (the income per day is the monthly
    income / 21.75, rounded) + ½ ct (benefit per month rounded): so gross per month can fall
    by at most 2 × (10.875 + 0.5) = 22.75 ct, i.e. 22 whole cents, and only through rounding."""
    _, invoer = geval
    r = bereken(invoer, Scenario(garantiebedrag="inkomensgarantie", werkgever=werkgever))
    h, n = r.huidig, r.nieuw
    vandaag = int(h["inkomen_per_dag"][0]) + int(h["uitkering_per_dag"][0])
    straks = int(n["inkomen_per_dag"][0]) + int(n["uitkering_per_dag"][0])
    formule = int(n["inkomen_per_dag"][0]) + int(n["uitkering_formule_per_dag"][0])
    assert straks >= vandaag
    assert straks == max(formule, vandaag)
    verschil = int(n["bruto_inkomen_maand"][0]) - int(h["bruto_inkomen_maand"][0])
    assert verschil >= -22
    # afbouw in its first year is the same guarantee
    a = bereken(invoer, Scenario(garantiebedrag="afbouw", afbouw_jaren=3, werkgever=werkgever))
    assert np.array_equal(a.nieuw["uitkering_per_dag"], n["uitkering_per_dag"])


@settings(max_examples=150, deadline=None)
@given(gevallen())
def test_scenario_zonder_omzetting_geeft_nul_verschil(geval):
    _, invoer = geval
    r = bereken(invoer, laad(TESTSCENARIOS / "geen_omzetting.toml"))
    for naam in r.huidig:
        assert np.array_equal(r.huidig[naam], r.nieuw[naam]), naam
    for code in (
        "werknemer_achteruit",
        "werknemer_buitenproportioneel",
        "werkgever_achteruit",
        "lks_plafond_bindend",
        "risico_einde_recht",
    ):
        assert not r.signalen[code][0]


@INSTELLINGEN
@given(gevallen(loonbasis=False), SCENARIOS)
def test_loonbasis_minimumloon_nooit_hoger_loon_vandaag(geval, scenario):
    """RULES §3.2: the functieloon is at least the WML per hour, so LW × WML never gives a
    higher dispensed wage today than LW × functieloon; the situation after conversion does
    not depend on the basis, so the employer's extra cost is never smaller."""
    _, invoer = geval
    op_wml = attrs.evolve(invoer, loonbasis=np.ones(1, dtype=np.int8))
    a, b = bereken(invoer, scenario), bereken(op_wml, scenario)
    assert b.huidig["loon_maand"][0] <= a.huidig["loon_maand"][0]
    assert b.huidig["werkgever_kosten_maand"][0] <= a.huidig["werkgever_kosten_maand"][0]
    if scenario.garantiebedrag in ("behouden", "vervallen"):
        for naam in ("loon_maand", "uitkering_maand", "werkgever_kosten_maand"):
            assert b.nieuw[naam][0] == a.nieuw[naam][0], naam
