"""Issue 10: the cohort run on bad files and bad folders — never a traceback, nothing lost,
nothing half-written, nothing a spreadsheet would run as a formula.

The reproducers are small files in tests/data/robuust/ (how each was made is in the comment
at its test). Row numbers are the rows a spreadsheet shows: the header is row 1, a blank line
is a row, a record whose quoted field holds a line break is one row.
"""

from __future__ import annotations

import csv
import errno
import json
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wajong_conversie import briefbatch, cli, cohort, cohortinvoer, overzicht, tekstbytes
from wajong_conversie.cohort import UITVOER, voer_uit
from wajong_conversie.cohortinvoer import BestandFout
from wajong_conversie.scenario import Scenario

DATA = Path(__file__).parent / "data" / "robuust"
KOP = (
    "id,peildatum,geboortedatum,regime,arbeidsvermogen,uren_per_week,functieloon_per_uur,"
    "loonwaarde,garantiebedrag_per_maand,naam"
)


def rij(i, naam: str = "Jan Jansen", uren: str = "24") -> str:
    return f"W{i},2026-03-01,1995-05-05,wajong2010,true,{uren},14.71,0.50,1600.00,{naam}"


def run(pad: Path, uit: Path, **kw) -> dict:
    kw.setdefault("rapport", False)
    return voer_uit(pad, uit, [Scenario()], jaren=0, **kw)


def lees(pad: Path) -> list[dict]:
    with pad.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def ids_van(uit: Path) -> tuple[list[str], list[str]]:
    return (
        [r["id"] for r in lees(uit / "resultaten.csv")],
        [r["id"] for r in lees(uit / "afgewezen.csv")],
    )


# --- 1: nothing computable ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "bestand, ingelezen",
    [("alleen_kop.csv", 0), ("alles_afgewezen.csv", 2)],  # the 2nd: 'veel' hours, 2019 date
)
def test_1_geen_enkele_rij_berekend_rondt_af_met_melding(tmp_path, bestand, ingelezen):
    s = voer_uit(DATA / bestand, tmp_path / "uit", [Scenario()], jaren=0)
    assert (s["aantal_ingelezen"], s["aantal_berekend"]) == (ingelezen, 0)
    assert s["aantal_afgewezen"] == ingelezen
    for naam in ("afgewezen.csv", "samenvatting.json", "rapport.html", "resultaten.csv"):
        assert (tmp_path / "uit" / naam).exists()
    assert "Geen enkele rij kon worden berekend" in (tmp_path / "uit" / "rapport.html").read_text()
    assert len(lees(tmp_path / "uit" / "afgewezen.csv")) == ingelezen
    assert pq.read_table(tmp_path / "uit" / "resultaten.parquet").num_rows == 0


def test_1_elke_peildatum_zonder_parameters(tmp_path):
    pad = tmp_path / "c.csv"
    pad.write_text(KOP + "\n" + rij(1).replace("2026-03-01", "2019-03-01") + "\n")
    s = run(pad, tmp_path / "uit")
    assert s["aantal_berekend"] == 0 and s["afgewezen_per_veld"] == {"peildatum": 1}


# --- 2: no id column ----------------------------------------------------------------------------


def test_2_zonder_id_kolom_een_nederlandse_melding(tmp_path, capsys):
    with pytest.raises(BestandFout, match="verplichte kolom"):
        run(DATA / "geen_id.csv", tmp_path / "uit")
    assert cli.main(["cohort", str(DATA / "geen_id.csv"), "--uit", str(tmp_path / "u")]) == 2
    assert "ontbreken: id" in capsys.readouterr().err


# --- 5: not UTF-8 past the header ----------------------------------------------------------------


