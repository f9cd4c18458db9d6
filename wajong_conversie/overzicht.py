"""The Excel files of a cohort run.

``overzicht.xlsx`` (default, small): what a person opens in Excel —
- ``samenvatting``: per scenario the counts, the flags and the key totals per month;
- ``werklijst``: the people behind the flags werknemer_achteruit, werknemer_buitenproportioneel
  and werkgever_achteruit (id, scenario, flags, change in net and gross income and in the
  employer's cost per month), largest net loss first, at most WERKLIJST_MAX per scenario with
  a note of how many there are in all;
- ``werkgevers``: the employers who pay more (the ranking of samenvatting.json).

``resultaten.xlsx`` (only with ``--xlsx-volledig``): every row of resultaten.parquet as a
worksheet, never beyond Excel's row limit (a note sheet says what was left out), written with
xlsxwriter's constant_memory mode from the Parquet file in batches.

Text is always written with ``write_string`` (an id like ``=HYPERLINK(…)`` stays text).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from wajong_conversie import bedragtekst, opmaak, tekstbytes
from wajong_conversie.geld import centen

EXCEL_MAX_RIJEN = 1_048_575  # data rows below the header
WERKLIJST_MAX = 1_000  # rows per scenario in the werklijst sheet (xlsxwriter: ~25 µs a cell)
WERKLIJST_SIGNALEN = (
    "werknemer_achteruit",
    "werknemer_buitenproportioneel",
    "werkgever_achteruit",
)
WERKLIJST_KOLOMMEN = ("scenario", "netto", "bruto", "werkgever", "wg", "positie", "vlaggen")
# severity: a worker who loses net income first, then an employer who pays more, then a worker
# whose gross income rises out of proportion; within each, the largest amount first
ERNST = {"werknemer_achteruit": 0, "werkgever_achteruit": 1, "werknemer_buitenproportioneel": 2}
WERKLIJST_CSV_KOLOMMEN = (
    "id",
    "naam",
    "scenario",
    "werkgever",
    "signalen",
    "verschil_netto_maand",
    "verschil_bruto_inkomen_maand",
    "verschil_werkgever_kosten_maand",
    "reden",
)


def ernst(signalen: dict[str, np.ndarray]) -> np.ndarray:
    """Per row the severity class: ERNST of its most severe flag (int8). Within a class the
    most severe comes first (see _volgorde): the largest net loss, the largest extra cost for
    the employer, the largest rise in gross income."""
    uit = np.full(len(next(iter(signalen.values()))), len(ERNST), dtype=np.int8)
    for code, rang in sorted(ERNST.items(), key=lambda kv: -kv[1]):
        uit[signalen[code]] = rang
    return uit


class Werklijst:
    """The flagged people of one scenario: every one of them (for werklijst.csv), the
    WERKLIJST_MAX most severe (for the report and the xlsx) and the count of all of them.
    Sorting is stable, so ties stay in input order."""

    def __init__(self) -> None:
        self.aantal = 0
        self._delen: list[pa.Table] = []
        self._alle: list[pa.Table] = []  # every flagged row, for werklijst.csv
        self._rijen = 0

    def voeg_toe(self, deel: pa.Table, aantal: int) -> None:
        """Add a batch's flagged rows (sorted, ties in input order: cohort.werklijst_deel) and
        the number of flagged rows in it."""
        self.aantal += aantal
        if not deel.num_rows:
            return
        # a batch comes sorted: only its first WERKLIJST_MAX rows can be among the first
        # WERKLIJST_MAX of the whole list (ties keep their order: earlier batches first)
        eerste = deel.slice(0, WERKLIJST_MAX)
        self._delen.append(eerste)
        self._alle.append(deel)
        self._rijen += eerste.num_rows
        if self._rijen > 2 * WERKLIJST_MAX:
            self._delen = [self._top()]
            self._rijen = self._delen[0].num_rows

    def hercodeer_werkgevers(self, hercodeer) -> None:
        """Apply ``hercodeer`` (int64 codes → the file's employer codes) to the column wg of
        every row kept (a file read in one pass learns its employer codes at the end)."""

        def nieuw(tabel: pa.Table) -> pa.Table:
            wg = hercodeer(tabel.column("wg").to_numpy().astype(np.int64))
            i = tabel.column_names.index("wg")
            return tabel.set_column(i, "wg", pa.array(wg.astype(np.int32)))

        self._delen = [nieuw(t) for t in self._delen]
        self._alle = [nieuw(t) for t in self._alle]

    def _top(self) -> pa.Table:
        tabel = pa.concat_tables(self._delen)
        return tabel.take(_volgorde(tabel).slice(0, WERKLIJST_MAX))

    def rijen(self) -> pa.Table | None:
        return self._top() if self._delen else None

    def alle(self) -> tuple[pa.Table, pa.Array] | None:
        """Every flagged row (batch by batch, not copied) and the order to show them in,
        most severe first (the same order as :meth:`rijen`)."""
        if not self._alle:
            return None
        tabel = pa.concat_tables(self._alle)
        return tabel, _volgorde(tabel)


def sorteersleutel(ernst_: np.ndarray, netto, bruto, kosten) -> np.ndarray:
    """One int64 per row that orders the werklijst: by ERNST, then within a class the largest
    net loss, the largest extra cost for the employer, the largest rise in gross income
    first. The class goes in the top bits, the amount (cents, |x| < 2^49: amounts are at most
    10^11 cents by RULES §1) below them."""
    bedrag = np.select([ernst_ == 0, ernst_ == 1], [netto, -kosten], -bruto)
    return (ernst_.astype(np.int64) << 50) + (bedrag + (1 << 49))


def vlagbits(signalen: dict[str, np.ndarray]) -> np.ndarray:
    """Per row the attention flags as bits, bit i = the i-th code of ERNST (int8)."""
    uit = np.zeros(len(next(iter(signalen.values()))), dtype=np.int8)
    for i, code in enumerate(ERNST):
        uit |= signalen[code].astype(np.int8) << i
    return uit


def _volgorde(tabel: pa.Table) -> pa.Array:
    """Most severe first (:func:`sorteersleutel`); a stable sort, so ties stay in the order of
    the table. The batches arrive sorted each (cohort.werklijst_deel), so the sort mostly
    merges runs."""
    return pa.array(np.argsort(tabel.column("sleutel").to_numpy(), kind="stable"))


def _bedrag(cent: int) -> Decimal:
    return Decimal(cent).scaleb(-2)


def _reden(codes: list[str], teksten: dict[str, str]) -> str:
    """The reason in words, with the person's own amounts (for the caseworker's list);
    ``teksten``: per flag the amount as text (the net loss, the extra cost, the rise)."""
    delen = [f"{voor}{teksten[code]}{na}" for code, voor, na in _REDEN_DELEN if code in codes]
    return "; ".join(delen).capitalize() if delen else ""


def werklijst_rijen(
    werklijsten: list[Werklijst],
    werkgevers: pa.Array | None = None,
    werkgever_namen: pa.Array | None = None,
    namen: pa.Array | pa.ChunkedArray | None = None,
    ids: pa.Array | pa.ChunkedArray | None = None,
) -> list[dict[str, Any]]:
    """THE werklijst: one dict per flagged person per scenario, most severe first within each
    scenario (see ERNST), as the report, werklijst.csv and the xlsx sheet show it. Amounts in
    cents; ``werkgever`` the employer's name, else its id, else ''; ``naam`` the worker's name
    from the column naam (personal: only in these outputs for the caseworker), else ''.
    ``namen`` and ``ids``: the file's names and ids, by a row's position (column positie)."""
    uit = []
    for nr, wl in enumerate(werklijsten, start=1):
        tabel = wl.rijen()
        if tabel is None:
            continue
        kolommen = {k: tabel.column(k).to_pylist() for k in WERKLIJST_KOLOMMEN}
        # only the employers of these rows as Python texts (a file may have ~500 000)
        wg_ids, wg_namen = _werkgevers_van(kolommen["wg"], werkgevers, werkgever_namen)
        positie = tabel.column("positie").to_numpy()
        persoon = _op_positie(namen, positie).to_pylist()
        id_ = _op_positie(ids, positie).to_pylist()
        bits = tabel.column("vlaggen").to_numpy()
        ernst_ = ernst({c: (bits >> _BIT[c] & 1).astype(bool) for c in ERNST}).tolist()
        bedragen = {  # per flag its amount, as text for all rows at once
            code: bedragtekst.dutch(tabel.column(k).to_numpy() * teken).to_pylist()
            for code, k, teken in (
                ("werknemer_achteruit", "netto", -1),
                ("werkgever_achteruit", "werkgever", 1),
                ("werknemer_buitenproportioneel", "bruto", 1),
            )
        }
        for i in range(tabel.num_rows):
            codes = list(_CODES[kolommen["vlaggen"][i]])
            wg = wg_namen[i] or wg_ids[i] or ""
            netto, bruto, kosten = (kolommen[k][i] for k in ("netto", "bruto", "werkgever"))
            uit.append(
                {
                    "nr": nr,
                    "id": id_[i] or "",
                    "naam": persoon[i] or "",
                    "scenario": kolommen["scenario"][i],
                    "werkgever": wg,
                    "signalen": codes,
                    "netto": netto,
                    "bruto": bruto,
                    "werkgever_kosten": kosten,
                    "ernst": ernst_[i],
                    "reden": _reden(codes, {c: t[i] for c, t in bedragen.items()}),
                }
            )
    return uit


def _op_positie(kolom: pa.Array | pa.ChunkedArray | None, positie: np.ndarray) -> pa.Array:
    """Per row the text of ``kolom`` at its position (the file's ids or names, possibly in
    pieces): one contiguous array; null for a row without a position (−1) or without the
    column."""
    n = len(positie)
    if kolom is None or not len(kolom):
        return pa.nulls(n, pa.string())
    plek = pa.array(np.maximum(positie, 0), mask=positie < 0)
    return tekstbytes.een_array(pc.take(kolom, plek))


def _werkgevers_van(
    codes: list[int | None], werkgevers: pa.Array | None, werkgever_namen: pa.Array | None
) -> tuple[list[str | None], list[str | None]]:
    """Per row the employer's id and name; None where the row has no employer (code None,
    negative or not among ``werkgevers``) or the employer no name."""
    n = len(werkgevers) if werkgevers is not None else 0

    def neem(kolom: pa.Array | None) -> list[str | None]:
        grens = min(n, len(kolom)) if kolom is not None else 0
        plek = [c if c is not None and 0 <= c < grens else None for c in codes]
        if not grens:
            return [None] * len(codes)
        return kolom.take(pa.array(plek, pa.int64())).to_pylist()

    return neem(werkgevers), neem(werkgever_namen)


# the reason in words per flag, around the person's own amount (as _reden)
_REDEN_DELEN = (
    ("werknemer_achteruit", "netto ", " per maand minder"),
    ("werkgever_achteruit", "werkgever betaalt ", " per maand meer"),
    ("werknemer_buitenproportioneel", "bruto inkomen ", " per maand hoger, buiten verhouding"),
)
# the bit of each flag in vlagbits (bit i = the i-th code of ERNST), and the flags of a
# werklijst row as text per pattern of those bits, in the order of RULES §7 (WERKLIJST_SIGNALEN:
# as resultaten.csv, the report and the xlsx write them)
_BIT = {code: i for i, code in enumerate(ERNST)}
_CODES = [tuple(c for c in WERKLIJST_SIGNALEN if p >> _BIT[c] & 1) for p in range(1 << len(ERNST))]
_PATRONEN = [";".join(codes) for codes in _CODES]


WERKLIJST_STUK = 65_536  # rows of werklijst.csv built at once (bounded memory)


def werklijst_tabel(
    werklijsten: list[Werklijst],
    werkgevers: pa.Array | None = None,
    werkgever_namen: pa.Array | None = None,
    namen: pa.Array | None = None,
    ids: pa.Array | None = None,
) -> pa.Table:
    """All of :func:`werklijst_stukken` as one table."""
    return pa.concat_tables(
        list(werklijst_stukken(werklijsten, werkgevers, werkgever_namen, namen, ids))
    )


def werklijst_stukken(
    werklijsten: list[Werklijst],
    werkgevers: pa.Array | None = None,
    werkgever_namen: pa.Array | None = None,
    namen: pa.Array | None = None,
    ids: pa.Array | None = None,
):
    """werklijst.csv: EVERY flagged person per scenario (not only the WERKLIJST_MAX of the
    report and the xlsx), in the same order and with the same columns and reason as
    :func:`werklijst_rijen`, built column by column."""

    from collections import deque
    from concurrent.futures import ThreadPoolExecutor

    # the employer as the list shows it, once for the file: its name, else its id
    if werkgevers is not None and len(werkgevers) and werkgever_namen is not None:
        werkgevers = pc.if_else(
            pc.fill_null(pc.not_equal(werkgever_namen, ""), False), werkgever_namen, werkgevers
        )

    def taken():
        for wl in werklijsten:
            alle = wl.alle()
            if alle is None:
                continue
            tabel, volgorde = alle
            for begin, grootte in _stukken(len(volgorde)):
                deel = volgorde.slice(begin, grootte)
                yield lambda t=tabel, d=deel: _werklijst_stuk(t.take(d), werkgevers, namen, ids)

    # pieces built on two threads (Arrow and numpy leave the interpreter free), handed on in
    # order; at most three in flight, so memory stays bounded
    leeg = True
    with ThreadPoolExecutor(2) as pool:
        onderweg: deque = deque()
        for taak in taken():
            leeg = False
            onderweg.append(pool.submit(taak))
            if len(onderweg) >= 3:
                yield onderweg.popleft().result()
        while onderweg:
            yield onderweg.popleft().result()
    if leeg:
        yield pa.table(
            {
                k: pa.array([], pa.decimal128(18, 2) if k.startswith("verschil_") else pa.string())
                for k in WERKLIJST_CSV_KOLOMMEN
            }
        )


def _stukken(n: int) -> list[tuple[int, int]]:
    """(begin, size) of the pieces of n rows: at most WERKLIJST_STUK rows each, of equal
    size, and an even number of them from 8 192 rows on (two threads build them)."""
    aantal = -(-n // WERKLIJST_STUK)
    if aantal % 2 and n >= 8_192:
        aantal += 1
    grootte = -(-n // max(aantal, 1))
    return [(begin, min(grootte, n - begin)) for begin in range(0, n, max(grootte, 1))]


def _werklijst_stuk(
    tabel: pa.Table, werkgevers: pa.Array | None, namen: pa.Array | None, ids: pa.Array | None
) -> pa.Table:
    """A piece of werklijst.csv. ``werkgevers``: per employer code the text to show (its name,
    else its id); ``namen``, ``ids``: the file's, by position."""
    from wajong_conversie import celveilig
    from wajong_conversie.cohort import decimalen

    n = tabel.num_rows
    wg = tabel.column("wg").to_numpy()
    werkgever = pa.nulls(n, pa.string())
    if werkgevers is not None and len(werkgevers):
        werkgever = pc.take(werkgevers, pa.array(np.where(wg >= 0, wg, 0), mask=wg < 0))
    positie = tabel.column("positie").to_numpy()
    persoon = _op_positie(namen, positie)
    # only the attention flags, in the order of RULES §7 (as werklijst_rijen): the text of
    # each of the 2^3 patterns of bits made once, the column a dictionary on them
    bits = tabel.column("vlaggen").to_numpy()
    codes = pa.DictionaryArray.from_arrays(
        pa.array(bits.astype(np.int32)), pa.array(_PATRONEN)
    ).cast(pa.string())
    bedragen = {
        "werknemer_achteruit": -tabel.column("netto").to_numpy(),
        "werkgever_achteruit": tabel.column("werkgever").to_numpy(),
        "werknemer_buitenproportioneel": tabel.column("bruto").to_numpy(),
    }
    # each part of the reason with its words around the amount, null where its flag is not
    # set (bedragtekst.dutch); joined with '; ', skipping the nulls. Our own lower-case text:
    # only its first letter changes, and it is ASCII (the byte-wise ascii_capitalize leaves
    # '€' and the no-break space as they are)
    reden = pc.ascii_capitalize(
        pc.binary_join_element_wise(
            *[
                bedragtekst.dutch(bedragen[code], (bits >> _BIT[code] & 1).astype(bool), voor, na)
                for code, voor, na in _REDEN_DELEN
            ],
            "; ",
            null_handling="skip",
        )
    )

    geld = {k: decimalen(tabel.column(k).to_numpy()) for k in ("netto", "bruto", "werkgever")}
    return pa.table(
        {
            "id": celveilig.kolom(pc.fill_null(_op_positie(ids, positie), "")),
            "naam": celveilig.kolom(pc.fill_null(persoon, "")),
            "scenario": celveilig.kolom(
                tabel.column("scenario").combine_chunks().cast(pa.string())
            ),
            "werkgever": celveilig.kolom(pc.fill_null(werkgever, "")),
            "signalen": codes,
            "verschil_netto_maand": geld["netto"],
            "verschil_bruto_inkomen_maand": geld["bruto"],
            "verschil_werkgever_kosten_maand": geld["werkgever"],
            # our own text, starting with a capital letter: never read as a formula
            "reden": pc.fill_null(reden, ""),
        }
    )


