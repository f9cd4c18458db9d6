"""Scenario files' messages as stable codes (issue 13 item 6, the leftover): every refusal of
``scenario.uit_dict`` / ``scenario.laad`` has its own code in ``meldingen`` and its text is
rendered from it; the API answers that code instead of ``scenario_ongeldig`` for all of them.
The expected texts are written out here by hand (they are the texts the tool has always
given; the CLI and the form show them unchanged)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wajong_conversie import cli, meldingen
from wajong_conversie.scenario import ScenarioFout, laad, uit_dict
from wajong_conversie.web import maak_app

VOORBEELDEN = Path(__file__).resolve().parent.parent / "examples"

GEVALLEN = [
    (
        {"garantiebedrag": "afbouw"},
        "scenario_jaren_ontbreekt",
        'afbouw_jaren ontbreekt; verplicht bij garantiebedrag = "afbouw"',
    ),
    (
        {"compensatie_jaren": 2},
        "scenario_jaren_hoort_niet",
        'compensatie_jaren hoort alleen bij werkgever = "compensatie"',
    ),
    (
        {"garantiebedrag": "afbouw", "afbouw_jaren": 0},
        "scenario_jaren_bereik",
        "afbouw_jaren: verwacht een heel aantal jaren van 1 tot en met 20, niet 0",
    ),
    ({"lks": 3}, "scenario_geen_tabel", "lks: verwacht een tabel [lks]"),
    (
        {"lks": {"x": 1}},
        "scenario_tabelsleutel_onbekend",
        "onbekende sleutel(s) in [lks]: x; toegestaan: plafond, werkgeverslastenvergoeding",
    ),
    ({"lks": {"plafond": "abc"}}, "scenario_waarde", "lks.plafond: 'abc' is geen getal"),
    (
        {"lks": {"plafond": 2}},
        "scenario_fractie_bereik",
        "lks.plafond: moet tussen 0 en 1 liggen, niet 2",
    ),
    (
        {"naam": 5},
        "scenario_geen_tekst",
        'naam: verwacht een tekst tussen aanhalingstekens ("…")',
    ),
    ({"naam": "   "}, "scenario_tekst_leeg", "naam: mag niet leeg zijn"),
    ({"naam": "x" * 201}, "scenario_tekst_te_lang", "naam: hoogstens 200 tekens (nu 201)"),
    ({"omzetting": "ja"}, "scenario_geen_janee", "omzetting: verwacht true of false"),
    (
        {"brief": {"beschikking": "ja"}},
        "scenario_geen_janee",
        "brief.beschikking: verwacht true of false",
    ),
    (
        {"garantiebedrag": "weg"},
        "scenario_geen_variant",
        "garantiebedrag: 'weg' is geen variant; kies uit behouden, vervallen, "
        "inkomensgarantie, afbouw",
    ),
    (
        {"ingangsdatum": "9999-12-31"},
        "scenario_ingangsdatum_bereik",
        # parameters from 1 January 2024; the last known ones (2026) + 50 years
        "ingangsdatum: 31 december 9999 kan niet; toegestaan: 1 januari 2024 tot en met 31 "
        "december 2076 (parameters zijn bekend vanaf 1 januari 2024; na de laatst bekende "
        "parameters rekent het model hoogstens 50 jaar door met een aanname)",
    ),
    (
        {"brief": {"beschikking": True}},
        "scenario_grondslag_ontbreekt",
        "brief.grondslag ontbreekt: een beschikking noemt de wettelijke grondslag",
    ),
    (
        {"drempels": {"werknemer_achteruit_euro": -1}},
        "scenario_negatief",
        "drempels.werknemer_achteruit_euro: mag niet negatief zijn",
    ),
    (
        {"drempels": {"klasse_gelijk_fractie": 0.1, "klasse_sterk_fractie": 0.05}},
        "scenario_drempels_volgorde",
        "drempels: klasse_gelijk_fractie moet kleiner zijn dan klasse_sterk_fractie (binnen "
        "de eerste grens heet een verandering 'gelijk', boven de tweede 'sterk')",
    ),
]


@pytest.mark.parametrize(("data", "code", "tekst"), GEVALLEN, ids=[g[1] for g in GEVALLEN])
def test_elke_scenariomelding_heeft_een_eigen_code(data, code, tekst):
    with pytest.raises(ScenarioFout) as fout:
        uit_dict(data)
    assert fout.value.code == code
    assert str(fout.value) == tekst
    # the text is rendered from the code (the form and the API render it the same way)
    assert meldingen.tekst(code, fout.value.params) == tekst


def test_onbekende_sleutel_bovenaan():
    with pytest.raises(ScenarioFout) as fout:
        uit_dict({"foo": 1})
    assert fout.value.code == "scenario_sleutel_onbekend"
    assert str(fout.value).startswith("onbekende sleutel(s) in scenario: foo; toegestaan: ")
    assert fout.value.params["sleutels"] == "foo"


def test_een_onleesbare_waarde_houdt_de_code_van_de_lezer():
    with pytest.raises(ScenarioFout) as fout:
        uit_dict({"drempels": {"werknemer_achteruit_fractie": "0,5x"}})
    assert fout.value.code == "scenario_waarde"
    assert fout.value.params["sleutel"] == "drempels.werknemer_achteruit_fractie"
    assert fout.value.params["reden_code"] == "geen_getal_vorm"  # getallen's own code
    with pytest.raises(ScenarioFout) as fout:
        uit_dict({"ingangsdatum": "1-3-2026"})
    assert fout.value.params["reden_code"] == "geen_datum"
    assert str(fout.value) == "ingangsdatum: '1-3-2026' is geen datum; schrijf die als JJJJ-MM-DD"


def test_scenariobestand_dat_niet_te_lezen_is(tmp_path):
    kapot = tmp_path / "kapot.toml"
    kapot.write_text('naam = "a"\nnaam = "b"\n', encoding="utf-8")
    with pytest.raises(ScenarioFout) as fout:
        laad(kapot)
    assert fout.value.code == "scenario_bestand_onleesbaar"
    assert str(fout.value).startswith(f"scenariobestand {kapot}: ")
    tekst = tmp_path / "scenario.txt"
    tekst.write_text("", encoding="utf-8")
    with pytest.raises(ScenarioFout) as fout:
        laad(tekst)
    assert fout.value.code == "scenario_bestand"


def test_elke_scenariocode_staat_in_meldingen():
    gebruikt = {code for _, code, _ in GEVALLEN} | {
        "scenario_sleutel_onbekend",
        "scenario_bestand",
        "scenario_bestand_onleesbaar",
        "scenario_kies",
    }
    assert gebruikt <= set(meldingen.BESTAND)


def _api_geval() -> dict:
    return json.loads((VOORBEELDEN / "geval_b.json").read_text())


def test_api_geeft_de_code_van_de_scenariomelding():
    client = maak_app({"SECRET_KEY": "test"}).test_client()
    r = client.post(
        "/api/bereken", json={"case": _api_geval(), "scenario": {"garantiebedrag": "weg"}}
    )
    assert r.status_code == 422
    (fout,) = r.get_json()["fouten"]
    assert fout["veld"] == "scenario"
    assert fout["code"] == "scenario_geen_variant"  # no longer scenario_ongeldig for all
    assert fout["melding"] == (
        "garantiebedrag: 'weg' is geen variant; kies uit behouden, vervallen, "
        "inkomensgarantie, afbouw"
    )
    r = client.post(
        "/api/bereken",
        json={"case": _api_geval(), "scenario": {"lks": {"plafond": 2}}},
    )
    assert r.get_json()["fouten"][0]["code"] == "scenario_fractie_bereik"


def test_cli_toont_dezelfde_tekst(tmp_path, capsys):
    sc = tmp_path / "sc.toml"
    sc.write_text('garantiebedrag = "weg"\n', encoding="utf-8")
    rc = cli.main(["bereken", str(VOORBEELDEN / "geval_b.json"), "--scenario", str(sc)])
    assert rc == 2
    fout = capsys.readouterr().err
    assert "garantiebedrag: 'weg' is geen variant; kies uit behouden" in fout
    assert "Traceback" not in fout
