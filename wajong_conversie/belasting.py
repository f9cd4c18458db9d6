"""Net income: box 1 tax and premiums minus tax credits (RULES §7), exact per year.

Annual figures are not rounded before the end: they are kept as integers in units of
1 / (100 · b) euro, where b is the denominator of the reduced holiday-pay factor (27/25 → 25),
so ``12 × 1.08 × benefit`` is exact. Tax and credits carry a further factor PPM (the rates).
Only the annual net is rounded to cents, and the monthly net is that / 12.
"""

from __future__ import annotations

import numpy as np

from wajong_conversie.geld import PPM, half_up
from wajong_conversie.lks import breuk
from wajong_conversie.parameters import Parameters, Schijf
from wajong_conversie.spoor import Spoor, grootheid

JAAR_BRUTO = grootheid(
    "bruto_jaar",
    "Bruto inkomen per jaar",
    "12 × inkomen_maand + 12 × (1 + vakantiebijslag) × uitkering_maand + 12 × overige "
    "inkomsten (hier afgerond getoond; gerekend exact)",
    "RULES §7; vakantiebijslag op de uitkering Wajong art. 2:53",
    "EUR/jaar",
    ("inkomen_maand", "uitkering_maand", "overige_inkomsten_per_maand", "vakantiebijslag"),
)
ARBEIDSINKOMEN = grootheid(
    "arbeidsinkomen_jaar",
    "Arbeidsinkomen per jaar (alleen loon)",
    "12 × inkomen_maand",
    "Wet IB 2001 art. 8.11 lid 2 (de Wajong-uitkering is geen arbeidsinkomen)",
    "EUR/jaar",
    ("inkomen_maand",),
)
BOX1 = grootheid(
    "box1_jaar",
    "Belasting en premies box 1 vóór heffingskortingen",
    "tarieven box 1 per schijf over bruto_jaar",
    "Wet IB 2001 art. 2.10 en 2.10a",
    "EUR/jaar",
    ("bruto_jaar", "box1_schijven"),
    keuze="Belastbaar inkomen = bruto inkomen; geen aftrekposten, geen werknemerspensioenpremie.",
)
AHK = grootheid(
    "algemene_heffingskorting_jaar",
    "Algemene heffingskorting",
    "maximum − afbouwpercentage × (bruto_jaar − afbouwpunt), niet lager dan 0",
    "Wet IB 2001 art. 8.10",
    "EUR/jaar",
    (
        "bruto_jaar",
        "algemene_heffingskorting_max",
        "algemene_heffingskorting_afbouwpunt",
        "algemene_heffingskorting_afbouw",
    ),
)
AK = grootheid(
    "arbeidskorting_jaar",
    "Arbeidskorting",
    "basis + percentage × (arbeidsinkomen − begin van de schijf), niet lager dan 0",
    "Wet IB 2001 art. 8.11",
    "EUR/jaar",
    ("arbeidsinkomen_jaar", "arbeidskorting"),
)
JHK = grootheid(
    "jonggehandicaptenkorting_jaar",
    "Jonggehandicaptenkorting",
    "vast bedrag bij recht op Wajong-uitkering",
    "Wet IB 2001 art. 8.16",
    "EUR/jaar",
    ("jonggehandicaptenkorting",),
    keuze="Het recht op Wajong blijft bestaan, ook als de uitkering na omzetting 0 is; de "
    "korting geldt dan in beide situaties.",
)
KORTINGEN = grootheid(
    "heffingskortingen_jaar",
    "Heffingskortingen samen (niet meer dan de belasting)",
    "min(algemene heffingskorting + arbeidskorting + jonggehandicaptenkorting, box1_jaar)",
    "Wet IB 2001 art. 8.1 (kortingen tot ten hoogste de verschuldigde belasting)",
    "EUR/jaar",
    (
        "algemene_heffingskorting_jaar",
        "arbeidskorting_jaar",
        "jonggehandicaptenkorting_jaar",
        "box1_jaar",
    ),
)
BELASTING = grootheid(
    "belasting_jaar",
    "Te betalen belasting en premies per jaar",
    "box1_jaar − heffingskortingen_jaar",
    "Wet IB 2001",
    "EUR/jaar",
    ("box1_jaar", "heffingskortingen_jaar"),
)
BELASTBAAR = grootheid(
    "belastbaar_jaar",
    "Belastbaar inkomen per jaar (na pensioenpremie)",
    "bruto_jaar − pensioenpremie_werknemer_jaar",
    "Wet LB 1964 art. 11 lid 1 (pensioenpremie werknemer gaat van het loon af)",
    "EUR/jaar",
    ("bruto_jaar", "pensioenpremie_werknemer_jaar"),
)
NETTO_JAAR = grootheid(
    "netto_jaar",
    "Netto inkomen per jaar",
    "bruto_jaar − belasting_jaar, afgerond op centen",
    "RULES §7; de Zvw-bijdrage op de uitkering betaalt UWV (werkgeversheffing)",
    "EUR/jaar",
    ("bruto_jaar", "belasting_jaar"),
    keuze="Zonder zorgtoeslag en zonder pensioenpremie van de werknemer.",
)
NETTO_MAAND = grootheid(
    "netto_maand",
    "Netto inkomen per maand (gemiddeld)",
    "netto_jaar / 12, afgerond op centen",
    "RULES §2 en §7",
    "EUR/maand",
    ("netto_jaar",),
)