def schrijf_werklijst_csv(pad: Path, stukken) -> None:
    """werklijst.csv from :func:`werklijst_stukken` (a table or its pieces; text cells are
    already formula-safe)."""
    import pyarrow.csv as pacsv

    if isinstance(stukken, pa.Table):
        stukken = [stukken]
    # Arrow's own file: writing into a Python file object, the writer needs the interpreter
    # for every block, and waits for it while the xlsx is being written (~0,2 s)
    with pa.OSFile(str(pad), "wb") as f:
        f.write((",".join(WERKLIJST_CSV_KOLOMMEN) + "\n").encode())
        for stuk in stukken:
            pacsv.write_csv(
                stuk.select(list(WERKLIJST_CSV_KOLOMMEN)),
                f,
                pacsv.WriteOptions(include_header=False, quoting_style="needed"),
            )


def _werkgevers_zin(wg: dict[str, Any]) -> str:
    """'648 van 842 werkgevers betalen meer; samen € 127.676,34 per maand. De 20 grootste:'"""
    meer = wg["aantal_meer_kosten"]
    if not meer:
        return f"Geen van de {opmaak.aantal(wg['aantal'], 'werkgever', 'werkgevers')} betaalt meer."
    getoond = len(wg["ranglijst"])
    return (
        f"{opmaak.getal(meer)} van {opmaak.aantal(wg['aantal'], 'werkgever', 'werkgevers')} "
        f"{'betaalt' if meer == 1 else 'betalen'} meer; samen "
        f"{opmaak.bedrag(centen(wg['meer_kosten_per_maand']))} per maand. "
        + ("Per werkgever, de grootste eerst:" if getoond >= meer else f"De {getoond} grootste:")
    )


