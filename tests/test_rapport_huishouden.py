"""The cohort report's household part (issue 11): per scenario how many workers turn from
gaining to losing (or the reverse) once the pension premium and the allowances count, and the
household flags. A small hand-made cohort whose counts are tallied by hand below."""

from __future__ import annotations

import csv
import html
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from wajong_conversie import cohort, rapporthuishouden
from wajong_conversie.cli import reken_geval
from wajong_conversie.scenario import Scenario

BASIS = {
    "peildatum": "2026-03-01",
    "geboortedatum": "1990-01-15",
    "regime": "wajong2010",
    "arbeidsvermogen": "true",
    "voltijd_uren_per_week": "38",
    "werkgeverslasten_percentage": "0.235",
    "garantiebedrag_per_maand": "0",
}
GEVAL_B = {  # RULES §9 example B
    **BASIS,
    "geboortedatum": "1995-05-05",
    "uren_per_week": "24",
    "functieloon_per_uur": "14.71",
    "loonwaarde": "0.50",
    "garantiebedrag_per_maand": "1600.00",
}
PFZW_HALF = {"pensioen_werknemer_percentage": "0.1295", "pensioen_franchise_per_jaar": "8000"}
BPL = {"pensioen_werknemer_percentage": "0.0731", "pensioen_franchise_per_jaar": "16449"}
LOS = {"uren_per_week": "36", "loonwaarde": "0.50", "garantiebedrag_per_maand": "0"}
# id → (the row, the signs per month of the change in net income, net income + the pension
# premium, gross income and besteedbaar inkomen, as one case computes them: see the test
# test_de_premissen). Each row is alone unless it says toeslagpartner; vermogen 0 makes the
# household known.
RIJEN = {
    # the garantiebedrag windfall: all up; the zorgtoeslag falls (€ 118 → € 5)
    "A": ({**GEVAL_B, "vermogen": "0"}, (+1, +1, +1, +1)),
    # 16 h at the WML: gross −€ 0,12 (rounding), net and besteedbaar +€ 41,13
    "B": (
        {
            **BASIS,
            "uren_per_week": "16",
            "functieloon_per_uur": "14.71",
            "loonwaarde": "0.50",
            "vermogen": "0",
        },
        (+1, +1, -1, +1),
    ),  # fmt: skip
    # with a partner and BPL pension: net −€ 27,98 (premium +€ 135,48), gross −€ 0,04,
    # zorgtoeslag +€ 39, besteedbaar +€ 11,02
    "C": (
        {
            **BASIS,
            **LOS,
            "functieloon_per_uur": "22.00",
            "vermogen": "0",
            "toeslagpartner": "true",
            "partner_inkomen_per_jaar": "0",
            **BPL,
        },
        (-1, +1, -1, +1),
    ),  # fmt: skip
    # net −€ 28,10, gross +€ 0,11, besteedbaar −€ 28,10: huishouden_achteruit
    "D": (
        {**BASIS, **LOS, "functieloon_per_uur": "22.00", "loonwaarde": "0.70", "vermogen": "0"},
        (-1, -1, +1, -1),
    ),
    # pension 12,95 %: net −€ 31,06 but + premium € 117,81 = +€ 86,75; besteedbaar −€ 4,06
    "F": (
        {
            **BASIS,
            **LOS,
            "functieloon_per_uur": "18.00",
            "loonwaarde": "0.70",
            "vermogen": "0",
            **PFZW_HALF,
        },
        (-1, +1, -1, -1),
    ),  # fmt: skip
    # net −€ 7,43, gross +€ 0,07, zorgtoeslag +€ 10, besteedbaar +€ 2,57
    "G": (
        {
            **BASIS,
            "uren_per_week": "32",
            "functieloon_per_uur": "20.00",
            "loonwaarde": "0.70",
            "vermogen": "0",
        },
        (-1, -1, +1, +1),
    ),  # fmt: skip
    # example B without any household field: not counted
    "E": (dict(GEVAL_B), None),
}
# by hand from the signs above (rows A, B, C, D, F, G have a household):
VERWACHT = {
    "aantal_met_huishouden": 6,
    "netto_omhoog_besteedbaar_omlaag": 0,
    "netto_omlaag_besteedbaar_omhoog": 2,  # C, G
    "netto_zonder_pensioen_omhoog_besteedbaar_omlaag": 1,  # F
    "netto_zonder_pensioen_omlaag_besteedbaar_omhoog": 1,  # G
    "bruto_omhoog_besteedbaar_omlaag": 1,  # D
    "bruto_omlaag_besteedbaar_omhoog": 2,  # B, C
}
SIGNALEN = {"huishouden_achteruit": 2, "toeslag_terugvordering_risico": 1}  # D, F; A


def _teken(x: str) -> int:
    d = Decimal(x)
    return (d > 0) - (d < 0)


def test_de_premissen():
    """Each row, computed alone, has the signs the counts are tallied from."""
    for naam, (rij, tekens) in RIJEN.items():
        geval = {k: (v == "true") if v in ("true", "false") else v for k, v in rij.items()}
        v = reken_geval(geval, Scenario(), None)["verschil"]
        if tekens is None:
            assert v["besteedbaar_maand"] == "niet berekend", naam
            continue
        netto_zonder = Decimal(v["netto_maand"]) + Decimal(v["pensioenpremie_werknemer_maand"])
        gezien = (
            _teken(v["netto_maand"]),
            _teken(str(netto_zonder)),
            _teken(v["bruto_inkomen_maand"]),
            _teken(v["besteedbaar_maand"]),
        )
        assert gezien == tekens, naam


