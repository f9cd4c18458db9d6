"""The caseworker's form and the result page as data for the templates in ``templates/web/``.

Everything shown is formatted here (Babel via :mod:`opmaak`), so the templates only place
text. Nothing in this module touches Flask: it works on plain dicts of form values, which keeps
it easy to test and reuse.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from wajong_conversie import getallen, huishoudweergave, opmaak
from wajong_conversie import scenario as scenariobron
from wajong_conversie.beoordeling import SIGNALEN
from wajong_conversie.geld import centen
from wajong_conversie.scenario import Scenario
from wajong_conversie.validatie import Fout
from wajong_conversie.weergave import BLOKKEN

VANDAAG = "vandaag"  # form value of the no-op scenario
VANDAAG_NAAM = "Vandaag zonder wijziging"
MAX_JAREN = 40


@attrs.frozen
class Veld:
    naam: str
    label: str
    hulp: str
    soort: str = "tekst"  # tekst | getal | datum | keuze | janee | rondje | vinkje
    standaard: str = ""  # only where RULES §1 gives a default
    verplicht: bool = True
    eenheid: str = ""  # shown after the field ("uur", "per maand")
    keuzes: tuple[tuple[str, str], ...] = ()
    autocomplete: str = "off"


REKENVELDEN: tuple[Veld, ...] = (
    Veld(
        "id",
        "Kenmerk of dossiernummer",
        "Niet verplicht. Staat boven de uitkomst en is het kenmerk van de brieven. Gebruik "
        "letters, cijfers, - of _.",
        verplicht=False,
    ),
    Veld(
        "peildatum",
        "Peildatum",
        "De datum waarvoor u rekent. Bepaalt het minimumloon en de "
        "belasting. Schrijf dag-maand-jaar, bijvoorbeeld 1-3-2026.",
        soort="datum",
    ),
    Veld(
        "geboortedatum",
        "Geboortedatum",
        "Van de werknemer. De leeftijd bepaalt het minimumloon. Bijvoorbeeld 5-5-1995.",
        soort="datum",
    ),
    Veld(
        "regime",
        "Wajong-regeling",
        "De Wajong-regeling van de werknemer.",
        soort="keuze",
        keuzes=(
            ("owajong", "Oude Wajong (van vóór 2010)"),
            ("wajong2010", "Wajong 2010"),
            ("wajong2015", "Wajong 2015"),
        ),
    ),
    Veld(
        "arbeidsvermogen",
        "Heeft de werknemer arbeidsvermogen?",
        "Nee betekent: duurzaam geen arbeidsvermogen. Bij Wajong 2015 is dat altijd nee.",
        soort="janee",
        keuzes=(("ja", "Ja"), ("nee", "Nee, duurzaam geen arbeidsvermogen")),
    ),
    Veld(
        "uren_per_week",
        "Uren per week",
        "De uren in het contract. Meer dan 0 en hoogstens 60.",
        soort="getal",
        eenheid="uur",
    ),
    Veld(
        "voltijd_uren_per_week",
        "Volledige werkweek bij deze werkgever",
        "Meestal 36 tot 40 uur. Hoogstens 48.",
        soort="getal",
        standaard="38",
        verplicht=False,
        eenheid="uur",
    ),
    Veld(
        "functieloon_per_uur",
        "Functieloon per uur",
        "Het normale uurloon voor deze functie, zonder vakantiegeld. Ten minste het minimumloon.",
        soort="getal",
        eenheid="euro",
    ),
    Veld(
        "loonwaarde",
        "Loonwaarde",
        "Vastgesteld door UWV, als deel van 1: 0,50 is 50%. Hoogstens 0,75.",
        soort="getal",
    ),
    Veld(
        "garantiebedrag_per_maand",
        "Garantiebedrag per maand",
        "Bruto, uit de brief van UWV aan de werknemer. Vul 0 in als er geen garantiebedrag is.",
        soort="getal",
        eenheid="euro",
    ),
    Veld(
        "overige_inkomsten_per_maand",
        "Andere inkomsten per maand",
        "Bruto, bijvoorbeeld WW, ziektewet, WIA of pensioen. 0 als er geen andere inkomsten zijn.",
        soort="getal",
        standaard="0",
        verplicht=False,
        eenheid="euro",
    ),
    Veld(
        "werkgeverslasten_percentage",
        "Werkgeverslasten",
        "Premies en pensioen bovenop het brutoloon, als deel van 1: 0,235 is 23,5%.",
        soort="getal",
        standaard="0,235",
        verplicht=False,
    ),
    Veld(
        "loondispensatie_uitzondering",
        "Uitzondering: loondispensatie zonder arbeidsvermogen",
        "Alleen aanvinken als de werknemer geen arbeidsvermogen heeft en toch loondispensatie "
        "houdt (loondispensatie van vóór 2018 of het experiment tot 2028).",
        soort="vinkje",
        verplicht=False,
    ),
    Veld(
        "loondispensatie_loonbasis",
        "Waarover rekent u de loonwaarde van nu?",
        "Het loon van nu is de loonwaarde maal een uurloon. Meestal is dat het loon voor de "
        "functie uit de cao. Soms is het het minimumloon. Kijk op de loonstrook of in de "
        "afspraak over loondispensatie. Weet u het niet? Kies dan het loon voor de functie.",
        soort="rondje",
        standaard="functieloon",
        verplicht=False,
        keuzes=(
            ("functieloon", "Het loon voor de functie (functieloon)"),
            ("minimumloon", "Het minimumloon voor de leeftijd"),
        ),
    ),
)
BRIEFVELDEN_WERKNEMER: tuple[Veld, ...] = (
    Veld("naam", "Naam", "Zoals boven de brief moet staan.", verplicht=False),
    Veld("straat", "Straat en huisnummer", "", verplicht=False),
    Veld("postcode", "Postcode", "", verplicht=False),
    Veld("woonplaats", "Woonplaats", "", verplicht=False),
    Veld(
        "bsn",
        "BSN",
        "Het burgerservicenummer. In de brief staan alleen de laatste 4 cijfers.",
        verplicht=False,
    ),
)
BRIEFVELDEN_WERKGEVER: tuple[Veld, ...] = (
    Veld("werkgever_naam", "Naam werkgever", "", verplicht=False),
    Veld("werkgever_straat", "Straat en huisnummer werkgever", "", verplicht=False),
    Veld("werkgever_postcode", "Postcode werkgever", "", verplicht=False),
    Veld("werkgever_plaats", "Plaats werkgever", "", verplicht=False),
)
BRIEFVELDEN = BRIEFVELDEN_WERKNEMER + BRIEFVELDEN_WERKGEVER
HUISHOUDVELDEN: tuple[Veld, ...] = (  # issue 11: all optional; any of them = household known
    Veld(
        "toeslagpartner",
        "Toeslagpartner",
        "Heeft de werknemer een toeslagpartner? Leeg laten: alleenstaand.",
        soort="keuze",
        verplicht=False,
        keuzes=(("ja", "Ja"), ("nee", "Nee")),
    ),
    Veld(
        "partner_inkomen_per_jaar",
        "Inkomen van de partner per jaar",
        "Het toetsingsinkomen van de toeslagpartner.",
        soort="getal",
        verplicht=False,
        eenheid="euro",
    ),
    Veld(
        "vermogen",
        "Vermogen op 1 januari",
        "Spaargeld en bezit min schulden, samen met de partner. Leeg laten: onder de grens.",
        soort="getal",
        verplicht=False,
        eenheid="euro",
    ),
    Veld(
        "huur_per_maand",
        "Huur per maand",
        "De kale huur, zonder servicekosten. Met een huur rekent het programma de huurtoeslag "
        "uit (vanaf 2026; voor 2024 en 2025 nog niet).",
        soort="getal",
        verplicht=False,
        eenheid="euro",
    ),
    Veld(
        "kinderen",
        "Geboortedata van de kinderen",
        "Gescheiden door ; bijvoorbeeld 1-4-2015;30-9-2018. Nodig voor het kindgebonden budget.",
        verplicht=False,
    ),
    Veld(
        "pensioen_werknemer_percentage",
        "Pensioenpremie werknemer",
        "Als fractie van (pensioengevend loon min franchise), bijvoorbeeld 0,1295.",
        soort="getal",
        verplicht=False,
    ),
    Veld(
        "pensioen_franchise_per_jaar",
        "Franchise van het pensioenfonds per jaar",
        "Voor een volledige werkweek, zoals het fonds hem noemt. Bij deeltijd rekent het "
        "programma zelf het deel voor de uren uit.",
        soort="getal",
        verplicht=False,
        eenheid="euro",
    ),
    Veld(
        "pensioen_werkgever_percentage",
        "Pensioenpremie werkgever",
        "Als fractie, bijvoorbeeld 0,1295. Alleen voor de inleg per jaar.",
        soort="getal",
        verplicht=False,
    ),
)
JAREN_VELD = Veld(
    "jaren",
    "Overgang over hoeveel jaar? (niet verplicht)",
    "Toont de bedragen per jaar vanaf de omzetting. Leeg laten: alleen het eerste jaar.",
    soort="getal",
    verplicht=False,
    eenheid="jaar",
)
ALLE_VELDEN = REKENVELDEN + HUISHOUDVELDEN + BRIEFVELDEN + (JAREN_VELD,)
VELDNAMEN = tuple(v.naam for v in ALLE_VELDEN) + ("scenario",)

_DATUM_NL = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")


def iso_datum(tekst: str) -> str:
    """A date as caseworkers type it (1-3-2026, 01/03/2026, 1.3.2026) → ISO; ISO stays ISO.
    Anything else is returned unchanged, so the calculation's check reports it."""
    m = _DATUM_NL.fullmatch(tekst.strip())
    if not m:
        return tekst
    dag, maand, jaar = (int(g) for g in m.groups())
    try:
        return dt.date(jaar, maand, dag).isoformat()
    except ValueError:
        return tekst


