"""The readable Dutch comparison for the command line, rendered from the JSON-shaped result."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wajong_conversie import huishoudweergave, opmaak, sjablonen
from wajong_conversie.beoordeling import SIGNALEN
from wajong_conversie.geld import centen

BLOKKEN = (
    (
        "Werknemer (per maand)",
        (
            ("loon_incl_vakantiebijslag_maand", "Brutoloon met vakantiegeld"),
            ("wajong_uitkering_maand", "Wajong-uitkering"),
            ("aanvulling_uitkering_maand", "  waarvan garantiebedrag of toeslag"),
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
            ("compensatie_werkgever_maand", "Compensatie"),
            ("werkgever_kosten_maand", "Kosten werkgever"),
        ),
    ),
    (
        "Overheid (per maand)",
        (
            ("wajong_uitkering_maand", "Wajong-uitkering"),
            ("loonkostensubsidie_maand", "Loonkostensubsidie"),
            ("werkgeverslastenvergoeding_maand", "Vergoeding werkgeverslasten"),
            ("compensatie_werkgever_maand", "Compensatie werkgever"),
            ("overheid_kosten_maand", "Kosten overheid"),
        ),
    ),
)


HUISHOUDBLOK = (  # issue 11: only shown with a known household
    "Huishouden (per maand)",
    (
        ("netto_maand", "Netto inkomen (na pensioenpremie)"),
        ("pensioenpremie_werknemer_maand", "  pensioenpremie (al van het netto af)"),
        ("zorgtoeslag_maand", "Zorgtoeslag"),
        ("huurtoeslag_maand", "Huurtoeslag"),
        ("kindgebonden_budget_maand", "Kindgebonden budget"),
        ("besteedbaar_maand", "Besteedbaar inkomen"),
        ("pensioeninleg_jaar", "Pensioeninleg per jaar (opbouw)"),
    ),
)
NIET_BEREKEND = "niet berekend"

WAARSCHUWINGEN = {c for c, s in SIGNALEN.items() if s.ernst == "waarschuwing"}
VARIANT_REGELS = (
    ("bruto_inkomen_maand", "Bruto inkomen werknemer"),
    ("netto_maand", "Netto inkomen werknemer"),
    ("wajong_uitkering_maand", "Wajong-uitkering"),
    ("aanvulling_uitkering_maand", "  waarvan garantiebedrag of toeslag"),
    ("werkgever_kosten_maand", "Kosten werkgever"),
    ("compensatie_werkgever_maand", "Compensatie aan de werkgever"),
    ("overheid_kosten_maand", "Kosten overheid"),
)


def tekst(uitkomst: dict[str, Any]) -> str:
    blokken = []
    alle = BLOKKEN
    if uitkomst["huidig"].get("besteedbaar_maand", NIET_BEREKEND) != NIET_BEREKEND:
        alle = BLOKKEN + (HUISHOUDBLOK,)
    for titel, regels in alle:
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
                    if uitkomst["huidig"][sleutel] != NIET_BEREKEND
                ],
            }
        )
    t = uitkomst["toelichting"]
    verklaring = [
        {
            "omschrijving": partij["omschrijving"],
            "totaal": opmaak.verschil(centen(partij["totaal"])),
            "delen": [
                {"omschrijving": d["omschrijving"], "bedrag": opmaak.verschil(centen(d["bedrag"]))}
                for d in partij["delen"]
                if centen(d["bedrag"]) != 0
            ],
        }
        for partij in uitkomst["verklaring"].values()
    ]
    pad = [
        {
            "jaar": j["jaar_na_omzetting"],
            "peildatum": opmaak.datum(dt.date.fromisoformat(j["peildatum"])),
            "bruto": opmaak.bedrag(centen(j["bruto_inkomen_maand"])),
            "netto": opmaak.bedrag(centen(j["netto_maand"])),
            "netto_verschil": opmaak.verschil(centen(j["vergelijking"]["verschil"]["netto_maand"])),
            "werkgever_verschil": opmaak.verschil(
                centen(j["vergelijking"]["verschil"]["werkgever_kosten_maand"])
            ),
            "overheid_verschil": opmaak.verschil(
                centen(j["vergelijking"]["verschil"]["overheid_kosten_maand"])
            ),
            "signalen": ", ".join(c for c in j["signalen"] if c in WAARSCHUWINGEN),
        }
        for j in uitkomst.get("pad", [])
    ]
    return sjablonen.render(
        "bereken.txt.j2",
        peildatum=opmaak.datum(dt.date.fromisoformat(uitkomst["peildatum"])),
        id=uitkomst["id"],
        regime=uitkomst["regime"],
        scenario=uitkomst["scenario"],
        blokken=blokken,
        klasse=uitkomst["netto_verandering"]["omschrijving"],
        besteedbaar=(
            huishoudweergave.antwoord(uitkomst) if huishoudweergave.bekend(uitkomst) else ""
        ),
        signalen=uitkomst["signalen_toelichting"],
        situaties=[
            {"titel": "Vandaag, met loondispensatie", "stappen": t["huidig"]},
            {"titel": "Met loonkostensubsidie", "stappen": t["nieuw"]},
        ],
        parameters=t["parameters"],
        keuzes=t["keuzes"],
        verklaring=verklaring,
        pad=pad,
        aannames=uitkomst["aannames"],
    )


def varianten(uitkomsten: list[dict[str, Any]]) -> str:
    """Several scenarios for one worker, side by side (differences per month)."""
    eerste = uitkomsten[0]
    h = eerste["huidig"]
    regels = [
        {
            "label": label,
            "waarden": [opmaak.verschil(centen(u["verschil"][sleutel])) for u in uitkomsten],
        }
        for sleutel, label in VARIANT_REGELS
    ]
    return sjablonen.render(
        "varianten.txt.j2",
        peildatum=opmaak.datum(dt.date.fromisoformat(eerste["peildatum"])),
        id=eerste["id"],
        regime=eerste["regime"],
        vandaag={
            "bruto": opmaak.bedrag(centen(h["bruto_inkomen_maand"])),
            "netto": opmaak.bedrag(centen(h["netto_maand"])),
            "werkgever": opmaak.bedrag(centen(h["werkgever_kosten_maand"])),
            "overheid": opmaak.bedrag(centen(h["overheid_kosten_maand"])),
        },
        varianten=[
            {
                "naam": u["scenario"]["naam"],
                "signalen": ", ".join(c for c in u["signalen"] if c in WAARSCHUWINGEN),
                "omschrijving": [
                    f"{s['titel']}: {s['redenen'][0]}"
                    for s in u["signalen_toelichting"]
                    if s["code"] in WAARSCHUWINGEN
                ],
            }
            for u in uitkomsten
        ],
        regels=regels,
    )


def marginaal_tekst(m: dict[str, Any], scenario: str) -> str:
    """The ``--uren-reeks`` table (issue 11): per whole hour what the worker keeps."""

    def b(x):
        return "" if x is None else opmaak.bedrag(centen(x))

    def v(x):
        return "" if x is None else opmaak.verschil(centen(x))

    kop = ("Uren", "Vandaag", "Met LKS", "Erbij vandaag", "Erbij met LKS", "Loon erbij")
    regels = [
        "",
        f"Loont meer werken? ({m['omschrijving']}; scenario: {scenario})",
        f"Nu: {opmaak.uren(centen(m['huidige_uren_per_week']))} uur per week. Erbij = wat één "
        "uur per week meer oplevert per maand.",
        f"{kop[0]:>4}  {kop[1]:>12}  {kop[2]:>12}  {kop[3]:>13}  {kop[4]:>13}  {kop[5]:>11}",
    ]
    for r in m["reeks"]:
        regels.append(
            f"{r['uren_per_week']:>4}  {b(r['huidig']):>12}  {b(r['nieuw']):>12}  "
            f"{v(r['erbij_huidig']):>13}  {v(r['erbij_nieuw']):>13}  "
            f"{v(r['loon_erbij_nieuw']):>11}"
        )
    return "\n".join(regels) + "\n"
