"""Household, zorgtoeslag and pension (issue 11).

Expected amounts are the Belastingdienst's published tables (source named per test) and hand
calculations written out below; never the code's own output.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from pathlib import Path

import numpy as np
import pytest
from conftest import draai_cohort, geval, reken
from hypothesis import given, settings
from hypothesis import strategies as st

from wajong_conversie import parameters, zorgtoeslag
from wajong_conversie.validatie import Invoerfout, lees_en_controleer

HIER = Path(__file__).parent
EUR = 100


def zt_maand(datum: str, inkomen_euro: int, partner: bool, vermogen_euro: int = 0) -> int:
    """Zorgtoeslag per month in whole euros for a toetsingsinkomen in whole euros."""
    p = parameters.voor_datum(dt.date.fromisoformat(datum))
    _, jaar = zorgtoeslag.bereken_jaar(
        np.array([inkomen_euro * EUR]), np.array([partner]), np.array([vermogen_euro * EUR]), p
    )
    return int(zorgtoeslag.per_maand(jaar)[0]) // EUR


# Belastingdienst, "Hoeveel zorgtoeslag krijg ik?" 2025
# (https://www.belastingdienst.nl/wps/wcm/connect/nl/zorgtoeslag/content/hoeveel-zorgtoeslag),
# table for a single person as reproduced with "Bron: de Belastingdienst" in
# https://www.metronieuws.nl/geld-carriere/toeslagen/2025/01/zoveel-zorgtoeslag-2025-per-inkomen/
# and with a toeslagpartner in
# https://www.metronieuws.nl/geld-carriere/2024/11/zorgtoeslag-2025-per-inkomen-inkomensgrens-br/
TABEL_2025_ALLEEN = {
    28000: 131, 29000: 124, 30000: 112, 31000: 101, 32000: 90, 33000: 78, 34000: 67,
    35000: 55, 36000: 44, 37000: 33, 38000: 21, 39000: 10,
}  # fmt: skip
TABEL_2025_PARTNER = {
    28000: 250, 29000: 244, 30000: 232, 31000: 221, 32000: 209, 33000: 198, 34000: 187,
    35000: 175, 36000: 164, 37000: 152, 38000: 141, 39000: 129, 40000: 118, 41000: 107,
    42000: 95, 43000: 84,
}  # fmt: skip
# Rijksoverheid / Belastingdienst 2026, single person, as reproduced with "Bron: Rijksoverheid"
# in https://www.metronieuws.nl/geld-carriere/toeslagen/2025/11/dit-inkomen-2026-maximale-zorgtoeslag-br/
# (the same article: at most € 246 per month with a toeslagpartner).
TABEL_2026_ALLEEN = {
    29500: 129, 30000: 126, 30500: 120, 31000: 114, 31500: 109, 32000: 103, 32500: 97,
    33000: 91, 33500: 86, 34000: 80, 34500: 74, 35000: 69, 35500: 63, 36000: 57, 36500: 51,
    37000: 46, 37500: 40, 38000: 34, 38500: 28, 39000: 23, 39500: 17, 40000: 11, 40500: 6,
    41000: 0,
}  # fmt: skip


@pytest.mark.parametrize("inkomen,bedrag", sorted(TABEL_2025_ALLEEN.items()))
def test_tabel_2025_alleen(inkomen, bedrag):
    assert zt_maand("2025-06-01", inkomen, False) == bedrag


@pytest.mark.parametrize("inkomen,bedrag", sorted(TABEL_2025_PARTNER.items()))
def test_tabel_2025_partner(inkomen, bedrag):
    assert zt_maand("2025-06-01", inkomen, True) == bedrag


@pytest.mark.parametrize("inkomen,bedrag", sorted(TABEL_2026_ALLEEN.items()))
def test_tabel_2026_alleen(inkomen, bedrag):
    assert zt_maand("2026-06-01", inkomen, False) == bedrag


# Belastingdienst, "Hoeveel zorgtoeslag krijg ik?" 2026, table with a toeslagpartner (amount per
# month for a joint income up to the row's amount), as transcribed from
# https://www.belastingdienst.nl/wps/wcm/connect/nl/zorgtoeslag/content/hoeveel-zorgtoeslag
# (page of 2026-07-16) in a public allowance dataset; the 0 row is "en meer".
TABEL_2026_PARTNER = {
    29500: 246, 30000: 243, 30500: 238, 31000: 232, 31500: 226, 32000: 221, 32500: 215,
    33000: 209, 33500: 203, 34000: 198, 34500: 192, 35000: 186, 35500: 180, 36000: 175,
    36500: 169, 37000: 163, 37500: 158, 38000: 152, 38500: 146, 39000: 140, 39500: 135,
    40000: 129, 40500: 123, 41000: 118, 41500: 112, 42000: 106, 42500: 100, 43000: 95,
    43500: 89, 44000: 83, 44500: 78, 45000: 72, 45500: 66, 46000: 60, 46500: 55, 47000: 49,
    47500: 43, 48000: 37, 48500: 32, 49000: 26, 49500: 20, 50000: 15, 50500: 9, 51000: 3,
    51500: 0,
}  # fmt: skip


@pytest.mark.parametrize("inkomen,bedrag", sorted(TABEL_2026_PARTNER.items()))
def test_tabel_2026_partner(inkomen, bedrag):
    assert zt_maand("2026-06-01", inkomen, True) == bedrag


def test_maximum_2026_partner():
    # metronieuws.nl 2025-11 (Rijksoverheid): at most € 246 per month with a toeslagpartner
    assert zt_maand("2026-06-01", 20000, True) == 246


def test_maximum_2024():
    # hartvannederland.nl 2025-08 (Belastingdienst proefberekening 2024): at most € 123 per
    # month alone, € 236 with a toeslagpartner; income limit € 37.496 alone
    assert zt_maand("2024-06-01", 20000, False) == 123
    assert zt_maand("2024-06-01", 20000, True) == 236


@pytest.mark.parametrize(
    "datum,alleen,samen",
    [("2024-06-01", 37496, 47368), ("2025-06-01", 39719, 50206), ("2026-06-01", 40857, 51142)],
)
def test_inkomensgrenzen(datum, alleen, samen):
    """The published income limits: 2024 hartvannederland.nl (Belastingdienst), 2025
    metronieuws.nl 2025-01 (Belastingdienst), 2026 overstappen.nl/zorgverzekering/zorgtoeslag.
    At the limit a year amount of at least € 24 remains (Awir minimum), one euro above none."""
    p = parameters.voor_datum(dt.date.fromisoformat(datum))
    for grens, partner in ((alleen, False), (samen, True)):
        _, jaar = zorgtoeslag.bereken_jaar(
            np.array([grens * EUR, (grens + 1) * EUR]), np.array([partner] * 2),
            np.zeros(2, dtype=np.int64), p,
        )  # fmt: skip
        assert int(jaar[0]) == 24 * EUR and int(jaar[1]) == 0


def test_vermogensgrens_2026():
    # Stcrt. 2025, 38110: € 146.011 alone, € 184.633 together
    assert zt_maand("2026-06-01", 20000, False, 146011) == 129
    assert zt_maand("2026-06-01", 20000, False, 146012) == 0
    assert zt_maand("2026-06-01", 20000, True, 184633) == 246
    assert zt_maand("2026-06-01", 20000, True, 184634) == 0


@settings(max_examples=200, deadline=None)
@given(
    datum=st.sampled_from(["2024-03-01", "2025-03-01", "2026-03-01"]),
    inkomens=st.lists(st.integers(0, 200_000_00), min_size=2, max_size=20),
    partner=st.booleans(),
    vermogen=st.integers(0, 300_000_00),
)
def test_eigenschappen_zorgtoeslag(datum, inkomens, partner, vermogen):
    p = parameters.voor_datum(dt.date.fromisoformat(datum))
    inkomen = np.sort(np.array(inkomens, dtype=np.int64))
    n = len(inkomen)
    _, jaar = zorgtoeslag.bereken_jaar(
        inkomen, np.full(n, partner), np.full(n, vermogen, dtype=np.int64), p
    )
    maand = zorgtoeslag.per_maand(jaar)
    assert (jaar >= 0).all() and (maand >= 0).all()
    assert (np.diff(jaar) <= 0).all() and (np.diff(maand) <= 0).all()  # never rises with income
    grens = p.zorgtoeslag_vermogensgrens_partner if partner else p.zorgtoeslag_vermogensgrens_alleen
    if vermogen > grens:
        assert (jaar == 0).all()


# --- the whole calculation ---------------------------------------------------------------

VOORBEELD_C = geval(uren_per_week="36", functieloon_per_uur="18.00", loonwaarde="0.60")


def test_pensioen_met_de_hand():
    """RULES §9 example C with a 7 % employee premium above a franchise of € 17.545 for a
    full-time job; 36 of 38 hours, so the franchise is 17.545 × 36 / 38 = 16.621,578…
    → € 16.621,58 (the fund's (voltijd salaris − franchise) × deeltijdfactor).

    Today: wage 36 × 18,00 × 0,60 × 52/12 = 1.684,80, with 8 % holiday pay 1.819,58 per month
    (RULES §9). Pensionable 12 × 1.819,58 = 21.834,96; − 16.621,58 = 5.213,38; × 7 % = 364,9366
    → € 364,94 per year, / 12 = 30,411… → € 30,41 per month.
    After conversion: 36 × 18,00 × 52/12 = 2.808,00, × 1,08 = 3.032,64; × 12 = 36.391,68;
    − 16.621,58 = 19.770,10; × 7 % = 1.383,907 → € 1.383,91; / 12 = 115,325… → € 115,33.
    """
    uit = reken(
        {**VOORBEELD_C, "pensioen_werknemer_percentage": "0.07",
         "pensioen_franchise_per_jaar": "17545"}
    )  # fmt: skip
    assert uit["huidig"]["pensioenpremie_werknemer_maand"] == "30.41"
    assert uit["nieuw"]["pensioenpremie_werknemer_maand"] == "115.33"
    assert uit["verschil"]["pensioenpremie_werknemer_maand"] == "84.92"
    stappen = {s["naam"]: s["waarde"] for s in uit["toelichting"]["huidig"]}
    assert stappen["pensioen_franchise_deeltijd_jaar"] == "16621.58"
    assert stappen["pensioenpremie_werknemer_jaar"] == "364.94"


def test_pensioen_franchise_voltijd_niet_naar_rato():
    """At (or above) the full-time week the whole franchise counts: 38 of 38 hours."""
    uit = reken(
        {**VOORBEELD_C, "uren_per_week": "38", "pensioen_werknemer_percentage": "0.07",
         "pensioen_franchise_per_jaar": "17545"}
    )  # fmt: skip
    stappen = {s["naam"]: s["waarde"] for s in uit["toelichting"]["huidig"]}
    assert stappen["pensioen_franchise_deeltijd_jaar"] == "17545.00"


def test_pensioeninleg_pfzw_voorbeeld_e():
    """Example E (PFZW 2026, 25,9 % split 12,95 % / 12,95 %, franchise € 17.283 full-time;
    36 of 38 hours: 17.283 × 36 / 38 = 16.373,368… → € 16.373,37), today:
    12 × 1.819,58 = 21.834,96 − 16.373,37 = 5.461,59; employee × 12,95 % = 707,275905 → 707,28,
    / 12 = 58,94; together × 25,9 % = 1.414,55181 → € 1.414,55 per year."""
    from wajong_conversie import tekstbestand

    pad = HIER.parent / "examples" / "geval_e_huishouden.toml"
    uit = reken(tekstbestand.toml_laden(pad.read_text(encoding="utf-8")))
    assert uit["huidig"]["pensioenpremie_werknemer_maand"] == "58.94"
    assert uit["huidig"]["pensioeninleg_jaar"] == "1414.55"


def test_pensioen_verlaagt_belastbaar_inkomen():
    """Box 1 2026 (35,75 % up to € 38.883) over the income minus the premium."""
    from wajong_conversie.rekenkern import bereken
    from wajong_conversie.scenario import Scenario

    rec = {**VOORBEELD_C, "pensioen_werknemer_percentage": "0.07",
           "pensioen_franchise_per_jaar": "17545"}  # fmt: skip
    _, inv = lees_en_controleer(rec)
    h = bereken(inv, Scenario()).huidig
    bruto = int(h["bruto_jaar"][0])
    assert int(h["belastbaar_jaar"][0]) == bruto - 364_94  # the premium of the test above
    # belastbaar × 0,3575, rounded to cents (the income stays in the first bracket)
    belastbaar = bruto - 364_94
    assert belastbaar < 38883_00
    assert int(h["box1_jaar"][0]) == (belastbaar * 3575 + 5000) // 10000
    assert int(h["netto_jaar"][0]) == bruto - 364_94 - int(h["belasting_jaar"][0])


def test_besteedbaar_en_zorgtoeslag_in_de_uitvoer():
    uit = reken({**VOORBEELD_C, "toeslagpartner": "nee", "vermogen": "0"})
    for kant in ("huidig", "nieuw"):
        s = uit[kant]
        netto = float(s["netto_maand"])  # float ok: a comparison of two printed amounts
        assert float(s["besteedbaar_maand"]) == pytest.approx(  # float ok
            netto + float(s["zorgtoeslag_maand"])  # float ok
        )
        assert s["huurtoeslag_maand"] == "niet berekend"
        assert s["pensioenpremie_werknemer_maand"] == "0.00"
    # today: toetsingsinkomen = bruto_jaar 2026 (no pension) → hand: see tabel-logic
    stappen = {s["naam"]: s for s in uit["toelichting"]["huidig"]}
    assert "zorgtoeslag_maand" in stappen


def test_geen_huishouden_zoals_voorheen():
    """Without household fields: byte-identical to the output before issue 11 (stored from the
    commit before it), apart from the new keys that say "niet berekend"."""
    nieuwe = {
        "pensioenpremie_werknemer_maand",
        "zorgtoeslag_maand",
        "huurtoeslag_maand",
        "kindgebonden_budget_maand",
        "besteedbaar_maand",
        "pensioeninleg_jaar",
    }
    for naam, bestand in (("geval_a.json", "geval_a_voor_huishouden.json"),
                          ("geval_b.json", "geval_b_voor_huishouden.json")):  # fmt: skip
        uit = subprocess.run(
            [str(Path(sys.executable).parent / "wajong-conversie"), "bereken",
             str(HIER.parent / "examples" / naam), "--json"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        nu, voor = json.loads(uit), json.loads((HIER / "data" / bestand).read_text())
        for kant in ("huidig", "nieuw", "verschil"):
            assert {k: nu[kant][k] for k in nieuwe} == dict.fromkeys(nieuwe, "niet berekend")
            assert {k: v for k, v in nu[kant].items() if k not in nieuwe} == voor[kant]
        assert nu["toelichting"] == voor["toelichting"]
        assert nu["signalen"] == voor["signalen"]


@pytest.mark.parametrize(
    "veld,waarde,melding",
    [
        ("kinderen", "2015-01-01;;2016-01-01", "lege datum"),
        ("kinderen", "2030-01-01", "na de peildatum"),
        ("vermogen", "1.000", "1000"),
        ("pensioen_werknemer_percentage", "7%", "geen getal"),
        ("pensioen_werknemer_percentage", "0.9", "0,5"),
        ("partner_inkomen_per_jaar", "12000", "toeslagpartner"),
        ("toeslagpartner", "misschien", ""),
    ],
)
def test_foute_huishoudvelden(veld, waarde, melding):
    with pytest.raises(Invoerfout) as e:
        lees_en_controleer({**VOORBEELD_C, veld: waarde})
    fouten = [f for f in e.value.fouten if f.veld == veld]
    assert fouten and melding in fouten[0].melding


def _zt_hand_2026(toetsingsinkomen: Decimal, partner: bool = False) -> Decimal:
    """Zorgtoeslag per month 2026, written out independently with Decimal (Wzt art. 2):
    standaardpremie € 2.119, drempelinkomen € 29.736, 1,912 % / 4,289 % and 13,73 %;
    year amount to whole euros, under € 24 nothing, per month rounded down."""
    d = Decimal("29736")
    basis = Decimal("0.04289") if partner else Decimal("0.01912")
    norm = basis * d + Decimal("0.1373") * max(toetsingsinkomen - d, Decimal(0))
    jaar = (Decimal("2119") * (2 if partner else 1) - norm).quantize(Decimal(1), ROUND_HALF_UP)
    jaar = max(jaar, Decimal(0))
    if jaar < 24:
        return Decimal(0)
    return (jaar / 12).to_integral_value(ROUND_FLOOR)


def test_geval_b_met_huishouden_signalen_en_verklaring():
    """RULES §9 example B (garantiebedrag € 1.600) for a worker living alone: the full wage
    next to the garantiebedrag cuts the zorgtoeslag (toeslag_terugvordering_risico); when the
    garantiebedrag lapses the household keeps less (huishouden_achteruit)."""
    rec = {**json.loads((HIER.parent / "examples" / "geval_b.json").read_text()), "vermogen": "0"}
    gevallen = (
        ({}, "toeslag_terugvordering_risico"),
        ({"garantiebedrag": "vervallen"}, "huishouden_achteruit"),
    )
    for scenario, signaal in gevallen:
        uit = reken(rec, **scenario)
        assert signaal in uit["signalen"]
        for kant in ("huidig", "nieuw"):
            stappen = {s["naam"]: s["waarde"] for s in uit["toelichting"][kant]}
            verwacht = _zt_hand_2026(Decimal(stappen["bruto_jaar"]))
            assert Decimal(uit[kant]["zorgtoeslag_maand"]) == verwacht
            assert Decimal(uit[kant]["besteedbaar_maand"]) == Decimal(
                uit[kant]["netto_maand"]
            ) + Decimal(uit[kant]["zorgtoeslag_maand"])
        for partij in uit["verklaring"].values():  # the parts add up exactly
            som = sum(Decimal(d["bedrag"]) for d in partij["delen"])
            assert som == Decimal(partij["totaal"])
        assert "huishouden" in uit["verklaring"]


def test_cohort_met_huishoudkolommen(tmp_path):
    """The same household fields in a cohort: the same amounts as one case, empty cells
    without a household, and a bad cell rejected with the message of one case."""
    import csv

    met = {**VOORBEELD_C, "toeslagpartner": "ja", "partner_inkomen_per_jaar": "9000",
           "kinderen": "2015-03-01;2009-01-01", "pensioen_werknemer_percentage": "0.07",
           "pensioen_franchise_per_jaar": "17545"}  # fmt: skip
    zonder = dict(VOORBEELD_C)
    fout = {**VOORBEELD_C, "kinderen": "2015-03-01;;2016-01-01"}
    rijen = draai_cohort(
        tmp_path, [{**rij, "id": f"R{n}"} for n, rij in enumerate((met, zonder, fout))]
    )
    een = reken(met)
    for kant in ("huidig", "nieuw", "verschil"):
        for k in ("zorgtoeslag_maand", "besteedbaar_maand", "pensioenpremie_werknemer_maand"):
            assert rijen["R0"][f"{kant}_{k}"] == een[kant][k]
            assert rijen["R1"][f"{kant}_{k}"] == ""
    samenvatting = json.loads((tmp_path / "uit" / "samenvatting.json").read_text())
    assert samenvatting["scenarios"][0]["huishouden"]["aantal_met_huishouden"] == 1  # R0 only
    afgewezen = list(csv.DictReader((tmp_path / "uit" / "afgewezen.csv").open()))
    assert [a["id"] for a in afgewezen] == ["R2"]
    with pytest.raises(Invoerfout) as e:
        lees_en_controleer(fout)
    assert afgewezen[0]["reden"] == e.value.fouten[0].melding


def test_uren_reeks():
    """--uren-reeks: 0 … 38 hours; the row at today's 36 hours is the case itself, and each
    'erbij' is the step from the hour before. With LKS one extra hour per week adds
    18,00 × 52/12 × 1,08 = € 84,24 gross wage per month (hand)."""
    pad = HIER.parent / "examples" / "geval_e_huishouden.toml"
    uit = json.loads(
        subprocess.run(
            [str(Path(sys.executable).parent / "wajong-conversie"), "bereken", str(pad),
             "--json", "--uren-reeks"],
            capture_output=True, text=True, check=True,
        ).stdout
    )  # fmt: skip
    m = uit["marginaal"]
    assert m["maat"] == "besteedbaar_maand"
    assert [r["uren_per_week"] for r in m["reeks"]] == list(range(39))
    rij = m["reeks"][36]
    assert rij["huidig"] == uit["huidig"]["besteedbaar_maand"]
    assert rij["nieuw"] == uit["nieuw"]["besteedbaar_maand"]
    for vorige, r in zip(m["reeks"], m["reeks"][1:], strict=False):
        assert Decimal(r["erbij_nieuw"]) == Decimal(r["nieuw"]) - Decimal(vorige["nieuw"])
        assert r["loon_erbij_nieuw"] == "84.24"
    tekst = subprocess.run(
        [str(Path(sys.executable).parent / "wajong-conversie"), "bereken", str(pad),
         "--uren-reeks"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Loont meer werken?" in tekst


def test_api_met_huishouden():
    """The JSON API takes the same household fields (kinderen as a JSON list) and refuses a
    bad date with the message of the command line."""
    from wajong_conversie.web import maak_app

    client = maak_app().test_client()
    geval = {**VOORBEELD_C, "toeslagpartner": True, "kinderen": ["2015-01-01"]}
    r = client.post("/api/bereken", json={"case": geval})
    assert r.status_code == 200
    assert (
        r.get_json()["huidig"]["zorgtoeslag_maand"] == reken(geval)["huidig"]["zorgtoeslag_maand"]
    )
    r = client.post("/api/bereken", json={"case": {**geval, "kinderen": ["2015-02-30"]}})
    assert r.status_code == 422
    with pytest.raises(Invoerfout) as e:
        lees_en_controleer({**geval, "kinderen": ["2015-02-30"]})
    assert r.get_json()["fouten"][0]["melding"] == e.value.fouten[0].melding


def test_rij_zonder_huishouden_in_een_gemengde_partij():
    """A row without household fields computes the same amounts whether or not other rows in
    its batch have one (the cohort mixes them)."""
    from wajong_conversie.model import Invoer
    from wajong_conversie.rekenkern import bereken
    from wajong_conversie.scenario import Scenario
    from wajong_conversie.uitvoer import BEDRAGEN, situaties

    zonder, _ = lees_en_controleer(VOORBEELD_C)
    met, _ = lees_en_controleer(
        {**VOORBEELD_C, "pensioen_werknemer_percentage": "0.07", "vermogen": "0"}
    )
    alleen = situaties(bereken(Invoer.uit_gevallen([zonder]), Scenario()), 0)
    gemengd = situaties(bereken(Invoer.uit_gevallen([met, zonder]), Scenario()), 1)
    for kant in ("huidig", "nieuw", "verschil"):
        for sleutel, _, _ in BEDRAGEN:
            assert gemengd[kant][sleutel] == alleen[kant][sleutel]
        assert gemengd[kant]["besteedbaar_maand"] == "niet berekend"


def test_brief_werknemer_noemt_zorgtoeslag():
    """The worker's letter names what happens to the zorgtoeslag (example B: € 118 → € 5,
    see test_geval_b_met_huishouden_signalen_en_verklaring) and says to report the income;
    without a household the letter says nothing about it."""
    from wajong_conversie.brieven import brief_voor_geval
    from wajong_conversie.scenario import Scenario

    adres = {"naam": "A. Voorbeeld", "straat": "Straat 1", "postcode": "1234 AB",
             "woonplaats": "Utrecht"}  # fmt: skip
    rec = {**json.loads((HIER.parent / "examples" / "geval_b.json").read_text()), **adres}
    voor = dt.date(2026, 2, 2)  # the letter is dated before the change (peildatum 1-3-2026)
    met = brief_voor_geval({**rec, "vermogen": "0"}, Scenario(), "werknemer", voor)
    met = met.replace("\xa0", " ")
    assert "Uw zorgtoeslag is nu € 118,00 per maand en wordt straks € 5,00 per maand." in met
    assert "Dienst Toeslagen" in met and "Besteedbaar inkomen" in met
    zonder = brief_voor_geval(rec, Scenario(), "werknemer", voor)
    assert "Dienst Toeslagen" not in zonder and "Besteedbaar" not in zonder


def test_webformulier_huishouden():
    """The form has a collapsible household part; its fields go through the same check."""
    import re

    from wajong_conversie.web import maak_app

    client = maak_app().test_client()
    pagina = client.get("/").get_data(as_text=True)
    assert "<summary>Huishouden, toeslagen en pensioen (niet verplicht)</summary>" in pagina
    assert 'id="veld-kinderen"' in pagina and '<details class="groep">' in pagina  # closed
    csrf = re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)
    scenario = re.search(r'<option value="([^"]+)"[^>]*selected', pagina).group(1)
    formulier = {
        "csrf": csrf, "scenario": scenario, "peildatum": "1-3-2026",
        "geboortedatum": "5-5-1995", "regime": "wajong2010", "arbeidsvermogen": "ja",
        "uren_per_week": "36", "functieloon_per_uur": "18,00", "loonwaarde": "0,60",
        "garantiebedrag_per_maand": "0", "voltijd_uren_per_week": "38",
        "werkgeverslasten_percentage": "0,235", "toeslagpartner": "nee",
    }  # fmt: skip
    r = client.post("/bereken", data={**formulier, "kinderen": "1-4-2015;30-2-2018"})
    assert r.status_code == 422
    tekst = r.get_data(as_text=True)
    melding = "&#39;30-2-2018&#39; is geen datum; schrijf de datum als dag-maand-jaar"
    assert melding in tekst and '<details class="groep" open>' in tekst
    r = client.post("/bereken", data={**formulier, "kinderen": "1-4-2015"})
    assert r.status_code == 200