def leeg_formulier() -> dict[str, str]:
    """The values of a new form: defaults only where RULES §1 gives one."""
    return {v.naam: v.standaard for v in ALLE_VELDEN} | {"scenario": ""}


def formulier_waarden(form: Mapping[str, str]) -> dict[str, str]:
    """The typed values, exactly as typed (trimmed), for showing the form again."""
    waarden = {naam: str(form.get(naam, "")).strip() for naam in VELDNAMEN}
    waarden["loondispensatie_uitzondering"] = (
        "ja" if form.get("loondispensatie_uitzondering") else ""
    )
    return waarden


def record(waarden: Mapping[str, str]) -> dict[str, Any]:
    """Form values → the case record for ``lees_en_controleer`` (and the letters).

    Empty optional fields are left out, so the calculation applies the defaults of RULES §1;
    empty letter fields are left out too."""
    uit: dict[str, Any] = {}
    for veld in REKENVELDEN + HUISHOUDVELDEN + BRIEFVELDEN:
        waarde = waarden.get(veld.naam, "")
        if veld.naam == "kinderen" and waarde != "":  # dates as typed, each to ISO
            uit[veld.naam] = ";".join(iso_datum(d) for d in waarde.split(";"))
        elif veld.soort == "vinkje":
            uit[veld.naam] = waarde == "ja"
        elif veld.soort == "datum":
            uit[veld.naam] = iso_datum(waarde)
        elif waarde != "" or veld.verplicht:
            uit[veld.naam] = waarde
    return uit


