"""A policy variant as data: a scenario file (TOML) read into an attrs value object.

RULES §6 and §7. Every threshold of the flags lives here, so a variant never needs a code path
of its own. Unknown keys and bad values are errors with a Dutch message naming the key.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import attrs

from wajong_conversie import getallen, meldingen, opmaak, tekstbestand
from wajong_conversie import parameters as parameterbron
from wajong_conversie.geld import ppm

GARANTIEBEDRAG_VARIANTEN = {
    "behouden": "Het garantiebedrag blijft: de uitkering is ten minste het garantiebedrag, ook "
    "naast het volledige loon (de wet zoals die nu is).",
    "vervallen": "Het garantiebedrag vervalt bij de omzetting: alleen de uitkering volgens de "
    "formule.",
    "inkomensgarantie": "Het garantiebedrag wordt vervangen door een persoonlijke toeslag, voor "
    "iedereen die er bruto op achteruit zou gaan, met of zonder garantiebedrag: het bruto "
    "inkomen per dag blijft gelijk aan vandaag, of hoger als de formule meer geeft.",
    "afbouw": "Het garantiebedrag wordt een persoonlijke toeslag zoals bij inkomensgarantie (voor "
    "iedereen die er bruto op achteruit zou gaan), die in gelijke stappen daalt tot nul in het "
    "aantal jaren van afbouw_jaren.",
}
WERKGEVER_VARIANTEN = {
    "geen": "Loonkostensubsidie zoals in de Participatiewet (art. 10d), op het minimumloon.",
    "lks_op_functieloon": "Loonkostensubsidie berekend op het functieloon in plaats van het "
    "minimumloon, met hetzelfde plafond.",
    "compensatie": "Loonkostensubsidie zoals in de Participatiewet; daarnaast krijgt de "
    "werkgever de extra kosten vergeleken met vandaag vergoed, gedurende compensatie_jaren.",
}
MAX_JAREN = 20
# texts quoted in reports and letters: a name fits a heading, a description a paragraph
MAX_TEKST = {"naam": 200, "omschrijving": 2000, "grondslag": 500}
# an ingangsdatum at most this many years after the last known parameters (an assumption of
# this model: later years use the last known values; year 10000 never comes near)
MAX_JAREN_NA_PARAMETERS = 50


class ScenarioFout(ValueError):
    """A scenario file that cannot be used; the message is Dutch and names the key.

    Made with :meth:`maak` it has a stable ``code`` and ``params`` (meldingen.py), like the
    case's messages; the API answers that code. A subclass may still pass only a text (then
    ``code`` is empty)."""

    def __init__(self, melding: str, code: str = "", params: dict[str, str] | None = None):
        super().__init__(melding)
        self.code = code
        self.params = dict(params or {})

    @classmethod
    def maak(cls, code: str, **params: Any) -> ScenarioFout:
        params_ = {k: str(v) for k, v in params.items()}
        return cls(meldingen.tekst(code, params_), code, params_)

    @classmethod
    def waarde(cls, sleutel: str, e: Exception) -> ScenarioFout:
        """A value the reader refused (getallen): its text after the key, its own code kept."""
        return cls.maak(
            "scenario_waarde", sleutel=sleutel, reden=str(e), reden_code=getattr(e, "code", "")
        )


@attrs.frozen
class Drempels:
    """Thresholds of the flags (RULES §7); amounts in cents, fractions in ppm."""

    werknemer_achteruit_bedrag: int = 100  # € 1,00 per month
    werknemer_achteruit_fractie: int = 1_000  # 0,1 %
    buitenproportioneel_fractie: int = 50_000  # 5 % of gross income
    werkgever_achteruit_bedrag: int = 100  # € 1,00 per month
    klasse_gelijk_fractie: int = 1_000  # ±0,1 %: no change
    klasse_sterk_fractie: int = 50_000  # more than 5 %: strong change


@attrs.frozen
class Scenario:
    naam: str = "standaard"
    omschrijving: str = ""
    omzetting: bool = True  # False: today's rules on both sides (the no-op scenario)
    garantiebedrag: str = "behouden"
    werkgever: str = "geen"
    afbouw_jaren: int | None = None  # with garantiebedrag = "afbouw"
    compensatie_jaren: int | None = None  # with werkgever = "compensatie"
    ingangsdatum: dt.date | None = None  # conversion date; None = the case's peildatum
    lks_plafond: int | None = None  # ppm; None = the parameter of the date
    werkgeverslastenvergoeding: int | None = None  # ppm; None = the parameter of the date
    drempels: Drempels = Drempels()
    beschikking: bool = False  # letters: a decision with objection clause (Awb 6:7)?
    grondslag: str = ""  # letters: the legal basis quoted in a beschikking

    def beschrijving(self) -> list[str]:
        if not self.omzetting:
            return [
                "Geen omzetting: ook na de peildatum gelden de regels van vandaag "
                "(loondispensatie). Dit scenario dient als controle: alle verschillen zijn 0."
            ]
        regels = [
            f"Garantiebedrag: {self.garantiebedrag}. "
            f"{GARANTIEBEDRAG_VARIANTEN[self.garantiebedrag]}",
            f"Werkgever: {self.werkgever}. {WERKGEVER_VARIANTEN[self.werkgever]}",
        ]
        if self.afbouw_jaren:
            regels.append(f"Afbouw van de toeslag in {self.afbouw_jaren} jaar.")
        if self.compensatie_jaren:
            regels.append(f"Compensatie voor de werkgever gedurende {self.compensatie_jaren} jaar.")
        return regels

    @property
    def overgangsjaren(self) -> int:
        """Length of the transition path: at least 5 years, longer for a longer phase-out."""
        return max(5, (self.afbouw_jaren or 0) + 1, (self.compensatie_jaren or 0) + 1)

    def toeslag_factor(self, jaar: int) -> tuple[int, int]:
        """Share of the personal supplement paid in year ``jaar`` after conversion (0 = the
        conversion year), as (numerator, denominator): 1 under inkomensgarantie; under afbouw
        equal steps down to 0 after ``afbouw_jaren`` (RULES §6)."""
        if self.garantiebedrag == "afbouw":
            n = self.afbouw_jaren or 1
            return max(n - jaar, 0), n
        return 1, 1

    def compensatie_actief(self, jaar: int) -> bool:
        return self.werkgever == "compensatie" and jaar < (self.compensatie_jaren or 0)


_DREMPEL_SLEUTELS = {
    # key in the file: (attribute, kind)
    "werknemer_achteruit_euro": ("werknemer_achteruit_bedrag", "bedrag"),
    "werknemer_achteruit_fractie": ("werknemer_achteruit_fractie", "fractie"),
    "buitenproportioneel_fractie": ("buitenproportioneel_fractie", "fractie"),
    "werkgever_achteruit_euro": ("werkgever_achteruit_bedrag", "bedrag"),
    "klasse_gelijk_fractie": ("klasse_gelijk_fractie", "fractie"),
    "klasse_sterk_fractie": ("klasse_sterk_fractie", "fractie"),
}
_SLEUTELS = {
    "naam",
    "omschrijving",
    "omzetting",
    "garantiebedrag",
    "werkgever",
    "lks",
    "drempels",
    "afbouw_jaren",
    "compensatie_jaren",
    "ingangsdatum",
    "brief",
}


def _jaren(data: dict[str, Any], sleutel: str, hoort_bij: str, variant: str, gekozen: str):
    if sleutel not in data:
        if gekozen == variant:
            raise ScenarioFout.maak(
                "scenario_jaren_ontbreekt", sleutel=sleutel, hoort_bij=hoort_bij, variant=variant
            )
        return None
    waarde = data[sleutel]
    if gekozen != variant:
        raise ScenarioFout.maak(
            "scenario_jaren_hoort_niet", sleutel=sleutel, hoort_bij=hoort_bij, variant=variant
        )
    if isinstance(waarde, bool) or not isinstance(waarde, int) or not 1 <= waarde <= MAX_JAREN:
        raise ScenarioFout.maak(
            "scenario_jaren_bereik",
            sleutel=sleutel,
            maximum=MAX_JAREN,
            waarde=getallen.toon(repr(str(waarde) if isinstance(waarde, str) else waarde)),
        )
    return waarde


def _tabel(data: dict[str, Any], naam: str, toegestaan: set[str]) -> dict[str, Any]:
    """A sub-table such as [lks]: a table, with only known keys (Dutch error otherwise)."""
    tabel = data.get(naam, {})
    if not isinstance(tabel, dict):
        raise ScenarioFout.maak("scenario_geen_tabel", sleutel=naam)
    onbekend = set(tabel) - toegestaan
    if onbekend:
        raise ScenarioFout.maak(
            "scenario_tabelsleutel_onbekend",
            tabel=naam,
            sleutels=", ".join(sorted(onbekend)),
            toegestaan=", ".join(sorted(toegestaan)),
        )
    return tabel


def _fractie(waarde: Any, sleutel: str, hoogste: str = "1") -> int:
    try:
        x = getallen.geschaald(waarde, getallen.FRACTIE)
    except ValueError as e:
        raise ScenarioFout.waarde(sleutel, e) from None
    if not 0 <= x <= ppm(hoogste):
        raise ScenarioFout.maak(
            "scenario_fractie_bereik",
            sleutel=sleutel,
            hoogste=hoogste.replace(".", ","),
            waarde=getallen.tekst_van_getal(waarde),
        )
    return x


def _tekst(data: dict[str, Any], sleutel: str, leeg_mag: bool = True) -> str:
    """A text key (naam, omschrijving, …): a string, not a number, list or table."""
    waarde = data[sleutel]
    if not isinstance(waarde, str) or isinstance(waarde, getallen.Getaltekst):
        raise ScenarioFout.maak("scenario_geen_tekst", sleutel=sleutel)
    waarde = waarde.strip()
    if not waarde and not leeg_mag:
        raise ScenarioFout.maak("scenario_tekst_leeg", sleutel=sleutel)
    grens = MAX_TEKST.get(sleutel, 200)
    if len(waarde) > grens:
        raise ScenarioFout.maak(
            "scenario_tekst_te_lang", sleutel=sleutel, grens=grens, lengte=len(waarde)
        )
    return waarde


def ingangsdatum_grenzen() -> tuple[dt.date, dt.date]:
    """The conversion dates a scenario may name: from the first date with parameters (and
    their 1 January, which the LKS uses) up to MAX_JAREN_NA_PARAMETERS years after the last
    known parameters; later years use the last known values as an assumption."""
    begin, eind = parameterbron.laad().bekend
    if (begin.month, begin.day) != (1, 1):
        begin = dt.date(begin.year + 1, 1, 1)
    return begin, dt.date(eind.year + MAX_JAREN_NA_PARAMETERS, 12, 31)


def uit_dict(data: dict[str, Any], standaard_naam: str = "standaard") -> Scenario:
    onbekend = set(data) - _SLEUTELS
    if onbekend:
        raise ScenarioFout.maak(
            "scenario_sleutel_onbekend",
            sleutels=", ".join(sorted(onbekend)),
            toegestaan=", ".join(sorted(_SLEUTELS)),
        )
    velden: dict[str, Any] = {
        "naam": _tekst(data, "naam", leeg_mag=False) if "naam" in data else standaard_naam
    }
    if "omschrijving" in data:
        velden["omschrijving"] = _tekst(data, "omschrijving")
    if "omzetting" in data:
        if not isinstance(data["omzetting"], bool):
            raise ScenarioFout.maak("scenario_geen_janee", sleutel="omzetting")
        velden["omzetting"] = data["omzetting"]
    for sleutel, varianten in (
        ("garantiebedrag", GARANTIEBEDRAG_VARIANTEN),
        ("werkgever", WERKGEVER_VARIANTEN),
    ):
        if sleutel in data:
            if not isinstance(data[sleutel], str) or data[sleutel] not in varianten:
                raise ScenarioFout.maak(
                    "scenario_geen_variant",
                    sleutel=sleutel,
                    waarde=data[sleutel],
                    keuzes=", ".join(varianten),
                )
            velden[sleutel] = data[sleutel]
    velden["afbouw_jaren"] = _jaren(
        data, "afbouw_jaren", "garantiebedrag", "afbouw", velden.get("garantiebedrag", "behouden")
    )
    velden["compensatie_jaren"] = _jaren(
        data, "compensatie_jaren", "werkgever", "compensatie", velden.get("werkgever", "geen")
    )
    if "ingangsdatum" in data:
        try:
            waarde = getallen.lees_datum(data["ingangsdatum"])
        except ValueError as e:
            raise ScenarioFout.waarde("ingangsdatum", e) from None
        vroegst, laatst = ingangsdatum_grenzen()
        if not vroegst <= waarde <= laatst:
            raise ScenarioFout.maak(
                "scenario_ingangsdatum_bereik",
                datum=opmaak.datum(waarde),
                begin=opmaak.datum(vroegst),
                eind=opmaak.datum(laatst),
                jaren=MAX_JAREN_NA_PARAMETERS,
            )
        velden["ingangsdatum"] = waarde
    brief = _tabel(data, "brief", {"beschikking", "grondslag"})
    if "beschikking" in brief:
        if not isinstance(brief["beschikking"], bool):
            raise ScenarioFout.maak("scenario_geen_janee", sleutel="brief.beschikking")
        velden["beschikking"] = brief["beschikking"]
        grondslag = brief.get("grondslag", "")
        if brief["beschikking"] and not (isinstance(grondslag, str) and grondslag.strip()):
            raise ScenarioFout.maak("scenario_grondslag_ontbreekt")
    if "grondslag" in brief:
        velden["grondslag"] = _tekst(brief, "grondslag")
    lks = _tabel(data, "lks", {"plafond", "werkgeverslastenvergoeding"})
    if "plafond" in lks:
        velden["lks_plafond"] = _fractie(lks["plafond"], "lks.plafond")
    if "werkgeverslastenvergoeding" in lks:
        velden["werkgeverslastenvergoeding"] = _fractie(
            lks["werkgeverslastenvergoeding"], "lks.werkgeverslastenvergoeding"
        )
    drempels = _tabel(data, "drempels", set(_DREMPEL_SLEUTELS))
    d = {}
    for sleutel, (attribuut, soort) in _DREMPEL_SLEUTELS.items():
        if sleutel in drempels:
            waarde = drempels[sleutel]
            if soort == "bedrag":
                try:
                    d[attribuut] = getallen.geschaald(waarde, getallen.BEDRAG)
                except ValueError as e:
                    raise ScenarioFout.waarde(f"drempels.{sleutel}", e) from None
                if d[attribuut] < 0:
                    raise ScenarioFout.maak("scenario_negatief", sleutel=f"drempels.{sleutel}")
            else:
                d[attribuut] = _fractie(waarde, f"drempels.{sleutel}")
    drempels_ = Drempels(**d)
    if drempels_.klasse_gelijk_fractie >= drempels_.klasse_sterk_fractie:
        raise ScenarioFout.maak("scenario_drempels_volgorde")
    velden["drempels"] = drempels_
    return Scenario(**velden)


def laad(pad: str | Path) -> Scenario:
    pad = Path(pad)
    try:
        tekst = tekstbestand.lees_klein_bestand(pad, "scenariobestand", (".toml",))
    except tekstbestand.Leesfout as e:
        raise ScenarioFout.maak("scenario_bestand", reden=str(e)) from None
    try:
        data = tekstbestand.toml_laden(tekst)
    except tekstbestand.Leesfout as e:
        raise ScenarioFout.maak("scenario_bestand_onleesbaar", pad=pad, reden=str(e)) from None
    return uit_dict(data, standaard_naam=pad.stem)