def _schijven_belasting(inkomen, schijven: tuple[Schijf, ...], schaal: int):
    """Σ rate × the part of income in each bracket (scaled by PPM)."""
    belasting = np.zeros_like(inkomen)
    for i, s in enumerate(schijven):
        onder = s.vanaf * schaal
        deel = inkomen - onder
        if i + 1 < len(schijven):
            deel = np.minimum(deel, schijven[i + 1].vanaf * schaal - onder)
        belasting += s.tarief * np.maximum(deel, 0)
    return belasting


def _schijven_korting(inkomen, schijven: tuple[Schijf, ...], schaal: int):
    """basis + rate × (income − start) for the bracket the income is in; not below 0."""
    korting = np.zeros_like(inkomen)
    for s in schijven:  # later brackets overwrite earlier ones
        in_schijf = inkomen >= s.vanaf * schaal
        waarde = s.basis * schaal * PPM + s.tarief * (inkomen - s.vanaf * schaal)
        korting = np.where(in_schijf, waarde, korting)
    return np.maximum(korting, 0)


def netto(spoor: Spoor, overige_maand: np.ndarray, p: Parameters, premie_jaar=None) -> None:
    """Annual and monthly net income from the spoor's monthly wage and benefit.

    ``premie_jaar``: the employee pension premium per year in cents (issue 11), taken off the
    income (and the arbeidsinkomen) before tax; None = no pension (the trace as before)."""
    vb_teller, b = breuk(PPM + p.vakantiebijslag, PPM)
    schaal = b  # one cent is b annual units

    inkomen_maand = spoor["inkomen_maand"]
    jaar = (
        12 * b * inkomen_maand + 12 * vb_teller * spoor["uitkering_maand"] + 12 * b * overige_maand
    )
    arbeid = 12 * b * inkomen_maand
    bruto = jaar
    if premie_jaar is not None:
        jaar = jaar - b * premie_jaar
        arbeid = arbeid - b * premie_jaar

    box1 = _schijven_belasting(jaar, p.box1_schijven, schaal)
    ahk_max = p.algemene_heffingskorting_max * schaal * PPM
    afbouw = p.algemene_heffingskorting_afbouw * np.maximum(
        jaar - p.algemene_heffingskorting_afbouwpunt * schaal, 0
    )
    ahk = np.maximum(ahk_max - afbouw, 0)
    ak = _schijven_korting(arbeid, p.arbeidskorting, schaal)
    jhk = np.full_like(jaar, p.jonggehandicaptenkorting * schaal * PPM)
    kortingen = np.minimum(ahk + ak + jhk, box1)
    belasting = box1 - kortingen

    def cent(x, extra=PPM):
        return half_up(x, schaal * extra)

    spoor[JAAR_BRUTO] = cent(bruto, 1)
    if premie_jaar is not None:
        spoor[BELASTBAAR] = cent(jaar, 1)
    spoor[ARBEIDSINKOMEN] = cent(arbeid, 1)
    spoor[BOX1] = cent(box1)
    spoor[AHK] = cent(ahk)
    spoor[AK] = cent(ak)
    spoor[JHK] = cent(jhk)
    spoor[KORTINGEN] = cent(kortingen)
    spoor[BELASTING] = cent(belasting)
    netto_jaar = half_up(jaar * PPM - belasting, schaal * PPM)  # after the pension premium
    spoor[NETTO_JAAR] = netto_jaar
    spoor[NETTO_MAAND] = half_up(netto_jaar, 12)
