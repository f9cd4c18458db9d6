"""The project's own rules reference (``docs/regels.md``), generated from its single source of
truth: the catalogue of quantities (spoor.py), the parameter files, the flags and thresholds,
the policy variants and the links to the law. The hand-written part (modelling choices, open
legal questions) is prose in ``templates/regels.md.j2``.

The output is deterministic: the same code and data give the same bytes (no dates of today,
no dict order that depends on the run). ``wajong-conversie regels`` writes it.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from wajong_conversie import beoordeling, bronnen, opmaak
from wajong_conversie import parameters as parameterbron
from wajong_conversie.rekenkern import bereken
from wajong_conversie.scenario import (
    GARANTIEBEDRAG_VARIANTEN,
    WERKGEVER_VARIANTEN,
    Drempels,
    Scenario,
)
from wajong_conversie.sjablonen import render
from wajong_conversie.spoor import CATALOGUS
from wajong_conversie.toelichting import parameter_tekst
from wajong_conversie.validatie import lees_en_controleer

SJABLOON = "regels.md.j2"
STANDAARD_PAD = Path("docs") / "regels.md"


def _cel(tekst: str) -> str:
    """Text for a Markdown table cell: no pipes or line breaks."""
    return " ".join(str(tekst).replace("|", "\\|").split())


def _links_md(links: list[bronnen.Link]) -> str:
    return ", ".join(f"[{x.tekst}]({x.url})" for x in links)


# A fixed example (RULES §9 case B) whose trace gives the order of the quantities: the order in
# which the engine computes them, today's situation first. The catalogue's own order depends on
# which module was imported first, so it is not used.
_VOORBEELD = {
    "peildatum": "2026-03-01",
    "geboortedatum": "1995-05-05",
    "regime": "wajong2010",
    "arbeidsvermogen": True,
    "uren_per_week": "24",
    "functieloon_per_uur": "14.71",
    "loonwaarde": "0.50",
    "garantiebedrag_per_maand": "1600.00",
}


def volgorde() -> list[str]:
    """Every quantity once: in the engine's order for the example (today, then with LKS under
    inkomensgarantie and compensatie), then the ones it did not compute, by name."""
    _, invoer = lees_en_controleer(dict(_VOORBEELD))
    r = bereken(
        invoer,
        Scenario(garantiebedrag="inkomensgarantie", werkgever="compensatie", compensatie_jaren=1),
    )
    namen = list(dict.fromkeys([*r.huidig, *r.nieuw]))
    return namen + sorted(set(CATALOGUS) - set(namen))


def _grootheden() -> list[dict[str, Any]]:
    datum = bronnen.consolidatiedatum()
    return [
        {
            "naam": g.naam,
            "label": g.label,
            "formule": g.formule,
            "eenheid": g.eenheid,
            "invoer": list(g.invoer),
            "bron": g.bron,
            "links": _links_md(bronnen.voor_grootheid(g.naam, datum)),
            "keuze": g.keuze,
        }
        for g in (CATALOGUS[naam] for naam in volgorde())
    ]


def _parameters() -> list[dict[str, Any]]:
    uit = []
    for p in parameterbron.laad().parameters.values():
        uit.append(
            {
                "naam": p.naam,
                "omschrijving": p.omschrijving,
                "eenheid": p.eenheid,
                "geldig_tot": opmaak.datum(p.geldig_tot),
                "waarden": [
                    {
                        "vanaf": opmaak.datum(w.vanaf),
                        "tekst": _cel(parameter_tekst(w)),
                        "status": w.status,
                        "bron": _cel(w.bron),
                        "links": _links_md(w.bron_links()),
                    }
                    for w in p.waarden
                ],
            }
        )
    return uit


def _te_controleren() -> list[dict[str, str]]:
    return [
        {
            "naam": p.naam,
            "omschrijving": p.omschrijving,
            "vanaf": opmaak.datum(w.vanaf),
            "tekst": parameter_tekst(w),
            "bron": w.bron,
        }
        for p in parameterbron.laad().parameters.values()
        for w in p.waarden
        if not w.geverifieerd
    ]


def _drempels() -> list[dict[str, str]]:
    d = Drempels()
    return [
        {
            "sleutel": "werknemer_achteruit_euro",
            "waarde": opmaak.bedrag(d.werknemer_achteruit_bedrag),
            "betekenis": "netto per maand daalt met meer dan dit bedrag …",
        },
        {
            "sleutel": "werknemer_achteruit_fractie",
            "waarde": opmaak.percentage(d.werknemer_achteruit_fractie),
            "betekenis": "… én met meer dan dit deel: signaal werknemer_achteruit",
        },
        {
            "sleutel": "buitenproportioneel_fractie",
            "waarde": opmaak.percentage(d.buitenproportioneel_fractie),
            "betekenis": "bruto inkomen per maand stijgt met meer dan dit deel: "
            "signaal werknemer_buitenproportioneel",
        },
        {
            "sleutel": "werkgever_achteruit_euro",
            "waarde": opmaak.bedrag(d.werkgever_achteruit_bedrag),
            "betekenis": "kosten werkgever per maand stijgen met meer dan dit bedrag: "
            "signaal werkgever_achteruit",
        },
        {
            "sleutel": "klasse_gelijk_fractie",
            "waarde": opmaak.percentage(d.klasse_gelijk_fractie),
            "betekenis": "netto verandering binnen ± dit deel: klasse gelijk",
        },
        {
            "sleutel": "klasse_sterk_fractie",
            "waarde": opmaak.percentage(d.klasse_sterk_fractie),
            "betekenis": "netto verandering groter dan dit deel: sterk omlaag of sterk omhoog",
        },
    ]


def context() -> dict[str, Any]:
    datum = bronnen.consolidatiedatum()
    return {
        "consolidatiedatum": opmaak.datum(datum),
        "regelingen": bronnen.regelingen(datum),
        "publicaties": bronnen.publicaties(),
        "grootheden": _grootheden(),
        "parameters": _parameters(),
        "te_controleren": _te_controleren(),
        "signalen": [
            {
                "code": s.code,
                "titel": s.titel,
                "ernst": s.ernst,
                "bron": _cel(s.bron),
                "links": _links_md(bronnen.voor_signaal(s.code, datum)),
            }
            for s in beoordeling.SIGNALEN.values()
        ],
        "drempels": _drempels(),
        "garantiebedrag_varianten": list(GARANTIEBEDRAG_VARIANTEN.items()),
        "werkgever_varianten": list(WERKGEVER_VARIANTEN.items()),
    }


def markdown() -> str:
    """The whole rules reference as Markdown (Dutch)."""
    tekst = render(SJABLOON, **context())
    # one trailing newline, no trailing spaces: stable under editors and git
    regels = [r.rstrip() for r in tekst.splitlines()]
    while regels and not regels[-1]:
        regels.pop()
    return "\n".join(regels) + "\n"


def schrijf(pad: Path) -> None:
    """Write whole or not at all: a temporary file next to ``pad``, then rename."""
    pad = Path(pad)
    pad.parent.mkdir(parents=True, exist_ok=True)
    fd, tijdelijk = tempfile.mkstemp(dir=pad.parent, prefix=f".{pad.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(markdown())
        os.replace(tijdelijk, pad)
    except BaseException:
        Path(tijdelijk).unlink(missing_ok=True)
        raise
