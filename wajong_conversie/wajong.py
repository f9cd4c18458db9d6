"""Wajong benefit rules (RULES §3): grondslag, income per day, benefit, garantiebedrag.

All functions work on numpy columns of integer cents and the scalar parameters of one date;
each returns the exact value rounded half-up only at the points of RULES §2.
"""

from __future__ import annotations

import numpy as np

from wajong_conversie.geld import DAGEN_PER_MAAND_X100, PPM, half_up, maal_ppm
from wajong_conversie.parameters import Parameters
from wajong_conversie.spoor import grootheid

# --- quantities of the trace -----------------------------------------------------------------

LEEFTIJD = grootheid(
    "leeftijd",
    "Leeftijd op de peildatum",
    "volle jaren tussen geboortedatum en peildatum",
    "Wml art. 7 en 8 (leeftijd bepaalt het minimumloon)",
    "jaar",
    ("geboortedatum", "peildatum"),
)
WML_UUR = grootheid(
    "wml_uur",
    "Minimumloon per uur voor de leeftijd",
    "21 jaar of ouder: wml_uur_21; jonger: het gepubliceerde minimumjeugdloon per uur",
    "Wml art. 8 lid 1 onder a; Regeling SZW aanpassing minimumloonbedragen",
    "EUR/uur",
    ("leeftijd", "wml_uur_21", "wml_uur_20", "wml_uur_19", "wml_uur_18"),
)
WML_MAAND = grootheid(
    "wml_maand",
    "Minimumloon per maand voor de leeftijd (basis van de grondslag)",
    "21 jaar of ouder: wml_maand_21; jonger: wml_maand_21 × staffelpercentage, afgerond op centen",
    "Wml art. 8 lid 1 onder b en lid 2; Wajong art. 1:1 lid 1 onder m",
    "EUR/maand",
    (
        "leeftijd",
        "wml_maand_21",
        "jeugd_percentage_20",
        "jeugd_percentage_19",
        "jeugd_percentage_18",
    ),
    keuze="Onder 21 jaar: maandbedrag × staffelpercentage, afgerond op centen (sinds 2024 "
    "worden geen maandbedragen voor jongeren gepubliceerd).",
)
GRONDSLAG = grootheid(
    "grondslag_per_dag",
    "Grondslag per dag (G)",
    "wml_maand / 21,75, afgerond op centen",
    "Wajong art. 1:1 lid 1 onder m en art. 2:50, 3:7 lid 3; AIB art. 4:1 lid 2",
    "EUR/dag",
    ("wml_maand",),
)
LOON_MAAND = grootheid(
    "loon_maand",
    "Bruto loon per maand (zonder vakantiebijslag)",
    "uurloon × uren_per_week × 52 / 12, afgerond op centen",
    "RULES §2 (maand = 52/12 weken); loon per uur × gewerkte uren",
    "EUR/maand",
    ("uurloon_dispensatie", "uurloon", "uren_per_week"),
)
INKOMEN_MAAND = grootheid(
    "inkomen_maand",
    "Bruto loon per maand met vakantiebijslag",
    "loon_maand × (1 + vakantiebijslag), afgerond op centen",
    "AIB art. 4:1 lid 8 (vakantiebijslag telt mee zoals die opbouwt); Wml art. 15",
    "EUR/maand",
    ("loon_maand", "vakantiebijslag"),
)
INKOMEN_LOON_DAG = grootheid(
    "inkomen_loon_per_dag",
    "Inkomen uit dit werk per dag (Ia)",
    "inkomen_maand / 21,75, afgerond op centen",
    "AIB art. 4:1 lid 2 en lid 8",
    "EUR/dag",
    ("inkomen_maand",),
)
OVERIGE_DAG = grootheid(
    "overige_per_dag",
    "Overig inkomen per dag (Io)",
    "overige_inkomsten_per_maand / 21,75, afgerond op centen",
    "Wajong art. 2:40 lid 4 (ander inkomen); AIB art. 4:1 lid 2",
    "EUR/dag",
    ("overige_inkomsten_per_maand",),
)
INKOMEN_DAG = grootheid(
    "inkomen_per_dag",
    "Inkomen per dag (I)",
    "Ia + Io",
    "Wajong art. 2:40; AIB art. 4:1",
    "EUR/dag",
    ("inkomen_loon_per_dag", "overige_per_dag"),
)
TERM_COMPENSATIE = grootheid(
    "uitkering_compensatie_per_dag",
    "Uitkering met compensatiefactor (eerste uitkomst)",
    "0,7 × G − 0,7 × (CF × Ia + Io) met CF = (LW − 0,3) / (0,7 × LW); "
    "gerekend als 0,7 × G − (LW − 0,3) × Ia / LW − 0,7 × Io (hier afgerond getoond)",
    "Wajong art. 2:40 lid 1 onder a en lid 2 en 3; art. 3:8",
    "EUR/dag",
    (
        "grondslag_per_dag",
        "inkomen_loon_per_dag",
        "overige_per_dag",
        "loonwaarde",
        "uitkeringspercentage_arbeidsvermogen",
        "compensatiefactor_drempel",
    ),
)
TERM_NORMLOON = grootheid(
    "uitkering_normloon_per_dag",
    "Aanvulling tot het normloon (tweede uitkomst)",
    "Ia / LW + Io − I: wat het loon zonder loondispensatie (W = Ia / LW) meer is dan het "
    "inkomen (hier afgerond getoond)",
    "Wajong art. 2:40 lid 4; art. 3:8",
    "EUR/dag",
    ("inkomen_loon_per_dag", "overige_per_dag", "inkomen_per_dag", "loonwaarde"),
)
FORMULE_DISPENSATIE = grootheid(
    "uitkering_formule_dispensatie_per_dag",
    "Uitkering volgens de formule (met loondispensatie)",
    "met arbeidsvermogen: de hoogste van de twee uitkomsten hierboven, niet lager dan 0; "
    "bij duurzaam geen arbeidsvermogen (uitzondering): 0,75 × (G − I); afgerond op centen",
    "Wajong art. 2:40 lid 1–4 en art. 3:8 (arbeidsvermogen); art. 2:46, 3:8b, 1a:4 (geen "
    "arbeidsvermogen)",
    "EUR/dag",
    (
        "uitkering_compensatie_per_dag",
        "uitkering_normloon_per_dag",
        "grondslag_per_dag",
        "inkomen_per_dag",
        "uitkeringspercentage_dga",
    ),
)
FORMULE = grootheid(
    "uitkering_formule_per_dag",
    "Uitkering volgens de formule (zonder loondispensatie)",
    "met arbeidsvermogen: 0,7 × (G − I); bij duurzaam geen arbeidsvermogen: 0,75 × (G − I); "
    "niet lager dan 0; afgerond op centen",
    "Wajong art. 2:40 lid 1 onder b en art. 3:8 lid 1 onder b; art. 2:46, 3:8b, 1a:4",
    "EUR/dag",
    (
        "grondslag_per_dag",
        "inkomen_per_dag",
        "uitkeringspercentage_arbeidsvermogen",
        "uitkeringspercentage_dga",
    ),
)
GB_DAG = grootheid(
    "garantiebedrag_per_dag",
    "Garantiebedrag per dag",
    "garantiebedrag_per_maand / 21,75, afgerond op centen",
    "Wajong art. 8:8 lid 1 en 4; AIB art. 4:1 lid 2",
    "EUR/dag",
    ("garantiebedrag_per_maand",),
    keuze="Het garantiebedrag is het bedrag dat op de peildatum geldt (de klantmanager vult het "
    "bedrag uit de laatste brief van UWV in; art. 8:8 lid 7 indexeert het met het minimumloon).",
)
AANVULLING_GB = grootheid(
    "aanvulling_garantiebedrag_per_dag",
    "Aanvulling door het garantiebedrag",
    "garantiebedrag_per_dag − uitkering volgens de formule, als dat positief is",
    "Wajong art. 8:8 lid 4 (uitkering is ten minste het garantiebedrag)",
    "EUR/dag",
    (
        "garantiebedrag_per_dag",
        "uitkering_formule_dispensatie_per_dag",
        "uitkering_formule_per_dag",
    ),
)
UITKERING_DAG = grootheid(
    "uitkering_per_dag",
    "Wajong-uitkering per dag",
    "uitkering volgens de formule + aanvulling (garantiebedrag of toeslag)",
    "Wajong art. 2:40, 3:8 en 8:8 lid 4",
    "EUR/dag",
    (
        "uitkering_formule_dispensatie_per_dag",
        "uitkering_formule_per_dag",
        "aanvulling_garantiebedrag_per_dag",
        "aanvulling_inkomensgarantie_per_dag",
    ),
)
UITKERING_MAAND = grootheid(
    "uitkering_maand",
    "Wajong-uitkering per maand (zonder vakantiebijslag)",
    "uitkering_per_dag × 21,75, afgerond op centen",
    "AIB art. 4:1 lid 2 (21,75 uitkeringsdagen per maand); vakantiebijslag in mei (art. 2:53)",
    "EUR/maand",
    ("uitkering_per_dag",),
)
GB_TOEGEPAST = grootheid(
    "garantiebedrag_toegepast",
    "Garantiebedrag bepaalt de uitkering",
    "garantiebedrag_per_dag > uitkering volgens de formule",
    "Wajong art. 8:8 lid 4",
    "ja/nee",
    ("garantiebedrag_per_dag",),
)


