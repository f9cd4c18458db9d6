"""A synthetic example cohort: fictitious Wajong workers with loondispensatie, as strings.

:func:`genereer` builds a table of ``aantal`` fictitious workers, fully vectorised (numpy for
the draws, pyarrow compute for the text), deterministic for a seed. Every column is a string
in the format of a cohort file (RULES §1 plus the person and employer columns), and every row
is valid for :mod:`wajong_conversie.validatie` unless ``fouten`` asks for defective rows.

The shape of the cohort (regimes, ages, loonwaarde, hours, wages, garantiebedrag, employers)
and the source or assumption behind each choice are documented in
``examples/cohort_aannames.md``; the numbers below carry the same names. Names, addresses and
BSNs are random combinations from short lists: they describe nobody.

``python -m wajong_conversie.voorbeeldcohort`` regenerates ``examples/cohort.csv``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from wajong_conversie import parameters as parameterbron
from wajong_conversie import voorbeeldhuishouden
from wajong_conversie.model import leeftijd_in_maanden
from wajong_conversie.validatie import BRIEFVELDEN
from wajong_conversie.wajong import wml_uur

KOLOMMEN = (
    "id",
    "peildatum",
    "geboortedatum",
    "regime",
    "arbeidsvermogen",
    "uren_per_week",
    "voltijd_uren_per_week",
    "functieloon_per_uur",
    "loonwaarde",
    "garantiebedrag_per_maand",
    "overige_inkomsten_per_maand",
    "werkgeverslasten_percentage",
    "loondispensatie_uitzondering",
    "werkgever_id",
    "werkgever_naam",
    "naam",
    "straat",
    "postcode",
    "woonplaats",
    "bsn",
    "werkgever_straat",
    "werkgever_postcode",
    "werkgever_plaats",
    *voorbeeldhuishouden.KOLOMMEN,  # issue 11: filled for part of the rows, else empty
)
SCHEMA = pa.schema([(k, pa.string()) for k in KOLOMMEN])
# the columns beyond RULES §1 (for validatie.lees_geval(..., extra=EXTRA_VELDEN))
EXTRA_VELDEN = frozenset({"id", *BRIEFVELDEN})
STANDAARD_PEILDATUM = dt.date(2026, 3, 1)
_DRADEN = min(4, os.cpu_count() or 1)
METADATA_FOUTEN = b"wajong_conversie.fouten"  # schema metadata: JSON [[row, kind], ...]

# --- the shape of the cohort (see examples/cohort_aannames.md) -----------------------------

REGIMES = ("owajong", "wajong2010", "wajong2015")
REGIME_KANS = (0.55, 0.435, 0.015)
DGA_KANS_OUD = 0.005  # owajong/wajong2010 without arbeidsvermogen, loondispensatie from before 2018
JEUGD_AANDEEL_2015 = 0.6  # of the wajong2015 rows: aged 18-20 (the only route to youth WML)

# birth windows that follow from when each regime took in new people (aged 18 to 30)
OWAJONG_GEBOREN_TOT = dt.date(1991, 12, 31)  # inflow up to 2009
WAJONG2010_GEBOREN = (dt.date(1980, 1, 1), dt.date(1996, 12, 31))  # inflow 2010-2014
WAJONG2015_GEBOREN_VANAF = dt.date(1985, 1, 1)  # inflow from 2015
# shape (a, b) within the window (Kumaraswamy, beta-like); mass near 1 = the younger end
OWAJONG_VORM = (2.5, 1.6)
WAJONG2010_VORM = (3.0, 1.3)
WAJONG2015_VORM = (2.0, 1.0)

LOONWAARDE_LAAG_KANS = 0.05  # below 30 %: the 70 % LKS cap binds after conversion
LOONWAARDE_LAAG = (10, 29)  # whole percentages
LOONWAARDE_VORM = (2.0, 1.8)  # shape on 30 % .. 75 %

UREN_KLEIN_KANS = 0.08  # 8 - 15.5 hours
UREN_GROOT_KANS = 0.15  # 36.5 - 40 hours (capped at the employer's full-time week)
UREN_VAST = (16, 20, 24, 28, 32, 36)  # common contract sizes
UREN_VAST_KANS = (0.12, 0.22, 0.22, 0.16, 0.16, 0.12)
UREN_KWARTIER_KANS = 0.03  # a quarter hour more (e.g. 22.75)

VOLTIJD = (32, 36, 38, 40)
VOLTIJD_KANS = (0.05, 0.35, 0.35, 0.25)
WERKGEVERSLASTEN = (0.200, 0.235, 0.300)  # triangular: low, mode, high; in steps of 0.005

BOVEN_WML_KANS = 0.28
BOVEN_WML = (0.05, 0.30)  # functieloon = WML × (1 + this) …
BOVEN_WML_VORM = (1.3, 2.5)  # … with this shape within it (mostly the lower end)

GARANTIE_KANS = {"owajong": 0.30, "wajong2010": 0.22}
GARANTIE_FRACTIE_WML = (0.39, 0.75)  # of the adult WML per month …
GARANTIE_VORM = (2.0, 2.0)  # … with this shape within it

OVERIGE_KANS = 0.07
OVERIGE_MEDIAAN = 300.0  # EUR per month, lognormal
OVERIGE_SPREIDING = 0.7
OVERIGE_GRENZEN = (25.0, 1500.0)

WERKGEVER_ZIPF = 2.3  # P(employer size k) ~ k^-2.3: most employ one, a few ten or more
WERKGEVER_MAX = 250

# --- word lists (all combinations are fictitious) ------------------------------------------

VOORNAMEN = (
    "Anouk", "Bas", "Chantal", "Daan", "Esther", "Frank", "Gerda", "Hans", "Ilse", "Jeroen",
    "Kim", "Lars", "Marloes", "Niels", "Oscar", "Petra", "Ruud", "Sanne", "Thijs", "Ursula",
    "Vincent", "Wendy", "Yvonne", "Zeger", "Bram", "Demi", "Femke", "Jesse", "Lisa", "Mohamed",
    "Noor", "Rik", "Sophie", "Tim", "Fatima", "Kevin", "Iris", "Joost", "Mirjam", "Stijn",
)  # fmt: skip
ACHTERNAMEN = (
    "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser",
    "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
    "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
    "van der Veen", "van den Broek", "de Bruijn", "Willems", "Hoekstra", "Koster", "Prins",
    "Huisman", "Postma", "El Amrani", "Yilmaz",
)  # fmt: skip
STRATEN = (
    "Dorpsstraat", "Kerkstraat", "Schoolstraat", "Molenweg", "Lindelaan", "Beukenlaan",
    "Stationsweg", "Julianastraat", "Wilhelminastraat", "Emmastraat", "Parallelweg",
    "Raadhuisplein",
    "Eikenlaan", "Merelstraat", "Kastanjelaan", "Industrieweg", "Nieuwstraat", "Sportlaan",
    "Tulpstraat", "Rozenstraat", "Vondelstraat", "Prinses Irenestraat", "Hoofdstraat",
    "Marktstraat", "Zonnebloemstraat", "Klaverweide", "Populierenlaan", "Meidoornstraat",
    "Spoorstraat", "Veldweg", "Bosrand", "Wilgenhof",
)  # fmt: skip
HUISNUMMER_TOEVOEGING = ("", "", "", "", "", "", "a", "b", "-1", "-2")
HUISNUMMER_MAX = 350
# (town, first two digits of its postcodes, weight)
PLAATSEN = (
    ("Amsterdam", 10, 8), ("Rotterdam", 30, 6), ("Den Haag", 25, 5), ("Utrecht", 35, 4),
    ("Eindhoven", 56, 3), ("Groningen", 97, 3), ("Tilburg", 50, 3), ("Almere", 13, 2),
    ("Breda", 48, 2), ("Nijmegen", 65, 2), ("Apeldoorn", 73, 2), ("Haarlem", 20, 2),
    ("Arnhem", 68, 2), ("Enschede", 75, 2), ("Amersfoort", 38, 2), ("Zwolle", 80, 2),
    ("Leeuwarden", 89, 1), ("Maastricht", 62, 1), ("Leiden", 23, 1), ("Dordrecht", 33, 1),
    ("Zoetermeer", 27, 1), ("'s-Hertogenbosch", 52, 1), ("Deventer", 74, 1), ("Alkmaar", 18, 1),
    ("Emmen", 78, 1), ("Venlo", 59, 1), ("Helmond", 57, 1), ("Middelburg", 43, 1),
    ("Assen", 94, 1), ("Hoorn", 16, 1), ("Heerenveen", 84, 1), ("Doetinchem", 70, 1),
)  # fmt: skip
POSTCODE_LETTERS = "ABCDEFGHJKLMNPRSTVWXZ"
SECTOREN = (  # (word, weight): more weight where UWV counts most Wajongers per job
    ("Hoveniersbedrijf", 4), ("Groenvoorziening", 4), ("Kwekerij", 3), ("Uitzendbureau", 4),
    ("Bakkerij", 2), ("Supermarkt", 3), ("Schoonmaakbedrijf", 2), ("Drukkerij", 1),
    ("Wasserij", 2), ("Zorgboerderij", 2), ("Timmerbedrijf", 1), ("Installatiebedrijf", 1),
    ("Transportbedrijf", 1), ("Distributiecentrum", 2), ("Lunchroom", 2), ("Restaurant", 1),
    ("Hotel", 1), ("Kinderopvang", 1), ("Zorgcentrum", 2), ("Fietsenmakerij", 1),
    ("Autobedrijf", 1), ("Slagerij", 1), ("Groothandel", 1), ("Meubelmakerij", 1),
    ("Kringloopwinkel", 2), ("Metaalbewerking", 1), ("Verpakkingsbedrijf", 2),
    ("Recreatiepark", 1), ("Dierenpension", 1), ("Tuincentrum", 2),
)  # fmt: skip
BEDRIJFSNAMEN = (
    "De Zon", "Het Anker", "De Linde", "Van Dijk", "De Eik", "Het Veld", "De Molen", "Jansen",
    "Noorderlicht", "De Hoeve", "Het Bolwerk", "Zuidwijk", "De Klaproos", "Bakker", "Meijer",
    "De Kroon", "Het Groene Hart", "De Ster", "Smit", "Westerkwartier", "De Waard", "Het Baken",
    "De Horst", "Oosterveld", "De Brug", "Visser", "Mulder", "De Lelie", "Het Wapen", "De Vlijt",
)  # fmt: skip
RECHTSVORMEN = (" B.V.", " B.V.", " B.V.", " B.V.", "", "", " V.O.F.", " & Zonen")

# --- defects (fouten=N) ---------------------------------------------------------------------

ONTBREEKT, GEEN_GETAL, ONMOGELIJK, FOUTE_DATUM, DUBBEL_ID, ONBEKEND_REGIME = range(6)
FOUTSOORTEN = (
    "ontbreekt",
    "geen_getal",
    "onmogelijk",
    "foute_datum",
    "dubbel_id",
    "onbekend_regime",
)
ONTBREKEND_VELD = (
    "functieloon_per_uur", "loonwaarde", "regime", "geboortedatum", "uren_per_week",
    "garantiebedrag_per_maand", "arbeidsvermogen", "peildatum",
)  # fmt: skip
GEEN_GETAL_VELD = ("uren_per_week", "functieloon_per_uur", "loonwaarde", "garantiebedrag_per_maand")
ONMOGELIJK_SOORT = ("loonwaarde", "uren", "leeftijd", "functieloon", "garantiebedrag")
FOUTE_DATUM_VELD = ("geboortedatum", "peildatum")
FOUTE_DATUM_WAARDE = "2026-13-40"
ONBEKEND_REGIME_WAARDE = "wajong2020"

# --- text from byte matrices -----------------------------------------------------------------
# Every text column is built as an (n × width) uint8 matrix of UTF-8 bytes, where 0 means "no
# byte here"; the rows are then packed into one Arrow string array without a Python loop.


def _als_tekst(matrix: np.ndarray, vast: bool = False) -> pa.Array:
    """Pack the rows of a byte matrix into a string array; ``vast``: no 0 bytes anywhere."""
    m = np.ascontiguousarray(matrix, dtype=np.uint8)
    n, breedte = m.shape
    if n * breedte >= 2**31:
        raise ValueError("te veel tekst voor één kolom; genereer in delen")
    if vast:
        grenzen = np.arange(0, (n + 1) * breedte, breedte, dtype=np.int32)
        data = m.reshape(-1)
    else:
        houd = m != 0
        data = m[houd]  # row-major: the bytes of row 0, then row 1, …
        grenzen = np.zeros(n + 1, dtype=np.int32)
        np.cumsum(np.add.reduce(houd.view(np.uint8), axis=1, dtype=np.int32), out=grenzen[1:])
    return pa.StringArray.from_buffers(n, pa.py_buffer(grenzen), pa.py_buffer(data))


_VIER_CIJFERS = np.array([list(f"{i:04d}".encode()) for i in range(10_000)], dtype=np.uint8).view(
    np.uint32
)[:, 0]  # entry i: the 4 ASCII digits of i, zero-padded, as one uint32


def _cijfers(x, breedte: int, voorloopnullen: bool = True) -> np.ndarray:
    """Non-negative integers → (n × breedte) ASCII digits; without leading zeros if asked."""
    x = np.asarray(x, dtype=np.int64)
    blokken = -(-breedte // 4)
    delen = [_VIER_CIJFERS[x // 10 ** (4 * j) % 10_000] for j in range(blokken - 1, -1, -1)]
    uit = np.stack(delen, axis=1).view(np.uint8)[:, 4 * blokken - breedte :]
    if not voorloopnullen:
        uit = uit.copy()
        lengte = np.ones(len(x), dtype=np.int64)
        for k in range(1, breedte):
            lengte += x >= 10**k
        uit[np.arange(breedte)[None, :] < (breedte - lengte)[:, None]] = 0
    return uit


def _breedte(grootste: int, minimaal: int = 1) -> int:
    return max(minimaal, len(str(max(int(grootste), 0))))


def _teken(tekens: str, n: int) -> np.ndarray:
    rij = np.frombuffer(tekens.encode("utf-8"), dtype=np.uint8)
    return np.broadcast_to(rij, (n, len(rij)))


def _plak(*delen: np.ndarray, vast: bool = False) -> pa.Array:
    return _als_tekst(np.hstack(delen), vast=vast)


def _kies(lijst, index) -> pa.Array:
    woordenboek = pa.array(list(lijst), pa.string())
    return woordenboek.take(pa.array(np.asarray(index, dtype=np.int64)))


def _kies_paar(links, rechts, i, j, tussen: str = "") -> pa.Array:
    """links[i] + tussen + rechts[j], through a table of all pairs (the lists are short)."""
    paren = [f"{a}{tussen}{b}" for a in links for b in rechts]
    return _kies(paren, np.asarray(i, dtype=np.int64) * len(rechts) + np.asarray(j))


def _via_tabel(x: np.ndarray, opmaak) -> pa.Array | None:
    """Few distinct values (a narrow range): format each once in Python, then take."""
    if len(x) == 0:
        return pa.array([], pa.string())
    laag, hoog = int(x.min()), int(x.max())
    if hoog - laag > 30_000:
        return None
    return _kies([opmaak(v) for v in range(laag, hoog + 1)], x - laag)


def _bedrag(centen) -> pa.Array:
    """Cents → '14.71' (never through float)."""
    c = np.asarray(centen, dtype=np.int64)
    snel = _via_tabel(c, lambda v: f"{v // 100}.{v % 100:02d}")
    if snel is not None:
        return snel
    gevuld = np.flatnonzero(c)
    if 2 * len(gevuld) < len(c):  # mostly 0: format the others, then take
        index = np.zeros(len(c), dtype=np.int64)
        index[gevuld] = np.arange(1, len(gevuld) + 1)
        waarden = pa.concat_arrays([pa.array(["0.00"], pa.string()), _bedrag(c[gevuld])])
        return waarden.take(pa.array(index))
    heel = _cijfers(c // 100, _breedte(c.max() // 100), voorloopnullen=False)
    return _plak(heel, _teken(".", len(c)), _cijfers(c % 100, 2))


def _uur_tekst(v: int) -> str:
    heel, rest = divmod(v, 100)
    if rest == 0:
        return str(heel)
    return f"{heel}.{rest // 10}" if rest % 10 == 0 else f"{heel}.{rest:02d}"


def _uren(centiuren) -> pa.Array:
    """Hundredths of an hour → '24', '24.5' or '22.75'."""
    c = np.asarray(centiuren, dtype=np.int64)
    snel = _via_tabel(c, _uur_tekst)
    if snel is not None:
        return snel
    n = len(c)
    heel = _cijfers(c // 100, _breedte(c.max() // 100), voorloopnullen=False)
    rest = c % 100
    staart = np.hstack([_teken(".", n), _cijfers(rest, 2)])
    staart[rest == 0, :] = 0  # whole hours: no decimals
    staart[rest % 10 == 0, 2] = 0  # one decimal: '24.5'
    return _plak(heel, staart)


def _fractie(deel, decimalen: int) -> pa.Array:
    """A fraction below 1 given in 10^-decimalen: 55, 2 → '0.55'; 235, 3 → '0.235'."""
    d = np.asarray(deel, dtype=np.int64)
    return _via_tabel(d, lambda v: f"0.{v:0{decimalen}d}")


def _janee(masker) -> pa.Array:
    return _kies(("false", "true"), np.asarray(masker, dtype=np.int64))


def _datums(dagen) -> pa.Array:
    """datetime64[D] → ISO strings 'YYYY-MM-DD' (a table of the days in range, then take)."""
    d = np.asarray(dagen, dtype="datetime64[D]").astype(np.int64)
    if len(d) == 0:
        return pa.array([], pa.string())
    eerste = int(d.min())
    reeks = np.arange(eerste, int(d.max()) + 1).astype("datetime64[D]")
    return pc.cast(pa.array(reeks), pa.string()).take(pa.array(d - eerste))


def _code(letter: str, nummers, breedte: int) -> pa.Array:
    """'W' + zero-padded number: W0000001."""
    x = np.asarray(nummers, dtype=np.int64)
    return _plak(_teken(letter, len(x)), _cijfers(x, breedte), vast=True)


def _vorm(rng: np.random.Generator, a: float, b: float, n: int) -> np.ndarray:  # float ok
    """A beta-like shape on [0, 1] (Kumaraswamy(a, b)): cheap, by inverting its CDF."""
    return (1.0 - (1.0 - rng.random(n)) ** (1.0 / b)) ** (1.0 / a)


def _categorie(rng: np.random.Generator, n: int, kansen) -> np.ndarray:
    """Category per row for the given weights (integers, or probabilities in thousandths)."""
    k = np.asarray(kansen, dtype=float)
    gewichten = np.round(k * (1 if np.all(k == np.round(k)) else 1000)).astype(np.int64)
    tabel = np.repeat(np.arange(len(k)), gewichten)
    return tabel[rng.integers(0, len(tabel), n)]


def _maanden_terug(d: dt.date, maanden: int) -> dt.date:
    totaal = d.year * 12 + d.month - 1 - maanden
    jaar, maand = divmod(totaal, 12)
    maand += 1
    for dag in (d.day, 30, 29, 28):
        try:
            return dt.date(jaar, maand, dag)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _dag(d: dt.date) -> np.datetime64:
    return np.datetime64(d.isoformat(), "D")


# --- the generator --------------------------------------------------------------------------


def _geboortedata(
    rng: np.random.Generator, regime: np.ndarray, jeugd: np.ndarray, peildatum: dt.date, p
) -> np.ndarray:
    """Birth dates per regime, within the valid age window (18 up to the AOW age)."""
    n = len(regime)
    oudst = _dag(_maanden_terug(peildatum, p.aow_leeftijd_maanden)) + 2  # below the AOW age
    jongst = _dag(_maanden_terug(peildatum, 12 * p.minimumleeftijd))  # exactly 18 is allowed
    volwassen = _dag(_maanden_terug(peildatum, 12 * p.volwassen_wml_leeftijd))

    vensters = [  # (first, last, shape) per group: owajong, wajong2010, wajong2015, aged 18-20
        (oudst, _dag(OWAJONG_GEBOREN_TOT), OWAJONG_VORM),
        (_dag(WAJONG2010_GEBOREN[0]), _dag(WAJONG2010_GEBOREN[1]), WAJONG2010_VORM),
        (_dag(WAJONG2015_GEBOREN_VANAF), volwassen, WAJONG2015_VORM),
        (volwassen + 1, jongst, (1.0, 1.0)),
    ]
    van = np.empty(4, dtype="datetime64[D]")
    breedte = np.empty(4, dtype=np.int64)
    vorm = np.empty((4, 2))
    for g, (begin, eind, (a, b)) in enumerate(vensters):
        begin, eind = max(begin, oudst), min(eind, jongst)
        if begin > eind:  # a peildatum far from today: fall back to the whole age window
            begin, eind = oudst, jongst
        van[g], breedte[g], vorm[g] = begin, (eind - begin).astype(np.int64), (a, b)
    groep = np.where(jeugd, 3, regime)
    a, b = vorm[groep, 0], vorm[groep, 1]
    u = (1.0 - (1.0 - rng.random(n)) ** (1.0 / b)) ** (1.0 / a)
    stap = np.minimum(np.floor(u * (breedte[groep] + 1)).astype(np.int64), breedte[groep])
    return van[groep] + stap


def _werkgevers(rng: np.random.Generator, n: int) -> tuple[np.ndarray, int]:
    """Each worker's employer index; employer sizes ~ k^-s (1 … max), so most employ one."""
    if n == 0:
        return np.zeros(0, dtype=np.int64), 0
    k = np.arange(1, WERKGEVER_MAX + 1, dtype=float)
    verdeling = np.cumsum(k**-WERKGEVER_ZIPF)
    verdeling /= verdeling[-1]
    groottes = np.zeros(0, dtype=np.int64)
    while groottes.sum() < n:  # almost always one round: the mean size is about 2
        extra = np.searchsorted(verdeling, rng.random(n // 2 + 16), side="right") + 1
        groottes = np.concatenate([groottes, np.minimum(extra, WERKGEVER_MAX)])
    werkgever = np.searchsorted(np.cumsum(groottes), np.arange(n), side="right")
    return rng.permutation(werkgever), int(werkgever[-1]) + 1


def _werkgever_trekking(rng: np.random.Generator, m: int) -> tuple[np.ndarray, ...]:
    """Per employer: sector, name, town (0 = none) and legal form, as list indices."""
    sector = _categorie(rng, m, [w for _, w in SECTOREN])
    naam = rng.integers(0, len(BEDRIJFSNAMEN), m)
    vorm = rng.integers(0, len(RECHTSVORMEN), m)
    plaats = _categorie(rng, m, [w for _, _, w in PLAATSEN]) + 1
    plaats[rng.random(m) >= 0.3] = 0  # 30 % carry a town in the name
    return sector, naam, plaats, vorm


def _werkgever_namen(sector, naam, plaats, vorm) -> pa.Array:
    """'Bakkerij De Zon B.V.', 'Kwekerij Het Veld Assen', …, one per employer."""
    plaatsen = [""] + [" " + p for p, _, _ in PLAATSEN]
    return pc.binary_join_element_wise(
        _kies_paar([s for s, _ in SECTOREN], BEDRIJFSNAMEN, sector, naam, tussen=" "),
        _kies_paar(plaatsen, RECHTSVORMEN, plaats, vorm),
        "",
    )


def elfproef(bsn) -> np.ndarray:
    """True where a 9-digit number passes the BSN 11-test (9·d1 + … + 2·d8 − d9 ≡ 0 mod 11)."""
    getal = np.asarray(bsn, dtype=np.int64)
    som = np.zeros(getal.shape, dtype=np.int64)
    for positie, gewicht in enumerate((9, 8, 7, 6, 5, 4, 3, 2, -1)):
        som += gewicht * (getal // 10 ** (8 - positie) % 10)
    return (som % 11 == 0) & (getal >= 10**8) & (getal < 10**9)


def _bsn(n: int, a: int, b: int) -> np.ndarray:
    """Distinct fictitious BSNs starting with 9 that pass the 11-test.

    The 7 digits after the leading 9 are the affine permutation ``a·i + b mod 10^7`` of a
    counter (``a`` coprime to 10: distinct by construction); the 9th digit is the check digit.
    A body whose check digit would be 10 takes the body of counter i + k·n instead
    (k = 1, 2, …), which no other row uses.
    """
    ruimte = 10**7
    hoog = np.arange(1000)  # digits 2-4 of the BSN (weights 8, 7, 6)
    laag = np.arange(10_000)  # digits 5-8 (weights 5, 4, 3, 2)
    som_hoog = 8 * (hoog // 100) + 7 * (hoog // 10 % 10) + 6 * (hoog % 10)
    som_laag = 5 * (laag // 1000) + 4 * (laag // 100 % 10) + 3 * (laag // 10 % 10) + 2 * (laag % 10)
    uit = np.zeros(n, dtype=np.int64)
    open_ = np.arange(n, dtype=np.int64)
    ronde = 0
    while len(open_):
        teller = open_ + ronde * n
        if (ronde + 1) * n > ruimte:  # counters exhausted (n > ~10^6): accept repeats
            teller = teller + ronde
        lijf = (a * (teller % ruimte) + b) % ruimte
        controle = (9 * 9 + som_hoog[lijf // 10_000] + som_laag[lijf % 10_000]) % 11
        goed = controle <= 9
        uit[open_[goed]] = 9 * 10**8 + lijf[goed] * 10 + controle[goed]
        open_ = open_[~goed]
        ronde += 1
    return uit


def _voer_uit(taken: dict, parallel: bool) -> dict[str, pa.Array]:
    if not parallel or _DRADEN < 2:
        return {k: taak() for k, taak in taken.items()}
    with ThreadPoolExecutor(max_workers=_DRADEN) as pool:
        klaar = {k: pool.submit(taak) for k, taak in taken.items()}
        return {k: f.result() for k, f in klaar.items()}


def genereer(
    aantal: int,
    seed: int,
    peildatum: dt.date = STANDAARD_PEILDATUM,
    fouten: int = 0,
) -> pa.Table:
    """``aantal`` fictitious workers as a table of strings (columns :data:`KOLOMMEN`).

    Deterministic for ``seed``. With ``fouten=N``, N rows (chosen from the seed) get one defect
    each, rotating through :data:`FOUTSOORTEN`; their rows and kinds are in the schema
    metadata (see :func:`foutrijen`). Raises ``parameters.GeenParameters`` for a peildatum
    without parameters.
    """
    n = int(aantal)
    if n < 0:
        raise ValueError("aantal mag niet negatief zijn")
    if not 0 <= fouten <= n:
        raise ValueError(f"fouten moet tussen 0 en aantal ({n}) liggen")
    if fouten and n < 2:
        raise ValueError("fouten vraagt ten minste twee rijen (voor een dubbel id)")
    p = parameterbron.voor_datum(peildatum)
    rng = np.random.default_rng(seed)

    # regime, arbeidsvermogen, age
    regime = _categorie(rng, n, REGIME_KANS)
    jeugd = (regime == 2) & (rng.random(n) < JEUGD_AANDEEL_2015)
    dga = (regime == 2) | ((regime < 2) & (rng.random(n) < DGA_KANS_OUD))
    geboren = _geboortedata(rng, regime, jeugd, peildatum, p)
    peil = np.full(n, _dag(peildatum))
    leeftijd = leeftijd_in_maanden(geboren, peil) // 12
    wml = wml_uur(leeftijd, p)  # cents per hour, the project's own rule

    # employer: size, full-time week, premiums
    werkgever, m = _werkgevers(rng, n)
    voltijd_wg = np.asarray(VOLTIJD, dtype=np.int64)[_categorie(rng, m, VOLTIJD_KANS)] * 100
    laag, top, hoog = WERKGEVERSLASTEN
    lasten_wg = np.round(rng.triangular(laag, top, hoog, m) * 200).astype(np.int64) * 5  # ‰
    voltijd = voltijd_wg[werkgever]

    # hours (hundredths), never above the employer's full-time week
    soort = rng.random(n)
    vast = np.asarray(UREN_VAST, dtype=np.int64)[_categorie(rng, n, UREN_VAST_KANS)] * 100
    vrij = rng.integers(32, 73, n) * 50  # 16 .. 36 in half hours
    kern = np.where(rng.random(n) < 0.5, vast, vrij)
    klein = rng.integers(16, 32, n) * 50  # 8 .. 15.5
    groot = rng.integers(73, 81, n) * 50  # 36.5 .. 40
    uren = np.where(
        soort < UREN_KLEIN_KANS, klein, np.where(soort > 1 - UREN_GROOT_KANS, groot, kern)
    )
    uren = np.minimum(uren + np.where(rng.random(n) < UREN_KWARTIER_KANS, 25, 0), voltijd)

    # loonwaarde in whole percentages
    lw_laag = rng.integers(LOONWAARDE_LAAG[0], LOONWAARDE_LAAG[1] + 1, n)
    lw_kern = 30 + np.round(45 * _vorm(rng, *LOONWAARDE_VORM, n)).astype(np.int64)
    loonwaarde = np.where(rng.random(n) < LOONWAARDE_LAAG_KANS, lw_laag, lw_kern)

    # functieloon: the WML for the age, or somewhat above it
    opslag = BOVEN_WML[0] + (BOVEN_WML[1] - BOVEN_WML[0]) * _vorm(rng, *BOVEN_WML_VORM, n)
    boven = rng.random(n) < BOVEN_WML_KANS
    functieloon = np.where(boven, np.round(wml * (1 + opslag)).astype(np.int64), wml)
    functieloon = np.clip(functieloon, wml, 25_000)

    # garantiebedrag (owajong/wajong2010 only), other income
    kans_gb = np.select(
        [regime == 0, regime == 1], [GARANTIE_KANS["owajong"], GARANTIE_KANS["wajong2010"]], 0.0
    )
    heeft_gb = rng.random(n) < kans_gb
    fractie = GARANTIE_FRACTIE_WML[0] + (GARANTIE_FRACTIE_WML[1] - GARANTIE_FRACTIE_WML[0]) * _vorm(
        rng, *GARANTIE_VORM, n
    )
    gb = np.where(heeft_gb, np.round(p.wml_maand_21 * fractie).astype(np.int64), 0)
    gb = np.minimum(gb, p.wml_maand_21)
    overig_euro = np.exp(rng.normal(np.log(OVERIGE_MEDIAAN), OVERIGE_SPREIDING, n))
    overig = np.where(
        rng.random(n) < OVERIGE_KANS,
        np.round(np.clip(overig_euro, *OVERIGE_GRENZEN) * 100).astype(np.int64),
        0,
    )

    # person, employer names, BSN: all random draws happen here, in a fixed order
    plaats = _categorie(rng, n, [w for _, _, w in PLAATSEN])
    postcijfers = np.asarray([c for _, c, _ in PLAATSEN], dtype=np.int64)[plaats] * 100
    postcijfers += rng.integers(0, 100, n)
    letters = rng.integers(0, len(POSTCODE_LETTERS), (2, n))
    huisnummer = np.minimum(np.floor(rng.pareto(1.2, n) * 12).astype(np.int64) + 1, HUISNUMMER_MAX)
    toevoeging = rng.integers(0, len(HUISNUMMER_TOEVOEGING), n)
    straat = rng.integers(0, len(STRATEN), n)
    voornaam = rng.integers(0, len(VOORNAMEN), n)
    achternaam = rng.integers(0, len(ACHTERNAMEN), n)
    bedrijf = _werkgever_trekking(rng, m)
    bsn_a = int(rng.integers(0, 10**6)) * 10 + int(rng.choice([1, 3, 7, 9]))  # coprime to 10
    bsn_b = int(rng.integers(0, 10**7))

    # employer addresses: an own random stream, so the columns above stay as they were
    wrng = np.random.default_rng([seed, 2])
    w_plaats = _categorie(wrng, m, [w for _, _, w in PLAATSEN])
    w_cijfers = np.asarray([c for _, c, _ in PLAATSEN], dtype=np.int64)[w_plaats] * 100
    w_cijfers += wrng.integers(0, 100, m)
    w_letters = wrng.integers(0, len(POSTCODE_LETTERS), (2, m))
    w_straat = wrng.integers(0, len(STRATEN), m)
    w_nummer = wrng.integers(1, 120, m)
    wg = pa.array(werkgever)

    # formatting: independent per column, so it runs in threads (numpy and Arrow release the GIL)
    taken = {
        "id": lambda: _code("W", np.arange(1, n + 1), _breedte(n, 7)),
        "peildatum": lambda: _datums(peil),
        "geboortedatum": lambda: _datums(geboren),
        "regime": lambda: _kies(REGIMES, regime),
        "arbeidsvermogen": lambda: _janee(~dga),
        "uren_per_week": lambda: _uren(uren),
        "voltijd_uren_per_week": lambda: _uren(voltijd),
        "functieloon_per_uur": lambda: _bedrag(functieloon),
        "loonwaarde": lambda: _fractie(loonwaarde, 2),
        "garantiebedrag_per_maand": lambda: _bedrag(gb),
        "overige_inkomsten_per_maand": lambda: _bedrag(overig),
        "werkgeverslasten_percentage": lambda: _fractie(lasten_wg[werkgever], 3),
        "loondispensatie_uitzondering": lambda: _janee(dga),
        "werkgever_id": lambda: _code("E", werkgever + 1, _breedte(m, 5)),
        "werkgever_naam": lambda: _werkgever_namen(*bedrijf).take(pa.array(werkgever)),
        "naam": lambda: _kies_paar(VOORNAMEN, ACHTERNAMEN, voornaam, achternaam, tussen=" "),
        "straat": lambda: pc.binary_join_element_wise(
            _kies(STRATEN, straat),
            _kies_paar(
                [str(h) for h in range(HUISNUMMER_MAX + 1)],
                HUISNUMMER_TOEVOEGING,
                huisnummer,
                toevoeging,
            ),
            " ",
        ),
        "postcode": lambda: _plak(
            _cijfers(postcijfers, 4),
            _teken(" ", n),
            np.frombuffer(POSTCODE_LETTERS.encode(), dtype=np.uint8)[letters.T],
            vast=True,
        ),
        "woonplaats": lambda: _kies([p for p, _, _ in PLAATSEN], plaats),
        "bsn": lambda: _als_tekst(_cijfers(_bsn(n, bsn_a, bsn_b), 9), vast=True),
        "werkgever_straat": lambda: pc.binary_join_element_wise(
            _kies(STRATEN, w_straat), pa.array([str(h) for h in w_nummer], pa.string()), " "
        ).take(wg),
        "werkgever_postcode": lambda: _plak(
            _cijfers(w_cijfers, 4),
            _teken(" ", m),
            np.frombuffer(POSTCODE_LETTERS.encode(), dtype=np.uint8)[w_letters.T],
            vast=True,
        ).take(wg),
        "werkgever_plaats": lambda: _kies([p for p, _, _ in PLAATSEN], w_plaats).take(wg),
    }
    sector = bedrijf[0][werkgever]
    taken["huishouden"] = lambda: voorbeeldhuishouden.kolommen(
        seed,
        geboren,
        peil,
        leeftijd,
        uren,
        voltijd,
        sector,
        [s for s, _ in SECTOREN],
        _bedrag,
        _fractie,
        _datums,
    )
    kolommen = _voer_uit(taken, parallel=n >= 50_000)
    kolommen.update(kolommen.pop("huishouden"))
    gekozen: list[list[int]] = []
    if fouten:
        foutrng = np.random.default_rng([seed, 1])  # own stream: fouten=0 rows stay identical
        rijen = np.sort(foutrng.choice(n, fouten, replace=False))
        gekozen = _maak_fouten(kolommen, rijen, foutrng, peildatum, wml)
    metadata = {METADATA_FOUTEN: json.dumps(gekozen).encode()}
    return pa.table([kolommen[k] for k in KOLOMMEN], schema=SCHEMA.with_metadata(metadata))


def _maak_fouten(
    kolommen: dict[str, pa.Array],
    rijen: np.ndarray,
    rng: np.random.Generator,
    peildatum: dt.date,
    wml: np.ndarray,
) -> list[list[int]]:
    """Give each row in ``rijen`` one defect, rotating through the kinds; edits ``kolommen``."""
    n = len(kolommen["id"])
    wijzig: dict[str, dict[int, str]] = {}
    gekozen = []
    goed = np.setdiff1d(np.arange(n), rijen)
    ids = kolommen["id"]
    vijftien = _maanden_terug(peildatum, 15 * 12) - dt.timedelta(days=100)

    def zet(veld: str, rij: int, waarde: str) -> None:
        wijzig.setdefault(veld, {})[rij] = waarde

    for volgnummer, rij in enumerate(int(r) for r in rijen):
        soort = volgnummer % len(FOUTSOORTEN)
        ronde = volgnummer // len(FOUTSOORTEN)
        if soort == ONTBREEKT:
            zet(ONTBREKEND_VELD[ronde % len(ONTBREKEND_VELD)], rij, "")
        elif soort == GEEN_GETAL:
            zet(GEEN_GETAL_VELD[ronde % len(GEEN_GETAL_VELD)], rij, "abc")
        elif soort == ONMOGELIJK:
            wat = ONMOGELIJK_SOORT[ronde % len(ONMOGELIJK_SOORT)]
            if wat == "loonwaarde":
                zet("loonwaarde", rij, "0.90")
            elif wat == "uren":
                zet("uren_per_week", rij, "0")
            elif wat == "leeftijd":
                zet("geboortedatum", rij, vijftien.isoformat())
            elif wat == "functieloon":
                laag = int(wml[rij]) - 100
                zet("functieloon_per_uur", rij, f"{laag // 100}.{laag % 100:02d}")
            else:  # a garantiebedrag in the Wajong 2015 (art. 8:8 lid 1)
                zet("regime", rij, "wajong2015")
                zet("arbeidsvermogen", rij, "false")
                zet("loondispensatie_uitzondering", rij, "true")
                zet("garantiebedrag_per_maand", rij, "1250.00")
        elif soort == FOUTE_DATUM:
            zet(FOUTE_DATUM_VELD[ronde % len(FOUTE_DATUM_VELD)], rij, FOUTE_DATUM_WAARDE)
        elif soort == DUBBEL_ID:
            # a valid row, preferably an earlier one: the copy is the second occurrence
            eerder = goed[goed < rij]
            if len(eerder):
                bron = int(eerder[-1])
            elif len(goed):
                bron = int(goed[0])
            else:
                bron = (rij + 1) % n
            zet("id", rij, ids[bron].as_py())
        else:
            zet("regime", rij, ONBEKEND_REGIME_WAARDE)
        gekozen.append([rij, soort])

    for veld, waarden in wijzig.items():
        masker = np.zeros(n, dtype=bool)
        volgorde = sorted(waarden)
        masker[volgorde] = True
        vervang = pa.array([waarden[r] for r in volgorde], pa.string())
        kolommen[veld] = pc.replace_with_mask(kolommen[veld], pa.array(masker), vervang)
    return gekozen


def foutrijen(tabel: pa.Table) -> list[tuple[int, str]]:
    """The defective rows of a generated table: (row index, kind from :data:`FOUTSOORTEN`)."""
    ruw = (tabel.schema.metadata or {}).get(METADATA_FOUTEN, b"[]")
    return [(int(rij), FOUTSOORTEN[soort]) for rij, soort in json.loads(ruw)]


def schrijf_csv(pad: str | Path, tabel: pa.Table) -> None:
    """UTF-8 CSV, ',' separated, with a header; values are quoted only when they must be.

    pyarrow's ``quoting_style="needed"`` quotes *every* string value (a string could need it),
    so the file is written unquoted (``"none"``) when no value contains a comma, a quote or a
    line break, and with ``"needed"`` otherwise. The header is written by hand, unquoted.
    """
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    moet_quoten = any(
        pc.any(pc.match_substring_regex(kolom, r'[,"\r\n]')).as_py() for kolom in tabel.columns
    )
    if any(any(t in naam for t in ',"\r\n') for naam in tabel.column_names):
        raise ValueError("kolomnamen mogen geen komma, aanhalingsteken of regeleinde bevatten")
    opties = pacsv.WriteOptions(
        include_header=False, delimiter=",", quoting_style="needed" if moet_quoten else "none"
    )
    with pad.open("wb") as uit:
        uit.write((",".join(tabel.column_names) + "\n").encode("utf-8"))
        pacsv.write_csv(tabel, uit, opties)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Schrijf een synthetisch voorbeeldcohort (CSV).")
    ap.add_argument("pad", nargs="?", default="examples/cohort.csv")
    ap.add_argument("--aantal", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--fouten", type=int, default=10)
    ap.add_argument("--peildatum", type=dt.date.fromisoformat, default=STANDAARD_PEILDATUM)
    args = ap.parse_args(argv)
    tabel = genereer(args.aantal, args.seed, args.peildatum, args.fouten)
    schrijf_csv(args.pad, tabel)
    print(f"{tabel.num_rows} rijen geschreven naar {args.pad}")


if __name__ == "__main__":
    main()
