"""A cohort CSV file read in one pass: each piece is parsed once, on a worker thread, for the
calculation and for what the run needs of the whole file (ids, employers, names).

The two-pass reader (``cohortinvoer.open_csv``) first reads the id and employer columns of
every row, so that it knows the duplicate ids and the employer codes before any row is
computed; that first pass costs ~10 % of a run. Here a piece is computed with what it knows
of itself: its row numbers and positions counted from the start of the piece, employer codes
of its own (:class:`Rauw`). The thread that writes the results takes the pieces in file order
and places each one (:meth:`Stroom.plaats`): rows before it, lines before it, and where its
employers start in the list of every piece's employers. At the end (:meth:`Stroom.einde`)
that list is encoded once, in order of first occurrence, so the employers get the codes the
two-pass reader gives them; sums per employer and the werklijst are mapped to those codes then.

Only the duplicate ids cannot be known before the end: a row whose id occurs again further on
must be rejected, with all its namesakes. :meth:`Stroom.einde` counts them; when there are
any, the run starts again with the two-pass reader (``cohort.voer_uit``), so the outputs are
always those of one rule. Files with duplicate ids are rare, and wrong: the second run costs
only them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import attrs
import numpy as np
import pyarrow as pa

from wajong_conversie import tekstbytes
from wajong_conversie.cohortinvoer import (
    NAAM,
    NODIG,
    WERKGEVER,
    Afwijzing,
    Bron,
    CsvOpmaak,
    StukUitkomst,
    controleer_kolommen,
    kapotte_rijen,
    lees_stuk,
)


@attrs.frozen
class Rauw:
    """A piece as a worker parsed it: relative numbers, the piece's own employer codes."""

    uitkomst: StukUitkomst | None
    probleem: object | None  # (rows before, lines before) → BestandFout
    nummers: np.ndarray  # row number per kept row, counted as if the piece began the file
    batch: pa.RecordBatch | None  # the columns the calculation needs, kept rows
    werkgever: np.ndarray | None  # the piece's employer code per kept row, −1: none
    werkgevers: pa.Array | None  # the piece's employers (trimmed ids), in order of occurrence
    werkgever_namen: pa.Array | None  # per employer of the piece: the name on its first row
    grootte: int  # bytes of the file in the piece (for the progress bar)
    # a fingerprint of each id that is not empty (tekstbytes.vingerafdruk); None: an id is
    # too long for one
    vingers: np.ndarray | None = None

    def licht(self) -> Rauw:
        """Without the parsed columns the calculation has used: what :meth:`Stroom.plaats`
        needs (ids, names, employers, counts) is all that waits for the writing thread."""
        kolommen = {k: v for k, v in self.uitkomst.kolommen.items() if k in ("id", NAAM)}
        return attrs.evolve(
            self, batch=None, uitkomst=attrs.evolve(self.uitkomst, kolommen=kolommen)
        )

    @property
    def posities(self) -> np.ndarray:
        """Position per kept row, counted from the start of the piece."""
        return np.arange(len(self.nummers), dtype=np.int64)

    @property
    def aantal_werkgevers(self) -> int:
        return len(self.werkgevers) if self.werkgevers is not None else 0


@attrs.frozen
class Plaats:
    """Where a piece lies in the file: what to add to its relative numbers."""

    rijen_voor: int  # records before the piece (add to its row numbers)
    gezien: int  # kept rows before the piece (add to its positions)
    # the employers of the pieces before it: add to the piece's own employer codes to get a
    # place in the list of every piece's employers, which :meth:`Stroom.einde` maps to the
    # file's codes once it is complete
    werkgevers_voor: int


class Dubbel(Exception):
    """The file has duplicate ids: the run goes again with the two-pass reader."""


