"""Employer cost and government cost per month (RULES §5)."""

from __future__ import annotations

from wajong_conversie.geld import PPM, half_up
from wajong_conversie.spoor import grootheid

LOONKOSTEN = grootheid(
    "werkgever_loonkosten_maand",
    "Loonkosten werkgever per maand",
    "inkomen_maand × (1 + werkgeverslasten_percentage), afgerond op centen",
    "RULES §5: brutoloon met vakantiebijslag plus premies en pensioen van de werkgever",
    "EUR/maand",
    ("inkomen_maand", "werkgeverslasten_percentage"),
    keuze="Werkgeverslasten als één percentage van het loon met vakantiebijslag (standaard "
    "23,5%). Het loonkostenvoordeel is in beide situaties gelijk en blijft buiten beschouwing.",
)
COMPENSATIE = grootheid(
    "compensatie_werkgever_maand",
    "Compensatie voor de werkgever",
    "werkgever_loonkosten_maand − loonkostensubsidie_maand − werkgeverslastenvergoeding_maand − "
    "kosten werkgever vandaag, als dat positief is; alleen in de compensatiejaren",
    "RULES §6, variant compensatie (Kamerstuk 34 352, nr. 281: risico hogere kosten werkgever)",
    "EUR/maand",
    ("werkgever_loonkosten_maand", "loonkostensubsidie_maand", "werkgeverslastenvergoeding_maand"),
)
WERKGEVER_KOSTEN = grootheid(
    "werkgever_kosten_maand",
    "Kosten werkgever per maand",
    "werkgever_loonkosten_maand − loonkostensubsidie_maand − werkgeverslastenvergoeding_maand "
    "− compensatie_werkgever_maand",
    "RULES §5; Participatiewet art. 10d",
    "EUR/maand",
    (
        "werkgever_loonkosten_maand",
        "loonkostensubsidie_maand",
        "werkgeverslastenvergoeding_maand",
        "compensatie_werkgever_maand",
    ),
)
OVERHEID_KOSTEN = grootheid(
    "overheid_kosten_maand",
    "Kosten overheid per maand",
    "uitkering_maand + loonkostensubsidie_maand + werkgeverslastenvergoeding_maand "
    "+ compensatie_werkgever_maand",
    "RULES §5 (Wajong-uitkering door UWV; loonkostensubsidie en vergoeding)",
    "EUR/maand",
    (
        "uitkering_maand",
        "loonkostensubsidie_maand",
        "werkgeverslastenvergoeding_maand",
        "compensatie_werkgever_maand",
    ),
)
BRUTO_INKOMEN = grootheid(
    "bruto_inkomen_maand",
    "Bruto inkomen per maand (loon met vakantiebijslag + uitkering)",
    "inkomen_maand + uitkering_maand",
    "RULES §7",
    "EUR/maand",
    ("inkomen_maand", "uitkering_maand"),
)


def loonkosten(inkomen_maand, werkgeverslasten_ppm):
    return half_up(inkomen_maand * (PPM + werkgeverslasten_ppm), PPM)