def rekenrecord(record_: Mapping[str, Any]) -> dict[str, Any]:
    """Only the calculation's fields: the letter fields are not needed to compute."""
    namen = {v.naam for v in REKENVELDEN + HUISHOUDVELDEN}
    return {k: w for k, w in record_.items() if k in namen}


def lees_jaren(waarden: Mapping[str, str]) -> tuple[int | None, list[Fout]]:
    tekst = waarden.get("jaren", "")
    if tekst == "":
        return None, []
    if not re.fullmatch(r"[0-9]{1,9}", tekst, re.ASCII):  # as everywhere: ASCII digits only
        return None, [Fout.maak("jaren", "jaren_geen_getal", waarde=getallen.toon(tekst))]
    jaren = int(tekst)
    if not 1 <= jaren <= MAX_JAREN:
        return None, [Fout.maak("jaren", "jaren_bereik", maximum=MAX_JAREN)]
    return jaren, []


def formuliertaal(fout: Fout) -> str:
    """A message in the words of the form (rendered from its code), starting with a capital."""
    melding = fout.tekst(formulier=True)
    return melding[:1].upper() + melding[1:]


def fouten_per_veld(fouten: list[Fout]) -> dict[str, list[str]]:
    uit: dict[str, list[str]] = {}
    for f in fouten:
        veld = f.veld if f.veld in VELDNAMEN else "invoer"
        uit.setdefault(veld, []).append(formuliertaal(f))
    return uit


