"""Links to the law: short references ("wajong 2:40", "kst 34352-281") become links to
wetten.overheid.nl (BWB id, version date, article: a Juriconnect reference the site resolves
to the article) and zoek.officielebekendmakingen.nl.

The references and the BWB ids are data (``bronnen.toml``); the templates only show what this
module gives them. Which version date a link uses is documented in that file.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs

HOSTS = ("wetten.overheid.nl", "zoek.officielebekendmakingen.nl")
_KST = re.compile(r"kst (\d+)-(\d+)")
_STCRT = re.compile(r"stcrt (\d{4})-(\d+)")
_ARTIKEL = re.compile(r"[0-9]+[a-z]?(?:[:.][0-9]+[a-z]?)?")


@attrs.frozen
class Link:
    tekst: str  # readable Dutch text, e.g. "Wajong art. 2:40"
    url: str

    def als_dict(self) -> dict[str, str]:
        return {"tekst": self.tekst, "url": self.url}


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    return tomllib.loads(
        resources.files(__package__).joinpath("bronnen.toml").read_text(encoding="utf-8")
    )


def consolidatiedatum() -> dt.date:
    return data()["instellingen"]["consolidatiedatum"]


def _dossier(nummer: str) -> str:
    """34352 → "34 352" as Kamerstukken are cited."""
    return f"{nummer[:-3]} {nummer[-3:]}" if len(nummer) > 3 else nummer


def link(verwijzing: str, datum: dt.date | None = None) -> Link:
    """One reference as a link; ``datum`` is the version date of a law (default: the fixed
    consolidation date). An unknown or malformed reference is a ValueError."""
    inst = data()["instellingen"]
    if m := _KST.fullmatch(verwijzing):
        dossier, nummer = m.groups()
        return Link(
            f"Kamerstuk {_dossier(dossier)}, nr. {nummer}",
            inst["kamerstuk"].format(dossier=dossier, nummer=nummer),
        )
    if m := _STCRT.fullmatch(verwijzing):
        jaar, nummer = m.groups()
        return Link(
            f"Stcrt. {jaar}, {nummer}", inst["staatscourant"].format(jaar=jaar, nummer=nummer)
        )
    sleutel, _, artikel = verwijzing.partition(" ")
    regeling = data()["regelingen"].get(sleutel)
    if regeling is None:
        raise ValueError(f"onbekende bron {verwijzing!r}: {sleutel!r} staat niet in bronnen.toml")
    dag = (datum or consolidatiedatum()).isoformat()
    if not artikel:
        return Link(regeling["kort"], inst["wetten"].format(bwb=regeling["bwb"], datum=dag))
    if not _ARTIKEL.fullmatch(artikel):
        raise ValueError(f"bron {verwijzing!r}: artikelnummer {artikel!r} is niet geldig")
    return Link(
        f"{regeling['kort']} art. {artikel}",
        inst["artikel"].format(bwb=regeling["bwb"], artikel=artikel, datum=dag),
    )


def links(verwijzingen, datum: dt.date | None = None) -> list[Link]:
    return [link(v, datum) for v in verwijzingen]


def voor_grootheid(naam: str, datum: dt.date | None = None) -> list[Link]:
    return links(data()["grootheden"].get(naam, ()), datum)


def voor_signaal(code: str, datum: dt.date | None = None) -> list[Link]:
    return links(data()["signalen"].get(code, ()), datum)


def als_dicts(lijst: list[Link]) -> list[dict[str, str]]:
    return [x.als_dict() for x in lijst]


def regelingen(datum: dt.date | None = None) -> list[dict[str, str]]:
    """Every law and regeling in the data, with its BWB id and a link to the whole text."""
    return [
        {
            "sleutel": k,
            "titel": r["titel"],
            "kort": r["kort"],
            "bwb": r["bwb"],
            "url": link(k, datum).url,
        }
        for k, r in data()["regelingen"].items()
    ]


def publicaties() -> list[dict[str, str]]:
    """The Kamerstukken and Staatscourant publications in the data, with their links."""
    uit = []
    for verwijzing, titel in data()["publicaties"].items():
        x = link(verwijzing)
        uit.append({"verwijzing": verwijzing, "tekst": x.tekst, "titel": titel, "url": x.url})
    return uit
