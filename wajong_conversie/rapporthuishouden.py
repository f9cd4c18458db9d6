"""The household part of the cohort report (issue 11), per scenario, as display strings.

How many workers turn from gaining to losing (or the reverse) once the pension premium and the
allowances are counted: the sign of the change per month in net income without the pension
premium (what the report judged on before), in net income after it and in gross income against
the sign of the change in besteedbaar inkomen (strictly: a change of one cent counts); and how
often the flags huishouden_achteruit and toeslag_terugvordering_risico occur. Only rows with a known
household count; every sentence is built from the same numbers as the table beside it.
"""

from __future__ import annotations

from typing import Any

from wajong_conversie import opmaak
from wajong_conversie.beoordeling import SIGNALEN
from wajong_conversie.geld import PPM, half_up

# (key in samenvatting["huishouden"] or a flag code, label of the table row); the first two are
# the answer: net income as the report counted it before (without the pension premium: net +
# the premium, the part "netto_zonder_pensioen" of the explanation) against besteedbaar
RIJEN = (
    (
        "netto_zonder_pensioen_omhoog_besteedbaar_omlaag",
        "Netto inkomen zonder pensioenpremie stijgt, maar besteedbaar inkomen daalt",
    ),
    (
        "netto_zonder_pensioen_omlaag_besteedbaar_omhoog",
        "Netto inkomen zonder pensioenpremie daalt, maar besteedbaar inkomen stijgt",
    ),
    (
        "netto_omhoog_besteedbaar_omlaag",
        "Netto inkomen na pensioenpremie stijgt, maar besteedbaar inkomen daalt (de toeslagen "
        "dalen meer dan het netto inkomen stijgt)",
    ),
    (
        "netto_omlaag_besteedbaar_omhoog",
        "Netto inkomen na pensioenpremie daalt, maar besteedbaar inkomen stijgt (de toeslagen "
        "stijgen meer dan het netto inkomen daalt)",
    ),
    ("bruto_omhoog_besteedbaar_omlaag", "Bruto inkomen stijgt, maar besteedbaar inkomen daalt"),
    ("bruto_omlaag_besteedbaar_omhoog", "Bruto inkomen daalt, maar besteedbaar inkomen stijgt"),
    ("huishouden_achteruit", SIGNALEN["huishouden_achteruit"].titel),
    ("toeslag_terugvordering_risico", SIGNALEN["toeslag_terugvordering_risico"].titel),
)


def _aantal(n: int) -> str:
    return opmaak.getal(int(n))


def _werknemers(n: int) -> str:
    """'1 werknemer', '0 werknemers', '1.234 werknemers'."""
    return f"{_aantal(n)} {'werknemer' if n == 1 else 'werknemers'}"


def _houdt(n: int) -> str:
    return "houdt" if n == 1 else "houden"


def _aandeel(deel: int, totaal: int) -> str:
    """Share rounded to 0.1 percentage point (as the rest of the report)."""
    if not totaal:
        return "–"
    promille = half_up(int(deel) * 1000, int(totaal))
    return opmaak.percentage(promille * (PPM // 1000))


def scenario(sc: dict[str, Any]) -> dict[str, Any]:
    """The household part of one scenario of samenvatting.json."""
    hh = sc.get("huishouden") or {}
    aantal = int(sc.get("aantal", 0))
    bekend = int(hh.get("aantal_met_huishouden", 0))
    zonder = aantal - bekend
    if not bekend:
        return {
            "bekend": False,
            "zin": "Van geen enkele werknemer in het bestand is het huishouden bekend "
            "(toeslagpartner, huur, kinderen, vermogen of pensioen). Pensioenpremie en "
            "toeslagen zijn daarom niet berekend; alle bedragen zijn zonder.",
            "kort": "",
        }
    signalen = sc.get("signalen", {})
    cijfers = {k: int(hh.get(k, signalen.get(k, 0))) for k, _ in RIJEN}
    zin = f"Van {_werknemers(bekend)} is het huishouden bekend"
    if zonder:
        andere = "de andere werknemer" if zonder == 1 else f"de andere {_werknemers(zonder)}"
        zin += f"; voor {andere} zijn pensioenpremie en toeslagen niet berekend."
    else:
        zin += "."
    omlaag, omhoog = cijfers[RIJEN[0][0]], cijfers[RIJEN[1][0]]
    kort = (
        f"Met pensioenpremie en toeslagen meegeteld ({_werknemers(bekend)} met een bekend "
        f"huishouden): {_werknemers(omlaag)} {_houdt(omlaag)} minder over terwijl het netto "
        f"inkomen zonder pensioenpremie stijgt, en {_werknemers(omhoog)} {_houdt(omhoog)} meer "
        "over terwijl het daalt."
    )
    return {
        "bekend": True,
        "zin": zin,
        "kort": kort,
        "aantal_bekend": _aantal(bekend),
        "rijen": [
            {
                "code": k,
                "label": label,
                "aantal": _aantal(cijfers[k]),
                "aandeel": _aandeel(cijfers[k], bekend),
            }
            for k, label in RIJEN
        ],
    }
