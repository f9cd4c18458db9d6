"""Policy variants (RULES §6) with hand-worked numbers, the path over the years, the
decomposition of each change, and their invariants."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from conftest import TESTSCENARIOS, VOORBEELDEN, geval, reken
from hypothesis import given, settings
from hypothesis import strategies as st
from test_eigenschappen import INSTELLINGEN, gevallen
from test_voorbeelden import VOORBEELD_B, VOORBEELD_C, stap

from wajong_conversie import verklaring
from wajong_conversie.overgang import pad
from wajong_conversie.rekenkern import Jaarstand, bereken
from wajong_conversie.scenario import Scenario, ScenarioFout, laad, uit_dict
from wajong_conversie.uitvoer import als_dict
from wajong_conversie.validatie import lees_en_controleer

AFBOUW = Scenario(garantiebedrag="afbouw", afbouw_jaren=3)
COMPENSATIE = Scenario(werkgever="compensatie", compensatie_jaren=2)


def jaar(record: dict, scenario: Scenario, k: int) -> dict:
    _, invoer = lees_en_controleer(record)
    return als_dict(bereken(invoer, scenario, Jaarstand(jaar=k)))


def test_afbouw_in_drie_gelijke_stappen():
    # Case B at 2026-03-01. Today per day 38.01 + 73.56 = 111.57; after conversion income
    # 75.96 and formula 20.67, so the full supplement is 111.57 − 75.96 − 20.67 = 14.94 per day.
    # year 0: 20.67 + 14.94 = 35.61 → × 21.75 = 774.5175 → 774.52 (as inkomensgarantie)
    assert jaar(VOORBEELD_B, AFBOUW, 0)["nieuw"]["wajong_uitkering_maand"] == "774.52"
    # year 1: 14.94 × 2/3 = 9.96 → 30.63 per day → 666.2025 → 666.20
    u = jaar(VOORBEELD_B, AFBOUW, 1)
    assert stap(u, "nieuw", "aanvulling_inkomensgarantie_per_dag") == "9.96"
    assert u["nieuw"]["wajong_uitkering_maand"] == "666.20"
    # year 2: 14.94 / 3 = 4.98 → 25.65 per day → 557.8875 → 557.89
    assert jaar(VOORBEELD_B, AFBOUW, 2)["nieuw"]["wajong_uitkering_maand"] == "557.89"
    # year 3 and later: no supplement, the formula only: 449.57
    assert jaar(VOORBEELD_B, AFBOUW, 3)["nieuw"]["wajong_uitkering_maand"] == "449.57"
    assert jaar(VOORBEELD_B, AFBOUW, 7)["nieuw"]["aanvulling_uitkering_maand"] == "0.00"


def test_inkomensgarantie_ook_zonder_garantiebedrag():
    # RULES §6: the supplement is for every converted worker whose gross total per day would
    # fall. Case A (no GB): today 38.01 + 58.64 = 96.65 per day; after conversion income 75.96
    # and formula 20.67 = 96.63, so 0.02 per day short (only through rounding).
    # Supplement 0.02 → benefit 20.69 per day × 21.75 = 450.0075 → 450.01;
    # gross 1 652.23 + 450.01 = 2 102.24 against 2 102.10 today (+0.14; behouden gives −0.30).
    a = geval(functieloon_per_uur="14.71", uren_per_week="24", loonwaarde="0.50")
    u = jaar(a, Scenario(garantiebedrag="inkomensgarantie"), 0)
    assert stap(u, "nieuw", "aanvulling_inkomensgarantie_per_dag") == "0.02"
    assert stap(u, "nieuw", "uitkering_per_dag") == "20.69"
    assert u["nieuw"]["wajong_uitkering_maand"] == "450.01"
    assert u["nieuw"]["aanvulling_uitkering_maand"] == "0.44"  # 450.01 − 449.57
    assert u["verschil"]["bruto_inkomen_maand"] == "0.14"
    # afbouw year 1: 0.02 × 2/3 = 0.0133 → 0.01; 20.68 × 21.75 = 449.79
    assert jaar(a, AFBOUW, 1)["nieuw"]["wajong_uitkering_maand"] == "449.79"


def test_compensatie_houdt_de_werkgever_op_de_kosten_van_vandaag():
    # Case C: extra cost 2 521.20 − 2 247.18 = 274.02 is paid to the employer in years 0 and 1.
    u = jaar(VOORBEELD_C, COMPENSATIE, 0)
    assert u["nieuw"]["compensatie_werkgever_maand"] == "274.02"
    assert u["nieuw"]["werkgever_kosten_maand"] == "2247.18"
    assert u["verschil"]["werkgever_kosten_maand"] == "0.00"
    # government: benefit 0 + LKS 991.18 + vergoeding 232.93 + compensation 274.02
    assert u["nieuw"]["overheid_kosten_maand"] == "1498.13"
    assert "werkgever_achteruit" not in u["signalen"]
    assert jaar(VOORBEELD_C, COMPENSATIE, 1)["nieuw"]["compensatie_werkgever_maand"] == "274.02"
    # year 2: compensation over, the employer pays 2 521.20 again
    u = jaar(VOORBEELD_C, COMPENSATIE, 2)
    assert u["nieuw"]["compensatie_werkgever_maand"] == "0.00"
    assert u["nieuw"]["werkgever_kosten_maand"] == "2521.20"
    assert "werkgever_achteruit" in u["signalen"]


def test_compensatie_zonder_meerkosten_is_nul():
    # Case A: the employer pays 0.54 less under LKS (1 020.41 − 1 020.95), so there is
    # nothing to compensate.
    u = jaar(
        geval(functieloon_per_uur="14.71", uren_per_week="24", loonwaarde="0.50"), COMPENSATIE, 0
    )
    assert u["nieuw"]["compensatie_werkgever_maand"] == "0.00"
    assert u["verschil"]["werkgever_kosten_maand"] == "-0.54"


def test_pad_indexeert_garantiebedrag_en_functieloon_met_het_minimumloon():
    # Conversion on 2024-03-01 so every year of the path has known parameters.
    # GB follows the WML (art. 8:8 lid 7): 1 600 × 2 191.80 / 2 069.40 = 1 694.6361 → 1 694.64;
    # 1 600 × 2 294.40 / 2 069.40 = 1 773.9635 → 1 773.96. The functieloon 13.27 (the WML)
    # becomes 13.27 × 14.06 / 13.27 = 14.06 and 14.71.
    record = geval(
        peildatum="2024-03-01",
        functieloon_per_uur="13.27",
        uren_per_week="24",
        loonwaarde="0.50",
        garantiebedrag_per_maand="1600.00",
    )
    _, invoer = lees_en_controleer(record)
    jaren = pad(invoer, Scenario(), 3)
    peil = [str(j.resultaat.invoer.peildatum[0]) for j in jaren]
    assert peil == ["2024-03-01", "2025-03-01", "2026-03-01"]
    assert [int(j.resultaat.invoer.garantiebedrag[0]) for j in jaren] == [160000, 169464, 177396]
    assert [int(j.resultaat.invoer.functieloon[0]) for j in jaren] == [1327, 1406, 1471]
    assert all(j.resultaat.aannames == () for j in jaren)
    # year 2 equals a direct calculation on 2026-03-01 with the indexed amounts:
    # G = 105.49, LKS 0.5 × 2 294.40 × 1.08 × 24 / 36 = 825.984 → 825.98 (as in example A)
    u = als_dict(jaren[2].resultaat)
    assert u["nieuw"]["loonkostensubsidie_maand"] == "825.98"
    assert stap(u, "nieuw", "garantiebedrag_per_dag") == "81.56"  # 1 773.96 / 21.75 = 81.5614


def test_pad_garantiebedrag_vervalt_na_een_jaar_waarin_de_formule_meer_geeft():
    # Case C with a GB of 500.00: today the formula pays 55.77 a day, the GB 22.99 (500/21.75).
    # After year 0 the GB lapses for good in the path with today's rules (art. 8:8 lid 5).
    record = {**VOORBEELD_C, "garantiebedrag_per_maand": "500.00"}
    _, invoer = lees_en_controleer(record)
    u = als_dict(bereken(invoer, Scenario()), jaren=pad(invoer, Scenario(), 3))
    assert [j["garantiebedrag_vervallen_huidig"] for j in u["pad"]] == [False, True, True]
    assert "garantiebedrag_niet_bindend" in u["signalen"]


def test_pad_zegt_welke_jaren_op_een_aanname_rusten():
    _, invoer = lees_en_controleer(VOORBEELD_B)
    u = als_dict(bereken(invoer, AFBOUW), jaren=pad(invoer, AFBOUW))
    assert len(u["pad"]) == 5  # at least 5 years; afbouw 3 needs 4
    assert u["pad"][0]["aannames"] == []
    assert any("2027" in a and "aanname" in a for a in u["pad"][1]["aannames"])
    assert [j["aanvulling_uitkering_maand"] for j in u["pad"]][3:] == ["0.00", "0.00"]


def test_pad_stopt_bij_de_aow_leeftijd():
    # Born 1960-06-01: 65 on 2026-03-01, 66 on 2027-03-01, 67 (the AOW age) on 2028-03-01.
    record = geval(
        geboortedatum="1960-06-01",
        functieloon_per_uur="14.71",
        uren_per_week="24",
        loonwaarde="0.50",
    )
    _, invoer = lees_en_controleer(record)
    u = als_dict(bereken(invoer, Scenario()), jaren=pad(invoer, Scenario(), 5))
    assert [j["peildatum"] for j in u["pad"]] == ["2026-03-01", "2027-03-01"]


def test_scenario_bestanden_van_de_voorbeelden():
    namen = {
        laad(p).garantiebedrag
        for p in [
            VOORBEELDEN / "scenarios/afbouw.toml",
            VOORBEELDEN / "scenarios/inkomensgarantie.toml",
        ]
    }
    assert namen == {"afbouw", "inkomensgarantie"}
    assert laad(VOORBEELDEN / "scenarios/compensatie.toml").compensatie_jaren == 2
    assert laad(VOORBEELDEN / "scenarios/afbouw.toml").naam == "Afbouw in drie jaar"
    assert uit_dict({"werkgever": "lks_op_functieloon"}, "eigen").naam == "eigen"


@pytest.mark.parametrize(
    "data, melding",
    [
        ({"garantiebedrag": "afbouw"}, "afbouw_jaren ontbreekt"),
        ({"afbouw_jaren": 2}, "hoort alleen bij"),
        ({"werkgever": "compensatie", "compensatie_jaren": 0}, "1 tot en met 20"),
        ({"werkgever": "compensatie", "compensatie_jaren": "2"}, "heel aantal jaren"),
        ({"ingangsdatum": "1 maart"}, "geen datum"),
        ({"garantiebedrag": "weg"}, "geen variant"),
        ({"drempels": {"onbekend": 1}}, "onbekende sleutel"),
        ({"omzetting": "nee"}, "true of false"),
    ],
)
def test_scenario_fouten_in_het_nederlands(data, melding):
    with pytest.raises(ScenarioFout, match=melding):
        uit_dict(data)


# --- decomposition -------------------------------------------------------------------------


def test_verklaring_voorbeeld_b_vervallen():
    # Net −45.58 = wage +825.55; formula benefit (449.57 − 1 275.42) × 1.08 = −891.918 → −891.92;
    # GB part (0 − 324.51) × 1.08 = −350.4708 → −350.47; the rest is tax and credits.
    u = reken(VOORBEELD_B, garantiebedrag="vervallen")
    delen = {d["onderdeel"]: d["bedrag"] for d in u["verklaring"]["werknemer"]["delen"]}
    assert delen["loon"] == "825.55"
    assert delen["uitkering_formule"] == "-891.92"
    assert delen["garantiebedrag_toeslag"] == "-350.47"
    assert u["verklaring"]["werknemer"]["totaal"] == "-45.58"
    werkgever = {d["onderdeel"]: d["bedrag"] for d in u["verklaring"]["werkgever"]["delen"]}
    # 826.68 → 1 652.23 wage; premiums 23.5 %: 194.27 → 388.27; LKS 825.98; vergoeding 194.11
    # (sum −0.54: 825.55 + 194.00 − 825.98 − 194.11)
    assert werkgever == {
        "loon": "825.55",
        "premies": "194.00",
        "loonkostensubsidie": "-825.98",
        "werkgeverslastenvergoeding": "-194.11",
        "compensatie": "0.00",
    }


ALLE_SCENARIOS = st.sampled_from(
    [
        Scenario(),
        Scenario(garantiebedrag="vervallen"),
        Scenario(garantiebedrag="inkomensgarantie"),
        AFBOUW,
        COMPENSATIE,
        Scenario(werkgever="lks_op_functieloon"),
        laad(TESTSCENARIOS / "geen_omzetting.toml"),
    ]
)


@INSTELLINGEN
@given(gevallen(), ALLE_SCENARIOS, st.integers(0, 6))
def test_verklaring_telt_precies_op(geval_, scenario, k):
    _, invoer = geval_
    r = bereken(invoer, scenario, Jaarstand(jaar=k))
    for partij, delen in verklaring.delen(r).items():
        naam = verklaring.TOTALEN[partij][0]
        totaal = r.nieuw[naam] - r.huidig[naam]
        assert np.array_equal(sum(delen.values()), totaal), partij
    # the rounding part stays small: each of 8 parts is rounded by at most half a cent
    assert abs(int(verklaring.delen(r)["werknemer"]["afronding"][0])) <= 5


@INSTELLINGEN
@given(gevallen(), st.integers(0, 1))
def test_compensatie_werkgever_betaalt_nooit_meer_in_de_compensatiejaren(geval_, k):
    _, invoer = geval_
    r = bereken(invoer, COMPENSATIE, Jaarstand(jaar=k))
    assert r.nieuw["werkgever_kosten_maand"][0] <= r.huidig["werkgever_kosten_maand"][0]
    assert not r.signalen["werkgever_achteruit"][0]


@INSTELLINGEN
@given(gevallen())
def test_inkomensgarantie_bruto_per_maand_binnen_afronding(geval_):
    """No worker's gross monthly income falls, and no garantiebedrag holder's rises, by more
    than the rounding points allow (per day the guarantee is exact, see test_eigenschappen)."""
    _, invoer = geval_
    r = bereken(invoer, Scenario(garantiebedrag="inkomensgarantie"))
    verschil = int(r.nieuw["bruto_inkomen_maand"][0]) - int(r.huidig["bruto_inkomen_maand"][0])
    # per day equal (or the formula more), with or without a garantiebedrag (RULES §6); per
    # month the two incomes per day and the benefits per month differ from × 21.75 by at most
    # ½ ct × 21.75 + ½ ct each
    assert verschil >= -2 * (11 + 1)
    if int(r.nieuw["uitkering_formule_per_dag"][0]) + int(r.nieuw["inkomen_per_dag"][0]) <= (
        int(r.huidig["inkomen_per_dag"][0]) + int(r.huidig["uitkering_per_dag"][0])
    ):
        assert abs(verschil) <= 2 * (11 + 1)


@settings(max_examples=60, deadline=None)
@given(gevallen(), st.integers(1, 6))
def test_afbouw_daalt_elk_jaar(geval_, n):
    _, invoer = geval_
    sc = Scenario(garantiebedrag="afbouw", afbouw_jaren=n)
    toeslag = [
        int(bereken(invoer, sc, Jaarstand(jaar=k)).nieuw["aanvulling_maand"][0])
        for k in range(n + 2)
    ]
    assert toeslag == sorted(toeslag, reverse=True)
    assert toeslag[n] == toeslag[n + 1] == 0


def test_pad_is_deterministisch_en_begint_op_de_ingangsdatum():
    sc = uit_dict({"garantiebedrag": "afbouw", "afbouw_jaren": 2, "ingangsdatum": "2025-01-01"})
    _, invoer = lees_en_controleer(VOORBEELD_B)
    jaren = pad(invoer, sc)
    assert jaren[0].resultaat.invoer.peildatum[0] == np.datetime64(dt.date(2025, 1, 1))
    assert len(jaren) == 5
