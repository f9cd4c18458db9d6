"""Boundaries of every flag and net-change class (RULES §7: "more than" is strict).

For each threshold: exactly at it, one cent below and one cent above; for a relative threshold
also the smallest case where the relative condition (not the euro condition) decides. The
comparisons live in wajong_conversie/beoordeling.py (on columns) and, for the flags that
depend on the rules of the benefit, in rekenkern.py; both are tested here, on columns built
by hand and end to end.
"""

from __future__ import annotations

import numpy as np
import pytest
from conftest import geval, reken

from wajong_conversie import beoordeling
from wajong_conversie.scenario import Drempels

# RULES §7 defaults, written out: € 1,00 = 100 cents; 0,1 % = 1 000 ppm; 5 % = 50 000 ppm
STANDAARD = Drempels()


def test_standaarddrempels_zijn_die_van_rules():
    assert STANDAARD.werknemer_achteruit_bedrag == 100
    assert STANDAARD.werknemer_achteruit_fractie == 1_000
    assert STANDAARD.buitenproportioneel_fractie == 50_000
    assert STANDAARD.werkgever_achteruit_bedrag == 100
    assert STANDAARD.klasse_gelijk_fractie == 1_000
    assert STANDAARD.klasse_sterk_fractie == 50_000


def _kolom(waarden, dtype=np.int64):
    return np.array(waarden, dtype=dtype)


def _signalen(
    netto=((100_000, 100_000),),
    bruto=((200_000, 200_000),),
    werkgever=((100_000, 100_000),),
    drempels=STANDAARD,
    functieloon=None,
    wml_uur=None,
):
    """Flags for rows given as (today, new) pairs; other columns neutral."""
    n = max(len(netto), len(bruto), len(werkgever))

    def uitbreiden(paren):
        return list(paren) * n if len(paren) == 1 else list(paren)

    netto, bruto, werkgever = uitbreiden(netto), uitbreiden(bruto), uitbreiden(werkgever)
    huidig = {
        "netto_maand": _kolom([h for h, _ in netto]),
        "bruto_inkomen_maand": _kolom([h for h, _ in bruto]),
        "werkgever_kosten_maand": _kolom([h for h, _ in werkgever]),
        "garantiebedrag_toegepast": np.zeros(n, dtype=bool),
        "wml_uur": _kolom(wml_uur if wml_uur is not None else [1471] * n),
        "uitkering_formule_dispensatie_per_dag": _kolom([0] * n),
        "garantiebedrag_per_dag": _kolom([0] * n),
    }
    nieuw = {
        "netto_maand": _kolom([x for _, x in netto]),
        "bruto_inkomen_maand": _kolom([x for _, x in bruto]),
        "werkgever_kosten_maand": _kolom([x for _, x in werkgever]),
    }
    nee = np.zeros(n, dtype=bool)
    return beoordeling.signalen(
        huidig,
        nieuw,
        functieloon=_kolom(functieloon if functieloon is not None else [1471] * n),
        garantiebedrag=_kolom([0] * n),
        lks_plafond_bindend=nee,
        jeugd=nee,
        risico_einde_recht=nee,
        drempels=drempels,
    )


# --- werknemer_achteruit: net per month falls by more than € 1 AND by more than 0,1 % -------


@pytest.mark.parametrize(
    "verlies, verwacht",
    [(99, False), (100, False), (101, True), (0, False), (-500, False)],
)
def test_werknemer_achteruit_euro_grens(verlies, verwacht):
    # net € 500,00: 0,1 % is € 0,50, so only the € 1,00 decides
    s = _signalen(netto=[(50_000, 50_000 - verlies)])
    assert bool(s["werknemer_achteruit"][0]) is verwacht


@pytest.mark.parametrize("verlies, verwacht", [(299, False), (300, False), (301, True)])
def test_werknemer_achteruit_fractie_grens(verlies, verwacht):
    # net € 3.000,00: 0,1 % = € 3,00 > € 1,00, so the relative condition decides
    s = _signalen(netto=[(300_000, 300_000 - verlies)])
    assert bool(s["werknemer_achteruit"][0]) is verwacht


