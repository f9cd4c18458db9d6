"""All letters of a cohort: one per worker, one per employer covering all their workers.

``wajong-conversie brieven COHORT --uit MAP``. The cohort file (CSV or .xlsx, the columns of
the cohort run plus the address columns) is computed with the same engine in one batch. File
names come from the id (``werknemer_<id>``, ``werkgever_<werkgever_id>``), never from a name or
BSN. Rows that cannot get a letter (input the calculation refuses, or no name/address) are
listed with their row number and a Dutch reason in ``niet_gemaakt.csv``. PDFs are made on all
cores: Typst works without Python's lock, so threads suffice (``briefpdf``).
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import attrs

from wajong_conversie import briefpdf, brieven, celveilig, opmaak, sjablonen, uitmap
from wajong_conversie.cohortinvoer import BestandFout, cel_tekst, scheidingsteken
from wajong_conversie.model import Invoer
from wajong_conversie.scenario import Scenario
from wajong_conversie.validatie import BRIEFVELDEN, Invoerfout, controleer, lees_geval


@attrs.frozen
class Brief:
    soort: str
    sleutel: str  # the id (worker) or werkgever_id (employer)
    bestand: str
    html: str


def lees_rijen(pad: Path) -> list[tuple[int, dict[str, str]]]:
    """(row number, record) for every data row; the header is row 1."""
    if not pad.exists():
        raise BestandFout(f"het bestand {pad} bestaat niet")
    if pad.suffix.lower() == ".xlsx":
        import openpyxl

        try:
            boek = openpyxl.load_workbook(pad, read_only=True, data_only=True)
        except Exception as e:  # many kinds for a file that is not .xlsx
            raise BestandFout(
                f"{pad.name} kan niet als Excel-bestand worden gelezen: {e}"
            ) from None
        rijen = boek.worksheets[0].iter_rows(values_only=True)
        kop = [str(k or "").strip().lower() for k in next(rijen, [])]
        uit = []
        for nummer, rij in enumerate(rijen, start=2):
            waarden = [cel_tekst(w) for w in rij]
            if any(waarden):
                uit.append((nummer, dict(zip(kop, waarden, strict=False))))
        return uit
    try:
        tekst = pad.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise BestandFout(
            f"{pad.name} is geen UTF-8-tekst; sla het bestand op als CSV UTF-8"
        ) from None
    eerste = tekst.split("\n", 1)[0]
    lezer = csv.DictReader(tekst.splitlines(), delimiter=scheidingsteken(eerste))
    lezer.fieldnames = [k.strip().lower() for k in (lezer.fieldnames or [])]
    return [(lezer.line_num, {k: (v or "") for k, v in rij.items() if k}) for rij in lezer]


def _bestandsnaam(soort: str, sleutel: str, gebruikt: set[str]) -> str:
    veilig = re.sub(r"[^A-Za-z0-9_-]", "_", sleutel)[:40] or "onbekend"
    naam = f"{soort}_{veilig}"
    k = 2
    while naam in gebruikt:
        naam = f"{soort}_{veilig}_{k}"
        k += 1
    gebruikt.add(naam)
    return naam


def maak(
    rijen: list[tuple[int, dict[str, str]]], scenario: Scenario, datum: dt.date
) -> tuple[list[Brief], list[tuple[int, str, str, str]]]:
    """The letters (HTML) and the rows without a letter: (row, id, soort, reason)."""
    niet: list[tuple[int, str, str, str]] = []
    goed: list[tuple[int, dict[str, str], Any]] = []
    tel: dict[str, int] = {}
    for _, record in rijen:
        sleutel = (record.get("id") or "").strip()
        tel[sleutel] = tel.get(sleutel, 0) + 1
    for nummer, record in rijen:
        sleutel = (record.get("id") or "").strip()
        if sleutel and tel[sleutel] > 1:  # as in the cohort run: which one is right is unknown
            niet.append(
                (
                    nummer,
                    sleutel,
                    "werknemer en werkgever",
                    f"id: '{sleutel}' komt meer dan één keer voor in het bestand",
                )
            )
            continue
        try:
            goed.append((nummer, record, lees_geval(record, frozenset({"id", *BRIEFVELDEN}))))
        except Invoerfout as e:
            niet.append((nummer, record.get("id", ""), "werknemer en werkgever", str(e)))
    if not goed:
        return [], niet
    invoer = Invoer.uit_gevallen([g for _, _, g in goed])
    fouten = controleer(invoer)
    for j, problemen in fouten.items():
        nummer, record, _ = goed[j]
        niet.append(
            (
                nummer,
                record.get("id", ""),
                "werknemer en werkgever",
                "; ".join(str(p) for p in problemen),
            )
        )
    houd = [j for j in range(len(goed)) if j not in fouten]
    goed = [goed[j] for j in houd]
    if not goed:
        return [], niet
    invoer = invoer.neem(houd)
    uitkomsten = brieven.reken(invoer, scenario)
    brieven_: list[Brief] = []
    gebruikt: set[str] = set()
    per_werkgever: dict[str, list[tuple[int, dict[str, str], dict, list, str]]] = {}
    for (nummer, record, geval), (u, pad) in zip(goed, uitkomsten, strict=True):
        try:
            adres = brieven.adres(record, "werknemer")
            bsn = brieven.bsn_kort(record.get("bsn"))
            html = brieven.render(
                "werknemer",
                brieven.context_werknemer(u, geval, adres, bsn, datum, scenario, pad),
            )
            sleutel = geval.id or f"rij{nummer}"
            brieven_.append(
                Brief("werknemer", sleutel, _bestandsnaam("werknemer", sleutel, gebruikt), html)
            )
        except brieven.BriefFout as e:
            niet.append((nummer, record.get("id", ""), "werknemer", str(e)))
        wid = (record.get("werkgever_id") or "").strip()
        if wid:
            ref = brieven.schoon(geval.id or f"rij {nummer}")
            per_werkgever.setdefault(wid, []).append((nummer, record, u, pad, ref))
    for wid, leden in per_werkgever.items():
        eerste = leden[0][1]
        try:
            adres = brieven.adres(eerste, "werkgever")
        except brieven.BriefFout as e:
            niet.append((leden[0][0], wid, "werkgever", str(e)))
            continue
        regels = [
            (brieven.schoon(rec.get("naam")) or f"werknemer {rec.get('id', '')}", u)
            for _, rec, u, _, _ in leden
        ]
        peildatum = dt.date.fromisoformat(leden[0][2]["peildatum"])
        try:
            html = brieven.render(
                "werkgever",
                brieven.context_werkgever(
                    regels,
                    adres,
                    wid,
                    datum,
                    scenario,
                    peildatum,
                    [p for *_, p, _ in leden],
                    [r for *_, r in leden],
                ),
            )
        except brieven.BriefFout as e:
            niet.append((leden[0][0], wid, "werkgever", str(e)))
            continue
        brieven_.append(Brief("werkgever", wid, _bestandsnaam("werkgever", wid, gebruikt), html))
    return brieven_, niet


def _oude_brief(naam: str) -> bool:
    """A file an earlier ``brieven`` run wrote (letters, index, list of rows without letter)."""
    return naam in ("index.html", "niet_gemaakt.csv") or (
        re.fullmatch(r"(werknemer|werkgever)_[A-Za-z0-9_-]+\.(pdf|html)", naam) is not None
    )


def schrijf(
    brieven_: list[Brief],
    niet: list[tuple[int, str, str, str]],
    uit: Path,
    formaat: str = "pdf",
    draden: int | None = None,
    invoer: Path | None = None,
    voortgang: bool = False,
) -> None:
    """Write the letters, index.html and niet_gemaakt.csv into ``uit``: into a temporary
    folder first, moved into place when all are written; letters of an earlier run that this
    run does not write are removed (index.html lists exactly what is there). ``voortgang``:
    a progress bar on the terminal (the CLI asks for it on a terminal only)."""
    tijdelijk = uitmap.bereid(uit, invoer, ())
    with uitmap.bij_fout_opruimen(tijdelijk, uit):
        _schrijf(brieven_, niet, tijdelijk, formaat, draden, voortgang)
        oud = [p.name for p in uit.iterdir() if p.is_file() and _oude_brief(p.name)]
        uitmap.plaats(tijdelijk, uit, weg=oud)


def _schrijf(
    brieven_: list[Brief],
    niet: list[tuple[int, str, str, str]],
    uit: Path,
    formaat: str,
    draden: int | None,
    voortgang: bool = False,
) -> None:
    from wajong_conversie.voortgang import Voortgang

    if formaat == "pdf":
        # Typst lays out and writes a letter without Python's lock: one thread per core
        # (``draden``), each with its own compiler; the files are written here, in order.
        briefpdf.voorbereiden()
        with ThreadPoolExecutor(draden or os.cpu_count() or 1) as pool:
            pdfs = pool.map(briefpdf.naar_pdf, [b.html for b in brieven_])
            balk = Voortgang(len(brieven_), voortgang, eenheid="brieven")
            for brief, pdf in zip(brieven_, pdfs, strict=True):
                (uit / f"{brief.bestand}.pdf").write_bytes(pdf)
                balk.stap(1)
    else:
        balk = Voortgang(len(brieven_), voortgang, eenheid="brieven")
        for brief in brieven_:
            (uit / f"{brief.bestand}.html").write_text(brief.html, encoding="utf-8")
            balk.stap(1)
    balk.einde()
    with (uit / "niet_gemaakt.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["rij", "id", "brief", "reden"])
        for rij, sleutel, soort, reden in sorted(niet):
            w.writerow([rij, celveilig.tekst(sleutel or ""), soort, celveilig.tekst(reden)])
    (uit / "index.html").write_text(
        sjablonen.render(
            "brieven/index.html.j2",
            brieven=[
                {"soort": b.soort, "sleutel": b.sleutel, "bestand": f"{b.bestand}.{formaat}"}
                for b in brieven_
            ],
            aantal_werknemer=sum(b.soort == "werknemer" for b in brieven_),
            aantal_werkgever=sum(b.soort == "werkgever" for b in brieven_),
            aantal_niet=len(niet),
            datum=opmaak.datum(dt.date.today()),
        ),
        encoding="utf-8",
    )
