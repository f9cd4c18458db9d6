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

import csv
import datetime as dt
import difflib
import functools
import itertools
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import attrs
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from wajong_conversie import getallen, tekstbytes, validatie
from wajong_conversie.geld import centen, centiuren, ppm
from wajong_conversie.getallen import JA, NEE
from wajong_conversie.model import (
    GEEN_KIND,
    HUISHOUDVELDEN,
    LOONBASES,
    REGIMES,
    Invoer,
    datumgetal,
    kinderen_kolom,
)
from wajong_conversie.validatie import BRIEFVELDEN, OPTIONEEL, VERPLICHT

PERSOONSKOLOMMEN = BRIEFVELDEN
KOLOMMEN = ("id",) + VERPLICHT + tuple(OPTIONEEL) + HUISHOUDVELDEN + PERSOONSKOLOMMEN
# the columns the calculation reads; names, addresses and BSNs stay in the file (letters)
NODIG = frozenset(("id",) + VERPLICHT + tuple(OPTIONEEL) + HUISHOUDVELDEN)
WERKGEVER = ("werkgever_id", "werkgever_naam")
# the worker's name: read with the ids for the werklijst (the caseworker's list) only; never in
# a message, a log or the calculation
NAAM = "naam"
BATCH_RIJEN = 25_000  # rows per batch of an .xlsx file
BLOK = 4 << 20  # bytes per batch of a CSV file (about 20 000 rows)

STANDAARD = {  # RULES §1 defaults of the optional fields (validatie.OPTIONEEL), engine units
    "voltijd_uren_per_week": centiuren(OPTIONEEL["voltijd_uren_per_week"]),
    "overige_inkomsten_per_maand": centen(OPTIONEEL["overige_inkomsten_per_maand"]),
    "werkgeverslasten_percentage": ppm(OPTIONEEL["werkgeverslasten_percentage"]),
    "loondispensatie_uitzondering": OPTIONEEL["loondispensatie_uitzondering"],
    "loondispensatie_loonbasis": LOONBASES.index(OPTIONEEL["loondispensatie_loonbasis"]),
}
KEUZES = {"regime": REGIMES, "loondispensatie_loonbasis": LOONBASES}  # field → allowed values


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
    posities: np.ndarray | None = None  # per row: its position among the file's kept rows


@attrs.define
class Bron:
    """An opened cohort file: its columns, its ids (for duplicates and the row count) and a
    stream of raw string batches."""

    pad: Path
    kolommen: list[str]
    ids: pa.Array | pa.ChunkedArray  # the id column of every well-formed row, trimmed
    # each item, when called (on a worker thread), gives (row numbers, positions among the
    # well-formed rows, the strings of the needed columns)
    batches: Iterator[Callable[[], tuple[np.ndarray, np.ndarray, pa.RecordBatch]]]
    kapot: list[Afwijzing]  # rows that could not be split into fields (CSV)
    werkgever_code: np.ndarray | None = None  # per well-formed row; −1 without werkgever_id
    werkgevers: pa.Array | None = None  # distinct werkgever_id values (code → id)
    werkgever_namen: pa.Array | None = None  # code → the name on its first row
    # the worker's name per kept row (column naam), for the werklijst; the one-pass reader
    # keeps it in its pieces (a ChunkedArray)
    namen: pa.Array | pa.ChunkedArray | None = None
    genegeerd: list[str] = attrs.field(factory=list)  # columns the tool does not use
    _dubbel: pa.Array | None = None  # dubbele_ids(), once counted

    def codeer_werkgevers(
        self, ids: pa.Array | list[pa.DictionaryArray], namen: pa.Array | None
    ) -> None:
        """Employers as integer codes, so per-employer sums are exact integer adds. ``ids``:
        the werkgever_id column, or its pieces already trimmed and dictionary-encoded (each on
        its worker thread); their dictionaries are unified here, in order of first
        occurrence, as one encoding of the whole column would give."""
        if isinstance(ids, pa.Array):
            ids = [pc.dictionary_encode(pc.utf8_trim_whitespace(ids))]
        gecodeerd = pa.chunked_array(ids, pa.dictionary(pa.int32(), pa.string()))
        gecodeerd = gecodeerd.unify_dictionaries()
        woordenboek = (
            gecodeerd.chunk(0).dictionary if gecodeerd.num_chunks else pa.array([], pa.string())
        )
        code = np.concatenate(
            [np.zeros(0, dtype=np.int64)]
            + [c.indices.to_numpy(zero_copy_only=False) for c in gecodeerd.chunks]
        ).astype(np.int64)
        # the row where each employer first occurs (the smallest row index per code; no sort)
        eerste = np.full(len(woordenboek), len(code), dtype=np.int64)
        np.minimum.at(eerste, code, np.arange(len(code), dtype=np.int64))
        leeg = np.flatnonzero(_np(pc.equal(woordenboek, "")))
        if len(leeg):
            code = np.where(code == leeg[0], -1, code)
        self.werkgever_code = code
        self.werkgevers = woordenboek
        self.werkgever_namen = (
            pc.utf8_trim_whitespace(tekstbytes.een_array(namen.take(pa.array(eerste))))
            if namen is not None
            else None
        )

    @property
    def aantal(self) -> int:
        """Data rows in the file, the malformed ones included."""
        return len(self.ids) + len(self.kapot)

    def dubbele_ids(self) -> pa.Array:
        """The ids that occur more than once (empty ones aside)."""
        if self._dubbel is None:
            self._dubbel = self._tel_dubbel()
        return self._dubbel

    def _tel_dubbel(self) -> pa.Array:
        gevuld = self.ids.filter(pc.not_equal(self.ids, ""))
        if len(pc.unique(gevuld)) == len(gevuld):
            return pa.array([], pa.string())
        telling = pc.value_counts(gevuld)
        meer = pc.greater(telling.field("counts"), 1)
        return telling.field("values").filter(meer)


# --- opening ------------------------------------------------------------------------------------


