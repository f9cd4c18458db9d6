"""Flags (signalen) and the net-change classes of RULES §7, on columns.

Each flag is a boolean column; its reason is built from the trace when a case is shown.
Thresholds come from the scenario (``Drempels``).
"""

from __future__ import annotations

import attrs
import numpy as np

from wajong_conversie import opmaak
from wajong_conversie.geld import PPM
from wajong_conversie.scenario import Drempels
from wajong_conversie.spoor import Spoor


@attrs.frozen
class Signaal:
    code: str
    titel: str  # Dutch, for people
    bron: str
    ernst: str  # "waarschuwing" or "informatie"


SIGNALEN = {
    s.code: s
    for s in (
        Signaal(
            "werknemer_achteruit",
            "De werknemer gaat er netto op achteruit",
            "Kamerstuk 34 352, nr. 281 en nr. 310 (risico inkomensverlies)",
            "waarschuwing",
        ),
        Signaal(
            "werknemer_buitenproportioneel",
            "Het bruto inkomen van de werknemer stijgt buiten verhouding",
            "Kamerstuk 34 352, nr. 281 en nr. 310 (garantiebedrag naast volledig loon)",
            "waarschuwing",
        ),
        Signaal(
            "werkgever_achteruit",
            "De werkgever gaat meer betalen",
            "Kamerstuk 34 352, nr. 281 en nr. 310 (hogere kosten werkgever)",
            "waarschuwing",
        ),
        Signaal(
            "garantiebedrag_bindend",
            "Het garantiebedrag bepaalt vandaag de uitkering",
            "Wajong art. 8:8 lid 4",
            "informatie",
        ),
        Signaal(
            "garantiebedrag_niet_bindend",
            "Het garantiebedrag is vandaag niet nodig: de formule geeft meer",
            "Wajong art. 8:8 lid 5 (vervalt na een jaar waarin de formule meer geeft)",
            "informatie",
        ),
        Signaal(
            "lks_plafond_bindend",
            "Het plafond van de loonkostensubsidie geldt",
            "Participatiewet art. 10d lid 4",
            "informatie",
        ),
        Signaal(
            "functieloon_boven_wml",
            "Het functieloon is hoger dan het minimumloon",
            "Participatiewet art. 10d (subsidie op het minimumloon)",
            "informatie",
        ),
        Signaal(
            "jeugd_wml",
            "Het minimumjeugdloon geldt (jonger dan 21)",
            "Wml art. 8 lid 2",
            "informatie",
        ),
        Signaal(
            "huishouden_achteruit",
            "Het huishouden houdt minder over (netto na pensioenpremie, plus toeslagen)",
            "Kamerstuk 34 352, nr. 281 en nr. 310 (risico inkomensverlies); Wet op de "
            "zorgtoeslag art. 2; Wet op de huurtoeslag art. 21",
            "waarschuwing",
        ),
        Signaal(
            "toeslag_terugvordering_risico",
            "Een toeslag daalt: geef het nieuwe inkomen door aan Dienst Toeslagen",
            "Awir art. 16 en 26 (voorschot en terugvordering)",
            "informatie",
        ),
        Signaal(
            "risico_einde_recht",
            "Met het volledige loon kan het recht op Wajong na vijf jaar eindigen",
            "Wajong art. 2:16 lid 2 en art. 3:19",
            "informatie",
        ),
    )
}

KLASSEN = ("sterk_omlaag", "omlaag", "gelijk", "omhoog", "sterk_omhoog")


def klasse_omschrijving(code: str, drempels: Drempels) -> str:
    """Dutch description of a net-change class with the scenario's thresholds."""
    sterk = opmaak.percentage(drempels.klasse_sterk_fractie)
    gelijk = opmaak.percentage(drempels.klasse_gelijk_fractie)
    return {
        "sterk_omlaag": f"meer dan {sterk} omlaag",
        "omlaag": f"{gelijk} tot {sterk} omlaag",
        "gelijk": f"geen verandering (binnen {gelijk})",
        "omhoog": f"{gelijk} tot {sterk} omhoog",
        "sterk_omhoog": f"meer dan {sterk} omhoog",
    }[code]


