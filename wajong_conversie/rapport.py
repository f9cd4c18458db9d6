"""The cohort impact report: one self-contained, printable HTML page from ``samenvatting.json``.

The page is Dutch (readers: policy analysts at SZW and UWV). Every number, amount and date is
formatted here with :mod:`opmaak` (Babel, nl_NL) and handed to the template as text; the
template only places it. Charts are small hand-written SVG (:mod:`svggrafiek`) inlined in the
page, so the file opens offline and prints without missing images.

Amounts arrive as strings with two decimals and a point (euro); they become exact cents with
:func:`geld.centen`. Floats are used only for chart geometry, never for a shown amount.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from pathlib import Path

from wajong_conversie import bronnen, opmaak, overzicht, rapporthuishouden, svggrafiek
from wajong_conversie.geld import PPM, centen, half_up
from wajong_conversie.sjablonen import render as render_sjabloon

SJABLOON = "rapport.html.j2"

TOTAAL_LABELS = {
    "bruto_inkomen_werknemers": "Bruto inkomen werknemers (loon en uitkering)",
    "netto_inkomen_werknemers": "Netto inkomen werknemers",
    "wajong_uitkering": "Wajong-uitkering",
    "loonkostensubsidie": "Loonkostensubsidie",
    "werkgeverslastenvergoeding": "Vergoeding werkgeverslasten",
    "compensatie_werkgevers": "Compensatie werkgevers",
    "kosten_werkgevers": "Kosten werkgevers",
    "kosten_overheid": "Kosten overheid",
    "belastingontvangsten": "Belastingontvangsten",
    "saldo_overheid": "Saldo overheid",
}

UITSPLITSING_TITELS = {
    "loonwaarde": "Naar loonwaarde",
    "uren": "Naar uren per week",
    "regime": "Naar Wajong-regeling",
    "leeftijd": "Naar leeftijd",
    "garantiebedrag": "Naar garantiebedrag",
}

REGIME_NAMEN = {"owajong": "oWajong", "wajong2010": "Wajong 2010", "wajong2015": "Wajong 2015"}

GARANTIEBEDRAG_TEKST = {
    "behouden": "blijft zoals nu (de wet zoals die is)",
    "vervallen": "vervalt bij de omzetting",
    "inkomensgarantie": "wordt een persoonlijke toeslag (inkomensgarantie)",
    "afbouw": "wordt een persoonlijke toeslag die wordt afgebouwd",
}

WERKGEVER_TEKST = {
    "geen": "loonkostensubsidie zoals in de Participatiewet, zonder extra vergoeding",
    "lks_op_functieloon": "loonkostensubsidie berekend op het functieloon",
    "compensatie": "loonkostensubsidie plus vergoeding van de extra kosten",
}

# Colours with at least 4.5:1 contrast on white (WCAG AA), also for text labels on bars.
KLEUR_OMHOOG = svggrafiek.KLEUR_OMHOOG
KLEUR_OMLAAG = svggrafiek.KLEUR_OMLAAG
KLEUR_WERKGEVER = svggrafiek.KLEUR_WERKGEVER


# ---------------------------------------------------------------------------------------------
# Formatting helpers (all numbers through opmaak)


def _aantal(n: int | None) -> str:
    return "onbekend" if n is None else opmaak.getal(int(n))


def _meervoud(n: int | None, enkel: str, meer: str) -> str:
    """'1 werknemer', '2 werknemers', '0 werknemers' (count through opmaak)."""
    return _aantal(n) + f" {meer}" if n is None else opmaak.aantal(n, enkel, meer)


def _aandeel(deel: int, totaal: int) -> str:
    """Share as a percentage rounded to 0.1 percentage point: 3 of 1985 → '0,2%'."""
    if not totaal:
        return "–"
    promille = half_up(int(deel) * 1000, int(totaal))  # tenths of a percent
    return opmaak.percentage(promille * (PPM // 1000))


def _bedrag(tekst: str | None) -> str:
    return "–" if tekst is None else opmaak.bedrag(centen(tekst))


def _verschil(tekst: str | None) -> str:
    return "–" if tekst is None else opmaak.verschil(centen(tekst))


def _datum(tekst: str) -> str:
    return opmaak.datum(dt.date.fromisoformat(tekst))


def _richting(cent: int) -> str:
    """CSS class for a signed amount, so the sign is also visible (never colour alone)."""
    return "min" if cent < 0 else ("plus" if cent > 0 else "nul")


# ---------------------------------------------------------------------------------------------
# Charts (svggrafiek: hand-written SVG; every chart has a table or sentences next to it)


def _naam_kort(naam: str) -> str:
    return textwrap.shorten(naam, width=90, placeholder=" …")


def _euro(cent: int, deler: int = 100) -> Decimal:
    """Cents as a Decimal in the chart's unit (euro, thousand or million): geometry only."""
    return Decimal(int(cent)) / deler