def test_werknemer_achteruit_kleinste_geval_waar_de_fractie_beslist():
    # a loss of € 1,01 (just over € 1): 0,1 % of € 1.010,00 is exactly € 1,01 → not more than
    # 0,1 %, no flag; with € 1.009,99 net, € 1,01 is more than 0,1 % (€ 1,00999) → flag
    s = _signalen(netto=[(101_000, 101_000 - 101), (100_999, 100_999 - 101)])
    assert s["werknemer_achteruit"].tolist() == [False, True]


# --- werknemer_buitenproportioneel: gross per month rises by more than 5 % -------------------


@pytest.mark.parametrize(
    "bruto_h, stijging, verwacht",
    [
        (200_000, 9_999, False),  # 5 % of € 2.000,00 = € 100,00
        (200_000, 10_000, False),  # exactly 5 %: not more than
        (200_000, 10_001, True),
        (200_001, 10_000, False),  # 5 % of € 2.000,01 = € 100,0005
        (200_001, 10_001, True),
        (200_000, -20_000, False),
    ],
)
def test_buitenproportioneel_grens(bruto_h, stijging, verwacht):
    s = _signalen(bruto=[(bruto_h, bruto_h + stijging)])
    assert bool(s["werknemer_buitenproportioneel"][0]) is verwacht


# --- werkgever_achteruit: employer cost per month rises by more than € 1 ---------------------


@pytest.mark.parametrize(
    "stijging, verwacht", [(99, False), (100, False), (101, True), (-5, False)]
)
def test_werkgever_achteruit_grens(stijging, verwacht):
    s = _signalen(werkgever=[(100_000, 100_000 + stijging)])
    assert bool(s["werkgever_achteruit"][0]) is verwacht


def test_drempels_komen_uit_het_scenario():
    eigen = Drempels(werkgever_achteruit_bedrag=500, werknemer_achteruit_bedrag=1_000)
    s = _signalen(
        werkgever=[(100_000, 100_500), (100_000, 100_501)],
        netto=[(50_000, 49_000), (50_000, 48_999)],
        drempels=eigen,
    )
    assert s["werkgever_achteruit"].tolist() == [False, True]
    assert s["werknemer_achteruit"].tolist() == [False, True]


# --- functieloon_boven_wml: the functieloon is higher than the WML per hour ------------------


def test_functieloon_boven_wml_grens():
    s = _signalen(functieloon=[1470, 1471, 1472], wml_uur=[1471, 1471, 1471], netto=[(1, 1)] * 3)
    assert s["functieloon_boven_wml"].tolist() == [False, False, True]


# --- the net-change classes: ±0,1 % no change, beyond ±5 % strong ------------------------------


@pytest.mark.parametrize(
    "verschil, klasse",
    [
        # net today € 2.000,00: 0,1 % = € 2,00 (200 cents), 5 % = € 100,00 (10 000 cents)
        (-10_001, "sterk_omlaag"),
        (-10_000, "omlaag"),  # exactly 5 %: not "more than 5 %"
        (-9_999, "omlaag"),
        (-201, "omlaag"),
        (-200, "gelijk"),  # exactly 0,1 %: still no change
        (-199, "gelijk"),
        (0, "gelijk"),
        (199, "gelijk"),
        (200, "gelijk"),
        (201, "omhoog"),
        (9_999, "omhoog"),
        (10_000, "omhoog"),
        (10_001, "sterk_omhoog"),
    ],
)
def test_klassegrenzen(verschil, klasse):
    huidig = {"netto_maand": _kolom([200_000])}
    nieuw = {"netto_maand": _kolom([200_000 + verschil])}
    index = beoordeling.klasse(huidig, nieuw, STANDAARD)
    assert beoordeling.KLASSE_CODES[int(index[0])] == klasse


def test_klassegrenzen_bij_een_bedrag_dat_niet_deelbaar_is():
    # net € 2.000,01: 5 % = € 100,0005, 0,1 % = € 2,00001
    basis = 200_001
    verschillen = [-10_001, -10_000, -201, -200, 200, 201, 10_000, 10_001]
    huidig = {"netto_maand": _kolom([basis] * len(verschillen))}
    nieuw = {"netto_maand": _kolom([basis + v for v in verschillen])}
    codes = [beoordeling.KLASSE_CODES[int(i)] for i in beoordeling.klasse(huidig, nieuw, STANDAARD)]
    assert codes == [
        "sterk_omlaag",
        "omlaag",
        "omlaag",
        "gelijk",
        "gelijk",
        "omhoog",
        "omhoog",
        "sterk_omhoog",
    ]


