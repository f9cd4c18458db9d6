"""The validation messages as stable codes with parameters, and their Dutch texts.

Code and parameters are what a program relies on (the JSON API gives ``code`` with each item
of ``fouten``); the text is rendered from them: for files and the command line (``bestand``,
also the API), and in the words of the web form where those differ (``formulier``: a date is
typed as dag-maand-jaar there, yes/no is a choice, a tick box is ticked). Parameters are
already formatted for people (amounts, dates, the value as typed, shortened by
``getallen.toon``) and never contain personal data.
"""

from __future__ import annotations

from collections.abc import Mapping

# code → text for files, the command line and the API
BESTAND: dict[str, str] = {
    # reading one value (getallen)
    "getal_geen_janee": "verwacht een getal, niet ja/nee",
    "getal_te_groot": "dit getal is te groot",
    "getal_waarde_te_groot": "'{waarde}' is te groot",
    "geen_getal": "'{waarde}' is geen getal",
    "geen_getal_vorm": (
        "'{waarde}' is geen getal; schrijf alleen cijfers met hoogstens één decimaalteken, "
        "zoals {voorbeeld} (geen e-notatie, spaties, liggende streepjes of scheidingstekens "
        "voor duizendtallen)"
    ),
    "verwacht_getal": "verwacht een getal",
    "bedrag_dubbelzinnig": (
        "'{waarde}' is dubbelzinnig: een punt of komma met drie cijfers erna kan een scheiding "
        "van duizendtallen zijn of een decimaalteken. Schrijf het bedrag zonder scheiding van "
        "duizendtallen en met hoogstens 2 decimalen, bijvoorbeeld {cijfers} of {cijfers},00"
    ),
    "te_veel_decimalen": "'{waarde}' heeft te veel decimalen voor {wat}",
    "geen_datum": "'{waarde}' is geen datum; schrijf die als JJJJ-MM-DD",
    "geen_janee": "'{waarde}' is geen ja/nee-waarde; gebruik true of false",
    "onbekende_keuze": "'{waarde}' is onbekend; toegestaan: {keuzes}",
    "verwacht_id": "verwacht een tekst of een heel getal",
    # reading a case (validatie.lees_geval)
    "veld_onbekend": "onbekend veld; controleer de spelling",
    "verplicht": "ontbreekt; dit veld is verplicht",
    # the ranges of RULES §1 (validatie.controleer)
    "geen_parameters": (
        "voor {datum} zijn geen parameters bekend; toegestaan: {begin} tot en met {eind}"
    ),
    "leeftijd_bereik": (
        "de werknemer is op de peildatum {leeftijd} jaar; toegestaan: van {minimum} jaar tot de "
        "AOW-leeftijd ({aow} jaar)"
    ),
    "wajong2015_arbeidsvermogen": (
        "Wajong 2015 geldt alleen bij duurzaam geen arbeidsvermogen; vul false in"
    ),
    "uitzondering_nodig": (
        "loondispensatie kan alleen bij arbeidsvermogen (Wajong art. 2:20 en 3:63); zet dit "
        "veld op true als een uitzondering geldt (loondispensatie van vóór 2018 of het "
        "experiment tot 2028)"
    ),
    "uren_bereik": (
        "{uren} uur kan niet; toegestaan: meer dan 0 en ten hoogste {maximum} uur per week"
    ),
    "uren_boven_voltijd": (
        "{uren} uur per week past niet bij een voltijdweek van {voltijd} uur; toegestaan: ten "
        "hoogste {factor} × de voltijdweek ({grens} uur). Controleer uren_per_week en "
        "voltijd_uren_per_week"
    ),
    "functieloon_bereik": (
        "{loon} per uur kan niet; toegestaan: ten minste het minimumloon voor deze leeftijd "
        "({wml}) en ten hoogste {maximum}"
    ),
    "functieloon_te_hoog": "{loon} per uur is meer dan {maximum}",
    "loonwaarde_bereik": (
        "{loonwaarde} kan niet; toegestaan: meer dan 0 en ten hoogste 0,75 (75%, Besluit "
        "loondispensatie Wajong art. 1)"
    ),
    "garantiebedrag_negatief": "mag niet negatief zijn; 0 betekent geen garantiebedrag",
    "garantiebedrag_wajong2015": (
        "een garantiebedrag bestaat alleen in de oude Wajong en de Wajong 2010 (Wajong art. 8:8 "
        "lid 1); vul 0 in"
    ),
    "garantiebedrag_boven_wml": (
        "{bedrag} is meer dan het minimumloon per maand ({wml}); toegestaan: 0 tot en met dat "
        "bedrag"
    ),
    "overige_bereik": "toegestaan: 0 tot en met {maximum} per maand",
    "werkgeverslasten_bereik": "toegestaan: 0 tot en met 0,5 (50%)",
    # the household (issue 11)
    "bedrag_bereik": "toegestaan: 0 tot en met {maximum}",
    "pensioen_percentage_bereik": "toegestaan: 0 tot en met 0,5 (50%), als fractie: 0,075 = 7,5%",
    "kind_na_peildatum": "een geboortedatum ligt na de peildatum",
    "partner_zonder_toeslagpartner": (
        "een inkomen van een partner kan alleen met toeslagpartner = true; vul "
        "toeslagpartner in of laat dit veld leeg"
    ),
    # the number of years (form, API)
    "jaren_geen_getal": "'{waarde}' is geen heel getal",
    "jaren_bereik": "kies 1 tot en met {maximum} jaar, of laat het leeg",
    "api_jaren": "kies een heel aantal jaren van 1 tot en met {maximum}",
    "api_sleutel_onbekend": "onbekende sleutel; gebruik case, scenario en jaren",
    "api_case_geen_object": "verwacht een object met de velden van een geval",
    "api_scenario_geen_object": "verwacht een object zoals een scenariobestand",
    # a scenario file or the API's "scenario" object (scenario.py); {sleutel} is the key in the
    # file, such as lks.plafond
    "scenario_bestand": "{reden}",
    "scenario_bestand_onleesbaar": "scenariobestand {pad}: {reden}",
    "scenario_kies": "kies een scenario uit de lijst",
    "scenario_sleutel_onbekend": (
        "onbekende sleutel(s) in scenario: {sleutels}; toegestaan: {toegestaan}"
    ),
    "scenario_tabelsleutel_onbekend": (
        "onbekende sleutel(s) in [{tabel}]: {sleutels}; toegestaan: {toegestaan}"
    ),
    "scenario_geen_tabel": "{sleutel}: verwacht een tabel [{sleutel}]",
    "scenario_geen_tekst": '{sleutel}: verwacht een tekst tussen aanhalingstekens ("…")',
    "scenario_tekst_leeg": "{sleutel}: mag niet leeg zijn",
    "scenario_tekst_te_lang": "{sleutel}: hoogstens {grens} tekens (nu {lengte})",
    "scenario_geen_janee": "{sleutel}: verwacht true of false",
    "scenario_geen_variant": "{sleutel}: '{waarde}' is geen variant; kies uit {keuzes}",
    "scenario_jaren_ontbreekt": '{sleutel} ontbreekt; verplicht bij {hoort_bij} = "{variant}"',
    "scenario_jaren_hoort_niet": '{sleutel} hoort alleen bij {hoort_bij} = "{variant}"',
    "scenario_jaren_bereik": (
        "{sleutel}: verwacht een heel aantal jaren van 1 tot en met {maximum}, niet {waarde}"
    ),
    # a value the reader refused; reden_code is the reader's own code (getal_*, geen_datum …)
    "scenario_waarde": "{sleutel}: {reden}",
    "scenario_fractie_bereik": "{sleutel}: moet tussen 0 en {hoogste} liggen, niet {waarde}",
    "scenario_negatief": "{sleutel}: mag niet negatief zijn",
    "scenario_ingangsdatum_bereik": (
        "ingangsdatum: {datum} kan niet; toegestaan: {begin} tot en met {eind} (parameters "
        "zijn bekend vanaf {begin}; na de laatst bekende parameters rekent het model hoogstens "
        "{jaren} jaar door met een aanname)"
    ),
    "scenario_grondslag_ontbreekt": (
        "brief.grondslag ontbreekt: een beschikking noemt de wettelijke grondslag"
    ),
    "scenario_drempels_volgorde": (
        "drempels: klasse_gelijk_fractie moet kleiner zijn dan klasse_sterk_fractie (binnen "
        "de eerste grens heet een verandering 'gelijk', boven de tweede 'sterk')"
    ),
}

