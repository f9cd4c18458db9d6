"""Huurtoeslag (Wet op de huurtoeslag, Wht; Awir), per month and per year (issue 11).

Since 1 January 2026 (Wet vereenvoudiging huurtoeslag, Kamerstuk 36 311):

    rekenhuur  = min(huur, maximale huurgrens), or min(huur, huurgrens voor jongeren) when the
                 worker is younger than the jongerenleeftijd and has no children (Wht art. 13,
                 art. 21 lid 1 onder d)
    A          = max(min(rekenhuur, kwaliteitskortingsgrens) − basishuur, 0)           100 %
    B          = max(min(rekenhuur, aftoppingsgrens) − kwaliteitskortingsgrens, 0)   × 65 %
    C          = max(rekenhuur − aftoppingsgrens, 0)                                  × 40 %
    D          = max(toetsingsinkomen − inkomensijkpunt, 0) × afbouwpercentage / 12
    per maand  = A + B + C − D, not below 0, rounded down to whole euros

with a fixed basishuur and ijkpunt per household type (one person, or more) and the
aftoppingsgrens for 1–2 or 3+ persons. Nothing above the vermogensgrens, nothing when the
year amount is under the Awir minimum. Everything is computed exactly on int64 columns
(cents × ppm × 12) and rounded once, at the end.

Before 2026 the basishuur came from the quadratic normhuur formula (a × Y² + b × Y, Wht
art. 17–19); its factors for 2024 and 2025 were not found in a source (see
parameters/huurtoeslag.toml), so those years are not computed: ``huurtoeslag_berekend`` is
false and the output says "niet berekend".
"""

from __future__ import annotations

import numpy as np

from wajong_conversie.geld import PPM, half_up
from wajong_conversie.parameters import Parameters
from wajong_conversie.spoor import Spoor, grootheid

FORMULE_2026 = 2026
EURO = 100  # cents