@pytest.fixture(scope="module")
def uitkomst(tmp_path_factory):
    map_ = tmp_path_factory.mktemp("huishouden")
    velden = sorted({k for rij, _ in RIJEN.values() for k in rij} | {"id"})
    invoer = map_ / "cohort.csv"
    with invoer.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=velden)
        w.writeheader()
        for naam, (rij, _) in RIJEN.items():
            w.writerow({"id": naam, **rij})
    samenvatting = cohort.voer_uit(invoer, map_ / "uit", [Scenario()], xlsx=False)
    rapport = html.unescape((map_ / "uit" / "rapport.html").read_text(encoding="utf-8"))
    return samenvatting, rapport.replace("\xa0", " ")


def test_tellingen(uitkomst):
    samenvatting, _ = uitkomst
    sc = samenvatting["scenarios"][0]
    assert sc["aantal"] == 7
    assert sc["huishouden"] == VERWACHT
    for code, aantal in SIGNALEN.items():
        assert sc["signalen"][code] == aantal
    bestand = json.loads(json.dumps(samenvatting, default=str))  # as samenvatting.json
    assert bestand["scenarios"][0]["huishouden"] == VERWACHT


def test_rapport_zinnen_kloppen_met_de_tabel(uitkomst):
    """The sentences say the table's numbers, with 'werknemer' for one and 'werknemers' for
    more (and for none)."""
    _, rapport = uitkomst
    assert (
        "Met pensioenpremie en toeslagen meegeteld (6 werknemers met een bekend huishouden): "
        "1 werknemer houdt minder over terwijl het netto inkomen zonder pensioenpremie stijgt, "
        "en 1 werknemer houdt meer over terwijl het daalt." in rapport
    )
    assert (
        "Van 6 werknemers is het huishouden bekend; voor de andere werknemer zijn "
        "pensioenpremie en toeslagen niet berekend." in rapport
    )
    begin = rapport.index("Huishouden: wat verandert er als pensioenpremie en toeslagen")
    tabel = rapport[begin : rapport.index("</table>", begin)]
    rijen = dict(re.findall(r'<th scope="row">([^<]+)</th><td class="getal">([^<]+)</td>', tabel))
    labels = dict(rapporthuishouden.RIJEN)
    for sleutel, aantal in {**VERWACHT, **SIGNALEN}.items():
        if sleutel in labels:
            assert rijen[labels[sleutel]] == str(aantal), sleutel
    assert len(rijen) == len(labels)
    assert "Aandeel van de 6 met een bekend huishouden" in tabel
    assert rijen[labels["bruto_omlaag_besteedbaar_omhoog"]] == "2"


def test_zonder_huishouden_een_zin():
    sc = {"aantal": 3, "signalen": {}, "huishouden": {"aantal_met_huishouden": 0}}
    h = rapporthuishouden.scenario(sc)
    assert not h["bekend"] and h["kort"] == ""
    assert "Van geen enkele werknemer in het bestand is het huishouden bekend" in h["zin"]


def test_enkelvoud_en_meervoud():
    hh = {k: 0 for k in VERWACHT} | {
        "aantal_met_huishouden": 1,
        "netto_zonder_pensioen_omhoog_besteedbaar_omlaag": 1,
    }
    h = rapporthuishouden.scenario({"aantal": 1, "signalen": {}, "huishouden": hh})
    assert h["zin"] == "Van 1 werknemer is het huishouden bekend."
    assert "(1 werknemer met een bekend huishouden): 1 werknemer houdt minder over" in h["kort"]
    assert "en 0 werknemers houden meer over" in h["kort"]
    assert [r["aandeel"] for r in h["rijen"]][:2] == ["100%", "0%"]


def test_voorbeeldcohort_heeft_huishoudens():
    """`make demo`'s cohort has household rows, so its report shows the part (issue 11)."""
    pad = Path(__file__).resolve().parents[1] / "examples" / "cohort.csv"
    rijen = list(csv.DictReader(pad.open(encoding="utf-8")))
    met = [r for r in rijen if r["toeslagpartner"]]
    assert 0 < len(met) < len(rijen)


def test_overzicht_xlsx_heeft_de_tellingen(tmp_path):
    """overzicht.xlsx's samenvatting sheet has the same counts, under the report's labels."""
    import openpyxl

    invoer = tmp_path / "c.csv"
    velden = sorted({k for rij, _ in RIJEN.values() for k in rij} | {"id"})
    with invoer.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=velden)
        w.writeheader()
        for naam, (rij, _) in RIJEN.items():
            w.writerow({"id": naam, **rij})
    cohort.voer_uit(invoer, tmp_path / "uit", [Scenario()], rapport=False)
    boek = openpyxl.load_workbook(tmp_path / "uit" / "overzicht.xlsx", read_only=True)
    cellen = {r[0]: r[1] for r in boek["samenvatting"].iter_rows(values_only=True) if r[0]}
    labels = dict(rapporthuishouden.RIJEN)
    assert cellen["Werknemers met een bekend huishouden"] == 6
    for sleutel, aantal in VERWACHT.items():
        if sleutel in labels:
            assert cellen[labels[sleutel]] == aantal, sleutel