# --- rules ----------------------------------------------------------------------------------


def per_dag(maandbedrag):
    """Monthly amount → per uitkeringsdag: / 21.75, half-up to cents (AIB art. 4:1 lid 2)."""
    return half_up(maandbedrag * 100, DAGEN_PER_MAAND_X100)


def per_maand(dagbedrag):
    """Per uitkeringsdag → per month: × 21.75, half-up to cents."""
    return half_up(dagbedrag * DAGEN_PER_MAAND_X100, 100)


def jeugd_index(leeftijd: np.ndarray, p: Parameters) -> dict[int, np.ndarray]:
    """Masks of the youth ages below the adult WML age (RULES §3.1)."""
    return {
        jaar: leeftijd == jaar
        for jaar in range(p.minimumleeftijd, p.volwassen_wml_leeftijd)
        if np.any(leeftijd == jaar)
    }


def wml_uur(leeftijd: np.ndarray, p: Parameters) -> np.ndarray:
    """WML per hour for the age: the published (rounded) youth amounts below 21."""
    uit = np.full(leeftijd.shape, p.wml_uur_21, dtype=np.int64)
    for jaar, masker in jeugd_index(leeftijd, p).items():
        uit[masker] = getattr(p, f"wml_uur_{jaar}")
    return uit


def wml_maand(leeftijd: np.ndarray, p: Parameters) -> np.ndarray:
    """WML per month for the age: below 21, the monthly amount × staffel %, rounded [keuze]."""
    uit = np.full(leeftijd.shape, p.wml_maand_21, dtype=np.int64)
    for jaar, masker in jeugd_index(leeftijd, p).items():
        uit[masker] = half_up(p.wml_maand_21 * getattr(p, f"jeugd_percentage_{jaar}"), PPM)
    return uit


