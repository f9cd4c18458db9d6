"""The worker's pension premium (issue 11): withheld from the pensionable wage before tax.

premie per jaar = percentage × max(pensioengevend loon per jaar − franchise × deeltijdfactor, 0),
rounded once to cents; the pensionable wage is the wage with holiday pay per year (today the
dispensed wage, after conversion the full wage). The fund's percentage and its franchise for a
full-time job are case fields; a part-timer's franchise is that × min(uren, voltijd) / voltijd,
as the funds compute (voltijd salaris − franchise) × deeltijdfactor.
"""

from __future__ import annotations

import numpy as np

from wajong_conversie.geld import PPM, half_up
from wajong_conversie.spoor import Spoor, grootheid

PENSIOENGEVEND = grootheid(
    "pensioengevend_loon_jaar",
    "Pensioengevend loon per jaar",
    "12 × inkomen_maand (loon met vakantiegeld; de Wajong-uitkering is geen loon van de werkgever)",
    "Pensioenreglement van het fonds; Pensioenwet art. 1 (pensioenregeling bij de werkgever)",
    "EUR/jaar",
    ("inkomen_maand",),
    keuze="Het pensioengevend loon is het loon met vakantiegeld; toeslagen voor onregelmatig "
    "werk, een eindejaarsuitkering en een maximum pensioengevend loon zijn niet meegenomen.",
)
FRANCHISE_DEELTIJD = grootheid(
    "pensioen_franchise_deeltijd_jaar",
    "Franchise per jaar voor de uren van de werknemer",
    "pensioen_franchise_per_jaar × min(uren_per_week, voltijd_uren_per_week) / "
    "voltijd_uren_per_week, afgerond op centen",
    "Pensioenreglement van het fonds: de premie is (voltijd pensioengevend salaris − franchise) "
    "× deeltijdfactor (PFZW, 'Hoe bereken ik': pensioengevend jaarsalaris en deeltijdfactor)",
    "EUR/jaar",
    ("pensioen_franchise_per_jaar", "uren_per_week", "voltijd_uren_per_week"),
    keuze="De franchise in de invoer is die van het fonds voor een volledige werkweek; voor "
    "deeltijd telt het deel van de uren (een fonds met een franchise per uur, zoals StiPP: "
    "franchise per uur × voltijduren × 52 invullen).",
)
GRONDSLAG = grootheid(
    "pensioengrondslag_jaar",
    "Pensioengrondslag per jaar",
    "pensioengevend_loon_jaar − pensioen_franchise_deeltijd_jaar, niet lager dan 0",
    "Pensioenreglement van het fonds (franchise)",
    "EUR/jaar",
    ("pensioengevend_loon_jaar", "pensioen_franchise_deeltijd_jaar"),
)
PREMIE_JAAR = grootheid(
    "pensioenpremie_werknemer_jaar",
    "Pensioenpremie werknemer per jaar",
    "pensioen_werknemer_percentage × pensioengrondslag_jaar, afgerond op centen",
    "Pensioenreglement van het fonds; Wet LB 1964 art. 11 lid 1 (de premie gaat van het loon "
    "af vóór de belasting)",
    "EUR/jaar",
    ("pensioen_werknemer_percentage", "pensioengrondslag_jaar"),
)
PREMIE_MAAND = grootheid(
    "pensioenpremie_werknemer_maand",
    "Pensioenpremie werknemer per maand (gemiddeld)",
    "pensioenpremie_werknemer_jaar / 12, afgerond op centen",
    "Pensioenreglement van het fonds",
    "EUR/maand",
    ("pensioenpremie_werknemer_jaar",),
)
INLEG_JAAR = grootheid(
    "pensioeninleg_jaar",
    "Pensioeninleg per jaar (werknemer en werkgever samen)",
    "(pensioen_werknemer_percentage + pensioen_werkgever_percentage) × pensioengrondslag_jaar, "
    "afgerond op centen",
    "Pensioenreglement van het fonds",
    "EUR/jaar",
    ("pensioen_werknemer_percentage", "pensioen_werkgever_percentage", "pensioengrondslag_jaar"),
    keuze="Wat wordt ingelegd, niet de pensioenaanspraak die het fonds ervoor toekent.",
)


def premie(s: Spoor, werknemer_ppm, werkgever_ppm, franchise, uren, voltijd) -> np.ndarray:
    """Fill the pension quantities of ``s``; returns the employee premium per year (cents).
    ``uren``, ``voltijd``: hours per week in hundredths."""
    s[PENSIOENGEVEND] = 12 * s["inkomen_maand"]
    s[FRANCHISE_DEELTIJD] = half_up(franchise * np.minimum(uren, voltijd), voltijd)
    s[GRONDSLAG] = np.maximum(s[PENSIOENGEVEND] - s[FRANCHISE_DEELTIJD], 0)
    s[PREMIE_JAAR] = half_up(werknemer_ppm * s[GRONDSLAG], PPM)
    s[PREMIE_MAAND] = half_up(s[PREMIE_JAAR], 12)
    s[INLEG_JAAR] = half_up((werknemer_ppm + werkgever_ppm) * s[GRONDSLAG], PPM)
    return s[PREMIE_JAAR]
