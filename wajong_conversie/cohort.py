"""The cohort run: a whole file under one or more scenarios, streamed in batches.

Reading, parsing and checking (``cohortinvoer``), the engine (``rekenkern``, the same as for
one case), the path over the years for the budget (``overgang``) and the aggregates
(``samenvatting``) run per batch on two threads (numpy and pyarrow release the GIL), while the
main thread writes the results in input order. Memory stays flat: only a few batches are in
flight. Outputs in the chosen folder: resultaten.csv (+ .xlsx), afgewezen.csv,
samenvatting.json and rapport.html.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import threading
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from wajong_conversie import __version__, beoordeling, cohortinvoer, overgang
from wajong_conversie.cohortinvoer import Afwijzing, BestandFout
from wajong_conversie.rekenkern import Resultaat, bereken
from wajong_conversie.samenvatting import Telling, scenario_json
from wajong_conversie.scenario import Scenario
from wajong_conversie.uitvoer import BEDRAGEN, bedrag_kolom, waarschuwingen

EXCEL_MAX_RIJEN = 1_048_575  # data rows below the header
RESULTAAT_KOLOMMEN = (
    ["id", "scenario"]
    + [
        f"{situatie}_{sleutel}"
        for sleutel, _, _ in BEDRAGEN
        for situatie in ("huidig", "nieuw", "verschil")
    ]
    + ["signalen"]
)


def decimalen(cent: np.ndarray) -> pa.Array:
    """int64 cents → decimal128(18, 2) without any float: the cents are the unscaled value."""
    woorden = np.empty(2 * len(cent), dtype=np.int64)
    woorden[0::2] = cent
    woorden[1::2] = cent >> 63  # sign extension to 128 bits: 0 or −1
    return pa.Array.from_buffers(pa.decimal128(18, 2), len(cent), [None, pa.py_buffer(woorden)])


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
    kolommen["signalen"] = signalen_kolom(r)
    return pa.table(kolommen)


def _verweven(tabellen: list[pa.Table]) -> pa.Table:
    """Rows person by person, scenarios in the given order for each person."""
    if len(tabellen) == 1:
        return tabellen[0]
    m, s = tabellen[0].num_rows, len(tabellen)
    volgorde = (np.arange(m)[:, None] + np.arange(s)[None, :] * m).ravel()
    return pa.concat_tables(tabellen).take(pa.array(volgorde))


def csv_bytes(tabel: pa.Table) -> pa.Buffer:
    """The rows of a table as CSV text (UTF-8, ',' and '.'), formatted on the calling thread.
    Text is quoted only when it has to be (pyarrow's "needed" would quote every string)."""
    moet = any(
        pc.any(pc.match_substring_regex(tabel.column(k), '[,"\\r\\n]')).as_py()
        for k in ("id", "scenario")
    )
    buffer = pa.BufferOutputStream()
    pacsv.write_csv(
        tabel,
        buffer,
        pacsv.WriteOptions(include_header=False, quoting_style="needed" if moet else "none"),
    )
    return buffer.getvalue()


@attrs.frozen
class Deel:
    """What one batch produced."""

    tekst: pa.Buffer | bytes  # its rows of resultaten.csv
    afwijzingen: list[Afwijzing]
    tellingen: list[Telling]
    waarschuwingen: list[str]
    peildata: set[str]
    aantal_goed: int


def verwerk(
    stuk,
    peildatum,
    dubbel,
    scenarios: list[Scenario],
    jaren: int | None,
    werkgever_code=None,
    werkgevers: int = 0,
):
    nummers, posities, batch = stuk()
    partij, afwijzingen = cohortinvoer.ontleed(
        nummers, posities, batch, peildatum, dubbel, werkgever_code
    )
    if partij is None:
        return Deel(b"", afwijzingen, [Telling() for _ in scenarios], [], set(), 0)
    tabellen, tellingen, meldingen = [], [], []
    for sc in scenarios:
        r = bereken(partij.invoer, sc)
        pad = overgang.pad(partij.invoer, sc, jaren, jaar0=r) if jaren != 0 else []
        t = Telling()
        t.voeg_toe(r, partij.werkgever, werkgevers, pad)
        tellingen.append(t)
        for w in waarschuwingen(r) + [w for j in pad for w in waarschuwingen(j.resultaat)]:
            if w not in meldingen:
                meldingen.append(w)
        tabellen.append(resultaat_tabel(partij.ids, sc.naam, r))
    peildata = {str(d) for d in np.unique(partij.invoer.peildatum)}
    return Deel(
        csv_bytes(_verweven(tabellen)),
        afwijzingen,
        tellingen,
        meldingen,
        peildata,
        len(partij.invoer),
    )


class Voortgang:
    """A one-line progress bar on a terminal; silent in pipes and CI."""

    def __init__(self, totaal: int, aan: bool):
        self.totaal, self.aan, self.klaar = totaal, aan, 0
        self.start = time.perf_counter()

    def stap(self, n: int) -> None:
        self.klaar += n
        if self.aan and self.totaal > 0:
            deel = self.klaar / self.totaal
            balk = "#" * int(30 * deel)
            sys.stderr.write(f"\r  [{balk:<30}] {self.klaar:>9} van {self.totaal} rijen")
            sys.stderr.flush()

    def einde(self) -> None:
        if self.aan:
            sys.stderr.write("\n")


def schrijf_afgewezen(pad: Path, afwijzingen: list[Afwijzing]) -> None:
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["rij", "id", "veld", "reden"])
        for a in sorted(afwijzingen, key=lambda a: a.rij):
            w.writerow([a.rij, a.id or "", a.veld, a.reden])