def schrijf_overzicht(
    pad: Path,
    samenvatting: dict[str, Any],
    werklijsten: list[Werklijst],
    rijen: list[dict[str, Any]] | None = None,
):
    """``rijen``: the werklijst as :func:`werklijst_rijen` made it (with employer names)."""
    import xlsxwriter

    # a small workbook (~10 000 cells): its texts in one shared table, not inline per cell
    # (constant_memory, for resultaten.xlsx): ~15 % faster, and the file smaller
    boek = xlsxwriter.Workbook(str(pad), {"strings_to_formulas": False})
    vet = boek.add_format({"bold": True})
    geld = boek.add_format({"num_format": "#,##0.00"})

    blad = boek.add_worksheet("werklijst")
    koppen = (
        "id",
        "naam",
        "scenario",
        "werkgever",
        "signalen",
        "netto per maand (verschil)",
        "bruto per maand (verschil)",
        "kosten werkgever per maand (verschil)",
        "reden",
    )
    r = 0
    for wl, sc in zip(werklijsten, samenvatting["scenarios"], strict=True):
        if wl.aantal > WERKLIJST_MAX:
            blad.write_string(
                r,
                0,
                f"Scenario '{sc['scenario']['naam']}': "
                f"{opmaak.aantal(wl.aantal, 'werknemer', 'werknemers')} met een signaal; hier de "
                f"{opmaak.getal(WERKLIJST_MAX)} die het meest aandacht nodig hebben. Allemaal "
                "staan ze in werklijst.csv.",
            )
        else:
            blad.write_string(
                r,
                0,
                f"Scenario '{sc['scenario']['naam']}': "
                f"{opmaak.aantal(wl.aantal, 'werknemer', 'werknemers')} met een signaal.",
            )
        r += 1
    r += 1
    for j, kop in enumerate(koppen):
        blad.write_string(r, j, kop, vet)
    r += 1
    for rij in rijen if rijen is not None else werklijst_rijen(werklijsten):
        for j, k in enumerate(("id", "naam", "scenario", "werkgever")):
            blad.write_string(r, j, rij[k])
        blad.write_string(r, 4, ";".join(rij["signalen"]))
        for j, k in enumerate(("netto", "bruto", "werkgever_kosten"), start=5):
            blad.write_number(r, j, _bedrag(rij[k]), geld)
        blad.write_string(r, 8, rij["reden"])
        r += 1
    blad.set_column(0, 4, 24)
    blad.set_column(5, 7, 20)
    blad.set_column(8, 8, 60)

    blad = boek.add_worksheet("samenvatting")
    r = 0
    for naam, waarde in (
        ("Bestand", samenvatting["bestand"]),
        ("Ingelezen rijen", samenvatting["aantal_ingelezen"]),
        ("Berekend", samenvatting["aantal_berekend"]),
        ("Afgewezen (zie afgewezen.csv)", samenvatting["aantal_afgewezen"]),
    ):
        blad.write_string(r, 0, naam, vet)
        if isinstance(waarde, int):
            blad.write_number(r, 1, waarde)
        else:
            blad.write_string(r, 1, str(waarde))
        r += 1
    if not samenvatting["aantal_berekend"]:
        blad.write_string(r, 0, "Geen enkele rij kon worden berekend; zie afgewezen.csv.")
        r += 1
    for sc in samenvatting["scenarios"]:
        r += 1
        blad.write_string(r, 0, f"Scenario: {sc['scenario']['naam']}", vet)
        r += 1
        blad.write_string(r, 0, "Werknemers berekend")
        blad.write_number(r, 1, sc["aantal"])
        r += 1
        for code, aantal in sc["signalen"].items():
            blad.write_string(r, 0, sc["signaal_titels"].get(code, code))
            blad.write_number(r, 1, aantal)
            r += 1
        r = _huishouden(blad, r, sc)
        for j, kop in enumerate(("Per maand, alle werknemers", "vandaag", "met LKS", "verschil")):
            blad.write_string(r, j, kop, vet)
        r += 1
        for sleutel, drie in sc["totalen"]["per_maand"].items():
            blad.write_string(r, 0, sleutel.replace("_", " "))
            for j, kant in enumerate(("huidig", "nieuw", "verschil"), start=1):
                blad.write_number(r, j, Decimal(drie[kant]), geld)
            r += 1
    blad.set_column(0, 0, 48)
    blad.set_column(1, 3, 16)

    blad = boek.add_worksheet("werkgevers")
    r = 0
    for sc in samenvatting["scenarios"]:
        wg = sc["werkgevers"]
        blad.write_string(r, 0, f"Scenario: {sc['scenario']['naam']}", vet)
        r += 1
        if wg["aantal"] is None:
            blad.write_string(r, 0, "Het bestand heeft geen kolom werkgever_id.")
            r += 2
            continue
        blad.write_string(r, 0, _werkgevers_zin(wg))
        r += 1
        if not wg["ranglijst"]:
            r += 1
            continue
        koppen = ("werkgever_id", "naam", "werknemers", "meerkosten per maand", "per jaar")
        for j, kop in enumerate(koppen):
            blad.write_string(r, j, kop, vet)
        r += 1
        for w in wg["ranglijst"]:
            blad.write_string(r, 0, w["werkgever_id"])
            blad.write_string(r, 1, w["werkgever_naam"] or "")
            blad.write_number(r, 2, w["aantal_werknemers"])
            blad.write_number(r, 3, Decimal(w["meerkosten_per_maand"]), geld)
            blad.write_number(r, 4, Decimal(w["meerkosten_per_maand"]) * 12, geld)
            r += 1
        r += 1
    blad.set_column(0, 1, 28)
    blad.set_column(2, 4, 20)
    boek.close()