def _histogram(h: dict, naam: str, zout: str) -> str:
    """Bars over the bin edges of the summary; the open ends are noted in the caption."""
    grenzen = [_euro(centen(g)) for g in h["grenzen"]]
    aantallen = [int(a) for a in h["aantallen"]]
    log = _log_schaal(aantallen)
    omlaag, omhoog = svggrafiek.Vulling(KLEUR_OMLAAG), svggrafiek.Vulling(KLEUR_OMHOOG)
    return svggrafiek.histogram(
        id_=zout,
        titel=f"Histogram: verandering netto inkomen per maand, {naam}",
        omschrijving=(
            "Aantal werknemers per klasse van de verandering van het netto inkomen per maand. "
            "Rood: omlaag, blauw: omhoog."
            + (
                " De hoogte is logaritmisch, zodat kleine aantallen zichtbaar blijven."
                if log
                else ""
            )
        ),
        kop=["Verandering netto inkomen per maand", _naam_kort(naam)],
        grenzen=grenzen,
        aantallen=aantallen,
        vullingen=[omlaag if b <= 0 else omhoog for b in grenzen[1:]],
        x_titel="Verandering netto inkomen per maand (€)",
        y_titel="Aantal werknemers" + ("\n(logaritmische schaal)" if log else ""),
        log=log,
        legenda=[
            svggrafiek.Legendapunt("omlaag", omlaag),
            svggrafiek.Legendapunt("omhoog", omhoog),
        ],
    )


def _log_schaal(aantallen: list[int]) -> bool:
    """A logarithmic count axis when the smallest non-empty bar would be a sliver (under 2 %
    of the highest): then 3 losers next to 600 others still show."""
    gevuld = [a for a in aantallen if a > 0]
    return bool(gevuld) and min(gevuld) * 50 < max(gevuld)


def _staven(
    labels: list[str], cent: list[int], titel: str, as_titel: str, naam: str, zout: str
) -> str:
    """Bars of signed amounts (euro), each labelled with its exact amount."""
    return svggrafiek.balken(
        id_=zout,
        titel=f"Staafdiagram: {titel}, {naam}",
        omschrijving="Per groep het gemiddelde; het bedrag staat bij elke staaf.",
        kop=[titel, _naam_kort(naam)],
        panelen=[
            svggrafiek.Paneel(
                None,
                labels,
                [
                    svggrafiek.Reeks(
                        "gemiddelde",
                        [_euro(c) for c in cent],
                        [opmaak.verschil(c) for c in cent],
                        [svggrafiek.Vulling(KLEUR_OMLAAG if c < 0 else KLEUR_OMHOOG) for c in cent],
                    )
                ],
                as_titel,
            )
        ],
    )