def samenvatting_fouten(fouten: list[Fout]) -> list[dict[str, str]]:
    """The error summary at the top: label, message and the id of the field to jump to."""
    labels = {v.naam: v.label for v in ALLE_VELDEN} | {"scenario": "Scenario"}
    uit = []
    for f in fouten:
        bekend = f.veld in labels
        uit.append(
            {
                "label": labels.get(f.veld, "Invoer"),
                "melding": formuliertaal(f),
                "doel": veld_id(f.veld) if bekend else "",
            }
        )
    return uit


def veld_id(naam: str) -> str:
    """The id a label and an error link point to (for a ja/nee choice: the first option)."""
    if naam == "arbeidsvermogen":
        return "veld-arbeidsvermogen-ja"
    return f"veld-{naam}"


# --- scenarios ------------------------------------------------------------------------------


@attrs.frozen
class Keuze:
    waarde: str
    label: str
    omschrijving: str


def scenario_keuzes(map_: Path) -> list[Keuze]:
    """The scenario files of the folder (the law as it stands first), then the no-op one.

    A file that cannot be read is left out of the list rather than breaking the page."""
    keuzes = []
    paden = sorted(Path(map_).glob("*.toml"), key=lambda p: (p.stem != "behouden", p.stem))
    for pad in paden:
        try:
            sc = scenariobron.laad(pad)
        except scenariobron.ScenarioFout:
            continue
        keuzes.append(Keuze(pad.stem, sc.naam, sc.omschrijving))
    keuzes.append(
        Keuze(VANDAAG, VANDAAG_NAAM, "Geen omzetting: vandaag en straks gelden dezelfde regels.")
    )
    return keuzes


def laad_scenario(map_: Path, waarde: str) -> Scenario:
    """The chosen scenario; only names offered in the list are accepted (no paths)."""
    if waarde == VANDAAG:
        return Scenario(naam=VANDAAG_NAAM, omzetting=False)
    for pad in Path(map_).glob("*.toml"):
        if pad.stem == waarde:
            return scenariobron.laad(pad)
    raise scenariobron.ScenarioFout.maak("scenario_kies")


# --- the result -----------------------------------------------------------------------------


def _bedrag(tekst: str) -> str:
    return opmaak.bedrag(centen(tekst))


def _verschil(tekst: str) -> str:
    return opmaak.verschil(centen(tekst))


def _datum(iso: str) -> str:
    return opmaak.datum(dt.date.fromisoformat(iso))


TOESLAG_VARIANTEN = ("inkomensgarantie", "afbouw")


