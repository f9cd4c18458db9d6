"""What a worker keeps (issue 11): net pay after tax and pension premium, plus allowances.

Only computed when the batch has a known household (any household field given); rows without
one get 0 here and the output says "niet berekend". A batch without any household leaves the
trace exactly as it was before issue 11.
"""

from __future__ import annotations

import numpy as np

from wajong_conversie import huurtoeslag, kindgebonden_budget, pensioen, zorgtoeslag
from wajong_conversie.model import Invoer, kinderen_per_leeftijd
from wajong_conversie.parameters import Parameters
from wajong_conversie.spoor import Spoor, grootheid

BESTEEDBAAR = grootheid(
    "besteedbaar_maand",
    "Besteedbaar inkomen per maand (netto plus toeslagen)",
    "netto_maand + zorgtoeslag_maand + huurtoeslag_maand + kindgebonden_budget_maand",
    "Wet op de zorgtoeslag art. 2; Wet op de huurtoeslag art. 21; Wet op het kindgebonden "
    "budget art. 2; RULES §7 (netto na belasting en pensioenpremie)",
    "EUR/maand",
    ("netto_maand", "zorgtoeslag_maand", "huurtoeslag_maand", "kindgebonden_budget_maand"),
    keuze="Huurtoeslag telt mee waar die berekend is (met een huur, vanaf 2026), anders als 0.",
)

NIET_BEREKEND = "niet berekend"
SLEUTELS = (  # output keys that exist only with a known household
    "pensioenpremie_werknemer_maand",
    "zorgtoeslag_maand",
    "huurtoeslag_maand",
    "kindgebonden_budget_maand",
    "besteedbaar_maand",
    "pensioeninleg_jaar",
)


def actief(inv: Invoer) -> bool:
    return bool(inv.huishouden.any())


def voor_belasting(s: Spoor, inv: Invoer) -> np.ndarray | None:
    """The employee pension premium per year (cents), or None without any household."""
    if not actief(inv):
        return None
    return pensioen.premie(
        s,
        inv.pensioen_werknemer,
        inv.pensioen_werkgever,
        inv.pensioen_franchise,
        inv.uren,
        inv.voltijd,
    )


def kinderen(inv: Invoer) -> np.ndarray | None:
    """The children per age band on each row's peildatum (``model.kinderen_per_leeftijd``), or
    None without any household."""
    if not actief(inv):
        return None
    return kinderen_per_leeftijd(inv.kinderen, inv.peildatum)


def na_belasting(s: Spoor, inv: Invoer, p: Parameters, banden: np.ndarray | None = None) -> None:
    """Allowances and the besteedbaar inkomen, after the net income is known. ``banden``: the
    children per age band (:func:`kinderen`), counted here when not given."""
    if not actief(inv):
        return
    if banden is None:
        banden = kinderen(inv)
    zorgtoeslag.zorgtoeslag(
        s, inv.toeslagpartner, inv.partner_inkomen, inv.vermogen, inv.huishouden, p
    )
    huurtoeslag.huurtoeslag(
        s, inv.huur, inv.toeslagpartner, banden, inv.vermogen, inv.huishouden, p
    )
    kindgebonden_budget.kindgebonden_budget(
        s, inv.toeslagpartner, banden, inv.vermogen, inv.huishouden, p
    )
    s[BESTEEDBAAR] = (
        s["netto_maand"]
        + s["zorgtoeslag_maand"]
        + s["huurtoeslag_maand"]
        + s["kindgebonden_budget_maand"]
    )