@pytest.mark.parametrize(
    "bestand, rij_",
    # latin1_in_rij.csv: row 3 holds 'Zoëterwoude' in Latin-1; rommel_na_kop.csv: 2 000
    # random bytes (seed 5) after a valid header
    [("latin1_in_rij.csv", 3), ("rommel_na_kop.csv", 2)],
)
def test_5_geen_utf8_in_een_datarij(tmp_path, bestand, rij_):
    with pytest.raises(BestandFout) as fout:
        run(DATA / bestand, tmp_path / "uit")
    melding = str(fout.value)
    assert "geen UTF-8" in melding and f"rij {rij_}" in melding
    assert "\\x" not in melding and "Zo" not in melding and "Invalid" not in melding
    script = Path(sys.executable).parent / "wajong-conversie"
    r = subprocess.run(
        [str(script), "cohort", str(DATA / bestand), "--uit", str(tmp_path / "u")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2 and "geen UTF-8" in r.stderr
    assert "Traceback" not in r.stderr and "Exception ignored" not in r.stderr
    assert not (tmp_path / "u").exists() or not any((tmp_path / "u").iterdir())


def test_5_een_vroege_fout_laat_geen_daemon_thread_achter(tmp_path, monkeypatch):
    """A run that stops at row 3 ends while its side threads may still be loading (parameters,
    Babel, the table of amount texts). None of them may be a daemon thread: the interpreter
    would end under it while it is inside Arrow or numpy, and that can abort the process
    ("Fatal Python error: PyGILState_Release", exit 134: 3 of 40 runs of latin1_in_rij.csv
    before this was fixed). A thread that is not a daemon is waited for."""
    import threading

    gestart = []
    start = threading.Thread.start

    def volg(self):
        gestart.append(self)
        return start(self)

    monkeypatch.setattr(threading.Thread, "start", volg)
    with pytest.raises(BestandFout, match="geen UTF-8"):
        run(DATA / "latin1_in_rij.csv", tmp_path / "uit")
    assert gestart  # the side threads, and the workers
    assert [t.name for t in gestart if t.daemon] == []


# --- 6: the output folder (cohort and brieven) -----------------------------------------------


def test_6_uitmap_is_een_bestand_of_ligt_onder_een_bestand(tmp_path, capsys):
    bestand = tmp_path / "bestand"
    bestand.write_text("x")
    for uit, woorden in ((bestand, "is een bestand"), (bestand / "onder", "deel van het pad")):
        with pytest.raises(BestandFout, match=woorden):
            run(DATA / "lege_regels.csv", uit)
        argv = ["cohort", str(DATA / "lege_regels.csv"), "--uit", str(uit)]
        assert cli.main(argv) == 2
        assert woorden in capsys.readouterr().err
        argv = ["brieven", str(DATA / "lege_regels.csv"), "--uit", str(uit), "--formaat", "html"]
        assert cli.main(argv) == 2
        assert woorden in capsys.readouterr().err
    assert bestand.read_text() == "x"


@pytest.mark.parametrize(
    "fout, woorden",
    [
        (OSError(errno.ENOSPC, "No space left on device"), "de schijf is vol"),
        (PermissionError(errno.EACCES, "Permission denied"), "geen toestemming"),
    ],
)
def test_6_schijf_vol_of_geen_rechten_laat_niets_half_achter(tmp_path, monkeypatch, fout, woorden):
    uit = tmp_path / "uit"
    run(DATA / "lege_regels.csv", uit)  # an earlier, complete run
    voor = {p.name: p.read_bytes() for p in uit.iterdir()}

    def kapot(*a, **k):
        raise fout

    monkeypatch.setattr(cohort, "schrijf_afgewezen", kapot)
    with pytest.raises(BestandFout, match=woorden):
        run(DATA / "aanhaling_multiregel.csv", uit)
    assert {p.name: p.read_bytes() for p in uit.iterdir()} == voor  # untouched, no temp folder


def test_6_brieven_schijf_vol(tmp_path, monkeypatch):
    def kapot(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(briefbatch, "_schrijf", kapot)
    with pytest.raises(BestandFout, match="de schijf is vol"):
        briefbatch.schrijf([], [], tmp_path / "uit", "html")
    assert list((tmp_path / "uit").iterdir()) == []


# --- 12: blank lines ----------------------------------------------------------------------------


def test_12_lege_regels_tellen_als_rij_zoals_in_een_spreadsheet(tmp_path):
    # lege_regels.csv: header, W1, an empty line, a line ',,,', W2 (hours 'veel'), W3
    s = run(DATA / "lege_regels.csv", tmp_path / "uit")
    assert (s["aantal_ingelezen"], s["aantal_berekend"], s["aantal_afgewezen"]) == (3, 2, 1)
    afgewezen = lees(tmp_path / "uit" / "afgewezen.csv")
    assert [(a["rij"], a["id"]) for a in afgewezen] == [("5", "W2")]


# --- 13: quotes ----------------------------------------------------------------------------


def test_13_aanhalingstekens_en_velden_over_meer_regels(tmp_path):
    # aanhaling_multiregel.csv: W2's name is '"Noor\nEl ""Amrani"""' (one row over two lines),
    # W3's name 'Jan "de" Boer' has quotes in the middle of a field (ordinary characters),
    # W4 has hours 'veel': spreadsheet row 5
    s = run(DATA / "aanhaling_multiregel.csv", tmp_path / "uit")
    assert (s["aantal_ingelezen"], s["aantal_berekend"], s["aantal_afgewezen"]) == (5, 4, 1)
    berekend, afgewezen = ids_van(tmp_path / "uit")
    assert berekend == ["W1", "W2", "W3", "W5"] and afgewezen == ["W4"]
    assert lees(tmp_path / "uit" / "afgewezen.csv")[0]["rij"] == "5"


@pytest.mark.parametrize(
    "bestand, regel",
    [
        ("aanhaling_open.csv", "regel 3"),  # W2's name starts with a quote that never closes
        ("aanhaling_slikt.csv", "regel 3"),  # … that closes only in W3's row: W3 would vanish
    ],
)
def test_13_los_aanhalingsteken_stopt_met_het_regelnummer(tmp_path, bestand, regel):
    with pytest.raises(BestandFout, match=regel) as fout:
        run(DATA / bestand, tmp_path / "uit")
    assert "aanhalingsteken" in str(fout.value)
    assert not (tmp_path / "uit" / "resultaten.csv").exists()


def test_13_rij_langer_dan_de_buffer_stopt(tmp_path):
    pad = tmp_path / "c.csv"
    with pad.open("w") as f:
        f.write(KOP + "\n" + rij(1) + "\n" + rij(2, naam='"open') + "x" * (2 << 20) + "\n")
    with pytest.raises(BestandFout, match="regel 3"):
        run(pad, tmp_path / "uit")


def test_13_blokgrenzen_alleen_op_echte_rij_einden(tmp_path, monkeypatch):
    """Many small pieces (BLOK = 2 kB) over a file full of quoted line breaks and stray quotes:
    every id appears exactly once, in the results or in the rejections, with its own row."""
    monkeypatch.setattr(cohortinvoer, "BLOK", 2048)
    regels, spreadsheetrij, verwacht_afgewezen = [KOP], {}, {}
    for i in range(1, 401):
        naam = ['"Noor\nEl ""A"""', 'Jan "de" Boer', '"a,b"', "Piet"][i % 4]
        uren = "veel" if i % 7 == 0 else "24"
        regels.append(rij(i, naam=naam, uren=uren))
        spreadsheetrij[f"W{i}"] = i + 1
        if uren == "veel":
            verwacht_afgewezen[f"W{i}"] = i + 1
    pad = tmp_path / "c.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    s = run(pad, tmp_path / "uit")
    berekend, afgewezen = ids_van(tmp_path / "uit")
    assert s["aantal_ingelezen"] == 400 == len(berekend) + len(afgewezen)
    assert sorted(berekend + afgewezen) == sorted(spreadsheetrij)
    rijen = {a["id"]: int(a["rij"]) for a in lees(tmp_path / "uit" / "afgewezen.csv")}
    assert rijen == verwacht_afgewezen


# --- 14 and 15: whole or absent, never the input -----------------------------------------------


def test_14_oude_uitvoer_verdwijnt_en_de_cli_noemt_wat_is_geschreven(tmp_path, capsys):
    uit = tmp_path / "uit"
    uit.mkdir()
    for naam in UITVOER:  # outputs of an earlier run, with the full xlsx
        (uit / naam).write_text("oud")
    (uit / "eigen notities.txt").write_text("blijft")
    argv = ["cohort", str(DATA / "lege_regels.csv"), "--uit", str(uit), "--geen-xlsx"]
    assert cli.main(argv) == 0
    uitvoer = capsys.readouterr().out
    geschreven = sorted(p.name for p in uit.iterdir())
    assert geschreven == sorted(
        [
            "afgewezen.csv",
            "eigen notities.txt",
            "rapport.html",
            "resultaten.csv",
            "resultaten.parquet",
            "samenvatting.json",
            "werklijst.csv",
        ]
    )
    assert "xlsx" not in uitvoer
    for naam in geschreven:
        if naam != "eigen notities.txt":
            assert naam in uitvoer
            assert (uit / naam).read_bytes() != b"oud"


def test_15_invoer_in_de_uitvoermap_wordt_niet_overschreven(tmp_path):
    uit = tmp_path / "uit"
    uit.mkdir()
    for naam in ("resultaten.csv", "afgewezen.csv"):
        invoer = uit / naam
        shutil.copy(DATA / "lege_regels.csv", invoer)
        with pytest.raises(BestandFout, match="zou worden overschreven"):
            run(invoer, uit)
        assert invoer.read_bytes() == (DATA / "lege_regels.csv").read_bytes()
        invoer.unlink()
    link = tmp_path / "elders.csv"  # the same file under another name (a hard link)
    shutil.copy(DATA / "lege_regels.csv", link)
    (uit / "samenvatting.json").hardlink_to(link)
    with pytest.raises(BestandFout, match="zou worden overschreven"):
        run(link, uit)


# --- 16: CR-only line endings, no cell values in messages ---------------------------------------


def test_16_alleen_cr_als_regeleinde(tmp_path):
    # alleen_cr.csv: the lines of lege_regels.csv style, ended by \r only (Excel "CSV
    # (Macintosh)"): header, W1, W2 (hours 'veel'), W3
    s = run(DATA / "alleen_cr.csv", tmp_path / "uit")
    assert (s["aantal_ingelezen"], s["aantal_berekend"]) == (3, 2)
    assert [(a["rij"], a["id"]) for a in lees(tmp_path / "uit" / "afgewezen.csv")] == [("3", "W2")]


def test_16_melding_noemt_geen_celwaarden(tmp_path):
    pad = tmp_path / "c.csv"
    pad.write_text(KOP + ",Jan Jansen,Jan Jansen\n" + rij(1) + ",a,b\n")
    with pytest.raises(BestandFout) as fout:
        run(pad, tmp_path / "uit")
    assert "Jan" not in str(fout.value) and "K, L" in str(fout.value)


# --- 18: what an Excel user gets told ----------------------------------------------------------


def _xlsx(pad: Path, rijen: list[list]) -> Path:
    boek = openpyxl.Workbook()
    for r in rijen:
        boek.active.append(r)
    boek.save(pad)
    return pad


KOLOMMEN = KOP.split(",")
WAARDEN = ["W1", "2026-03-01", "1995-05-05", "wajong2010", True, 24, 14.71, 0.5, 1600, "Jan"]


def test_18_titel_boven_de_kopregel(tmp_path):
    pad = _xlsx(tmp_path / "c.xlsx", [["Cohort maart 2026"], [], KOLOMMEN, WAARDEN])
    with pytest.raises(BestandFout, match="kolomnamen staan in rij 3"):
        run(pad, tmp_path / "uit")


def test_18_waarde_rechts_naast_de_tabel(tmp_path):
    pad = _xlsx(tmp_path / "c.xlsx", [KOLOMMEN, WAARDEN + [None, "opmerking"]])
    with pytest.raises(BestandFout, match="kolom L heeft geen naam in de kopregel"):
        run(pad, tmp_path / "uit")
    # an empty column without a name (only formatting) is no problem
    pad = _xlsx(tmp_path / "d.xlsx", [KOLOMMEN + [None, None], WAARDEN])
    assert run(pad, tmp_path / "uit")["aantal_berekend"] == 1


def test_18_formule_zonder_berekende_waarde(tmp_path):
    # openpyxl stores a formula without its result, as a file that Excel never opened
    pad = _xlsx(tmp_path / "c.xlsx", [KOLOMMEN, WAARDEN[:5] + ["=20+4"] + WAARDEN[6:]])
    with pytest.raises(BestandFout, match="cel F2 bevat een formule zonder berekende waarde"):
        run(pad, tmp_path / "uit")
    # the formula is named first, before what else is wrong with the file (the sheet is
    # scanned for formulas while its cells are read)
    for rijen in (
        [KOLOMMEN, WAARDEN[:5] + ["=20+4"] + WAARDEN[6:] + [None, "opmerking"]],
        [["Cohort maart 2026"], KOLOMMEN, WAARDEN[:5] + ["=20+4"] + WAARDEN[6:]],
    ):
        pad = _xlsx(tmp_path / "d.xlsx", rijen)
        with pytest.raises(BestandFout, match="bevat een formule zonder berekende waarde"):
            run(pad, tmp_path / "uit")


# --- 19: formula injection ---------------------------------------------------------------------


def test_19_tekstcellen_die_een_formule_zouden_zijn(tmp_path):
    # formule_ids.csv: ids '=HYPERLINK("http://x")', '@SUM(1+1)', '+31612345678', '-W4' and
    # '=1+1' (the last with hours 'veel': rejected)
    run(DATA / "formule_ids.csv", tmp_path / "uit")
    berekend, afgewezen = ids_van(tmp_path / "uit")
    assert berekend == ['\'=HYPERLINK("http://x")', "'@SUM(1+1)", "'+31612345678", "'-W4"]
    assert afgewezen == ["'=1+1"]
    # amounts are numbers, not text: a negative difference keeps its minus sign
    rijen = lees(tmp_path / "uit" / "resultaten.csv")
    assert rijen[0]["verschil_werkgever_kosten_maand"].startswith("-")
    # the typed outputs keep the original text, as text
    ids = pq.read_table(tmp_path / "uit" / "resultaten.parquet").column("id").to_pylist()
    assert ids[0] == '=HYPERLINK("http://x")'
    blad = openpyxl.load_workbook(tmp_path / "uit" / "overzicht.xlsx")["werklijst"]
    cellen = [c for r in blad.iter_rows() for c in r if c.value == '=HYPERLINK("http://x")']
    assert cellen and all(c.data_type == "s" for c in cellen)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.text(alphabet=st.sampled_from("=+-@\t\r'aé€ 1\u202e😀,\"\n"), max_size=6),
        ),
        max_size=12,
    ),
    st.integers(0, 3),
)
def test_19_kolom_maakt_veilig_als_elke_cel_op_zich(waarden, begin):
    """celveilig.kolom (vectorised, from Arrow's buffers) gives every cell exactly what
    celveilig.tekst gives that one text, also in a slice of a column and with empty cells."""
    import pyarrow as pa

    from wajong_conversie import celveilig

    kolom = pa.array(waarden, pa.string()).slice(min(begin, len(waarden)))
    verwacht = [None if w is None else celveilig.tekst(w) for w in kolom.to_pylist()]
    assert celveilig.kolom(kolom).to_pylist() == verwacht


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from('ab,"\r\n;é€ '), max_size=5), max_size=10),
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_csv_aanhalen_alleen_waar_een_tekst_het_vraagt(waarden, begin, eraf):
    """resultaten.csv quotes its text columns when one of their texts holds ',', '"', CR or
    LF (tekstbytes.bevat with cohort._AANHALEN, from Arrow's bytes): the same answer as asking each
    text, also for a slice of a column."""
    import pyarrow as pa

    kolom = pa.array(waarden, pa.string())
    kolom = kolom.slice(min(begin, len(kolom)), max(0, len(kolom) - begin - eraf))
    verwacht = any(t in w for w in kolom.to_pylist() for t in ',"\r\n')
    assert tekstbytes.bevat(kolom, cohort._AANHALEN) is verwacht