def _huishouden(blad, r: int, sc: dict[str, Any]) -> int:
    """Issue 11: the counts of the report's household part (rows with a household only)."""
    from wajong_conversie import rapporthuishouden

    hh = sc.get("huishouden") or {}
    if not hh.get("aantal_met_huishouden"):
        return r
    blad.write_string(r, 0, "Werknemers met een bekend huishouden")
    blad.write_number(r, 1, hh["aantal_met_huishouden"])
    r += 1
    for sleutel, label in rapporthuishouden.RIJEN:
        if sleutel in hh:  # the flags are in the rows above already
            blad.write_string(r, 0, label)
            blad.write_number(r, 1, hh[sleutel])
            r += 1
    return r


def schrijf_volledig(parquet: Path, pad: Path) -> int:
    """resultaten.parquet as a worksheet (numbers as numbers), up to Excel's row limit, in
    batches (bounded memory). Returns the rows written."""
    import pyarrow.parquet as pq
    import xlsxwriter

    bestand = pq.ParquetFile(parquet)
    totaal = bestand.metadata.num_rows
    namen = bestand.schema_arrow.names
    tekst = {j for j, veld in enumerate(bestand.schema_arrow) if pa.types.is_string(veld.type)}
    boek = xlsxwriter.Workbook(str(pad), {"constant_memory": True, "strings_to_formulas": False})
    blad = boek.add_worksheet("resultaten")
    geld = boek.add_format({"num_format": "#,##0.00"})
    kop = boek.add_format({"bold": True})
    for j, naam in enumerate(namen):
        blad.write_string(0, j, naam, kop)
    i = 0
    for batch in bestand.iter_batches(batch_size=20_000):
        neem = min(batch.num_rows, EXCEL_MAX_RIJEN - i)
        if neem <= 0:
            break
        kolommen = [batch.column(j).slice(0, neem).to_pylist() for j in range(len(namen))]
        for waarden in zip(*kolommen, strict=True):
            i += 1
            for j, w in enumerate(waarden):
                if j in tekst:
                    blad.write_string(i, j, w or "")
                elif w is None:  # a household amount that was not computed (issue 11)
                    continue
                else:
                    blad.write_number(i, j, w, geld)
    if totaal > i:
        noot = boek.add_worksheet("let op")
        noot.write_string(
            0,
            0,
            f"Excel heeft ruimte voor {EXCEL_MAX_RIJEN} rijen; de overige {totaal - i} rijen "
            "staan alleen in resultaten.csv en resultaten.parquet.",
        )
    boek.close()
    return i
