"""The readable Dutch comparison for the command line, rendered from the JSON-shaped result."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wajong_conversie import opmaak, sjablonen
from wajong_conversie.geld import centen

BLOKKEN = (
    (
        "Werknemer (per maand)",
        (
            ("loon_incl_vakantiebijslag_maand", "Brutoloon met vakantiegeld"),
            ("wajong_uitkering_maand", "Wajong-uitkering"),
            ("bruto_inkomen_maand", "Bruto inkomen"),
            ("netto_maand", "Netto inkomen (gemiddeld)"),
        ),
    ),
    (
        "Werkgever (per maand)",
        (
            ("werkgever_loonkosten_maand", "Loonkosten (met werkgeverslasten)"),
            ("loonkostensubsidie_maand", "Loonkostensubsidie"),
            ("werkgeverslastenvergoeding_maand", "Vergoeding werkgeverslasten"),
            ("werkgever_kosten_maand", "Kosten werkgever"),
        ),
    ),
    (
        "Overheid (per maand)",
        (
            ("wajong_uitkering_maand", "Wajong-uitkering"),
            ("loonkostensubsidie_maand", "Loonkostensubsidie"),
            ("werkgeverslastenvergoeding_maand", "Vergoeding werkgeverslasten"),
            ("overheid_kosten_maand", "Kosten overheid"),
        ),
    ),
)


def tekst(uitkomst: dict[str, Any]) -> str:
    blokken = []
    for titel, regels in BLOKKEN:
        blokken.append(
            {
                "titel": titel,
                "regels": [
                    {
                        "label": label,
                        "huidig": opmaak.bedrag(centen(uitkomst["huidig"][sleutel])),
                        "nieuw": opmaak.bedrag(centen(uitkomst["nieuw"][sleutel])),
                        "verschil": opmaak.verschil(centen(uitkomst["verschil"][sleutel])),
                    }
                    for sleutel, label in regels
                ],
            }
        )
    t = uitkomst["toelichting"]
    return sjablonen.render(
        "bereken.txt.j2",
        peildatum=opmaak.datum(dt.date.fromisoformat(uitkomst["peildatum"])),
        id=uitkomst["id"],
        regime=uitkomst["regime"],
        scenario=uitkomst["scenario"],
        blokken=blokken,
        klasse=uitkomst["netto_verandering"]["omschrijving"],
        signalen=uitkomst["signalen_toelichting"],
        situaties=[
            {"titel": "Vandaag, met loondispensatie", "stappen": t["huidig"]},
            {"titel": "Met loonkostensubsidie", "stappen": t["nieuw"]},
        ],
        parameters=t["parameters"],
        keuzes=t["keuzes"],
    )
