"""Dated parameters: TOML data files in this folder, read with ``tomllib``.

Each parameter has an ``omschrijving``, an ``eenheid``, a ``geldig_tot`` (the data is known to be
complete up to that date) and a list of ``waarden``, each with ``vanaf``, ``waarde``, ``bron``
and ``status`` (``geverifieerd`` or ``controleren``), and ``links``: references to the law
(``bronnen.toml``), for the whole parameter and/or per value. A new year is new lines in
these files.

``voor_datum(d)`` gives the values valid on ``d``. A date outside the known data is an error
(:class:`GeenParameters`), never a silent fallback to another year.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

from wajong_conversie import bronnen, opmaak
from wajong_conversie.geld import centen, centiuren, ppm

EENHEDEN_BEDRAG = {"EUR", "EUR/uur", "EUR/maand", "EUR/jaar"}
EENHEDEN = EENHEDEN_BEDRAG | {"fractie", "uren", "jaar", "maanden", "schijven"}
STATUSSEN = {"geverifieerd", "controleren"}


class GeenParameters(Exception):
    """No (complete) parameters for a date."""

    def __init__(self, datum: dt.date, ontbrekend: list[str], bekend: tuple[dt.date, dt.date]):
        self.datum = datum
        self.ontbrekend = ontbrekend
        self.bekend = bekend
        super().__init__(
            f"geen parameters voor {datum.isoformat()} "
            f"(bekend van {bekend[0].isoformat()} tot en met {bekend[1].isoformat()}; "
            f"ontbreekt: {', '.join(ontbrekend)})"
        )


@attrs.frozen
class Schijf:
    """One bracket: from ``vanaf`` (cents per year) ``basis + tarief × (inkomen − vanaf)``."""

    vanaf: int
    tarief: int  # ppm, may be negative (afbouw)
    basis: int = 0


@attrs.frozen
class Parameterwaarde:
    """One value of one parameter, with where it comes from."""

    naam: str
    omschrijving: str
    eenheid: str
    vanaf: dt.date
    waarde: Any  # int (cents, ppm, years, months) or tuple[Schijf, ...]
    tekst: str  # the value as written in the data file, for explanations
    bron: str
    status: str
    links: tuple[str, ...] = ()  # references to the law (bronnen.toml), see ``bron_links``

    @property
    def geverifieerd(self) -> bool:
        return self.status == "geverifieerd"

    def bron_links(self) -> list[bronnen.Link]:
        """The sources as links; a law in the version in force from this value's ``vanaf``."""
        return bronnen.links(self.links, self.vanaf)


@attrs.frozen
class Parameter:
    naam: str
    omschrijving: str
    eenheid: str
    geldig_tot: dt.date
    waarden: tuple[Parameterwaarde, ...]  # sorted by vanaf

    def op(self, datum: dt.date) -> Parameterwaarde | None:
        if datum > self.geldig_tot:
            return None
        gevonden = None
        for w in self.waarden:
            if w.vanaf <= datum:
                gevonden = w
        return gevonden


def _lees_waarde(eenheid: str, ruw: Any, waar: str) -> tuple[Any, str]:
    try:
        if eenheid in EENHEDEN_BEDRAG:
            return centen(ruw), str(ruw)
        if eenheid == "fractie":
            return ppm(ruw), str(ruw)
        if eenheid == "uren":  # hundredths of an hour, as the case's hours
            return centiuren(ruw), str(ruw)
        if eenheid in ("jaar", "maanden"):
            return int(str(ruw)), str(ruw)
        if eenheid == "schijven":
            schijven = tuple(
                Schijf(
                    vanaf=centen(s["vanaf"]),
                    tarief=ppm(s["tarief"]),
                    basis=centen(s.get("basis", "0")),
                )
                for s in ruw
            )
            if [s.vanaf for s in schijven] != sorted({s.vanaf for s in schijven}):
                raise ValueError("schijven moeten oplopen")
            if schijven[0].vanaf != 0:
                raise ValueError("eerste schijf moet bij 0 beginnen")
            tekst = "; ".join(
                f"vanaf {s['vanaf']}: "
                + (f"{s['basis']} + " if "basis" in s else "")
                + f"{s['tarief']}"
                for s in ruw
            )
            return schijven, tekst
    except (ValueError, KeyError, TypeError) as e:
        raise ValueError(f"parameterbestand, {waar}: ongeldige waarde {ruw!r}: {e}") from None
    raise ValueError(f"parameterbestand, {waar}: onbekende eenheid {eenheid!r}")