def test_19_kolom_lege_cel_met_tekst_eronder():
    """An empty cell (null) is never changed, even when Arrow's buffers hold text under it
    (allowed: the values under a null are undefined)."""
    import numpy as np
    import pyarrow as pa

    from wajong_conversie import celveilig

    data = pa.py_buffer(b"=x=y")
    plekken = pa.py_buffer(np.array([0, 2, 4], dtype=np.int32))
    geldig = pa.py_buffer(np.packbits([True, False], bitorder="little"))
    kolom = pa.Array.from_buffers(pa.string(), 2, [geldig, plekken, data])
    assert celveilig.kolom(kolom).to_pylist() == ["'=x", None]


def test_19_niet_gemaakte_brieven(tmp_path):
    briefbatch.schrijf([], [(2, "=1+1", "werknemer", "-reden")], tmp_path / "uit", "html")
    rij_ = lees(tmp_path / "uit" / "niet_gemaakt.csv")[0]
    assert (rij_["id"], rij_["reden"]) == ("'=1+1", "'-reden")


# --- 21: the default route -----------------------------------------------------------------------


def test_21_standaarduitvoer_en_overzicht(tmp_path):
    s = voer_uit(DATA / "aanhaling_multiregel.csv", tmp_path / "uit", [Scenario()], jaren=0)
    assert s["bestanden"] == [
        "resultaten.csv",
        "resultaten.parquet",
        "afgewezen.csv",
        "rapport.html",
        "werklijst.csv",
        "overzicht.xlsx",
        "samenvatting.json",
    ]
    tabel = pq.read_table(tmp_path / "uit" / "resultaten.parquet")
    csv_rijen = lees(tmp_path / "uit" / "resultaten.csv")
    assert tabel.column_names == list(csv_rijen[0])
    assert str(tabel.schema.field("verschil_netto_maand").type) == "decimal128(18, 2)"
    assert [str(x) for x in tabel.column("nieuw_netto_maand").to_pylist()] == [
        r["nieuw_netto_maand"] for r in csv_rijen
    ]
    boek = openpyxl.load_workbook(tmp_path / "uit" / "overzicht.xlsx")
    assert boek.sheetnames == ["werklijst", "samenvatting", "werkgevers"]


