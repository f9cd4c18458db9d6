"""'Loont meer werken?' on the web result page (issue 11 item 6): the ``marginaal`` series of
``bereken --uren-reeks`` as a line chart (:mod:`svggrafiek`), a few sentences and the table
with the same numbers. Everything formatted here (:mod:`opmaak`); the template only places it.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from wajong_conversie import opmaak, svggrafiek
from wajong_conversie.geld import centen

VANDAAG = "Vandaag (loondispensatie)"
NIEUW = "Met loonkostensubsidie"


def _bedrag(tekst: str | None) -> str:
    return "" if tekst is None else opmaak.bedrag(centen(tekst))


def _opbrengst(tekst: str) -> str:
    """What one more hour adds, in words: '€ 22,79 meer' (or '€ 3,00 minder')."""
    cent = centen(tekst)
    return f"{opmaak.bedrag(abs(cent))} {'minder' if cent < 0 else 'meer'}"


def _zinnen(m: Mapping[str, Any], wat: str) -> list[str]:
    """In words: the amounts at today's hours, and what one more hour per week adds."""
    reeks = m["reeks"]
    nu = centen(m["huidige_uren_per_week"])  # hundredths of an hour
    uren = opmaak.uren(nu)
    hele = nu // 100
    zinnen = []
    if nu % 100 == 0 and hele < len(reeks):
        r = reeks[hele]
        zinnen.append(
            f"Bij {uren} uur per week (nu): {wat} vandaag {_bedrag(r['huidig'])}, met "
            f"loonkostensubsidie {_bedrag(r['nieuw'])} per maand."
        )
    # the step from today's hours to one more; at the full-time week the step to it
    stap = min(hele + 1, len(reeks) - 1)
    if stap >= 1:
        r = reeks[stap]
        zinnen.append(
            f"Eén uur per week meer werken (van {opmaak.getal(stap - 1)} naar "
            f"{opmaak.getal(stap)} uur) geeft per maand vandaag {_opbrengst(r['erbij_huidig'])}, "
            f"met loonkostensubsidie {_opbrengst(r['erbij_nieuw'])}."
        )
    eerste, laatste = reeks[0], reeks[-1]
    zinnen.append(
        f"Van {opmaak.getal(eerste['uren_per_week'])} tot "
        f"{opmaak.getal(laatste['uren_per_week'])} uur per week gaat het {wat} vandaag van "
        f"{_bedrag(eerste['huidig'])} naar {_bedrag(laatste['huidig'])}, met "
        f"loonkostensubsidie van {_bedrag(eerste['nieuw'])} naar {_bedrag(laatste['nieuw'])}."
    )
    return zinnen


def context(m: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """What ``web/_urenreeks.html.j2`` shows, or None without a series."""
    if not m or not m.get("reeks"):
        return None
    besteedbaar = m["maat"] == "besteedbaar_maand"
    wat = "besteedbaar inkomen" if besteedbaar else "netto inkomen"
    reeks = m["reeks"]
    nu = centen(m["huidige_uren_per_week"])
    zinnen = _zinnen(m, wat)
    uren = [int(r["uren_per_week"]) for r in reeks]
    svg = svggrafiek.lijnen(
        id_="urenreeks",
        titel=f"Lijndiagram: {wat} per maand bij 0 tot {opmaak.getal(uren[-1])} uur per week, "
        "vandaag en met loonkostensubsidie",
        omschrijving=" ".join(zinnen) + " De tabel onder de grafiek geeft elk uur.",
        kop=[f"{wat.capitalize()} per maand naar uren per week"],
        x=uren,
        reeksen=[
            svggrafiek.Lijn(
                VANDAAG,
                [Decimal(centen(r["huidig"])) / 100 for r in reeks],
                svggrafiek.KLEUR_GRIJS,
                streep="7 4",
                vorm="vierkant",
            ),
            svggrafiek.Lijn(
                NIEUW,
                [Decimal(centen(r["nieuw"])) / 100 for r in reeks],
                svggrafiek.KLEUR_OMHOOG,
            ),
        ],
        x_titel="Uren per week",
        y_titel=f"{wat.capitalize()} per maand (€)",
        markering=(Decimal(nu) / 100, f"nu: {opmaak.uren(nu)} uur"),
    )
    return {
        "wat": wat,
        "omschrijving": m["omschrijving"],
        "besteedbaar": besteedbaar,
        "zinnen": zinnen,
        "svg": svg,
        "voltijd": opmaak.getal(uren[-1]),
        "rijen": [
            {
                "uren": opmaak.getal(r["uren_per_week"]),
                "nu": nu == int(r["uren_per_week"]) * 100,
                "huidig": _bedrag(r["huidig"]),
                "nieuw": _bedrag(r["nieuw"]),
                # what the hour adds (an amount, a minus when it costs), not a difference
                # between the two situations
                "erbij_huidig": _bedrag(r["erbij_huidig"]) or "–",
                "erbij_nieuw": _bedrag(r["erbij_nieuw"]) or "–",
            }
            for r in reeks
        ],
    }
