"""Reading a cohort file (CSV or .xlsx) into checked column batches, losing nothing.

Every data row ends up either in a batch of valid cases (an :class:`Invoer` with its row
numbers and ids) or as a rejection (row number, id if readable, field, Dutch reason). Row
numbers count as in a spreadsheet: the header is row 1, the first data row is row 2.

A file that cannot be read at all (not UTF-8, no header, a required column missing) raises
:class:`BestandFout` with one clear message. Parsing is columnar (pyarrow compute), exact
(amounts become integer cents through their digits, never through float) and uses the same
Dutch messages and the same range checks (:func:`validatie.controleer`) as a single case.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from wajong_conversie import getallen, validatie
from wajong_conversie.geld import centen, centiuren, ppm
from wajong_conversie.getallen import JA, NEE
from wajong_conversie.model import REGIMES, Invoer
from wajong_conversie.validatie import BRIEFVELDEN, OPTIONEEL, VERPLICHT

PERSOONSKOLOMMEN = BRIEFVELDEN
KOLOMMEN = ("id",) + VERPLICHT + tuple(OPTIONEEL) + PERSOONSKOLOMMEN
# the columns the calculation reads; names, addresses and BSNs stay in the file (letters)
NODIG = frozenset(("id",) + VERPLICHT + tuple(OPTIONEEL))
WERKGEVER = ("werkgever_id", "werkgever_naam")
BATCH_RIJEN = 25_000  # rows per batch of an .xlsx file
BLOK = 4 << 20  # bytes per batch of a CSV file (about 20 000 rows)

STANDAARD = {  # RULES §1 defaults of the optional fields (validatie.OPTIONEEL), engine units
    "voltijd_uren_per_week": centiuren(OPTIONEEL["voltijd_uren_per_week"]),
    "overige_inkomsten_per_maand": centen(OPTIONEEL["overige_inkomsten_per_maand"]),
    "werkgeverslasten_percentage": ppm(OPTIONEEL["werkgeverslasten_percentage"]),
    "loondispensatie_uitzondering": OPTIONEEL["loondispensatie_uitzondering"],
}


class BestandFout(Exception):
    """The file as a whole cannot be used; the message is Dutch and names the problem."""


@attrs.frozen
class Afwijzing:
    rij: int
    id: str | None
    veld: str
    reden: str


@attrs.frozen
class Partij:
    """One batch of valid cases, with where they came from."""

    rijen: np.ndarray  # int64 row numbers
    ids: pa.Array  # string
    invoer: Invoer
    werkgever: np.ndarray | None  # employer code per row (index into Bron.werkgevers), −1: none


@attrs.define
class Bron:
    """An opened cohort file: its columns, its ids (for duplicates and the row count) and a
    stream of raw string batches."""

    pad: Path
    kolommen: list[str]
    ids: pa.Array  # the id column of every well-formed row, trimmed
    # each item, when called (on a worker thread), gives (row numbers, positions among the
    # well-formed rows, the strings of the needed columns)
    batches: Iterator[Callable[[], tuple[np.ndarray, np.ndarray, pa.RecordBatch]]]
    kapot: list[Afwijzing]  # rows that could not be split into fields (CSV)
    werkgever_code: np.ndarray | None = None  # per well-formed row; −1 without werkgever_id
    werkgevers: pa.Array | None = None  # distinct werkgever_id values (code → id)
    werkgever_namen: pa.Array | None = None  # code → the name on its first row

    def codeer_werkgevers(self, ids: pa.Array, namen: pa.Array | None) -> None:
        """Employers as integer codes, so per-employer sums are exact integer adds."""
        gecodeerd = pc.dictionary_encode(pc.utf8_trim_whitespace(ids))
        code = np.asarray(gecodeerd.indices.to_numpy(zero_copy_only=False), dtype=np.int64)
        woordenboek = gecodeerd.dictionary
        leeg = pc.index_in(pa.array([""]), value_set=woordenboek)[0].as_py()
        eerste = np.unique(code, return_index=True)[1]
        if leeg is not None:
            code = np.where(code == leeg, -1, code)
        self.werkgever_code = code
        self.werkgevers = woordenboek
        self.werkgever_namen = (
            pc.utf8_trim_whitespace(namen).take(pa.array(eerste)) if namen is not None else None
        )

    @property
    def aantal(self) -> int:
        """Data rows in the file, the malformed ones included."""
        return len(self.ids) + len(self.kapot)

    def dubbele_ids(self) -> pa.Array:
        gevuld = self.ids.filter(pc.not_equal(self.ids, ""))
        if len(pc.unique(gevuld)) == len(gevuld):
            return pa.array([], pa.string())
        telling = pc.value_counts(gevuld)
        meer = pc.greater(telling.field("counts"), 1)
        return telling.field("values").filter(meer)


# --- opening ------------------------------------------------------------------------------------


def controleer_kolommen(kolommen: list[str], peildatum_opgelegd: bool) -> list[str]:
    """Required columns present, no near-miss typos; returns the ignored columns."""
    if not kolommen or all(k == "" for k in kolommen):
        raise BestandFout("het bestand heeft geen kopregel met kolomnamen")
    dubbel = sorted({k for k in kolommen if kolommen.count(k) > 1})
    if dubbel:
        raise BestandFout(f"kolom(men) komen dubbel voor: {', '.join(dubbel)}")
    genegeerd = [k for k in kolommen if k not in KOLOMMEN]
    for k in genegeerd:
        lijkt = difflib.get_close_matches(k, KOLOMMEN, n=1, cutoff=0.8)
        if lijkt:
            raise BestandFout(f"onbekende kolom '{k}'; bedoelt u '{lijkt[0]}'?")
    nodig = ("id",) + tuple(v for v in VERPLICHT if not (v == "peildatum" and peildatum_opgelegd))
    ontbreekt = [k for k in nodig if k not in kolommen]
    if ontbreekt:
        raise BestandFout(
            f"verplichte kolom(men) ontbreken: {', '.join(ontbreekt)}. Nodig zijn: "
            f"{', '.join(nodig)}"
        )
    return genegeerd


def cel_tekst(waarde) -> str:
    """An Excel cell as the text the CSV path would have read."""
    if waarde is None:
        return ""
    if isinstance(waarde, bool):
        return "true" if waarde else "false"
    if isinstance(waarde, dt.datetime):
        return waarde.date().isoformat()
    if isinstance(waarde, dt.date):
        return waarde.isoformat()
    if isinstance(waarde, float):
        return repr(waarde)  # the shortest text of the cell's number, read exactly later
    return str(waarde)


def scheidingsteken(kopregel: str) -> str:
    return ";" if kopregel.count(";") > kopregel.count(",") else ","


def _blokken(pad: Path, begin: int):
    """The data part of a CSV file in pieces of about BLOK bytes (smaller for a small file, so
    both threads get work), each ending at a line break outside quotes (a quoted field may hold
    a line break; a doubled quote keeps the count)."""
    grootte = min(BLOK, max(BLOK // 8, pad.stat().st_size // 8))
    with pad.open("rb") as f:
        f.seek(begin)
        rest = b""
        while True:
            data = f.read(grootte)
            if not data:
                if rest.strip():
                    yield rest
                return
            buf = rest + data
            if b'"' not in buf:
                einde = buf.rfind(b"\n")
            else:  # the last line break with an even number of quotes before it
                bytes_ = np.frombuffer(buf, dtype=np.uint8)
                open_ = np.cumsum(bytes_ == 34) % 2 == 1
                regels = np.flatnonzero((bytes_ == 10) & ~open_)
                einde = int(regels[-1]) if len(regels) else -1
            if einde < 0:
                rest = buf
                continue
            rest = buf[einde + 1 :]
            yield buf[: einde + 1]


def open_csv(pad: Path) -> Bron:
    try:
        with pad.open("rb") as f:
            begin = f.read(1 << 16)
    except OSError as e:
        raise BestandFout(
            f"het bestand {pad.name} kan niet worden gelezen ({e.strerror})"
        ) from None
    bom = 3 if begin.startswith(b"\xef\xbb\xbf") else 0
    eerste_regel = begin[bom:].split(b"\n", 1)[0]
    try:
        kop = eerste_regel.decode("utf-8")
    except UnicodeDecodeError:
        raise BestandFout(
            f"{pad.name} is geen UTF-8-tekst; sla het bestand op als CSV UTF-8"
        ) from None
    if not kop.strip():
        raise BestandFout(f"{pad.name} is leeg of heeft geen kopregel")
    teken = scheidingsteken(kop)
    kolommen = [k.strip().strip('"').strip().lower() for k in kop.rstrip("\r").split(teken)]
    data_begin = bom + len(eerste_regel) + 1
    nodig = [k for k in kolommen if k in NODIG]

    def lees(blok: bytes, kolommen_in: list[str], bij_fout) -> pa.Table:
        return pacsv.read_csv(
            pa.BufferReader(blok),
            read_options=pacsv.ReadOptions(
                column_names=kolommen, use_threads=False, block_size=len(blok) + 1
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=teken, newlines_in_values=True, invalid_row_handler=bij_fout
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={k: pa.string() for k in kolommen_in},
                include_columns=kolommen_in,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )

    # first pass, the id and employer columns only: malformed rows (by number), duplicate
    # ids, employer codes, the row count. Pieces are parsed on two threads.
    eerste_kolommen = ["id"] + [k for k in WERKGEVER if k in kolommen]

    def eerste(blok: bytes):
        slecht: list[tuple[int, int, int]] = []

        def ongeldig(rij) -> str:
            slecht.append((int(rij.number), rij.actual_columns, rij.expected_columns))
            return "skip"

        return lees(blok, eerste_kolommen, ongeldig), slecht

    kapot: list[Afwijzing] = []
    blok_rijen: list[int] = []  # well-formed rows per piece
    ids_delen, wg_delen, naam_delen = [], [], []
    voor = 0  # records (rows) before the current piece
    try:
        with ThreadPoolExecutor(2) as pool:
            onderweg: deque = deque()

            def klaar(toekomst) -> None:
                nonlocal voor
                tabel, slecht = toekomst.result()
                deel = tabel.column("id")
                ids_delen.append(
                    pc.utf8_trim_whitespace(deel.combine_chunks())
                    if deel.num_chunks
                    else pa.array([], pa.string())
                )
                if "werkgever_id" in kolommen:
                    wg_delen.append(tabel.column("werkgever_id").combine_chunks())
                if "werkgever_naam" in kolommen:
                    naam_delen.append(tabel.column("werkgever_naam").combine_chunks())
                kapot.extend(
                    Afwijzing(
                        1 + voor + nummer,
                        None,
                        "rij",
                        f"de rij heeft {werkelijk} velden in plaats van {verwacht}",
                    )
                    for nummer, werkelijk, verwacht in slecht
                )
                voor += len(deel) + len(slecht)
                blok_rijen.append(len(deel))

            for blok in _blokken(pad, data_begin):
                onderweg.append(pool.submit(eerste, blok))
                while len(onderweg) >= 3:
                    klaar(onderweg.popleft())
            while onderweg:
                klaar(onderweg.popleft())
    except pa.ArrowInvalid as e:
        raise _arrow_fout(pad, e) from None
    ids = pa.concat_arrays(ids_delen) if ids_delen else pa.array([], pa.string())
    leeg = pa.array([], pa.string())
    werkgever_ids = pa.concat_arrays(wg_delen or [leeg]) if "werkgever_id" in kolommen else None
    werkgever_namen = (
        pa.concat_arrays(naam_delen or [leeg]) if "werkgever_naam" in kolommen else None
    )
    nummers_slecht = np.array(sorted(a.rij for a in kapot), dtype=np.int64)
    verschoven = nummers_slecht - np.arange(len(nummers_slecht), dtype=np.int64)

    def overslaan(rij) -> str:
        return "skip"

    def stuk(blok: bytes, gezien: int, aantal: int):
        """Parse one piece (on a worker thread); its row numbers follow from the first pass."""
        tabel = lees(blok, nodig, overslaan)
        if tabel.num_rows != aantal:
            raise BestandFout(f"{pad.name} is tijdens het lezen veranderd")
        batch = tabel.combine_chunks().to_batches(max_chunksize=max(aantal, 1))
        batch = (
            batch[0]
            if batch
            else pa.RecordBatch.from_pydict({k: pa.array([], pa.string()) for k in nodig})
        )
        # x = k + 2 + #{malformed s ≤ x}; with t_j = s_j − j that is #{t ≤ k + 2}
        k = np.arange(gezien, gezien + aantal, dtype=np.int64)
        nummers = k + 2 + np.searchsorted(verschoven, k + 2, side="right")
        return nummers, k, batch

    def batches():
        gezien = 0  # well-formed data rows before this piece
        for blok, aantal in zip(_blokken(pad, data_begin), blok_rijen, strict=True):
            yield functools.partial(stuk, blok, gezien, aantal)
            gezien += aantal

    bron = Bron(pad, kolommen, ids, batches(), kapot)
    if werkgever_ids is not None:
        bron.codeer_werkgevers(werkgever_ids, werkgever_namen)
    return bron


def _arrow_fout(pad: Path, e: Exception) -> BestandFout:
    tekst = str(e)
    if "UTF8" in tekst or "utf8" in tekst.lower():
        return BestandFout(f"{pad.name} is geen UTF-8-tekst; sla het bestand op als CSV UTF-8")
    return BestandFout(f"{pad.name} kan niet als CSV worden gelezen: {tekst.splitlines()[0]}")


def open_xlsx(pad: Path) -> Bron:
    """The first sheet of an .xlsx; cells become the text the CSV path would have read."""
    try:
        import openpyxl

        boek = openpyxl.load_workbook(pad, read_only=True, data_only=True)
    except Exception as e:  # openpyxl raises many kinds for a file that is not .xlsx
        raise BestandFout(
            f"{pad.name} kan niet als Excel-bestand (.xlsx) worden gelezen: {e}"
        ) from None
    blad = boek.worksheets[0]
    rijen = blad.iter_rows(values_only=True)
    kop = next(rijen, None)
    if kop is None:
        raise BestandFout(f"{pad.name} is leeg of heeft geen kopregel")
    kolommen = [("" if k is None else str(k)).strip().lower() for k in kop]

    blokken = []
    nummer = 1
    for rij in rijen:
        nummer += 1
        waarden = [cel_tekst(w) for w in rij]
        if any(waarden):
            blokken.append((nummer, waarden))
    boek.close()
    breedte = len(kolommen)
    data = {
        k: pa.array([(r[j] if j < len(r) else "") for _, r in blokken], type=pa.string())
        for j, k in enumerate(kolommen[:breedte])
    }
    nummers = np.array([n for n, _ in blokken], dtype=np.int64)
    tabel = pa.table(data) if data else pa.table({})
    ids = (
        pc.utf8_trim_whitespace(tabel.column("id").combine_chunks())
        if "id" in data
        else (pa.array([], pa.string()))
    )

    def batches():
        for begin in range(0, len(nummers), BATCH_RIJEN):
            deel = tabel.slice(begin, BATCH_RIJEN).combine_chunks().to_batches()
            if deel:
                posities = np.arange(begin, begin + deel[0].num_rows, dtype=np.int64)
                klaar = (nummers[begin : begin + BATCH_RIJEN], posities, deel[0])
                yield functools.partial(lambda x: x, klaar)

    bron = Bron(pad, kolommen, ids, batches(), [])
    if "werkgever_id" in data:
        bron.codeer_werkgevers(
            tabel.column("werkgever_id").combine_chunks(),
            tabel.column("werkgever_naam").combine_chunks() if "werkgever_naam" in data else None,
        )
    return bron


def open_bestand(pad: Path) -> Bron:
    if not pad.exists():
        raise BestandFout(f"het bestand {pad} bestaat niet")
    if pad.is_dir():
        raise BestandFout(f"{pad} is een map, geen bestand")
    if pad.suffix.lower() == ".xlsx":
        return open_xlsx(pad)
    if pad.suffix.lower() in (".csv", ".txt"):
        return open_csv(pad)
    raise BestandFout(f"{pad.name}: gebruik een .csv- of .xlsx-bestand")


# --- parsing one batch --------------------------------------------------------------------------


@attrs.define
class _Fouten:
    """Problems per row of a batch (only rows with a problem are stored)."""

    n: int
    velden: dict[int, list[str]] = attrs.field(factory=dict)
    redenen: dict[int, list[str]] = attrs.field(factory=dict)

    def meld(self, masker: np.ndarray, veld: str, reden) -> None:
        for i in np.flatnonzero(masker):
            i = int(i)
            self.velden.setdefault(i, []).append(veld)
            self.redenen.setdefault(i, []).append(reden(i) if callable(reden) else reden)

    def fout(self) -> np.ndarray:
        masker = np.zeros(self.n, dtype=bool)
        masker[list(self.velden)] = True
        return masker


def _np(arr: pa.Array) -> np.ndarray:
    return np.asarray(arr.to_numpy(zero_copy_only=False))


def _onvervormd(decimaal: pa.Array) -> np.ndarray:
    """The unscaled integers of a decimal128 array (its low 64 bits; values are < 10^18)."""
    woorden = np.frombuffer(decimaal.buffers()[1], dtype=np.int64)
    begin = 2 * decimaal.offset
    return woorden[begin : begin + 2 * len(decimaal) : 2].copy()


def _getal(kolom: pa.Array, soort: getallen.Soort, leeg: np.ndarray):
    """Exact integers (value × 10^decimalen) from text; returns (values, valid mask).

    Every cell is judged on its own by the grammar of :mod:`getallen`, whatever the other rows
    hold, and only valid cells are converted, exactly ('14,71' and '14.71' both read as 1471
    with two decimals, never through float). Empty cells are valid zeros here; the caller
    decides whether empty is allowed.

    Two ways to the same per-cell verdict (tests check they never differ): usually the whole
    column converts as decimal128 and a few cheap checks refuse what Arrow accepts but the
    grammar does not (an exponent, no digit before or after the separator, more decimals than
    allowed, 10^9 or more); if the conversion fails somewhere, the grammar's regular
    expression judges every cell and only the valid ones are converted."""
    d = soort.decimalen
    tekst = pc.if_else(pa.array(leeg), "0", kolom)
    komma = pc.any(pc.match_substring(tekst, ",")).as_py()
    punt = pc.replace_substring(tekst, ",", ".") if komma else tekst
    try:
        waarde = _onvervormd(pc.cast(punt, pa.decimal128(18, d)))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        waarde = None
    if waarde is not None:  # only ASCII digits, at most one '.', a sign, maybe an exponent
        exponent, plek, lengte, teken = _vorm(punt)
        decimalen = lengte - plek - 1
        # (a text with both ',' and '.' has two points now, and did not convert)
        geldig = (
            ~exponent
            & ((plek < 0) | ((plek - teken >= 1) & (decimalen >= 1) & (decimalen <= d)))
            & (np.abs(waarde) < 10 ** (getallen.MAX_HEEL_CIJFERS + d))
        )
        return np.where(geldig, waarde, 0), geldig
    # the grammar of getallen.GETAL with its limits: at most MAX_HEEL_CIJFERS digits before
    # the separator (leading zeros not counted) and at most `d` after it
    patroon = rf"^[+-]?0*[0-9]{{1,{getallen.MAX_HEEL_CIJFERS}}}(?:[.,][0-9]{{1,{d}}})?$"
    geldig = pc.match_substring_regex(tekst, patroon)
    veilig = pc.if_else(geldig, punt, "0")
    waarde = _onvervormd(pc.cast(veilig, pa.decimal128(18, d)))
    return waarde, _np(geldig)


def _vorm(tekst: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The shape of every text of a column that converted as decimal128 (so ASCII, at most
    one '.'), straight from Arrow's buffers: (has an e or E, position of the '.' or −1,
    length, starts with a sign)."""
    n = len(tekst)
    soort = np.int64 if pa.types.is_large_string(tekst.type) else np.int32
    _, buf_plek, buf_data = tekst.buffers()
    plekken = np.frombuffer(buf_plek, dtype=soort)[tekst.offset : tekst.offset + n + 1]
    plekken = plekken.astype(np.int64)
    begin, eind = plekken[:-1], plekken[1:]
    data = (
        np.frombuffer(buf_data, dtype=np.uint8) if buf_data is not None else np.zeros(0, np.uint8)
    )
    stuk = data[plekken[0] : plekken[-1]]

    def rijen(masker: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        positie = np.flatnonzero(masker) + plekken[0]
        return np.searchsorted(eind, positie, side="right"), positie

    exponent = np.zeros(n, dtype=bool)
    exponent[rijen((stuk == ord("e")) | (stuk == ord("E")))[0]] = True
    plek = np.full(n, -1, dtype=np.int64)
    rij, positie = rijen(stuk == ord("."))
    plek[rij] = positie - begin[rij]
    lengte = eind - begin
    eerste = data[np.minimum(begin, max(len(data) - 1, 0))] if len(data) else np.zeros(n, np.uint8)
    teken = (lengte > 0) & ((eerste == ord("-")) | (eerste == ord("+")))
    return exponent, plek, lengte, teken


_EERSTE_DAG = -719_162  # 0001-01-01 in days since 1970-01-01: no year 0


def _datum(kolom: pa.Array, leeg: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ISO dates (JJJJ-MM-DD, real calendar dates only) as datetime64[D], and a valid mask;
    the grammar of :func:`getallen.lees_datum`, judged per cell. Arrow's date conversion
    takes exactly that form (and 10 characters); when it fails somewhere, the regular
    expression and a round trip judge every cell."""
    tekst = pc.if_else(pa.array(leeg), "2000-01-01", kolom)
    try:
        datum = pc.cast(tekst, pa.date32())
        geldig = _np(pc.equal(pc.binary_length(tekst), 10))
    except pa.ArrowInvalid:
        vorm = pc.match_substring_regex(tekst, f"^{getallen.DATUM}$")
        veilig = pc.if_else(vorm, tekst, "2000-01-01")
        tijd = pc.strptime(veilig, format="%Y-%m-%d", unit="s", error_is_null=True)
        # strptime rolls 30 February over into March: a real date prints back as it was written
        terug = pc.strftime(tijd, format="%Y-%m-%d")
        geldig = _np(vorm) & _np(pc.fill_null(pc.equal(terug, veilig), False))
        datum = pc.cast(tijd, pa.date32())
    dagen = _np(pc.fill_null(pc.cast(datum, pa.int32()), 0)).astype(np.int64)
    geldig &= dagen >= _EERSTE_DAG
    return np.where(geldig, dagen, 0).astype("datetime64[D]"), geldig


def _melding(lees, waarde: str) -> str:
    """The message of the single-case reader for a cell the column check refused."""
    try:
        lees(waarde)
    except ValueError as e:
        return str(e)
    return f"'{getallen.toon(waarde)}' kan niet worden gelezen"  # the two never disagree (tested)


def ontleed(
    nummers: np.ndarray,
    posities: np.ndarray,
    batch: pa.RecordBatch,
    peildatum: dt.date | None,
    dubbel: pa.Array,
    werkgever_code: np.ndarray | None = None,
) -> tuple[Partij | None, list[Afwijzing]]:
    """Parse and check one batch; the valid rows as a :class:`Partij`, the rest rejected.
    ``dubbel`` holds the ids that occur more than once in the whole file: all their rows are
    rejected, since the tool cannot know which one is right."""
    n = batch.num_rows
    kol = {  # names and addresses are not needed here (and never in a message)
        naam: (
            pc.utf8_trim_whitespace(batch.column(naam))
            if naam == "id"  # as the duplicate check of the whole file trims it
            else pc.utf8_trim(batch.column(naam), characters=getallen.RAND)
        )
        for naam in batch.schema.names
        if naam in NODIG
    }
    fouten = _Fouten(n)
    leeg = {naam: _np(pc.equal(k, "")) for naam, k in kol.items()}

    def tekst(naam: str, i: int) -> str:
        return kol[naam][i].as_py()

    ids = kol["id"]
    fouten.meld(leeg["id"], "id", "ontbreekt; dit veld is verplicht")
    if len(dubbel):
        fouten.meld(
            _np(pc.is_in(ids, value_set=dubbel)),
            "id",
            lambda i: f"'{tekst('id', i)}' komt meer dan één keer voor in het bestand",
        )

    waarden: dict[str, np.ndarray] = {}
    for veld in VERPLICHT + tuple(OPTIONEEL):
        if veld == "peildatum" and peildatum is not None:
            waarden[veld] = np.full(n, np.datetime64(peildatum, "D"))
            continue
        if veld not in kol:  # an optional column that is absent: RULES §1 default
            waarden[veld] = np.full(n, STANDAARD[veld])
            continue
        k = kol[veld]
        ontbreekt = leeg[veld]
        if veld in OPTIONEEL:
            standaard = ontbreekt
        else:
            fouten.meld(ontbreekt, veld, "ontbreekt; dit veld is verplicht")
            standaard = None
        if veld in getallen.VELDSOORT:
            soort = getallen.VELDSOORT[veld]
            w, geldig = _getal(k, soort, ontbreekt)
            lees = functools.partial(getallen.ontleed_getal, soort=soort)
        elif veld in ("peildatum", "geboortedatum"):
            w, geldig = _datum(k, ontbreekt)
            lees = getallen.lees_datum
        elif veld == "regime":
            index = pc.index_in(pc.utf8_lower(k), value_set=pa.array(REGIMES))
            geldig = _np(pc.is_valid(index))
            w = _np(pc.fill_null(index, 0)).astype(np.int8)
            lees = functools.partial(getallen.lees_keuze, keuzes=REGIMES)
        else:  # ja/nee
            klein = pc.utf8_lower(k)
            ja = _np(pc.is_in(klein, value_set=pa.array(sorted(JA))))
            nee = _np(pc.is_in(klein, value_set=pa.array(sorted(NEE))))
            geldig = ja | nee
            w = ja
            lees = getallen.lees_janee
        fouten.meld(
            ~geldig & ~ontbreekt,
            veld,
            lambda i, v=veld, lz=lees: _melding(lz, tekst(v, i)),
        )
        if standaard is not None:
            w = np.where(standaard, STANDAARD[veld], w)
        waarden[veld] = w

    goed = ~fouten.fout()
    afwijzingen: list[Afwijzing] = []
    index = np.flatnonzero(goed)
    if len(index):
        invoer = Invoer(
            peildatum=waarden["peildatum"][index].astype("datetime64[D]"),
            geboortedatum=waarden["geboortedatum"][index].astype("datetime64[D]"),
            regime=waarden["regime"][index].astype(np.int8),
            arbeidsvermogen=waarden["arbeidsvermogen"][index].astype(bool),
            uren=waarden["uren_per_week"][index].astype(np.int64),
            voltijd=waarden["voltijd_uren_per_week"][index].astype(np.int64),
            functieloon=waarden["functieloon_per_uur"][index].astype(np.int64),
            loonwaarde=waarden["loonwaarde"][index].astype(np.int64),
            garantiebedrag=waarden["garantiebedrag_per_maand"][index].astype(np.int64),
            overige=waarden["overige_inkomsten_per_maand"][index].astype(np.int64),
            werkgeverslasten=waarden["werkgeverslasten_percentage"][index].astype(np.int64),
            uitzondering=waarden["loondispensatie_uitzondering"][index].astype(bool),
        )
        bereik = validatie.controleer(invoer)  # RULES §1 ranges, the same checks as one case
        for j, problemen in bereik.items():
            i = int(index[j])
            fouten.velden.setdefault(i, []).extend(p.veld for p in problemen)
            fouten.redenen.setdefault(i, []).extend(p.melding for p in problemen)
        goed = ~fouten.fout()
        behouden = np.flatnonzero(goed[index])
        invoer = invoer.neem(behouden)
        index = index[behouden]
    for i in np.flatnonzero(~goed):
        afwijzingen.append(
            Afwijzing(
                int(nummers[i]),
                None if leeg["id"][i] else tekst("id", int(i)),
                "; ".join(dict.fromkeys(fouten.velden[i])),
                " | ".join(fouten.redenen[i]),
            )
        )
    if not len(index):
        return None, afwijzingen
    neem = pa.array(index)
    return Partij(
        rijen=nummers[index],
        ids=ids.take(neem),
        invoer=invoer,
        werkgever=werkgever_code[posities[index]] if werkgever_code is not None else None,
    ), afwijzingen
