"""The explanation of one case, read from the trace: every amount with formula, inputs and
source, plus the reasons behind each flag. Used by the CLI, the JSON and (later) letters and
the web page, so the story is told from one place.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from wajong_conversie import bronnen, opmaak
from wajong_conversie.geld import PPM, bedrag_tekst, half_up, ppm_als_decimal
from wajong_conversie.model import LOONBASES, LOONBASIS_MINIMUMLOON, REGIMES
from wajong_conversie.parameters import Parameterwaarde
from wajong_conversie.rekenkern import Resultaat
from wajong_conversie.spoor import CATALOGUS, Spoor

ALLEEN_MET_ARBEIDSVERMOGEN = {"uitkering_compensatie_per_dag", "uitkering_normloon_per_dag"}
ALLEEN_MET_GARANTIEBEDRAG = {
    "garantiebedrag_per_dag",
    "aanvulling_garantiebedrag_per_dag",
    "garantiebedrag_toegepast",
}
ALLEEN_MET_HUURTOESLAG = {  # shown only where huurtoeslag was computed (a rent, from 2026)
    "huurtoeslag_berekend",
    "huurtoeslag_rekenhuur_maand",
    "huurtoeslag_basishuur_maand",
    "huurtoeslag_voor_vermindering_maand",
    "huurtoeslag_vermindering_maand",
    "huurtoeslag_maand",
    "huurtoeslag_jaar",
}

VELD_LABELS = {
    "peildatum": "Peildatum",
    "geboortedatum": "Geboortedatum",
    "regime": "Regime",
    "arbeidsvermogen": "Arbeidsvermogen",
    "uren_per_week": "Uren per week",
    "voltijd_uren_per_week": "Volledige werkweek (uren)",
    "functieloon_per_uur": "Functieloon per uur",
    "loonwaarde": "Loonwaarde",
    "garantiebedrag_per_maand": "Garantiebedrag per maand",
    "overige_inkomsten_per_maand": "Overige inkomsten per maand",
    "werkgeverslasten_percentage": "Werkgeverslasten",
    "loondispensatie_uitzondering": "Uitzondering loondispensatie zonder arbeidsvermogen",
    "loondispensatie_loonbasis": "Loonwaarde toegepast op",
}


def _tekst(eenheid: str, waarde: Any) -> str:
    if eenheid.startswith("EUR"):
        return opmaak.bedrag(int(waarde))
    if eenheid == "fractie":
        return opmaak.percentage(int(waarde))
    if eenheid == "ja/nee":
        return "ja" if bool(waarde) else "nee"
    if eenheid == "uren":
        return opmaak.uren(int(waarde))
    return str(int(waarde))


def _machine(eenheid: str, waarde: Any) -> Any:
    if eenheid.startswith("EUR"):
        return bedrag_tekst(int(waarde))
    if eenheid == "fractie":
        return str(ppm_als_decimal(int(waarde)))
    if eenheid == "ja/nee":
        return bool(waarde)
    return int(waarde)


def invoervelden(resultaat: Resultaat, i: int) -> dict[str, tuple[str, str]]:
    """Case fields of row i: name → (machine value, Dutch text)."""
    inv = resultaat.invoer
    peil = inv.peildatum[i].astype(dt.date)
    geboren = inv.geboortedatum[i].astype(dt.date)
    waarden: dict[str, tuple[Any, str]] = {
        "peildatum": (peil.isoformat(), opmaak.datum(peil)),
        "geboortedatum": (geboren.isoformat(), opmaak.datum(geboren)),
        "regime": (REGIMES[int(inv.regime[i])], REGIMES[int(inv.regime[i])]),
        "arbeidsvermogen": (bool(inv.arbeidsvermogen[i]), _tekst("ja/nee", inv.arbeidsvermogen[i])),
        "uren_per_week": (str(Decimal(int(inv.uren[i])) / 100), _tekst("uren", inv.uren[i])),
        "voltijd_uren_per_week": (
            str(Decimal(int(inv.voltijd[i])) / 100),
            _tekst("uren", inv.voltijd[i]),
        ),
        "functieloon_per_uur": (
            bedrag_tekst(inv.functieloon[i]),
            _tekst("EUR", inv.functieloon[i]),
        ),
        "loonwaarde": (
            str(ppm_als_decimal(inv.loonwaarde[i])),
            _tekst("fractie", inv.loonwaarde[i]),
        ),
        "garantiebedrag_per_maand": (
            bedrag_tekst(inv.garantiebedrag[i]),
            _tekst("EUR", inv.garantiebedrag[i]),
        ),
        "overige_inkomsten_per_maand": (
            bedrag_tekst(inv.overige[i]),
            _tekst("EUR", inv.overige[i]),
        ),
        "werkgeverslasten_percentage": (
            str(ppm_als_decimal(inv.werkgeverslasten[i])),
            _tekst("fractie", inv.werkgeverslasten[i]),
        ),
        "loondispensatie_uitzondering": (
            bool(inv.uitzondering[i]),
            _tekst("ja/nee", inv.uitzondering[i]),
        ),
        "loondispensatie_loonbasis": (
            LOONBASES[int(inv.loonbasis[i])],
            LOONBASIS_TEKST[int(inv.loonbasis[i])],
        ),
    }
    return waarden


LOONBASIS_TEKST = ("het functieloon", "het minimumloon per uur")


def loonbasis_keuze(resultaat: Resultaat, i: int) -> str:
    """The modelling choice of RULES §3.2 for row i, naming the basis that was used."""
    if int(resultaat.invoer.loonbasis[i]) == LOONBASIS_MINIMUMLOON:
        tekst = (
            "Het loon met loondispensatie is vandaag berekend op het minimumloon per uur voor "
            "de leeftijd: loonwaarde × minimumloon (loondispensatie_loonbasis = minimumloon; "
            "Wajong art. 2:20 en Besluit loondispensatie Wajong art. 3)."
        )
    else:
        tekst = (
            "Het loon met loondispensatie is vandaag berekend op het functieloon: loonwaarde × "
            "functieloon (loondispensatie_loonbasis = functieloon, de cao-praktijk; standaard)."
        )
    if resultaat.scenario.omzetting:
        tekst += " Na de omzetting betaalt de werkgever het volledige functieloon."
    return tekst


def _huurtoeslag(spoor: Spoor, i: int) -> bool:
    return "huurtoeslag_berekend" in spoor and bool(spoor["huurtoeslag_berekend"][i])


def _huurtoeslag_tonen(naam: str, spoor: Spoor, inv, i: int) -> bool:
    """Huurtoeslag steps only where it was computed; with a rent but no formula for the year
    (2024, 2025) the step that says so, ``huurtoeslag_berekend``, is shown."""
    if naam not in ALLEEN_MET_HUURTOESLAG or _huurtoeslag(spoor, i):
        return True
    return naam == "huurtoeslag_berekend" and bool(inv.huishouden[i]) and inv.huur[i] > 0


def parameter_tekst(w: Parameterwaarde) -> str:
    if w.eenheid == "schijven":
        return w.tekst
    return _tekst(w.eenheid if w.eenheid != "maanden" else "jaar", w.waarde)


def _stappen(resultaat: Resultaat, spoor: Spoor, i: int) -> list[dict[str, Any]]:
    inv = resultaat.invoer
    velden = invoervelden(resultaat, i)
    params = {w.naam: w for w in resultaat.parameters}
    peildatum = inv.peildatum[i].astype(dt.date)  # version date of the law in the links
    stappen = []
    for naam, kolom in spoor.items():
        if naam in ALLEEN_MET_ARBEIDSVERMOGEN and not inv.arbeidsvermogen[i]:
            continue
        if naam in ALLEEN_MET_GARANTIEBEDRAG and inv.garantiebedrag[i] == 0:
            continue
        if not _huurtoeslag_tonen(naam, spoor, inv, i):
            continue
        g = CATALOGUS[naam]
        invoer = {}
        for bron in g.invoer:
            if bron in spoor and not _huurtoeslag_tonen(bron, spoor, inv, i):
                invoer[bron] = "niet berekend (telt als € 0)"
            elif bron in spoor:
                invoer[bron] = _tekst(CATALOGUS[bron].eenheid, spoor[bron][i])
            elif bron in velden:
                invoer[bron] = velden[bron][1]
            elif bron in params:
                invoer[bron] = parameter_tekst(params[bron])
        stappen.append(
            {
                "naam": naam,
                "omschrijving": g.label,
                "waarde": _machine(g.eenheid, kolom[i]),
                "tekst": _tekst(g.eenheid, kolom[i]),
                "eenheid": g.eenheid,
                "formule": g.formule,
                "invoer": invoer,
                "bron": g.bron,
                "bron_links": bronnen.als_dicts(bronnen.voor_grootheid(naam, peildatum)),
            }
        )
    return stappen


def toelichting(resultaat: Resultaat, i: int) -> dict[str, Any]:
    """The trace of row i: inputs, both situations step by step, parameters, choices."""
    keuzes = []
    for spoor in (resultaat.huidig, resultaat.nieuw):
        for naam in spoor:
            if not _huurtoeslag_tonen(naam, spoor, resultaat.invoer, i):
                continue
            keuze = CATALOGUS[naam].keuze
            if keuze and {"naam": naam, "keuze": keuze} not in keuzes:
                keuzes.append({"naam": naam, "keuze": keuze})
    keuzes.append({"naam": "loondispensatie_loonbasis", "keuze": loonbasis_keuze(resultaat, i)})
    return {
        "invoer": {
            naam: {"waarde": waarde, "tekst": tekst, "omschrijving": VELD_LABELS[naam]}
            for naam, (waarde, tekst) in invoervelden(resultaat, i).items()
        },
        "scenario": resultaat.scenario.beschrijving(),
        "huidig": _stappen(resultaat, resultaat.huidig, i),
        "nieuw": _stappen(resultaat, resultaat.nieuw, i),
        "parameters": [
            {
                "naam": w.naam,
                "omschrijving": w.omschrijving,
                "waarde": w.tekst,
                "tekst": parameter_tekst(w),
                "vanaf": w.vanaf.isoformat(),
                "bron": w.bron,
                "bron_links": bronnen.als_dicts(w.bron_links()),
                "status": w.status,
            }
            for w in resultaat.parameters
        ],
        "keuzes": keuzes,
    }


# --- reasons behind the flags ------------------------------------------------------------------


def _pct_verandering(nieuw: int, oud: int) -> str:
    """Relative change, rounded half-up to 0.1 %."""
    if oud == 0:
        return "n.v.t."
    return opmaak.percentage(half_up((nieuw - oud) * 1000, oud) * 1000)


TOESLAGNAMEN = (  # issue 11: the allowances that can fall (beoordeling.TOESLAGEN)
    ("zorgtoeslag_maand", "De zorgtoeslag"),
    ("huurtoeslag_maand", "De huurtoeslag"),  # 0 on both sides where not computed
    ("kindgebonden_budget_maand", "Het kindgebonden budget"),
)


def redenen(resultaat: Resultaat, i: int, code: str) -> list[str]:
    """Plain Dutch reasons for flag ``code`` on row i, with the person's own amounts."""
    h, n, inv = resultaat.huidig, resultaat.nieuw, resultaat.invoer
    d = resultaat.scenario.drempels
    b = opmaak.bedrag

    def verschil(naam: str) -> int:
        return int(n[naam][i]) - int(h[naam][i])

    if code == "werknemer_achteruit":
        uit = [
            f"Het netto inkomen daalt met {b(-verschil('netto_maand'))} per maand "
            f"(van {b(h['netto_maand'][i])} naar {b(n['netto_maand'][i])})."
        ]
        if h["garantiebedrag_toegepast"][i] and resultaat.scenario.garantiebedrag == "vervallen":
            uit.append(
                f"Het garantiebedrag van {b(inv.garantiebedrag[i])} per maand vervalt in "
                "deze variant. De uitkering volgt dan alleen de formule."
            )
        uit.append(
            f"De uitkering verandert met {opmaak.verschil(verschil('uitkering_maand'))} "
            f"per maand, het loon met vakantiegeld met "
            f"{opmaak.verschil(verschil('inkomen_maand'))}."
        )
        return uit
    if code == "werknemer_buitenproportioneel":
        stijging = _pct_verandering(
            int(n["bruto_inkomen_maand"][i]), int(h["bruto_inkomen_maand"][i])
        )
        uit = [
            f"Het bruto inkomen stijgt met {b(verschil('bruto_inkomen_maand'))} per maand "
            f"({stijging}); "
            f"de grens is {opmaak.percentage(d.buitenproportioneel_fractie)}."
        ]
        if n["garantiebedrag_toegepast"][i]:
            uit.append(
                f"Het garantiebedrag ({b(inv.garantiebedrag[i])} per maand) blijft de "
                "uitkering bepalen, nu naast het volledige loon."
            )
        return uit
    if code == "werkgever_achteruit":
        uit = [
            f"De kosten van de werkgever stijgen met {b(verschil('werkgever_kosten_maand'))} "
            "per maand."
        ]
        sig = resultaat.signalen
        if sig["functieloon_boven_wml"][i]:
            uit.append(
                f"Het functieloon ({b(inv.functieloon[i])} per uur) is hoger dan het "
                f"minimumloon ({b(h['wml_uur'][i])}). De loonkostensubsidie gaat uit van "
                "het minimumloon, dus de werkgever betaalt het verschil zelf."
            )
        if sig["lks_plafond_bindend"][i]:
            uit.append(
                f"De loonwaarde is {opmaak.percentage(inv.loonwaarde[i])}. De "
                "loonkostensubsidie is ten hoogste "
                f"{opmaak.percentage(n['lks_percentage'][i])} van het minimumloon, minder "
                f"dan de {opmaak.percentage(PPM - int(inv.loonwaarde[i]))} die de "
                "werknemer minder produceert. De werkgever betaalt het verschil."
            )
        if inv.uren[i] > inv.voltijd[i]:
            uit.append(
                "De werknemer werkt meer uren dan een volledige werkweek. Over die extra "
                "uren is er geen loonkostensubsidie."
            )
        vergoeding = (
            resultaat.scenario.werkgeverslastenvergoeding
            if resultaat.scenario.werkgeverslastenvergoeding is not None
            else None
        )
        if vergoeding is None:
            vergoeding = next(
                (w.waarde for w in resultaat.parameters if w.naam == "werkgeverslastenvergoeding"),
                None,
            )
        if vergoeding is not None and inv.werkgeverslasten[i] > vergoeding:
            uit.append(
                f"De werkgeverslasten ({opmaak.percentage(inv.werkgeverslasten[i])}) zijn "
                f"hoger dan de vergoeding ({opmaak.percentage(vergoeding)})."
            )
        return uit
    if code == "garantiebedrag_bindend":
        return [
            f"Het garantiebedrag is {b(h['garantiebedrag_per_dag'][i])} per dag. Volgens de "
            f"formule zou de uitkering {b(h['uitkering_formule_dispensatie_per_dag'][i])} per "
            "dag zijn."
        ]
    if code == "garantiebedrag_niet_bindend":
        return [
            f"De formule geeft {b(h['uitkering_formule_dispensatie_per_dag'][i])} per dag, "
            f"meer dan het garantiebedrag van {b(h['garantiebedrag_per_dag'][i])}. Blijft dat "
            "een jaar zo, dan vervalt het garantiebedrag (art. 8:8 lid 5)."
        ]
    if code == "lks_plafond_bindend":
        plafond = int(n["lks_percentage"][i])
        return [
            f"De loonwaarde is {opmaak.percentage(inv.loonwaarde[i])}, lager dan "
            f"{opmaak.percentage(PPM - plafond)}. De loonkostensubsidie is daarom "
            f"{opmaak.percentage(plafond)} van het minimumloon, niet meer."
        ]
    if code == "functieloon_boven_wml":
        return [
            f"Functieloon {b(inv.functieloon[i])} per uur; minimumloon "
            f"{b(h['wml_uur'][i])} per uur."
        ]
    if code == "jeugd_wml":
        return [
            f"De werknemer is {int(h['leeftijd'][i])} jaar. Grondslag en subsidie gaan uit "
            "van het minimumjeugdloon."
        ]
    if code == "huishouden_achteruit":
        return [
            f"Het besteedbaar inkomen (netto na pensioenpremie, plus toeslagen) daalt met "
            f"{b(-verschil('besteedbaar_maand'))} per maand (van "
            f"{b(h['besteedbaar_maand'][i])} naar {b(n['besteedbaar_maand'][i])}).",
            f"De zorgtoeslag verandert met {opmaak.verschil(verschil('zorgtoeslag_maand'))} "
            "per maand, "
            + (
                "het kindgebonden budget met "
                f"{opmaak.verschil(verschil('kindgebonden_budget_maand'))}, "
                if h["kindgebonden_budget_maand"][i] or n["kindgebonden_budget_maand"][i]
                else ""
            )
            + "de pensioenpremie met "
            f"{opmaak.verschil(verschil('pensioenpremie_werknemer_maand'))}.",
        ] + (
            [
                "De huurtoeslag verandert met "
                f"{opmaak.verschil(verschil('huurtoeslag_maand'))} per maand."
            ]
            if _huurtoeslag(h, i)
            else []
        )
    if code == "toeslag_terugvordering_risico":
        dalen = [
            f"{naam} gaat van {b(h[kolom][i])} naar {b(n[kolom][i])} per maand."
            for kolom, naam in TOESLAGNAMEN
            if n[kolom][i] < h[kolom][i]
        ]
        return dalen + [
            "Geef het nieuwe inkomen meteen door aan Dienst Toeslagen; anders is het voorschot "
            "te hoog en moet het verschil later terugbetaald worden."
        ]
    if code == "risico_einde_recht":
        grens = next(
            w.waarde for w in resultaat.parameters if w.naam == "risico_einde_recht_percentage"
        )
        return [
            f"Met het volledige loon is het inkomen {b(n['inkomen_per_dag'][i])} per dag. Dat "
            f"is ten minste {opmaak.percentage(grens)} van de grondslag "
            f"({b(n['grondslag_per_dag'][i])}). Na vijf jaar zo'n inkomen kan het recht op "
            "Wajong eindigen."
        ]
    return []
