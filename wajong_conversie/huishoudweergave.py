"""The household part of one result (issue 11) as display data: what the worker keeps.

Works on the JSON-shaped result of ``bereken --json`` (the household keys of
:data:`huishouden.SLEUTELS`, each an amount or ``"niet berekend"``). Every allowance that the
engine computes shows up here by itself: the rows loop over :data:`RIJEN`, and a key that says
``"niet berekend"`` moves to the line of parts that were not computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wajong_conversie import opmaak
from wajong_conversie.geld import centen
from wajong_conversie.huishouden import NIET_BEREKEND

# (key, label on the page); the order of the table. Netto + the allowances = besteedbaar.
PREMIE = (
    "pensioenpremie_werknemer_maand",
    "Pensioenpremie werknemer (al afgetrokken van het netto inkomen)",
)
NETTO = ("netto_maand", "Netto inkomen (na belasting en pensioenpremie)")
TOESLAGEN = (
    ("zorgtoeslag_maand", "Zorgtoeslag"),
    ("huurtoeslag_maand", "Huurtoeslag"),
    ("kindgebonden_budget_maand", "Kindgebonden budget"),
)
BESTEEDBAAR = ("besteedbaar_maand", "Besteedbaar inkomen (netto plus toeslagen)")
RIJEN = (PREMIE, NETTO, *TOESLAGEN, BESTEEDBAAR)
INLEG = "pensioeninleg_jaar"

# the same parts in running text ("niet berekend: …")
NAMEN = {
    "pensioenpremie_werknemer_maand": "pensioenpremie",
    "zorgtoeslag_maand": "zorgtoeslag",
    "huurtoeslag_maand": "huurtoeslag",
    "kindgebonden_budget_maand": "kindgebonden budget",
    "besteedbaar_maand": "besteedbaar inkomen",
}
# the form field a part needs besides a known household (issue 11: huurtoeslag only with a
# rent, kindgebonden budget only with children, a pension premium only with a percentage)
NODIG = {
    "pensioenpremie_werknemer_maand": "pensioen_werknemer_percentage",
    "huurtoeslag_maand": "huur_per_maand",
    "kindgebonden_budget_maand": "kinderen",
}
SIGNALEN = ("huishouden_achteruit", "toeslag_terugvordering_risico")
FORMULIERDEEL = "Huishouden, toeslagen en pensioen"


def bekend(uitkomst: Mapping[str, Any]) -> bool:
    """True when the household was known (the besteedbaar inkomen was computed)."""
    return uitkomst["huidig"].get(BESTEEDBAAR[0], NIET_BEREKEND) != NIET_BEREKEND


def _berekend(uitkomst: Mapping[str, Any], sleutel: str) -> bool:
    return uitkomst["huidig"].get(sleutel, NIET_BEREKEND) != NIET_BEREKEND


def _leeg(waarden: Mapping[str, str], sleutel: str) -> bool:
    """The form field this part needs was left empty."""
    veld = NODIG.get(sleutel)
    return bool(veld) and not str(waarden.get(veld, "")).strip()


def _tonen(uitkomst: Mapping[str, Any], waarden: Mapping[str, str], sleutel: str) -> bool:
    """A row of the table: computed, and not a zero that only says the field was empty."""
    if not _berekend(uitkomst, sleutel):
        return False
    nul = not any(centen(uitkomst[k][sleutel]) for k in ("huidig", "nieuw"))
    return not (nul and _leeg(waarden, sleutel))


def _opsomming(delen: list[str]) -> str:
    """'a', 'a en b', 'a, b en c'."""
    if len(delen) <= 1:
        return "".join(delen)
    return ", ".join(delen[:-1]) + " en " + delen[-1]


def antwoord(uitkomst: Mapping[str, Any]) -> str:
    """The answer in one sentence, with the amount of the table's 'Verschil' row."""
    cent = centen(uitkomst["verschil"][BESTEEDBAAR[0]])
    if cent == 0:
        return (
            "Met loonkostensubsidie houdt de werknemer per maand evenveel over om uit te geven "
            "als vandaag."
        )
    woord = "meer" if cent > 0 else "minder"
    return (
        f"Met loonkostensubsidie houdt de werknemer {opmaak.bedrag(abs(cent))} per maand "
        f"{woord} over om uit te geven."
    )