def maandloon(uurloon, uren_centi):
    """Hourly wage × hours per week × 52/12, multiplied before dividing, half-up."""
    return half_up(uurloon * uren_centi * 52, 12 * 100)


def met_vakantiebijslag(bedrag, p: Parameters):
    return half_up(bedrag * (PPM + p.vakantiebijslag), PPM)


def uitkering_dispensatie(G, Ia, Io, lw, p: Parameters):
    """Benefit per day with arbeidsvermogen and loondispensatie, art. 2:40 lid 1–4.

    max(0.7·G − 0.7·(CF·Ia + Io), Ia/LW + Io − I) with CF = (LW − 0.3)/(0.7·LW), exactly:
    everything over the common denominator PPM·LW, rounded half-up once.
    Returns (benefit, first term, second term), the terms rounded for the trace only.
    """
    pct, drempel = p.uitkeringspercentage_arbeidsvermogen, p.compensatiefactor_drempel
    noemer = PPM * lw
    compensatie = pct * G * lw - (lw - drempel) * Ia * PPM - pct * Io * lw
    normloon = Ia * (PPM - lw) * PPM  # = (Ia/LW + Io − (Ia + Io)) · PPM·LW
    beste = np.maximum(np.maximum(compensatie, normloon), 0)
    return half_up(beste, noemer), half_up(compensatie, noemer), half_up(normloon, noemer)


