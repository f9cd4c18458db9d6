"""The cohort report (rapport.html): Dutch figures exactly as opmaak formats them, inline charts,
no external resources, escaping of user input, and a deterministic page.

The summary the report is made from is computed here, by a real cohort run over the example
cohort (2 000 rows, ten with a deliberate error) under two scenarios with a five-year path, so
it can never drift from what the code produces. Its money is checked against the independent
reference in test_cohort_geld.py.
"""

from __future__ import annotations

import copy
import datetime as dt
import html as html_lib
import json
import re
from collections import Counter
from pathlib import Path

import markupsafe
import pytest
from conftest import VOORBEELDEN

from wajong_conversie import bronnen, opmaak, rapport
from wajong_conversie.cohort import voer_uit
from wajong_conversie.geld import bedrag_tekst, centen
from wajong_conversie.scenario import Scenario


@pytest.fixture(scope="module")
def samenvatting(tmp_path_factory) -> dict:
    uit = tmp_path_factory.mktemp("rapport")
    scenarios = [
        Scenario(naam="Garantiebedrag behouden"),
        Scenario(naam="Inkomensgarantie", garantiebedrag="inkomensgarantie"),
    ]
    voer_uit(VOORBEELDEN / "cohort.csv", uit, scenarios, jaren=5, rapport=False, xlsx=False)
    # as a reader of samenvatting.json gets it
    return json.loads((uit / "samenvatting.json").read_text(encoding="utf-8"))


def test_samenvatting_heeft_wat_de_rapporttests_nodig_hebben(samenvatting):
    """Guards the fixture: every part of the report below is exercised."""
    assert samenvatting["aantal_ingelezen"] >= 1000  # a thousands separator in the page
    assert samenvatting["aantal_afgewezen"] > 0 and samenvatting["afgewezen_per_veld"]
    assert samenvatting["waarschuwingen"] and samenvatting["aannames"]
    for sc in samenvatting["scenarios"]:
        assert len(sc["werkgevers"]["ranglijst"]) >= 2
        assert any(r["aanname"] for r in sc["budget_per_jaar"])


@pytest.fixture(scope="module")
def pagina(samenvatting) -> str:
    return rapport.render(samenvatting)


def _zonder_svg(html: str) -> str:
    return re.sub(r"<svg\b.*?</svg>", "", html, flags=re.S)


def _sectie(html: str, anker: str) -> str:
    begin = html.index(f'<section class="hoofdstuk" id="{anker}"')
    return html[begin : html.index("</section>\n", begin)]


def test_voorbeeld_volgt_het_schema(samenvatting):
    assert len(samenvatting["scenarios"]) == 2
    for sc in samenvatting["scenarios"]:
        h = sc["netto_verschil_per_maand"]
        assert len(h["aantallen"]) == len(h["grenzen"]) - 1
        assert sum(h["aantallen"]) + h["onder"] + h["boven"] == sc["aantal"]
        assert [k["klasse"] for k in sc["klassen"]] == [
            "sterk_omlaag",
            "omlaag",
            "gelijk",
            "omhoog",
            "sterk_omhoog",
        ]
        assert sum(k["aantal"] for k in sc["klassen"]) == sc["aantal"]
        assert len(sc["budget_per_jaar"]) >= 5


def test_html_document_in_het_nederlands(pagina):
    assert pagina.startswith("<!DOCTYPE html>")
    assert '<html lang="nl">' in pagina
    assert re.search(r"<title>[^<]+</title>", pagina)
    assert '<meta charset="utf-8">' in pagina
    assert pagina.count("<h1>") == 1
    # heading levels never skip a level
    niveaus = [int(n) for n in re.findall(r"<h([1-6])\b", _zonder_svg(pagina))]
    for vorig, volgend in zip(niveaus, niveaus[1:], strict=False):
        assert volgend <= vorig + 1


