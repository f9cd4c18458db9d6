"""The web page for caseworkers (``wajong-conversie web``) through Flask's test client."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import re
import tempfile
import zipfile
from pathlib import Path

import pytest

from wajong_conversie import cli, web
from wajong_conversie.web import maak_app

VOORBEELDEN = Path(__file__).resolve().parent.parent / "examples"
NBSP = "\u00a0"

# RULES §9 case B, as a caseworker types it in the form
GEVAL_B = {
    "peildatum": "2026-03-01",
    "geboortedatum": "1995-05-05",
    "regime": "wajong2010",
    "arbeidsvermogen": "ja",
    "uren_per_week": "24",
    "voltijd_uren_per_week": "38",
    "functieloon_per_uur": "14.71",
    "loonwaarde": "0.50",
    "garantiebedrag_per_maand": "1600.00",
    "werkgeverslasten_percentage": "0.235",
    "overige_inkomsten_per_maand": "0",
    "scenario": "behouden",
}
ADRES = {
    "naam": "Jan Jansen-Geheim",
    "straat": "Dorpsstraat 1",
    "postcode": "1234 AB",
    "woonplaats": "Utrecht",
    "bsn": "111222333",
    "werkgever_naam": "Bakkerij Voorbeeld BV",
    "werkgever_straat": "Industrieweg 2",
    "werkgever_postcode": "3511 AA",
    "werkgever_plaats": "Utrecht",
}


@pytest.fixture
def app():
    return maak_app({"SECRET_KEY": "test"})


@pytest.fixture
def client(app):
    return app.test_client()


def token(client) -> str:
    pagina = client.get("/").get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', pagina).group(1)


def post(client, pad: str, data: dict, **kw):
    return client.post(pad, data={**data, "csrf": token(client)}, **kw)


def euro(tekst: str) -> str:
    """'€ 1.599,93' as Babel writes it (a no-break space after the sign)."""
    return tekst.replace("€ ", "€" + NBSP)


# --- the form ---------------------------------------------------------------------------------


def test_leeg_formulier_heeft_alle_velden_en_alleen_standaarden_van_rules(client):
    r = client.get("/")
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert '<html lang="nl">' in html
    for naam in (
        "peildatum",
        "geboortedatum",
        "regime",
        "uren_per_week",
        "voltijd_uren_per_week",
        "functieloon_per_uur",
        "loonwaarde",
        "garantiebedrag_per_maand",
        "overige_inkomsten_per_maand",
        "werkgeverslasten_percentage",
        "loondispensatie_uitzondering",
        "naam",
        "bsn",
        "werkgever_naam",
        "jaren",
    ):
        assert f'<label for="veld-{naam}"' in html, naam
        assert f'id="veld-{naam}"' in html, naam
    assert 'id="veld-arbeidsvermogen-ja"' in html and 'id="veld-arbeidsvermogen-nee"' in html
    assert 'name="voltijd_uren_per_week" value="38"' in html
    assert 'name="werkgeverslasten_percentage" value="0,235"' in html
    assert 'name="overige_inkomsten_per_maand" value="0"' in html
    for leeg in ("peildatum", "uren_per_week", "functieloon_per_uur", "loonwaarde"):
        assert f'name="{leeg}" value=""' in html
    assert "checked" not in html.split('id="veld-loondispensatie_uitzondering"')[1].split(">")[0]
    # the basis of today's dispensed wage: two choices, the RULES §1 default chosen, with help
    assert 'id="veld-loondispensatie_loonbasis-functieloon"' in html
    assert 'id="veld-loondispensatie_loonbasis-minimumloon"' in html
    assert 'name="loondispensatie_loonbasis" value="functieloon" checked' in html
    assert 'name="loondispensatie_loonbasis" value="minimumloon">' in html
    assert 'id="hulp-loondispensatie_loonbasis"' in html
    assert 'name="arbeidsvermogen" value="ja">' in html  # not pre-chosen


def test_scenariolijst_uit_de_map_plus_vandaag(client):
    html = client.get("/").get_data(as_text=True)
    select = html.split('id="veld-scenario"')[1].split("</select>")[0]
    for naam in ("Garantiebedrag behouden", "Inkomensgarantie", "Vandaag zonder wijziging"):
        assert naam.lower() in select.lower()
    assert select.index("behouden") < select.index("vandaag")
    assert 'value="behouden" selected' in select


def test_scenariomap_is_instelbaar(tmp_path):
    (tmp_path / "eigen.toml").write_text('naam = "Mijn variant"\ngarantiebedrag = "vervallen"\n')
    c = maak_app({"SCENARIO_MAP": str(tmp_path)}).test_client()
    html = c.get("/").get_data(as_text=True)
    assert "Mijn variant" in html and "Garantiebedrag behouden" not in html
    r = post(c, "/bereken", {**GEVAL_B, "scenario": "eigen"})
    assert r.status_code == 200
    assert "Mijn variant" in r.get_data(as_text=True)


def test_geval_b_geeft_de_bedragen_van_rules_en_de_waarschuwing(client):
    r = post(client, "/bereken", GEVAL_B)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    # employer with LKS: 2 040.50 − 825.98 − 194.11 = 1 020.41 (RULES §9 A/B), −0.54
    for bedrag in ("€ 1.599,93", "€ 2.426,61", "€ 3.252,16", "€ 1.020,95", "€ 1.020,41"):
        assert euro(bedrag) in html, bedrag
    assert euro("+€ 825,55") in html and euro("-€ 0,54") in html
    assert "Het bruto inkomen van de werknemer stijgt buiten verhouding" in html
    assert "34%" in html  # the reason, with the worker's own numbers
    for blok in ("Werknemer (per maand)", "Werkgever (per maand)", "Overheid (per maand)"):
        assert blok in html
    assert "Waarom?" in html and "<details>" in html
    assert "Wajong art. 8:8" in html  # every step names its source
    assert '<svg viewBox="0 0' in html and 'role="img"' in html
    assert "<desc" in html and "Netto inkomen per maand: vandaag" in html


def test_overgang_per_jaar_met_jaren(client):
    r = post(client, "/bereken", {**GEVAL_B, "scenario": "afbouw", "jaren": "4"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "Per jaar vanaf de omzetting" in html
    tabel = html.split('id="pad"')[1].split("</table>")[0]
    assert tabel.count("<tr>") == 1 + 4  # header + 4 years


def test_vandaag_zonder_wijziging_geeft_geen_verschil(client):
    html = post(client, "/bereken", {**GEVAL_B, "scenario": "vandaag"}).get_data(as_text=True)
    assert "Vandaag zonder wijziging" in html
    assert euro("+€") not in html and euro("-€") not in html


def test_ongeldige_loonwaarde_naast_het_veld_en_invoer_blijft(client):
    r = post(client, "/bereken", {**GEVAL_B, "loonwaarde": "0.9", "naam": "Piet"})
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    veld = re.search(r'<input id="veld-loonwaarde"[^>]*>', html).group(0)
    assert 'value="0.9"' in veld and 'aria-invalid="true"' in veld
    assert 'aria-describedby="hulp-loonwaarde fout-loonwaarde"' in veld
    assert 'id="fout-loonwaarde"' in html and "ten hoogste 0,75" in html
    assert '<a href="#veld-loonwaarde">Loonwaarde:' in html  # error summary links to the field
    assert 'role="alert"' in html
    assert 'name="functieloon_per_uur" value="14.71"' in html  # what was typed stays
    assert 'name="naam" value="Piet"' in html
    assert 'value="behouden" selected' in html


def test_verplicht_veld_ontbreekt_en_jaren_en_scenario_fout(client):
    data = {**GEVAL_B, "peildatum": "", "jaren": "99", "scenario": "../../etc/passwd"}
    html = post(client, "/bereken", data).get_data(as_text=True)
    assert "Vul dit in" in html.split('id="fout-peildatum"')[1].split("</p>")[0]
    assert "Kies 1 tot en met 40 jaar" in html
    assert "Kies een scenario uit de lijst" in html


def test_meldingen_in_formuliertaal(client):
    data = {**GEVAL_B, "arbeidsvermogen": "nee", "garantiebedrag_per_maand": "0"}
    html = post(client, "/bereken", data).get_data(as_text=True)
    melding = html.split('id="fout-loondispensatie_uitzondering"')[1].split("</p>")[0]
    assert "vink dit vakje aan" in melding and "true" not in melding
    data = {**GEVAL_B, "regime": "wajong2015", "garantiebedrag_per_maand": "0"}
    html = post(client, "/bereken", data).get_data(as_text=True)
    assert "kies nee" in html.split('id="fout-arbeidsvermogen"')[1].split("</p>")[0]
    assert 'href="#veld-arbeidsvermogen-ja"' in html


def test_datum_zoals_de_klantmanager_die_typt(client):
    data = {**GEVAL_B, "peildatum": "1-3-2026", "geboortedatum": "05/05/1995"}
    r = post(client, "/bereken", data)
    assert r.status_code == 200 and "Peildatum 1 maart 2026" in r.get_data(as_text=True)
    assert "Geboortedatum: 5 mei 1995" in r.get_data(as_text=True)  # in words, not as typed
    html = post(client, "/bereken", {**data, "peildatum": "31-2-2026"}).get_data(as_text=True)
    melding = html.split('id="fout-peildatum"')[1].split("</p>")[0]
    assert "bijvoorbeeld 1-3-2026" in melding
    assert 'name="peildatum" value="31-2-2026"' in html  # kept as typed


def test_uitzondering_aangevinkt_blijft_aangevinkt(client):
    data = {**GEVAL_B, "loondispensatie_uitzondering": "ja", "loonwaarde": "0.9"}
    html = post(client, "/bereken", data).get_data(as_text=True)
    vinkje = re.search(r'<input type="checkbox" id="veld-loondispensatie_uitzondering"[^>]*>', html)
    assert "checked" in vinkje.group(0)


def test_invoer_aanpassen_toont_het_formulier_met_de_waarden(client):
    html = post(client, "/", {**GEVAL_B, **ADRES}).get_data(as_text=True)
    assert 'name="loonwaarde" value="0.50"' in html
    assert 'name="naam" value="Jan Jansen-Geheim"' in html


# --- CSRF, limits, errors, headers -------------------------------------------------------------


def test_csrf_ontbreekt_of_klopt_niet(client):
    client.get("/")
    for data in (GEVAL_B, {**GEVAL_B, "csrf": "fout"}):
        r = client.post("/bereken", data=data)
        assert r.status_code == 400
        html = r.get_data(as_text=True)
        assert "beveiligingscode ontbreekt of klopt niet" in html
        assert '<html lang="nl">' in html
    assert client.post("/cohort", data={}).status_code == 400
    assert client.post("/brief.pdf", data={"aan": "werknemer"}).status_code == 400


def test_csrf_van_een_andere_sessie_werkt_niet(app):
    a, b = app.test_client(), app.test_client()
    r = b.post("/bereken", data={**GEVAL_B, "csrf": token(a)})
    assert r.status_code == 400


def test_beveiligingskoppen(client):
    r = client.get("/")
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Cache-Control"] == "no-store"
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert "http://" not in r.get_data(as_text=True).split("<body")[0]  # no external resources


def test_geheime_sleutel_willekeurig_per_proces():
    assert maak_app().secret_key != maak_app().secret_key
    assert maak_app({"SECRET_KEY": "vast"}).secret_key == "vast"


def test_404_en_405_in_het_nederlands(client):
    r = client.get("/bestaat-niet")
    assert r.status_code == 404 and "Pagina niet gevonden" in r.get_data(as_text=True)
    r = client.get("/bereken")
    assert r.status_code == 405 and "Dit kan niet op deze manier" in r.get_data(as_text=True)


def test_te_grote_invoer_geeft_413(client):
    r = post(client, "/bereken", {**GEVAL_B, "naam": "x" * (2 * 1024 * 1024)})
    assert r.status_code == 413
    html = r.get_data(as_text=True)
    assert "Het bestand is te groot" in html and "50 MB" in html


def test_te_groot_cohortbestand_geeft_413():
    c = maak_app({"COHORT_MAX_MB": 1}).test_client()
    groot = io.BytesIO(b"id,peildatum\n" + b"1,2026-03-01\n" * 100_000)
    r = post(c, "/cohort", {"bestand": (groot, "groot.csv"), "scenario": "behouden"})
    assert r.status_code == 413
    assert "hoogstens 1 MB" in r.get_data(as_text=True)


def test_interne_fout_zonder_traceback_en_zonder_persoonsgegevens(client, monkeypatch, caplog):
    def stuk(*args, **kwargs):
        raise RuntimeError(f"geheim: {ADRES['naam']} {ADRES['bsn']}")  # values not in the source

    monkeypatch.setattr(cli, "reken_geval", stuk)
    caplog.set_level(logging.DEBUG)
    r = post(client, "/bereken", {**GEVAL_B, **ADRES})
    assert r.status_code == 500
    html = r.get_data(as_text=True)
    assert "Er ging iets mis" in html
    assert "Traceback" not in html and "RuntimeError" not in html and "111222333" not in html
    assert "RuntimeError" in caplog.text  # the log says where, …
    assert "111222333" not in caplog.text and "Jansen" not in caplog.text  # … not what


def test_geen_persoonsgegevens_in_de_logs(client, caplog):
    caplog.set_level(logging.DEBUG)
    post(client, "/bereken", {**GEVAL_B, **ADRES})
    post(client, "/bereken", {**GEVAL_B, **ADRES, "loonwaarde": "0.9"})
    client.post("/api/bereken", json={**_api_geval(), "naam": "Jan Jansen-Geheim", "bsn": "111"})
    for geheim in ("Jansen", "111222333", "Dorpsstraat", "1234 AB"):
        assert geheim not in caplog.text


def test_aanvraagregel_in_het_log_zonder_query():
    record = logging.LogRecord(
        "werkzeug",
        logging.INFO,
        "",
        0,
        '"%s" %s %s',
        ("GET /?bsn=111222333 HTTP/1.1", 200, 5),
        None,
    )
    web.ZonderQuery().filter(record)
    assert "111222333" not in record.getMessage() and "GET / HTTP/1.1" in record.getMessage()


# --- the JSON API -------------------------------------------------------------------------------


def _api_geval() -> dict:
    return json.loads((VOORBEELDEN / "geval_b.json").read_text())


def _cli_json(capsys, *args) -> dict:
    assert cli.main(["bereken", str(VOORBEELDEN / "geval_b.json"), "--json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_api_geeft_precies_wat_bereken_json_geeft(client, capsys):
    r = client.post("/api/bereken", json=_api_geval())
    assert r.status_code == 200 and r.mimetype == "application/json"
    assert r.get_json() == _cli_json(capsys)
    assert list(r.get_json()) == list(_cli_json(capsys))  # same key order


def test_api_met_scenario_en_jaren(client, capsys):
    scenario = {"naam": "Afbouw in drie jaar", "garantiebedrag": "afbouw", "afbouw_jaren": 3}
    r = client.post("/api/bereken", json={"case": _api_geval(), "scenario": scenario, "jaren": 3})
    assert r.status_code == 200
    toml = VOORBEELDEN / "scenarios" / "afbouw.toml"
    verwacht = _cli_json(capsys, "--scenario", str(toml), "--jaren", "3")
    data = r.get_json()
    assert len(data["pad"]) == 3
    assert data["pad"] == verwacht["pad"] and data["verschil"] == verwacht["verschil"]


def test_api_leest_getallen_exact(client):
    tekst = json.dumps(_api_geval()).replace('"14.71"', "14.71").replace('"0.50"', "0.50")
    r = client.post("/api/bereken", data=tekst, content_type="application/json")
    assert r.status_code == 200
    assert r.get_json()["huidig"]["wajong_uitkering_maand"] == "1599.93"


def test_loonbasis_minimumloon_in_het_formulier(client):
    # RULES §9 case C on the WML (test_voorbeelden): employer 1 837.28 → 2 521.20 (+683.92)
    c = {
        **GEVAL_B,
        "functieloon_per_uur": "18.00",
        "uren_per_week": "36",
        "loonwaarde": "0.60",
        "garantiebedrag_per_maand": "0",
        "loondispensatie_loonbasis": "minimumloon",
    }
    r = post(client, "/bereken", c)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert euro("€ 1.837,28") in html and euro("+€ 683,92") in html
    assert "berekend op het minimumloon per uur" in html  # the modelling choice, named
    # the choice stays chosen on the result page's hidden form values
    assert 'name="loondispensatie_loonbasis" value="minimumloon"' in html


def test_loonbasis_onbekend_zelfde_melding_in_formulier_api_en_bereken(client, tmp_path):
    melding = "'cao' is onbekend; toegestaan: functieloon, minimumloon"
    r = client.post("/api/bereken", json={**_api_geval(), "loondispensatie_loonbasis": "cao"})
    assert r.status_code == 422
    assert r.get_json() == {
        "fouten": [
            {"veld": "loondispensatie_loonbasis", "code": "onbekende_keuze", "melding": melding}
        ]
    }
    html = post(client, "/bereken", {**GEVAL_B, "loondispensatie_loonbasis": "cao"}).get_data(
        as_text=True
    )
    assert "&#39;cao&#39; is onbekend; toegestaan: functieloon, minimumloon" in html
    pad = tmp_path / "geval.json"
    pad.write_text(json.dumps({**_api_geval(), "loondispensatie_loonbasis": "cao"}))
    assert cli.main(["bereken", str(pad)]) == 2


def test_api_ongeldige_invoer_422_met_nederlandse_fouten(client):
    r = client.post("/api/bereken", json={**_api_geval(), "loonwaarde": "0.9", "regime": "x"})
    assert r.status_code == 422
    fouten = r.get_json()["fouten"]
    # the unreadable field, and the range check of a readable field that does not depend on it
    assert [f["veld"] for f in fouten] == ["regime", "loonwaarde"]
    assert all(set(f) == {"veld", "code", "melding"} for f in fouten)
    assert [f["code"] for f in fouten] == ["onbekende_keuze", "loonwaarde_bereik"]
    r = client.post("/api/bereken", json={**_api_geval(), "loonwaarde": "0.9"})
    assert r.get_json() == {
        "fouten": [
            {
                "veld": "loonwaarde",
                "code": "loonwaarde_bereik",
                "melding": "0,9 kan niet; toegestaan: meer dan 0 en ten hoogste 0,75 (75%, "
                "Besluit loondispensatie Wajong art. 1)",
            }
        ]
    }


@pytest.mark.parametrize(
    ("body", "veld"),
    [
        ({"case": "x"}, "case"),
        ({"case": {}, "extra": 1}, "extra"),
        ({"case": {}, "scenario": {"garantiebedrag": "weg"}}, "scenario"),
        ({"case": {}, "scenario": [1]}, "scenario"),
        ({"jaren": 0}, "jaren"),
        ({"jaren": True}, "jaren"),
    ],
)
def test_api_fouten_in_de_omhulling(client, body, veld):
    if "case" in body and body["case"] == {}:
        body = {**body, "case": _api_geval()}
    elif "case" not in body:
        body = {**_api_geval(), **body}
    r = client.post("/api/bereken", json=body)
    assert r.status_code == 422
    assert r.get_json()["fouten"][0]["veld"] == veld


def test_api_alleen_json(client):
    r = client.post("/api/bereken", data="peildatum=2026-03-01")
    assert r.status_code == 415 and r.get_json()["fouten"][0]["veld"] == "Content-Type"
    r = client.post("/api/bereken", data="{kapot", content_type="application/json")
    assert r.status_code == 400 and "geen geldige JSON" in r.get_json()["fouten"][0]["melding"]
    r = client.post("/api/bereken", json=[1, 2])
    assert r.status_code == 422
    r = client.get("/api/bereken")
    assert r.status_code == 405 and "fouten" in r.get_json()


def test_api_te_groot(client):
    r = client.post("/api/bereken", data=b" " * (2 * 1024 * 1024), content_type="application/json")
    assert r.status_code == 413 and "fouten" in r.get_json()


# --- cohort --------------------------------------------------------------------------------------


def _klein_cohort(regels: int = 40) -> bytes:
    tekst = (VOORBEELDEN / "cohort.csv").read_text(encoding="utf-8").splitlines()
    return ("\n".join(tekst[: regels + 1]) + "\n").encode()


def _wajong_tijdelijk() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("wajong-web-*")}


def test_cohort_uploaden_kerncijfers_en_downloads(client):
    voor = _wajong_tijdelijk()
    r = post(
        client,
        "/cohort",
        {
            "bestand": (io.BytesIO(_klein_cohort()), "mijn cohort.csv"),
            "scenario": ["behouden", "vervallen"],
        },
        content_type="multipart/form-data",
    )
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert "Ingelezen: <strong>40</strong>" in html
    tabel = html.split("Kerncijfers per scenario")[1].split("</table>")[0]
    assert tabel.count('<th scope="col" class="bedrag">') == 2  # a column per scenario
    assert not _wajong_tijdelijk() - voor  # ours is gone (others may end theirs)
    links = re.findall(r'href="(/cohort/[^"]+)"', html)
    assert len(links) == len(web.COHORT_BESTANDEN) + 1  # every file and the zip
    zip_link = next(link for link in links if link.endswith(".zip"))
    z = zipfile.ZipFile(io.BytesIO(client.get(zip_link).data))
    assert set(z.namelist()) == set(web.COHORT_BESTANDEN)
    samenvatting = json.loads(client.get(zip_link.replace(web.ZIPNAAM, "samenvatting.json")).data)
    assert samenvatting["aantal_ingelezen"] == 40
    r = client.get(zip_link.replace(web.ZIPNAAM, "resultaten.csv"))
    assert r.headers["Content-Disposition"].startswith("attachment")
    assert r.data.startswith(b"id,scenario,")
    assert r.headers["Content-Type"] == "text/csv; charset=utf-8"  # one charset, not two
    r = client.get(zip_link.replace(web.ZIPNAAM, "rapport.html"))
    assert r.headers["Content-Disposition"].startswith("inline") and b"<html" in r.data
    # the report names the uploaded file, not the temporary invoer.csv
    assert "mijn cohort.csv" in r.get_data(as_text=True)
    assert "invoer.csv" not in r.get_data(as_text=True)
    assert samenvatting["bestand"] == "mijn cohort.csv"


def test_cohort_download_alleen_voor_dezelfde_sessie(app):
    a = app.test_client()
    r = post(
        a,
        "/cohort",
        {"bestand": (io.BytesIO(_klein_cohort(5)), "c.csv"), "scenario": "behouden"},
        content_type="multipart/form-data",
    )
    link = re.findall(r'href="(/cohort/[^"]+\.zip)"', r.get_data(as_text=True))[0]
    assert a.get(link).status_code == 200
    assert app.test_client().get(link).status_code == 404
    assert a.get(link.replace(web.ZIPNAAM, "../../etc/passwd")).status_code == 404


@pytest.mark.parametrize(
    ("bestand", "scenario", "melding"),
    [
        (None, "behouden", "Kies een cohortbestand"),
        ((b"x", "cohort.txt"), "behouden", "moet een .csv- of .xlsx-bestand zijn"),
        ((b"id,peildatum\n1,2026-03-01\n", "c.csv"), None, "Kies ten minste één scenario"),
        ((b"id,peildatum\n1,2026-03-01\n", "c.csv"), "behouden", "kolom(men) ontbreken"),
        ((b"PK", "mijn.xlsx"), "behouden", "mijn.xlsx kan niet als Excel-bestand"),
    ],
)
def test_cohort_fouten_in_het_nederlands(client, bestand, scenario, melding):
    data = {}
    if bestand:
        data["bestand"] = (io.BytesIO(bestand[0]), bestand[1])
    if scenario:
        data["scenario"] = scenario
    r = post(client, "/cohort", data, content_type="multipart/form-data")
    assert r.status_code == 422
    assert melding in r.get_data(as_text=True)


# --- letters ----------------------------------------------------------------------------------


@pytest.fixture
def voor_de_wijziging(monkeypatch):
    """Letters dated 2 februari 2026: before the change on the peildatum of GEVAL_B (1 maart
    2026). The page dates a letter today, and a letter about a change in the past is refused
    (test_brief_over_het_verleden_geeft_nederlandse_melding)."""
    from wajong_conversie import brieven

    monkeypatch.setattr(brieven, "vandaag", lambda: dt.date(2026, 2, 2))


def test_brief_bekijken_in_de_pagina(client, voor_de_wijziging):
    r = post(client, "/bereken", {**GEVAL_B, **ADRES, "brief": "werknemer"})
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert '<iframe class="brief"' in html and 'sandbox=""' in html
    assert "srcdoc=" in html and "Jan Jansen-Geheim" in html


def test_brief_zonder_adres_geeft_nederlandse_melding(client):
    r = post(client, "/bereken", {**GEVAL_B, "brief": "werkgever"})
    assert r.status_code == 422
    html = r.get_data(as_text=True)
    assert "De brief aan de werkgever kan niet worden gemaakt" in html
    assert "<iframe" not in html
    r = post(client, "/brief.pdf", {**GEVAL_B, "aan": "werknemer"})
    assert r.status_code == 422 and "kan niet worden gemaakt" in r.get_data(as_text=True)


@pytest.mark.parametrize("aan", ["werknemer", "werkgever"])
def test_brief_als_pdf(client, voor_de_wijziging, aan):
    r = post(client, "/brief.pdf", {**GEVAL_B, **ADRES, "aan": aan})
    assert r.status_code == 200, r.get_data(as_text=True)[:500]
    assert r.mimetype == "application/pdf" and r.data.startswith(b"%PDF")
    assert r.headers["Content-Disposition"] == f'attachment; filename="brief-{aan}.pdf"'


def test_brief_over_het_verleden_geeft_nederlandse_melding(client, monkeypatch):
    from wajong_conversie import brieven

    monkeypatch.setattr(brieven, "vandaag", lambda: dt.date(2026, 12, 1))
    for pad, veld in (("/bereken", "brief"), ("/brief.pdf", "aan")):
        r = post(client, pad, {**GEVAL_B, **ADRES, veld: "werknemer"})
        assert r.status_code == 422
        html = r.get_data(as_text=True)
        assert "de wijziging gaat in op 1 maart 2026 (de peildatum" in html
        assert "vóór de datum van de brief, 1 december 2026" in html and "<iframe" not in html
    # a peildatum (the date of the change) on the letter's date gives the letter
    velden = {**GEVAL_B, **ADRES, "peildatum": "2026-12-01", "brief": "werknemer"}
    velden["functieloon_per_uur"] = "15.50"  # at least the minimum wage of 1 juli 2026
    r = post(client, "/bereken", velden)
    assert r.status_code == 200 and "Vanaf 1 december 2026" in r.get_data(as_text=True)


def test_brief_pdf_met_ongeldige_invoer_toont_het_formulier(client):
    r = post(client, "/brief.pdf", {**GEVAL_B, "loonwaarde": "0.9", "aan": "werknemer"})
    assert r.status_code == 422 and 'id="fout-loonwaarde"' in r.get_data(as_text=True)
    assert post(client, "/brief.pdf", {**GEVAL_B, "aan": "iemand"}).status_code == 400


# --- the command ---------------------------------------------------------------------------------


def test_web_opdracht_luistert_alleen_op_deze_computer(monkeypatch):
    gestart = {}

    class Server:
        def serve_forever(self):
            raise KeyboardInterrupt

        def server_close(self):
            gestart["gesloten"] = True

    def make_server(host, port, app, threaded, request_handler):
        gestart.update(host=host, port=port)
        gestart["kop"] = request_handler.version_string(object.__new__(request_handler))
        gestart["poort_app"] = app.config["POORT"]
        return Server()

    monkeypatch.setattr("werkzeug.serving.make_server", make_server)
    assert cli.main(["web", "--port", "8123"]) == 0
    # no "Werkzeug/… Python/…" in the Server header; the app checks the Host against the port
    kop = gestart.pop("kop")
    assert "Werkzeug" not in kop and "Python" not in kop
    assert gestart == {"host": "127.0.0.1", "port": 8123, "gesloten": True, "poort_app": 8123}
    assert cli.parser().parse_args(["web"]).port == 8000


# --- issue 10, item 20: Host header, Server header, names -------------------------------------


@pytest.mark.parametrize(
    "host, poort, status",
    [
        ("127.0.0.1:8123", 8123, 200),
        ("localhost:8123", 8123, 200),
        ("LOCALHOST:8123", 8123, 200),
        ("evil.example:8123", 8123, 400),  # DNS rebinding: another name pointing to 127.0.0.1
        ("127.0.0.1:9999", 8123, 400),  # not the bound port
        ("127.0.0.1", 8123, 400),
        ("127.0.0.1.evil.example", None, 400),
    ],
)
def test_alleen_deze_computer_als_host(host, poort, status):
    app = maak_app({"SECRET_KEY": "test", "POORT": poort})
    r = app.test_client().get("/", headers={"Host": host})
    assert r.status_code == status
    if status == 400:
        tekst = r.get_data(as_text=True)
        assert "Dit adres wordt niet geaccepteerd" in tekst and 'lang="nl"' in tekst
        r = app.test_client().post(
            "/api/bereken", headers={"Host": host}, json={"peildatum": "2026-03-01"}
        )
        assert r.status_code == 400


def test_veilige_bestandsnaam_van_een_upload():
    assert web.veilige_naam("mijn cohort.csv") == "mijn cohort.csv"
    assert web.veilige_naam("C:\\Users\\x\\cohort 2026.xlsx") == "cohort 2026.xlsx"
    assert web.veilige_naam("../../etc/<script>.csv") == "_script_.csv"
    assert web.veilige_naam("...") == "cohortbestand"
    assert len(web.veilige_naam("a" * 300 + ".csv")) == 80


def test_cohort_zonder_berekende_rij_geeft_een_pagina_geen_500(client):
    kop = b"id,peildatum,geboortedatum,regime,arbeidsvermogen,uren_per_week,"
    kop += b"functieloon_per_uur,loonwaarde,garantiebedrag_per_maand\n"
    r = post(
        client,
        "/cohort",
        {"bestand": (io.BytesIO(kop), "alleen kop.csv"), "scenario": ["behouden"]},
        content_type="multipart/form-data",
    )
    assert r.status_code == 200
    assert "Geen enkele rij kon worden berekend" in r.get_data(as_text=True)


def test_cohort_met_jaren_vult_het_budget_per_jaar(client):
    # the form's field 'jaren' (default 5) reaches the run: the report has a budget per year
    html = client.get("/cohort").get_data(as_text=True)
    assert 'name="jaren" value="5"' in html
    r = post(
        client,
        "/cohort",
        {"bestand": (io.BytesIO(_klein_cohort(5)), "c.csv"), "scenario": "behouden", "jaren": "3"},
        content_type="multipart/form-data",
    )
    link = re.findall(r'href="(/cohort/[^"]+\.zip)"', r.get_data(as_text=True))[0]
    s = json.loads(client.get(link.replace(web.ZIPNAAM, "samenvatting.json")).data)
    assert len(s["scenarios"][0]["budget_per_jaar"]) == 3
    rapport_html = client.get(link.replace(web.ZIPNAAM, "rapport.html")).get_data(as_text=True)
    assert "geen budgeteffect per jaar berekend" not in rapport_html


@pytest.mark.parametrize("jaren", ["0", "41", "drie", "2.5"])
def test_cohort_jaren_fout(client, jaren):
    r = post(
        client,
        "/cohort",
        {
            "bestand": (io.BytesIO(_klein_cohort(2)), "c.csv"),
            "scenario": "behouden",
            "jaren": jaren,
        },
        content_type="multipart/form-data",
    )
    assert r.status_code == 422
    assert "Aantal jaren" in r.get_data(as_text=True)
    assert f'name="jaren" value="{jaren}"' in r.get_data(as_text=True)


# --- issue 13: the result page puts what matters first ----------------------------------------

GEVAL_C = {
    **GEVAL_B,
    "geboortedatum": "1990-01-15",
    "uren_per_week": "36",
    "functieloon_per_uur": "18.00",
    "loonwaarde": "0.60",
    "garantiebedrag_per_maand": "0",
}


def _let_op(html: str) -> str:
    """The "Let op" section up to the next h2, without what sits in a collapsed <details>."""
    deel = html.split('<h2 id="signalen">Let op</h2>')[1].split("<h2")[0]
    return re.sub(r"<details>.*?</details>", "", deel, flags=re.S)


def test_werknemer_bovenaan_en_als_kenmerk_van_de_brief(client, voor_de_wijziging):
    r = post(client, "/bereken", {**GEVAL_B, **ADRES, "id": "W-2026-0042", "brief": "werknemer"})
    html = r.get_data(as_text=True)
    kop = html.split("<h1>")[1].split("Wat verandert er")[0]
    assert "Jan Jansen-Geheim" in kop and "W-2026-0042" in kop
    if "srcdoc" in html:  # the letter (issue 5) is there: its kenmerk is the worker's id
        brief = html.split("srcdoc=")[1]
        assert "W-2026-0042" in brief and "/geval" not in brief


def test_kaarten_met_richting_en_voor_wie_in_woorden(client):
    html = post(client, "/bereken", GEVAL_B).get_data(as_text=True)
    kern = html.split('<div class="kern">')[1].split("</div>\n</div>")[0]
    # case B (behouden): net +€ 825,55-ish up (good for the worker); the government pays more
    assert "omhoog: gunstig voor de werknemer" in kern
    assert "meer: ongunstig voor de overheid" in kern
    assert kern.count('aria-hidden="true">▲') >= 2


def test_let_op_open_als_de_winst_over_de_jaren_een_verlies_wordt(client):
    # case B with the supplement stepped down over 3 years: net gain in year 1, a loss from
    # year 4 on (the supplement is gone and the garantiebedrag no longer counts)
    html = post(client, "/bereken", {**GEVAL_B, "scenario": "afbouw", "jaren": "5"}).get_data(
        as_text=True
    )
    let_op = _let_op(html)
    assert "Over de jaren wordt de winst een verlies" in let_op
    assert "1 maart 2029" in let_op


def test_let_op_open_als_de_uitkering_stopt_en_het_recht_kan_eindigen(client):
    html = post(client, "/bereken", GEVAL_C).get_data(as_text=True)
    let_op = _let_op(html)
    assert "De Wajong-uitkering stopt" in let_op
    assert "2:16" in let_op or "vijf jaar" in let_op  # risico_einde_recht, open


def test_garantiebedrag_in_tabel_en_waarom_is_dezelfde_grootheid(client):
    html = post(client, "/bereken", {**GEVAL_B, "scenario": "inkomensgarantie"}).get_data(
        as_text=True
    )
    rij = re.search(
        r"waarvan garantiebedrag \(vandaag\) en persoonlijke toeslag .*?</tr>", html, flags=re.S
    ).group(0)
    verschil = re.findall(r'<td class="bedrag">([^<]+)</td>', rij)[-1]
    waarom = html.split('id="waarom"')[1]
    deel = re.search(
        r"Garantiebedrag \(vandaag\) en persoonlijke toeslag[^<]*</th><td[^>]*>([^<]+)<", waarom
    ).group(1)
    assert deel == verschil
    # with the law as it stands there is no supplement: the word 'toeslag' is not used
    html = post(client, "/bereken", GEVAL_B).get_data(as_text=True)
    assert "toeslag" not in html.split('id="vergelijking"')[1].split('id="grafiek-titel"')[0]


def test_tabellen_in_een_focusbaar_gebied_met_naam(client):
    html = post(client, "/bereken", {**GEVAL_B, "jaren": "3"}).get_data(as_text=True)
    tabellen = html.count("<table")
    assert tabellen == len(
        re.findall(r'<div class="tabel" role="region" tabindex="0" aria-label="[^"]+">', html)
    )
    assert "Schuif de tabel opzij" in html


# --- issue 13: messages as codes ----------------------------------------------------------------


def test_elke_melding_heeft_een_code_en_formulier_en_api_volgen_de_code(client):
    from wajong_conversie import meldingen

    geval = {**GEVAL_B, "peildatum": "1-3-2026x", "regime": "wajong2015", "arbeidsvermogen": ""}
    html = post(client, "/bereken", geval).get_data(as_text=True)
    # form wording from the code: a date as dag-maand-jaar, a missing field "vul dit in"
    assert "schrijf de datum als dag-maand-jaar, bijvoorbeeld 1-3-2026" in html
    assert "JJJJ-MM-DD" not in html
    assert "Vul dit in; dit is nodig voor de berekening" in html
    # the API and the CLI keep the file wording, with the code
    api = {**_api_geval(), "peildatum": "1-3-2026x", "arbeidsvermogen": None}
    fouten = client.post("/api/bereken", json=api).get_json()["fouten"]
    per_veld = {f["veld"]: f for f in fouten}
    assert per_veld["peildatum"]["code"] == "geen_datum"
    assert per_veld["peildatum"]["melding"] == meldingen.tekst(
        "geen_datum", {"waarde": "1-3-2026x"}
    )
    assert per_veld["arbeidsvermogen"]["code"] == "verplicht"
    assert per_veld["arbeidsvermogen"]["melding"] == "ontbreekt; dit veld is verplicht"


def test_formulier_herschrijft_geen_teksten_meer():
    import inspect

    from wajong_conversie import webformulier

    assert not hasattr(webformulier, "_FORMULIERTAAL")
    assert ".replace(" not in inspect.getsource(webformulier.formuliertaal)


def test_elke_code_heeft_een_tekst_en_elke_formuliertekst_een_code():
    from wajong_conversie import meldingen

    assert set(meldingen.FORMULIER) <= set(meldingen.BESTAND)
    assert all(sjabloon for sjabloon in meldingen.BESTAND.values())