def schrijf_xlsx(csv_pad: Path, xlsx_pad: Path) -> int:
    """resultaten.csv as a worksheet (numbers as numbers), up to Excel's row limit."""
    import xlsxwriter

    tabel = pacsv.read_csv(
        csv_pad,
        convert_options=pacsv.ConvertOptions(
            column_types={"id": pa.string(), "scenario": pa.string(), "signalen": pa.string()},
            strings_can_be_null=False,
        ),
    )
    rijen = min(tabel.num_rows, EXCEL_MAX_RIJEN)
    boek = xlsxwriter.Workbook(str(xlsx_pad), {"constant_memory": True})
    blad = boek.add_worksheet("resultaten")
    geld = boek.add_format({"num_format": "#,##0.00"})
    kop = boek.add_format({"bold": True})
    for j, naam in enumerate(tabel.column_names):
        blad.write_string(0, j, naam, kop)
    kolommen = [tabel.column(j).slice(0, rijen).to_pylist() for j in range(tabel.num_columns)]
    tekst = {0, 1, tabel.num_columns - 1}
    for i in range(rijen):
        for j, kolom in enumerate(kolommen):
            waarde = kolom[i]
            if j in tekst:
                blad.write_string(i + 1, j, waarde or "")
            else:
                blad.write_number(i + 1, j, waarde, geld)
    if tabel.num_rows > rijen:
        blad2 = boek.add_worksheet("let op")
        blad2.write_string(
            0,
            0,
            f"Excel heeft ruimte voor {EXCEL_MAX_RIJEN} rijen; de overige "
            f"{tabel.num_rows - rijen} rijen staan alleen in resultaten.csv.",
        )
    boek.close()
    return rijen


def _laad_grafieken() -> None:
    """Import and warm up the plotting library (fonts, SVG backend) for the report."""
    import matplotlib.backends.backend_svg  # noqa: F401
    import matplotlib.figure
    import matplotlib.font_manager
    import matplotlib.ticker  # noqa: F401

    matplotlib.font_manager.findfont("DejaVu Sans")
    matplotlib.figure.Figure(figsize=(1, 1)).text(0, 0, "0")