def test_21_werklijst_begrensd_met_het_totaal(tmp_path, monkeypatch):
    monkeypatch.setattr(overzicht, "WERKLIJST_MAX", 2)
    pad = tmp_path / "c.csv"  # five people whose gross income rises out of proportion
    pad.write_text(KOP + "\n" + "\n".join(rij(i) for i in range(1, 6)) + "\n")
    run(pad, tmp_path / "uit")
    rijen = list(openpyxl.load_workbook(tmp_path / "uit" / "overzicht.xlsx")["werklijst"].values)
    assert "5 werknemers met een signaal" in rijen[0][0] and "de 2 die" in rijen[0][0]
    assert [r[0] for r in rijen[3:]] == ["W1", "W2"]  # equal change: input order


def test_xlsx_teksten_in_het_nederlands_met_enkelvoud(tmp_path):
    pad = tmp_path / "c.csv"  # one worker: 'werknemer', not 'werknemers'
    pad.write_text(KOP + ",werkgever_id\n" + rij(1) + ",E1\n")
    run(pad, tmp_path / "uit")
    boek = openpyxl.load_workbook(tmp_path / "uit" / "overzicht.xlsx")
    eerste = next(iter(boek["werklijst"].values))[0]
    assert "1 werknemer met een signaal" in eerste
    # one employer is singular; no claim about "the largest 20" when there is none
    zin = [r[0] for r in boek["werkgevers"].values if r[0] and "werkgever " in r[0]]
    assert zin == ["Geen van de 1 werkgever betaalt meer."]
    assert (
        overzicht._werkgevers_zin(
            {
                "aantal": 842,
                "aantal_meer_kosten": 648,
                "meer_kosten_per_maand": "127676.34",
                "ranglijst": [{}] * 20,
            }
        )
        == "648 van 842 werkgevers betalen meer; samen €\u00a0127.676,34 per maand. De 20 grootste:"
    )
    assert (
        overzicht._werkgevers_zin(
            {
                "aantal": 3,
                "aantal_meer_kosten": 1,
                "meer_kosten_per_maand": "5.00",
                "ranglijst": [{}],
            }
        )
        == "1 van 3 werkgevers betaalt meer; samen €\u00a05,00 per maand. "
        "Per werkgever, de grootste eerst:"
    )


