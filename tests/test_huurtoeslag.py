"""Huurtoeslag (issue 11): the 2026 formula, its limits, and its place in the whole result.

Expected amounts are the Belastingdienst's worked examples (source named per test) and hand
calculations written out below, never the code's own output.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import ROUND_FLOOR, Decimal
from pathlib import Path

import numpy as np
import pytest
from conftest import draai_cohort, geval, reken
from hypothesis import given, settings
from hypothesis import strategies as st

from wajong_conversie import huurtoeslag, parameters

EUR = 100


def ht_maand(
    datum: str,
    inkomen_euro: int,
    huur: str,
    partner: bool = False,
    personen: int = 1,
    jong: bool = False,
    vermogen_euro: int = 0,
) -> int:
    """Huurtoeslag per month in whole euros (2026 formula), for whole-euro incomes."""
    p = parameters.voor_datum(dt.date.fromisoformat(datum))
    *_, maand = huurtoeslag.bereken_maand(
        np.array([inkomen_euro * EUR], dtype=np.int64),
        np.array([int(Decimal(huur) * EUR)], dtype=np.int64),
        np.array([partner]),
        np.array([personen], dtype=np.int64),
        np.array([jong]),
        np.array([vermogen_euro * EUR], dtype=np.int64),
        p,
    )
    return int(maand[0]) // EUR


def ht_hand_2026(inkomen: Decimal, huur: Decimal, personen: int = 1, jong: bool = False):
    """Huurtoeslag per month 2026 written out independently with Decimal (Wht art. 21 as in
    force from 1 January 2026; Belastingdienst, Berekening huurtoeslag 2026, steps 1–7):
    rekenhuur = min(huur, € 932,93), or € 498,20 for a young household; basishuur € 202,52
    alone, € 200,71 with more persons; A = 100 % up to € 498,20; B = 65 % up to € 713,02
    (1–2 persons) or € 764,14 (3+); C = 40 % above; minus (income − € 23.425 alone /
    € 31.500 more) × 27 % / 22 % / 12; rounded down to whole euros; under € 24 a year: 0."""
    rekenhuur = min(huur, Decimal("498.20") if jong else Decimal("932.93"))
    basishuur = Decimal("202.52") if personen == 1 else Decimal("200.71")
    kkg = Decimal("498.20")
    aftop = Decimal("713.02") if personen <= 2 else Decimal("764.14")
    a = max(min(rekenhuur, kkg) - basishuur, Decimal(0))
    b = max(min(rekenhuur, aftop) - kkg, Decimal(0)) * Decimal("0.65")
    c = max(rekenhuur - aftop, Decimal(0)) * Decimal("0.40")
    ijkpunt, pct = (
        (Decimal(23425), Decimal("0.27")) if personen == 1 else (Decimal(31500), Decimal("0.22"))
    )
    d = max(inkomen - ijkpunt, Decimal(0)) * pct / 12
    maand = max(a + b + c - d, Decimal(0)).to_integral_value(ROUND_FLOOR)
    return Decimal(0) if maand * 12 < 24 else maand


# --- the Belastingdienst's worked examples 2026 ---------------------------------------------
# Belastingdienst (Dienst Toeslagen), "Berekening huurtoeslag 2026",
# https://download.belastingdienst.nl/toeslagen/docs/berekening_huurtoeslag_tg0831z62fd.pdf
# (2026), as transcribed in the test plan of a public allowance repository ("Officiele
# Rekenregels Toeslagenscan 2026", source check 2026-07-21); the PDF itself was not opened
# from here. Each example is also worked out by hand.


def test_voorbeeld_2026_alleenstaande_20_jaar():
    """Alone, 20 years old, rent € 600, income € 22.000 → € 295 per month.
    Young household without a child: rekenhuur = min(600, 498,20) = 498,20; only part A:
    498,20 − 202,52 = 295,68; income under the ijkpunt € 23.425: no reduction;
    295,68 rounded down → € 295."""
    assert ht_maand("2026-06-01", 22000, "600", jong=True) == 295


def test_voorbeeld_2026_partners_met_kind():
    """Partners with a child (3 persons), rent € 1.200, joint income € 34.000 → € 492.
    rekenhuur = min(1.200, 932,93) = 932,93; basishuur 200,71;
    A = 498,20 − 200,71 = 297,49; B = (764,14 − 498,20) × 0,65 = 265,94 × 0,65 = 172,861;
    C = (932,93 − 764,14) × 0,40 = 168,79 × 0,40 = 67,516; total 537,867;
    reduction (34.000 − 31.500) × 0,22 / 12 = 45,8333; 537,867 − 45,833 = 492,03 → € 492."""
    assert ht_maand("2026-06-01", 34000, "1200", partner=True, personen=3) == 492


def test_voorbeeld_2026_alleenstaande_huur_710():
    """Alone (in 2026 the same rules at AOW age), rent € 710, income € 29.000 → € 307.
    A = 498,20 − 202,52 = 295,68; B = (710 − 498,20) × 0,65 = 211,80 × 0,65 = 137,67; C = 0;
    reduction (29.000 − 23.425) × 0,27 / 12 = 5.575 × 0,0225 = 125,4375;
    295,68 + 137,67 − 125,4375 = 307,9125 → € 307."""
    assert ht_maand("2026-06-01", 29000, "710") == 307


# --- hand calculations ---------------------------------------------------------------------


def test_maximum_2026_alleen():
    """The most a person alone gets in 2026 (rent at or above € 932,93, low income):
    295,68 + (713,02 − 498,20) × 0,65 + (932,93 − 713,02) × 0,40
    = 295,68 + 139,633 + 87,964 = 523,277 → € 523; a higher rent adds nothing."""
    assert ht_maand("2026-06-01", 15000, "932.93") == 523
    assert ht_maand("2026-06-01", 15000, "1500") == 523


def test_huur_onder_de_basishuur_geeft_niets():
    assert ht_maand("2026-06-01", 15000, "202.52") == 0
    assert ht_maand("2026-06-01", 15000, "150") == 0


def test_jongere_met_kind_houdt_de_gewone_grens():
    """20 years old with a child: the young persons' limit does not apply (Wht art. 13):
    2 persons, rent 700: A = 498,20 − 200,71 = 297,49; B = (700 − 498,20) × 0,65 = 131,17;
    428,66 → € 428 (income 20.000 under the ijkpunt 31.500)."""
    assert ht_maand("2026-06-01", 20000, "700", personen=2) == 428
    assert ht_maand("2026-06-01", 20000, "700", jong=True) == 295  # 498,20 − 202,52


def test_awir_minimum_24_per_jaar():
    """Alone, rent 710 (before reduction 433,35): the income where 433,35 − (Y − 23.425) ×
    0,0225 is just € 1,xx per month: Y = 42.600 → 433,35 − 431,4375 = 1,9125 → € 1 a month,
    € 12 a year, under € 24 → 0. Y = 42.540 → 433,35 − 430,0875 = 3,26 → € 3 (€ 36 a year)."""
    assert ht_maand("2026-06-01", 42600, "710") == 0
    assert ht_maand("2026-06-01", 42540, "710") == 3


def test_vermogensgrens_2026():
    # belastingdienst.nl, "Hoeveel vermogen mag ik hebben om huurtoeslag te krijgen?" (2026):
    # € 38.479 alone, € 76.958 with a toeslagpartner; at the limit still entitled
    assert ht_maand("2026-06-01", 20000, "710", vermogen_euro=38479) > 0
    assert ht_maand("2026-06-01", 20000, "710", vermogen_euro=38480) == 0
    kwargs = {"partner": True, "personen": 2}
    assert ht_maand("2026-06-01", 20000, "710", vermogen_euro=76958, **kwargs) > 0
    assert ht_maand("2026-06-01", 20000, "710", vermogen_euro=76959, **kwargs) == 0


@settings(max_examples=300, deadline=None)
@given(
    inkomen=st.integers(0, 80_000),
    huur=st.integers(0, 150_000),  # cents
    personen=st.integers(1, 5),
    jong=st.booleans(),
)
def test_gelijk_aan_de_handberekening(inkomen, huur, personen, jong):
    """The engine (int64, exact) against the Decimal hand calculation above."""
    verwacht = ht_hand_2026(Decimal(inkomen), Decimal(huur) / 100, personen, jong)
    assert ht_maand("2026-06-01", inkomen, str(Decimal(huur) / 100), personen >= 2,
                    personen, jong) == verwacht  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(
    inkomens=st.lists(st.integers(0, 100_000_00), min_size=2, max_size=20),
    huur=st.integers(0, 200_000),
    partner=st.booleans(),
    kinderen=st.integers(0, 3),
    jong=st.booleans(),
    vermogen=st.integers(0, 120_000_00),
)
def test_eigenschappen(inkomens, huur, partner, kinderen, jong, vermogen):
    """Never negative, never rises with income, 0 above the vermogensgrens."""
    p = parameters.voor_datum(dt.date(2026, 3, 1))
    inkomen = np.sort(np.array(inkomens, dtype=np.int64))
    n = len(inkomen)
    personen = 1 + int(partner) + kinderen
    *_, maand = huurtoeslag.bereken_maand(
        inkomen, np.full(n, huur, dtype=np.int64), np.full(n, partner),
        np.full(n, personen, dtype=np.int64), np.full(n, jong),
        np.full(n, vermogen, dtype=np.int64), p,
    )  # fmt: skip
    assert (maand >= 0).all()
    assert (maand % EUR == 0).all()  # whole euros
    assert (np.diff(maand) <= 0).all()
    grens = p.huurtoeslag_vermogensgrens_partner if partner else p.huurtoeslag_vermogensgrens_alleen
    if vermogen > grens:
        assert (maand == 0).all()


# --- in the whole calculation --------------------------------------------------------------

VOORBEELD_C = geval(uren_per_week="36", functieloon_per_uur="18.00", loonwaarde="0.60")


def test_besteedbaar_telt_huurtoeslag_mee():
    """RULES §9 example C living alone, rent € 710, 2026: huurtoeslag from the toetsingsinkomen
    of each situation (worked out with the hand calculation above), besteedbaar = netto +
    zorgtoeslag + huurtoeslag, and the explanation has the huurtoeslag steps."""
    uit = reken({**VOORBEELD_C, "toeslagpartner": "nee", "vermogen": "0", "huur_per_maand": "710"})
    for kant in ("huidig", "nieuw"):
        s = uit[kant]
        stappen = {x["naam"]: x["waarde"] for x in uit["toelichting"][kant]}
        verwacht = ht_hand_2026(Decimal(stappen["toetsingsinkomen_jaar"]), Decimal("710"))
        assert Decimal(s["huurtoeslag_maand"]) == verwacht
        assert Decimal(s["besteedbaar_maand"]) == Decimal(s["netto_maand"]) + Decimal(
            s["zorgtoeslag_maand"]
        ) + Decimal(s["huurtoeslag_maand"])
        assert Decimal(stappen["huurtoeslag_jaar"]) == 12 * verwacht
    delen = {d["onderdeel"]: d["bedrag"] for d in uit["verklaring"]["huishouden"]["delen"]}
    assert Decimal(delen["huurtoeslag"]) == Decimal(uit["verschil"]["huurtoeslag_maand"])
    som = sum(Decimal(b) for b in delen.values())
    assert som == Decimal(uit["verklaring"]["huishouden"]["totaal"])


def test_zonder_huur_of_voor_2026_niet_berekend():
    zonder = reken({**VOORBEELD_C, "toeslagpartner": "nee"})
    assert zonder["huidig"]["huurtoeslag_maand"] == "niet berekend"
    assert zonder["huidig"]["zorgtoeslag_maand"] != "niet berekend"
    assert "huurtoeslag" not in {
        d["onderdeel"] for d in zonder["verklaring"]["huishouden"]["delen"]
    }
    assert not any(s["naam"].startswith("huurtoeslag") for s in zonder["toelichting"]["huidig"])
    assert not any(k["naam"].startswith("huurtoeslag") for k in zonder["toelichting"]["keuzes"])
    # 2025: the quadratic formula's factors are not in the parameter data: not computed, and
    # besteedbaar is netto + zorgtoeslag
    oud = reken({**VOORBEELD_C, "peildatum": "2025-06-01", "huur_per_maand": "710"})
    for kant in ("huidig", "nieuw", "verschil"):
        assert oud[kant]["huurtoeslag_maand"] == "niet berekend"
    assert Decimal(oud["huidig"]["besteedbaar_maand"]) == Decimal(
        oud["huidig"]["netto_maand"]
    ) + Decimal(oud["huidig"]["zorgtoeslag_maand"])
    assert any(p["naam"] == "huurtoeslag_formule_jaar" for p in oud["toelichting"]["parameters"])
    stappen = {x["naam"]: x["waarde"] for x in oud["toelichting"]["huidig"]}
    assert stappen["huurtoeslag_berekend"] is False and "huurtoeslag_maand" not in stappen
    assert "huurtoeslag_berekend" in {k["naam"] for k in oud["toelichting"]["keuzes"]}
    met = reken({**VOORBEELD_C, "huur_per_maand": "710"})
    keuzes = {k["naam"] for k in met["toelichting"]["keuzes"]}
    assert {"huurtoeslag_rekenhuur_maand", "huurtoeslag_maand"} <= keuzes


def test_terugvordering_als_de_huurtoeslag_daalt():
    """RULES §9 example B (garantiebedrag € 1.600) alone with rent € 710: with the full wage
    next to the garantiebedrag the toetsingsinkomen rises, so the huurtoeslag falls: the flag
    toeslag_terugvordering_risico names the huurtoeslag."""
    rec = {**json.loads((Path(__file__).parent.parent / "examples" / "geval_b.json").read_text()),
           "vermogen": "0", "huur_per_maand": "710"}  # fmt: skip
    uit = reken(rec)
    assert Decimal(uit["verschil"]["huurtoeslag_maand"]) < 0
    assert "toeslag_terugvordering_risico" in uit["signalen"]
    uitleg = next(
        s for s in uit["signalen_toelichting"] if s["code"] == "toeslag_terugvordering_risico"
    )
    assert any("huurtoeslag" in r for r in uitleg["redenen"])


def test_cohort_resultaten_met_huurtoeslag(tmp_path):
    """resultaten.csv has huidig_/nieuw_/verschil_huurtoeslag_maand: the amounts of one case,
    empty without a rent."""
    met = {**VOORBEELD_C, "toeslagpartner": "nee", "huur_per_maand": "710"}
    zonder_huur = {**VOORBEELD_C, "toeslagpartner": "nee", "huur_per_maand": ""}
    rijen = draai_cohort(
        tmp_path, [{**rij, "id": f"R{n}"} for n, rij in enumerate((met, zonder_huur))]
    )
    een = reken(met)
    for kant in ("huidig", "nieuw", "verschil"):
        assert rijen["R0"][f"{kant}_huurtoeslag_maand"] == een[kant]["huurtoeslag_maand"]
        assert rijen["R0"][f"{kant}_besteedbaar_maand"] == een[kant]["besteedbaar_maand"]
        assert rijen["R1"][f"{kant}_huurtoeslag_maand"] == ""
        assert rijen["R1"][f"{kant}_zorgtoeslag_maand"] != ""


@pytest.mark.parametrize("datum", ["2026-01-01", "2026-12-31"])
def test_formule_2026_geldt_het_hele_jaar(datum):
    assert ht_maand(datum, 29000, "710") == 307


def test_brief_werknemer_noemt_de_huurtoeslag():
    """The worker letter: a table row and a sentence with the huurtoeslag now and after, the
    same amounts as the calculation, and the advice to report the new income."""
    import datetime as dt

    from wajong_conversie import brieven, opmaak
    from wajong_conversie.geld import centen
    from wajong_conversie.scenario import Scenario

    rec = {**json.loads((Path(__file__).parent.parent / "examples" / "geval_b.json").read_text()),
           "vermogen": "0", "huur_per_maand": "710", "naam": "A. de Vries",
           "straat": "Dorpsstraat 1", "postcode": "1234 AB", "woonplaats": "Utrecht"}  # fmt: skip
    uit = reken({k: v for k, v in rec.items() if k not in ("naam", "straat", "postcode",
                                                          "woonplaats")})  # fmt: skip
    html = brieven.brief_voor_geval(rec, Scenario(), "werknemer", dt.date(2026, 3, 1))
    nu = opmaak.bedrag(centen(uit["huidig"]["huurtoeslag_maand"]))
    straks = opmaak.bedrag(centen(uit["nieuw"]["huurtoeslag_maand"]))
    assert f"Uw huurtoeslag is nu {nu} per maand en wordt straks {straks} per maand." in html
    assert "Geef uw nieuwe inkomen meteen door aan Dienst Toeslagen" in html
    assert "plus zorgtoeslag, huurtoeslag en kindgebonden budget." in html


def _via_spoor(leeftijd: int, kinderen: int, huur_euro: int, inkomen_euro: int) -> int:
    """huurtoeslag.huurtoeslag on a one-row trace (age and children as the engine gives them)."""
    from wajong_conversie import rekenkern  # noqa: F401  (registers leeftijd and the rest)
    from wajong_conversie.spoor import Spoor

    p = parameters.voor_datum(dt.date(2026, 6, 1))
    s = Spoor()
    s["leeftijd"] = np.array([leeftijd], dtype=np.int64)
    s["toetsingsinkomen_jaar"] = np.array([inkomen_euro * EUR], dtype=np.int64)
    huurtoeslag.huurtoeslag(
        s, np.array([huur_euro * EUR], dtype=np.int64), np.array([False]),
        np.array([[kinderen, 0, 0]], dtype=np.int8), np.zeros(1, dtype=np.int64),
        np.array([True]), p,
    )  # fmt: skip
    return int(s["huurtoeslag_maand"][0]) // EUR


def test_jongerengrens_vanaf_2026_tot_21_jaar():
    """Dienst Toeslagen, 'Bedragen huurtoeslag en andere toeslagen 2026 bekend'
    (https://www.overtoeslagen.nl/actueel/nieuws/2025/11/24/bedragen-huurtoeslag-en-andere-
    toeslagen-2026-bekend, 2026): from 21 years the limit is € 932,93, from 18 to 20 € 498,20.
    Alone, rent € 800, income € 20.000 (under the ijkpunt): at 21: 295,68 + (713,02 − 498,20)
    × 0,65 + (800 − 713,02) × 0,40 = 295,68 + 139,633 + 34,792 = 470,105 → € 470; at 20:
    only 498,20 − 202,52 = 295,68 → € 295; at 20 with a child (2 persons, the normal limit):
    (498,20 − 200,71) + 139,633 + 34,792 = 471,915 → € 471."""
    assert _via_spoor(21, 0, 800, 20000) == 470
    assert _via_spoor(20, 0, 800, 20000) == 295
    assert _via_spoor(20, 1, 800, 20000) == 471


def test_brief_werknemer_eerst_wat_overblijft_met_toeslagen():
    """With a household the letter's opening box also says what the worker keeps to spend:
    the change in net plus allowances, summed here from the parts (not the code's total)."""
    import datetime as dt

    from wajong_conversie import brieven, opmaak
    from wajong_conversie.geld import centen
    from wajong_conversie.scenario import Scenario

    rec = {**json.loads((Path(__file__).parent.parent / "examples" / "geval_b.json").read_text()),
           "vermogen": "0", "huur_per_maand": "710", "naam": "A. de Vries",
           "straat": "Dorpsstraat 1", "postcode": "1234 AB", "woonplaats": "Utrecht"}  # fmt: skip
    uit = reken({k: v for k, v in rec.items() if k not in ("naam", "straat", "postcode",
                                                          "woonplaats")})  # fmt: skip
    delen = ("netto_maand", "zorgtoeslag_maand", "huurtoeslag_maand", "kindgebonden_budget_maand")
    v = sum(centen(uit["nieuw"][k]) - centen(uit["huidig"][k]) for k in delen)
    assert v != 0
    html = brieven.brief_voor_geval(rec, Scenario(), "werknemer", dt.date(2026, 3, 1))
    kern = html.split('class="kern"')[1].split("</div>")[0]
    richting = "meer" if v > 0 else "minder"
    assert (
        f"Met uw toeslagen erbij houdt u {opmaak.bedrag(abs(v))} per maand {richting} over om "
        "uit te geven." in kern
    )