def aanvulling_naam(uitkomst: Mapping[str, Any]) -> str:
    """What the part of the benefit above the formula is, in this case: "toeslag" only where
    the scenario turns it into a personal supplement and there is one (readers think of
    zorgtoeslag otherwise)."""
    toeslag = uitkomst["scenario"].get("garantiebedrag") in TOESLAG_VARIANTEN and centen(
        uitkomst["nieuw"]["aanvulling_uitkering_maand"]
    )
    garantie = centen(uitkomst["huidig"]["aanvulling_uitkering_maand"])
    if toeslag and garantie:
        return "garantiebedrag (vandaag) en persoonlijke toeslag (met loonkostensubsidie)"
    return "persoonlijke toeslag" if toeslag else "garantiebedrag"


def _label(sleutel: str, label: str, uitkomst: Mapping[str, Any]) -> str:
    if sleutel == "aanvulling_uitkering_maand":
        return f"waarvan {aanvulling_naam(uitkomst)} (zonder vakantiegeld)"
    if sleutel == "wajong_uitkering_maand" and label.startswith("Wajong"):
        return "Wajong-uitkering (zonder vakantiegeld)"
    if sleutel == "bruto_inkomen_maand":
        return "Bruto inkomen (uitkering zonder vakantiegeld)"
    if sleutel == "netto_maand":
        return "Netto inkomen (gemiddeld per maand, met al het vakantiegeld)"
    return label.strip()


def vergelijking(uitkomst: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The three blocks of :data:`weergave.BLOKKEN`: vandaag, met LKS, verschil per row."""
    return [
        {
            "titel": titel,
            "regels": [
                {
                    "label": _label(sleutel, label, uitkomst) if j == 0 else label.strip(),
                    "deel": label.startswith(" "),
                    "totaal": i == len(regels) - 1,
                    "huidig": _bedrag(uitkomst["huidig"][sleutel]),
                    "nieuw": _bedrag(uitkomst["nieuw"][sleutel]),
                    "verschil": _verschil(uitkomst["verschil"][sleutel]),
                }
                for i, (sleutel, label) in enumerate(regels)
            ],
        }
        for j, (titel, regels) in enumerate(BLOKKEN)
    ]


def signalen(uitkomst: Mapping[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Warnings first (they ask for action), then the informative flags."""
    uit: dict[str, list[dict[str, Any]]] = {"waarschuwing": [], "informatie": []}
    for s in uitkomst["signalen_toelichting"]:
        if s["code"] == "risico_einde_recht":
            continue  # shown open in the "Let op" box (let_op)
        if s["code"] in huishoudweergave.SIGNALEN:
            continue  # shown in the household part, with the amounts they are about
        uit[s["ernst"]].append(s)
    return uit


def _delen(uitkomst: Mapping[str, Any], partij: str, delen: list[dict]) -> list[tuple[str, int]]:
    """The parts of one party (label, cents). For the worker the garantiebedrag/supplement
    part is split into the same amount as the table row "waarvan …" (without holiday pay) and
    the holiday pay on it, so one label means one quantity; both add up to the engine's part."""
    uit = []
    for d in delen:
        bedrag = centen(d["bedrag"])
        if partij == "werknemer" and d.get("onderdeel") == "garantiebedrag_toeslag":
            naam = aanvulling_naam(uitkomst)
            kaal = centen(uitkomst["verschil"]["aanvulling_uitkering_maand"])
            uit.append((f"{naam[:1].upper()}{naam[1:]} (zonder vakantiegeld)", kaal))
            over = {
                "garantiebedrag": "het garantiebedrag",
                "persoonlijke toeslag": "de persoonlijke toeslag",
            }.get(naam, "het garantiebedrag en de toeslag")
            uit.append((f"Vakantiegeld over {over}", bedrag - kaal))
        else:
            uit.append((d["omschrijving"], bedrag))
    return uit


def verklaring(uitkomst: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "omschrijving": p["omschrijving"],
            "totaal": _verschil(p["totaal"]),
            "delen": [
                {"omschrijving": naam, "bedrag": opmaak.verschil(cent)}
                for naam, cent in _delen(uitkomst, partij, p["delen"])
                if cent != 0
            ],
        }
        for partij, p in uitkomst["verklaring"].items()
    ]