def test_21_volledige_xlsx_nooit_voorbij_de_excel_grens(tmp_path, monkeypatch):
    monkeypatch.setattr(overzicht, "EXCEL_MAX_RIJEN", 3)
    pad = tmp_path / "c.csv"
    pad.write_text(KOP + "\n" + "\n".join(rij(i) for i in range(1, 6)) + "\n")
    run(pad, tmp_path / "uit", xlsx_volledig=True)
    boek = openpyxl.load_workbook(tmp_path / "uit" / "resultaten.xlsx")
    assert boek["resultaten"].max_row == 4  # header + 3
    assert "de overige 2 rijen" in boek["let op"]["A1"].value


def test_21_opdrachtregel_zegt_welke_bestanden(tmp_path, capsys):
    uit = tmp_path / "uit"
    argv = ["cohort", str(DATA / "lege_regels.csv"), "--uit", str(uit), "--xlsx-volledig"]
    assert cli.main(argv) == 0
    tekst = capsys.readouterr().out
    for naam in ("overzicht.xlsx", "resultaten.xlsx", "resultaten.parquet", "samenvatting.json"):
        assert naam in tekst and (uit / naam).exists()
    assert json.loads((uit / "samenvatting.json").read_text())["bestanden"][-1] == (
        "samenvatting.json"
    )