def test_kerncijfers_in_nederlandse_opmaak(samenvatting, pagina):
    for sleutel in ("aantal_ingelezen", "aantal_berekend", "aantal_afgewezen"):
        assert f"<strong>{opmaak.getal(samenvatting[sleutel])}</strong>" in pagina
    assert opmaak.getal(2000) == "2.000"
    ingelezen = opmaak.getal(samenvatting["aantal_ingelezen"])
    assert "." in ingelezen and f"<strong>{ingelezen}</strong> rijen ingelezen" in pagina
    for veld, n in samenvatting["afgewezen_per_veld"].items():
        assert f'<th scope="row">{veld}</th><td class="getal">{opmaak.getal(n)}</td>' in pagina
    assert opmaak.datum(dt.date(2026, 3, 1)) == "1 maart 2026"
    for peildatum in samenvatting["peildata"]:
        assert opmaak.datum(dt.date.fromisoformat(peildatum)) in pagina
    for tekst in samenvatting["waarschuwingen"] + samenvatting["aannames"]:
        assert str(markupsafe.escape(tekst)) in pagina  # as Jinja escapes: "euro&#39;s"


def test_totalen_als_bedrag_en_verschil(samenvatting, pagina):
    for sc in samenvatting["scenarios"]:
        for periode in ("per_maand", "per_jaar"):
            for waarden in sc["totalen"][periode].values():
                assert opmaak.bedrag(centen(waarden["huidig"])) in pagina
                assert opmaak.bedrag(centen(waarden["nieuw"])) in pagina
                assert opmaak.verschil(centen(waarden["verschil"])) in pagina
    # one concrete value, written out: the Dutch format with a non-breaking space after €
    eerste = samenvatting["scenarios"][0]["totalen"]["per_maand"]["kosten_overheid"]
    tekst = opmaak.verschil(centen(eerste["verschil"]))
    assert tekst.startswith(("+€\u00a0", "-€\u00a0")) and "," in tekst
    assert f'<td class="getal">{tekst}</td>' in pagina


def test_klassen_en_signalen_met_aantal(samenvatting, pagina):
    for sc in samenvatting["scenarios"]:
        for k in sc["klassen"]:
            regel = (
                f'<tr><th scope="row">{html_lib.escape(k["omschrijving"])}</th>'
                f'<td class="getal">{opmaak.getal(k["aantal"])}</td>'
            )
            assert regel in pagina
        for code, n in sc["signalen"].items():
            titel = html_lib.escape(sc["signaal_titels"][code])
            assert f'{titel}</th><td class="getal">{opmaak.getal(n)}</td>' in pagina


def test_budget_per_jaar_met_aannames(samenvatting, pagina):
    budget = _sectie(pagina, "budget")
    for sc in samenvatting["scenarios"]:
        for r in sc["budget_per_jaar"]:
            assert opmaak.verschil(centen(r["kosten_overheid"]["verschil"])) in budget
            assert opmaak.verschil(centen(r["saldo_overheid_verschil"])) in budget
            if r["aanname"]:
                assert (
                    f'<th scope="row" class="kort">{r["jaar"]}* <span class="uitleg">(aanname)'
                    in budget
                )
    assert "2.026" not in _zonder_svg(budget)  # a year is not a quantity


def test_elke_grafiek_is_inline_svg_in_een_figure(samenvatting, pagina):
    figuren = re.findall(r"<figure>(.*?)</figure>", pagina, flags=re.S)
    # the comparison at the top, then per scenario: histogram, loonwaarde, budget
    assert len(figuren) == 1 + 3 * len(samenvatting["scenarios"])
    assert pagina.count("<svg") == len(figuren)
    for f in figuren:
        assert f.lstrip().startswith("<svg")
        assert re.search(r'<svg role="img" aria-label="[^"]+"', f)
        assert re.search(r"<title>[^<]+</title>", f)
        assert re.search(r"<figcaption>[^<]+", f)
        assert "<?xml" not in f and "<!DOCTYPE" not in f


def test_histogram_heeft_assen_met_eenheid_en_nederlandse_getallen(pagina):
    svg = re.search(r'<svg role="img" aria-label="Histogram.*?</svg>', pagina, flags=re.S).group(0)
    assert "Verandering netto inkomen per maand (€)" in svg
    assert "Aantal werknemers" in svg
    assert "1.000" in svg  # the last edge, with a Dutch thousands separator


