"""Why it changes: the change per month split into its parts, which add up exactly.

Worker (net per month): the net annual income is 12 × wage with holiday pay + 12 × 1.08 ×
benefit + 12 × other income − (box-1 tax − credits), and the monthly net is that / 12. So the
change splits into: wage, the benefit's formula part, the garantiebedrag or supplement part
(both with their holiday pay), box-1 tax, and each tax credit (the arbeidskorting moves with
the wage only). Each part is rounded half-up to cents; what those roundings leave is shown as
its own part, "afronding", so the parts always add up to the total exactly.

Employer (cost per month): wage with holiday pay, premiums, LKS, vergoeding, compensation —
exact, no rounding. Government: benefit, LKS, vergoeding, compensation — exact.

With a known household (issue 11) the worker's net also has a pension-premium part, and a
fourth party "huishouden" splits the change in besteedbaar inkomen into the net without the
premium, the premium and each allowance — exact, the allowances are whole euros per month.
"""

from __future__ import annotations

import numpy as np

from wajong_conversie.geld import PPM, half_up
from wajong_conversie.rekenkern import Resultaat
from wajong_conversie.spoor import Spoor

WERKNEMER = (
    ("loon", "Loon met vakantiegeld"),
    ("uitkering_formule", "Wajong-uitkering volgens de formule (met vakantiegeld)"),
    ("garantiebedrag_toeslag", "Garantiebedrag of toeslag (met vakantiegeld)"),
    ("belasting", "Belasting en premies (box 1)"),
    ("algemene_heffingskorting", "Algemene heffingskorting"),
    ("arbeidskorting", "Arbeidskorting (alleen over loon)"),
    ("jonggehandicaptenkorting", "Jonggehandicaptenkorting"),
    ("kortingen_begrensd", "Kortingen niet hoger dan de belasting"),
    (
        "pensioenpremie",
        "Pensioenpremie werknemer (alleen met huishouden; het belastingvoordeel "
        "zit in de belasting)",
    ),
    ("afronding", "Afronding"),
)
HUISHOUDEN = (  # issue 11: only with a known household
    ("netto_zonder_pensioen", "Netto inkomen, zonder de pensioenpremie"),
    ("pensioenpremie", "Pensioenpremie werknemer"),
    ("zorgtoeslag", "Zorgtoeslag"),
    ("huurtoeslag", "Huurtoeslag"),
    ("kindgebonden_budget", "Kindgebonden budget"),
)
WERKGEVER = (
    ("loon", "Loon met vakantiegeld"),
    ("premies", "Werkgeverslasten (premies en pensioen)"),
    ("loonkostensubsidie", "Loonkostensubsidie"),
    ("werkgeverslastenvergoeding", "Vergoeding werkgeverslasten"),
    ("compensatie", "Compensatie"),
)
OVERHEID = (
    ("uitkering", "Wajong-uitkering"),
    ("loonkostensubsidie", "Loonkostensubsidie"),
    ("werkgeverslastenvergoeding", "Vergoeding werkgeverslasten"),
    ("compensatie", "Compensatie werkgever"),
)


def _kolom(spoor: Spoor, naam: str, n: int) -> np.ndarray:
    return spoor[naam] if naam in spoor else np.zeros(n, dtype=np.int64)


def delen(resultaat: Resultaat) -> dict[str, dict[str, np.ndarray]]:
    """Per party, per part: the change per month in cents (columns, one per person)."""
    h, nw, n = resultaat.huidig, resultaat.nieuw, len(resultaat)
    vb = next(w.waarde for w in resultaat.parameters if w.naam == "vakantiebijslag")

    def d(naam: str) -> np.ndarray:
        return _kolom(nw, naam, n) - _kolom(h, naam, n)

    def per_maand_met_vb(verschil: np.ndarray) -> np.ndarray:
        return half_up(verschil * (PPM + vb), PPM)

    def jaar_naar_maand(verschil: np.ndarray) -> np.ndarray:
        return half_up(verschil, 12)

    kortingen = (
        d("algemene_heffingskorting_jaar")
        + d("arbeidskorting_jaar")
        + d("jonggehandicaptenkorting_jaar")
    )
    werknemer = {
        "loon": d("inkomen_maand"),
        "uitkering_formule": per_maand_met_vb(d("uitkering_formule_maand")),
        "garantiebedrag_toeslag": per_maand_met_vb(d("aanvulling_maand")),
        "belasting": -jaar_naar_maand(d("box1_jaar")),
        "algemene_heffingskorting": jaar_naar_maand(d("algemene_heffingskorting_jaar")),
        "arbeidskorting": jaar_naar_maand(d("arbeidskorting_jaar")),
        "jonggehandicaptenkorting": jaar_naar_maand(d("jonggehandicaptenkorting_jaar")),
        "kortingen_begrensd": jaar_naar_maand(d("heffingskortingen_jaar") - kortingen),
    }
    if "pensioenpremie_werknemer_jaar" in h:
        werknemer["pensioenpremie"] = -jaar_naar_maand(d("pensioenpremie_werknemer_jaar"))
    werknemer["afronding"] = d("netto_maand") - sum(werknemer.values())

    loonkosten = d("werkgever_loonkosten_maand")
    werkgever = {
        "loon": d("inkomen_maand"),
        "premies": loonkosten - d("inkomen_maand"),
        "loonkostensubsidie": -d("loonkostensubsidie_maand"),
        "werkgeverslastenvergoeding": -d("werkgeverslastenvergoeding_maand"),
        "compensatie": -d("compensatie_werkgever_maand"),
    }
    overheid = {
        "uitkering": d("uitkering_maand"),
        "loonkostensubsidie": d("loonkostensubsidie_maand"),
        "werkgeverslastenvergoeding": d("werkgeverslastenvergoeding_maand"),
        "compensatie": d("compensatie_werkgever_maand"),
    }
    uit = {"werknemer": werknemer, "werkgever": werkgever, "overheid": overheid}
    if "besteedbaar_maand" in h:
        pensioen = werknemer["pensioenpremie"]
        uit["huishouden"] = {
            "netto_zonder_pensioen": d("netto_maand") - pensioen,
            "pensioenpremie": pensioen,
            "zorgtoeslag": d("zorgtoeslag_maand"),
            "huurtoeslag": d("huurtoeslag_maand"),
            "kindgebonden_budget": d("kindgebonden_budget_maand"),
        }
    return uit


TOTALEN = {
    "werknemer": ("netto_maand", "Netto inkomen per maand"),
    "werkgever": ("werkgever_kosten_maand", "Kosten werkgever per maand"),
    "overheid": ("overheid_kosten_maand", "Kosten overheid per maand"),
    "huishouden": ("besteedbaar_maand", "Besteedbaar inkomen per maand (netto plus toeslagen)"),
}
LABELS = {
    "werknemer": WERKNEMER,
    "werkgever": WERKGEVER,
    "overheid": OVERHEID,
    "huishouden": HUISHOUDEN,
}
