"""Loonkostensubsidie as in the Participatiewet (RULES §4), for the proposed situation."""

from __future__ import annotations

from math import gcd

import numpy as np

from wajong_conversie.geld import PPM, half_up
from wajong_conversie.parameters import Parameters
from wajong_conversie.spoor import grootheid

LKS_UURLOON = grootheid(
    "lks_uurloon",
    "Uurloon waarop de loonkostensubsidie is gebaseerd",
    "variant 'geen': minimumloon per uur voor de leeftijd op 1 januari van het jaar van de "
    "peildatum; variant 'lks_op_functieloon': functieloon_per_uur",
    "Participatiewet art. 10d lid 4 en lid 7 (vaststelling per 1 januari); scenario",
    "EUR/uur",
    ("wml_uur_21", "functieloon_per_uur"),
    keuze="Onder 21 jaar: het minimumjeugdloon per uur voor de leeftijd op de peildatum.",
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
    "lks_percentage × lks_uurloon × (1 + vakantiebijslag) × min(uren_per_week, "
    "voltijd_uren_per_week) × 52 / 12, afgerond op centen",
    "Participatiewet art. 10d lid 4 (naar rato van de arbeidsduur, niet meer dan een volledige "
    "werkweek)",
    "EUR/maand",
    ("lks_percentage", "lks_uurloon", "vakantiebijslag", "uren_per_week", "voltijd_uren_per_week"),
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


def loonkostensubsidie(percentage, uurloon, uren_centi, voltijd_centi, p: Parameters):
    """pct × hourly wage × 1.08 × min(hours, full-time) × 52/12, one half-up rounding.

    The holiday-pay factor (1 + 8 %) is reduced to 27/25 so the exact product stays within
    int64 for any valid case.
    """
    vb_teller, vb_noemer = breuk(PPM + p.vakantiebijslag, PPM)
    uren = np.minimum(uren_centi, voltijd_centi)
    teller = percentage * uurloon * vb_teller * uren * 52
    return half_up(teller, PPM * vb_noemer * 12 * 100)


def werkgeverslastenvergoeding(lks_maand, p: Parameters, percentage: int | None = None):
    pct = p.werkgeverslastenvergoeding if percentage is None else percentage
    return half_up(lks_maand * pct, PPM)