def uitkering_zonder_dispensatie(G, I, dga, p: Parameters):
    """0.7 × (G − I) with arbeidsvermogen, 0.75 × (G − I) without (DGA); never below 0."""
    pct = np.where(dga, p.uitkeringspercentage_dga, p.uitkeringspercentage_arbeidsvermogen)
    return half_up(np.maximum(pct * (G - I), 0), PPM)


UURLOON_DISPENSATIE = grootheid(
    "uurloon_dispensatie",
    "Uurloon met loondispensatie",
    "loondispensatie_loonbasis 'functieloon' (standaard): loonwaarde × functieloon_per_uur; "
    "'minimumloon': loonwaarde × wml_uur (het minimumloon per uur voor de leeftijd op de "
    "peildatum); afgerond op centen",
    "Wajong art. 2:20 en 3:63; Besluit loondispensatie Wajong art. 3",
    "EUR/uur",
    ("loonwaarde", "functieloon_per_uur", "wml_uur", "loondispensatie_loonbasis"),
    keuze="Het veld loondispensatie_loonbasis zegt waarop de loonwaarde wordt toegepast. "
    "Standaard op het functieloon (cao-loon, de uitvoeringspraktijk). De tekst van Wajong "
    "art. 2:20 en Besluit loondispensatie Wajong art. 3 noemt een percentage van het "
    "minimumloon per uur; dat is de keuze 'minimumloon'.",
)


def uurloon_dispensatie(functieloon, wml_uur_, loonwaarde, op_minimumloon):
    """LW × the functieloon (CAO practice) or × the WML per hour (the legal minimum of
    Wajong art. 2:20 and Besluit loondispensatie Wajong art. 3), half-up to cents."""
    basis = np.where(op_minimumloon, wml_uur_, functieloon)
    return maal_ppm(basis, loonwaarde)


UURLOON = grootheid(
    "uurloon",
    "Uurloon zonder loondispensatie (functieloon)",
    "functieloon_per_uur",
    "Participatiewet art. 10d (de werkgever betaalt het volledige loon)",
    "EUR/uur",
    ("functieloon_per_uur",),
)
AANVULLING_INKOMENSGARANTIE = grootheid(
    "aanvulling_inkomensgarantie_per_dag",
    "Persoonlijke toeslag (inkomensgarantie, vervangt het garantiebedrag)",
    "voor iedereen die wordt omgezet, met of zonder garantiebedrag: (inkomen + uitkering per "
    "dag vandaag) − inkomen per dag na omzetting − uitkering volgens de formule, als dat "
    "positief is; bij afbouw × (n − jaar) / n (n = afbouw_jaren, jaar = jaren na de "
    "omzetting), afgerond op centen",
    "RULES §6, varianten inkomensgarantie en afbouw (Kamerstuk 34 352, nr. 310)",
    "EUR/dag",
    ("inkomen_per_dag", "uitkering_per_dag", "uitkering_formule_per_dag"),
)
UITKERING_FORMULE_MAAND = grootheid(
    "uitkering_formule_maand",
    "Deel van de uitkering volgens de formule, per maand",
    "uitkering volgens de formule per dag × 21,75, afgerond op centen (alleen voor de uitleg)",
    "Wajong art. 2:40, 3:8; AIB art. 4:1 lid 2",
    "EUR/maand",
    ("uitkering_formule_dispensatie_per_dag", "uitkering_formule_per_dag"),
)
AANVULLING_MAAND = grootheid(
    "aanvulling_maand",
    "Deel van de uitkering door garantiebedrag of toeslag, per maand",
    "uitkering_maand − uitkering_formule_maand",
    "Wajong art. 8:8 lid 4; RULES §6",
    "EUR/maand",
    ("uitkering_maand", "uitkering_formule_maand"),
)