# code → the text in the web form, where it differs from BESTAND
FORMULIER: dict[str, str] = {
    "geen_datum": (
        "'{waarde}' is geen datum; schrijf de datum als dag-maand-jaar, bijvoorbeeld 1-3-2026"
    ),
    "geen_janee": "'{waarde}' is geen ja/nee-waarde; kies ja of nee",
    "verplicht": "vul dit in; dit is nodig voor de berekening",
    "wajong2015_arbeidsvermogen": (
        "Wajong 2015 geldt alleen bij duurzaam geen arbeidsvermogen; kies nee"
    ),
    "uitzondering_nodig": (
        "loondispensatie kan alleen bij arbeidsvermogen (Wajong art. 2:20 en 3:63); vink dit "
        "vakje aan als een uitzondering geldt (loondispensatie van vóór 2018 of het "
        "experiment tot 2028)"
    ),
}


def tekst(code: str, params: Mapping[str, str], formulier: bool = False) -> str:
    """The Dutch text of a message (``formulier``: in the words of the web form)."""
    sjabloon = (FORMULIER.get(code) if formulier else None) or BESTAND[code]
    return sjabloon.format(**params)


class Melding(ValueError):
    """A value that cannot be read: a ValueError whose text is the file wording, with the
    stable ``code`` and ``params`` for the form and the API."""

    def __init__(self, code: str, **params: str):
        self.code = code
        self.params = {k: str(v) for k, v in params.items()}
        super().__init__(tekst(code, self.params))