def test_ids_zijn_uniek(pagina):
    ids = re.findall(r'\sid="([^"]+)"', pagina)
    assert len(ids) == len(set(ids))


def test_geen_externe_bronnen(pagina):
    # self-contained: nothing is loaded from elsewhere; the only addresses outside the page
    # are links (<a href>) to the official law texts, which a reader may follow
    laag = pagina.lower()
    for verboden in ('src="http', "src='http", "href='http", "<link", "@import"):
        assert verboden not in laag
    assert "<script" not in laag and "<img" not in laag and "<iframe" not in laag
    # url( only for references inside the page (#…) or data: URIs
    for doel in re.findall(r"url\(\s*['\"]?([^)'\"]*)", laag):
        assert doel.startswith(("#", "data:")), doel
    hrefs = re.findall(r'<a href="(https?://[^"]*)"', laag)
    assert hrefs, "het rapport linkt naar de wetteksten"
    for url in hrefs:
        assert url.startswith(tuple(f"https://{h}/" for h in bronnen.HOSTS)), url
    # namespace declarations in the svg are names, not downloads; nothing else may point out
    zonder_ns = re.sub(r'xmlns(:\w+)?="[^"]*"', "", laag)
    zonder_ns = re.sub(r'<a href="https://[^"]*"', "", zonder_ns)
    assert "http://" not in zonder_ns and "https://" not in zonder_ns


def test_werkgeversnamen_worden_ontsnapt(samenvatting):
    data = copy.deepcopy(samenvatting)
    ranglijst = data["scenarios"][0]["werkgevers"]["ranglijst"]
    ranglijst[0]["werkgever_naam"] = "<script>alert(1)</script>"
    ranglijst[1]["werkgever_naam"] = "Ömer & Zoë B.V."
    data["scenarios"][0]["scenario"]["naam"] = 'Variant "A" <b>'
    pagina = rapport.render(data)
    assert "<script>alert(1)</script>" not in pagina
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pagina
    assert "Ömer &amp; Zoë B.V." in pagina
    assert "Ömer & Zoë" not in pagina
    assert "<b>" not in pagina and "Variant &#34;A&#34; &lt;b&gt;" in pagina
    # the scenario name inside the svg (title, aria-label) is escaped too
    assert 'aria-label="Histogram: verandering netto inkomen per maand, Variant &quot;A' in pagina


def test_zonder_werkgeverskolom(samenvatting):
    data = copy.deepcopy(samenvatting)
    for sc in data["scenarios"]:
        sc["werkgevers"] = {
            "aantal": None,
            "aantal_meer_kosten": None,
            "meer_kosten_per_maand": None,
            "ranglijst": [],
        }
    pagina = rapport.render(data)
    werkgevers = _sectie(pagina, "werkgevers")
    assert werkgevers.count("geen kolom <code>werkgever_id</code>") == len(data["scenarios"])
    assert "<table" not in werkgevers
    assert "None" not in pagina
    naast = _sectie(pagina, "naast-elkaar")
    assert 'Werkgevers die meer gaan betalen</th><td class="getal">onbekend</td>' in naast


def test_een_scenario_zonder_vergelijking(samenvatting):
    data = copy.deepcopy(samenvatting)
    data["scenarios"] = data["scenarios"][:1]
    pagina = rapport.render(data)
    assert 'id="naast-elkaar"' not in pagina
    assert "Scenario’s naast elkaar" not in pagina
    assert pagina.count("<figure>") == 1 + 3  # the comparison, then one scenario's three
    assert 'id="kerncijfers"' in pagina and 'id="budget"' in pagina


def test_opgelegde_peildatum_en_geen_afwijzingen(samenvatting):
    data = copy.deepcopy(samenvatting)
    data["peildatum_opgelegd"] = "2026-03-01"
    data["peildata"] = ["2026-03-01"]
    data["aantal_afgewezen"] = 0
    data["afgewezen_per_veld"] = {}
    data["waarschuwingen"] = []
    data["aannames"] = []
    pagina = rapport.render(data)
    assert "berekend op 1 maart 2026 (opgelegd" in pagina
    assert "Er zijn geen rijen afgewezen." in pagina
    assert 'class="let-op"' not in pagina


