"""Reading and checking cases, with Dutch messages that name the field and the allowed range.

Two steps, both shared by ``bereken`` and the cohort run:
1. :func:`lees_geval` turns one record (JSON/TOML object, CSV row) into a typed :class:`Geval`,
   or reports every field it cannot read (missing, not a number, not a date, unknown value);
2. :func:`controleer` checks the ranges of RULES §1 on the columns of a whole batch at once
   and returns the problems per row.
A missing required field is an error, never a default. Messages never contain a name or BSN.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs
import numpy as np

from wajong_conversie import opmaak
from wajong_conversie import parameters as parameterbron
from wajong_conversie.geld import PPM, centen, centiuren, ppm
from wajong_conversie.model import (
    LOONBASES,
    REGIMES,
    WAJONG2015,
    Geval,
    Invoer,
    leeftijd_in_maanden,
)
from wajong_conversie.wajong import wml_uur as _wml_uur

VERPLICHT = (
    "peildatum",
    "geboortedatum",
    "regime",
    "arbeidsvermogen",
    "uren_per_week",
    "functieloon_per_uur",
    "loonwaarde",
    "garantiebedrag_per_maand",
)
OPTIONEEL = {  # RULES §1 gives these defaults
    "voltijd_uren_per_week": Decimal("38"),
    "overige_inkomsten_per_maand": Decimal("0"),
    "werkgeverslasten_percentage": Decimal("0.235"),
    "loondispensatie_uitzondering": False,
    "loondispensatie_loonbasis": "functieloon",  # RULES §1 and §3.2
}
VELDEN = VERPLICHT + tuple(OPTIONEEL)
# For letters (never used in the calculation, never in a message or a log):
BRIEFVELDEN = (
    "naam",
    "straat",
    "postcode",
    "woonplaats",
    "bsn",
    "werkgever_id",
    "werkgever_naam",
    "werkgever_straat",
    "werkgever_postcode",
    "werkgever_plaats",
)

# Plausibility bounds of this project (not in the law), also keeping int64 arithmetic safe.
MAX_UREN = Decimal("60")
MAX_VOLTIJD = Decimal("48")
MAX_FUNCTIELOON = Decimal("250")
MAX_OVERIGE = Decimal("20000")
MAX_WERKGEVERSLASTEN = Decimal("0.5")

JA = {"true", "ja", "j", "1", "waar", "yes"}
NEE = {"false", "nee", "n", "0", "onwaar", "no"}


@attrs.frozen
class Fout:
    veld: str
    melding: str  # Dutch; never contains personal data

    def __str__(self) -> str:
        return f"{self.veld}: {self.melding}"


class Invoerfout(ValueError):
    """One case that cannot be computed; ``fouten`` names every field and reason."""

    def __init__(self, fouten: list[Fout]):
        self.fouten = fouten
        super().__init__("; ".join(str(f) for f in fouten))


def _leeg(waarde: Any) -> bool:
    return waarde is None or (isinstance(waarde, str) and waarde.strip() == "")


def lees_datum(waarde: Any) -> dt.date:
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    try:
        return dt.date.fromisoformat(str(waarde).strip())
    except ValueError:
        raise ValueError(f"'{waarde}' is geen datum; schrijf die als JJJJ-MM-DD") from None


def lees_getal(waarde: Any) -> Decimal:
    """A number, also with a Dutch decimal comma ('14,71'); never through float."""
    if isinstance(waarde, bool):
        raise ValueError("verwacht een getal, niet ja/nee")
    if isinstance(waarde, float):
        waarde = repr(waarde)  # shortest exact text of what the file said (TOML floats)
    tekst = str(waarde).strip().replace("\u00a0", "").replace(" ", "")
    if "," in tekst:
        if "." in tekst:
            raise ValueError(f"'{waarde}' is geen getal (gebruik één decimaalteken)")
        tekst = tekst.replace(",", ".")
    try:
        d = Decimal(tekst)
    except InvalidOperation:
        raise ValueError(f"'{waarde}' is geen getal") from None
    if not d.is_finite():
        raise ValueError(f"'{waarde}' is geen getal")
    return d


def lees_janee(waarde: Any) -> bool:
    if isinstance(waarde, bool):
        return waarde
    tekst = str(waarde).strip().lower()
    if tekst in JA:
        return True
    if tekst in NEE:
        return False
    raise ValueError(f"'{waarde}' is geen ja/nee-waarde; gebruik true of false")


def onbekende_keuze(waarde: Any, toegestaan: tuple[str, ...]) -> str:
    """The message for a value outside a fixed list (the same in bereken, cohort and web)."""
    return f"'{waarde}' is onbekend; toegestaan: {', '.join(toegestaan)}"


def _keuze(toegestaan: tuple[str, ...]):
    def lees(waarde: Any) -> str:
        tekst = str(waarde).strip().lower()
        if tekst not in toegestaan:
            raise ValueError(onbekende_keuze(waarde, toegestaan))
        return tekst

    return lees


lees_regime = _keuze(REGIMES)
lees_loonbasis = _keuze(LOONBASES)


def _decimalen(omzetter, wat: str):
    def lees(waarde: Any) -> Decimal:
        d = lees_getal(waarde)
        if abs(d) >= 10**9:
            raise ValueError(f"'{waarde}' is te groot")
        try:
            omzetter(d)
        except ValueError:
            raise ValueError(f"'{waarde}' heeft te veel decimalen voor {wat}") from None
        return d

    return lees


LEZERS = {
    "peildatum": lees_datum,
    "geboortedatum": lees_datum,
    "regime": lees_regime,
    "arbeidsvermogen": lees_janee,
    "uren_per_week": _decimalen(centiuren, "uren (hoogstens 2)"),
    "voltijd_uren_per_week": _decimalen(centiuren, "uren (hoogstens 2)"),
    "functieloon_per_uur": _decimalen(centen, "een bedrag (hoogstens 2)"),
    "loonwaarde": _decimalen(ppm, "een fractie (hoogstens 6)"),
    "garantiebedrag_per_maand": _decimalen(centen, "een bedrag (hoogstens 2)"),
    "overige_inkomsten_per_maand": _decimalen(centen, "een bedrag (hoogstens 2)"),
    "werkgeverslasten_percentage": _decimalen(ppm, "een fractie (hoogstens 6)"),
    "loondispensatie_uitzondering": lees_janee,
    "loondispensatie_loonbasis": lees_loonbasis,
}


def lees_geval(data: Mapping[str, Any], extra: frozenset[str] = frozenset({"id"})) -> Geval:
    """One record → :class:`Geval`, or :class:`Invoerfout` listing every unreadable field."""
    fouten: list[Fout] = []
    onbekend = sorted(set(data) - set(VELDEN) - extra)
    for veld in onbekend:
        fouten.append(Fout(veld, "onbekend veld; controleer de spelling"))
    waarden: dict[str, Any] = {}
    for veld in VELDEN:
        ruw = data.get(veld)
        if _leeg(ruw):
            if veld in OPTIONEEL:
                continue
            fouten.append(Fout(veld, "ontbreekt; dit veld is verplicht"))
            continue
        try:
            waarden[veld] = LEZERS[veld](ruw)
        except ValueError as e:
            fouten.append(Fout(veld, str(e)))
    if fouten:
        raise Invoerfout(fouten)
    if "id" in data and not _leeg(data["id"]):
        waarden["id"] = str(data["id"]).strip()
    return Geval(**waarden)


# --- range checks on columns ----------------------------------------------------------------


def _bedrag(d: Decimal) -> str:
    return opmaak.bedrag(centen(d))


def controleer(inv: Invoer) -> dict[int, list[Fout]]:
    """Check RULES §1 on a batch; returns {row index: problems} for the rows that fail."""
    n = len(inv)
    fouten: dict[int, list[Fout]] = {}

    def meld(masker: np.ndarray, veld: str, melding) -> None:
        for i in np.flatnonzero(masker):
            tekst = melding(int(i)) if callable(melding) else melding
            fouten.setdefault(int(i), []).append(Fout(veld, tekst))

    # peildatum: parameters must exist (per distinct date)
    wml_uur = np.zeros(n, dtype=np.int64)
    wml_maand = np.zeros(n, dtype=np.int64)
    aow_maanden = np.zeros(n, dtype=np.int64)
    min_leeftijd = np.zeros(n, dtype=np.int64)
    volwassen = np.zeros(n, dtype=np.int64)
    heeft_parameters = np.zeros(n, dtype=bool)
    maanden = leeftijd_in_maanden(inv.geboortedatum, inv.peildatum)
    leeftijd = maanden // 12
    bron = parameterbron.laad()
    begin, eind = bron.bekend
    for datum in np.unique(inv.peildatum):
        d = datum.astype(dt.date)
        rijen = inv.peildatum == datum
        try:
            p = parameterbron.voor_datum(d)
            parameterbron.voor_datum(dt.date(d.year, 1, 1))
        except parameterbron.GeenParameters:
            meld(
                rijen,
                "peildatum",
                f"voor {opmaak.datum(d)} zijn geen parameters bekend; toegestaan: "
                f"{opmaak.datum(begin)} tot en met {opmaak.datum(eind)}",
            )
            continue
        heeft_parameters |= rijen
        geldig_leeftijd = np.clip(leeftijd[rijen], p.minimumleeftijd, None)
        wml_uur[rijen] = _wml_uur(geldig_leeftijd, p)
        wml_maand[rijen] = p.wml_maand_21
        aow_maanden[rijen] = p.aow_leeftijd_maanden
        min_leeftijd[rijen] = p.minimumleeftijd
        volwassen[rijen] = p.volwassen_wml_leeftijd

    te_jong = heeft_parameters & (leeftijd < min_leeftijd)
    te_oud = heeft_parameters & (maanden >= aow_maanden)
    meld(
        te_jong | te_oud,
        "geboortedatum",
        lambda i: (
            f"de werknemer is op de peildatum {int(leeftijd[i])} jaar; toegestaan: van "
            f"{int(min_leeftijd[i])} jaar tot de AOW-leeftijd "
            f"({opmaak.getal(Decimal(int(aow_maanden[i])) / 12)} jaar)"
        ),
    )

    dga = ~inv.arbeidsvermogen
    meld(
        (inv.regime == WAJONG2015) & inv.arbeidsvermogen,
        "arbeidsvermogen",
        "Wajong 2015 geldt alleen bij duurzaam geen arbeidsvermogen; vul false in",
    )
    meld(
        dga & ~inv.uitzondering,
        "loondispensatie_uitzondering",
        "loondispensatie kan alleen bij arbeidsvermogen (Wajong art. 2:20 en "
        "3:63); zet dit veld op true als een uitzondering geldt (loondispensatie van vóór 2018 "
        "of het experiment tot 2028)",
    )

    max_uren = centiuren(MAX_UREN)
    meld(
        (inv.uren <= 0) | (inv.uren > max_uren),
        "uren_per_week",
        lambda i: (
            f"{opmaak.uren(inv.uren[i])} uur kan niet; toegestaan: meer dan 0 en ten "
            f"hoogste {opmaak.getal(MAX_UREN)} uur per week"
        ),
    )
    max_voltijd = centiuren(MAX_VOLTIJD)
    meld(
        (inv.voltijd <= 0) | (inv.voltijd > max_voltijd),
        "voltijd_uren_per_week",
        lambda i: (
            f"{opmaak.uren(inv.voltijd[i])} uur kan niet; toegestaan: meer dan 0 en ten "
            f"hoogste {opmaak.getal(MAX_VOLTIJD)} uur per week"
        ),
    )

    max_loon = centen(MAX_FUNCTIELOON)
    te_laag = heeft_parameters & (inv.functieloon < wml_uur)
    meld(
        te_laag | (inv.functieloon > max_loon),
        "functieloon_per_uur",
        lambda i: (
            f"{opmaak.bedrag(inv.functieloon[i])} per uur kan niet; toegestaan: ten minste "
            f"het minimumloon voor deze leeftijd ({opmaak.bedrag(wml_uur[i])}) en ten hoogste "
            f"{_bedrag(MAX_FUNCTIELOON)}"
            if heeft_parameters[i]
            else f"{opmaak.bedrag(inv.functieloon[i])} per uur is meer dan "
            f"{_bedrag(MAX_FUNCTIELOON)}"
        ),
    )

    lw_max = ppm("0.75")
    meld(
        (inv.loonwaarde <= 0) | (inv.loonwaarde > lw_max),
        "loonwaarde",
        lambda i: (
            f"{opmaak.getal(Decimal(int(inv.loonwaarde[i])) / PPM)} kan niet; toegestaan: "
            "meer dan 0 en ten hoogste 0,75 (75%, Besluit loondispensatie Wajong art. 1)"
        ),
    )

    gb = inv.garantiebedrag
    meld(
        gb < 0, "garantiebedrag_per_maand", "mag niet negatief zijn; 0 betekent geen garantiebedrag"
    )
    meld(
        (gb > 0) & (inv.regime == WAJONG2015),
        "garantiebedrag_per_maand",
        "een garantiebedrag bestaat alleen in de oude Wajong en de Wajong 2010 (Wajong art. 8:8 "
        "lid 1); vul 0 in",
    )
    meld(
        heeft_parameters & (gb > wml_maand),
        "garantiebedrag_per_maand",
        lambda i: (
            f"{opmaak.bedrag(gb[i])} is meer dan het minimumloon per maand "
            f"({opmaak.bedrag(wml_maand[i])}); toegestaan: 0 tot en met dat bedrag"
        ),
    )

    meld(
        (inv.overige < 0) | (inv.overige > centen(MAX_OVERIGE)),
        "overige_inkomsten_per_maand",
        f"toegestaan: 0 tot en met {_bedrag(MAX_OVERIGE)} per maand",
    )
    meld(
        (inv.werkgeverslasten < 0) | (inv.werkgeverslasten > ppm(MAX_WERKGEVERSLASTEN)),
        "werkgeverslasten_percentage",
        "toegestaan: 0 tot en met 0,5 (50%)",
    )
    return fouten


# Which fields each range check of :func:`controleer` depends on: when one of them could not
# be read, that check says nothing (its answer would rest on a stand-in value).
_HANGT_AF_VAN = {
    "peildatum": ("peildatum",),
    "geboortedatum": ("geboortedatum", "peildatum"),
    "arbeidsvermogen": ("arbeidsvermogen", "regime"),
    "loondispensatie_uitzondering": ("arbeidsvermogen", "loondispensatie_uitzondering", "regime"),
    "functieloon_per_uur": ("functieloon_per_uur", "peildatum", "geboortedatum"),
    "garantiebedrag_per_maand": ("garantiebedrag_per_maand", "regime", "peildatum"),
}
_INVULLING = {  # stand-ins for unreadable fields, only to run the other range checks
    "peildatum": "2026-03-01",
    "geboortedatum": "1990-01-01",
    "regime": "wajong2010",
    "arbeidsvermogen": True,
    "uren_per_week": "24",
    "functieloon_per_uur": "100",
    "loonwaarde": "0.5",
    "garantiebedrag_per_maand": "0",
}


def lees_en_controleer(
    data: Mapping[str, Any], extra: frozenset[str] = frozenset({"id"})
) -> tuple[Geval, Invoer]:
    """One case from a record, fully checked; raises :class:`Invoerfout` with every problem
    it can find at once: unreadable fields and the range checks on the readable ones."""
    try:
        geval = lees_geval(data, extra)
    except Invoerfout as e:
        onleesbaar = {f.veld for f in e.fouten}
        aangevuld = {
            **{k: v for k, v in data.items() if k not in onleesbaar},
            **{k: v for k, v in _INVULLING.items() if k in onleesbaar},
        }
        try:
            bereik = controleer(Invoer.uit_gevallen([lees_geval(aangevuld, extra)]))
        except Invoerfout:  # an unknown field or another problem: report what we have
            raise e from None
        extra_fouten = [
            f
            for f in bereik.get(0, [])
            if f.veld not in onleesbaar
            and not onleesbaar & set(_HANGT_AF_VAN.get(f.veld, (f.veld,)))
        ]
        raise Invoerfout(e.fouten + extra_fouten) from None
    try:
        invoer = Invoer.uit_gevallen([geval])
    except (ValueError, OverflowError) as e:  # cannot happen after lees_geval; kept safe
        raise Invoerfout([Fout("invoer", str(e))]) from None
    fouten = controleer(invoer)
    if fouten:
        raise Invoerfout(fouten[0])
    return geval, invoer
