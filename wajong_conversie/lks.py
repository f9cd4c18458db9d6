"""Loonkostensubsidie as in the Participatiewet (RULES §4), for the proposed situation."""

from __future__ import annotations

from math import gcd

import numpy as np

from wajong_conversie.geld import CENTIUUR, PPM, half_up
from wajong_conversie.parameters import Parameters
from wajong_conversie.spoor import grootheid

LKS_BASIS = grootheid(
    "lks_basis_maand",
    "Maandloon waarop de loonkostensubsidie is gebaseerd",
    "variant 'geen': het wettelijk minimumloon per maand voor de leeftijd op 1 januari van "
    "het jaar van de peildatum (wml_maand_21; jonger dan 21: × staffelpercentage, afgerond op "
    "centen); variant 'lks_op_functieloon': functieloon_per_uur × normuren_per_week × 52 / 12 "
    "(hier afgerond getoond; de subsidie rekent met het exacte bedrag)",
    "Participatiewet art. 2 (wettelijk minimumloon per maand) en art. 10d lid 4 en lid 7 "
    "(vaststelling per 1 januari); scenario",
    "EUR/maand",
    (
        "wml_maand_21",
        "jeugd_percentage_20",
        "jeugd_percentage_19",
        "jeugd_percentage_18",
        "functieloon_per_uur",
        "normuren_per_week",
    ),
    keuze="Onder 21 jaar: het minimumjeugdloon per maand voor de leeftijd op de peildatum "
    "(maandbedrag van 1 januari × staffelpercentage, afgerond op centen).",
)
LKS_PERCENTAGE = grootheid(
    "lks_percentage",
    "Percentage loonkostensubsidie",
    "1 − loonwaarde, ten hoogste lks_plafond (70%)",
    "Participatiewet art. 10d lid 4 (verschil tussen minimumloon en loonwaarde, ten hoogste "
    "70%); loonwaarde toegepast op het minimumloon zoals sinds 2017 in de Participatiewet",
    "fractie",
    ("loonwaarde", "lks_plafond"),
)
LKS_MAAND = grootheid(
    "loonkostensubsidie_maand",
    "Loonkostensubsidie per maand",
    "lks_percentage × lks_basis_maand × (1 + vakantiebijslag) × min(uren_per_week, "
    "voltijd_uren_per_week) / normuren_per_week, één keer afgerond op centen",
    "Participatiewet art. 2 (wettelijk minimumloon per maand) en art. 10d lid 4 (naar "
    "evenredigheid van 36 uur per week)",
    "EUR/maand",
    (
        "lks_percentage",
        "lks_basis_maand",
        "vakantiebijslag",
        "uren_per_week",
        "voltijd_uren_per_week",
        "normuren_per_week",
    ),
    keuze="De uren tellen mee tot ten hoogste de volledige werkweek bij de werkgever.",
)
VERGOEDING_MAAND = grootheid(
    "werkgeverslastenvergoeding_maand",
    "Vergoeding werkgeverslasten per maand",
    "werkgeverslastenvergoeding (23,5%) × loonkostensubsidie_maand, afgerond op centen",
    "Participatiewet art. 10d lid 4; Regeling loonkostensubsidie Participatiewet 2021 art. 1",
    "EUR/maand",
    ("werkgeverslastenvergoeding", "loonkostensubsidie_maand"),
)


def breuk(teller: int, noemer: int) -> tuple[int, int]:
    """Reduce a scalar ratio, to keep products inside int64."""
    d = gcd(teller, noemer)
    return teller // d, noemer // d


def lks_percentage(loonwaarde: np.ndarray, plafond: int) -> np.ndarray:
    return np.minimum(PPM - loonwaarde, plafond)


def basis_minimumloon(wml_maand: np.ndarray) -> tuple[np.ndarray, int, int]:
    """The monthly base of art. 10d lid 4: the WML per month (already for the age)."""
    return wml_maand, 1, 1


def basis_functieloon(functieloon: np.ndarray, p: Parameters) -> tuple[np.ndarray, int, int]:
    """The monthly base under ``lks_op_functieloon``: functieloon × normuren × 52/12, exact,
    as a column over a scalar ratio (hours in hundredths)."""
    return functieloon, p.normuren_per_week * 52, 12 * CENTIUUR


def loonkostensubsidie(percentage, basis, uren_centi, voltijd_centi, p: Parameters):
    """pct × monthly base × 1.08 × min(hours, full-time) / normuren, one half-up rounding.

    ``basis`` is (column, teller, noemer): the monthly base is column × teller / noemer. The
    scalar factors (holiday pay 27/25, the base's ratio, 1/normuren) are folded into one
    reduced ratio, so the exact product stays within int64 for any valid case (under
    ``lks_op_functieloon`` the normuren cancel out).
    """
    kolom, teller, noemer = basis
    vb_teller, vb_noemer = breuk(PPM + p.vakantiebijslag, PPM)
    s_teller, s_noemer = breuk(teller * vb_teller, noemer * vb_noemer * p.normuren_per_week)
    uren = np.minimum(uren_centi, voltijd_centi)
    return half_up(percentage * kolom * s_teller * uren, PPM * s_noemer)


def basis_tonen(basis) -> np.ndarray:
    """The monthly base in cents for the trace (rounded for display only)."""
    kolom, teller, noemer = basis
    return half_up(kolom * teller, noemer)


def werkgeverslastenvergoeding(lks_maand, p: Parameters, percentage: int | None = None):
    pct = p.werkgeverslastenvergoeding if percentage is None else percentage
    return half_up(lks_maand * pct, PPM)