def test_deterministisch(samenvatting, pagina):
    assert rapport.render(copy.deepcopy(samenvatting)) == pagina


def test_schrijf(samenvatting, pagina, tmp_path):
    pad = tmp_path / "rapport.html"
    rapport.schrijf(samenvatting, pad)
    assert pad.read_text(encoding="utf-8") == pagina


def test_jaar_onbekend_bij_verschillende_omzettingsjaren(samenvatting):
    # samenvatting.py gives jaar = null when workers convert in different calendar years
    data = copy.deepcopy(samenvatting)
    for r in data["scenarios"][0]["budget_per_jaar"]:
        r["jaar"] = None
    pagina = rapport.render(data)
    budget = _sectie(pagina, "budget")
    assert '<th scope="row" class="kort">jaar 0 na de omzetting' in budget
    assert "None" not in pagina


def test_saldo_uitleg_volgt_de_cijfers(samenvatting):
    per_jaar = samenvatting["scenarios"][0]["totalen"]["per_jaar"]
    saldo = centen(per_jaar["saldo_overheid"]["verschil"])
    kosten = centen(per_jaar["kosten_overheid"]["verschil"])
    belasting = centen(per_jaar["belastingontvangsten"]["verschil"])
    assert saldo == kosten - belasting  # the convention of samenvatting.py: net cost
    assert "kosten overheid min belastingontvangsten" in rapport._saldo_uitleg(per_jaar)
    omgekeerd = copy.deepcopy(per_jaar)
    omgekeerd["saldo_overheid"]["verschil"] = bedrag_tekst(belasting - kosten)
    assert "belastingontvangsten min kosten" in rapport._saldo_uitleg(omgekeerd)


def test_scenario_zonder_werknemers(samenvatting):
    data = copy.deepcopy(samenvatting)
    sc = data["scenarios"][0]
    sc["aantal"] = 0
    for k in sc["klassen"]:
        k["aantal"] = 0
    h = sc["netto_verschil_per_maand"]
    h.update(aantallen=[0] * len(h["aantallen"]), onder=0, boven=0, gemiddelde="0.00")
    pagina = rapport.render(data)
    assert pagina.count("<figure>") == 1 + 5  # no histogram for an empty scenario


# --- the werklijst: one definition for the report, werklijst.csv and the xlsx ---------------

VOORBEELDCOHORT = Path(__file__).parent.parent / "examples" / "cohort.csv"
WERKLIJST_CODES = {"werknemer_achteruit", "werknemer_buitenproportioneel", "werkgever_achteruit"}


@pytest.fixture(scope="module")
def cohortrun(tmp_path_factory):
    from wajong_conversie import cohort
    from wajong_conversie.scenario import laad

    map_ = tmp_path_factory.mktemp("werklijst")
    uit = map_ / "uit"
    invoer = map_ / "cohort.csv"  # all 2 000: more flagged people than the xlsx shows
    invoer.write_bytes(VOORBEELDCOHORT.read_bytes())
    scenarios = [
        laad(Path(__file__).parent.parent / "examples" / "scenarios" / naam)
        for naam in ("behouden.toml", "inkomensgarantie.toml")
    ]
    s = cohort.voer_uit(invoer, uit, scenarios, jaren=0)
    return uit, s


def invoer_van(uit: Path) -> Path:
    return uit.parent / "cohort.csv"