class Stroom:
    """The pieces of one CSV file, read once."""

    def __init__(self, pad, peildatum_opgelegd: bool = False):
        self.opmaak = CsvOpmaak.van(pad)
        kolommen = self.opmaak.kolommen
        self.pad = pad
        self.genegeerd = controleer_kolommen(kolommen, peildatum_opgelegd)
        self.nodig = [k for k in kolommen if k in NODIG]
        self._lezen = list(
            dict.fromkeys(self.nodig + [k for k in ("id", *WERKGEVER, NAAM) if k in kolommen])
        )
        self.met_werkgever = "werkgever_id" in kolommen
        self.kapot: list[Afwijzing] = []
        self._voor, self._regels_voor, self._gezien = 0, 1, 0
        self._ids: list[pa.Array] = []
        self._vingers: list[np.ndarray] | None = []  # None: some piece has none
        self._namen: list[pa.Array] = []
        # per piece its employers (trimmed werkgever_id) and the name on each one's first row
        self._werkgevers: list[pa.Array] = []
        self._werkgever_namen: list[pa.Array] = []
        self._werkgevers_voor = 0
        self.werkgever_kaart = np.zeros(0, dtype=np.int64)  # see einde()

    @property
    def grootte(self) -> int:
        return self.pad.stat().st_size

    def stukken(self) -> Iterator:
        """Per piece a function that parses it (on a worker thread) into :class:`Rauw`."""
        for stuk in self.opmaak.stukken():
            yield functools.partial(self._lees, stuk)

    def _lees(self, stuk) -> Rauw:
        uitkomst, probleem = lees_stuk(self.opmaak, stuk, self._lezen)
        if probleem is not None:
            leeg = np.zeros(0, np.int64)
            return Rauw(None, probleem, leeg, None, None, None, None, len(stuk.data))
        k = uitkomst.kolommen
        batch = pa.RecordBatch.from_arrays([k[n] for n in self.nodig], names=self.nodig)
        werkgever = werkgevers = namen = None
        if self.met_werkgever:
            gecodeerd = k["werkgever_id"]
            werkgevers = gecodeerd.dictionary
            werkgever = gecodeerd.indices.to_numpy(zero_copy_only=False).astype(np.int64)
            if "werkgever_naam" in k:  # the name on the first row of each employer (no sort)
                eerste = np.full(len(werkgevers), len(werkgever), dtype=np.int64)
                np.minimum.at(eerste, werkgever, np.arange(len(werkgever), dtype=np.int64))
                namen = k["werkgever_naam"].take(pa.array(eerste))
        return Rauw(
            uitkomst,
            None,
            2 + uitkomst.geldig,
            batch,
            werkgever,
            werkgevers,
            namen,
            len(stuk.data),
            _vingers(k["id"]),
        )

    def plaats(self, rauw: Rauw) -> Plaats:
        """Take the next piece, in file order (on the writing thread)."""
        if rauw.probleem is not None:
            raise rauw.probleem(self._voor, self._regels_voor)
        u = rauw.uitkomst
        voor = self._voor
        self.kapot.extend(kapotte_rijen(voor, u.slecht))
        werkgevers_voor = self._werkgevers_voor
        if self.met_werkgever:
            self._werkgevers.append(rauw.werkgevers)
            if rauw.werkgever_namen is not None:
                self._werkgever_namen.append(rauw.werkgever_namen)
            self._werkgevers_voor += len(rauw.werkgevers)
        self._ids.append(u.kolommen["id"])
        if self._vingers is not None and rauw.vingers is not None:
            self._vingers.append(rauw.vingers)
        else:
            self._vingers = None
        if NAAM in u.kolommen:
            self._namen.append(u.kolommen[NAAM])
        plaats = Plaats(voor, self._gezien, werkgevers_voor)
        self._voor += u.records
        self._regels_voor += u.regels
        self._gezien += len(rauw.nummers)
        return plaats

    def einde(self) -> Bron:
        """After the last piece: the file as the two-pass reader describes it (without the
        batches, which have been computed). Raises :class:`Dubbel` when an id occurs twice.
        The ids and names stay in their pieces (a ChunkedArray: no copy of the whole column);
        the employers' lists are joined and let go as they are coded."""
        leeg = pa.array([], pa.string())
        ids, self._ids = pa.chunked_array(self._ids or [leeg], pa.string()), []  # no copy
        bron = Bron(self.pad, self.opmaak.kolommen, ids, iter(()), self.kapot)
        bron.genegeerd = self.genegeerd
        if NAAM in self.opmaak.kolommen:
            # the pieces as they are (no copy of ~20 MB at a million rows): only the rows of
            # the werklijst are taken from them
            bron.namen, self._namen = pa.chunked_array(self._namen or [leeg], pa.string()), []
        # duplicate ids are looked for on a side thread while the employers are coded here
        # (numpy and Arrow leave the interpreter free)
        with ThreadPoolExecutor(1) as pool:
            dubbel = pool.submit(self._dubbel, bron)
            self._codeer_werkgevers(bron)
            if dubbel.result():
                raise Dubbel
        return bron

    def _dubbel(self, bron: Bron) -> bool:
        """Does an id occur twice? Sorted, the pieces' fingerprints of the ids show at once
        that they are all different (the usual case: ~0,07 s and 16 MB for a million ids,
        against ~0,25 s and ~50 MB for counting the texts); two equal fingerprints, or an id
        too long for one, and the texts themselves are counted."""
        vingers, self._vingers = self._vingers, []
        if vingers is not None:
            alle = np.sort(np.concatenate([np.zeros(0, np.uint64), *vingers]))
            del vingers
            if not (alle[1:] == alle[:-1]).any():
                return False
        return bool(len(bron.dubbele_ids()))

    def _codeer_werkgevers(self, bron: Bron) -> None:
        """Every piece's employers in file order, coded once like a whole column (in order of
        first occurrence, the name on each one's first row): what each piece's own code
        becomes (``werkgever_kaart``)."""
        if not self.met_werkgever:
            return
        leeg = pa.array([], pa.string())
        namen = None
        if "werkgever_naam" in self.opmaak.kolommen:
            namen = pa.chunked_array(self._werkgever_namen or [leeg], pa.string())  # no copy
            self._werkgever_namen = []
        alle, self._werkgevers = pa.concat_arrays(self._werkgevers or [leeg]), []
        bron.codeer_werkgevers(alle, namen)
        self.werkgever_kaart, bron.werkgever_code = bron.werkgever_code, None


def _vingers(ids: pa.Array) -> np.ndarray | None:
    """The fingerprints of the ids that are not empty (an empty id is its row's own error)."""
    vingers = tekstbytes.vingerafdruk(ids)
    if vingers is None:
        return None
    return vingers[np.diff(tekstbytes.delen(ids)[0]) > 0]


def hercodeer(kaart: np.ndarray, code: np.ndarray) -> np.ndarray:
    """Places in the list of every piece's employers (−1: none) as the file's codes."""
    if not len(kaart):
        return code
    return np.where(code >= 0, kaart[np.maximum(code, 0)], -1)
