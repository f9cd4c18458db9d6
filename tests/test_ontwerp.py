"""Policy design (issue 14): the space, the exact figures (the same as `cohort`), the front, the
choice, the files and the command line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wajong_conversie import cli, ontwerp
from wajong_conversie import scenario as scenariobron
from wajong_conversie.geld import centen
from wajong_conversie.scenario import Scenario
from wajong_conversie.validatie import Invoerfout

VOORBEELD = Path(__file__).resolve().parent.parent / "examples" / "cohort.csv"
JAREN = 3
# a small space: 2 × 2 combinations + the reference behouden/geen + no conversion
RUIMTE = {
    "garantiebedrag": ["vervallen", "afbouw"],
    "afbouw_jaren": [2],
    "werkgever": ["lks_op_functieloon", "compensatie"],
    "compensatie_jaren": {"van": 2, "tot": 2},
}


def klein_cohort(pad: Path, n: int = 60) -> Path:
    """The first n people of the example cohort (with employers)."""
    with VOORBEELD.open(encoding="utf-8", newline="") as f:
        rijen = list(csv.reader(f))[: n + 1]
    with pad.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rijen)
    return pad


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("ontwerp")
    invoer = klein_cohort(map_ / "klein.csv")
    uit = map_ / "uit"
    rc = cli.main(
        ["ontwerp", str(invoer), "--uit", str(uit), "--jaren", str(JAREN), "--ruimte",
         str(schrijf_ruimte(map_ / "ruimte.toml"))]
    )  # fmt: skip
    assert rc == 0
    return invoer, uit, json.loads((uit / "ontwerp.json").read_text(encoding="utf-8"))


def schrijf_ruimte(pad: Path) -> Path:
    pad.write_text(
        'garantiebedrag = ["vervallen", "afbouw"]\nafbouw_jaren = [2]\n'
        'werkgever = ["lks_op_functieloon", "compensatie"]\n'
        "compensatie_jaren = {van = 2, tot = 2}\n",
        encoding="utf-8",
    )
    return pad


# --- the space ---------------------------------------------------------------------------------


def test_standaardruimte_13_maal_7_plus_geen_omzetting():
    lijst = ontwerp.varianten(dict(ontwerp.STANDAARD_RUIMTE))
    # garantiebedrag: behouden, vervallen, inkomensgarantie, afbouw 1…10 = 13;
    # werkgever: geen, lks_op_functieloon, compensatie 1…5 = 7; plus no conversion
    assert len(lijst) == 13 * 7 + 1
    assert len({v.bestand for v in lijst}) == len(lijst)
    assert len({v.naam for v in lijst}) == len(lijst)
    assert sum(not v.omzetting for v in lijst) == 1


def test_referenties_altijd_in_de_tabel():
    lijst = ontwerp.varianten(ontwerp.lees_ruimte({"garantiebedrag": "vervallen"}))
    sc = [v.scenario for v in lijst]
    assert not sc[0].omzetting
    assert any(s.omzetting and s.garantiebedrag == "behouden" and s.werkgever == "geen" for s in sc)
    # vervallen × (geen, lks_op_functieloon, compensatie 1…5) + no conversion + behouden/geen
    assert len(lijst) == 7 + 2


def test_reeks_en_lijst_en_subtabel():
    ruimte = ontwerp.lees_ruimte(
        {
            "garantiebedrag": ["afbouw"],
            "afbouw_jaren": {"van": 2, "tot": 4},
            "werkgever": "geen",
            "lks": {"plafond": ["0.70", "0.75"]},
        }
    )
    lijst = [v for v in ontwerp.varianten(ruimte) if v.scenario.garantiebedrag == "afbouw"]
    assert sorted((v.scenario.afbouw_jaren, v.scenario.lks_plafond) for v in lijst) == [
        (n, p) for n in (2, 3, 4) for p in (700_000, 750_000)
    ]


@pytest.mark.parametrize(
    ("data", "stuk"),
    [
        ({"garantie": ["behouden"]}, "onbekende sleutel(s) in de ontwerpruimte: garantie"),
        ({"omzetting": [False]}, "de variant zonder omzetting staat altijd in de tabel"),
        ({"lks": {"plafon": ["0.7"]}}, "onbekende sleutel(s) in [lks]"),
        ({"afbouw_jaren": {"van": 5, "tot": 2}}, "van (5) is groter dan tot (2)"),
        ({"afbouw_jaren": {"van": 1}}, "schrijf een reeks als"),
        ({"garantiebedrag": []}, "de lijst is leeg"),
        ({"garantiebedrag": ["altijd"]}, "'altijd' is geen variant"),
        ({"garantiebedrag": ["afbouw"], "afbouw_jaren": [30]}, "van 1 tot en met 20"),
    ],
)
def test_ruimte_geweigerd_met_nederlandse_melding(data, stuk):
    with pytest.raises(ontwerp.OntwerpFout) as e:
        ontwerp.varianten(ontwerp.lees_ruimte(data))
    assert stuk in str(e.value)


def test_onbekende_sleutel_via_opdrachtregel_exitcode_2(tmp_path, capsys):
    ruimte = tmp_path / "r.toml"
    ruimte.write_text('garantiebedrag = ["behouden"]\nplafond = 0.7\n', encoding="utf-8")
    rc = cli.main(
        ["ontwerp", str(VOORBEELD), "--uit", str(tmp_path / "u"), "--ruimte", str(ruimte)]
    )
    fout = capsys.readouterr()
    assert rc == 2
    assert "onbekende sleutel(s) in de ontwerpruimte: plafond" in fout.err
    assert "Traceback" not in fout.err and fout.out == ""
    assert not (tmp_path / "u").exists()


def test_budget_onleesbaar_exitcode_2(tmp_path, capsys):
    rc = cli.main(["ontwerp", str(VOORBEELD), "--uit", str(tmp_path / "u"), "--budget", "veel"])
    assert rc == 2
    assert "--budget" in capsys.readouterr().err


# --- the scenario files ------------------------------------------------------------------------


def test_varianten_toml_ongewijzigd_leesbaar(run):
    _, uit, data = run
    for v in data["varianten"]:
        pad = uit / v["bestand"]
        tekst = pad.read_text(encoding="utf-8")
        assert tekst.startswith("# ")
        sc = scenariobron.laad(pad)
        assert sc.naam == v["naam"]
        assert sc.omzetting == v["omzetting"]
    assert len(list((uit / "varianten").glob("*.toml"))) == len(data["varianten"])


def test_alle_standaardvarianten_rondreis(tmp_path):
    for v in ontwerp.varianten(dict(ontwerp.STANDAARD_RUIMTE)):
        pad = tmp_path / "x.toml"
        pad.write_text(ontwerp.toml_tekst(v, 5), encoding="utf-8")
        assert scenariobron.laad(pad) == v.scenario


def test_bereken_accepteert_variant(run, capsys):
    _, uit, data = run
    v = next(v for v in data["varianten"] if "compensatie" in v["bestand"])
    geval = VOORBEELD.parent / "geval_b.json"
    assert cli.main(["bereken", str(geval), "--scenario", str(uit / v["bestand"])]) == 0
    assert v["naam"] in capsys.readouterr().out


# --- exact: the same figures as `cohort --scenario X --jaren N` --------------------------------


def test_zelfde_cijfers_als_cohort(run, tmp_path, capsys):
    invoer, uit, data = run
    gekozen = [v for v in data["varianten"] if not v["omzetting"]] + [
        v for v in data["varianten"] if v["omzetting"] and ("afbouw" in v["bestand"])
    ][:2]
    gekozen.append(next(v for v in data["varianten"] if "compensatie" in v["bestand"]))
    for v in gekozen:
        map_ = tmp_path / Path(v["bestand"]).stem
        rc = cli.main(
            ["cohort", str(invoer), "--uit", str(map_), "--scenario", str(uit / v["bestand"]),
             "--jaren", str(JAREN), "--geen-xlsx"]
        )  # fmt: skip
        assert rc == 0
        s = json.loads((map_ / "samenvatting.json").read_text(encoding="utf-8"))
        assert s["aantal_berekend"] == data["aantal_berekend"]
        assert s["aantal_afgewezen"] == data["aantal_afgewezen"]
        sc = s["scenarios"][0]
        assert sc["scenario"]["naam"] == v["naam"]
        assert sc["signalen"] == v["signalen"]
        jaar0 = v["per_jaar"][0]
        for code in ontwerp.SIGNAAL_CODES:
            assert jaar0[code] == sc["signalen"][code]
        assert jaar0["werkgevers_meer_kosten"] == sc["werkgevers"]["aantal_meer_kosten"]
        per_jaar = sc["totalen"]["per_jaar"]
        assert jaar0["saldo_overheid_verschil"] == per_jaar["saldo_overheid"]["verschil"]
        assert jaar0["kosten_overheid_verschil"] == per_jaar["kosten_overheid"]["verschil"]
        assert len(sc["budget_per_jaar"]) == JAREN == len(v["per_jaar"])
        for b, j in zip(sc["budget_per_jaar"], v["per_jaar"], strict=True):
            assert b["jaar_na_omzetting"] == j["jaar_na_omzetting"]
            assert b["saldo_overheid_verschil"] == j["saldo_overheid_verschil"]
            assert b["kosten_overheid"]["verschil"] == j["kosten_overheid_verschil"]
            assert b["belastingontvangsten"]["verschil"] == j["belastingontvangsten_verschil"]
        # the total is the sum of the years, and the balance is cost minus tax
        assert centen(v["totaal"]["saldo_overheid_verschil"]) == sum(
            centen(b["saldo_overheid_verschil"]) for b in sc["budget_per_jaar"]
        )
        for j in v["per_jaar"]:
            assert centen(j["saldo_overheid_verschil"]) == centen(
                j["kosten_overheid_verschil"]
            ) - centen(j["belastingontvangsten_verschil"])
    capsys.readouterr()


def test_per_jaar_gelijk_aan_bereken_per_geval(run):
    """The counts of later years and over the whole path, from the single-case path
    (`bereken --jaren`, another route through the code): per person, per year, its flags."""
    invoer, _, data = run
    v = next(v for v in data["varianten"] if v["bestand"].startswith("varianten/afbouw02"))
    sc = scenariobron.laad(invoer.parent / "uit" / v["bestand"])
    with invoer.open(encoding="utf-8", newline="") as f:
        rijen = list(csv.DictReader(f))
    per_jaar = [dict.fromkeys(ontwerp.SIGNAAL_CODES, 0) for _ in range(JAREN)]
    ooit = dict.fromkeys(ontwerp.SIGNAAL_CODES, 0)
    verlies = [0] * JAREN
    for rij in rijen:
        geval = {k: w for k, w in rij.items() if w != ""}
        try:
            uitkomst = cli.reken_geval(geval, sc, JAREN)
        except Invoerfout:
            continue
        gezien = set()
        for j in uitkomst["pad"]:
            k = j["jaar_na_omzetting"]
            for code in ontwerp.SIGNAAL_CODES:
                if code in j["signalen"]:
                    per_jaar[k][code] += 1
                    gezien.add(code)
            if "werknemer_achteruit" in j["signalen"]:
                verlies[k] += centen(j["vergelijking"]["huidig"]["netto_jaar"]) - centen(
                    j["netto_jaar"]
                )
        for code in gezien:
            ooit[code] += 1
    for k in range(JAREN):
        for code in ontwerp.SIGNAAL_CODES:
            assert v["per_jaar"][k][code] == per_jaar[k][code], (k, code)
        assert centen(v["per_jaar"][k]["netto_verlies_achteruit"]) == verlies[k]
    for code in ontwerp.SIGNAAL_CODES:
        assert v["totaal"][code] == ooit[code]
    # the phase-out ends after 2 years: the path must show someone losing in year 2
    assert v["per_jaar"][2]["werknemer_achteruit"] > 0


def test_geen_omzetting_alles_nul(run):
    _, _, data = run
    v = data["varianten"][0]
    assert not v["omzetting"] and not v["op_front"] and v["referentie"]
    wet = [w for w in data["varianten"] if w["omzetting"] and w["referentie"]]
    assert [w["bestand"] for w in wet] == ["varianten/behouden__geen.toml"]
    for j in v["per_jaar"]:
        assert [j[c] for c in ontwerp.SIGNAAL_CODES] == [0, 0, 0]
        assert j["saldo_overheid_verschil"] == "0.00"


def test_json_vorm(run):
    _, _, data = run
    assert [v["naam"] for v in data["varianten"]][0] == "Geen omzetting (ter vergelijking)"
    assert len(data["varianten"]) == 6
    for v in data["varianten"]:
        assert {"naam", "bestand", "op_front", "per_jaar", "totaal"} <= set(v)
        assert isinstance(v["op_front"], bool)
        assert [j["jaar_na_omzetting"] for j in v["per_jaar"]] == list(range(JAREN))
        for j in v["per_jaar"]:
            assert {*ontwerp.SIGNAAL_CODES, "saldo_overheid_verschil"} <= set(j)
    assert any(v["op_front"] for v in data["varianten"])
    assert data["aanbeveling"]["bestand"] in {v["bestand"] for v in data["varianten"]}


def test_draden_processen_en_een_werker_geven_hetzelfde(run):
    invoer, _, _ = run
    cohort = ontwerp.lees_cohort(invoer)
    lijst = ontwerp.varianten(ontwerp.lees_ruimte(RUIMTE))[:3]
    een = ontwerp.evalueer_alle(cohort, lijst, 2, werkers=1)
    assert ontwerp.evalueer_alle(cohort, lijst, 2, werkers=2, soort="draad") == een
    assert ontwerp.evalueer_alle(cohort, lijst, 2, werkers=2, soort="proces") == een


# --- the front and the choice ------------------------------------------------------------------

doel = st.tuples(*(st.integers(0, 4) for _ in range(3)), st.integers(-5, 5))


@settings(max_examples=300, deadline=None)
@given(st.lists(doel, min_size=1, max_size=25), st.data())
def test_front_nooit_gedomineerd_en_volledig(punten, data):
    kandidaat = data.draw(st.lists(st.booleans(), min_size=len(punten), max_size=len(punten)))
    front = ontwerp.pareto(punten, kandidaat)
    for i, p in enumerate(punten):
        gedomineerd = any(
            kandidaat[j]
            and all(a <= b for a, b in zip(punten[j], p, strict=True))
            and any(a < b for a, b in zip(punten[j], p, strict=True))
            for j in range(len(punten))
        )
        # on the front exactly when a candidate and not dominated by another candidate
        assert front[i] == (kandidaat[i] and not gedomineerd)
    if any(kandidaat):
        assert any(front)
    # the recommendation (no budget) is always on the front
    i, _ = ontwerp.kies(
        punten, [str(n) for n in range(len(punten))], kandidaat, [0] * len(punten), None
    )
    assert (i is None) == (not any(kandidaat))
    if i is not None:
        assert front[i]


def test_kies_volgorde_en_budget():
    namen = ["a", "b", "c", "d"]
    punten = [(0, 0, 0, 0), (3, 0, 0, 100), (3, 0, 0, 50), (1, 9, 9, 900)]
    kand = [False, True, True, True]
    hoogste = [0, 40, 20, 300]
    # losers and windfalls together first: b and c hit 3 workers, d hits 1 + 9 = 10; of b and
    # c (equal on employers) the cheaper c; a (no conversion) never
    assert ontwerp.kies(punten, namen, kand, hoogste, None) == (2, True)
    # with 1 windfall instead of 9, d hits 1 + 1 = 2 workers and wins, though it costs most
    punten_d = [(0, 0, 0, 0), (3, 0, 0, 100), (3, 0, 0, 50), (1, 1, 9, 900)]
    assert ontwerp.kies(punten_d, namen, kand, hoogste, None) == (3, True)
    # within 100 per year: b and c have 3 losers; c is cheaper
    assert ontwerp.kies(punten, namen, kand, hoogste, 100) == (2, True)
    # nothing within 10: the one closest to the budget, marked outside it
    assert ontwerp.kies(punten, namen, kand, hoogste, 10) == (2, False)


def test_afweging_noemt_prijs_en_winst():
    namen = ["goedkoop", "duur"]
    punten = [(10, 1, 5, 3_000_00), (2, 4, 5, 9_000_00)]
    zin = ontwerp.afweging(1, punten, namen, [True, True], 3)
    # (9.000 − 3.000) / 3 years = € 2.000 per year more
    assert "€\u00a02.000,00 per jaar meer" in zin
    assert "'goedkoop'" in zin
    assert "2 werknemers die er netto op achteruitgaan in plaats van 10" in zin
    assert "4 werknemers die er bruto buiten verhouding op vooruitgaan in plaats van 1" in zin
    assert zin.endswith(".") and ". " not in zin  # one sentence
    # without a werkgever_id the third objective counts workers, and the sentence says so
    punten = [(1, 1, 9, 100_00), (1, 1, 2, 400_00)]
    zin = ontwerp.afweging(1, punten, namen, [True, True], 1, werkgevers=False)
    assert "€\u00a0300,00 per jaar meer" in zin
    assert "2 werknemers van wie de werkgever meer gaat betalen in plaats van 9." in zin


# --- files: whole or absent, the page ----------------------------------------------------------


def test_uitvoer_heel_of_afwezig(run, tmp_path, monkeypatch):
    invoer, _, _ = run
    uit = tmp_path / "uit"
    ruimte = ontwerp.lees_ruimte({"garantiebedrag": "vervallen", "werkgever": "geen"})
    ontwerp.voer_uit(invoer, uit, ruimte, jaren=1)
    voor = {p.relative_to(uit): p.read_bytes() for p in uit.rglob("*") if p.is_file()}
    from wajong_conversie import ontwerprapport

    def stuk(*_):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(ontwerprapport, "schrijf", stuk)
    with pytest.raises(ontwerp.BestandFout, match="de schijf is vol"):
        ontwerp.voer_uit(invoer, uit, ontwerp.lees_ruimte({"garantiebedrag": "behouden"}), jaren=1)
    na = {p.relative_to(uit): p.read_bytes() for p in uit.rglob("*") if p.is_file()}
    assert na == voor  # the earlier run stays, whole; nothing half-written, no temporary folder
    assert [p.name for p in uit.iterdir() if p.name.startswith(".")] == []


def test_tweede_run_vervangt_varianten_geheel(run, tmp_path):
    invoer, _, _ = run
    uit = tmp_path / "uit"
    ontwerp.voer_uit(invoer, uit, ontwerp.lees_ruimte({"garantiebedrag": "vervallen"}), jaren=1)
    ontwerp.voer_uit(
        invoer, uit, ontwerp.lees_ruimte({"garantiebedrag": "vervallen", "werkgever": "geen"}), 1
    )
    data = json.loads((uit / "ontwerp.json").read_text(encoding="utf-8"))
    assert sorted(p.name for p in (uit / "varianten").iterdir()) == sorted(
        Path(v["bestand"]).name for v in data["varianten"]
    )


def test_pagina_nederlands_toegankelijk_op_zichzelf(run):
    _, uit, data = run
    html = (uit / "ontwerp.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in html
    assert "<h2" in html and "<caption>" in html and 'scope="col"' in html
    assert '<svg role="img"' in html and "<title>" in html and "<desc>" in html
    assert "<script" not in html and 'src="http' not in html and "<link" not in html
    assert data["aanbeveling"]["naam"].replace("&", "&amp;") in html
    assert "De vraag" in html and "Het front" in html and "Het advies" in html
    # the variants tried, as they were in the space (afbouw 2 years, compensation 2 years)
    assert "Afbouw</strong>: dezelfde toeslag, die in gelijke stappen verdwijnt, in 2 jaar" in html
    assert "Inkomensgarantie</strong>" not in html
    assert "Ter vergelijking: garantiebedrag blijft, LKS op minimumloon" in html
    # afbouw and compensation of 2 years end within the 3 years computed: no horizon warning
    assert "Reken met meer jaren" not in html and "tot het eind van de berekening" not in html


def test_horizon_waarschuwing():
    from wajong_conversie import ontwerprapport

    varianten = [{"scenario": {"afbouw_jaren": 5}}, {"scenario": {"compensatie_jaren": 4}}]
    assert len(ontwerprapport._horizon(varianten, 5)) == 1
    assert len(ontwerprapport._horizon(varianten, 4)) == 2
    assert ontwerprapport._horizon(varianten, 6) == []


def test_scenario_gelijk_aan_geladen(run):
    """The figures were computed with exactly the scenario the file describes."""
    _, uit, _ = run
    for v in ontwerp.varianten(ontwerp.lees_ruimte(RUIMTE)):
        assert scenariobron.laad(uit / v.bestand) == v.scenario
    assert isinstance(v.scenario, Scenario)


def test_geen_enkele_rij_te_berekenen(tmp_path, capsys):
    invoer = tmp_path / "fout.csv"
    with VOORBEELD.open(encoding="utf-8", newline="") as f:
        kop = next(csv.reader(f))
    rij = dict.fromkeys(kop, "")
    rij["id"] = "X1"
    with invoer.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=kop, lineterminator="\n")
        w.writeheader()
        w.writerow(rij)
    rc = cli.main(["ontwerp", str(invoer), "--uit", str(tmp_path / "u")])
    fout = capsys.readouterr()
    assert rc == 2
    assert "geen enkele rij van fout.csv kan worden berekend" in fout.err
    assert "X1" not in fout.err  # no cell values in messages
    assert not (tmp_path / "u").exists()


def test_geen_voortgangsbalk_buiten_een_terminal(run, tmp_path, capsys):
    invoer, _, _ = run
    ruimte = tmp_path / "r.toml"
    ruimte.write_text('garantiebedrag = "vervallen"\nwerkgever = "geen"\n', encoding="utf-8")
    rc = cli.main(
        ["ontwerp", str(invoer), "--uit", str(tmp_path / "u"), "--jaren", "1", "--ruimte",
         str(ruimte), "--budget", "1000000,00"]
    )  # fmt: skip
    uit = capsys.readouterr()
    assert rc == 0
    assert "van 3 varianten" not in uit.err and "\r" not in uit.err
    assert "Aanbevolen variant:" in uit.out
    data = json.loads((tmp_path / "u" / "ontwerp.json").read_text(encoding="utf-8"))
    assert data["budget_per_jaar"] == "1000000.00"
    assert data["aanbeveling"]["binnen_budget"] in (True, False)


def test_front_met_de_hand():
    # A costs most but nobody loses; B is cheaper with one loser; C has B's loser and costs
    # more than B (dominated by B); D is as B but with a windfall (dominated by B); E equals B
    # exactly (neither dominates the other: both on the front)
    punten = [(0, 0, 0, 10), (1, 0, 0, 5), (1, 0, 0, 6), (1, 1, 0, 5), (1, 0, 0, 5)]
    assert ontwerp.pareto(punten) == [True, True, False, False, True]
    # without conversion (not a candidate) it is never on the front and pushes nothing off
    assert ontwerp.pareto([(0, 0, 0, 0), *punten], [False] + [True] * 5) == [
        False, True, True, False, False, True,
    ]  # fmt: skip


@pytest.mark.parametrize("jaren", ["0", "41"])
def test_jaren_buiten_bereik(tmp_path, capsys, jaren):
    rc = cli.main(["ontwerp", str(VOORBEELD), "--uit", str(tmp_path / "u"), "--jaren", jaren])
    assert rc == 2
    assert "--jaren: kies 1 tot en met 40 jaar" in capsys.readouterr().err