def test_werklijst_volgt_precies_de_signalen_in_resultaten(cohortrun):
    import csv

    import openpyxl

    from wajong_conversie import overzicht

    uit, s = cohortrun
    with (uit / "resultaten.csv").open(encoding="utf-8") as f:
        # per person its attention flags, in the order resultaten.csv writes them (RULES §7)
        vlaggen = {
            (r["scenario"], r["id"]): ";".join(
                c for c in r["signalen"].split(";") if c in WERKLIJST_CODES
            )
            for r in csv.DictReader(f)
        }
    verwacht = [k for k, v in vlaggen.items() if v]
    with (uit / "werklijst.csv").open(encoding="utf-8") as f:
        werklijst = list(csv.DictReader(f))
    # the flags read the same in werklijst.csv as in resultaten.csv: same codes, same order
    # (also for a person with two, such as werkgever_achteruit and buitenproportioneel)
    assert all(r["signalen"] == vlaggen[r["scenario"], r["id"]] for r in werklijst)
    assert any(";" in r["signalen"] for r in werklijst)
    # werklijst.csv is complete, also beyond the WERKLIJST_MAX the xlsx shows per scenario
    assert max(Counter(n for n, _ in verwacht).values()) > overzicht.WERKLIJST_MAX
    assert sorted((r["scenario"], r["id"]) for r in werklijst) == sorted(verwacht)
    # its first WERKLIJST_MAX rows per scenario, in the same order, on the first sheet of
    # overzicht.xlsx, with the same reason in words as the report
    eerste = [
        r
        for n in dict.fromkeys(r["scenario"] for r in werklijst)
        for r in [x for x in werklijst if x["scenario"] == n][: overzicht.WERKLIJST_MAX]
    ]
    boek = openpyxl.load_workbook(uit / "overzicht.xlsx", read_only=True)
    assert boek.sheetnames[0] == "werklijst"
    blad = list(boek["werklijst"].values)
    kop = blad.index(next(r for r in blad if r and r[0] == "id"))
    assert [(r[2], r[0], r[1] or "", r[4], r[-1]) for r in blad[kop + 1 :]] == [
        (r["scenario"], r["id"], r["naam"], r["signalen"], r["reden"]) for r in eerste
    ]
    # the name (column naam of the input) is the person's own, for every row
    with invoer_van(uit).open(encoding="utf-8") as f:
        naam_van = {r["id"]: r["naam"] for r in csv.DictReader(f)}
    assert all(r["naam"] == naam_van[r["id"]] for r in werklijst)
    assert any(r["naam"] for r in werklijst)
    # the counts per scenario in the summary are the same people
    for sc in s["scenarios"]:
        naam = sc["scenario"]["naam"]
        assert sum(1 for r in werklijst if r["scenario"] == naam) == sum(
            1 for n, _ in verwacht if n == naam
        )


def test_werklijst_ernstigste_eerst_en_in_het_rapport(cohortrun):
    import csv

    uit, _ = cohortrun
    with (uit / "werklijst.csv").open(encoding="utf-8") as f:
        werklijst = list(csv.DictReader(f))
    for naam in {r["scenario"] for r in werklijst}:
        eigen = [r for r in werklijst if r["scenario"] == naam]
        klasse = [
            0
            if "werknemer_achteruit" in r["signalen"]
            else (1 if "werkgever_achteruit" in r["signalen"] else 2)
            for r in eigen
        ]
        assert klasse == sorted(klasse)
        verliezers = [
            float(r["verschil_netto_maand"])
            for r in eigen
            if "werknemer_achteruit" in r["signalen"]
        ]  # float ok: order only
        assert verliezers == sorted(verliezers)
    pagina = (uit / "rapport.html").read_text(encoding="utf-8")
    assert 'id="werklijst"' in pagina
    tabellen = re.findall(r'<table class="werklijst">.*?</table>', pagina, flags=re.S)
    assert tabellen and all(t.count("<tr>") - 1 <= rapport.WERKLIJST_IN_RAPPORT for t in tabellen)
    eerste = werklijst[0]
    assert html_lib.escape(eerste["id"]) in tabellen[0]