# --- end to end: flags computed by the engine -------------------------------------------------

# risico_einde_recht (Wajong art. 2:16 lid 2): income per day with the full wage ≥ 75 % of G.
# A 20-year-old on 2024-03-01, 20 h at the youth minimum wage (€ 10,62 an hour in 2024-H1):
#   wage 10,62 × 20 × 52 / 12 = 920,40; with holiday pay 920,40 × 1,08 = 994,032 → 994,03;
#   per day 994,03 / 21,75 = 45,7025… → 45,70
#   G: 2 069,40 × 0,80 = 1 655,52 per month; / 21,75 = 76,1159… → 76,12; 75 % = 57,09 exactly
#   other income € 247,73: / 21,75 = 11,3899… → 11,39 → I = 45,70 + 11,39 = 57,09 = 0,75 × G
#   € 247,62 → 11,3848… → 11,38 → I = 57,08 (one cent below)
#   € 247,95 → 11,4000 → 11,40 → I = 57,10 (one cent above)
JONG_2024 = dict(
    peildatum="2024-03-01",
    geboortedatum="2003-06-01",
    uren_per_week="20",
    functieloon_per_uur="10.62",
    loonwaarde="0.50",
)


@pytest.mark.parametrize(
    "overige, I, verwacht",
    [("247.62", "57.08", False), ("247.73", "57.09", True), ("247.95", "57.10", True)],
)
def test_risico_einde_recht_grens_eind_tot_eind(overige, I, verwacht):
    uit = reken(geval(**JONG_2024, overige_inkomsten_per_maand=overige))
    stappen = {s["naam"]: s for s in uit["toelichting"]["nieuw"]}
    assert stappen["grondslag_per_dag"]["waarde"] == "76.12"
    assert stappen["inkomen_per_dag"]["waarde"] == I
    assert ("risico_einde_recht" in uit["signalen"]) is verwacht
    assert "jeugd_wml" in uit["signalen"]


@pytest.mark.parametrize("loonwaarde, verwacht", [("0.29", True), ("0.30", False), ("0.31", False)])
def test_lks_plafond_bindend_grens_eind_tot_eind(loonwaarde, verwacht):
    # the cap binds when 1 − LW is more than 70 %: LW 0,30 gives exactly 70 %, no flag
    uit = reken(geval(functieloon_per_uur="14.71", uren_per_week="24", loonwaarde=loonwaarde))
    assert ("lks_plafond_bindend" in uit["signalen"]) is verwacht


@pytest.mark.parametrize(
    "geboortedatum, jeugd",
    [("2005-03-01", False), ("2005-03-02", True)],  # 21 years old on 2026-03-01, or one day short
)
def test_jeugd_wml_grens_eind_tot_eind(geboortedatum, jeugd):
    uit = reken(
        geval(
            geboortedatum=geboortedatum,
            functieloon_per_uur="14.71",
            uren_per_week="24",
            loonwaarde="0.50",
        )
    )
    assert ("jeugd_wml" in uit["signalen"]) is jeugd


def test_klasse_eind_tot_eind_voorbeeld_a():
    # RULES §9 A: net +174,70 a month on about € 1.820 (more than 5 %): "sterk_omhoog"
    uit = reken(geval(functieloon_per_uur="14.71", uren_per_week="24", loonwaarde="0.50"))
    assert uit["netto_verandering"]["klasse"] == "sterk_omhoog"


