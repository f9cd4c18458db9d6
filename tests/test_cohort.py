"""The cohort run: nothing lost, every rejection explained, the batch equals `bereken`."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import BASIS, VOORBEELDEN

from wajong_conversie.beoordeling import SIGNALEN
from wajong_conversie.cli import PERSOONSVELDEN
from wajong_conversie.cohort import RESULTAAT_KOLOMMEN, voer_uit
from wajong_conversie.cohortinvoer import BestandFout
from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario
from wajong_conversie.uitvoer import BEDRAGEN, als_dict
from wajong_conversie.validatie import Invoerfout, lees_en_controleer

VELDEN = [
    "id",
    *BASIS,
    "uren_per_week",
    "functieloon_per_uur",
    "loonwaarde",
    "overige_inkomsten_per_maand",
    "loondispensatie_loonbasis",
    "werkgever_id",
    "werkgever_naam",
    "naam",
    "bsn",
]
GOED = {
    **BASIS,
    "uren_per_week": "24",
    "functieloon_per_uur": "14.71",
    "loonwaarde": "0.50",
    "overige_inkomsten_per_maand": "",
    "loondispensatie_loonbasis": "",
    "werkgever_id": "E1",
    "werkgever_naam": "Bakkerij & Zn",
    "naam": "Jan Jansen",
    "bsn": "123456782",
}
SCENARIOS = [Scenario(naam="behouden"), Scenario(naam="ig", garantiebedrag="inkomensgarantie")]


def schrijf(pad: Path, rijen: list[dict], scheiding: str = ",", extra: str = "") -> Path:
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=VELDEN, delimiter=scheiding, lineterminator="\n")
        w.writeheader()
        for r in rijen:
            w.writerow({k: r.get(k, "") for k in VELDEN})
        f.write(extra)
    return pad


def rij(i: int, **anders) -> dict:
    return {**GOED, "id": f"W{i:03d}", **anders}


# Row numbers as in a spreadsheet: header = row 1, W001 = row 2, …
SLECHT = {
    3: ("loonwaarde", rij(2, loonwaarde="")),  # missing field
    4: ("uren_per_week", rij(3, uren_per_week="veel")),  # unparseable number
    5: ("loonwaarde", rij(4, loonwaarde="0.90")),  # impossible value
    6: ("geboortedatum", rij(5, geboortedatum="2012-01-01")),  # too young
    7: ("peildatum", rij(6, peildatum="2026-02-30")),  # not a date
    8: ("regime", rij(7, regime="wajong2030")),  # unknown value
    9: (
        "garantiebedrag_per_maand",
        rij(
            8,
            regime="wajong2015",
            arbeidsvermogen="false",
            loondispensatie_uitzondering="true",
            garantiebedrag_per_maand="100",
        ),
    ),
    10: ("functieloon_per_uur", rij(9, functieloon_per_uur="14.715")),  # too many decimals
    11: ("id", rij(10, id="")),  # no id
    12: ("id", rij(11, id="W020")),  # duplicate id (with row 21)
    13: ("arbeidsvermogen", rij(12, arbeidsvermogen="misschien")),
}


def cohort_met_fouten(tmp_path: Path) -> Path:
    rijen = [rij(1)] + [SLECHT[n][1] for n in sorted(SLECHT)]
    rijen += [rij(i) for i in range(13, 21)]  # rows 14–21, W020 is row 21
    rijen[8] = {**rijen[8]}
    return schrijf(tmp_path / "cohort.csv", rijen, extra="W099,te,weinig,velden\n")  # row 22


def lees_csv(pad: Path) -> list[dict]:
    with pad.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_slechte_rijen_worden_afgewezen_met_rij_veld_en_reden(tmp_path):
    uit = tmp_path / "uit"
    s = voer_uit(cohort_met_fouten(tmp_path), uit, SCENARIOS, rapport=False, xlsx=False, jaren=0)
    afgewezen = lees_csv(uit / "afgewezen.csv")
    per_rij = {int(a["rij"]): a for a in afgewezen}
    for nummer, (veld, _) in SLECHT.items():
        assert nummer in per_rij, nummer
        assert veld in per_rij[nummer]["veld"], (nummer, per_rij[nummer])
        assert per_rij[nummer]["reden"].strip()
    assert "meer dan één keer" in per_rij[21]["reden"]  # the other W020 too
    assert per_rij[22]["veld"] == "rij" and "velden" in per_rij[22]["reden"]
    assert per_rij[4]["reden"] == "'veel' is geen getal"
    assert per_rij[3]["reden"] == "ontbreekt; dit veld is verplicht"
    assert per_rij[11]["id"] == ""  # no id to show
    # the counts reconcile, and nothing is lost
    assert s["aantal_ingelezen"] == 21
    assert s["aantal_afgewezen"] == len(afgewezen) == 13
    assert s["aantal_berekend"] == 8
    assert s["aantal_ingelezen"] == s["aantal_berekend"] + s["aantal_afgewezen"]
    resultaten = lees_csv(uit / "resultaten.csv")
    assert len(resultaten) == 8 * len(SCENARIOS)
    assert {r["id"] for r in resultaten} == {"W001"} | {f"W{i:03d}" for i in range(13, 20)}
    # personal data stays out of the rejections
    tekst = (uit / "afgewezen.csv").read_text(encoding="utf-8")
    assert "Jan Jansen" not in tekst and "123456782" not in tekst


def test_elke_rij_gelijk_aan_bereken(tmp_path):
    """The batch path and the single path agree to the cent, for every amount of every row."""
    import random

    rnd = random.Random(7)
    rijen = []
    for i in range(300):
        gb = rnd.choice(["0", "0", f"{rnd.randint(800, 1700)}.{rnd.randint(0, 99):02d}"])
        rijen.append(
            rij(
                i,
                peildatum=rnd.choice(["2025-03-01", "2026-03-01", "2026-09-15"]),
                geboortedatum=f"{rnd.randint(1960, 2007)}-{rnd.randint(1, 12):02d}-"
                f"{rnd.randint(1, 28):02d}",
                uren_per_week=f"{rnd.randint(8, 40)},{rnd.choice(['0', '5'])}",
                functieloon_per_uur=f"{rnd.randint(1500, 2400) / 100:.2f}",
                loonwaarde=f"0.{rnd.randint(10, 75):02d}",
                garantiebedrag_per_maand=gb,
                overige_inkomsten_per_maand=rnd.choice(["", "0", "250.50"]),
                loondispensatie_loonbasis=rnd.choice(
                    ["", "functieloon", "minimumloon", "Minimumloon"]
                ),
            )
        )
    uit = tmp_path / "uit"
    s = voer_uit(
        schrijf(tmp_path / "c.csv", rijen), uit, SCENARIOS, rapport=False, xlsx=False, jaren=0
    )
    resultaten = {(r["id"], r["scenario"]): r for r in lees_csv(uit / "resultaten.csv")}
    assert len(resultaten) == 2 * s["aantal_berekend"]
    vergeleken = 0
    gezien: set[str] = set()
    for r in rijen:
        record = {k: v for k, v in r.items() if k not in PERSOONSVELDEN or k == "id"}
        try:
            _, invoer = lees_en_controleer(record)
        except Invoerfout:  # only the validation error means "rejected"; anything else fails
            assert (r["id"], "behouden") not in resultaten
            continue
        for sc in SCENARIOS:
            enkel = als_dict(bereken(invoer, sc))
            rij_uit = resultaten[(r["id"], sc.naam)]
            for sleutel, _, _ in BEDRAGEN:
                for situatie in ("huidig", "nieuw", "verschil"):
                    assert rij_uit[f"{situatie}_{sleutel}"] == enkel[situatie][sleutel]
            gekregen = rij_uit["signalen"].split(";") if rij_uit["signalen"] else []
            assert gekregen == enkel["signalen"], (r["id"], sc.naam)
            gezien.update(gekregen)
            vergeleken += 1
    assert vergeleken >= 400
    # every flag occurs somewhere, so a flag missing from the column cannot go unnoticed
    # every flag occurs in this cohort, except those that need household input (issue 11),
    # which these rows do not have
    huishouden = {"huishouden_achteruit", "toeslag_terugvordering_risico"}
    assert gezien == set(SIGNALEN) - huishouden, (set(SIGNALEN) - huishouden) ^ gezien


def test_loonbasis_kolom_en_dezelfde_melding_als_bereken(tmp_path):
    """The optional column loondispensatie_loonbasis: a good value is used, a bad one rejects
    the row with exactly the message of `bereken` (the other rows are still computed)."""
    c = dict(functieloon_per_uur="18.00", uren_per_week="36", loonwaarde="0.60")
    rijen = [
        rij(1, **c, loondispensatie_loonbasis="minimumloon"),
        rij(2, **c, loondispensatie_loonbasis="cao"),
        rij(3, **c),  # empty: the default, functieloon
    ]
    uit = tmp_path / "uit"
    voer_uit(schrijf(tmp_path / "c.csv", rijen), uit, SCENARIOS, rapport=False, xlsx=False, jaren=0)
    afgewezen = lees_csv(uit / "afgewezen.csv")
    assert [(a["rij"], a["veld"]) for a in afgewezen] == [("3", "loondispensatie_loonbasis")]
    record = {k: v for k, v in rijen[1].items() if k not in PERSOONSVELDEN or k == "id"}
    with pytest.raises(Invoerfout) as fout:
        lees_en_controleer(record)
    assert [f.melding for f in fout.value.fouten] == [afgewezen[0]["reden"]]
    assert afgewezen[0]["reden"] == "'cao' is onbekend; toegestaan: functieloon, minimumloon"
    res = {(r["id"], r["scenario"]): r for r in lees_csv(uit / "resultaten.csv")}
    # RULES §3.2 on the WML: 0.60 × 14.71 = 8.83; × 36 × 52 / 12 = 1 377.48 (test_voorbeelden)
    assert res[("W001", "behouden")]["huidig_loon_bruto_maand"] == "1377.48"
    # default on the functieloon: 0.60 × 18.00 = 10.80; × 156 = 1 684.80 (RULES §9 C)
    assert res[("W003", "behouden")]["huidig_loon_bruto_maand"] == "1684.80"


def test_uitvoer_is_deterministisch_en_heeft_de_kolommen(tmp_path):
    invoer = schrijf(tmp_path / "c.csv", [rij(i) for i in range(50)])
    voer_uit(invoer, tmp_path / "a", SCENARIOS, rapport=False, xlsx=False)
    voer_uit(invoer, tmp_path / "b", SCENARIOS, rapport=False, xlsx=False)
    a = (tmp_path / "a" / "resultaten.csv").read_bytes()
    assert a == (tmp_path / "b" / "resultaten.csv").read_bytes()
    kop = next(csv.reader(a.decode().splitlines()))
    assert kop == RESULTAAT_KOLOMMEN
    assert kop[:5] == [
        "id",
        "scenario",
        "huidig_loon_bruto_maand",
        "nieuw_loon_bruto_maand",
        "verschil_loon_bruto_maand",
    ]


def test_samenvatting_telt_op_tot_de_resultaten(tmp_path):
    rijen = [rij(i, garantiebedrag_per_maand="1600.00" if i % 3 == 0 else "0") for i in range(60)]
    uit = tmp_path / "uit"
    s = voer_uit(
        schrijf(tmp_path / "c.csv", rijen), uit, SCENARIOS, rapport=False, xlsx=False, jaren=2
    )
    resultaten = lees_csv(uit / "resultaten.csv")
    for sc in s["scenarios"]:
        eigen = [r for r in resultaten if r["scenario"] == sc["scenario"]["naam"]]
        netto = sc["totalen"]["per_maand"]["netto_inkomen_werknemers"]
        assert Decimal(netto["huidig"]) == sum(Decimal(r["huidig_netto_maand"]) for r in eigen)
        assert Decimal(netto["nieuw"]) == sum(Decimal(r["nieuw_netto_maand"]) for r in eigen)
        assert sum(k["aantal"] for k in sc["klassen"]) == sc["aantal"] == 60
        assert sc["signalen"]["werknemer_buitenproportioneel"] == sum(
            "werknemer_buitenproportioneel" in r["signalen"] for r in eigen
        )
        h = sc["netto_verschil_per_maand"]
        assert sum(h["aantallen"]) + h["onder"] + h["boven"] == 60
        assert len(sc["budget_per_jaar"]) == 2
        for dim, groepen in sc["uitsplitsingen"].items():
            assert sum(g["aantal"] for g in groepen) == 60, dim
    # behouden: 20 garantiebedrag holders of RULES §9 B, each +825.55 gross: buitenproportioneel
    assert s["scenarios"][0]["signalen"]["werknemer_buitenproportioneel"] == 20
    assert s["scenarios"][1]["signalen"]["werknemer_buitenproportioneel"] == 0
    # one employer E1 paying 0.70 less per worker: nobody pays more
    assert s["scenarios"][0]["werkgevers"]["aantal"] == 1
    assert s["scenarios"][0]["werkgevers"]["aantal_meer_kosten"] == 0


def test_puntkomma_en_decimale_komma(tmp_path):
    pad = schrijf(
        tmp_path / "c.csv", [rij(1, functieloon_per_uur="14,71", loonwaarde="0,5")], scheiding=";"
    )
    s = voer_uit(pad, tmp_path / "uit", SCENARIOS[:1], rapport=False, xlsx=False, jaren=0)
    assert s["aantal_berekend"] == 1
    r = lees_csv(tmp_path / "uit" / "resultaten.csv")[0]
    assert r["huidig_wajong_uitkering_maand"] == "1275.42"  # RULES §9 A


def test_peildatum_voor_alle_rijen(tmp_path):
    pad = schrijf(tmp_path / "c.csv", [rij(1, peildatum="")])
    s = voer_uit(
        pad,
        tmp_path / "uit",
        SCENARIOS[:1],
        peildatum=__import__("datetime").date(2026, 3, 1),
        rapport=False,
        xlsx=False,
        jaren=0,
    )
    assert s["aantal_berekend"] == 1 and s["peildatum_opgelegd"] == "2026-03-01"


def test_excel_invoer(tmp_path):
    import openpyxl

    boek = openpyxl.Workbook()
    blad = boek.active
    blad.append(VELDEN)
    waarden = rij(1)
    blad.append(
        [
            14.71
            if k == "functieloon_per_uur"
            else 24
            if k == "uren_per_week"
            else 0.5
            if k == "loonwaarde"
            else True
            if k == "arbeidsvermogen"
            else waarden.get(k, "")
            for k in VELDEN
        ]
    )
    blad.append(["W002"] + [waarden[k] for k in VELDEN[1:]])
    blad.append([None] * len(VELDEN))  # empty row at the end is no row
    boek.save(tmp_path / "c.xlsx")
    s = voer_uit(
        tmp_path / "c.xlsx",
        tmp_path / "uit",
        SCENARIOS[:1],
        rapport=False,
        jaren=0,
        xlsx_volledig=True,
    )
    assert s["aantal_ingelezen"] == 2 and s["aantal_berekend"] == 2
    r = lees_csv(tmp_path / "uit" / "resultaten.csv")
    assert [x["huidig_wajong_uitkering_maand"] for x in r] == ["1275.42", "1275.42"]
    assert (tmp_path / "uit" / "resultaten.xlsx").stat().st_size > 0
    xl = openpyxl.load_workbook(tmp_path / "uit" / "resultaten.xlsx", read_only=True)
    rijen = list(xl.worksheets[0].iter_rows(values_only=True))
    assert rijen[0][0] == "id" and len(rijen) == 3


@pytest.mark.parametrize(
    "inhoud, melding",
    [
        (b"", "leeg"),
        (b"id;peildatum\n", "verplichte kolom"),
        ("\u00e9".encode("latin-1") + b"id,x\n", "UTF-8"),
        (",".join(VELDEN).replace("loonwaarde", "loonwaard").encode() + b"\n", "bedoelt u"),
    ],
    ids=["leeg", "kolom-ontbreekt", "geen-utf8", "tikfout-in-kolom"],
)
def test_onleesbaar_bestand_stopt_met_een_duidelijke_melding(tmp_path, inhoud, melding):
    pad = tmp_path / "c.csv"
    pad.write_bytes(inhoud)
    with pytest.raises(BestandFout, match=melding):
        voer_uit(pad, tmp_path / "uit", SCENARIOS[:1], rapport=False, xlsx=False)


def test_cohort_via_de_opdrachtregel(tmp_path):
    script = Path(sys.executable).parent / "wajong-conversie"
    invoer = cohort_met_fouten(tmp_path)
    r = subprocess.run(
        [
            str(script),
            "cohort",
            str(invoer),
            "--uit",
            str(tmp_path / "uit"),
            "--scenario",
            str(VOORBEELDEN / "scenarios" / "vervallen.toml"),
            "--jaren",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "afgewezen: 13" in r.stdout and "rapport.html" in r.stdout
    assert "\r" not in r.stderr  # no progress bar in a pipe
    s = json.loads((tmp_path / "uit" / "samenvatting.json").read_text(encoding="utf-8"))
    assert s["scenarios"][0]["scenario"]["naam"] == "Garantiebedrag vervalt"
    for naam in ("resultaten.csv", "resultaten.parquet", "overzicht.xlsx", "afgewezen.csv"):
        assert (tmp_path / "uit" / naam).exists(), naam
        assert naam in r.stdout
    assert not (tmp_path / "uit" / "resultaten.xlsx").exists()  # only with --xlsx-volledig
    r = subprocess.run(
        [str(script), "cohort", str(tmp_path / "nee.csv"), "--uit", str(tmp_path / "x")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "bestaat niet" in r.stderr and "Traceback" not in r.stderr


def test_rapport_toont_de_kerncijfers_van_de_samenvatting(tmp_path):
    """The key figures in rapport.html are those of samenvatting.json, formatted in Dutch."""
    from wajong_conversie import opmaak
    from wajong_conversie.geld import centen

    uit = tmp_path / "uit"
    s = voer_uit(cohort_met_fouten(tmp_path), uit, SCENARIOS, xlsx=False, jaren=2)
    html = (uit / "rapport.html").read_text(encoding="utf-8")
    assert json.loads((uit / "samenvatting.json").read_text(encoding="utf-8")) == s
    for sleutel in ("aantal_ingelezen", "aantal_berekend", "aantal_afgewezen"):
        assert f">{opmaak.getal(s[sleutel])}<" in html, sleutel
    for sc in s["scenarios"]:
        assert sc["scenario"]["naam"] in html
        jaar = sc["totalen"]["per_jaar"]
        for sleutel in ("kosten_overheid", "kosten_werkgevers", "netto_inkomen_werknemers"):
            assert opmaak.verschil(centen(jaar[sleutel]["verschil"])) in html, sleutel
            assert opmaak.bedrag(centen(jaar[sleutel]["nieuw"])) in html, sleutel
        for klasse in sc["klassen"]:
            assert klasse["omschrijving"] in html
    assert "<svg" in html and "http://" not in html.replace("http://www.w3.org", "")
    assert "Jan Jansen" not in html and "123456782" not in html