def _meer_dan_fractie(verschil, basis, fractie):
    """verschil > fractie × basis, exactly (fractie in ppm)."""
    return verschil * PPM > fractie * basis


def signalen(
    huidig: Spoor,
    nieuw: Spoor,
    functieloon: np.ndarray,
    garantiebedrag: np.ndarray,
    lks_plafond_bindend: np.ndarray,
    jeugd: np.ndarray,
    risico_einde_recht: np.ndarray,
    drempels: Drempels,
    huishouden: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """One boolean column per flag code. ``huishouden``: rows with a known household (issue
    11); the household flags are false elsewhere."""
    netto_h, netto_n = huidig["netto_maand"], nieuw["netto_maand"]
    verlies = netto_h - netto_n
    bruto_h, bruto_n = huidig["bruto_inkomen_maand"], nieuw["bruto_inkomen_maand"]
    kosten_verschil = nieuw["werkgever_kosten_maand"] - huidig["werkgever_kosten_maand"]
    return {
        "werknemer_achteruit": (verlies > drempels.werknemer_achteruit_bedrag)
        & _meer_dan_fractie(verlies, netto_h, drempels.werknemer_achteruit_fractie),
        "werknemer_buitenproportioneel": _meer_dan_fractie(
            bruto_n - bruto_h, bruto_h, drempels.buitenproportioneel_fractie
        ),
        "werkgever_achteruit": kosten_verschil > drempels.werkgever_achteruit_bedrag,
        "garantiebedrag_bindend": huidig["garantiebedrag_toegepast"].copy(),
        # RULES §3.4 / art. 8:8 lid 5: only when the formula pays *more* than the GB (equal
        # amounts: the GB neither binds nor starts to lapse)
        "garantiebedrag_niet_bindend": (garantiebedrag > 0)
        & (huidig["uitkering_formule_dispensatie_per_dag"] > huidig["garantiebedrag_per_dag"]),
        "lks_plafond_bindend": lks_plafond_bindend,
        "functieloon_boven_wml": functieloon > huidig["wml_uur"],
        "jeugd_wml": jeugd,
        **_huishouden_signalen(huidig, nieuw, huishouden, drempels),
        "risico_einde_recht": risico_einde_recht,
    }


TOESLAGEN = (  # the allowances computed (issue 11)
    "zorgtoeslag_maand",
    "huurtoeslag_maand",
    "kindgebonden_budget_maand",
)


def _huishouden_signalen(huidig: Spoor, nieuw: Spoor, bekend, drempels: Drempels):
    n = len(huidig["netto_maand"])
    if bekend is None or "besteedbaar_maand" not in huidig:
        return {
            "huishouden_achteruit": np.zeros(n, dtype=bool),
            "toeslag_terugvordering_risico": np.zeros(n, dtype=bool),
        }
    basis = huidig["besteedbaar_maand"]
    verlies = basis - nieuw["besteedbaar_maand"]
    daalt = np.zeros(n, dtype=bool)
    for naam in TOESLAGEN:
        if naam in huidig:
            daalt |= nieuw[naam] < huidig[naam]
    return {
        "huishouden_achteruit": bekend
        & (verlies > drempels.werknemer_achteruit_bedrag)
        & _meer_dan_fractie(verlies, basis, drempels.werknemer_achteruit_fractie),
        "toeslag_terugvordering_risico": bekend & daalt,
    }


def klasse(huidig: Spoor, nieuw: Spoor, drempels: Drempels) -> np.ndarray:
    """Net change per month in the five classes of RULES §7, as an index into KLASSEN."""
    basis = huidig["netto_maand"]
    verschil = nieuw["netto_maand"] - basis
    sterk, gelijk = drempels.klasse_sterk_fractie, drempels.klasse_gelijk_fractie
    keuzes = [
        _meer_dan_fractie(-verschil, basis, sterk),
        _meer_dan_fractie(-verschil, basis, gelijk),
        _meer_dan_fractie(verschil, basis, sterk),
        _meer_dan_fractie(verschil, basis, gelijk),
    ]
    return np.select(keuzes, [0, 1, 4, 3], default=2).astype(np.int8)


KLASSE_CODES = KLASSEN  # index → code, in the order of np.select above
