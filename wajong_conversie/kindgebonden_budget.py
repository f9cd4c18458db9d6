"""Kindgebonden budget (Wet op het kindgebonden budget art. 2; Awir), per year and per month.

maximum per jaar = bedrag per kind × kinderen jonger dan 18 + verhoging × kinderen van 12–15
+ verhoging × kinderen van 16–17 + alleenstaande-ouderkop (without a toeslagpartner);
kindgebonden budget per jaar = max(maximum − afbouwpercentage × max(toetsingsinkomen −
drempelinkomen, 0), 0), with the drempelinkomen alone or with a toeslagpartner; none without
children or when the household's vermogen is above the limit. The toetsingsinkomen is the one
of the zorgtoeslag (the annual income the tax uses, after the pension premium, plus the
partner's). Children are counted per age band on the row's own peildatum
(``model.KIND_LEEFTIJDEN``, ``model.kinderen_per_leeftijd``), so in the path over the years
they grow older: a child of 11 brings the 12–15 supplement once it is 12 on that year's date,
and a child of 18 no longer counts.

Rounding: the vermindering to cents (half up), so the year amount is in cents; the monthly
payment is that / 12 rounded down to whole euros, as in the worked examples of Dienst
Toeslagen, "Berekening kindgebonden budget 2026" (€ 4.714,72 per year →
€ 392 per month; tests/test_kindgebonden_budget.py).
"""

from __future__ import annotations

import numpy as np

from wajong_conversie.geld import PPM, half_up
from wajong_conversie.parameters import Parameters
from wajong_conversie.spoor import Spoor, grootheid

MAXIMUM = grootheid(
    "kindgebonden_budget_maximum_jaar",
    "Kindgebonden budget: maximum per jaar (voor de afbouw)",
    "kindgebonden_budget_per_kind × kinderen jonger dan 18 + kindgebonden_budget_verhoging_12_15 "
    "× kinderen van 12 tot en met 15 + kindgebonden_budget_verhoging_16_17 × kinderen van 16 of "
    "17 + kindgebonden_budget_alleenstaande_ouderkop (alleen zonder toeslagpartner en met "
    "kinderen)",
    "Wet op het kindgebonden budget art. 2 (bedragen per kind, verhogingen naar leeftijd en voor "
    "de alleenstaande ouder)",
    "EUR/jaar",
    (
        "toeslagpartner",
        "kinderen",
        "kindgebonden_budget_per_kind",
        "kindgebonden_budget_verhoging_12_15",
        "kindgebonden_budget_verhoging_16_17",
        "kindgebonden_budget_alleenstaande_ouderkop",
    ),
    keuze="De kinderen tellen mee met hun leeftijd in hele jaren op de peildatum, het hele "
    "jaar. Dienst Toeslagen verhoogt het bedrag vanaf de maand na de 12e of 16e verjaardag en "
    "stopt in de maand waarin het kind 18 wordt; dat verloop binnen het jaar is niet "
    "nagebootst. In het overgangspad worden de kinderen elk jaar ouder: hun leeftijd telt op de "
    "datum van dat jaar. Een kind is 12 op de dag van de 12e verjaardag. Wie op 29 februari is "
    "geboren, wordt in een jaar zonder 29 februari op 1 maart een jaar ouder (zo telt dit model "
    "ook de leeftijd van de werknemer, in hele maanden); een wettelijke regel hiervoor is niet "
    "gevonden. Elk kind geeft recht (kinderbijslag aangenomen).",
)
VERMINDERING = grootheid(
    "kindgebonden_budget_vermindering_jaar",
    "Kindgebonden budget: vermindering door het inkomen per jaar",
    "kindgebonden_budget_afbouw × max(toetsingsinkomen_jaar − drempelinkomen (zonder of met "
    "toeslagpartner), 0), afgerond op centen; 0 zonder kinderen",
    "Wet op het kindgebonden budget art. 2 (afbouw boven het drempelinkomen); Awir art. 17",
    "EUR/jaar",
    (
        "toetsingsinkomen_jaar",
        "toeslagpartner",
        "kindgebonden_budget_drempel_alleen",
        "kindgebonden_budget_drempel_partner",
        "kindgebonden_budget_afbouw",
    ),
)
JAAR = grootheid(
    "kindgebonden_budget_jaar",
    "Kindgebonden budget per jaar",
    "max(kindgebonden_budget_maximum_jaar − kindgebonden_budget_vermindering_jaar, 0); 0 als dat "
    "minder is dan toeslag_minimum_jaar of als het vermogen boven de grens ligt",
    "Wet op het kindgebonden budget art. 2; Awir art. 7 (vermogen) en art. 14 (minimum)",
    "EUR/jaar",
    (
        "kindgebonden_budget_maximum_jaar",
        "kindgebonden_budget_vermindering_jaar",
        "vermogen",
        "kindgebonden_budget_vermogensgrens_alleen",
        "kindgebonden_budget_vermogensgrens_partner",
        "toeslag_minimum_jaar",
    ),
    keuze="Het jaarbedrag wordt op centen afgerond en per maand betaald als jaarbedrag / 12, naar "
    "beneden afgerond op hele euro's, zoals in de rekenvoorbeelden van Dienst Toeslagen "
    "(Berekening kindgebonden budget 2026). Een wettelijke grondslag voor deze afronding is niet "
    "gevonden. Vermogen ontbreekt = onder de grens.",
)
MAAND = grootheid(
    "kindgebonden_budget_maand",
    "Kindgebonden budget per maand (voorschot)",
    "kindgebonden_budget_jaar / 12, naar beneden afgerond op hele euro's",
    "Awir art. 16 en 22 (voorschot per maand); afronding: rekenvoorbeelden Dienst Toeslagen",
    "EUR/maand",
    ("kindgebonden_budget_jaar",),
)