BEREKEND = grootheid(
    "huurtoeslag_berekend",
    "Huurtoeslag berekend",
    "huishouden bekend en huur_per_maand > 0 en huurtoeslag_formule_jaar = 2026",
    "Wht art. 21; issue 11 (huurtoeslag alleen met een huur)",
    "ja/nee",
    ("huur_per_maand", "huurtoeslag_formule_jaar"),
    keuze="Huurtoeslag wordt alleen berekend met een huur (huur_per_maand groter dan 0) en "
    "vanaf 1 januari 2026. Voor 2024 en 2025 geldt de oude formule (basishuur = a × Y² + b × Y, "
    "Wht art. 17–19); de factoren a en b van die jaren zijn niet in een bron gevonden, dus daar "
    "staat 'niet berekend'.",
)
REKENHUUR = grootheid(
    "huurtoeslag_rekenhuur_maand",
    "Rekenhuur voor de huurtoeslag",
    "min(huur_per_maand, huurtoeslag_maximale_huurgrens); jonger dan "
    "huurtoeslag_jongeren_leeftijd en geen kinderen: min(huur_per_maand, "
    "huurtoeslag_jongeren_huurgrens)",
    "Wht art. 5 (rekenhuur), art. 13 (huurgrenzen) en art. 21 lid 1 onder d (vanaf 2026 een "
    "plafond, geen grens voor het recht)",
    "EUR/maand",
    (
        "huur_per_maand",
        "leeftijd",
        "kinderen",
        "huurtoeslag_maximale_huurgrens",
        "huurtoeslag_jongeren_huurgrens",
        "huurtoeslag_jongeren_leeftijd",
    ),
    keuze="De huur_per_maand is de kale huur (vanaf 2026 tellen servicekosten niet mee). Alleen "
    "de leeftijd van de werknemer telt voor de jongerengrens: de leeftijd van een partner is "
    "niet bekend (Dienst Toeslagen kijkt naar de oudste bewoner). Met een kind geldt de gewone "
    "huurgrens. De uitzondering voor jongeren met een handicap (de gewone huurgrens, op "
    "verzoek met een Wlz-indicatie of een Wmo-woonaanpassing als bewijs) is niet toegepast: "
    "een Wajong-uitkering alleen is daarvoor geen bewijs en het programma kent die indicatie "
    "niet; voor een werknemer onder de 21 kan de huurtoeslag dan te laag zijn.",
)
BASISHUUR = grootheid(
    "huurtoeslag_basishuur_maand",
    "Basishuur (eigen bijdrage) per maand",
    "huurtoeslag_basishuur_een (alleen) of huurtoeslag_basishuur_meer (met toeslagpartner of "
    "kinderen)",
    "Wht art. 16 en 17 (vanaf 2026 een vast bedrag); Regeling huurtoeslaggrenzen 2026",
    "EUR/maand",
    ("toeslagpartner", "kinderen", "huurtoeslag_basishuur_een", "huurtoeslag_basishuur_meer"),
    keuze="Het huishouden is de werknemer, de toeslagpartner en de kinderen jonger dan 18 "
    "(kinderen tellen mee voor het aantal personen, zonder eigen inkomen). Andere medebewoners "
    "en kinderen van 18 jaar en ouder zijn niet bekend en tellen niet mee.",
)
VOOR_VERMINDERING = grootheid(
    "huurtoeslag_voor_vermindering_maand",
    "Huurtoeslag per maand vóór de inkomensafbouw",
    "max(min(rekenhuur, kwaliteitskortingsgrens) − basishuur, 0) + "
    "huurtoeslag_percentage_aftopping × max(min(rekenhuur, aftoppingsgrens) − "
    "kwaliteitskortingsgrens, 0) + huurtoeslag_percentage_boven_aftopping × max(rekenhuur − "
    "aftoppingsgrens, 0); aftoppingsgrens klein (1 of 2 personen) of groot (3 of meer); "
    "afgerond op centen (alleen om te tonen)",
    "Wht art. 20 en 21 lid 1; Bht art. 7",
    "EUR/maand",
    (
        "huurtoeslag_rekenhuur_maand",
        "huurtoeslag_basishuur_maand",
        "huurtoeslag_kwaliteitskortingsgrens",
        "huurtoeslag_aftoppingsgrens_klein",
        "huurtoeslag_aftoppingsgrens_groot",
        "huurtoeslag_percentage_aftopping",
        "huurtoeslag_percentage_boven_aftopping",
    ),
)
VERMINDERING = grootheid(
    "huurtoeslag_vermindering_maand",
    "Vermindering van de huurtoeslag door het inkomen, per maand",
    "max(toetsingsinkomen_jaar − inkomensijkpunt, 0) × afbouwpercentage / 12 (ijkpunt en "
    "percentage voor één persoon of meer); afgerond op centen (alleen om te tonen)",
    "Wht art. 21 lid 2 (lineaire afbouw, vanaf 2026)",
    "EUR/maand",
    (
        "toetsingsinkomen_jaar",
        "huurtoeslag_inkomensijkpunt_een",
        "huurtoeslag_inkomensijkpunt_meer",
        "huurtoeslag_afbouw_een",
        "huurtoeslag_afbouw_meer",
    ),
    keuze="Het toetsingsinkomen is dat van de zorgtoeslag: het inkomen van de werknemer in elke "
    "situatie plus dat van de toeslagpartner; er is geen aparte inkomensgrens, de afbouw "
    "brengt de toeslag bij een hoog inkomen op 0.",
)
HUURTOESLAG_MAAND = grootheid(
    "huurtoeslag_maand",
    "Huurtoeslag per maand",
    "huurtoeslag_voor_vermindering_maand − huurtoeslag_vermindering_maand (exact gerekend), "
    "niet onder 0, naar beneden afgerond op hele euro's; 0 als het vermogen boven de grens "
    "ligt of als 12 × dit bedrag minder is dan toeslag_minimum_jaar",
    "Wht art. 21; Awir art. 14 (minimum) en 16 (voorschot per maand); vermogensgrens: Wht "
    "art. 7 en Awir; afronding: Belastingdienst, Berekening huurtoeslag 2026, stap 7",
    "EUR/maand",
    (
        "huurtoeslag_voor_vermindering_maand",
        "huurtoeslag_vermindering_maand",
        "vermogen",
        "huurtoeslag_vermogensgrens_alleen",
        "huurtoeslag_vermogensgrens_partner",
        "toeslag_minimum_jaar",
    ),
    keuze="Het maandbedrag wordt naar beneden afgerond op hele euro's, zoals de Belastingdienst "
    "in 'Berekening huurtoeslag 2026' (stap 7) en in zijn rekenvoorbeelden doet; een artikel "
    "in de wet voor deze afronding is niet gevonden. Vermogen ontbreekt = onder de grens; "
    "alleen de grens voor de werknemer en een toeslagpartner (niet die voor medebewoners).",
)
HUURTOESLAG_JAAR = grootheid(
    "huurtoeslag_jaar",
    "Huurtoeslag per jaar",
    "12 × huurtoeslag_maand",
    "Wht art. 21 (bedrag per maand); Awir art. 14",
    "EUR/jaar",
    ("huurtoeslag_maand",),
    keuze="Het jaarbedrag is twaalf keer het maandbedrag: de huur, het huishouden en het "
    "inkomen zijn het hele jaar gelijk.",
)