# garantiebedrag_bindend (Wajong art. 8:8 lid 4): the GB per day is more than the formula.
# RULES §9 A: the formula pays 58,64 a day. GB per month → per day (÷ 21,75, rounded):
#   1 275,20 → 58,6299… → 58,63 (one cent below); 1 275,42 → 58,6400 → 58,64 (equal);
#   1 275,63 → 58,6497… → 58,65 (one cent above)
@pytest.mark.parametrize(
    "garantiebedrag, gb_dag, bindend",
    [("1275.20", "58.63", False), ("1275.42", "58.64", False), ("1275.63", "58.65", True)],
)
def test_garantiebedrag_bindend_grens_eind_tot_eind(garantiebedrag, gb_dag, bindend):
    uit = reken(
        geval(
            functieloon_per_uur="14.71",
            uren_per_week="24",
            loonwaarde="0.50",
            garantiebedrag_per_maand=garantiebedrag,
        )
    )
    stappen = {s["naam"]: s for s in uit["toelichting"]["huidig"]}
    assert stappen["garantiebedrag_per_dag"]["waarde"] == gb_dag
    assert ("garantiebedrag_bindend" in uit["signalen"]) is bindend
    # benefit per month = per day × 21,75: 58,64 → 1 275,42; 58,65 → 1 275,6375 → 1 275,64
    assert uit["huidig"]["wajong_uitkering_maand"] == ("1275.64" if bindend else "1275.42")


def test_garantiebedrag_niet_bindend_als_de_formule_meer_geeft():
    # GB 58,63 a day, formula 58,64: the formula pays more → "niet bindend"
    uit = reken(
        geval(
            functieloon_per_uur="14.71",
            uren_per_week="24",
            loonwaarde="0.50",
            garantiebedrag_per_maand="1275.20",
        )
    )
    assert "garantiebedrag_niet_bindend" in uit["signalen"]


def test_garantiebedrag_niet_bindend_niet_bij_gelijke_bedragen():
    # case A's formula pays 58.64 a day = 1 275.42 a month; a GB of 1 275.42 (58.64 a day) is
    # equal: RULES §3.4 flags only a formula that pays *more* (art. 8:8 lid 5, as overgang.py)
    uit = reken(
        geval(
            functieloon_per_uur="14.71",
            uren_per_week="24",
            loonwaarde="0.50",
            garantiebedrag_per_maand="1275.42",
        )
    )
    assert "garantiebedrag_niet_bindend" not in uit["signalen"]


def test_garantiebedrag_niet_bindend_al_bij_een_cent():
    # any garantiebedrag (here € 0,01 a month) that does not set the benefit is "niet bindend"
    huidig = {
        "netto_maand": _kolom([100_000] * 3),
        "bruto_inkomen_maand": _kolom([200_000] * 3),
        "werkgever_kosten_maand": _kolom([100_000] * 3),
        "garantiebedrag_toegepast": np.array([False, False, True]),
        "wml_uur": _kolom([1471] * 3),
        # € 0,01 a month is 0.00 a day: the formula (50.00 a day) pays more; the third binds
        "uitkering_formule_dispensatie_per_dag": _kolom([5000] * 3),
        "garantiebedrag_per_dag": _kolom([0, 0, 6000]),
    }
    nee = np.zeros(3, dtype=bool)
    s = beoordeling.signalen(
        huidig,
        {k: huidig[k] for k in ("netto_maand", "bruto_inkomen_maand", "werkgever_kosten_maand")},
        functieloon=_kolom([1471] * 3),
        garantiebedrag=_kolom([0, 1, 1]),
        lks_plafond_bindend=nee,
        jeugd=nee,
        risico_einde_recht=nee,
        drempels=STANDAARD,
    )
    assert s["garantiebedrag_niet_bindend"].tolist() == [False, True, False]
    assert s["garantiebedrag_bindend"].tolist() == [False, False, True]


def test_klasse_omschrijvingen_noemen_de_drempels():
    teksten = [beoordeling.klasse_omschrijving(k, STANDAARD) for k in beoordeling.KLASSE_CODES]
    assert teksten == [
        "meer dan 5% omlaag",
        "0,1% tot 5% omlaag",
        "geen verandering (binnen 0,1%)",
        "0,1% tot 5% omhoog",
        "meer dan 5% omhoog",
    ]
    eigen = Drempels(klasse_gelijk_fractie=2_000, klasse_sterk_fractie=100_000)
    assert beoordeling.klasse_omschrijving("omlaag", eigen) == "0,2% tot 10% omlaag"
