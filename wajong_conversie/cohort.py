"""The cohort run: a whole file under one or more scenarios, streamed in batches.

Reading, parsing and checking (``cohortinvoer``), the engine (``rekenkern``, the same as for
one case), the path over the years for the budget (``overgang``) and the aggregates
(``samenvatting``) run per batch on two threads (numpy and pyarrow release the GIL), while the
main thread writes the results in input order. Memory stays flat: only a few batches are in
flight. Outputs in the chosen folder: resultaten.csv, resultaten.parquet, afgewezen.csv,
samenvatting.json, rapport.html and overzicht.xlsx (resultaten.xlsx only on request).

Outputs are whole or absent: everything is written into a temporary folder inside the output
folder and renamed into place only when the run has succeeded; outputs of an earlier run that
this run does not write are removed, so a folder never mixes two runs.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import json
import threading
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from wajong_conversie import (
    __version__,
    arrowstart,
    bedragtekst_csv,
    beoordeling,
    celveilig,
    cohortinvoer,
    csvstroom,
    overgang,
    overzicht,
    tekstbytes,
    uitmap,
)
from wajong_conversie.cohortinvoer import Afwijzing, BestandFout
from wajong_conversie.overzicht import WERKLIJST_SIGNALEN, Werklijst
from wajong_conversie.rekenkern import Resultaat, bereken
from wajong_conversie.samenvatting import Telling, scenario_json
from wajong_conversie.scenario import Scenario
from wajong_conversie.uitvoer import (
    BEDRAGEN,
    HUISHOUD_BEDRAGEN,
    bedrag_kolom,
    huishoud_kolom,
    waarschuwingen,
)
from wajong_conversie.volgorde import Volgorde
from wajong_conversie.voortgang import Voortgang

# every file a run may write; a run removes the ones it does not write (no stale mix)
UITVOER = (
    "resultaten.csv",
    "resultaten.parquet",
    "afgewezen.csv",
    "samenvatting.json",
    "rapport.html",
    "werklijst.csv",
    "overzicht.xlsx",
    "resultaten.xlsx",
)
RESULTAAT_KOLOMMEN = (
    ["id", "scenario"]
    + [
        f"{situatie}_{sleutel}"
        for sleutel, _, _ in BEDRAGEN
        for situatie in ("huidig", "nieuw", "verschil")
    ]
    + [  # issue 11: empty where the household is unknown or the part is not computed
        f"{situatie}_{sleutel}"
        for sleutel, _, _ in HUISHOUD_BEDRAGEN
        for situatie in ("huidig", "nieuw", "verschil")
    ]
    + ["signalen"]
)


def decimalen(cent: np.ndarray, bekend: np.ndarray | None = None) -> pa.Array:
    """int64 cents → decimal64(18, 2), exact and without a copy: the cents are the unscaled
    value. ``bekend``: where a value is known; null (an empty cell) elsewhere.

    decimal64 rather than decimal128: Arrow writes it as CSV text ~15 % and as Parquet ~30 %
    faster (measured on 100 000 × 60 columns), and amounts stay below 10^16 cents."""
    geldig = None
    if bekend is not None and not bekend.all():
        geldig = pa.py_buffer(np.packbits(bekend, bitorder="little"))
    waarden = pa.py_buffer(np.ascontiguousarray(cent, dtype=np.int64))
    return pa.Array.from_buffers(pa.decimal64(18, 2), len(cent), [geldig, waarden])


def signalen_kolom(r: Resultaat) -> pa.Array:
    """Flag codes per row joined by ';' (in the order of RULES §7).

    Each row's flags form a bit pattern; only the few distinct patterns are turned into text.
    """
    codes = list(beoordeling.SIGNALEN)
    bits = np.zeros(len(r), dtype=np.int64)
    for i, code in enumerate(codes):
        bits |= r.signalen[code].astype(np.int64) << i
    patronen, index = np.unique(bits, return_inverse=True)
    teksten = pa.array(
        [";".join(c for i, c in enumerate(codes) if int(p) >> i & 1) for p in patronen],
        type=pa.string(),
    )
    return pa.DictionaryArray.from_arrays(pa.array(index.astype(np.int32)), teksten).cast(
        pa.string()
    )


def resultaat_tabel(ids: pa.Array, naam: str, r: Resultaat) -> pa.Table:
    kolommen: dict[str, pa.Array] = {
        "id": ids,
        "scenario": pa.DictionaryArray.from_arrays(
            pa.array(np.zeros(len(r), dtype=np.int32)), pa.array([naam])
        ).cast(pa.string()),
    }
    for sleutel, trace, _ in BEDRAGEN:
        h = bedrag_kolom(r, "huidig", trace)
        n = bedrag_kolom(r, "nieuw", trace)
        kolommen[f"huidig_{sleutel}"] = decimalen(h)
        kolommen[f"nieuw_{sleutel}"] = decimalen(n)
        kolommen[f"verschil_{sleutel}"] = decimalen(n - h)
    for sleutel, trace, _ in HUISHOUD_BEDRAGEN:
        h, bekend = huishoud_kolom(r, "huidig", trace)
        n, _ = huishoud_kolom(r, "nieuw", trace)
        for situatie, kolom in (("huidig", h), ("nieuw", n), ("verschil", n - h)):
            kolommen[f"{situatie}_{sleutel}"] = decimalen(kolom, bekend)
    kolommen["signalen"] = signalen_kolom(r)
    return pa.table(kolommen)


def _verweven(tabellen: list[pa.Table]) -> pa.Table:
    """Rows person by person, scenarios in the given order for each person."""
    if len(tabellen) == 1:
        return tabellen[0]
    m, s = tabellen[0].num_rows, len(tabellen)
    volgorde = (np.arange(m)[:, None] + np.arange(s)[None, :] * m).ravel()
    return pa.concat_tables(tabellen).take(pa.array(volgorde))


_AANHALEN = tekstbytes.tabel(',"\r\n')


def csv_bytes(tabel: pa.Table) -> pa.Buffer:
    """The rows of a table as CSV text (UTF-8, ',' and '.'), formatted on the calling thread.
    Text is quoted only when it has to be (pyarrow's "needed" would quote every string). The
    text columns id and scenario are made safe for a spreadsheet (``celveilig``)."""
    for k in ("id", "scenario"):
        i = tabel.column_names.index(k)
        tabel = tabel.set_column(i, k, celveilig.kolom(tabel.column(k).combine_chunks()))
    # quoted when one of their texts holds ',', '"', CR or LF
    moet = any(
        tekstbytes.bevat(tabel.column(k).combine_chunks(), _AANHALEN) for k in ("id", "scenario")
    )
    buffer = pa.BufferOutputStream()
    # 4 096 rows at a time instead of Arrow's 1 024: each column is cast to text per slice,
    # and fewer, longer slices take ~9 % less CPU (3,3 → 3,0 s at a million rows) for ~1 MB
    # more per worker (16 384 saved little more and cost ~10 MB)
    opties = pacsv.WriteOptions(
        include_header=False, quoting_style="needed" if moet else "none", batch_size=4096
    )
    if moet:  # Arrow then quotes every text column, and an amount must stay a bare number
        pacsv.write_csv(tabel, buffer, opties)
    else:  # amounts within ± € 5.000 as texts from one table
        bedragtekst_csv.schrijf(tabel, buffer, opties)
    return buffer.getvalue()


@attrs.frozen
class Deel:
    """What one batch produced, besides its rows of resultaten.csv and resultaten.parquet
    (written by the worker itself, in file order: ``volgorde``)."""

    afwijzingen: list[Afwijzing]
    tellingen: list[Telling]
    werklijst: list[tuple[pa.Table, int]]  # per scenario: flagged rows, how many in all
    waarschuwingen: list[str]
    peildata: set[str]
    aantal_goed: int
    rauw: csvstroom.Rauw | None = None  # read in one pass: numbers relative to the piece


def werklijst_deel(
    naam: str,
    r: Resultaat,
    werkgever: np.ndarray | None,
    posities: np.ndarray,
) -> tuple[pa.Table, int]:
    """The rows of one batch that need attention (a flag of WERKLIJST_SIGNALEN), with their
    sort key, and how many there are in the batch. ``werkgever``: the employer code per row
    (−1 = none); ``posities``: each row's position in the file's ids and names, where the
    werklijst finds them at the end (the list keeps every flagged row: ~40 bytes each)."""
    vlag = np.zeros(len(r), dtype=bool)
    for code in WERKLIJST_SIGNALEN:
        vlag |= r.signalen[code]

    def verschil(trace: str) -> np.ndarray:
        return bedrag_kolom(r, "nieuw", trace) - bedrag_kolom(r, "huidig", trace)

    netto, bruto, kosten = (
        verschil(t) for t in ("netto_maand", "bruto_inkomen_maand", "werkgever_kosten_maand")
    )
    ernst = overzicht.ernst(r.signalen)
    sleutel = overzicht.sorteersleutel(ernst, netto, bruto, kosten)
    # all of them (werklijst.csv lists every one), most severe first: sorted here, on a
    # worker, the whole list is mostly a merge of these runs (overzicht._volgorde)
    index = np.flatnonzero(vlag)
    index = index[np.argsort(sleutel[index], kind="stable")]
    wg = werkgever[index] if werkgever is not None else np.full(len(index), -1)
    tabel = pa.table(
        {
            # repeated texts as a dictionary: 1 byte a row
            "scenario": pa.DictionaryArray.from_arrays(
                pa.array(np.zeros(len(index), dtype=np.int8)), pa.array([naam])
            ),
            "netto": pa.array(netto[index]),
            "bruto": pa.array(bruto[index]),
            "werkgever": pa.array(kosten[index]),
            "wg": pa.array(np.asarray(wg, dtype=np.int32)),
            "positie": pa.array(np.asarray(posities[index], dtype=np.int32)),
            "sleutel": pa.array(sleutel[index]),
            # the attention flags as bits (the severity and the codes follow from them)
            "vlaggen": pa.array(overzicht.vlagbits(r.signalen)[index]),
        }
    )
    return tabel, int(vlag.sum())


def verwerk(
    nummer: int,
    uitvoer: Volgorde,
    stuk,
    peildatum,
    dubbel,
    scenarios: list[Scenario],
    jaren: int | None,
    werkgever_code=None,
    werkgevers: int = 0,
) -> Deel:
    """Batch ``nummer`` (0, 1, … in file order) on a worker thread: computed, and its rows
    written to resultaten.csv and resultaten.parquet when its turn comes (``uitvoer``).
    A piece read in one pass (csvstroom.Rauw) brings its own row numbers, positions and
    employer codes, relative to the piece: the thread that hands out the pieces places them
    (``_reken``)."""
    try:
        return _verwerk(
            nummer, uitvoer, stuk, peildatum, dubbel, scenarios, jaren, werkgever_code, werkgevers
        )
    finally:
        uitvoer.voorbij(nummer)  # a piece that wrote nothing passes its turn too


def _verwerk(
    nummer, uitvoer, stuk, peildatum, dubbel, scenarios, jaren, werkgever_code, werkgevers
) -> Deel:
    rauw = None
    uitkomst = stuk()
    if isinstance(uitkomst, csvstroom.Rauw):
        rauw = uitkomst
        if rauw.probleem is not None:  # raised by the writing thread, in file order
            uitkomst = (rauw.nummers, rauw.posities, None)
        else:
            uitkomst = (rauw.nummers, rauw.posities, rauw.batch)
            werkgever_code, werkgevers = rauw.werkgever, rauw.aantal_werkgevers
    nummers, posities, batch = uitkomst
    del uitkomst, stuk  # memory: the batch's texts go as soon as they are parsed
    partij, afwijzingen = (
        cohortinvoer.ontleed(nummers, posities, batch, peildatum, dubbel, werkgever_code)
        if batch is not None
        else (None, [])
    )
    del batch
    if rauw is not None and rauw.uitkomst is not None:
        rauw = rauw.licht()  # only what the writing thread needs stays in memory
    if partij is None:
        return Deel(
            afwijzingen,
            [Telling() for _ in scenarios],
            [(pa.table({}), 0) for _ in scenarios],
            [],
            set(),
            0,
            rauw,
        )
    tabellen, tellingen, meldingen, werklijst = [], [], [], []
    for sc in scenarios:
        r = bereken(partij.invoer, sc)
        pad = overgang.pad(partij.invoer, sc, jaren, jaar0=r) if jaren != 0 else []
        t = Telling()
        t.voeg_toe(r, partij.werkgever, werkgevers, pad)
        tellingen.append(t)
        for w in waarschuwingen(r) + [w for j in pad for w in waarschuwingen(j.resultaat)]:
            if w not in meldingen:
                meldingen.append(w)
        tabel = resultaat_tabel(partij.ids, sc.naam, r)
        tabellen.append(tabel)
        werklijst.append(werklijst_deel(sc.naam, r, partij.werkgever, partij.posities))
        del r, pad  # memory: a scenario's result is not kept while the next is computed
    peildata = {str(d) for d in np.unique(partij.invoer.peildatum)}
    aantal = len(partij.invoer)
    del partij  # nor the input while the CSV text is made (~15 MB a batch)
    alles = _verweven(tabellen)
    uitvoer.schrijf(nummer, csv_bytes(alles), alles)
    del alles
    return Deel(
        afwijzingen,
        tellingen,
        werklijst,
        meldingen,
        peildata,
        aantal,
        rauw,
    )


def schrijf_afgewezen(pad: Path, afwijzingen: list[Afwijzing]) -> None:
    veilig = celveilig.tekst
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["rij", "id", "veld", "reden"])
        for a in sorted(afwijzingen, key=lambda a: a.rij):
            w.writerow([a.rij, veilig(a.id or ""), veilig(a.veld), veilig(a.reden)])


@functools.cache
def _glibc():
    """glibc's allocator functions, or None (not Linux/glibc: then nothing is tuned)."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def _geheugen_hergebruiken() -> None:
    """Let glibc keep freed blocks for reuse instead of returning each large numpy temporary
    to the OS and faulting it in again: about 15 % faster on a million rows. At most 32 MB
    stays unreturned (with 128 MB the peak passed 500 MB). Only on glibc (Linux)."""
    libc = _glibc()
    if libc is not None:
        m_trim_threshold, m_mmap_threshold = -1, -3
        libc.mallopt(m_mmap_threshold, 64 << 20)
        libc.mallopt(m_trim_threshold, 32 << 20)


# bytes of input from which freed memory is given back between the phases of a run: ~30 ms
# each time, worth it where the peak nears 500 MB (a million rows, 221 MB), not for a small
# file (100 000 rows stay near 300 MB)
TERUGGEVEN_VANAF = 64 << 20


def _geheugen_teruggeven() -> None:
    """Return freed memory kept for reuse to the OS: Arrow's pool (the parsers' buffers) and
    glibc's (numpy's temporaries), between the phases of a run. Keeps a million rows well
    under 500 MB; without it the first pass alone leaves ~180 MB in Arrow's pool."""
    pa.default_memory_pool().release_unused()
    libc = _glibc()
    if libc is not None:
        libc.malloc_trim(0)


def voer_uit(
    invoer: Path,
    uit: Path,
    scenarios: list[Scenario],
    peildatum: dt.date | None = None,
    jaren: int | None = None,
    xlsx: bool = True,
    rapport: bool = True,
    voortgang: bool = False,
    xlsx_volledig: bool = False,
    naam: str | None = None,
) -> dict[str, Any]:
    """Run the cohort; returns the summary (also written to samenvatting.json), with the
    names of the files written under "bestanden".

    ``xlsx``: write overzicht.xlsx (summary, werklijst, employers); ``xlsx_volledig``: also
    resultaten.xlsx with every row (up to Excel's limit). ``naam``: the file name to show in
    the summary and report (the web page passes the uploaded name)."""
    _geheugen_hergebruiken()
    arrowstart.start()
    # what the batches need first (the parameter files, Babel's Dutch locale: ~40 ms) is
    # loaded on a side thread while the first pieces are read and parsed, not by the first
    # batch on a worker; what only the end of the run needs (the report's module with Jinja2,
    # XlsxWriter: ~70 ms of interpreter time) once the last batch is under way (_reken)
    grootte = invoer.stat().st_size if invoer.is_file() else 0
    # not a daemon: a run that stops early (an error in row 3) must not leave the interpreter
    # to end while this thread is inside Arrow or numpy (a daemon thread is then stopped
    # halfway, and that could abort the process: "Fatal Python error: PyGILState_Release",
    # exit 134, in ~1 of 15 runs); the interpreter waits for it instead (at most ~0,1 s)
    threading.Thread(target=_laad_vooraf, args=(grootte > GROOT,)).start()
    einde_laden = functools.partial(_laad_voor_einde, rapport, xlsx or xlsx_volledig)
    # a CSV file is read in one pass (csvstroom); with duplicate ids, or for .xlsx, in two
    bron = cohortinvoer.open_bestand(invoer, peildatum is not None, een_doorgang=True)
    tijdelijk = uitmap.bereid(uit, invoer, UITVOER)
    with uitmap.bij_fout_opruimen(tijdelijk, uit):
        try:
            samenvatting, bron = _reken(
                bron, invoer, tijdelijk, scenarios, peildatum, jaren, voortgang, naam, einde_laden
            )
        except csvstroom.Dubbel:  # the same run again, now knowing the duplicate ids
            _geheugen_teruggeven()
            bron = cohortinvoer.open_bestand(invoer, peildatum is not None)
            _geheugen_teruggeven()  # the first pass's parse buffers
            samenvatting, bron = _reken(
                bron, invoer, tijdelijk, scenarios, peildatum, jaren, voortgang, naam
            )
        if grootte > TERUGGEVEN_VANAF:
            _geheugen_teruggeven()  # the batches' freed blocks, before the werklijst and report
        # the one werklijst: all of it (overzicht.werklijst_stukken) as werklijst.csv, its first
        # rows (overzicht.werklijst_rijen, same columns and order) for the report and the xlsx.
        # werklijst.csv (every flagged person) is built with Arrow compute, which leaves the
        # interpreter free: started first, on the other core, while the first rows, the report
        # and the xlsx are made on this one
        with ThreadPoolExecutor(1) as achtergrond:
            werklijst_csv = achtergrond.submit(
                overzicht.schrijf_werklijst_csv,
                tijdelijk / "werklijst.csv",
                overzicht.werklijst_stukken(
                    samenvatting["_werklijsten"],
                    bron.werkgevers,
                    bron.werkgever_namen,
                    bron.namen,
                    bron.ids,
                ),
            )
            werklijst = overzicht.werklijst_rijen(
                samenvatting["_werklijsten"],
                bron.werkgevers,
                bron.werkgever_namen,
                bron.namen,
                bron.ids,
            )
            samenvatting["_werklijst"] = werklijst
            if rapport:
                from wajong_conversie import rapport as rapportmodule

                rapportmodule.schrijf(samenvatting, tijdelijk / "rapport.html")
            if xlsx:
                overzicht.schrijf_overzicht(
                    tijdelijk / "overzicht.xlsx",
                    samenvatting,
                    samenvatting["_werklijsten"],
                    werklijst,
                )
            if xlsx_volledig:
                overzicht.schrijf_volledig(
                    tijdelijk / "resultaten.parquet", tijdelijk / "resultaten.xlsx"
                )
            werklijst_csv.result()
        samenvatting.pop("_werklijsten", None)
        samenvatting.pop("_werklijst", None)
        samenvatting["bestanden"] = [n for n in UITVOER if (tijdelijk / n).exists()] + [
            "samenvatting.json"
        ]
        (tijdelijk / "samenvatting.json").write_text(
            json.dumps(samenvatting, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        uitmap.plaats(tijdelijk, uit, weg=UITVOER)
    return samenvatting


# bytes: from here the table of amount texts pays (bedragtekst_csv). Measured in paired runs:
# at a million rows (221 MB) ~0,5 CPU s less on one core, for ~40 MB more at the peak; at
# 100 000 rows (23 MB) no gain (10 rounds: median 0,06 s slower with it) and 40 MB more
GROOT = 64 << 20


def _laad_vooraf(groot: bool) -> None:
    """Only loads: what fails here fails again where it is used, with its own message (a
    side thread must never print a traceback)."""
    try:
        # what the first batch would otherwise import on a worker, holding the interpreter:
        # numpy.ma (pa.array of a numpy array asks whether it is a masked array)
        pa.array(np.zeros(1, dtype=np.int64))

        from wajong_conversie import model, opmaak, parameters

        model.maand_en_dag(np.zeros(1, dtype="datetime64[D]"))  # its table of days
        parameters.laad()
        opmaak.bedrag(0)
        if groot:
            bedragtekst_csv.maak()
    except Exception:  # noqa: BLE001, S110
        pass


def _laad_voor_einde(rapport: bool, xlsx: bool) -> None:
    """On a side thread, as :func:`_laad_vooraf`: the modules of the report and the xlsx."""

    def laad() -> None:
        try:
            if rapport:
                from wajong_conversie import rapport as _  # noqa: F401
            if xlsx:
                import xlsxwriter  # noqa: F401
        except Exception:  # noqa: BLE001, S110
            pass

    threading.Thread(target=laad).start()  # not a daemon: see voer_uit


def _reken(
    bron: cohortinvoer.Bron | csvstroom.Stroom,
    invoer: Path,
    map_: Path,
    scenarios: list[Scenario],
    peildatum: dt.date | None,
    jaren: int | None,
    voortgang: bool,
    naam: str | None,
    einde_laden=None,
) -> tuple[dict[str, Any], cohortinvoer.Bron]:
    """The run itself: resultaten.csv, resultaten.parquet and afgewezen.csv into ``map_``; the
    summary as a dict (with the werklijsten under "_werklijsten", for overzicht.xlsx), and
    the file as a Bron (ids, employers, names).

    A Stroom (one pass) raises csvstroom.Dubbel at the end when the file has duplicate ids."""
    stroom = bron if isinstance(bron, csvstroom.Stroom) else None
    dubbel = pa.array([], pa.string()) if stroom else bron.dubbele_ids()
    if jaren is None:  # the budget path by default only where a variant changes over time
        jaren = max(
            (
                sc.overgangsjaren
                for sc in scenarios
                if sc.garantiebedrag == "afbouw" or sc.werkgever == "compensatie"
            ),
            default=0,
        )
    tellingen = [Telling() for _ in scenarios]
    werklijsten = [Werklijst() for _ in scenarios]
    afwijzingen: list[Afwijzing] = [] if stroom else list(bron.kapot)
    meldingen: list[str] = []
    peildata: set[str] = set()
    aantal_goed = 0
    balk = (
        Voortgang(stroom.grootte, voortgang, "bytes")
        if stroom
        else Voortgang(bron.aantal, voortgang)
    )
    # one pass: per scenario, each piece's workers and change in cost per employer, with the
    # map from its employer codes to the file's (known only when the last piece is placed)
    per_werkgever: list[list[tuple[int, np.ndarray, np.ndarray]]] = [[] for _ in scenarios]
    parquet = None  # pyarrow.parquet.ParquetWriter, made with the first batch

    def schrijf(tekst: pa.Buffer, tabel: pa.Table) -> None:  # on a worker, in its turn
        nonlocal parquet
        schrijver.write(tekst)
        if parquet is None:
            parquet = _parquet_schrijver(map_ / "resultaten.parquet", tabel.schema)
        parquet.write_table(tabel)

    uitvoer = Volgorde(schrijf)
    with (map_ / "resultaten.csv").open("wb") as schrijver, ThreadPoolExecutor(2) as pool:
        schrijver.write((",".join(RESULTAAT_KOLOMMEN) + "\n").encode())
        onderweg: deque = deque()

        def verwerk_klaar(toekomst) -> None:
            nonlocal aantal_goed
            deel: Deel = toekomst.result()
            if deel.rauw is not None:
                deel = _plaats(stroom, deel, per_werkgever)
            afwijzingen.extend(deel.afwijzingen)
            for t, d in zip(tellingen, deel.tellingen, strict=True):
                t.samen(d)
            for w, (d, aantal) in zip(werklijsten, deel.werklijst, strict=True):
                w.voeg_toe(d, aantal)
            meldingen.extend(w for w in deel.waarschuwingen if w not in meldingen)
            peildata.update(deel.peildata)
            aantal_goed += deel.aantal_goed
            balk.stap(deel.rauw.grootte if deel.rauw else deel.aantal_goed + len(deel.afwijzingen))

        try:
            if stroom:  # each piece brings its own employer codes
                werkgever_code, aantal_werkgevers, stukken = None, 0, stroom.stukken()
            else:
                werkgever_code, stukken = bron.werkgever_code, bron.batches
                aantal_werkgevers = len(bron.werkgevers) if bron.werkgevers is not None else 0
            stukken = iter(stukken)
            stuk, nummer = next(stukken, None), 0
            while stuk is not None:
                onderweg.append(
                    pool.submit(
                        verwerk,
                        nummer,
                        uitvoer,
                        stuk,
                        peildatum,
                        dubbel,
                        scenarios,
                        jaren,
                        werkgever_code,
                        aantal_werkgevers,
                    )
                )
                # the next piece is read from the file (on this thread: ~25 ms for 4 MB) while
                # the workers compute, not after one of them has become free
                stuk, nummer = next(stukken, None), nummer + 1
                # two batches in flight: both cores busy (each worker writes its own batch,
                # so this thread only places and counts), memory flat (a third batch held
                # ~25 MB more: the peak came to 480–520 MB, over the 500 MB issue 10 allows)
                while len(onderweg) >= 2:
                    verwerk_klaar(onderweg.popleft())
            if einde_laden is not None:  # the last batches are under way
                einde_laden()
            while onderweg:
                verwerk_klaar(onderweg.popleft())
        except pa.ArrowInvalid as e:
            raise cohortinvoer.arrow_fout(invoer, e) from None
        finally:
            for toekomst in onderweg:
                toekomst.cancel()
            uitvoer.stop()  # after an error nothing more is written (the run is thrown away)
            pool.shutdown(wait=True)  # and no worker is still writing when the files close
            if parquet is None:  # no row computed: an empty file with the columns
                parquet = _parquet_schrijver(map_ / "resultaten.parquet", RESULTAAT_SCHEMA)
            parquet.close()
    balk.einde()
    if stroom:
        if stroom.grootte > TERUGGEVEN_VANAF:  # the batches' freed blocks, before the lists
            _geheugen_teruggeven()  # of the whole file are joined
        bron = stroom.einde()  # raises csvstroom.Dubbel: then this run is thrown away
        afwijzingen.extend(bron.kapot)
        _werkgevers_optellen(tellingen, per_werkgever, bron, stroom.werkgever_kaart)
        for w in werklijsten:
            w.hercodeer_werkgevers(functools.partial(csvstroom.hercodeer, stroom.werkgever_kaart))
    schrijf_afgewezen(map_ / "afgewezen.csv", afwijzingen)

    afgewezen_rijen = {a.rij for a in afwijzingen}
    if bron.aantal != aantal_goed + len(afgewezen_rijen):  # never silently lose a row
        raise RuntimeError(
            f"telling klopt niet: {bron.aantal} ingelezen, {aantal_goed} berekend, "
            f"{len(afgewezen_rijen)} afgewezen"
        )
    per_veld: dict[str, int] = {}
    for a in afwijzingen:
        for veld in a.veld.split("; "):
            per_veld[veld] = per_veld.get(veld, 0) + 1
    return {
        "bestand": naam or invoer.name,
        "gemaakt_met": f"wajong-conversie {__version__}",
        "peildatum_opgelegd": peildatum.isoformat() if peildatum else None,
        "peildata": sorted(peildata),
        "aantal_ingelezen": bron.aantal,
        "aantal_berekend": aantal_goed,
        "aantal_afgewezen": len(afgewezen_rijen),
        "afgewezen_per_veld": dict(sorted(per_veld.items())),
        "genegeerde_kolommen": bron.genegeerd,
        # in one fixed order (alphabetical), not that in which the pieces met them: the same
        # file gives the same summary whatever its pieces
        "waarschuwingen": sorted(meldingen),
        "aannames": sorted({a for t in tellingen for a in t.aannames}),
        "scenarios": [
            scenario_json(t, sc, sc.drempels, bron.werkgevers, bron.werkgever_namen)
            for t, sc in zip(tellingen, scenarios, strict=True)
        ],
        "_werklijsten": werklijsten,
    }, bron


def _plaats(stroom: csvstroom.Stroom, deel: Deel, per_werkgever) -> Deel:
    """A piece read in one pass, placed in the file (in file order, on the writing thread):
    row numbers and positions among the kept rows made the file's own; employer codes become
    places in the list of every piece's employers (csvstroom.Plaats)."""
    plaats = stroom.plaats(deel.rauw)  # raises the piece's problem (BestandFout), if any
    afwijzingen = [attrs.evolve(a, rij=a.rij + plaats.rijen_voor) for a in deel.afwijzingen]
    for t, lijst in zip(deel.tellingen, per_werkgever, strict=True):
        if t.werkgever_som is not None:  # added up once the file's employers are all known
            # the count as int32 (kept to the end, one per employer of each piece)
            lijst.append(
                (plaats.werkgevers_voor, t.werkgever_aantal.astype(np.int32), t.werkgever_som)
            )
            t.werkgever_aantal = t.werkgever_som = None
    werklijst = []
    for tabel, aantal in deel.werklijst:
        if tabel.num_columns:
            wg = tabel.column("wg").to_numpy().astype(np.int64)
            wg = np.where(wg >= 0, wg + plaats.werkgevers_voor, -1).astype(np.int32)
            positie = (tabel.column("positie").to_numpy() + plaats.gezien).astype(np.int32)
            tabel = tabel.set_column(tabel.column_names.index("wg"), "wg", pa.array(wg))
            tabel = tabel.set_column(
                tabel.column_names.index("positie"), "positie", pa.array(positie)
            )
        werklijst.append((tabel, aantal))
    return attrs.evolve(deel, afwijzingen=afwijzingen, werklijst=werklijst)


def _werkgevers_optellen(tellingen: list[Telling], per_werkgever, bron, kaart) -> None:
    """The pieces' sums per employer, added up under the file's employer codes (exact)."""
    n = len(bron.werkgevers) if bron.werkgevers is not None else 0
    for t, lijst in zip(tellingen, per_werkgever, strict=True):
        if not lijst:
            continue
        t.werkgever_aantal = np.zeros(n, dtype=np.int64)
        t.werkgever_som = np.zeros(n, dtype=np.int64)
        for voor, aantal, som in lijst:
            code = kaart[voor : voor + len(aantal)]
            met = code >= 0
            # int64 values into the int64 sums: numpy's fast path (int32 counts took the
            # general one, ~5× slower)
            np.add.at(t.werkgever_aantal, code[met], aantal[met].astype(np.int64))
            np.add.at(t.werkgever_som, code[met], som[met])


# resultaten.parquet: the columns of resultaten.csv, typed; amounts DECIMAL(18, 2) in euros
# (exact: the int64 cents are the unscaled value), text as UTF-8 as it was read (no ')
RESULTAAT_SCHEMA = pa.schema(
    [("id", pa.string()), ("scenario", pa.string())]
    + [(k, pa.decimal64(18, 2)) for k in RESULTAAT_KOLOMMEN[2:-1]]
    + [("signalen", pa.string())]
)


def _parquet_schrijver(pad: Path, schema: pa.Schema):
    # imported here, while the first batches are being computed, not at the start of a run
    import pyarrow.parquet as pq

    # a dictionary only for the repeating text columns: on 42 amount columns it would cost
    # five times the time of the rest of the encoding, for little gain in size
    # decimals of at most 18 digits stored as INT64, delta-encoded (a standard Parquet
    # encoding: on 100 000 result rows 25 % less time and 30 % smaller than plain + snappy);
    # without Arrow's own schema in the file a reader gets the Parquet types, so amounts read
    # back as decimal128(18, 2) (readers older than Arrow 18 know no decimal64)
    bedragen = [veld.name for veld in schema if pa.types.is_decimal(veld.type)]
    return pq.ParquetWriter(
        pad,
        schema,
        compression="snappy",
        use_dictionary=["scenario", "signalen"],
        column_encoding=dict.fromkeys(bedragen, "DELTA_BINARY_PACKED"),
        store_decimal_as_integer=True,
        store_schema=False,
    )


__all__ = ["BestandFout", "voer_uit"]
