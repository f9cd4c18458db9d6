"""Household and pension columns of the synthetic example cohort (issue 11).

For part of the rows (:data:`HUISHOUDEN_KANS`) :func:`kolommen` fills toeslagpartner,
partner_inkomen_per_jaar, huur_per_maand, kinderen, vermogen and, for workers at an employer in
a sector with an example fund in ``examples/pensioenfondsen.toml``, the three pension fields.
The other rows leave every one of these cells empty (household not known). Deterministic for
the seed, from its own random stream, so the columns of :mod:`voorbeeldcohort` stay as they
were. The shares and amounts, with their sources or as assumptions, are documented in
``examples/cohort_aannames.md`` under the same names.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from functools import cache
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

KOLOMMEN = (
    "toeslagpartner",
    "partner_inkomen_per_jaar",
    "huur_per_maand",
    "kinderen",
    "vermogen",
    "pensioen_werknemer_percentage",
    "pensioen_werkgever_percentage",
    "pensioen_franchise_per_jaar",
)
FONDSEN = Path(__file__).resolve().parent.parent / "examples" / "pensioenfondsen.toml"

HUISHOUDEN_KANS = 0.40  # rows with household columns (the rest: household not known)
WOONSITUATIES = ("alleen", "partner", "ouders")
WOONSITUATIE_KANS = (0.55, 0.25, 0.20)
OUDERS_ONDER = 21  # younger than this: always living with the parents
HUUR_KANS = {"alleen": 0.85, "partner": 0.70}  # a rented home (huur filled in)
HUUR = (450, 620, 880)  # EUR per month, triangular: low, mode, high (social rent)
PARTNER_INKOMEN = (0, 20_000, 45_000)  # EUR per year, triangular
KINDEREN_KANS = {"alleen": 0.08, "partner": 0.35}
KINDEREN_MAX = 3
OUDER_VANAF = 20  # a child is born from the year the worker turns this old
VERMOGEN_KANS = 0.70  # vermogen filled in
VERMOGEN_MEDIAAN = 2_500.0  # EUR, lognormal  # float ok: a draw, rounded to whole euros
VERMOGEN_SPREIDING = 1.2  # float ok
VERMOGEN_GRENZEN = (0, 60_000)
VERMOGEN_HOOG_KANS = 0.01  # above the zorgtoeslag asset limit …
VERMOGEN_HOOG = (150_000, 200_000)  # … drawn uniformly here (EUR)


@cache
def fondsen() -> dict[str, dict]:
    """The example pension funds (``examples/pensioenfondsen.toml``)."""
    with FONDSEN.open("rb") as f:
        return tomllib.load(f)


def _centen(tekst: str) -> int:
    return int(Decimal(tekst) * 100)


def _ppm(tekst: str) -> int:
    return int(Decimal(tekst) * 1_000_000)


def _verspreid(n: int, rijen: np.ndarray, tekst: pa.Array) -> pa.Array:
    """A column of n texts: ``tekst[k]`` in row ``rijen[k]``, '' in every other row (only the
    rows that have a value are formatted)."""
    index = np.zeros(n, dtype=np.int64)
    index[rijen] = np.arange(1, len(rijen) + 1)
    return pa.concat_arrays([pa.array([""], pa.string()), tekst.cast(pa.string())]).take(
        pa.array(index)
    )


def _driehoek(rng: np.random.Generator, vorm: tuple[int, int, int], n: int) -> np.ndarray:
    laag, top, hoog = vorm
    return np.round(rng.triangular(laag, top, hoog, n)).astype(np.int64)


def kolommen(
    seed: int,
    geboren: np.ndarray,
    peil: np.ndarray,
    leeftijd: np.ndarray,
    uren: np.ndarray,
    voltijd: np.ndarray,
    sector: np.ndarray,
    sectornamen: list[str],
    bedrag,
    fractie,
    datums,
) -> dict[str, pa.Array]:
    """The household columns as strings ('' = not given).

    ``uren``/``voltijd`` in hundredths of an hour, ``sector`` the index of the employer's
    sector word in ``sectornamen`` per row; ``bedrag``, ``fractie`` and ``datums`` are the
    cohort's own formatters (cents → '14.71', parts → '0.1295', datetime64[D] → ISO)."""
    n = len(geboren)
    rng = np.random.default_rng([seed, 3])  # own stream: the other columns stay as they were
    rijen = np.flatnonzero(rng.random(n) < HUISHOUDEN_KANS)  # the rows with a household
    m = len(rijen)  # every draw below is for these rows only
    geboren, peil, leeftijd = geboren[rijen], peil[rijen], leeftijd[rijen]
    uren, voltijd, sector = uren[rijen], voltijd[rijen], sector[rijen]
    k = np.asarray(WOONSITUATIE_KANS)
    situatie = np.searchsorted(np.cumsum(k) / k.sum(), rng.random(m), side="right")
    situatie = np.where(leeftijd < OUDERS_ONDER, WOONSITUATIES.index("ouders"), situatie)
    alleen = situatie == WOONSITUATIES.index("alleen")
    partner = situatie == WOONSITUATIES.index("partner")

    # the partner's income (only with a partner)
    partner_inkomen = _driehoek(rng, PARTNER_INKOMEN, m) * 100

    # rent: a share of those living on their own or with a partner (never at the parents')
    u_huur = rng.random(m)
    huurt = (alleen & (u_huur < HUUR_KANS["alleen"])) | (partner & (u_huur < HUUR_KANS["partner"]))
    huur = _driehoek(rng, HUUR, m) * 100

    # children: born from the year the worker turns OUDER_VANAF, before the peildatum, and at
    # most 17 years before it
    u_kind = rng.random(m)
    heeft_kind = (alleen & (u_kind < KINDEREN_KANS["alleen"])) | (
        partner & (u_kind < KINDEREN_KANS["partner"])
    )
    aantal = np.where(heeft_kind, rng.integers(1, KINDEREN_MAX + 1, m), 0)
    vanaf = np.maximum(
        geboren.astype("datetime64[Y]") + OUDER_VANAF, peil.astype("datetime64[Y]") - 17
    ).astype("datetime64[D]")
    tot = peil - 1
    ruimte = (tot - vanaf).astype(np.int64)
    aantal = np.where(ruimte > 0, aantal, 0)
    stappen = np.floor(rng.random((KINDEREN_MAX, m)) * np.maximum(ruimte, 1)).astype(np.int64)
    ouders = np.flatnonzero(aantal > 0)
    kinderen = pa.array([""] * len(ouders), pa.string())
    # 'datum;datum;…', one child at a time (pyarrow 26's binary_join_element_wise with
    # null_handling="skip" returned fewer rows than it was given)
    for j in range(KINDEREN_MAX):
        datum = datums(
            np.where(aantal[ouders] > j, vanaf[ouders] + stappen[j, ouders], tot[ouders])
        )
        erbij = pc.binary_join_element_wise(kinderen, datum, ";") if j else datum
        kinderen = pc.if_else(pa.array(aantal[ouders] > j), erbij, kinderen)

    # assets on 1 January
    geeft_vermogen = rng.random(m) < VERMOGEN_KANS
    normaal = np.exp(rng.normal(np.log(VERMOGEN_MEDIAAN), VERMOGEN_SPREIDING, m))
    vermogen = np.round(np.clip(normaal, *VERMOGEN_GRENZEN)).astype(np.int64)
    hoog = rng.random(m) < VERMOGEN_HOOG_KANS
    vermogen = np.where(hoog, rng.integers(VERMOGEN_HOOG[0], VERMOGEN_HOOG[1] + 1, m), vermogen)
    vermogen *= 100

    # pension: the example fund of the employer's sector
    werknemer = np.zeros(m, dtype=np.int64)
    werkgever = np.zeros(m, dtype=np.int64)
    franchise = np.zeros(m, dtype=np.int64)
    heeft_fonds = np.zeros(m, dtype=bool)
    for fonds in fondsen().values():
        codes = [sectornamen.index(s) for s in fonds["sectoren"]]
        bij = np.isin(sector, codes)
        heeft_fonds |= bij
        werknemer[bij] = _ppm(fonds["werknemer_percentage"])
        werkgever[bij] = _ppm(fonds["werkgever_percentage"])
        f = _centen(fonds["franchise"])
        if fonds["franchise_soort"] == "uur":  # per hour: the full-time year is × voltijd × 52
            per_jaar = (f * voltijd * 52 + 50) // 100
        else:  # per full-time year: as given (the engine takes the part-time share)
            per_jaar = np.full(len(voltijd), f, dtype=np.int64)
        franchise[bij] = per_jaar[bij]

    def kolom(masker: np.ndarray, tekst) -> pa.Array:
        """'' outside the household rows and where ``masker`` is false; ``tekst`` formats
        the values of the rows where it is true."""
        return _verspreid(n, rijen[masker], tekst(masker))

    return {
        "toeslagpartner": _verspreid(
            n, rijen, pc.if_else(pa.array(partner), pa.scalar("true"), pa.scalar("false"))
        ),
        "partner_inkomen_per_jaar": kolom(partner, lambda w: bedrag(partner_inkomen[w])),
        "huur_per_maand": kolom(huurt, lambda w: bedrag(huur[w])),
        "kinderen": _verspreid(n, rijen[ouders], kinderen),
        "vermogen": kolom(geeft_vermogen, lambda w: bedrag(vermogen[w])),
        "pensioen_werknemer_percentage": kolom(
            heeft_fonds, lambda w: fractie(werknemer[w] // 100, 4)
        ),
        "pensioen_werkgever_percentage": kolom(
            heeft_fonds, lambda w: fractie(werkgever[w] // 100, 4)
        ),
        "pensioen_franchise_per_jaar": kolom(heeft_fonds, lambda w: bedrag(franchise[w])),
    }