def _lees_parameter(naam: str, data: dict, bestand: str) -> Parameter:
    waar = f"{bestand} [{naam}]"
    eenheid = data["eenheid"]
    if eenheid not in EENHEDEN:
        raise ValueError(f"{waar}: onbekende eenheid {eenheid!r}")
    waarden = []
    for w in data["waarden"]:
        if w["status"] not in STATUSSEN:
            raise ValueError(f"{waar}: status moet een van {sorted(STATUSSEN)} zijn")
        waarde, tekst = _lees_waarde(eenheid, w["waarde"], waar)
        links = (*data.get("links", ()), *w.get("links", ()))
        try:
            bronnen.links(links)
        except ValueError as e:
            raise ValueError(f"{waar}: {e}") from None
        waarden.append(
            Parameterwaarde(
                naam=naam,
                omschrijving=data["omschrijving"],
                eenheid=eenheid,
                vanaf=w["vanaf"],
                waarde=waarde,
                tekst=tekst,
                bron=w["bron"],
                status=w["status"],
                links=tuple(links),
            )
        )
    vanafs = [w.vanaf for w in waarden]
    if vanafs != sorted(set(vanafs)):
        raise ValueError(f"{waar}: 'vanaf'-datums moeten uniek zijn en oplopen")
    if data["geldig_tot"] < vanafs[-1]:
        raise ValueError(f"{waar}: geldig_tot ligt voor de laatste waarde")
    return Parameter(naam, data["omschrijving"], eenheid, data["geldig_tot"], tuple(waarden))


@attrs.frozen
class Parameterbron:
    """All parameters from the data files."""

    parameters: dict[str, Parameter]

    @property
    def bekend(self) -> tuple[dt.date, dt.date]:
        """The dates for which every parameter has a value."""
        begin = max(p.waarden[0].vanaf for p in self.parameters.values())
        eind = min(p.geldig_tot for p in self.parameters.values())
        return begin, eind

    def voor_datum(self, datum: dt.date, aanname: bool = False) -> Parameters:
        """The values valid on ``datum``. With ``aanname=True`` a date after the known data
        gets the last known values, marked as an assumption (for the transition path only)."""
        eind = self.bekend[1]
        if aanname and datum > eind:
            p = self.voor_datum(eind)
            return Parameters(
                datum,
                p.waarden,
                aanname=f"Voor {datum.year} zijn nog geen parameters bekend; de waarden die "
                f"gelden op {opmaak.datum(eind)} zijn gebruikt (aanname).",
            )
        waarden = {}
        ontbrekend = []
        for naam, p in self.parameters.items():
            w = p.op(datum)
            if w is None:
                ontbrekend.append(naam)
            else:
                waarden[naam] = w
        if ontbrekend:
            raise GeenParameters(datum, ontbrekend, self.bekend)
        return Parameters(datum, waarden)


@attrs.define
class Parameters:
    """The parameter values valid on one date. ``p.wml_uur_21`` gives the plain value.

    Every value read through attribute access is remembered in ``gebruikt``, so a
    calculation can name exactly the values it used (and warn about unverified ones).
    """

    datum: dt.date
    waarden: dict[str, Parameterwaarde]
    aanname: str | None = None  # set when the values are the last known ones, not the date's
    gebruikt: dict[str, Parameterwaarde] = attrs.field(factory=dict)

    def __getattr__(self, naam: str) -> Any:
        # only called for names that are not attributes of the class
        try:
            w = self.waarden[naam]
        except KeyError:
            raise AttributeError(naam) from None
        self.gebruikt[naam] = w
        return w.waarde

    def onbevestigd(self) -> list[Parameterwaarde]:
        return [w for w in self.gebruikt.values() if not w.geverifieerd]


@lru_cache(maxsize=1)
def laad() -> Parameterbron:
    """Read every ``*.toml`` in this package folder (cached)."""
    parameters: dict[str, Parameter] = {}
    for bestand in sorted(resources.files(__package__).iterdir(), key=lambda f: f.name):
        if not bestand.name.endswith(".toml"):
            continue
        data = tomllib.loads(bestand.read_text(encoding="utf-8"))
        for naam, inhoud in data.items():
            if naam in parameters:
                raise ValueError(f"parameter {naam} staat in meer dan één bestand")
            parameters[naam] = _lees_parameter(naam, inhoud, bestand.name)
    return Parameterbron(parameters)


@lru_cache(maxsize=256)
def _voor_datum_cached(datum: dt.date, aanname: bool) -> Parameters:
    return laad().voor_datum(datum, aanname)


def voor_datum(datum: dt.date, aanname: bool = False) -> Parameters:
    """Fresh :class:`Parameters` for ``datum`` (its own ``gebruikt`` record)."""
    p = _voor_datum_cached(datum, aanname)
    return Parameters(p.datum, p.waarden, p.aanname)