def _schaal(grootste: int) -> tuple[int, str]:
    """A readable unit for the axis of large amounts (cents per unit, label)."""
    if grootste >= 100_000_000 * 10:  # ≥ € 10 miljoen
        return 100_000_000, "€ miljoen"
    if grootste >= 100_000 * 10:  # ≥ € 10.000
        return 100_000, "€ duizend"
    return 100, "€"


def _budget_grafiek(rijen: list[dict], naam: str, zout: str) -> str:
    cent = [centen(r["kosten_overheid"]["verschil"]) for r in rijen]
    deler, eenheid = _schaal(max((abs(c) for c in cent), default=0))
    bekend = svggrafiek.Vulling(KLEUR_OMHOOG)
    aanname = svggrafiek.Vulling(KLEUR_OMHOOG, "schuin", open=True)
    soorten = {bool(r["aanname"]) for r in rijen}
    legenda = []
    if False in soorten:
        legenda.append(svggrafiek.Legendapunt("bekende parameters", bekend))
    if True in soorten:
        legenda.append(svggrafiek.Legendapunt("* berust op aannames", aanname))
    return svggrafiek.balken(
        id_=zout,
        titel=f"Staafdiagram: verschil kosten overheid per jaar, {naam}",
        omschrijving=(
            "Per jaar na de omzetting het verschil in kosten voor de overheid. Gearceerde staven "
            "berusten op aannames."
        ),
        kop=["Verschil kosten overheid per jaar", _naam_kort(naam)],
        legenda=legenda,
        panelen=[
            svggrafiek.Paneel(
                None,
                [_jaar_kort(r) + ("*" if r["aanname"] else "") for r in rijen],
                [
                    svggrafiek.Reeks(
                        "verschil kosten overheid",
                        [_euro(c, deler) for c in cent],
                        [opmaak.verschil(c) for c in cent],
                        [aanname if r["aanname"] else bekend for r in rijen],
                    )
                ],
                f"Verschil kosten overheid ({eenheid})",
            )
        ],
    )


def _vergelijking_grafiek(rijen: list[dict]) -> str:
    """Two panels one below the other: per scenario the three counts as grouped bars (colour
    AND pattern, so not colour alone), then the budget effect per year per scenario."""
    per_werkgever = rijen[0]["per_werkgever"]
    reeksen = (
        ("achteruit", "werknemers gaan netto achteruit", svggrafiek.Vulling(KLEUR_OMLAAG)),
        (
            "buitenproportioneel",
            "werknemers gaan er buiten verhouding op vooruit",
            svggrafiek.Vulling(KLEUR_OMHOOG, "schuin"),
        ),
        (
            "werkgevers",
            "werkgevers gaan meer betalen"
            if per_werkgever
            else "werknemers bij een werkgever die meer gaat betalen",
            svggrafiek.Vulling(KLEUR_WERKGEVER, "stip"),
        ),
    )
    namen = [f"{r['nr']}. {r['naam']}" for r in rijen]
    budget = [r["budget_cent"] for r in rijen]
    deler, eenheid = _schaal(max((abs(c) for c in budget if c is not None), default=0))
    return svggrafiek.balken(
        id_="rapport-vergelijking",
        titel=(
            "Scenario’s vergeleken: wie gaat erop achteruit, wie vooruit, welke werkgevers "
            "betalen meer en het budgeteffect per jaar"
        ),
        omschrijving=" ".join(r["zin"] for r in rijen),
        kop=["Aantallen en budgeteffect per scenario"],
        legenda=[svggrafiek.Legendapunt(label, v) for _, label, v in reeksen],
        panelen=[
            svggrafiek.Paneel(
                "Aantallen",
                namen,
                [
                    svggrafiek.Reeks(
                        label,
                        [r[sleutel] or 0 for r in rijen],
                        [_aantal(r[sleutel] or 0) for r in rijen],
                        v,
                    )
                    for sleutel, label, v in reeksen
                ],
                "Aantal" if per_werkgever else "Aantal werknemers",
                heel=True,
            ),
            svggrafiek.Paneel(
                f"Budgeteffect per jaar ({eenheid})",
                namen,
                [
                    svggrafiek.Reeks(
                        "budgeteffect",
                        [None if c is None else _euro(c, deler) for c in budget],
                        ["niet bekend" if c is None else opmaak.verschil(c) for c in budget],
                        [
                            svggrafiek.Vulling(KLEUR_OMLAAG if (c or 0) > 0 else KLEUR_OMHOOG)
                            for c in budget
                        ],
                    )
                ],
                f"Kosten overheid min belasting ({eenheid})",
            ),
        ],
    )


