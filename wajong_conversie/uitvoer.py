"""One case's result as data for people and programs: the JSON of ``bereken --json``.

The keys of ``huidig``/``nieuw``/``verschil`` are the amount keys of :data:`BEDRAGEN`; the
cohort output uses the same list for its columns. Amounts are strings with two decimals.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np

from wajong_conversie import beoordeling, opmaak
from wajong_conversie.geld import bedrag_tekst
from wajong_conversie.model import REGIMES
from wajong_conversie.rekenkern import Resultaat
from wajong_conversie.toelichting import parameter_tekst, redenen, toelichting

BEDRAGEN: tuple[tuple[str, str, str], ...] = (
    # (output key, trace name, Dutch label)
    ("loon_bruto_maand", "loon_maand", "Brutoloon (zonder vakantiegeld)"),
    ("loon_incl_vakantiebijslag_maand", "inkomen_maand", "Brutoloon met vakantiegeld"),
    ("wajong_uitkering_maand", "uitkering_maand", "Wajong-uitkering"),
    ("bruto_inkomen_maand", "bruto_inkomen_maand", "Bruto inkomen (loon + uitkering)"),
    ("netto_maand", "netto_maand", "Netto inkomen per maand"),
    ("netto_jaar", "netto_jaar", "Netto inkomen per jaar"),
    ("belasting_jaar", "belasting_jaar", "Belasting en premies per jaar"),
    ("werkgever_loonkosten_maand", "werkgever_loonkosten_maand", "Loonkosten werkgever"),
    ("loonkostensubsidie_maand", "loonkostensubsidie_maand", "Loonkostensubsidie"),
    (
        "werkgeverslastenvergoeding_maand",
        "werkgeverslastenvergoeding_maand",
        "Vergoeding werkgeverslasten",
    ),
    ("werkgever_kosten_maand", "werkgever_kosten_maand", "Kosten werkgever"),
    ("overheid_kosten_maand", "overheid_kosten_maand", "Kosten overheid"),
)


def bedrag_kolom(resultaat: Resultaat, situatie: str, naam: str) -> np.ndarray:
    """A trace column in cents; amounts a situation does not have (LKS today) are 0."""
    spoor = getattr(resultaat, situatie)
    if naam in spoor:
        return spoor[naam]
    return np.zeros(len(resultaat), dtype=np.int64)


def signaal_codes(resultaat: Resultaat, i: int) -> list[str]:
    return [code for code, kolom in resultaat.signalen.items() if kolom[i]]


def waarschuwingen(resultaat: Resultaat) -> list[str]:
    return [
        f"Let op: {w.omschrijving} ({w.naam}) vanaf {opmaak.datum(w.vanaf)} = "
        f"{parameter_tekst(w)} is nog "
        f"niet bevestigd in de officiële bron ({w.bron})."
        for w in resultaat.onbevestigd
    ]


def als_dict(resultaat: Resultaat, i: int = 0, geval_id: str | None = None) -> dict[str, Any]:
    """Row ``i`` of a result as the JSON object of ``bereken --json``."""
    inv = resultaat.invoer
    situaties: dict[str, dict[str, Any]] = {}
    for situatie in ("huidig", "nieuw"):
        situaties[situatie] = {
            sleutel: bedrag_tekst(bedrag_kolom(resultaat, situatie, naam)[i])
            for sleutel, naam, _ in BEDRAGEN
        }
        situaties[situatie]["garantiebedrag_toegepast"] = bool(
            getattr(resultaat, situatie)["garantiebedrag_toegepast"][i]
        )
    verschil = {
        sleutel: bedrag_tekst(
            bedrag_kolom(resultaat, "nieuw", naam)[i] - bedrag_kolom(resultaat, "huidig", naam)[i]
        )
        for sleutel, naam, _ in BEDRAGEN
    }
    codes = signaal_codes(resultaat, i)
    klasse = beoordeling.KLASSE_CODES[int(resultaat.klasse[i])]
    sc = resultaat.scenario
    return {
        "id": geval_id,
        "peildatum": inv.peildatum[i].astype(dt.date).isoformat(),
        "regime": REGIMES[int(inv.regime[i])],
        "scenario": {
            "naam": sc.naam,
            "omschrijving": sc.omschrijving,
            "garantiebedrag": sc.garantiebedrag,
            "werkgever": sc.werkgever,
        },
        "huidig": situaties["huidig"],
        "nieuw": situaties["nieuw"],
        "verschil": verschil,
        "signalen": codes,
        "signalen_toelichting": [
            {
                "code": code,
                "titel": beoordeling.SIGNALEN[code].titel,
                "ernst": beoordeling.SIGNALEN[code].ernst,
                "redenen": redenen(resultaat, i, code),
                "bron": beoordeling.SIGNALEN[code].bron,
            }
            for code in codes
        ],
        "netto_verandering": {
            "klasse": klasse,
            "omschrijving": beoordeling.klasse_omschrijving(klasse, sc.drempels),
        },
        "waarschuwingen": waarschuwingen(resultaat),
        "toelichting": toelichting(resultaat, i),
    }
