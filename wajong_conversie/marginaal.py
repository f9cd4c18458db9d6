"""Does working more pay? (issue 11, "werken moet lonen")

For contract hours 0, 1, … up to the full-time week (whole hours), the case is computed again
with only the hours changed: what the worker keeps per month today (loondispensatie) and after
conversion (LKS), and how much of that is added by each extra hour per week. Under
loondispensatie part of each extra hour's wage is offset against the benefit; under LKS the
benefit is mostly gone and the worker keeps more; phasing-out allowances show up too.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from wajong_conversie.geld import bedrag_tekst
from wajong_conversie.model import Invoer
from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import Scenario

UUR = 100  # hundredths of an hour


def reeks(invoer: Invoer, scenario: Scenario, i: int = 0) -> dict[str, Any]:
    """The ``marginaal`` object of ``bereken --json`` for row ``i``."""
    voltijd = int(invoer.voltijd[i]) // UUR
    uren = np.arange(voltijd + 1, dtype=np.int64)
    rij = invoer.neem(np.full(len(uren), i))
    r = bereken(attrs.evolve(rij, uren=uren * UUR), scenario)
    bekend = bool(invoer.huishouden[i])
    maat = "besteedbaar_maand" if bekend else "netto_maand"
    h, n = r.huidig[maat], r.nieuw[maat]
    rijen = []
    for k, u in enumerate(uren):
        rijen.append(
            {
                "uren_per_week": int(u),
                "huidig": bedrag_tekst(h[k]),
                "nieuw": bedrag_tekst(n[k]),
                "erbij_huidig": None if k == 0 else bedrag_tekst(h[k] - h[k - 1]),
                "erbij_nieuw": None if k == 0 else bedrag_tekst(n[k] - n[k - 1]),
                "loon_erbij_nieuw": None
                if k == 0
                else bedrag_tekst(r.nieuw["inkomen_maand"][k] - r.nieuw["inkomen_maand"][k - 1]),
            }
        )
    return {
        "maat": maat,
        "omschrijving": (
            "Besteedbaar inkomen per maand (netto na pensioenpremie, plus toeslagen)"
            if bekend
            else "Netto inkomen per maand (huishouden niet ingevuld: zonder toeslagen)"
        ),
        "huidige_uren_per_week": bedrag_tekst(int(invoer.uren[i])),
        "uitleg": "erbij_huidig en erbij_nieuw: wat één uur per week meer werken per maand "
        "oplevert; loon_erbij_nieuw: het brutoloon met vakantiegeld dat dat uur erbij geeft "
        "met LKS.",
        "reeks": rijen,
    }
