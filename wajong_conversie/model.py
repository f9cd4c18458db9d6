"""Value objects at the edges (attrs) and the column form of a batch of cases.

A :class:`Geval` is one case as a caseworker enters it (``Decimal`` amounts, dates). The
engine works on :class:`Invoer`: the same fields as numpy columns of integers (cents, ppm,
hundredths of an hour), one element per person. A single case is a batch of one.
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal

import attrs
import numpy as np

from wajong_conversie.geld import centen, centiuren, ppm

REGIMES = ("owajong", "wajong2010", "wajong2015")
"""Regime codes; the column ``regime`` holds the index into this tuple."""

OWAJONG, WAJONG2010, WAJONG2015 = range(3)

LOONBASES = ("functieloon", "minimumloon")
"""What the loonwaarde is applied to today (RULES §3.2); the column ``loonbasis`` holds the
index into this tuple: the functieloon (CAO practice, the default) or the WML per hour."""

LOONBASIS_FUNCTIELOON, LOONBASIS_MINIMUMLOON = range(2)


@attrs.frozen
class Geval:
    """One worker, one job, one peildatum (RULES §1)."""

    peildatum: dt.date
    geboortedatum: dt.date
    regime: str
    arbeidsvermogen: bool
    uren_per_week: Decimal
    functieloon_per_uur: Decimal
    loonwaarde: Decimal
    garantiebedrag_per_maand: Decimal
    voltijd_uren_per_week: Decimal = Decimal("38")
    overige_inkomsten_per_maand: Decimal = Decimal("0")
    werkgeverslasten_percentage: Decimal = Decimal("0.235")
    loondispensatie_uitzondering: bool = False
    loondispensatie_loonbasis: str = "functieloon"
    id: str | None = None
    # household (issue 11), all optional; any of them makes the household known
    toeslagpartner: bool | None = None
    partner_inkomen_per_jaar: Decimal | None = None
    huur_per_maand: Decimal | None = None
    kinderen: tuple[dt.date, ...] | None = None
    vermogen: Decimal | None = None
    pensioen_werknemer_percentage: Decimal | None = None
    pensioen_franchise_per_jaar: Decimal | None = None
    pensioen_werkgever_percentage: Decimal | None = None

    @property
    def huishouden_bekend(self) -> bool:
        return any(getattr(self, veld) is not None for veld in HUISHOUDVELDEN)


HUISHOUDVELDEN = (
    "toeslagpartner",
    "partner_inkomen_per_jaar",
    "huur_per_maand",
    "kinderen",
    "vermogen",
    "pensioen_werknemer_percentage",
    "pensioen_franchise_per_jaar",
    "pensioen_werkgever_percentage",
)
"""The optional household fields of issue 11 (in this order in files, cohorts and forms)."""

KIND_LEEFTIJDEN = ((0, 12), (12, 16), (16, 18))
"""Age bands of the children counted on the peildatum (kindgebonden budget: under 12, 12–15,
16–17); children of 18 and older are not counted."""

_KIND_GRENZEN = tuple(sorted({a for band in KIND_LEEFTIJDEN for a in band}))  # 0, 12, 16, 18

GEEN_KIND = -1
"""Marker in :attr:`Invoer.kinderen` for an empty place (a row with fewer children)."""


@attrs.frozen
class Invoer:
    """A batch of cases as columns. Amounts in cents, rates in ppm, hours in hundredths."""

    peildatum: np.ndarray  # datetime64[D]
    geboortedatum: np.ndarray  # datetime64[D]
    regime: np.ndarray  # int8, index into REGIMES
    arbeidsvermogen: np.ndarray  # bool
    uren: np.ndarray  # int64, hundredths of an hour per week
    voltijd: np.ndarray  # int64, hundredths of an hour per week
    functieloon: np.ndarray  # int64, cents per hour
    loonwaarde: np.ndarray  # int64, ppm
    garantiebedrag: np.ndarray  # int64, cents per month
    overige: np.ndarray  # int64, cents per month
    werkgeverslasten: np.ndarray  # int64, ppm
    uitzondering: np.ndarray  # bool
    loonbasis: np.ndarray  # int8, index into LOONBASES
    # household (issue 11); absent columns are filled in: household unknown
    huishouden: np.ndarray | None = None  # bool: any household field given
    toeslagpartner: np.ndarray | None = None  # bool
    partner_inkomen: np.ndarray | None = None  # int64, cents per year
    huur: np.ndarray | None = None  # int64, cents per month; 0 = no rent given
    vermogen: np.ndarray | None = None  # int64, cents
    pensioen_werknemer: np.ndarray | None = None  # int64, ppm of the pensionable wage
    pensioen_franchise: np.ndarray | None = None  # int64, cents per year
    pensioen_werkgever: np.ndarray | None = None  # int64, ppm
    # int32 (n, k): the children's dates of birth as JJJJMMDD, k = the most children of any row
    # in the batch (0 when nobody has children), filled from the left, GEEN_KIND in the empty
    # places (kinderen_kolom makes it). Their ages are counted on each row's own peildatum
    # (kinderen_per_leeftijd), so they grow older along the path over the years.
    kinderen: np.ndarray | None = None

    def __attrs_post_init__(self) -> None:
        n = len(self.peildatum)
        for naam in (
            "huishouden",
            "toeslagpartner",
            "partner_inkomen",
            "huur",
            "vermogen",
            "pensioen_werknemer",
            "pensioen_franchise",
            "pensioen_werkgever",
        ):
            if getattr(self, naam) is None:
                soort = bool if naam in ("huishouden", "toeslagpartner") else np.int64
                object.__setattr__(self, naam, np.zeros(n, dtype=soort))
        if self.kinderen is None:
            object.__setattr__(self, "kinderen", np.full((n, 0), GEEN_KIND, dtype=np.int32))

    def __len__(self) -> int:
        return len(self.peildatum)

    def neem(self, index: np.ndarray) -> Invoer:
        """The rows at ``index`` (an integer or boolean index)."""
        return Invoer(**{k: v[index] for k, v in attrs.asdict(self, recurse=False).items()})

    @classmethod
    def uit_gevallen(cls, gevallen: list[Geval]) -> Invoer:
        return cls(
            peildatum=np.array([g.peildatum for g in gevallen], dtype="datetime64[D]"),
            geboortedatum=np.array([g.geboortedatum for g in gevallen], dtype="datetime64[D]"),
            regime=np.array([REGIMES.index(g.regime) for g in gevallen], dtype=np.int8),
            arbeidsvermogen=np.array([g.arbeidsvermogen for g in gevallen], dtype=bool),
            uren=np.array([centiuren(g.uren_per_week) for g in gevallen], dtype=np.int64),
            voltijd=np.array(
                [centiuren(g.voltijd_uren_per_week) for g in gevallen], dtype=np.int64
            ),
            functieloon=np.array([centen(g.functieloon_per_uur) for g in gevallen], dtype=np.int64),
            loonwaarde=np.array([ppm(g.loonwaarde) for g in gevallen], dtype=np.int64),
            garantiebedrag=np.array(
                [centen(g.garantiebedrag_per_maand) for g in gevallen], dtype=np.int64
            ),
            overige=np.array(
                [centen(g.overige_inkomsten_per_maand) for g in gevallen], dtype=np.int64
            ),
            werkgeverslasten=np.array(
                [ppm(g.werkgeverslasten_percentage) for g in gevallen], dtype=np.int64
            ),
            uitzondering=np.array([g.loondispensatie_uitzondering for g in gevallen], dtype=bool),
            loonbasis=np.array(
                [LOONBASES.index(g.loondispensatie_loonbasis) for g in gevallen], dtype=np.int8
            ),
            huishouden=np.array([g.huishouden_bekend for g in gevallen], dtype=bool),
            toeslagpartner=np.array([bool(g.toeslagpartner) for g in gevallen], dtype=bool),
            partner_inkomen=_bedragen(gevallen, "partner_inkomen_per_jaar", centen),
            huur=_bedragen(gevallen, "huur_per_maand", centen),
            vermogen=_bedragen(gevallen, "vermogen", centen),
            pensioen_werknemer=_bedragen(gevallen, "pensioen_werknemer_percentage", ppm),
            pensioen_franchise=_bedragen(gevallen, "pensioen_franchise_per_jaar", centen),
            pensioen_werkgever=_bedragen(gevallen, "pensioen_werkgever_percentage", ppm),
            kinderen=kinderen_kolom(
                len(gevallen), {i: g.kinderen for i, g in enumerate(gevallen) if g.kinderen}
            ),
        )


def _bedragen(gevallen: list[Geval], veld: str, schaal) -> np.ndarray:
    return np.array(
        [0 if getattr(g, veld) is None else schaal(getattr(g, veld)) for g in gevallen],
        dtype=np.int64,
    )


def _maand_en_dag_numpy(d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    maand = d.astype("datetime64[M]")
    m = maand.astype(np.int64)  # months since 1970-01
    dag = (d - maand.astype("datetime64[D]")).astype(np.int64) + 1
    return m, dag


_TABEL_BEGIN = np.datetime64("1900-01-01", "D")
_TABEL_DAGEN = int((np.datetime64("2200-01-01", "D") - _TABEL_BEGIN).astype(np.int64))


@functools.cache
def _maand_en_dag_tabel() -> tuple[np.ndarray, np.ndarray]:
    """:func:`_maand_en_dag_numpy` of every day from 1900 to 2199 (~110 000 days, made once)."""
    return _maand_en_dag_numpy(_TABEL_BEGIN + np.arange(_TABEL_DAGEN))


def maand_en_dag(d: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per date (datetime64[D]) its month (int64, months since 1970-01) and day of the month
    (1–31). From a table when every date lies in 1900–2199 (numpy's own conversion to
    months costs ~40 ns a date, a look-up ~2 ns); otherwise numpy's conversion."""
    dagen = d.astype(np.int64) - _TABEL_BEGIN.astype(np.int64)
    if len(dagen) and (dagen.view(np.uint64).max() < _TABEL_DAGEN):  # negative: very large
        maand, dag = _maand_en_dag_tabel()
        return maand[dagen], dag[dagen]
    return _maand_en_dag_numpy(d)