def _vergelijking(scenarios: list[dict]) -> list[dict]:
    """Per scenario the four answers of the opening, as numbers (for the chart) and text."""
    uit = []
    for nr, sc in enumerate(scenarios, start=1):
        s = sc["scenario"]
        naam = s.get("naam") or f"Scenario {nr}"
        sig = sc.get("signalen", {})
        wg = sc.get("werkgevers", {})
        per_jaar = sc["totalen"].get("per_jaar", {})
        achteruit = int(sig.get("werknemer_achteruit", 0))
        buiten = int(sig.get("werknemer_buitenproportioneel", 0))
        per_werkgever = wg.get("aantal") is not None
        werkgevers = (
            int(wg.get("aantal_meer_kosten") or 0)
            if per_werkgever
            else int(sig.get("werkgever_achteruit", 0))
        )
        try:  # government cost minus tax received, per year
            budget = centen(per_jaar["kosten_overheid"]["verschil"]) - centen(
                per_jaar["belastingontvangsten"]["verschil"]
            )
        except KeyError:
            budget = None
        wg_tekst = (
            _meervoud(werkgevers, "werkgever gaat", "werkgevers gaan") + " meer betalen"
            if per_werkgever
            else _meervoud(werkgevers, "werknemer werkt", "werknemers werken")
            + " bij een werkgever die meer gaat betalen"
        )
        if budget is None:
            budget_tekst = "het budgeteffect is niet bekend"
        elif budget > 0:
            budget_tekst = f"de overheid is per jaar {opmaak.bedrag(budget)} meer kwijt"
        elif budget < 0:
            budget_tekst = f"de overheid houdt per jaar {opmaak.bedrag(-budget)} over"
        else:
            budget_tekst = "het budget verandert niet"
        zin = (
            f"{naam}: {_meervoud(achteruit, 'werknemer gaat', 'werknemers gaan')} netto "
            f"achteruit, {_meervoud(buiten, 'werknemer gaat', 'werknemers gaan')} er buiten "
            f"verhouding op vooruit, {wg_tekst}; {budget_tekst}."
        )
        uit.append(
            {
                "nr": nr,
                "naam": naam,
                "anker": f"scenario-{nr}",
                "achteruit": achteruit,
                "buitenproportioneel": buiten,
                "werkgevers": werkgevers,
                "per_werkgever": per_werkgever,
                "budget_cent": budget,
                "achteruit_tekst": _aantal(achteruit),
                "achteruit_aandeel": _aandeel(achteruit, int(sc["aantal"])),
                "buitenproportioneel_tekst": _aantal(buiten),
                "buitenproportioneel_aandeel": _aandeel(buiten, int(sc["aantal"])),
                "werkgevers_tekst": _aantal(werkgevers),
                "budget": _verschil(None) if budget is None else opmaak.verschil(budget),
                "budget_richting": _richting(budget or 0),
                "zin": zin,
            }
        )
    return uit