def _kolomletter(j: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column letter a spreadsheet shows."""
    letters = ""
    j += 1
    while j:
        j, rest = divmod(j - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def controleer_kolommen(kolommen: list[str], peildatum_opgelegd: bool) -> list[str]:
    """Required columns present, no near-miss typos; returns the ignored columns.

    Messages name only known column names or column letters: a "header" that is really a
    line of data (a file with other line endings, a title row) must never be echoed."""
    if not kolommen or all(k == "" for k in kolommen):
        raise BestandFout("het bestand heeft geen kopregel met kolomnamen")
    dubbel = sorted({k for k in kolommen if k and kolommen.count(k) > 1})
    if dubbel:
        namen = [
            k
            if k in KOLOMMEN
            else ", ".join(_kolomletter(j) for j, x in enumerate(kolommen) if x == k)
            for k in dubbel
        ]
        raise BestandFout(f"kolom(men) komen dubbel voor in de kopregel: {'; '.join(namen)}")
    genegeerd = [k for k in kolommen if k and k not in KOLOMMEN]
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


# --- CSV: record boundaries -----------------------------------------------------------------------

MAX_RIJ = 1 << 20  # a record longer than this (1 MB) is a broken quote, not data
AANHALING = 34


@attrs.frozen
class _Stuk:
    """A piece of the data part of a CSV file that starts and ends at a record boundary."""

    begin: int  # byte offset in the file
    data: bytes
    # the position of each record's line break in data; None when the piece holds no quote:
    # then every line break ends a record, and the worker that parses the piece finds them
    einden: np.ndarray | None = None


def _records(stuk: _Stuk, einde: int, breedte: int, teken: str) -> tuple[np.ndarray, np.ndarray]:
    """(record ends, blank record) of a piece: the position of each record's line break, and
    per record whether it is a blank line (only separators/spaces). Run on a worker thread."""
    einden = stuk.einden
    if einden is None:
        einden = np.flatnonzero(np.frombuffer(stuk.data, dtype=np.uint8) == einde)
    starts = np.concatenate(([0], einden[:-1] + 1))
    leeg = np.zeros(len(einden), dtype=bool)
    kort = np.flatnonzero(einden - starts <= 2 * breedte + 2)
    vul = b" \t\r\n" + teken.encode()
    for j in kort.tolist():  # blank lines (or only separators) are short: check those
        leeg[j] = not stuk.data[starts[j] : einden[j]].strip(vul)
    return einden, leeg


def _regels_voor(pad: Path, begin: int, positie: int, einde: int) -> int:
    """The physical lines (as a text editor counts them) before byte ``positie`` of a file
    whose data part starts at ``begin``, the header (line 1) included. Only for a message:
    the file is counted again from the start of its data."""
    regels = 1
    with pad.open("rb") as f:
        f.seek(begin)
        over = positie - begin
        while over > 0:
            deel = f.read(min(over, 1 << 22))
            if not deel:
                break
            regels += deel.count(bytes([einde]))
            over -= len(deel)
    return regels


def _binnen_aanhalingen(buf: bytes, q: np.ndarray, teken: int) -> tuple[np.ndarray, np.ndarray]:
    """The quoted stretches [begin, eind) of a buffer that starts at a record boundary, with
    the CSV semantics pyarrow parses by: a quote opens a quoted field only at the start of a
    field; inside, '""' is a quote; after the closing quote the field goes on unquoted and a
    quote there is an ordinary character. An open stretch at the end has eind = len(buf)+1.

    Fast path: in a file that follows RFC 4180 (what Excel writes) every quote pairs up, so
    the stretches are simply quote 0–1, 2–3, …; a single check confirms that, otherwise a
    loop over the quotes (only the quotes, not the bytes) follows the rules exactly."""
    grens = len(buf) + 1
    b = np.frombuffer(buf, dtype=np.uint8)
    open_, sluit = q[0::2], q[1::2]
    voor = b[np.maximum(open_ - 1, 0)]
    open_goed = (open_ == 0) | (voor == teken) | (voor == 10) | (voor == 13) | (voor == AANHALING)
    na_pos = np.minimum(sluit + 1, len(b) - 1)
    na = b[na_pos]
    sluit_goed = (sluit + 1 >= len(b)) | (na == teken) | (na == 10) | (na == 13) | (na == AANHALING)
    if open_goed.all() and sluit_goed.all():
        eind = np.append(sluit + 1, grens) if len(open_) > len(sluit) else sluit + 1
        return open_, eind
    begin_l, eind_l = [], []
    lijst = q.tolist()
    k, n = 0, len(lijst)
    while k < n:
        p = lijst[k]
        k += 1
        if p and buf[p - 1] not in (teken, 10, 13):
            continue  # a quote in the middle of an unquoted field: an ordinary character
        while k < n and k + 1 < n and lijst[k + 1] == lijst[k] + 1:
            k += 2  # '""' inside a quoted field
        begin_l.append(p)
        eind_l.append(lijst[k] + 1 if k < n else grens)
        k += 1
    return np.array(begin_l, dtype=np.int64), np.array(eind_l, dtype=np.int64)


def _blokken(pad: Path, begin: int, teken: str, einde: int, breedte: int) -> Iterator[_Stuk]:
    """The data part of a CSV file in pieces of about BLOK bytes (smaller for a small file, so
    both threads get work, and towards the end of the file), each ending at a true record
    end: a line break (``einde``: \\n, or \\r for a file with only CR line endings) outside a
    quoted field.

    The scan carries over from piece to piece (what is left after the last record end starts
    the next scan), so a quoted field with line breaks never splits a record. A record that
    grows past MAX_RIJ (an unclosed quote, or no line breaks at all) stops the read with a
    message naming the line where it starts, instead of reading the rest of the file into it.

    A piece without any quote (most files) needs only its last line break here; its records
    are found by the worker that parses it (:func:`_records`), so this loop, which runs
    alone, stays short.
    """
    totaal = pad.stat().st_size
    # a file under 16 MB in four pieces (at least BLOK / 8): fewer, larger pieces cost less
    # per row (each piece has ~15 ms of fixed work), and four keep both threads busy
    grootte = min(BLOK, max(BLOK // 8, totaal // 4))
    t = ord(teken)
    eind_byte = bytes([einde])

    def regels_voor(positie: int) -> int:
        return _regels_voor(pad, begin, positie, einde)

    with pad.open("rb") as f:
        f.seek(begin)
        positie = begin
        rest = b""
        while True:
            # the last pieces smaller (a third of what is left, at least an eighth of a
            # piece): both threads finish at about the same time, and the writing thread's
            # last piece is short (~0,15 s at a million rows)
            over = totaal - positie - len(rest)
            data = f.read(min(grootte, max(grootte // 8, over // 3)))
            buf = rest + data
            if not data:
                if not buf.strip(b" \t\r\n" + teken.encode()):
                    return
                buf += eind_byte  # the last record without a line break
            if buf.find(b'"') < 0:  # no quote: every line break ends a record
                laatste, open_begin, einden = buf.rfind(eind_byte), None, None
            else:
                q = np.flatnonzero(np.frombuffer(buf, dtype=np.uint8) == AANHALING)
                regeleinden = np.flatnonzero(np.frombuffer(buf, dtype=np.uint8) == einde)
                van, tot = _binnen_aanhalingen(buf, q, t)
                if len(van):
                    i = np.searchsorted(van, regeleinden, side="right") - 1
                    binnen = (i >= 0) & (regeleinden < tot[np.maximum(i, 0)])
                    open_begin = int(van[-1]) if tot[-1] > len(buf) else None
                else:  # only quotes inside unquoted fields: ordinary characters
                    i = binnen = np.zeros(len(regeleinden), dtype=bool)
                    open_begin = None
                einden = regeleinden[~binnen]
                if binnen.any():
                    _geen_ingeslikte_rijen(
                        pad,
                        buf,
                        regeleinden[binnen],
                        van[i[binnen]],
                        t,
                        breedte,
                        functools.partial(regels_voor, positie),
                    )
                laatste = int(einden[-1]) if len(einden) else -1
            if not data and laatste < len(buf) - 1:  # end of file inside a quoted field
                raise _open_aanhaling(pad, buf, open_begin or 0, regels_voor(positie), einde)
            if len(buf) - laatste > MAX_RIJ:
                if open_begin is not None:
                    raise _open_aanhaling(pad, buf, open_begin, regels_voor(positie), einde)
                regel = regels_voor(positie) + buf.count(eind_byte, 0, laatste + 1) + 1
                raise BestandFout(
                    f"{pad.name}: regel {regel} is langer dan 1 MB zonder regeleinde; is dit "
                    "wel een CSV-bestand met één rij per regel?"
                )
            if laatste < 0:
                rest = buf
                continue
            stuk, rest = buf[: laatste + 1], buf[laatste + 1 :]
            yield _Stuk(positie, stuk, einden)
            positie += len(stuk)
            if not data:
                return


def _geen_ingeslikte_rijen(
    pad: Path,
    buf: bytes,
    binnen: np.ndarray,
    open_: np.ndarray,
    teken: int,
    breedte: int,
    regels_voor: Callable[[], int],
) -> None:
    """A line break inside a quoted field is allowed (an address over two lines), but a line
    after it that holds a whole row's worth of separators is a row swallowed by a stray quote:
    stop with the line, instead of losing that person silently."""
    for eind, begin in zip(binnen.tolist(), open_.tolist(), strict=True):
        volgend = buf.find(b"\n" if buf[eind] == 10 else b"\r", eind + 1)
        regel = buf[eind + 1 : volgend if volgend >= 0 else len(buf)]
        if regel.count(bytes([teken])) >= breedte - 1 >= 1:
            einde = buf[eind : eind + 1]
            voor = regels_voor()  # only for the message: counted again from the start
            nummer = voor + buf.count(einde, 0, eind + 1) + 1
            opent = voor + buf.count(einde, 0, begin) + 1
            raise BestandFout(
                f'{pad.name}: het aanhalingsteken (") aan het begin van een veld in regel '
                f"{opent} wordt niet op die regel gesloten, zodat regel {nummer} (die een eigen "
                "rij lijkt) in dat veld zou verdwijnen. Verwijder het aanhalingsteken of sluit "
                "het veld af met een tweede aanhalingsteken"
            )


def _open_aanhaling(pad: Path, buf: bytes, plek: int, regels_voor: int, einde: int):
    regel = regels_voor + buf.count(bytes([einde]), 0, plek) + 1
    return BestandFout(
        f'{pad.name}: het aanhalingsteken (") aan het begin van een veld in regel {regel} '
        "wordt niet gesloten; daardoor is de rest van het bestand niet te lezen. Verwijder het "
        "aanhalingsteken of sluit het veld af met een tweede aanhalingsteken"
    )


def _kopregel(pad: Path) -> tuple[list[str], str, int, int]:
    """The header of a CSV file: (column names, separator, line end byte, data start)."""
    try:
        with pad.open("rb") as f:
            begin = f.read(1 << 16)
    except OSError as e:
        raise BestandFout(
            f"het bestand {pad.name} kan niet worden gelezen ({e.strerror})"
        ) from None
    bom = 3 if begin.startswith(b"\xef\xbb\xbf") else 0
    begin = begin[bom:]
    lf, cr = begin.find(b"\n"), begin.find(b"\r")
    # Excel's "CSV (Macintosh)" ends lines with \r alone: then \r separates records
    einde = 13 if cr >= 0 and (lf < 0 or cr < lf) and begin[cr + 1 : cr + 2] != b"\n" else 10
    eind = begin.find(bytes([einde]))
    if eind < 0:
        if len(begin) == 1 << 16:
            raise BestandFout(f"{pad.name}: geen kopregel gevonden (de eerste regel is te lang)")
        eind = len(begin)
    eerste_regel = begin[:eind]
    try:
        kop = eerste_regel.decode("utf-8").rstrip("\r")
    except UnicodeDecodeError:
        raise BestandFout(
            f"{pad.name} is geen UTF-8-tekst (rij 1); sla het bestand op als CSV UTF-8"
        ) from None
    if not kop.strip():
        raise BestandFout(f"{pad.name} is leeg of heeft geen kopregel")
    teken = scheidingsteken(kop)
    kolommen = [k.strip().lower() for k in next(csv.reader([kop], delimiter=teken))]
    return kolommen, teken, einde, bom + eind + 1


@attrs.frozen
class CsvOpmaak:
    """How a CSV file is written: its header's columns, separator and line end."""

    pad: Path
    kolommen: list[str]
    teken: str
    einde: int  # the byte that ends a record: \n, or \r in a file with only CR line ends
    data_begin: int  # byte offset of the first record after the header

    @classmethod
    def van(cls, pad: Path) -> CsvOpmaak:
        kolommen, teken, einde, data_begin = _kopregel(pad)
        return cls(pad, kolommen, teken, einde, data_begin)

    def lees(self, blok: bytes, kolommen_in: list[str], bij_fout) -> pa.Table:
        return pacsv.read_csv(
            pa.BufferReader(blok),
            read_options=pacsv.ReadOptions(
                column_names=self.kolommen, use_threads=False, block_size=len(blok) + 1
            ),
            parse_options=pacsv.ParseOptions(
                delimiter=self.teken,
                newlines_in_values=True,
                ignore_empty_lines=False,  # a blank line is a row: keep the count right
                invalid_row_handler=bij_fout,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={k: pa.string() for k in kolommen_in},
                include_columns=kolommen_in,
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )

    def stukken(self) -> Iterator[_Stuk]:
        return _blokken(self.pad, self.data_begin, self.teken, self.einde, len(self.kolommen))


@attrs.frozen
class StukUitkomst:
    """One parsed piece, counted relative to the piece: only the reader that takes the pieces
    in file order knows the rows and lines before it."""

    kolommen: dict[str, pa.Array]  # its kept records (blank lines and malformed rows out)
    neem: np.ndarray | None  # which parsed rows were kept (None: all)
    geldig: np.ndarray  # per kept row: its record in the piece (0-based)
    slecht: list[tuple[int, int, int]]  # malformed records: (record, fields, fields expected)
    records: int  # records in the piece, blank lines included
    regels: int  # physical lines in the piece


def kapotte_rijen(voor: int, slecht: list[tuple[int, int, int]]) -> list[Afwijzing]:
    """The rejections of a piece's malformed records (StukUitkomst.slecht) after ``voor``
    records of the file."""
    return [
        Afwijzing(
            voor + 2 + s, None, "rij", f"de rij heeft {werkelijk} velden in plaats van {verwacht}"
        )
        for s, werkelijk, verwacht in slecht
    ]


def lees_stuk(opmaak: CsvOpmaak, stuk: _Stuk, kolommen_in: list[str]):
    """Parse one piece (on a worker thread): (StukUitkomst, None), or (None, a problem) where
    the problem is a function of (rows before, lines before) → the BestandFout to raise, in
    file order. The id, naam and werkgever_id columns come back trimmed (werkgever_id
    dictionary-encoded): that work is done here, on the worker, not for the whole file after
    it.

    Where each record ends (:func:`_records`, a scan of every byte) is only needed to tell
    blank lines, to place a malformed row or a byte that is not UTF-8: a piece without quotes
    whose rows all parsed with an id has none of those, and its records are its line breaks."""
    pad, einde = opmaak.pad, opmaak.einde
    breedte, teken = len(opmaak.kolommen), opmaak.teken
    regels = stuk.data.count(bytes([einde]))
    records = regels if stuk.einden is None else len(stuk.einden)
    einden = leeg_rij = None

    def grenzen():
        nonlocal einden, leeg_rij
        if einden is None:
            einden, leeg_rij = _records(stuk, einde, breedte, teken)
        return einden, leeg_rij

    try:
        if not stuk.data.isascii():  # isascii is a fast scan; decode checks UTF-8
            stuk.data.decode("utf-8")
    except UnicodeDecodeError as e:
        r = int(np.searchsorted(grenzen()[0], e.start))
        return None, lambda voor, regel: BestandFout(
            f"{pad.name} is geen UTF-8-tekst (rij {voor + 2 + r} bevat een teken dat geen "
            "UTF-8 is); sla het bestand op als CSV UTF-8"
        )
    slecht: list[tuple[int, int, int]] = []

    def ongeldig(rij) -> str:
        slecht.append((int(rij.number) - 1, rij.actual_columns, rij.expected_columns))
        return "skip"

    tabel = opmaak.lees(stuk.data, kolommen_in, ongeldig)
    if tabel.num_rows + len(slecht) != records:
        return None, lambda voor, regel: BestandFout(
            f"{pad.name} kan niet betrouwbaar worden gelezen rond rij {voor + 2}; "
            "controleer de aanhalingstekens en regeleinden"
        )
    ids = pc.utf8_trim_whitespace(tabel.column("id").combine_chunks())
    # a blank line (only separators and spaces) that parsed has an empty id: without one,
    # and without malformed rows, there is no blank line to find
    if slecht or (len(ids) and pc.any(pc.equal(ids, "")).as_py()):
        einden, leeg_rij = grenzen()
    else:
        leeg_rij = np.zeros(records, dtype=bool)
    for s, _, _ in slecht:  # a quoted field over several lines in a broken row: a
        begin = int(einden[s - 1]) + 1 if s else 0  # quote swallowed line breaks
        if stuk.data.find(bytes([einde]), begin, int(einden[s])) >= 0:
            eerder = stuk.data.count(bytes([einde]), 0, begin)
            return None, lambda voor, regel, eerder=eerder: BestandFout(
                f"{pad.name}: in de rij die begint op regel {regel + 1 + eerder} opent een "
                'aanhalingsteken (") een veld dat pas regels later sluit, zodat meerdere '
                "regels één rij worden. Controleer de aanhalingstekens in die rij"
            )
    # records of the piece (0-based) that parsed, and which of those are blank lines
    fout = np.zeros(records, dtype=bool)
    fout[[s for s, _, _ in slecht]] = True
    geldig = np.flatnonzero(~fout)
    houd = ~leeg_rij[geldig]
    neem = None if houd.all() else np.flatnonzero(houd)
    slecht = [x for x in slecht if not leeg_rij[x[0]]]
    kolommen = {
        k: tabel.column(k).combine_chunks()
        if tabel.column(k).num_chunks
        else pa.array([], pa.string())
        for k in tabel.column_names
    }
    kolommen["id"] = ids
    if neem is not None:
        kolommen = {k: v.take(pa.array(neem)) for k, v in kolommen.items()}
    if NAAM in kolommen:
        kolommen[NAAM] = pc.utf8_trim_whitespace(kolommen[NAAM])
    if "werkgever_id" in kolommen:
        kolommen["werkgever_id"] = pc.dictionary_encode(
            pc.utf8_trim_whitespace(kolommen["werkgever_id"])
        )
    return StukUitkomst(kolommen, neem, geldig[houd], slecht, records, regels), None


def open_csv(pad: Path, peildatum_opgelegd: bool = False) -> Bron:
    """A CSV file. Row numbers are the rows a spreadsheet shows when it opens the file: the
    header is row 1, every record after it one row — a blank line too (it shows as an empty
    row), and a record whose quoted field holds line breaks is still one row."""
    opmaak = CsvOpmaak.van(pad)
    kolommen = opmaak.kolommen
    genegeerd = controleer_kolommen(kolommen, peildatum_opgelegd)
    nodig = [k for k in kolommen if k in NODIG]
    lees = opmaak.lees

    # first pass, the id and employer columns only: malformed rows (by number), duplicate
    # ids, employer codes, the row count. Pieces are parsed on two threads.
    eerste_kolommen = ["id"] + [k for k in (*WERKGEVER, NAAM) if k in kolommen]

    kapot: list[Afwijzing] = []
    plan: list[tuple[int, int, np.ndarray | None, np.ndarray]] = []  # per piece, for pass 2
    ids_delen, wg_delen, naam_delen, persoon_delen = [], [], [], []
    voor = 0  # records before the current piece
    regels_voor = 1  # physical lines before it (the header is line 1)

    def klaar(stuk: _Stuk, toekomst) -> None:
        nonlocal voor, regels_voor
        uitkomst, probleem = toekomst.result()
        if probleem is not None:
            raise probleem(voor, regels_voor)
        delen = {
            "id": ids_delen,
            "werkgever_id": wg_delen,
            "werkgever_naam": naam_delen,
            NAAM: persoon_delen,
        }
        for naam, lijst in delen.items():
            if naam in uitkomst.kolommen:
                lijst.append(uitkomst.kolommen[naam])
        kapot.extend(kapotte_rijen(voor, uitkomst.slecht))
        plan.append((stuk.begin, len(stuk.data), uitkomst.neem, voor + 2 + uitkomst.geldig))
        voor += uitkomst.records
        regels_voor += uitkomst.regels

    try:
        with ThreadPoolExecutor(2) as pool:
            onderweg: deque = deque()
            for stuk in opmaak.stukken():
                onderweg.append((stuk, pool.submit(lees_stuk, opmaak, stuk, eerste_kolommen)))
                while len(onderweg) >= 3:
                    klaar(*onderweg.popleft())
            while onderweg:
                klaar(*onderweg.popleft())
    except pa.ArrowInvalid as e:
        raise arrow_fout(pad, e) from None
    leeg = pa.array([], pa.string())
    ids = pa.concat_arrays(ids_delen or [leeg])  # trimmed per piece
    werkgever_namen = (
        pa.concat_arrays(naam_delen or [leeg]) if "werkgever_naam" in kolommen else None
    )

    def overslaan(rij) -> str:
        return "skip"

    def stuk(begin: int, lengte: int, neem, nummers: np.ndarray, gezien: int):
        """Parse one piece (on a worker thread); its row numbers follow from the first pass."""
        with pad.open("rb") as f:
            f.seek(begin)
            blok = f.read(lengte)
        tabel = lees(blok, nodig, overslaan)
        if neem is not None:
            tabel = tabel.take(pa.array(neem))
        if tabel.num_rows != len(nummers):
            raise BestandFout(f"{pad.name} is tijdens het lezen veranderd")
        batch = tabel.combine_chunks().to_batches(max_chunksize=max(len(nummers), 1))
        batch = (
            batch[0]
            if batch
            else pa.RecordBatch.from_pydict({k: pa.array([], pa.string()) for k in nodig})
        )
        posities = np.arange(gezien, gezien + len(nummers), dtype=np.int64)
        return nummers, posities, batch

    def batches():
        gezien = 0  # kept data rows before this piece
        for begin, lengte, neem, nummers in plan:
            yield functools.partial(stuk, begin, lengte, neem, nummers, gezien)
            gezien += len(nummers)

    bron = Bron(pad, kolommen, ids, batches(), kapot, genegeerd=genegeerd)
    if NAAM in kolommen:
        bron.namen = pa.concat_arrays(persoon_delen or [leeg])  # trimmed per piece
    # the duplicate ids are counted on a second thread while the employers are coded here
    with ThreadPoolExecutor(1) as naast:
        dubbel = naast.submit(bron.dubbele_ids)
        if "werkgever_id" in kolommen:
            bron.codeer_werkgevers(wg_delen, werkgever_namen)
        dubbel.result()
    return bron


def arrow_fout(pad: Path, e: Exception) -> BestandFout:
    tekst = str(e)
    if "UTF8" in tekst or "utf8" in tekst.lower():
        return BestandFout(f"{pad.name} is geen UTF-8-tekst; sla het bestand op als CSV UTF-8")
    # never Arrow's own text: it is English and may quote cell values
    return BestandFout(f"{pad.name} kan niet als CSV worden gelezen")


# --- Excel --------------------------------------------------------------------------------------


def _formules_zonder_waarde(pad: Path) -> str | None:
    """The first cell of the first sheet with a formula but no stored result, or None.

    python-calamine gives such a cell as empty, which would read as "ontbreekt"; the file
    itself says it is a formula (``<f>`` without ``<v>``). The sheet's XML is scanned in
    pieces, and only when it holds a formula at all."""
    import re
    import zipfile

    try:
        with zipfile.ZipFile(pad) as z:
            boek = z.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            rid = re.search(r"<(?:\w+:)?sheet\b[^>]*\br:id=\"([^\"]+)\"", boek)
            doel = (
                rid
                and re.search(
                    rf"<Relationship\b[^>]*Id=\"{re.escape(rid.group(1))}\"[^>]*Target=\"([^\"]+)\"",
                    rels,
                )
                or (
                    rid
                    and re.search(
                        rf"<Relationship\b[^>]*Target=\"([^\"]+)\"[^>]*Id=\"{re.escape(rid.group(1))}\"",
                        rels,
                    )
                )
            )
            if not doel:
                return None
            naam = doel.group(1).lstrip("/")
            naam = naam if naam.startswith("xl/") else "xl/" + naam
            waarde = re.compile(rb"<v>[^<]+</v>")  # a stored result; <v/> is none
            cel = re.compile(rb"<c\b[^>]*\br=\"([A-Z]+[0-9]+)\"[^>]*>(.*?)</c>", re.S)
            with z.open(naam) as f:
                rest = b""
                while True:
                    data = f.read(1 << 22)
                    buf = rest + data
                    # whole cells only: up to the last </c>, the rest goes with the next read
                    eind = buf.rfind(b"</c>")
                    laatste = len(buf) if not data else eind + 4 if eind >= 0 else 0
                    if b"<f" in buf[:laatste]:
                        for m in cel.finditer(buf, 0, laatste):
                            inhoud = m.group(2)
                            if b"<f" in inhoud and not waarde.search(inhoud):
                                return m.group(1).decode()
                    rest = buf[laatste:]
                    if not data:
                        return None
    except (KeyError, OSError, zipfile.BadZipFile):
        return None


def open_xlsx(pad: Path, peildatum_opgelegd: bool = False) -> Bron:
    """The first sheet of an .xlsx, read with python-calamine (Rust); cells become the text
    the CSV path would have read. Row numbers are the sheet's own row numbers."""
    import python_calamine

    try:
        boek = python_calamine.CalamineWorkbook.from_path(str(pad))
        rijen = boek.get_sheet_by_index(0).iter_rows()  # from A1, every row as wide
        kop = next(rijen, None)
        eerste = list(itertools.islice(rijen, 10))
    except Exception:  # calamine raises several kinds for a file that is not .xlsx
        raise BestandFout(
            f"{pad.name} kan niet als Excel-bestand (.xlsx) worden gelezen; sla het op als "
            "Excel-werkmap (.xlsx) of als CSV UTF-8"
        ) from None
    formule = _formules_zonder_waarde(pad)
    if formule:
        raise BestandFout(
            f"cel {formule} bevat een formule zonder berekende waarde; open het bestand in "
            "Excel en sla het opnieuw op (dan bewaart Excel de uitkomst), of plak de waarden"
        )
    if kop is None or not any(cel_tekst(w).strip() for w in kop):
        if any(any(cel_tekst(w).strip() for w in r) for r in eerste):
            raise BestandFout(
                "de eerste rij moet de kolomnamen bevatten; rij 1 is leeg. Verwijder de lege "
                "rijen boven de kopregel"
            )
        raise BestandFout(f"{pad.name} is leeg of heeft geen kopregel")
    kolommen = [cel_tekst(k).strip().lower() for k in kop]
    if not any(k in KOLOMMEN for k in kolommen):
        for n, r in enumerate(eerste[:9], start=2):
            if "id" in [cel_tekst(w).strip().lower() for w in r]:
                raise BestandFout(
                    f"de eerste rij moet de kolomnamen bevatten; de kolomnamen staan in rij {n}. "
                    "Verwijder de rijen daarboven (bijvoorbeeld een titel)"
                )
    genegeerd = controleer_kolommen(kolommen, peildatum_opgelegd)
    # in pieces of BATCH_RIJEN rows (bounded memory), column by column; a text cell is taken
    # as it is, only numbers, dates and booleans go through cel_tekst. Only the columns the
    # run needs are kept; every column counts for "is this row empty".
    breedte = len(kolommen)
    bewaar = [j for j, k in enumerate(kolommen) if k in NODIG or k in WERKGEVER or k == NAAM]
    delen: dict[int, list[pa.Array]] = {j: [] for j in bewaar}
    nummer_delen: list[np.ndarray] = []
    begin = 2
    stroom = itertools.chain(eerste, rijen)
    while stuk_ := list(itertools.islice(stroom, BATCH_RIJEN)):
        aantal = len(stuk_)
        kolom_waarden = list(zip(*stuk_, strict=False))
        del stuk_
        gevuld = np.zeros(aantal, dtype=bool)
        for j in range(breedte):
            waarden = kolom_waarden[j] if j < len(kolom_waarden) else ("",) * aantal
            if not all(type(w) is str for w in waarden):
                waarden = [w if type(w) is str else cel_tekst(w) for w in waarden]
            tekst = pa.array(waarden, pa.string())
            niet_leeg = _np(pc.not_equal(pc.utf8_trim_whitespace(tekst), ""))
            # a column without a name: harmless when empty, a problem when it holds values
            if kolommen[j] == "" and niet_leeg.any():
                raise BestandFout(
                    f"kolom {_kolomletter(j)} heeft geen naam in de kopregel (rij 1) maar "
                    "bevat wel waarden; geef de kolom een naam of maak hem leeg"
                )
            gevuld |= niet_leeg
            if j in delen:
                delen[j].append(tekst)
        houd = pa.array(np.flatnonzero(gevuld))
        for j in bewaar:
            delen[j][-1] = delen[j][-1].take(houd)
        nummer_delen.append(np.flatnonzero(gevuld).astype(np.int64) + begin)  # sheet rows
        begin += aantal
    leeg = pa.array([], pa.string())
    data = {kolommen[j]: pa.concat_arrays(delen[j] or [leeg]) for j in bewaar}
    nummers = np.concatenate(nummer_delen) if nummer_delen else np.zeros(0, dtype=np.int64)
    tabel = pa.table(data)
    ids = pc.utf8_trim_whitespace(tabel.column("id").combine_chunks())
    nodig = [k for k in tabel.column_names if k in NODIG]
    tabel = tabel.select(nodig + [k for k in (*WERKGEVER, NAAM) if k in tabel.column_names])

    def batches():
        for begin in range(0, len(nummers), BATCH_RIJEN):
            deel = tabel.slice(begin, BATCH_RIJEN).select(nodig).combine_chunks().to_batches()
            if deel:
                posities = np.arange(begin, begin + deel[0].num_rows, dtype=np.int64)
                klaar = (nummers[begin : begin + BATCH_RIJEN], posities, deel[0])
                yield functools.partial(lambda x: x, klaar)

    bron = Bron(pad, kolommen, ids, batches(), [], genegeerd=genegeerd)
    if NAAM in data:
        bron.namen = pc.utf8_trim_whitespace(tabel.column(NAAM).combine_chunks())
    if "werkgever_id" in data:
        bron.codeer_werkgevers(
            tabel.column("werkgever_id").combine_chunks(),
            tabel.column("werkgever_naam").combine_chunks() if "werkgever_naam" in data else None,
        )
    return bron


def open_bestand(pad: Path, peildatum_opgelegd: bool = False, een_doorgang: bool = False):
    """Open a cohort file and check its columns (before any row is read): a Bron; with
    ``een_doorgang`` a CSV file as a csvstroom.Stroom, read in one pass by the cohort run."""
    if not pad.exists():
        raise BestandFout(f"het bestand {pad} bestaat niet")
    if pad.is_dir():
        raise BestandFout(f"{pad} is een map, geen bestand")
    if pad.suffix.lower() == ".xlsx":
        return open_xlsx(pad, peildatum_opgelegd)
    if pad.suffix.lower() in (".csv", ".txt"):
        if not pad.is_file():
            raise BestandFout(f"{pad.name} is geen gewoon bestand")
        if een_doorgang:
            from wajong_conversie.csvstroom import Stroom

            return Stroom(pad, peildatum_opgelegd)
        return open_csv(pad, peildatum_opgelegd)
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

    def meld_rij(self, i: int, veld: str, reden: str) -> None:
        self.velden.setdefault(i, []).append(veld)
        self.redenen.setdefault(i, []).append(reden)

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


_KOMMA = tekstbytes.tabel(",")


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
    expression judges every cell and only the valid ones are converted. A column that is
    mostly empty (an optional one) has only its filled cells read, the same way."""
    gevuld = np.flatnonzero(~leeg)
    if 2 * len(gevuld) < len(leeg):  # mostly empty (an optional column): read only the rest
        w, g = _getal(kolom.take(pa.array(gevuld)), soort, np.zeros(len(gevuld), dtype=bool))
        waarde, geldig = np.zeros(len(leeg), dtype=np.int64), np.ones(len(leeg), dtype=bool)
        waarde[gevuld], geldig[gevuld] = w, g
        return waarde, geldig
    d = soort.decimalen
    tekst = pc.if_else(pa.array(leeg), "0", kolom) if len(gevuld) < len(leeg) else kolom
    komma = tekstbytes.bevat(tekst, _KOMMA)
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


_EXPONENT = tekstbytes.tabel("eE")


def _vorm(tekst: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The shape of every text of a column that converted as decimal128 (so ASCII, at most
    one '.'): (has an e or E, position of the '.' or −1, length, starts with a sign). Arrow
    finds the '.' per cell; the e is looked for per cell only when the column has one."""
    n = len(tekst)
    plekken, _ = tekstbytes.delen(tekst)
    lengte = np.diff(plekken)
    plek = pc.fill_null(pc.find_substring(tekst, "."), -1).to_numpy().astype(np.int64)
    if tekstbytes.bevat(tekst, _EXPONENT):
        exponent = _np(
            pc.fill_null(pc.greater_equal(pc.find_substring_regex(tekst, "[eE]"), 0), False)
        )
    else:
        exponent = np.zeros(n, dtype=bool)
    eerste = tekstbytes.eerste(tekst)
    teken = (eerste == ord("-")) | (eerste == ord("+"))
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


_HUISHOUD_KOLOM = {  # case field → Invoer column (issue 11)
    "partner_inkomen_per_jaar": "partner_inkomen",
    "huur_per_maand": "huur",
    "vermogen": "vermogen",
    "pensioen_werknemer_percentage": "pensioen_werknemer",
    "pensioen_franchise_per_jaar": "pensioen_franchise",
    "pensioen_werkgever_percentage": "pensioen_werkgever",
}


def _huishouden(kol, leeg, waarden, fouten, tekst, n: int) -> dict[str, np.ndarray]:
    """The household columns (issue 11) with the same rules and messages as one case: numbers
    through the one grammar, toeslagpartner yes/no, kinderen dates separated by ';'."""
    uit: dict[str, np.ndarray] = {}
    bekend = np.zeros(n, dtype=bool)
    for veld, naam in _HUISHOUD_KOLOM.items():
        if veld not in kol:
            continue
        soort = getallen.VELDSOORT[veld]
        w, geldig = _getal(kol[veld], soort, leeg[veld])
        lees = functools.partial(getallen.ontleed_getal, soort=soort)
        fouten.meld(
            ~geldig & ~leeg[veld],
            veld,
            lambda i, v=veld, lz=lees: _melding(lz, tekst(v, i)),
        )
        uit[naam] = np.where(leeg[veld] | ~geldig, 0, w).astype(np.int64)
        bekend |= ~leeg[veld]
    partner = np.zeros(n, dtype=bool)
    if "toeslagpartner" in kol:
        klein = pc.utf8_lower(kol["toeslagpartner"])
        ja = _np(pc.is_in(klein, value_set=pa.array(sorted(JA))))
        nee = _np(pc.is_in(klein, value_set=pa.array(sorted(NEE))))
        leeg_p = leeg["toeslagpartner"]
        fouten.meld(
            ~(ja | nee) & ~leeg_p,
            "toeslagpartner",
            lambda i: _melding(getallen.lees_janee, tekst("toeslagpartner", i)),
        )
        partner = ja
        bekend |= ~leeg_p
    uit["toeslagpartner"] = partner
    if "partner_inkomen_per_jaar" in kol:
        fouten.meld(
            ~leeg["partner_inkomen_per_jaar"] & ~partner,
            "partner_inkomen_per_jaar",
            "een inkomen van een partner kan alleen met toeslagpartner = true; vul "
            "toeslagpartner in of laat dit veld leeg",
        )
    if "kinderen" in kol:
        rijen = np.flatnonzero(~leeg["kinderen"])
        bekend[rijen] = True
        uit["kinderen"] = _kinderen(kol["kinderen"], rijen, waarden, fouten, tekst, n)
    else:  # the dates; ages are counted where needed
        uit["kinderen"] = kinderen_kolom(n, {})
    uit["huishouden"] = bekend
    return uit


_KINDEREN_GEWOON = f"^{getallen.DATUM}(;{getallen.DATUM}){{0,{validatie.MAX_KINDEREN - 1}}}$"


def _kinderen(kolom: pa.Array, rijen: np.ndarray, waarden, fouten, tekst, n: int) -> np.ndarray:
    """The column kinderen (Invoer.kinderen) of the ``rijen`` with a cell: each date of birth
    as JJJJMMDD. A cell in the plain form is read vectorised (:func:`_kinderen_snel`); any
    other through :func:`validatie.lees_kinderen`, the reader of one case, with its message.
    A date after the row's peildatum is refused; a row whose peildatum is wrong is not
    checked (there is nothing to count the ages on)."""
    gewoon, snel = _kinderen_snel(kolom.take(pa.array(rijen)))
    peil = datumgetal(waarden["peildatum"])
    peil_fout = np.zeros(n, dtype=bool)
    peil_fout[[i for i, velden in fouten.velden.items() if "peildatum" in velden]] = True
    data = snel
    gelezen = gewoon.copy()  # the rows whose dates are known
    anders: dict[int, tuple[int, ...]] = {}  # index in rijen → dates, for the other cells
    for j in np.flatnonzero(~gewoon).tolist():  # not the plain form: the one reader
        i = int(rijen[j])
        try:
            anders[j] = tuple(
                d.year * 10_000 + d.month * 100 + d.day
                for d in validatie.lees_kinderen(tekst("kinderen", i))
            )
            gelezen[j] = True
        except ValueError as e:
            fouten.meld_rij(i, "kinderen", str(e))
    breedte = max([snel.shape[1]] + [len(d) for d in anders.values()])
    if breedte > data.shape[1]:
        data = np.pad(data, ((0, 0), (0, breedte - data.shape[1])), constant_values=GEEN_KIND)
    for j, d in anders.items():
        data[j, : len(d)] = d
    te_laat = gelezen & ~peil_fout[rijen] & (data > peil[rijen][:, None]).any(axis=1)
    for i in rijen[te_laat].tolist():
        fouten.meld_rij(i, "kinderen", "een geboortedatum ligt na de peildatum")
    goed = gelezen & ~peil_fout[rijen] & ~te_laat
    # as wide as the most children of a row that is kept (kinderen_kolom)
    aantal = (data[goed] != GEEN_KIND).sum(axis=1)
    k = int(aantal.max()) if len(aantal) else 0
    uit = np.full((n, k), GEEN_KIND, dtype=np.int32)
    uit[rijen[goed]] = data[goed][:, :k]
    return uit


_KINDEREN_GEWOON = f"^{getallen.DATUM}(;{getallen.DATUM}){{0,{validatie.MAX_KINDEREN - 1}}}$"


def _kinderen_snel(teksten: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """The kinderen cells in their plain form — dates JJJJ-MM-DD that exist, separated by ';',
    nothing around them, at most MAX_KINDEREN — as JJJJMMDD per child, vectorised: (which
    cells are in that form, the dates per cell in a matrix filled from the left with
    GEEN_KIND in the empty places). Any other cell then goes through
    :func:`validatie.lees_kinderen` (the same reader as one case, with its message). So the
    fast path reads only what that reader reads the same way: it never accepts or refuses on
    its own."""
    gewoon = _np(pc.match_substring_regex(teksten, _KINDEREN_GEWOON))
    rijen = np.flatnonzero(gewoon)
    if not len(rijen):
        return gewoon, np.full((len(teksten), 0), GEEN_KIND, dtype=np.int32)
    delen = pc.split_pattern(teksten.take(pa.array(rijen)), ";")
    aantal = _np(pc.list_value_length(delen)).astype(np.int64)
    plat = pc.list_flatten(delen)
    jaar, maand, dag = (
        _np(pc.cast(pc.utf8_slice_codeunits(plat, a, b), pa.int64()))
        for a, b in ((0, 4), (5, 7), (8, 10))
    )
    # the date exists: a year from 1 (there is no year 0), the month 1–12, the day inside it
    geldig = (jaar >= 1) & (maand >= 1) & (maand <= 12) & (dag >= 1)
    ym = (jaar - 1970) * 12 + np.clip(maand, 1, 12) - 1
    dagen = (
        np.asarray(ym + 1, dtype="datetime64[M]").astype("datetime64[D]")
        - np.asarray(ym, dtype="datetime64[M]").astype("datetime64[D]")
    ).astype(np.int64)
    geldig &= dag <= dagen
    getal = jaar * 10_000 + maand * 100 + dag
    begin = np.concatenate(([0], np.cumsum(aantal)[:-1]))
    per_cel = np.repeat(np.arange(len(rijen)), aantal)  # the cell of each date
    kolom = np.arange(len(getal)) - begin[per_cel]  # its place in the cell
    # a cell with a date that does not exist is not in the plain form after all
    fout = np.bincount(per_cel[~geldig], minlength=len(rijen)) > 0
    gewoon[rijen[fout]] = False
    matrix = np.full((len(teksten), int(aantal.max())), GEEN_KIND, dtype=np.int32)
    matrix[rijen[per_cel], kolom] = getal
    matrix[rijen[fout]] = GEEN_KIND
    return gewoon, matrix


def _trim(kolom: pa.Array) -> pa.Array:
    """The column with getallen.RAND trimmed around every value; itself when no value begins
    or ends with one of those characters (the usual case: trimming copies every text)."""
    if tekstbytes.randen_vrij(kolom, getallen.RAND):
        return kolom
    return pc.utf8_trim(kolom, characters=getallen.RAND)


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
            else _trim(batch.column(naam))
        )
        for naam in batch.schema.names
        if naam in NODIG
    }
    fouten = _Fouten(n)
    leeg = {naam: tekstbytes.leeg(k) for naam, k in kol.items()}

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
        elif veld in KEUZES:
            index = pc.index_in(pc.utf8_lower(k), value_set=pa.array(KEUZES[veld]))
            geldig = _np(pc.is_valid(index))
            w = _np(pc.fill_null(index, 0)).astype(np.int8)
            lees = functools.partial(getallen.lees_keuze, keuzes=KEUZES[veld])
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

    huishouden = _huishouden(kol, leeg, waarden, fouten, tekst, n)

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
            loonbasis=waarden["loondispensatie_loonbasis"][index].astype(np.int8),
            **{k: v[index] for k, v in huishouden.items()},
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
        posities=posities[index],
    ), afwijzingen
