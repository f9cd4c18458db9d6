"""Zorgtoeslag (Wet op de zorgtoeslag art. 2; Awir), per year and per month (issue 11).

zorgtoeslag per jaar = standaardpremie (× 2 with a toeslagpartner) − normpremie, where
normpremie = percentage × drempelinkomen + percentage × max(toetsingsinkomen − drempelinkomen, 0);
none when the household's vermogen is above the limit. The toetsingsinkomen is the annual
income the tax uses (after the employee pension premium) plus the partner's.

Rounding (a modelling choice, see ``ZORGTOESLAG_JAAR``): the year amount to whole euros
(half up), the monthly payment that / 12 rounded down to whole euros. This reproduces the
Belastingdienst's published tables for 2025 and 2026 (tests/test_toeslagen.py).
"""

from __future__ import annotations

import numpy as np

from wajong_conversie.geld import PPM, half_up
from wajong_conversie.parameters import Parameters
from wajong_conversie.spoor import Spoor, grootheid

TOETSINGSINKOMEN = grootheid(
    "toetsingsinkomen_jaar",
    "Toetsingsinkomen van het huishouden per jaar",
    "bruto_jaar − pensioenpremie_werknemer_jaar + partner_inkomen_per_jaar",
    "Awir art. 8 (toetsingsinkomen: verzamelinkomen van de aanvrager en de partner)",
    "EUR/jaar",
    ("bruto_jaar", "pensioenpremie_werknemer_jaar", "partner_inkomen_per_jaar"),
    keuze="Het inkomen van dit jaar in elke situatie (vandaag, met LKS) als verzamelinkomen; "
    "geen aftrekposten en geen box 2 of 3.",
)
NORMPREMIE = grootheid(
    "zorgtoeslag_normpremie_jaar",
    "Normpremie zorgtoeslag per jaar",
    "percentage (alleen of met partner) × drempelinkomen + percentage × "
    "max(toetsingsinkomen_jaar − drempelinkomen, 0)",
    "Wet op de zorgtoeslag art. 2 lid 4 en 5; Awir art. 17 (drempelinkomen)",
    "EUR/jaar",
    (
        "toetsingsinkomen_jaar",
        "toeslagpartner",
        "zorgtoeslag_drempelinkomen",
        "zorgtoeslag_normpremie_alleen",
        "zorgtoeslag_normpremie_partner",
        "zorgtoeslag_normpremie_boven",
    ),
)
ZORGTOESLAG_JAAR = grootheid(
    "zorgtoeslag_jaar",
    "Zorgtoeslag per jaar",
    "standaardpremie (× 2 met toeslagpartner) − zorgtoeslag_normpremie_jaar, afgerond op hele "
    "euro's; 0 als dat minder is dan toeslag_minimum_jaar of als het vermogen boven de grens ligt",
    "Wet op de zorgtoeslag art. 2 lid 1 en 2, art. 3 (vermogen); Awir art. 14 (minimum)",
    "EUR/jaar",
    (
        "zorgtoeslag_standaardpremie",
        "zorgtoeslag_normpremie_jaar",
        "vermogen",
        "zorgtoeslag_vermogensgrens_alleen",
        "zorgtoeslag_vermogensgrens_partner",
        "toeslag_minimum_jaar",
    ),
    keuze="Het jaarbedrag wordt afgerond op hele euro's (half omhoog) en per maand betaald als "
    "jaarbedrag / 12, naar beneden afgerond op hele euro's: zo komen de tabellen van de "
    "Belastingdienst voor 2025 en 2026 uit. Een wettelijke grondslag voor deze afronding is niet "
    "gevonden. Vermogen ontbreekt = onder de grens.",
)
ZORGTOESLAG_MAAND = grootheid(
    "zorgtoeslag_maand",
    "Zorgtoeslag per maand (voorschot)",
    "zorgtoeslag_jaar / 12, naar beneden afgerond op hele euro's",
    "Awir art. 16 en 22 (voorschot per maand); afronding: keuze, zie zorgtoeslag_jaar",
    "EUR/maand",
    ("zorgtoeslag_jaar",),
)

EURO = 100  # cents


def bereken_jaar(toetsingsinkomen, partner, vermogen, p: Parameters):
    """(normpremie in cents × PPM, zorgtoeslag per year in cents, whole euros) on columns."""
    d = p.zorgtoeslag_drempelinkomen
    basis = np.where(partner, p.zorgtoeslag_normpremie_partner, p.zorgtoeslag_normpremie_alleen)
    normpremie = basis * d + p.zorgtoeslag_normpremie_boven * np.maximum(toetsingsinkomen - d, 0)
    standaard = p.zorgtoeslag_standaardpremie * np.where(partner, 2, 1) * PPM
    jaar = half_up(np.maximum(standaard - normpremie, 0), EURO * PPM) * EURO
    jaar = np.where(jaar < p.toeslag_minimum_jaar, 0, jaar)
    grens = np.where(
        partner, p.zorgtoeslag_vermogensgrens_partner, p.zorgtoeslag_vermogensgrens_alleen
    )
    return normpremie, np.where(vermogen > grens, 0, jaar)


def per_maand(jaar):
    """The monthly advance: the year amount / 12, rounded down to whole euros (cents)."""
    return jaar // (12 * EURO) * EURO


def zorgtoeslag(s: Spoor, partner, partner_inkomen, vermogen, bekend, p: Parameters) -> None:
    """Fill the zorgtoeslag quantities of ``s`` (0 where the household is unknown)."""
    premie = s["pensioenpremie_werknemer_jaar"]
    s[TOETSINGSINKOMEN] = s["bruto_jaar"] - premie + partner_inkomen
    normpremie, jaar = bereken_jaar(s[TOETSINGSINKOMEN], partner, vermogen, p)
    s[NORMPREMIE] = half_up(normpremie, PPM)
    s[ZORGTOESLAG_JAAR] = np.where(bekend, jaar, 0)
    s[ZORGTOESLAG_MAAND] = per_maand(s[ZORGTOESLAG_JAAR])