def bereken_maand(toetsingsinkomen, huur, partner, personen, jong, vermogen, p: Parameters):
    """(rekenhuur, basishuur, vóór vermindering × 12 × PPM, vermindering × 12 × PPM,
    huurtoeslag per month in whole euros as cents) on int64 columns; 2026 formula.
    ``personen``: household size; ``jong``: the young persons' limit applies."""
    meer = personen >= 2
    grens = np.where(jong, p.huurtoeslag_jongeren_huurgrens, p.huurtoeslag_maximale_huurgrens)
    rekenhuur = np.minimum(huur, grens)
    basishuur = np.where(meer, p.huurtoeslag_basishuur_meer, p.huurtoeslag_basishuur_een)
    kkg = p.huurtoeslag_kwaliteitskortingsgrens
    aftop = np.where(
        personen >= 3, p.huurtoeslag_aftoppingsgrens_groot, p.huurtoeslag_aftoppingsgrens_klein
    )
    # the three parts of the rent, × 12 × PPM so the month's reduction (× rate / 12) stays exact
    voor = np.maximum(np.minimum(rekenhuur, kkg) - basishuur, 0) * (12 * PPM)
    voor += np.maximum(np.minimum(rekenhuur, aftop) - kkg, 0) * (
        12 * p.huurtoeslag_percentage_aftopping
    )
    voor += np.maximum(rekenhuur - aftop, 0) * (12 * p.huurtoeslag_percentage_boven_aftopping)
    ijkpunt = np.where(meer, p.huurtoeslag_inkomensijkpunt_meer, p.huurtoeslag_inkomensijkpunt_een)
    afbouw = np.where(meer, p.huurtoeslag_afbouw_meer, p.huurtoeslag_afbouw_een)
    vermindering = np.maximum(toetsingsinkomen - ijkpunt, 0) * afbouw
    maand = np.maximum(voor - vermindering, 0) // (12 * PPM * EURO) * EURO
    vgrens = np.where(
        partner, p.huurtoeslag_vermogensgrens_partner, p.huurtoeslag_vermogensgrens_alleen
    )
    niets = (12 * maand < p.toeslag_minimum_jaar) | (vermogen > vgrens)
    maand[niets] = 0
    return rekenhuur, basishuur, voor, vermindering, maand


def _aantal(kinderen: np.ndarray) -> np.ndarray:
    """Children per row from the (n, bands) counts; column additions, much faster than
    ``sum(axis=1)`` on a narrow int8 matrix."""
    totaal = np.zeros(len(kinderen), dtype=np.int64)
    if kinderen.any():
        for band in range(kinderen.shape[1]):
            totaal += kinderen[:, band]
    return totaal


def huurtoeslag(s: Spoor, huur, partner, kinderen, vermogen, bekend, p: Parameters) -> None:
    """Fill the huurtoeslag quantities of ``s`` (after the zorgtoeslag: it uses the
    ``toetsingsinkomen_jaar``); 0 and ``huurtoeslag_berekend`` false where not computed."""
    n = len(huur)
    nul = np.zeros(n, dtype=np.int64)
    met_huur = bekend & (huur > 0)
    if not met_huur.any():  # no rent in this batch: nothing to compute, no parameters used
        berekend = np.zeros(n, dtype=bool)
    else:
        berekend = met_huur & (p.huurtoeslag_formule_jaar >= FORMULE_2026)
    s[BEREKEND] = berekend
    if not berekend.any():
        for naam in (REKENHUUR, BASISHUUR, VOOR_VERMINDERING, VERMINDERING):
            s[naam] = nul
        s[HUURTOESLAG_MAAND] = nul
        s[HUURTOESLAG_JAAR] = nul
        return
    aantal_kinderen = _aantal(kinderen)
    personen = 1 + partner.astype(np.int64) + aantal_kinderen
    jong = (s["leeftijd"] < p.huurtoeslag_jongeren_leeftijd) & (aantal_kinderen == 0)
    rekenhuur, basishuur, voor, vermindering, maand = bereken_maand(
        s["toetsingsinkomen_jaar"], huur, partner, personen, jong, vermogen, p
    )
    kolommen = {
        REKENHUUR: rekenhuur,
        BASISHUUR: basishuur,
        VOOR_VERMINDERING: half_up(voor, 12 * PPM),
        VERMINDERING: half_up(vermindering, 12 * PPM),
        HUURTOESLAG_MAAND: maand,
    }
    niet = ~berekend
    for naam, kolom in kolommen.items():
        if niet.any():  # rows without a rent (or household): 0
            kolom = np.where(niet, 0, kolom)
        s[naam] = kolom
    s[HUURTOESLAG_JAAR] = 12 * s[HUURTOESLAG_MAAND]