def _geheugen_hergebruiken() -> None:
    """Let glibc keep freed blocks for reuse instead of returning each large numpy temporary
    to the OS and faulting it in again: about 15 % faster on a million rows, same peak.
    Only on glibc (Linux); elsewhere nothing happens."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        m_trim_threshold, m_mmap_threshold = -1, -3
        libc.mallopt(m_mmap_threshold, 64 << 20)
        libc.mallopt(m_trim_threshold, 128 << 20)
    except (OSError, AttributeError):
        pass


def voer_uit(
    invoer: Path,
    uit: Path,
    scenarios: list[Scenario],
    peildatum: dt.date | None = None,
    jaren: int | None = None,
    xlsx: bool = True,
    rapport: bool = True,
    voortgang: bool = False,
) -> dict[str, Any]:
    """Run the cohort; returns the summary (also written to samenvatting.json)."""
    _geheugen_hergebruiken()
    if rapport:  # load the plotting library while the batches run (it takes ~0.5 s)
        threading.Thread(target=_laad_grafieken, daemon=True).start()
    bron = cohortinvoer.open_bestand(invoer)
    genegeerd = cohortinvoer.controleer_kolommen(bron.kolommen, peildatum is not None)
    dubbel = bron.dubbele_ids()
    uit.mkdir(parents=True, exist_ok=True)
    resultaten_pad = uit / "resultaten.csv"
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
    afwijzingen: list[Afwijzing] = list(bron.kapot)
    meldingen: list[str] = []
    peildata: set[str] = set()
    aantal_goed = 0
    balk = Voortgang(bron.aantal, voortgang)
    with resultaten_pad.open("wb") as schrijver, ThreadPoolExecutor(2) as pool:
        schrijver.write((",".join(RESULTAAT_KOLOMMEN) + "\n").encode())
        onderweg: deque = deque()

        def verwerk_klaar(toekomst) -> None:
            nonlocal aantal_goed
            deel: Deel = toekomst.result()
            schrijver.write(deel.tekst)
            afwijzingen.extend(deel.afwijzingen)
            for t, d in zip(tellingen, deel.tellingen, strict=True):
                t.samen(d)
            meldingen.extend(w for w in deel.waarschuwingen if w not in meldingen)
            peildata.update(deel.peildata)
            aantal_goed += deel.aantal_goed
            balk.stap(deel.aantal_goed + len(deel.afwijzingen))

        aantal_werkgevers = len(bron.werkgevers) if bron.werkgevers is not None else 0
        for stuk in bron.batches:
            onderweg.append(
                pool.submit(
                    verwerk,
                    stuk,
                    peildatum,
                    dubbel,
                    scenarios,
                    jaren,
                    bron.werkgever_code,
                    aantal_werkgevers,
                )
            )
            while len(onderweg) >= 2:  # two batches in flight: both cores busy, memory flat
                verwerk_klaar(onderweg.popleft())
        while onderweg:
            verwerk_klaar(onderweg.popleft())
    balk.einde()
    schrijf_afgewezen(uit / "afgewezen.csv", afwijzingen)

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
    samenvatting = {
        "bestand": invoer.name,
        "gemaakt_met": f"wajong-conversie {__version__}",
        "peildatum_opgelegd": peildatum.isoformat() if peildatum else None,
        "peildata": sorted(peildata),
        "aantal_ingelezen": bron.aantal,
        "aantal_berekend": aantal_goed,
        "aantal_afgewezen": len(afgewezen_rijen),
        "afgewezen_per_veld": dict(sorted(per_veld.items())),
        "genegeerde_kolommen": genegeerd,
        "waarschuwingen": meldingen,
        "aannames": list(dict.fromkeys(a for t in tellingen for a in t.aannames)),
        "scenarios": [
            scenario_json(t, sc, sc.drempels, bron.werkgevers, bron.werkgever_namen)
            for t, sc in zip(tellingen, scenarios, strict=True)
        ],
    }
    (uit / "samenvatting.json").write_text(
        json.dumps(samenvatting, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    if rapport:
        from wajong_conversie import rapport as rapportmodule

        rapportmodule.schrijf(samenvatting, uit / "rapport.html")
    if xlsx:
        schrijf_xlsx(resultaten_pad, uit / "resultaten.xlsx")
    return samenvatting


__all__ = ["BestandFout", "voer_uit"]