def _niet_berekend(uitkomst: Mapping[str, Any], waarden: Mapping[str, str]) -> str:
    """One short line: which parts were not computed and how to fill them in ('' if none)."""
    from wajong_conversie.webformulier import HUISHOUDVELDEN  # its labels; imports us

    velden = {v.naam: v.label for v in HUISHOUDVELDEN}
    if not bekend(uitkomst):
        ontbreekt = [k for k in NAMEN if not _berekend(uitkomst, k)]
        return (
            f"Niet berekend: {_opsomming([NAMEN[k] for k in ontbreekt])}. Vul het deel "
            f"‘{FORMULIERDEEL}’ van het formulier in om ze te berekenen (knop Invoer "
            "aanpassen)."
        )
    delen = []
    for k in NAMEN:
        if _tonen(uitkomst, waarden, k):
            continue
        if _leeg(waarden, k):
            veld = NODIG[k]
            delen.append(f"{NAMEN[k]} (‘{velden.get(veld, veld)}’ is niet ingevuld)")
        else:
            delen.append(f"{NAMEN[k]} (rekent dit programma nog niet uit)")
    return f"Niet berekend: {_opsomming(delen)}." if delen else ""


def _melden(uitkomst: Mapping[str, Any]) -> str:
    """What the worker must do at Dienst Toeslagen: '' without any allowance, and '' when an
    allowance falls (the flag toeslag_terugvordering_risico then says it, with the amounts)."""
    toeslagen = [
        k
        for k, _ in TOESLAGEN
        if _berekend(uitkomst, k)
        and (centen(uitkomst["huidig"][k]) or centen(uitkomst["nieuw"][k]))
    ]
    if not toeslagen or "toeslag_terugvordering_risico" in uitkomst["signalen"]:
        return ""  # with the flag, its own box says it (once is enough)
    return (
        "De werknemer moet het nieuwe inkomen doorgeven aan Dienst Toeslagen (Mijn toeslagen "
        "op toeslagen.nl)."
    )


def _inleg(uitkomst: Mapping[str, Any]) -> str:
    """The yearly pension contribution (what is built up), when a pension was given."""
    if not _berekend(uitkomst, INLEG):
        return ""
    huidig, nieuw = (centen(uitkomst[k][INLEG]) for k in ("huidig", "nieuw"))
    if not huidig and not nieuw:
        return ""
    return (
        "Pensioen dat wordt opgebouwd (inleg van werknemer en werkgever samen): vandaag "
        f"{opmaak.bedrag(huidig)} per jaar, met loonkostensubsidie {opmaak.bedrag(nieuw)} per "
        "jaar."
    )


def web(uitkomst: Mapping[str, Any], waarden: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Everything the household part of the result page shows, formatted.

    ``waarden``: the form values, to say which field an allowance that was not computed needs.
    """
    waarden = waarden or {}
    if not bekend(uitkomst):
        return {"bekend": False, "niet_berekend": _niet_berekend(uitkomst, waarden)}
    regels = [
        {
            "label": label,
            "totaal": sleutel == BESTEEDBAAR[0],
            "huidig": opmaak.bedrag(centen(uitkomst["huidig"][sleutel])),
            "nieuw": opmaak.bedrag(centen(uitkomst["nieuw"][sleutel])),
            "verschil": opmaak.verschil(centen(uitkomst["verschil"][sleutel])),
        }
        for sleutel, label in RIJEN
        if _tonen(uitkomst, waarden, sleutel)
    ]
    signalen = [s for s in uitkomst["signalen_toelichting"] if s["code"] in SIGNALEN]
    return {
        "bekend": True,
        "antwoord": antwoord(uitkomst),
        "regels": regels,
        "niet_berekend": _niet_berekend(uitkomst, waarden),
        "signalen": signalen,
        "melden": _melden(uitkomst),
        "inleg": _inleg(uitkomst),
    }