def kaarten(uitkomst: Mapping[str, Any]) -> list[dict[str, str]]:
    """The four summary cards: amount, an arrow AND words for the direction, and for whom it is
    good or bad (never colour alone)."""
    v = uitkomst["verschil"]
    uit = []
    for sleutel, titel, wie, meer_is_goed in (
        ("netto_maand", "Netto inkomen werknemer", "de werknemer", True),
        ("bruto_inkomen_maand", "Bruto inkomen werknemer", "de werknemer", True),
        ("werkgever_kosten_maand", "Kosten werkgever", "de werkgever", False),
        ("overheid_kosten_maand", "Kosten overheid", "de overheid", False),
    ):
        cent = centen(v[sleutel])
        if cent == 0:
            pijl, richting, oordeel, soort = "=", "gelijk", "geen verschil", "gelijk"
        else:
            omhoog = cent > 0
            goed = omhoog == meer_is_goed
            pijl = "▲" if omhoog else "▼"
            richting = (
                ("meer" if omhoog else "minder")
                if not meer_is_goed
                else ("omhoog" if omhoog else "omlaag")
            )
            oordeel = f"{'gunstig' if goed else 'ongunstig'} voor {wie}"
            soort = "goed" if goed else "slecht"
        uit.append(
            {
                "titel": titel,
                "bedrag": opmaak.verschil(cent),
                "pijl": pijl,
                "richting": richting,
                "oordeel": oordeel,
                "soort": soort,
            }
        )
    return uit


def let_op(uitkomst: Mapping[str, Any]) -> list[str]:
    """What changes the picture and must be seen at once (open in the "Let op" box): the
    benefit stops, the Wajong right may end (art. 2:16, flag risico_einde_recht), the path over
    the years turns a gain into a loss."""
    punten = []
    h, n = uitkomst["huidig"], uitkomst["nieuw"]
    if centen(h["wajong_uitkering_maand"]) > 0 and centen(n["wajong_uitkering_maand"]) == 0:
        punten.append(
            "De Wajong-uitkering stopt: met loonkostensubsidie is de uitkering "
            f"{opmaak.bedrag(0)} (vandaag {_bedrag(h['wajong_uitkering_maand'])} per maand)."
        )
    for sig in uitkomst["signalen_toelichting"]:
        if sig["code"] == "risico_einde_recht":
            punten.append(f"{sig['titel']}: " + " ".join(sig["redenen"]))
    pad_ = uitkomst.get("pad") or []
    if pad_:
        eerste = centen(pad_[0]["vergelijking"]["verschil"]["netto_maand"])
        later = next(
            (j for j in pad_[1:] if centen(j["vergelijking"]["verschil"]["netto_maand"]) < 0),
            None,
        )
        if eerste >= 0 and later is not None:
            punten.append(
                "Over de jaren wordt de winst een verlies: in het eerste jaar netto "
                f"{_verschil(pad_[0]['vergelijking']['verschil']['netto_maand'])} per maand, "
                f"vanaf {_datum(later['peildatum'])} "
                f"{_verschil(later['vergelijking']['verschil']['netto_maand'])} per maand "
                "(zie Per jaar vanaf de omzetting)."
            )
    return punten


def netto_boven_bruto(uitkomst: Mapping[str, Any]) -> bool:
    return any(
        centen(uitkomst[k]["netto_maand"]) > centen(uitkomst[k]["bruto_inkomen_maand"])
        for k in ("huidig", "nieuw")
    )


