"""The synthetic example cohort: deterministic, well-formed, valid, realistic, with defects."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from wajong_conversie import voorbeeldcohort as vc
from wajong_conversie.model import Invoer
from wajong_conversie.validatie import Invoerfout, controleer, lees_geval

EXTRA = frozenset(
    {
        "id",
        "naam",
        "straat",
        "postcode",
        "woonplaats",
        "bsn",
        "werkgever_id",
        "werkgever_naam",
        "werkgever_straat",
        "werkgever_postcode",
        "werkgever_plaats",
    }
)
KOLOMMEN = [
    "id", "peildatum", "geboortedatum", "regime", "arbeidsvermogen", "uren_per_week",
    "voltijd_uren_per_week", "functieloon_per_uur", "loonwaarde", "garantiebedrag_per_maand",
    "overige_inkomsten_per_maand", "werkgeverslasten_percentage", "loondispensatie_uitzondering",
    "werkgever_id", "werkgever_naam", "naam", "straat", "postcode", "woonplaats", "bsn",
    "werkgever_straat", "werkgever_postcode", "werkgever_plaats",
    # issue 11: household and pension, filled for part of the rows
    "toeslagpartner", "partner_inkomen_per_jaar", "huur_per_maand", "kinderen", "vermogen",
    "pensioen_werknemer_percentage", "pensioen_werkgever_percentage",
    "pensioen_franchise_per_jaar",
]  # fmt: skip
VOORBEELD = Path(__file__).resolve().parents[1] / "examples" / "cohort.csv"


@pytest.fixture(scope="module")
def cohort() -> pa.Table:
    return vc.genereer(2000, 2026)


def problemen(rijen: list[dict]) -> dict[int, list]:
    """Row index → problems, exactly as a single case is checked (lees_geval + controleer)."""
    uit: dict[int, list] = {}
    gevallen, plek = [], []
    for i, rij in enumerate(rijen):
        try:
            gevallen.append(lees_geval(rij, extra=EXTRA))
            plek.append(i)
        except Invoerfout as e:
            uit[i] = e.fouten
    if gevallen:
        for j, fouten in controleer(Invoer.uit_gevallen(gevallen)).items():
            uit[plek[j]] = fouten
    return uit


def elfproef(bsn: str) -> bool:
    cijfers = [int(c) for c in bsn]
    som = sum(g * c for g, c in zip((9, 8, 7, 6, 5, 4, 3, 2, -1), cijfers, strict=True))
    return len(bsn) == 9 and som % 11 == 0


# --- determinism and shape ------------------------------------------------------------------


def test_zelfde_seed_zelfde_tabel_andere_seed_andere():
    a = vc.genereer(3000, 7)
    assert a.equals(vc.genereer(3000, 7), check_metadata=True)
    b = vc.genereer(3000, 8)
    assert not a.equals(b)
    verschillend = [k for k in KOLOMMEN if not a.column(k).equals(b.column(k))]
    assert set(verschillend) >= set(KOLOMMEN) - {"id", "peildatum"}


def test_kolommen_volgorde_en_typen(cohort):
    assert cohort.column_names == KOLOMMEN
    assert list(vc.KOLOMMEN) == KOLOMMEN
    assert all(veld.type == pa.string() for veld in cohort.schema)
    assert cohort.num_rows == 2000
    assert all(cohort.column(k).null_count == 0 for k in KOLOMMEN)


def test_ids_uniek_en_bsn_elfproef(cohort):
    ids = cohort.column("id").to_pylist()
    assert len(set(ids)) == len(ids)
    assert ids[0] == "W0000001" and ids[-1] == "W0002000"
    bsn = cohort.column("bsn").to_pylist()
    assert all(elfproef(b) for b in bsn)
    assert len(set(bsn)) == len(bsn)
    groot = vc.genereer(200_000, 3).column("bsn").to_numpy(zero_copy_only=False).astype(np.int64)
    assert vc.elfproef(groot).all() and len(np.unique(groot)) == len(groot)
    assert vc.elfproef(np.array([111222333, 123456782])).tolist() == [True, True]
    assert not vc.elfproef(np.array([123456789]))[0]


PATRONEN = {
    "id": r"W\d{7}",
    "peildatum": r"2026-03-01",
    "geboortedatum": r"(19|20)\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])",
    "regime": r"owajong|wajong2010|wajong2015",
    "arbeidsvermogen": r"true|false",
    "uren_per_week": r"[1-9]\d?(\.(\d[1-9]|[1-9]))?",
    "voltijd_uren_per_week": r"(3\d|40)",
    "functieloon_per_uur": r"\d{1,3}\.\d\d",
    "loonwaarde": r"0\.\d\d",
    "garantiebedrag_per_maand": r"\d{1,4}\.\d\d",
    "overige_inkomsten_per_maand": r"\d{1,4}\.\d\d",
    "werkgeverslasten_percentage": r"0\.\d{3}",
    "loondispensatie_uitzondering": r"true|false",
    "werkgever_id": r"E\d{5}",
    "werkgever_naam": r"[A-Z][A-Za-z]+( [A-Za-z'&.-]+)+",
    "naam": r"[A-Z][a-z]+ ([a-z]+ )*[A-Z][A-Za-z]+( [A-Z][a-z]+)?",
    "straat": r"[A-Z][A-Za-z ]+ \d{1,3}(a|b|-1|-2)?",
    "postcode": r"[1-9]\d{3} [A-Z]{2}",
    "woonplaats": r"[A-Z'][A-Za-z' -]+",
    "bsn": r"9\d{8}",
    "werkgever_straat": r"[A-Z][A-Za-z ]+ \d{1,3}",
    "werkgever_postcode": r"[1-9]\d{3} [A-Z]{2}",
    "werkgever_plaats": r"[A-Z'][A-Za-z' -]+",
    # '' = not given (household not known, or this part not)
    "toeslagpartner": r"(true|false)?",
    "partner_inkomen_per_jaar": r"([1-9]\d*|0)\.00|",
    "huur_per_maand": r"[4-8]\d{2}\.00|",
    "kinderen": r"(\d{4}-\d{2}-\d{2}(;\d{4}-\d{2}-\d{2}){0,2})?",
    "vermogen": r"([1-9]\d*|0)\.00|",
    "pensioen_werknemer_percentage": r"0\.\d{4}|",
    "pensioen_werkgever_percentage": r"0\.\d{4}|",
    "pensioen_franchise_per_jaar": r"[1-9]\d*\.\d{2}|",
}


@pytest.mark.parametrize("kolom", KOLOMMEN)
def test_opmaak_per_kolom(cohort, kolom):
    patroon = re.compile(PATRONEN[kolom])
    slecht = [w for w in cohort.column(kolom).to_pylist() if not patroon.fullmatch(w)]
    assert not slecht, slecht[:5]


def test_opmaak_getallen():
    assert vc._bedrag(np.array([0, 5, 1471, 229440, 123456789])).to_pylist() == [
        "0.00", "0.05", "14.71", "2294.40", "1234567.89",
    ]  # fmt: skip
    assert vc._uren(np.array([2400, 2450, 2275, 805, 6000])).to_pylist() == [
        "24", "24.5", "22.75", "8.05", "60",
    ]  # fmt: skip
    assert vc._fractie(np.array([55, 5]), 2).to_pylist() == ["0.55", "0.05"]
    assert vc._fractie(np.array([235]), 3).to_pylist() == ["0.235"]
    breed = np.array([0, 7, 123_456, 99_999_999])
    assert vc._cijfers(breed, 8, voorloopnullen=False).tobytes().replace(b"\0", b"") == (
        b"0" + b"7" + b"123456" + b"99999999"
    )


# --- validity -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "peildatum"),
    [(2026, dt.date(2026, 3, 1)), (11, dt.date(2024, 1, 1)), (12, dt.date(2026, 12, 31))],
)
def test_elke_rij_is_geldig(seed, peildatum):
    tabel = vc.genereer(3000 if seed == 2026 else 1500, seed, peildatum)
    assert problemen(tabel.to_pylist()) == {}


def test_randgevallen():
    assert vc.genereer(0, 1).num_rows == 0
    een = vc.genereer(1, 1)
    assert een.num_rows == 1 and problemen(een.to_pylist()) == {}
    with pytest.raises(ValueError):
        vc.genereer(5, 1, fouten=6)
    with pytest.raises(ValueError):
        vc.genereer(-1, 1)


# --- defects --------------------------------------------------------------------------------


@pytest.mark.parametrize("aantal_fouten", [10, 12, 30])
def test_fouten_elke_soort_en_afgekeurd(aantal_fouten):
    schoon = vc.genereer(2000, 2026)
    tabel = vc.genereer(2000, 2026, fouten=aantal_fouten)
    fout = vc.foutrijen(tabel)
    assert len(fout) == aantal_fouten == len({r for r, _ in fout})
    assert set(vc.FOUTSOORTEN) == {soort for _, soort in fout}
    rijen = tabel.to_pylist()
    gevonden = problemen(rijen)
    ids = Counter(r["id"] for r in rijen)
    for rij, soort in fout:
        if soort == "dubbel_id":  # lees_geval/controleer see one case; the cohort reader
            assert ids[rijen[rij]["id"]] == 2  # rejects every row of a repeated id
            assert rij not in gevonden
        else:
            assert rij in gevonden, (rij, soort, rijen[rij])
    # one defect each: every other row is unchanged and valid
    assert set(gevonden) <= {r for r, _ in fout}
    foutief = {r for r, _ in fout}
    schone = schoon.to_pylist()
    for rij, waarden in enumerate(rijen):
        if rij not in foutief:
            assert waarden == schone[rij]
        else:
            assert sum(waarden[k] != schone[rij][k] for k in KOLOMMEN) in (1, 4)


def test_onmogelijke_waarden_een_fout_per_rij():
    tabel = vc.genereer(2000, 5, fouten=30)
    rijen = tabel.to_pylist()
    gevonden = problemen(rijen)
    velden = Counter()
    for rij, soort in vc.foutrijen(tabel):
        if soort == "onmogelijk":
            assert len(gevonden[rij]) == 1, gevonden[rij]
            velden[gevonden[rij][0].veld] += 1
    assert set(velden) == {
        "loonwaarde", "uren_per_week", "geboortedatum", "functieloon_per_uur",
        "garantiebedrag_per_maand",
    }  # fmt: skip


# --- realism --------------------------------------------------------------------------------


def test_verdelingen(cohort):
    k = {naam: cohort.column(naam).to_pylist() for naam in KOLOMMEN}
    lw = np.array(k["loonwaarde"], dtype=float)
    uren = np.array(k["uren_per_week"], dtype=float)
    gb = np.array(k["garantiebedrag_per_maand"], dtype=float)
    loon = np.array(k["functieloon_per_uur"], dtype=float)
    regime = np.array(k["regime"])
    assert np.mean((lw >= 0.30) & (lw <= 0.75)) >= 0.80
    assert 0 < np.mean(lw < 0.30) < 0.15
    assert np.mean((uren >= 16) & (uren <= 36)) >= 0.70
    assert 0.15 <= np.mean(gb > 0) <= 0.35
    assert np.all(gb[regime == "wajong2015"] == 0)
    assert 900 <= np.median(gb[gb > 0]) <= 1700
    assert 0.15 <= np.mean(loon > 14.71 + 1e-9) <= 0.45
    assert np.mean(regime == "wajong2015") < 0.05
    assert np.mean(np.array(k["arbeidsvermogen"]) == "false") < 0.05
    assert 0.02 <= np.mean(np.array(k["overige_inkomsten_per_maand"], dtype=float) > 0) <= 0.15
    lasten = np.array(k["werkgeverslasten_percentage"], dtype=float)
    assert lasten.min() >= 0.20 and lasten.max() <= 0.30
    geboren = np.array(k["geboortedatum"], dtype="datetime64[D]")
    leeftijd = (np.datetime64("2026-03-01") - geboren).astype(int) / 365.25
    assert np.any(leeftijd < 21) and leeftijd.min() >= 18 and leeftijd.max() < 67
    per_werkgever = Counter(k["werkgever_id"])
    assert max(per_werkgever.values()) >= 5
    assert 0.3 * 2000 <= len(per_werkgever) <= 0.9 * 2000
    namen = {}
    for wid, naam in zip(k["werkgever_id"], k["werkgever_naam"], strict=True):
        assert namen.setdefault(wid, naam) == naam  # one name per employer


# --- CSV ------------------------------------------------------------------------------------


def test_csv_zonder_onnodige_aanhalingstekens(tmp_path, cohort):
    pad = tmp_path / "sub" / "cohort.csv"
    vc.schrijf_csv(pad, cohort)
    tekst = pad.read_text(encoding="utf-8")
    regels = tekst.splitlines()
    assert regels[0] == ",".join(KOLOMMEN)
    assert '"' not in tekst and len(regels) == 2001
    terug = pacsv.read_csv(
        pad, convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(KOLOMMEN, pa.string()))
    )
    assert terug.equals(cohort)


def test_csv_met_komma_wordt_gequoot(tmp_path):
    tabel = pa.table({"id": ["W1", "W2"], "naam": ["Jansen, J.", 'Zeg "hoi"']})
    pad = tmp_path / "q.csv"
    vc.schrijf_csv(pad, tabel)
    assert pad.read_text(encoding="utf-8").splitlines()[0] == "id,naam"
    assert pacsv.read_csv(pad).column("naam").to_pylist() == ["Jansen, J.", 'Zeg "hoi"']


def test_voorbeeldbestand_is_actueel(tmp_path):
    pad = tmp_path / "cohort.csv"
    vc.schrijf_csv(pad, vc.genereer(2000, 2026, fouten=10))
    assert VOORBEELD.read_bytes() == pad.read_bytes()


# Speed is measured by `make bench` (benchmarks/cohort.py generates 100 000 and 1 000 000
# rows with this module), not by a timed test.


# --- household and pension (issue 11) ---------------------------------------------------------

HUISHOUDKOLOMMEN = KOLOMMEN[-8:]


def test_huishouden_voor_een_deel_en_de_rest_ongewijzigd(cohort):
    """Household columns for part of the rows; every other column is what it was before they
    existed (their own random stream): the first rows of examples/cohort.csv at commit
    7d049fc, before issue 11, written out here by hand."""
    rijen = cohort.to_pylist()
    bekend = [any(r[k] for k in HUISHOUDKOLOMMEN) for r in rijen]
    assert 0.3 <= np.mean(bekend) <= 0.5
    eerste = rijen[0]
    assert [eerste[k] for k in ("geboortedatum", "regime", "uren_per_week", "loonwaarde")] == [
        "1995-09-12", "wajong2010", "32", "0.58",
    ]  # fmt: skip
    assert rijen[1]["naam"] == "Noor El Amrani" and rijen[1]["bsn"] == "976619623"
    for r, b in zip(rijen, bekend, strict=True):
        if b:
            assert r["toeslagpartner"] in ("true", "false")  # every known household says it
        if r["partner_inkomen_per_jaar"]:
            assert r["toeslagpartner"] == "true"


def test_huishouden_pensioen_volgt_de_sector():
    """Pension fields come from examples/pensioenfondsen.toml by the employer's sector word:
    BPL 7,31 % / 19,09 % with € 16 449 per full-time year, StiPP 4 % / 8 % with € 8,45 per
    hour × the full-time hours × 52 (by hand for each row; the engine takes the part-time
    share itself)."""
    from decimal import ROUND_HALF_UP, Decimal

    tabel = vc.genereer(3000, 2026)
    gezien = set()
    for r in tabel.to_pylist():
        if not r["pensioen_werknemer_percentage"]:
            continue
        voltijd = Decimal(r["voltijd_uren_per_week"])
        sector = r["werkgever_naam"].split(" ")[0]
        if sector in ("Hoveniersbedrijf", "Groenvoorziening", "Kwekerij"):
            verwacht = ("0.0731", "0.1909", Decimal("16449"))
        elif sector == "Uitzendbureau":
            verwacht = ("0.0400", "0.0800", Decimal("8.45") * voltijd * 52)
        else:
            assert sector in ("Zorgboerderij", "Zorgcentrum", "Kinderopvang"), sector
            verwacht = ("0.1295", "0.1295", Decimal("17283"))
        gezien.add(sector)
        franchise = verwacht[2].quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert (
            r["pensioen_werknemer_percentage"],
            r["pensioen_werkgever_percentage"],
            Decimal(r["pensioen_franchise_per_jaar"]),
        ) == (verwacht[0], verwacht[1], franchise)
    assert {"Uitzendbureau", "Kwekerij", "Zorgcentrum"} <= gezien


def test_huishouden_kinderen_na_het_twintigste_jaar():
    tabel = vc.genereer(3000, 2026)
    for r in tabel.to_pylist():
        for kind in filter(None, r["kinderen"].split(";")):
            geboren = dt.date.fromisoformat(kind)
            assert geboren.year >= int(r["geboortedatum"][:4]) + 20
            assert dt.date(2009, 1, 1) <= geboren < dt.date(2026, 3, 1)