def datumgetal(datums) -> np.ndarray:
    """Dates (datetime64[D] or ``datetime.date``) as int32 JJJJMMDD (20140301 = 1 March 2014)."""
    m, dag = maand_en_dag(np.asarray(datums, dtype="datetime64[D]"))
    return ((m // 12 + 1970) * 10_000 + (m % 12 + 1) * 100 + dag).astype(np.int32)


def kinderen_kolom(n: int, gegeven) -> np.ndarray:
    """The column :attr:`Invoer.kinderen` for ``n`` rows from ``gegeven``: row index → the
    dates of birth of that row (``datetime.date`` or already JJJJMMDD; rows not in it have
    none). int32 (n, k) JJJJMMDD, k = the most children of any row, :data:`GEEN_KIND` in the
    empty places."""
    k = max((len(x) for x in gegeven.values()), default=0)
    uit = np.full((n, k), GEEN_KIND, dtype=np.int32)
    for i, data in gegeven.items():
        uit[i, : len(data)] = [
            d if isinstance(d, int) else d.year * 10_000 + d.month * 100 + d.day for d in data
        ]
    return uit


def kinderen_per_leeftijd(kinderen: np.ndarray, peildatum: np.ndarray) -> np.ndarray:
    """Children per age band of :data:`KIND_LEEFTIJDEN` on each row's own peildatum: int8
    (n, 3) from the (n, k) JJJJMMDD column and the datetime64[D] peildata, vectorised.

    The age is the number of completed years: (JJJJMMDD peildatum − JJJJMMDD geboren) // 10 000
    (the month and day decide whether this year's birthday has come), so a child is 12 on its
    12th birthday and 11 the day before. Born on 29 February: in a year without 29 February the
    child is a year older on 1 March, not on 28 February — the same count as the worker's own
    age (:func:`leeftijd_in_maanden`, completed months).

    Computed without dividing: at least ``a`` years old ⇔ geboren ≤ peildatum − a × 10 000 (the
    date ``a`` years earlier, same month and day). With ``ten_minste[a]`` = the children at
    least ``a`` years old, a band [van, tot) holds ten_minste[van] − ten_minste[tot]; a child
    born after the peildatum is in none, and an empty place (GEEN_KIND, below every date) is
    counted in every ten_minste and so cancels out. Only rows with a child are computed, one
    column at a time; a batch with one peildatum compares against one number."""
    n = len(kinderen)
    uit = np.zeros((n, len(KIND_LEEFTIJDEN)), dtype=np.int8)
    if kinderen.shape[1] == 0:
        return uit
    wie = np.flatnonzero(kinderen[:, 0] != GEEN_KIND)  # filled from the left
    if wie.size == 0:
        return uit
    peildata = np.asarray(peildatum)[wie]
    if (peildata == peildata[0]).all():  # the usual case: one date for the whole batch
        peildata = peildata[:1]
    peil = datumgetal(peildata)
    if peil.size == 1:
        peil = peil[0]
    ten_minste = {a: np.zeros(wie.size, dtype=np.int8) for a in _KIND_GRENZEN}
    for c in range(kinderen.shape[1]):
        geboren = kinderen[wie, c]
        for a, telling in ten_minste.items():
            telling += geboren <= peil - a * 10_000
    for j, (van, tot) in enumerate(KIND_LEEFTIJDEN):
        uit[wie, j] = ten_minste[van] - ten_minste[tot]
    return uit


def leeftijd_in_maanden(geboortedatum: np.ndarray, peildatum: np.ndarray) -> np.ndarray:
    """Completed months of age on the peildatum (vectorised on datetime64[D] columns)."""
    mp, dp = maand_en_dag(np.asarray(peildatum, dtype="datetime64[D]"))
    mg, dg = maand_en_dag(np.asarray(geboortedatum, dtype="datetime64[D]"))
    return mp - mg - (dp < dg).astype(np.int64)