def _werklijst(rijen: list[dict], scenarios: list[dict], werklijsten) -> list[dict]:
    """Per scenario the first WERKLIJST_IN_RAPPORT rows of the one werklijst, and the count."""
    uit = []
    for nr, sc in enumerate(scenarios, start=1):
        naam = sc["scenario"].get("naam") or f"Scenario {nr}"
        eigen = [r for r in rijen if r["nr"] == nr]
        totaal = werklijsten[nr - 1].aantal if werklijsten else len(eigen)
        uit.append(
            {
                "nr": nr,
                "naam": naam,
                "totaal": _meervoud(totaal, "werknemer", "werknemers"),
                "getoond": _aantal(min(len(eigen), WERKLIJST_IN_RAPPORT)),
                "meer": totaal > min(len(eigen), WERKLIJST_IN_RAPPORT),
                "met_naam": any(r.get("naam") for r in eigen[:WERKLIJST_IN_RAPPORT]),
                "rijen": [
                    {
                        "id": r["id"],
                        "naam": r.get("naam") or "",
                        "werkgever": r["werkgever"],
                        "signalen": ", ".join(SIGNAAL_KORT.get(c, c) for c in r["signalen"]),
                        "netto": opmaak.verschil(r["netto"]),
                        "netto_richting": _richting(r["netto"]),
                        "reden": r["reden"],
                    }
                    for r in eigen[:WERKLIJST_IN_RAPPORT]
                ],
            }
        )
    return uit


WERKLIJST_IN_RAPPORT = 50
SIGNAAL_KORT = {
    "werknemer_achteruit": "netto achteruit",
    "werkgever_achteruit": "werkgever betaalt meer",
    "werknemer_buitenproportioneel": "buiten verhouding vooruit",
}


# ---------------------------------------------------------------------------------------------
# Context for the template


def _trio(d: dict) -> dict[str, str]:
    return {
        "huidig": _bedrag(d.get("huidig")),
        "nieuw": _bedrag(d.get("nieuw")),
        "verschil": _verschil(d.get("verschil")),
        "richting": _richting(centen(d["verschil"])) if d.get("verschil") is not None else "nul",
    }


def _scenario_instellingen(s: dict) -> list[tuple[str, str]]:
    if not s.get("omzetting", True):
        return [("Omzetting", "geen: vandaag en nieuw rekenen met dezelfde regels (controle)")]
    gb = s.get("garantiebedrag") or "behouden"
    gb_tekst = GARANTIEBEDRAG_TEKST.get(gb, gb)
    if gb == "afbouw" and s.get("afbouw_jaren"):
        gb_tekst += f" in {opmaak.getal(int(s['afbouw_jaren']))} jaar"
    wg = s.get("werkgever") or "geen"
    wg_tekst = WERKGEVER_TEKST.get(wg, wg)
    if wg == "compensatie" and s.get("compensatie_jaren"):
        wg_tekst += f", {opmaak.getal(int(s['compensatie_jaren']))} jaar lang"
    ingang = s.get("ingangsdatum")
    return [
        ("Omzetting", "ja, van loondispensatie naar loonkostensubsidie"),
        ("Garantiebedrag", gb_tekst),
        ("Werkgever", wg_tekst),
        ("Ingangsdatum", _datum(ingang) if ingang else "de peildatum van de berekening"),
    ]


def _saldo_uitleg(per_jaar: dict) -> str:
    """Say how 'saldo overheid' is built, read from the numbers themselves.

    The summary gives the balance but not its sign convention; check which identity holds.
    """
    try:
        saldo = centen(per_jaar["saldo_overheid"]["verschil"])
        belasting = centen(per_jaar["belastingontvangsten"]["verschil"])
        kosten = centen(per_jaar["kosten_overheid"]["verschil"])
    except (KeyError, TypeError, ValueError):
        return ""
    if saldo == belasting - kosten:
        return (
            "Saldo overheid = belastingontvangsten min kosten overheid. Een plus is gunstig "
            "voor de overheid."
        )
    if saldo == kosten - belasting:
        return (
            "Saldo overheid = kosten overheid min belastingontvangsten (netto kosten). "
            "Een min is gunstig voor de overheid."
        )
    return ""