# --- 22: .xlsx input ---------------------------------------------------------------------------


def test_22_excel_invoer_gelijk_aan_csv(tmp_path):
    slecht = ["W2"] + WAARDEN[1:5] + ["veel"] + WAARDEN[6:]
    pad = _xlsx(tmp_path / "c.xlsx", [KOLOMMEN, WAARDEN, [], slecht])
    s = run(pad, tmp_path / "x")
    assert (s["aantal_ingelezen"], s["aantal_berekend"]) == (2, 1)
    assert lees(tmp_path / "x" / "afgewezen.csv")[0]["rij"] == "4"  # the sheet's own row
    csv_pad = tmp_path / "c.csv"
    csv_pad.write_text(KOP + "\n" + rij(1, naam="Jan") + "\n")
    run(csv_pad, tmp_path / "c")
    assert lees(tmp_path / "x" / "resultaten.csv")[0] == lees(tmp_path / "c" / "resultaten.csv")[0]


# --- 13: an invariant over many small files ----------------------------------------------------

_NAMEN = st.one_of(
    st.text(alphabet="ab ", max_size=6),  # plain
    st.text(alphabet='ab ,"\n', min_size=1, max_size=8).map(  # quoted (Excel's way)
        lambda t: '"' + t.replace('"', '""') + '"'
    ),
    st.tuples(
        st.text(alphabet="ab", min_size=1, max_size=3), st.text(alphabet="ab", max_size=3)
    ).map(lambda d: f'{d[0]}"{d[1]}'),  # a quote in the middle of an unquoted field
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(_NAMEN, st.booleans(), st.integers(0, 2)),  # name, rejected?, blank lines
        min_size=1,
        max_size=25,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_13_elke_rij_precies_een_keer_met_zijn_spreadsheetrij(tmp_path_factory, rijen, eind):
    """Whatever the quotes, line breaks in fields and blank lines: every person is computed or
    rejected exactly once, and a rejection names the row a spreadsheet shows."""
    map_ = tmp_path_factory.mktemp("h")
    regels, verwacht, nummer = [KOP], {}, 1
    for i, (naam, slecht, leeg) in enumerate(rijen, start=1):
        regels += [""] * leeg
        nummer += leeg + 1
        regels.append(rij(i, naam=naam, uren="veel" if slecht else "24"))
        if slecht:
            verwacht[f"W{i}"] = nummer
    (map_ / "c.csv").write_bytes(eind.join(regels).encode() + eind.encode())
    oud = cohortinvoer.BLOK
    cohortinvoer.BLOK = 256  # many pieces: boundaries fall everywhere
    try:
        s = run(map_ / "c.csv", map_ / "uit")
    finally:
        cohortinvoer.BLOK = oud
    berekend, afgewezen = ids_van(map_ / "uit")
    assert sorted(berekend + afgewezen) == sorted(f"W{i}" for i in range(1, len(rijen) + 1))
    assert s["aantal_ingelezen"] == len(rijen)
    rijnummers = {a["id"]: int(a["rij"]) for a in lees(map_ / "uit" / "afgewezen.csv")}
    assert rijnummers == verwacht


# --- pieces: row and line numbers from a piece far into the file ---------------------------------


@pytest.mark.parametrize("eind", ["\n", "\r\n"])
def test_13_meldingen_uit_een_later_stuk_noemen_de_goede_rij(tmp_path, monkeypatch, eind):
    """With many pieces (BLOK = 256 bytes; a piece without quotes has its records counted by
    the worker that parses it), what goes wrong far into the file is reported with the row
    and line a spreadsheet or text editor shows, counted by hand here: the header is row 1,
    W{i} is row i + 1 and a blank line is a row too."""
    monkeypatch.setattr(cohortinvoer, "BLOK", 256)
    regels = [KOP] + [rij(i) for i in range(1, 201)]
    regels[120] = rij(120) + ",te veel"  # W120 is row 121: one field too many
    regels.insert(150, "")  # a blank line as row 151: W150 moves to row 152
    pad = tmp_path / "c.csv"
    pad.write_bytes(eind.join(regels).encode() + eind.encode())
    s = run(pad, tmp_path / "uit")
    assert s["aantal_ingelezen"] == 200 and s["aantal_berekend"] == 199
    (afwijzing,) = lees(tmp_path / "uit" / "afgewezen.csv")
    assert afwijzing["rij"] == "121" and "11 velden in plaats van 10" in afwijzing["reden"]

    # a byte that is not UTF-8 in W170, which is row 172 after the blank line
    fout = eind.join(regels).encode() + eind.encode()
    fout = fout.replace(b"W170,2026", b"W170\xe9,2026")
    pad.write_bytes(fout)
    with pytest.raises(BestandFout, match=r"geen UTF-8-tekst \(rij 172 "):
        run(pad, tmp_path / "uit2")

    # a quote that opens a field in W180 (line 182) and closes two lines later: three lines
    # would become one row
    regels2 = list(regels)
    j = regels2.index(rij(180))
    regels2[j] = rij(180, naam='"Open')
    regels2[j + 2] = rij(182, naam='Dicht"')
    pad.write_bytes(eind.join(regels2).encode() + eind.encode())
    with pytest.raises(BestandFout, match="regel 182 wordt niet op die regel gesloten"):
        run(pad, tmp_path / "uit3")


def test_13_rij_zonder_id_is_geen_lege_regel(tmp_path, monkeypatch):
    """A row with an empty id makes the reader look for blank lines in its piece (a blank
    line parses with an empty id); it is itself a row, rejected for its id with its own
    spreadsheet row, while a line of only separators next to it is a blank row."""
    monkeypatch.setattr(cohortinvoer, "BLOK", 256)
    regels = [KOP] + [rij(i) for i in range(1, 61)]
    regels[40] = rij(40).replace("W40,", ",", 1)  # W40's row (41) without its id
    regels.insert(42, ",,,,,,,,,")  # a line of separators only: row 43, blank
    pad = tmp_path / "c.csv"
    pad.write_text("\n".join(regels) + "\n", encoding="utf-8")
    s = run(pad, tmp_path / "uit")
    assert s["aantal_ingelezen"] == 60 and s["aantal_berekend"] == 59
    (afwijzing,) = lees(tmp_path / "uit" / "afgewezen.csv")
    assert afwijzing["rij"] == "41" and afwijzing["veld"] == "id"
    berekend, _ = ids_van(tmp_path / "uit")
    assert "W41" in berekend and "W40" not in berekend