KORT = {  # the warnings in a few words, for the table per year
    "werknemer_achteruit": "netto achteruit",
    "werknemer_buitenproportioneel": "inkomen stijgt buiten verhouding",
    "werkgever_achteruit": "werkgever betaalt meer",
}


def pad(uitkomst: Mapping[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "jaar": j["jaar_na_omzetting"],
            "peildatum": _datum(j["peildatum"]),
            "bruto_huidig": _bedrag(j["vergelijking"]["huidig"]["bruto_inkomen_maand"]),
            "bruto": _bedrag(j["bruto_inkomen_maand"]),
            "netto_huidig": _bedrag(j["vergelijking"]["huidig"]["netto_maand"]),
            "netto": _bedrag(j["netto_maand"]),
            "netto_verschil": _verschil(j["vergelijking"]["verschil"]["netto_maand"]),
            "werkgever_verschil": _verschil(
                j["vergelijking"]["verschil"]["werkgever_kosten_maand"]
            ),
            "overheid_verschil": _verschil(j["vergelijking"]["verschil"]["overheid_kosten_maand"]),
            "signalen": [
                KORT.get(c, SIGNALEN[c].titel)
                for c in j["signalen"]
                if SIGNALEN[c].ernst == "waarschuwing"
            ],
            "aanname": bool(j.get("aannames")),
        }
        for j in uitkomst.get("pad", [])
    ]


def grafiek(uitkomst: Mapping[str, Any]) -> dict[str, Any]:
    """A bar chart (inline SVG) of gross and net income per month, today and after conversion.

    Returns the group titles and bars with their coordinates, and a text alternative that
    says the same in words."""
    reeksen = (("bruto_inkomen_maand", "Bruto inkomen"), ("netto_maand", "Netto inkomen"))
    situaties = (("huidig", "Vandaag"), ("nieuw", "Met loonkostensubsidie"))
    hoogste = max(centen(uitkomst[s][k]) for k, _ in reeksen for s, _ in situaties) or 1
    label_breedte, breedte, balk = 190, 300, 26
    titels, balken, y = [], [], 0
    for sleutel, titel in reeksen:
        y += 22
        titels.append({"tekst": f"{titel} per maand", "y": y})
        y += 10
        for situatie, naam in situaties:
            cent = centen(uitkomst[situatie][sleutel])
            balken.append(
                {
                    "label": naam,
                    "y": y,
                    "breedte": max(round(breedte * max(cent, 0) / hoogste), 1),
                    "tekst": opmaak.bedrag(cent),
                    "soort": situatie,
                }
            )
            y += balk + 6
        y += 14
    zinnen = [
        f"{titel} per maand: vandaag {_bedrag(uitkomst['huidig'][sleutel])}, met "
        f"loonkostensubsidie {_bedrag(uitkomst['nieuw'][sleutel])} "
        f"(verschil {_verschil(uitkomst['verschil'][sleutel])})."
        for sleutel, titel in reeksen
    ]
    return {
        "titels": titels,
        "balken": balken,
        "hoogte": y,
        "label_breedte": label_breedte,
        "breedte": label_breedte + breedte + 110,
        "balk": balk,
        "beschrijving": " ".join(zinnen),
    }


def uitkomst_context(uitkomst: Mapping[str, Any]) -> dict[str, Any]:
    """Everything the result template shows, formatted."""
    t = uitkomst["toelichting"]
    return {
        "peildatum": _datum(uitkomst["peildatum"]),
        "scenario": uitkomst["scenario"],
        "scenario_uitleg": t["scenario"],
        "blokken": vergelijking(uitkomst),
        "kaarten": kaarten(uitkomst),
        "let_op": let_op(uitkomst),
        "netto_boven_bruto": netto_boven_bruto(uitkomst),
        "signalen": signalen(uitkomst),
        "klasse": uitkomst["netto_verandering"]["omschrijving"],
        "netto_verschil": _verschil(uitkomst["verschil"]["netto_maand"]),
        "bruto_verschil": _verschil(uitkomst["verschil"]["bruto_inkomen_maand"]),
        "verklaring": verklaring(uitkomst),
        "invoer": list(t["invoer"].values()),
        "situaties": [
            {"titel": "Vandaag, met loondispensatie", "stappen": t["huidig"]},
            {"titel": "Met loonkostensubsidie", "stappen": t["nieuw"]},
        ],
        "parameters": t["parameters"],
        "keuzes": t["keuzes"],
        "pad": pad(uitkomst),
        "grafiek": grafiek(uitkomst),
        "waarschuwingen": uitkomst["waarschuwingen"],
        "aannames": uitkomst["aannames"],
    }