def _totalen(totalen: dict) -> list[dict]:
    per_maand = totalen.get("per_maand", {})
    per_jaar = totalen.get("per_jaar", {})
    sleutels = list(per_maand) + [k for k in per_jaar if k not in per_maand]
    leeg = {"huidig": "–", "nieuw": "–", "verschil": "–", "richting": "nul"}
    return [
        {
            "label": TOTAAL_LABELS.get(k, k.replace("_", " ").capitalize()),
            "maand": _trio(per_maand[k]) if k in per_maand else leeg,
            "jaar": _trio(per_jaar[k]) if k in per_jaar else leeg,
        }
        for k in sleutels
    ]


def _groep_label(soort: str, groep: str) -> str:
    return REGIME_NAMEN.get(groep, groep) if soort == "regime" else groep


def _uitsplitsingen(uit: dict) -> list[dict]:
    tabellen = []
    for soort, rijen in uit.items():
        tabellen.append(
            {
                "soort": soort,
                "titel": UITSPLITSING_TITELS.get(soort, "Naar " + soort.replace("_", " ")),
                "rijen": [
                    {
                        "groep": _groep_label(soort, r["groep"]),
                        "aantal": _aantal(r["aantal"]),
                        "netto": _verschil(r["netto_verschil_gemiddeld"]),
                        "netto_richting": _richting(centen(r["netto_verschil_gemiddeld"])),
                        "achteruit": _aantal(r["werknemer_achteruit"]),
                        "buitenproportioneel": _aantal(r["werknemer_buitenproportioneel"]),
                        "werkgever_achteruit": _aantal(r["werkgever_achteruit"]),
                        "overheid": _verschil(r["overheid_verschil_per_maand"]),
                    }
                    for r in rijen
                ],
            }
        )
    return tabellen


def _werkgevers(wg: dict, werkgever_achteruit: int | None) -> dict:
    bekend = wg.get("aantal") is not None
    return {
        "bekend": bekend,
        "aantal": _aantal(wg.get("aantal")),
        "aantal_meer_kosten": _aantal(wg.get("aantal_meer_kosten")),
        "meer_kosten_per_maand": _bedrag(wg.get("meer_kosten_per_maand")),
        "werknemers_bij_meer_kosten": _meervoud(
            werkgever_achteruit, "werknemer werkt", "werknemers werken"
        ),
        "ranglijst": [
            {
                "rang": opmaak.getal(i),
                "id": r["werkgever_id"],
                "naam": r.get("werkgever_naam"),
                "aantal": _aantal(r["aantal_werknemers"]),
                "meerkosten": _bedrag(r["meerkosten_per_maand"]),
                "meerkosten_jaar": opmaak.bedrag(centen(r["meerkosten_per_maand"]) * 12),
            }
            for i, r in enumerate(wg.get("ranglijst") or [], start=1)
        ],
    }


def _jaar_kort(r: dict) -> str:
    """A calendar year is a name, not a quantity: '2026', never '2.026'.

    ``jaar`` is null when the workers convert in different calendar years; then only the year
    after the conversion is known.
    """
    if r.get("jaar") is not None:
        return str(r["jaar"])
    return f"jaar {opmaak.getal(int(r['jaar_na_omzetting']))}"


def _jaar_lang(r: dict) -> str:
    if r.get("jaar") is not None:
        return str(r["jaar"])
    return f"{_jaar_kort(r)} na de omzetting"


def _budget(rijen: list[dict]) -> list[dict]:
    uit = []
    for r in rijen:
        uit.append(
            {
                "jaar": _jaar_lang(r),
                "jaar_na_omzetting": opmaak.getal(int(r["jaar_na_omzetting"])),
                "aanname": bool(r["aanname"]),
                "kosten_overheid": _trio(r["kosten_overheid"]),
                "kosten_werkgevers": _trio(r["kosten_werkgevers"]),
                "netto_inkomen_werknemers": _trio(r["netto_inkomen_werknemers"]),
                "belastingontvangsten": _trio(r["belastingontvangsten"]),
                "saldo": _verschil(r["saldo_overheid_verschil"]),
                "saldo_richting": _richting(centen(r["saldo_overheid_verschil"])),
            }
        )
    return uit


