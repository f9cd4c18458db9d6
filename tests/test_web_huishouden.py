"""The household part of the web result page and the JSON API (issue 11): the answer first,
per side the pension premium, allowances and besteedbaar inkomen, the flags and what the worker
must do at Dienst Toeslagen; without a household one line with what was not computed."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from wajong_conversie import huishoudweergave
from wajong_conversie.huishouden import SLEUTELS
from wajong_conversie.web import maak_app

VOORBEELDEN = Path(__file__).parent.parent / "examples"
GEVAL_B = json.loads((VOORBEELDEN / "geval_b.json").read_text())
NBSP = "\u00a0"

# RULES §9 example B as typed into the form
FORMULIER_B = {
    "peildatum": "1-3-2026",
    "geboortedatum": "5-5-1995",
    "regime": "wajong2010",
    "arbeidsvermogen": "ja",
    "uren_per_week": "24",
    "functieloon_per_uur": "14,71",
    "loonwaarde": "0,50",
    "garantiebedrag_per_maand": "1600,00",
    "voltijd_uren_per_week": "38",
    "werkgeverslasten_percentage": "0,235",
}


@pytest.fixture(scope="module")
def client():
    return maak_app().test_client()


def _scenario_waarde(pagina: str, naam: str) -> str:
    return re.search(rf'<option value="([^"]+)"[^>]*>{naam}</option>', pagina).group(1)


def _post(client, scenario: str = "Garantiebedrag behouden", **velden: str) -> str:
    pagina = client.get("/").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)
    data = {"csrf": csrf, "scenario": _scenario_waarde(pagina, scenario), **FORMULIER_B}
    r = client.post("/bereken", data={**data, **velden})
    assert r.status_code == 200, r.get_data(as_text=True)[:2000]
    return html.unescape(r.get_data(as_text=True)).replace(NBSP, " ")


def _deel(pagina: str) -> str:
    """The household part: from its heading to the next h2."""
    begin = pagina.index('<h2 id="huishouden">')
    return pagina[begin : pagina.index("<h2", begin + 5)]


def _tabel(deel: str) -> dict[str, list[str]]:
    rijen = re.findall(r'<th scope="row">([^<]+)</th>\s*((?:<td[^>]*>[^<]*</td>\s*)+)', deel)
    return {label: re.findall(r"<td[^>]*>([^<]*)</td>", cellen) for label, cellen in rijen}


def _api(client, geval: dict, scenario: dict | None = None) -> dict:
    r = client.post("/api/bereken", json={"case": geval, "scenario": scenario})
    assert r.status_code == 200, r.get_json()
    return r.get_json()


def test_zonder_huishouden_een_regel(client):
    """No household field: one short line naming every part that was not computed and where
    to fill it in; no table, no Dienst Toeslagen sentence."""
    deel = _deel(_post(client))
    assert "<table" not in deel and "Dienst Toeslagen" not in deel
    regels = re.findall(r"<p[^>]*>(.*?)</p>", deel, re.S)
    assert regels == [
        "Niet berekend: pensioenpremie, zorgtoeslag, huurtoeslag, kindgebonden budget en "
        "besteedbaar inkomen. Vul het deel ‘Huishouden, toeslagen en pensioen’ van het "
        "formulier in om ze te berekenen (knop Invoer aanpassen)."
    ]


def test_geval_b_alleenwonend_toeslag_daalt(client):
    """Example B, living alone without assets (scenario: garantiebedrag behouden): the full
    wage next to the garantiebedrag cuts the zorgtoeslag from € 118 to € 5 (see
    test_toeslagen.test_geval_b_met_huishouden_signalen_en_verklaring), so the worker must
    report the new income or pay back. The besteedbaar inkomen still rises: by hand
    (2 734,15 + 5,00) − (2 041,75 + 118,00) = 579,40."""
    pagina = _post(client, vermogen="0")
    deel = _deel(pagina)
    tabel = _tabel(deel)
    assert tabel["Zorgtoeslag"] == ["€ 118,00", "€ 5,00", "-€ 113,00"]
    assert tabel["Besteedbaar inkomen (netto plus toeslagen)"][2] == "+€ 579,40"
    # the answer comes first and says the amount of the table's Verschil cell
    assert deel.index("houdt de werknemer") < deel.index("<table")
    assert "Met loonkostensubsidie houdt de werknemer € 579,40 per maand meer over" in deel
    # the pension premium row only with a pension: none was given here
    assert not any(label.startswith("Pensioenpremie") for label in tabel)
    assert "pensioenpremie (‘Pensioenpremie werknemer’ is niet ingevuld)" in deel
    assert "huurtoeslag (‘Huur per maand’ is niet ingevuld)" in deel
    # the informative flag sits here, once on the page, with the report sentence
    assert 'id="signaal-toeslag_terugvordering_risico"' in deel
    assert pagina.count('id="signaal-toeslag_terugvordering_risico"') == 1
    assert "Geef het nieuwe inkomen meteen door aan Dienst Toeslagen" in deel
    assert "later terugbetaald" in deel
    assert 'id="toeslagen-melden"' not in deel  # the same advice is not said twice


def test_geval_b_vervallen_huishouden_achteruit(client):
    """Example B when the garantiebedrag lapses: by hand (1 996,17 + 129,00) − (2 041,75 +
    118,00) = −34,58 per month; the warning huishouden_achteruit sits in the household part.
    The zorgtoeslag rises, so no paying back, but the income must still be reported."""
    pagina = _post(client, scenario="Garantiebedrag vervalt", vermogen="0")
    deel = _deel(pagina)
    tabel = _tabel(deel)
    assert tabel["Netto inkomen (na belasting en pensioenpremie)"] == [
        "€ 2.041,75",
        "€ 1.996,17",
        "-€ 45,58",
    ]
    assert tabel["Zorgtoeslag"] == ["€ 118,00", "€ 129,00", "+€ 11,00"]
    assert tabel["Besteedbaar inkomen (netto plus toeslagen)"] == [
        "€ 2.159,75",
        "€ 2.125,17",
        "-€ 34,58",
    ]
    assert "Met loonkostensubsidie houdt de werknemer € 34,58 per maand minder over" in deel
    assert 'id="signaal-huishouden_achteruit"' in deel
    assert pagina.count('id="signaal-huishouden_achteruit"') == 1
    assert "Dienst Toeslagen" in deel and "terugbetalen" not in deel


def test_pensioen_en_inleg(client):
    """Example E (PFZW 2026, see examples/geval_e_huishouden.toml) through the form: the
    premium row and the yearly contribution show the API's amounts unchanged (the amounts
    themselves are tested in test_toeslagen)."""
    geval = {k: v for k, v in GEVAL_B.items() if k != "id"}
    velden = {
        "geboortedatum": "15-1-1990",
        "uren_per_week": "36",
        "functieloon_per_uur": "18,00",
        "loonwaarde": "0,60",
        "garantiebedrag_per_maand": "0",
        "toeslagpartner": "nee",
        "vermogen": "5000",
        "pensioen_werknemer_percentage": "0,1295",
        "pensioen_werkgever_percentage": "0,1295",
        "pensioen_franchise_per_jaar": "17283",
    }
    deel = _deel(_post(client, **velden))
    geval.update(
        geboortedatum="1990-01-15",
        uren_per_week=36,
        functieloon_per_uur="18.00",
        loonwaarde="0.60",
        garantiebedrag_per_maand="0",
        toeslagpartner=False,
        vermogen="5000",
        pensioen_werknemer_percentage="0.1295",
        pensioen_werkgever_percentage="0.1295",
        pensioen_franchise_per_jaar="17283",
    )
    uit = _api(maak_app().test_client(), geval)
    premie = _tabel(deel)["Pensioenpremie werknemer (al afgetrokken van het netto inkomen)"]
    assert premie[0] == "€ " + uit["huidig"]["pensioenpremie_werknemer_maand"].replace(".", ",")
    assert premie[1] == "€ " + uit["nieuw"]["pensioenpremie_werknemer_maand"].replace(".", ",")
    assert "Pensioen dat wordt opgebouwd" in deel


def test_api_heeft_alle_huishoudsleutels(client):
    """The JSON API gives every household key per side: an amount with a household (the
    besteedbaar inkomen is the net plus every allowance that was computed), "niet berekend"
    without one."""
    zonder = _api(client, GEVAL_B)
    met = _api(client, {**GEVAL_B, "vermogen": "0"})
    for kant in ("huidig", "nieuw", "verschil"):
        for sleutel in SLEUTELS:
            assert zonder[kant][sleutel] == "niet berekend"
            assert sleutel in met[kant]
        toeslagen = sum(
            Decimal(met[kant][k])
            for k, _ in huishoudweergave.TOESLAGEN
            if met[kant][k] != "niet berekend"
        )
        assert Decimal(met[kant]["besteedbaar_maand"]) == Decimal(met[kant]["netto_maand"]) + (
            toeslagen
        )


def _uitkomst(**verschil_besteedbaar) -> dict:
    """A hand-made result with the household keys (what a future allowance looks like)."""
    huidig = {
        "netto_maand": "1000.00",
        "pensioenpremie_werknemer_maand": "10.00",
        "zorgtoeslag_maand": "100.00",
        "huurtoeslag_maand": "300.00",
        "kindgebonden_budget_maand": "niet berekend",
        "besteedbaar_maand": "1400.00",
        "pensioeninleg_jaar": "0.00",
    }
    nieuw = {**huidig, "netto_maand": "1200.00", "huurtoeslag_maand": "99.00"}
    nieuw["besteedbaar_maand"] = "1399.00"  # 1200 + 100 + 99
    verschil = {
        "netto_maand": "200.00",
        "pensioenpremie_werknemer_maand": "0.00",
        "zorgtoeslag_maand": "0.00",
        "huurtoeslag_maand": "-201.00",
        "kindgebonden_budget_maand": "niet berekend",
        "besteedbaar_maand": "-1.00",
        "pensioeninleg_jaar": "0.00",
        **verschil_besteedbaar,
    }
    return {
        "huidig": huidig,
        "nieuw": nieuw,
        "verschil": verschil,
        "signalen": ["toeslag_terugvordering_risico"],
        "signalen_toelichting": [],
    }


def test_een_nieuwe_toeslag_verschijnt_vanzelf():
    """Once the engine computes huurtoeslag it is a row of its own; kindgebonden budget that
    still says "niet berekend" (with children filled in) is named as not computed yet."""
    h = huishoudweergave.web(_uitkomst(), {"kinderen": "1-1-2015", "huur_per_maand": "700"})
    labels = [r["label"] for r in h["regels"]]
    assert "Huurtoeslag" in labels and "Kindgebonden budget" not in labels
    assert h["regels"][-1]["verschil"] == "-€\xa01,00" and h["regels"][-1]["totaal"]
    assert h["niet_berekend"] == (
        "Niet berekend: kindgebonden budget (rekent dit programma nog niet uit)."
    )
    assert h["antwoord"] == (
        "Met loonkostensubsidie houdt de werknemer €\xa01,00 per maand minder over om uit te geven."
    )
    # the flag's own box says to report the income; no second box with the same advice
    assert h["melden"] == ""


def test_antwoord_gelijk():
    assert huishoudweergave.antwoord(_uitkomst(besteedbaar_maand="0.00")) == (
        "Met loonkostensubsidie houdt de werknemer per maand evenveel over om uit te geven als "
        "vandaag."
    )


def test_bereken_tekst_noemt_het_antwoord():
    """`bereken` (text) says the same sentence under the table: example E keeps
    (2 579,10 + 82,00) − (2 591,26 + 47,00) = 22,84 more (by hand from its table rows);
    without a household there is no such line."""
    import subprocess
    import sys

    exe = str(Path(sys.executable).parent / "wajong-conversie")
    met = subprocess.run(
        [exe, "bereken", str(VOORBEELDEN / "geval_e_huishouden.toml")],
        capture_output=True, text=True, check=True,
    ).stdout.replace(NBSP, " ")  # fmt: skip
    assert "Zorgtoeslag                                    € 47,00       € 82,00" in met
    assert (
        "Besteedbaar inkomen: Met loonkostensubsidie houdt de werknemer € 22,84 per maand "
        "meer over om uit te geven." in met
    )
    zonder = subprocess.run(
        [exe, "bereken", str(VOORBEELDEN / "geval_b.json")],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Besteedbaar inkomen:" not in zonder


def test_cohortpagina_toont_de_huishoudtellingen(client):
    """The cohort page's key figures have the household counts of the report, for the
    hand-tallied cohort of tests/test_rapport_huishouden.py; without household rows none."""
    import csv
    import io

    from test_rapport_huishouden import RIJEN, SIGNALEN, VERWACHT

    velden = sorted({k for rij, _ in RIJEN.values() for k in rij} | {"id"})
    buffer = io.StringIO()
    w = csv.DictWriter(buffer, fieldnames=velden)
    w.writeheader()
    for naam, (rij, _) in RIJEN.items():
        w.writerow({"id": naam, **rij})
    pagina = client.get("/cohort").get_data(as_text=True)
    csrf = re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)
    scenario = re.search(r'name="scenario" value="([^"]+)"', pagina).group(1)

    def upload(inhoud: str) -> str:
        r = client.post(
            "/cohort",
            data={
                "csrf": csrf,
                "scenario": scenario,
                "bestand": (io.BytesIO(inhoud.encode()), "c.csv"),
            },
            content_type="multipart/form-data",
        )
        assert r.status_code == 200
        return html.unescape(r.get_data(as_text=True))

    tekst = upload(buffer.getvalue())
    for label, aantal in (
        ("Werknemers met een bekend huishouden", VERWACHT["aantal_met_huishouden"]),
        (
            "Houden minder over, terwijl het netto inkomen zonder pensioenpremie stijgt",
            VERWACHT["netto_zonder_pensioen_omhoog_besteedbaar_omlaag"],
        ),
        ("Huishouden houdt minder over (signaal)", SIGNALEN["huishouden_achteruit"]),
        ("Een toeslag daalt (signaal)", SIGNALEN["toeslag_terugvordering_risico"]),
    ):
        assert f'<th scope="row">{label}</th><td class="bedrag">{aantal}</td>' in tekst
    zonder = upload(
        "\n".join(buffer.getvalue().splitlines()[:1] + buffer.getvalue().splitlines()[-1:])
    )
    assert "Werknemers met een bekend huishouden" not in zonder