EURO = 100  # cents


def maximum(kinderen, partner, p: Parameters):
    """The maximum per year in cents; ``kinderen`` is the (n, 3) count per age band."""
    jong, midden, oud = (kinderen[:, j].astype(np.int64) for j in range(3))
    aantal = jong + midden + oud
    totaal = (
        aantal * p.kindgebonden_budget_per_kind
        + midden * p.kindgebonden_budget_verhoging_12_15
        + oud * p.kindgebonden_budget_verhoging_16_17
    )
    kop = (aantal > 0) & ~np.asarray(partner, dtype=bool)
    return totaal + kop * p.kindgebonden_budget_alleenstaande_ouderkop


def bereken_jaar(toetsingsinkomen, partner, kinderen, vermogen, p: Parameters, bekend=None):
    """(maximum, vermindering, kindgebonden budget per year), each in cents, on columns; all 0
    for rows without children (or outside ``bekend``). Only the rows with children are
    computed: in most batches they are a minority."""
    n = len(kinderen)
    hoogste, vermindering, jaar = (np.zeros(n, dtype=np.int64) for _ in range(3))
    met = (kinderen[:, 0] | kinderen[:, 1] | kinderen[:, 2]) != 0  # faster than any(axis=1)
    if bekend is not None:
        met &= bekend
    wie = np.flatnonzero(met)
    if wie.size == 0:
        return hoogste, vermindering, jaar
    partner = np.asarray(partner, dtype=bool)[wie]
    h = maximum(kinderen[wie], partner, p)
    drempel = np.where(
        partner, p.kindgebonden_budget_drempel_partner, p.kindgebonden_budget_drempel_alleen
    )
    boven = np.maximum(np.asarray(toetsingsinkomen, dtype=np.int64)[wie] - drempel, 0)
    v = half_up(p.kindgebonden_budget_afbouw * boven, PPM)
    j = np.maximum(h - v, 0)
    grens = np.where(
        partner,
        p.kindgebonden_budget_vermogensgrens_partner,
        p.kindgebonden_budget_vermogensgrens_alleen,
    )
    j[(j < p.toeslag_minimum_jaar) | (np.asarray(vermogen)[wie] > grens)] = 0
    hoogste[wie], vermindering[wie], jaar[wie] = h, v, j
    return hoogste, vermindering, jaar


def per_maand(jaar):
    """The monthly advance: the year amount / 12, rounded down to whole euros (cents)."""
    return jaar // (12 * EURO) * EURO


def kindgebonden_budget(s: Spoor, partner, kinderen, vermogen, bekend, p: Parameters) -> None:
    """Fill the kindgebonden budget quantities of ``s`` (0 where the household is unknown).
    ``kinderen``: the (n, 3) count per age band on each row's peildatum
    (``model.kinderen_per_leeftijd``). Needs ``toetsingsinkomen_jaar`` (zorgtoeslag) in ``s``."""
    hoogste, vermindering, jaar = bereken_jaar(
        s["toetsingsinkomen_jaar"], partner, kinderen, vermogen, p, bekend
    )
    s[MAXIMUM] = hoogste
    s[VERMINDERING] = vermindering
    s[JAAR] = jaar
    s[MAAND] = per_maand(jaar)
