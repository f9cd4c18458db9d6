"""A CSV cohort is read in one pass (csvstroom): every piece parsed once, its row numbers,
positions and employer codes placed in file order by the writing thread. These tests hold it
to the two-pass reader (cohortinvoer.open_csv), which knows the whole file before it computes:
every output must be the same, byte for byte, whatever the pieces, employers, names, blank
lines and malformed rows — and a file with a duplicate id goes the two-pass way."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wajong_conversie import cohort, cohortinvoer, csvstroom, scenario
from wajong_conversie.scenario import Scenario

KOP = (
    "id,peildatum,geboortedatum,regime,arbeidsvermogen,uren_per_week,functieloon_per_uur,"
    "loonwaarde,garantiebedrag_per_maand,werkgever_id,werkgever_naam,naam"
)
WERKGEVERS = ["E1", " E1 ", "E2", "", "E3", "E40"]  # ' E1 ' is E1 once trimmed; '' is none


def rij(i: int, werkgever: str, naam: str, loonwaarde: str, uren: str) -> str:
    wg_naam = f"Bedrijf {werkgever.strip()}" if werkgever.strip() else ""
    return (
        f"W{i},2026-03-01,1990-05-05,wajong2010,true,{uren},15.00,{loonwaarde},0.00,"
        f"{werkgever},{wg_naam} {i % 3},{naam}"
    )


def uitvoer(map_: Path) -> dict[str, bytes]:
    uit = {}
    for naam in ("resultaten.csv", "afgewezen.csv", "werklijst.csv"):
        uit[naam] = (map_ / naam).read_bytes()
    samenvatting = json.loads((map_ / "samenvatting.json").read_text(encoding="utf-8"))
    uit["samenvatting.json"] = json.dumps(samenvatting, sort_keys=True).encode()
    return uit


def beide(pad: Path, map_: Path, monkeypatch) -> tuple[dict, dict]:
    """The outputs of the default run (one pass) and of the two-pass reader."""
    een = map_ / "een"
    cohort.voer_uit(pad, een, [Scenario()], jaren=0, xlsx=False)
    met_twee = cohortinvoer.open_bestand

    def twee(pad, peildatum_opgelegd=False, een_doorgang=False):
        return met_twee(pad, peildatum_opgelegd)

    with monkeypatch.context() as m:
        m.setattr(cohortinvoer, "open_bestand", twee)
        cohort.voer_uit(pad, map_ / "twee", [Scenario()], jaren=0, xlsx=False)
    return uitvoer(een), uitvoer(map_ / "twee")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rijen=st.lists(
        st.tuples(
            st.sampled_from(WERKGEVERS),
            st.sampled_from(["Jan", "An de Vries", '"Bos, Piet"', "", "  Kees  "]),
            st.sampled_from(["0.50", "0.30", "0.80", "1.50"]),  # 1.50: rejected
            st.sampled_from(["24", "32", "12"]),
            st.integers(0, 12),  # 0: a blank line before the row; 1: a malformed row
        ),
        min_size=1,
        max_size=60,
    ),
    blok=st.sampled_from([256, 700, 4096]),
)
def test_een_doorgang_geeft_wat_twee_doorgangen_geven(tmp_path_factory, monkeypatch, rijen, blok):
    map_ = tmp_path_factory.mktemp("d")
    regels = [KOP]
    for i, (wg, naam, lw, uren, extra) in enumerate(rijen, start=1):
        if extra == 0:
            regels.append("")
        regel = rij(i, wg, naam, lw, uren)
        regels.append(regel + ",te veel" if extra == 1 else regel)
    pad = map_ / "c.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    with monkeypatch.context() as m:
        m.setattr(cohortinvoer, "BLOK", blok)  # many pieces: employers span them
        een, twee = beide(pad, map_, monkeypatch)
    assert een == twee


def test_een_doorgang_werkgevers_over_stukken(tmp_path, monkeypatch):
    """Employers first seen in different pieces get the file's codes in order of first
    occurrence: the ranking and counts per employer, counted by hand here, are those of the
    whole file."""
    monkeypatch.setattr(cohortinvoer, "BLOK", 256)
    regels = [KOP] + [
        rij(i, ["E2", "E1", " E1 ", "E3"][i % 4], "Jan", "0.50", "24") for i in range(1, 41)
    ]
    pad = tmp_path / "c.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    s = cohort.voer_uit(pad, tmp_path / "uit", [Scenario()], jaren=0, xlsx=False)
    wg = s["scenarios"][0]["werkgevers"]
    assert wg["aantal"] == 3  # E1 and ' E1 ' are one employer
    aantallen = {r["werkgever_id"]: r["aantal_werknemers"] for r in wg["ranglijst"]}
    assert aantallen == {"E1": 20, "E2": 10, "E3": 10}
    # the name on the employer's first row: W1 is E1's first row (1 % 3 = 1)
    namen = {r["werkgever_id"]: r["werkgever_naam"] for r in wg["ranglijst"]}
    assert namen == {"E1": "Bedrijf E1 1", "E2": "Bedrijf E2 1", "E3": "Bedrijf E3 0"}


def test_dubbel_id_gaat_de_tweede_weg(tmp_path, monkeypatch):
    """A duplicate id in a later piece: the one pass cannot know it in time, raises Dubbel at
    the end, and the run goes again with the two-pass reader: both rows rejected, with their
    own spreadsheet rows, nothing of the first run left."""
    monkeypatch.setattr(cohortinvoer, "BLOK", 256)
    regels = [KOP] + [rij(i, "E1", "Jan", "0.50", "24") for i in range(1, 31)]
    regels.append(rij(3, "E2", "Piet", "0.50", "24"))  # W3 again, row 32
    pad = tmp_path / "c.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    gezien = []
    echt = csvstroom.Stroom.einde

    def einde(self):
        try:
            return echt(self)
        except csvstroom.Dubbel:
            gezien.append(True)
            raise

    monkeypatch.setattr(csvstroom.Stroom, "einde", einde)
    s = cohort.voer_uit(pad, tmp_path / "uit", [Scenario()], jaren=0, xlsx=False)
    assert gezien == [True]
    assert s["aantal_ingelezen"] == 31 and s["aantal_berekend"] == 29
    afgewezen = (tmp_path / "uit" / "afgewezen.csv").read_text(encoding="utf-8").splitlines()
    assert [r.split(",")[:2] for r in afgewezen[1:]] == [["4", "W3"], ["32", "W3"]]
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == sorted(
        [
            "afgewezen.csv",
            "rapport.html",
            "resultaten.csv",
            "resultaten.parquet",
            "samenvatting.json",
            "werklijst.csv",
        ]
    )
    resultaten = (tmp_path / "uit" / "resultaten.csv").read_text(encoding="utf-8")
    assert resultaten.count("\n") == 1 + 29 and "W3," not in resultaten


def _tel_einde(monkeypatch) -> tuple[list, list]:
    """Record each end of a one-pass run (Dubbel or not) and each count of the id texts."""
    einden, geteld = [], []
    echt_einde, echt_tel = csvstroom.Stroom.einde, cohortinvoer.Bron._tel_dubbel

    def einde(self):
        try:
            bron = echt_einde(self)
        except csvstroom.Dubbel:
            einden.append("dubbel")
            raise
        einden.append("goed")
        return bron

    def tel(self):
        geteld.append(True)
        return echt_tel(self)

    monkeypatch.setattr(csvstroom.Stroom, "einde", einde)
    monkeypatch.setattr(cohortinvoer.Bron, "_tel_dubbel", tel)
    return einden, geteld


def test_vingerafdrukken_gelijk_maar_ids_niet(tmp_path, monkeypatch):
    """Two different ids with the same fingerprint (forced here: every id gets the same one)
    are not duplicates: the texts are counted, and the run is the one pass, untouched."""
    monkeypatch.setattr(cohortinvoer, "BLOK", 256)
    regels = [KOP] + [rij(i, "E1", "Jan", "0.50", "24") for i in range(1, 21)]
    pad = tmp_path / "c.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    verwacht = cohort.voer_uit(pad, tmp_path / "echt", [Scenario()], jaren=0, xlsx=False)
    einden, geteld = _tel_einde(monkeypatch)
    monkeypatch.setattr(
        csvstroom.tekstbytes, "vingerafdruk", lambda kolom: np.zeros(len(kolom), np.uint64)
    )
    s = cohort.voer_uit(pad, tmp_path / "uit", [Scenario()], jaren=0, xlsx=False)
    assert einden == ["goed"] and geteld == [True]
    assert s["aantal_berekend"] == 20 and s["aantal_afgewezen"] == 0
    assert uitvoer(tmp_path / "uit") == uitvoer(tmp_path / "echt")
    assert verwacht["aantal_berekend"] == 20


def test_lang_id_zonder_vingerafdruk_dubbel_gevonden(tmp_path, monkeypatch):
    """An id longer than a fingerprint takes (16 bytes) in a later piece: the texts are
    counted, and a duplicate among such ids still sends the run the two-pass way."""
    monkeypatch.setattr(cohortinvoer, "BLOK", 256)
    lang = "ABCDEFGHIJKLMNOPQRSTUVWXYZ-0001"  # 31 bytes
    regels = [KOP] + [rij(i, "E1", "Jan", "0.50", "24") for i in range(1, 21)]
    regels.append(rij(99, "E1", "Jan", "0.50", "24").replace("W99,", f"{lang},"))
    regels.append(rij(98, "E2", "Piet", "0.50", "24").replace("W98,", f"{lang},"))
    pad = tmp_path / "c.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    einden, geteld = _tel_einde(monkeypatch)
    s = cohort.voer_uit(pad, tmp_path / "uit", [Scenario()], jaren=0, xlsx=False)
    assert einden == ["dubbel"] and geteld  # counted at the end of the one pass
    assert s["aantal_ingelezen"] == 22 and s["aantal_berekend"] == 20
    afgewezen = (tmp_path / "uit" / "afgewezen.csv").read_text(encoding="utf-8").splitlines()
    assert [r.split(",")[:2] for r in afgewezen[1:]] == [["22", lang], ["23", lang]]


def test_korte_ids_zonder_dubbel_niet_geteld(tmp_path, monkeypatch):
    """The usual file (short, different ids): the fingerprints decide, no id text is counted."""
    monkeypatch.setattr(cohortinvoer, "BLOK", 256)
    regels = [KOP] + [rij(i, "E1", "Jan", "0.50", "24") for i in range(1, 41)]
    pad = tmp_path / "c.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    einden, geteld = _tel_einde(monkeypatch)
    cohort.voer_uit(pad, tmp_path / "uit", [Scenario()], jaren=0, xlsx=False)
    assert einden == ["goed"] and geteld == []


def test_zelfde_bestand_zelfde_uitvoer_bij_andere_stukken(tmp_path, monkeypatch):
    """The example cohort under all five example scenarios, cut into pieces of the default
    size and into pieces of 4 KB: every output is the same, byte for byte (the warnings and
    assumptions of the summary come in one fixed order, not in the order the pieces met
    them)."""
    voorbeeld = Path(__file__).parent.parent / "examples"
    scenarios = [scenario.laad(p) for p in sorted((voorbeeld / "scenarios").glob("*.toml"))]
    cohort.voer_uit(voorbeeld / "cohort.csv", tmp_path / "groot", scenarios, xlsx=False)
    monkeypatch.setattr(cohortinvoer, "BLOK", 4096)
    cohort.voer_uit(voorbeeld / "cohort.csv", tmp_path / "klein", scenarios, xlsx=False)
    groot, klein = uitvoer(tmp_path / "groot"), uitvoer(tmp_path / "klein")
    assert groot == klein
    assert json.loads(groot["samenvatting.json"])["waarschuwingen"]  # there are some to order
    rapport = "rapport.html"
    assert (tmp_path / "groot" / rapport).read_bytes() == (
        tmp_path / "klein" / rapport
    ).read_bytes()