def _scenario(nr: int, sc: dict) -> dict:
    s = sc["scenario"]
    naam = s.get("naam") or f"Scenario {nr}"
    aantal = int(sc["aantal"])
    signalen = sc.get("signalen", {})
    titels = sc.get("signaal_titels", {})
    h = sc["netto_verschil_per_maand"]
    per_jaar = sc["totalen"].get("per_jaar", {})
    zout = f"rapport-s{nr}"

    loonwaarde = sc.get("uitsplitsingen", {}).get("loonwaarde") or []
    grafiek_loonwaarde = (
        _staven(
            [r["groep"] for r in loonwaarde],
            [centen(r["netto_verschil_gemiddeld"]) for r in loonwaarde],
            "Gemiddelde verandering netto inkomen per maand, naar loonwaarde",
            "Gemiddeld per werknemer per maand (€)",
            naam,
            zout + "-lw",
        )
        if loonwaarde
        else None
    )
    budget = sc.get("budget_per_jaar") or []
    gemiddelde = centen(h["gemiddelde"])

    def totaal_verschil(sleutel: str) -> str:
        return _verschil(per_jaar[sleutel]["verschil"]) if sleutel in per_jaar else "–"

    return {
        "nr": nr,
        "anker": f"scenario-{nr}",
        "naam": naam,
        "omschrijving": s.get("omschrijving") or "",
        "instellingen": _scenario_instellingen(s),
        "aantal": _aantal(aantal),
        "aantal_werknemers": _meervoud(aantal, "werknemer", "werknemers"),
        "totalen": _totalen(sc["totalen"]),
        "saldo_uitleg": _saldo_uitleg(per_jaar),
        "klassen": [
            {
                "omschrijving": k.get("omschrijving") or k["klasse"],
                "klasse": k["klasse"],
                "aantal": _aantal(k["aantal"]),
                "aandeel": _aandeel(k["aantal"], aantal),
            }
            for k in sc.get("klassen", [])
        ],
        "signalen": [
            {
                "code": code,
                "titel": titels.get(code, code.replace("_", " ")),
                "aantal": _aantal(n),
                "aandeel": _aandeel(n, aantal),
                "waarschuwing": code
                in ("werknemer_achteruit", "werknemer_buitenproportioneel", "werkgever_achteruit"),
                # the report covers many peildata: laws at the fixed consolidation date
                "bron_links": bronnen.als_dicts(bronnen.voor_signaal(code)),
            }
            for code, n in signalen.items()
        ],
        "histogram": {
            "svg": _histogram(h, naam, zout + "-hist") if aantal else None,
            "log": _log_schaal([int(a) for a in h["aantallen"]]),
            "onder": _meervoud(h.get("onder", 0), "werknemer", "werknemers"),
            "boven": _meervoud(h.get("boven", 0), "werknemer", "werknemers"),
            "heeft_onder": bool(h.get("onder")),
            "heeft_boven": bool(h.get("boven")),
            "eerste_grens": _verschil(h["grenzen"][0]),
            "laatste_grens": _verschil(h["grenzen"][-1]),
            "gemiddelde": _verschil(h["gemiddelde"]),
            "gemiddelde_richting": _richting(gemiddelde),
            "minimum": _verschil(h["minimum"]),
            "maximum": _verschil(h["maximum"]),
        },
        "uitsplitsingen": _uitsplitsingen(sc.get("uitsplitsingen", {})),
        "grafiek_loonwaarde": grafiek_loonwaarde,
        "werkgevers": _werkgevers(sc.get("werkgevers", {}), signalen.get("werkgever_achteruit")),
        "huishouden": rapporthuishouden.scenario(sc),  # issue 11
        "budget": _budget(budget),
        "budget_aanname": any(r["aanname"] for r in budget),
        "grafiek_budget": _budget_grafiek(budget, naam, zout + "-budget") if budget else None,
        # the side-by-side table
        "kern": {
            "achteruit": _aantal(signalen.get("werknemer_achteruit")),
            "achteruit_aandeel": _aandeel(signalen.get("werknemer_achteruit", 0), aantal),
            "buitenproportioneel": _aantal(signalen.get("werknemer_buitenproportioneel")),
            "buitenproportioneel_aandeel": _aandeel(
                signalen.get("werknemer_buitenproportioneel", 0), aantal
            ),
            "werkgever_achteruit": _aantal(signalen.get("werkgever_achteruit")),
            "werkgevers_meer_kosten": _aantal(sc.get("werkgevers", {}).get("aantal_meer_kosten")),
            "kosten_overheid_jaar": totaal_verschil("kosten_overheid"),
            "saldo_overheid_jaar": totaal_verschil("saldo_overheid"),
            "netto_jaar": totaal_verschil("netto_inkomen_werknemers"),
            "netto_gemiddeld": _verschil(h["gemiddelde"]),
        },
    }