def test_opening_komt_voor_elk_scenario_met_een_zin_per_scenario(samenvatting, pagina):
    antwoord = pagina.index('id="antwoord"')
    assert antwoord < pagina.index('id="vergelijking-tabel"') < pagina.index('id="scenario-1"')
    assert pagina.index("<svg") < pagina.index('id="scenario-1"')
    # the warnings are one short line with a link at the top, the list at the end
    assert pagina.index('href="#let-op"') < antwoord < pagina.index('id="let-op"')
    for sc in samenvatting["scenarios"]:
        n = sc["signalen"].get("werknemer_achteruit", 0)
        woord = "werknemer gaat" if n == 1 else "werknemers gaan"
        assert f"{opmaak.getal(n)} {woord} netto achteruit" in pagina
        # budget per year = government cost minus tax received (difference, per year)
        budget = centen(sc["totalen"]["per_jaar"]["kosten_overheid"]["verschil"]) - centen(
            sc["totalen"]["per_jaar"]["belastingontvangsten"]["verschil"]
        )
        assert opmaak.verschil(budget) in _zonder_svg(
            pagina[antwoord : pagina.index('id="scenario-1"')]
        )


def test_meervoud_klopt():
    assert rapport._meervoud(1, "werknemer", "werknemers") == "1 werknemer"
    assert rapport._meervoud(0, "werknemer", "werknemers") == "0 werknemers"
    assert rapport._meervoud(1234, "werknemer", "werknemers") == "1.234 werknemers"


def test_histogram_met_een_paar_verliezers_logaritmisch():
    # 3 losers next to 600 in the highest bar: 3 × 50 < 600, so the count axis is logarithmic
    assert rapport._log_schaal([0, 3, 600, 250])
    assert not rapport._log_schaal([20, 600])  # 20 × 50 = 1000 ≥ 600: linear
    assert not rapport._log_schaal([0, 0])
    h = {
        "grenzen": ["-100.00", "0.00", "100.00", "200.00"],
        "aantallen": [3, 600, 250],
    }
    svg = rapport._histogram(h, "Test", "t")
    assert "logaritmisch" in svg and "(logaritmische schaal)" in svg


def test_werklijst_csv_is_formuleveilig_en_bedragen_blijven_getallen(tmp_path):
    import pyarrow as pa

    from wajong_conversie import overzicht

    wl = overzicht.Werklijst()
    wl.voeg_toe(
        pa.table(
            {
                "scenario": ["+variant"],
                "netto": [-1234],
                "bruto": [0],
                "werkgever": [500],
                "wg": [0],
                "positie": pa.array([0], pa.int32()),  # the id and name: the file's first
                "sleutel": [-1234],
                "vlaggen": pa.array([0b011], pa.int8()),  # the first two codes of ERNST
            }
        ),
        1,
    )
    tabel = overzicht.werklijst_tabel(
        [wl],
        pa.array(["W1"]),
        pa.array(["-Bakkerij"]),
        pa.array(["@Jansen"]),
        pa.array(['=HYPERLINK("http://x")']),
    )
    overzicht.schrijf_werklijst_csv(tmp_path / "w.csv", tabel)
    import csv

    with (tmp_path / "w.csv").open(encoding="utf-8") as f:
        uit = next(csv.DictReader(f))
    assert uit["id"] == '\'=HYPERLINK("http://x")'
    assert (uit["naam"], uit["scenario"], uit["werkgever"]) == (
        "'@Jansen",
        "'+variant",
        "'-Bakkerij",
    )
    assert uit["verschil_netto_maand"] == "-12.34"  # a number, not made safe
    assert uit["verschil_werkgever_kosten_maand"] == "5.00"
    # the reason in words, the amounts as opmaak.bedrag writes them
    assert uit["reden"] == (
        "Netto €\u00a012,34 per maand minder; werkgever betaalt €\u00a05,00 per maand meer"
    )


def test_werkgeversblad_met_meerkosten_per_jaar(cohortrun):
    import openpyxl

    uit, s = cohortrun
    blad = list(openpyxl.load_workbook(uit / "overzicht.xlsx", read_only=True)["werkgevers"].values)
    kop = next(i for i, r in enumerate(blad) if r and r[0] == "werkgever_id")
    eerste = blad[kop + 1]
    # per year = 12 × per month, exactly (both as Excel numbers)
    assert round(eerste[4] - 12 * eerste[3], 2) == 0  # float ok: cells read back from Excel
    assert eerste[3] == float(
        s["scenarios"][0]["werkgevers"]["ranglijst"][0]["meerkosten_per_maand"]
    )  # float ok