# --- cohort ---------------------------------------------------------------------------------


HUISHOUD_KERNCIJFERS = (  # issue 11: only shown when some row has a household
    ("aantal_met_huishouden", "Werknemers met een bekend huishouden"),
    (
        "netto_zonder_pensioen_omhoog_besteedbaar_omlaag",
        "Houden minder over, terwijl het netto inkomen zonder pensioenpremie stijgt",
    ),
    (
        "netto_zonder_pensioen_omlaag_besteedbaar_omhoog",
        "Houden meer over, terwijl het netto inkomen zonder pensioenpremie daalt",
    ),
    ("huishouden_achteruit", "Huishouden houdt minder over (signaal)"),
    ("toeslag_terugvordering_risico", "Een toeslag daalt (signaal)"),
)


def cohort_kerncijfers(samenvatting: Mapping[str, Any]) -> dict[str, Any]:
    """The headline numbers of a cohort run for the page (the same as on the terminal)."""
    scenarios = []
    for sc in samenvatting["scenarios"]:
        sig = sc["signalen"]
        jaar = sc["totalen"]["per_jaar"]
        wg = sc["werkgevers"]
        scenarios.append(
            {
                "naam": sc["scenario"]["naam"],
                "aantal": opmaak.getal(sc["aantal"]),
                "achteruit": opmaak.getal(sig["werknemer_achteruit"]),
                "buitenproportioneel": opmaak.getal(sig["werknemer_buitenproportioneel"]),
                "werkgevers": (
                    f"{opmaak.getal(wg['aantal_meer_kosten'])} van {opmaak.getal(wg['aantal'])} "
                    "werkgevers"
                    if wg["aantal"] is not None
                    else f"{opmaak.getal(sig['werkgever_achteruit'])} werknemers (geen "
                    "werkgever_id in het bestand)"
                ),
                "overheid_kosten": _verschil(jaar["kosten_overheid"]["verschil"]),
                "belasting": _verschil(jaar["belastingontvangsten"]["verschil"]),
                "saldo": _verschil(jaar["saldo_overheid"]["verschil"]),
                "huishouden": {  # issue 11: the counts of the report's household part
                    sleutel: opmaak.getal(
                        sc.get("huishouden", {}).get(sleutel, sig.get(sleutel, 0))
                    )
                    for sleutel, _ in HUISHOUD_KERNCIJFERS
                },
            }
        )
    return {
        "ingelezen": opmaak.getal(samenvatting["aantal_ingelezen"]),
        "berekend": opmaak.getal(samenvatting["aantal_berekend"]),
        "niets_berekend": not samenvatting["aantal_berekend"],
        "afgewezen": opmaak.getal(samenvatting["aantal_afgewezen"]),
        "afgewezen_per_veld": [
            {"veld": veld, "aantal": opmaak.getal(n)}
            for veld, n in samenvatting["afgewezen_per_veld"].items()
        ],
        "scenarios": scenarios,
        "huishoudrijen": HUISHOUD_KERNCIJFERS
        if any(
            sc.get("huishouden", {}).get("aantal_met_huishouden")
            for sc in samenvatting["scenarios"]
        )
        else (),
        "meldingen": samenvatting["waarschuwingen"] + samenvatting["aannames"],
    }