def context(samenvatting: dict) -> dict:
    """Everything the template shows, as display strings (Dutch)."""
    afgewezen = sorted(
        samenvatting.get("afgewezen_per_veld", {}).items(), key=lambda kv: (-int(kv[1]), kv[0])
    )
    opgelegd = samenvatting.get("peildatum_opgelegd")
    scenarios = [_scenario(i, sc) for i, sc in enumerate(samenvatting["scenarios"], start=1)]
    vergelijking = _vergelijking(samenvatting["scenarios"])
    werklijst = samenvatting.get("_werklijst")
    return {
        "vergelijking": vergelijking,
        "grafiek_vergelijking": _vergelijking_grafiek(vergelijking) if vergelijking else None,
        "werklijst": (
            _werklijst(werklijst, samenvatting["scenarios"], samenvatting.get("_werklijsten"))
            if werklijst is not None
            else None
        ),
        "werklijst_max": _aantal(overzicht.WERKLIJST_MAX),
        "bestand": samenvatting.get("bestand") or "onbekend bestand",
        "gemaakt_met": samenvatting.get("gemaakt_met") or "",
        "peildatum_opgelegd": _datum(opgelegd) if opgelegd else None,
        "peildata": [_datum(p) for p in samenvatting.get("peildata", [])],
        "aantal_ingelezen": _aantal(samenvatting["aantal_ingelezen"]),
        "aantal_berekend": _aantal(samenvatting["aantal_berekend"]),
        "berekend_woord": "werknemer" if samenvatting["aantal_berekend"] == 1 else "werknemers",
        "niets_berekend": not samenvatting["aantal_berekend"],
        "aantal_afgewezen": _aantal(samenvatting["aantal_afgewezen"]),
        "afgewezen_aandeel": _aandeel(
            samenvatting["aantal_afgewezen"], samenvatting["aantal_ingelezen"]
        ),
        "afgewezen_per_veld": [{"veld": k, "aantal": _aantal(v)} for k, v in afgewezen],
        "waarschuwingen": list(samenvatting.get("waarschuwingen") or []),
        "aannames": list(samenvatting.get("aannames") or []),
        "scenarios": scenarios,
        "naast_elkaar": len(scenarios) > 1,
        "bronnen_datum": opmaak.datum(bronnen.consolidatiedatum()),
        "regelingen": bronnen.regelingen(),
        "publicaties": bronnen.publicaties(),
    }


def render(samenvatting: dict) -> str:
    """The complete report as one HTML page (str)."""
    return render_sjabloon(SJABLOON, **context(samenvatting))


def schrijf(samenvatting: dict, pad: Path) -> None:
    Path(pad).write_text(render(samenvatting), encoding="utf-8")
