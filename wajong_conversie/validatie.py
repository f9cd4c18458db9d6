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
import functools
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import attrs
import numpy as np

from wajong_conversie import getallen, meldingen, opmaak
from wajong_conversie import parameters as parameterbron
from wajong_conversie.geld import PPM, centen, centiuren, ppm
from wajong_conversie.model import (
    HUISHOUDVELDEN,
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
VELDEN = VERPLICHT + tuple(OPTIONEEL) + HUISHOUDVELDEN
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
# household (issue 11): plausibility bounds of this project, not in the law
MAX_PARTNER_INKOMEN = Decimal("1000000")
MAX_HUUR = Decimal("5000")
MAX_VERMOGEN = Decimal("100000000")
MAX_PENSIOEN_PERCENTAGE = Decimal("0.5")
MAX_FRANCHISE = Decimal("100000")
MAX_KINDEREN = 20
# Contract hours at most 1,5 × the employer's full-time week. RULES §1 allows more hours than
# full time (the LKS caps them, §4), but not without bound: 1,5 × the typical full-time weeks
# of RULES §1 (30–40 hours) is 45–60 hours, the range the Arbeidstijdenwet allows (art. 5:7:
# at most 60 hours in a week, 48 on average over 16 weeks). 48 hours with a 20-hour full-time
# week (probably swapped or mistyped fields) is refused; 40 with the default 38 passes.
MAX_UREN_BOVEN_VOLTIJD = Decimal("1.5")
JA, NEE = getallen.JA, getallen.NEE


@attrs.frozen
class Fout:
    """One problem with one field. ``code`` and ``params`` are stable (meldingen.py); the
    text ``melding`` is rendered from them (file wording), or given as is where a message has
    no code yet (``code`` empty)."""

    veld: str
    melding: str  # Dutch; never contains personal data
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return f"{self.veld}: {self.melding}"

    @classmethod
    def maak(cls, veld: str, code: str, **params: Any) -> Fout:
        params_ = {k: str(v) for k, v in params.items()}
        return cls(veld, meldingen.tekst(code, params_), code, tuple(params_.items()))

    @classmethod
    def van(cls, veld: str, e: Exception) -> Fout:
        """From a reading error: its code and parameters when it has them."""
        if isinstance(e, meldingen.Melding):
            return cls(veld, str(e), e.code, tuple(e.params.items()))
        return cls(veld, str(e))

    def tekst(self, formulier: bool = False) -> str:
        """The text, in the words of the web form with ``formulier``."""
        if not self.code:
            return self.melding
        return meldingen.tekst(self.code, dict(self.params), formulier)


class Invoerfout(ValueError):
    """One case that cannot be computed; ``fouten`` names every field and reason."""

    def __init__(self, fouten: list[Fout]):
        self.fouten = fouten
        super().__init__("; ".join(str(f) for f in fouten))


def _leeg(waarde: Any) -> bool:
    return waarde is None or (isinstance(waarde, str) and waarde.strip(getallen.RAND) == "")


def _lezer(soort: getallen.Soort):
    def lees(waarde: Any) -> Decimal:
        return getallen.lees_getal(waarde, soort)

    return lees


lees_datum = getallen.lees_datum
lees_janee = getallen.lees_janee


def lees_regime(waarde: Any) -> str:
    return getallen.lees_keuze(waarde, REGIMES)


def lees_loonbasis(waarde: Any) -> str:
    return getallen.lees_keuze(waarde, LOONBASES)


def lees_kinderen(waarde: Any) -> tuple[dt.date, ...]:
    """Dates of birth: a list of dates, or one text with the dates separated by ``;``."""
    if isinstance(waarde, str):
        delen = [d for d in waarde.split(";")]
        if any(_leeg(d) for d in delen):
            raise ValueError(
                "een lege datum in de lijst; schrijf de geboortedata als JJJJ-MM-DD, "
                "gescheiden door ; (bijvoorbeeld 2015-04-01;2018-09-30)"
            )
    elif isinstance(waarde, list | tuple):
        delen = list(waarde)
    else:
        raise ValueError(
            "schrijf de geboortedata van de kinderen als lijst van datums (JJJJ-MM-DD) of als "
            "tekst gescheiden door ; (bijvoorbeeld 2015-04-01;2018-09-30)"
        )
    if len(delen) > MAX_KINDEREN:
        raise ValueError(f"meer dan {MAX_KINDEREN} kinderen kan niet")
    return tuple(getallen.lees_datum(d) for d in delen)


LEZERS = {
    "peildatum": lees_datum,
    "geboortedatum": lees_datum,
    "regime": lees_regime,
    "arbeidsvermogen": lees_janee,
    **{veld: _lezer(soort) for veld, soort in getallen.VELDSOORT.items()},
    "loondispensatie_uitzondering": lees_janee,
    "loondispensatie_loonbasis": lees_loonbasis,
    "toeslagpartner": lees_janee,
    "kinderen": lees_kinderen,
}


def lees_geval(data: Mapping[str, Any], extra: frozenset[str] = frozenset({"id"})) -> Geval:
    """One record → :class:`Geval`, or :class:`Invoerfout` listing every unreadable field."""
    fouten: list[Fout] = []
    onbekend = sorted(set(data) - set(VELDEN) - extra)
    for veld in onbekend:
        fouten.append(Fout.maak(veld, "veld_onbekend"))
    waarden: dict[str, Any] = {}
    for veld in VELDEN:
        ruw = data.get(veld)
        if _leeg(ruw) and not (veld == "kinderen" and ruw == []):
            if veld in OPTIONEEL or veld in HUISHOUDVELDEN:
                continue
            fouten.append(Fout.maak(veld, "verplicht"))
            continue
        try:
            waarden[veld] = LEZERS[veld](ruw)
        except ValueError as e:
            fouten.append(Fout.van(veld, e))
    if "id" in data:
        try:
            waarden["id"] = getallen.lees_id(data["id"])
        except ValueError as e:
            fouten.append(Fout.van("id", e))
    peildatum = waarden.get("peildatum")
    if peildatum is not None and any(k > peildatum for k in waarden.get("kinderen", ())):
        fouten.append(Fout.maak("kinderen", "kind_na_peildatum"))
    if "partner_inkomen_per_jaar" in waarden and not waarden.get("toeslagpartner"):
        fouten.append(Fout.maak("partner_inkomen_per_jaar", "partner_zonder_toeslagpartner"))
    if fouten:
        raise Invoerfout(fouten)
    if waarden.get("id") is None:
        waarden.pop("id", None)
    return Geval(**waarden)


# --- range checks on columns ----------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _bedrag(d: Decimal) -> str:
    """A limit as text for a message (the limits are constants: formatted once, not once a
    batch even when no row breaks them)."""
    return opmaak.bedrag(centen(d))


def controleer(inv: Invoer) -> dict[int, list[Fout]]:
    """Check RULES §1 on a batch; returns {row index: problems} for the rows that fail."""
    n = len(inv)
    fouten: dict[int, list[Fout]] = {}

    def meld(masker: np.ndarray, veld: str, code: str, params=None) -> None:
        """``params``: a dict, or a function of the row index giving (code, dict)."""
        for i in np.flatnonzero(masker):
            c, p = params(int(i)) if callable(params) else (code, params or {})
            fouten.setdefault(int(i), []).append(Fout.maak(veld, c, **p))

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
                "geen_parameters",
                {
                    "datum": opmaak.datum(d),
                    "begin": opmaak.datum(begin),
                    "eind": opmaak.datum(eind),
                },
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
        "leeftijd_bereik",
        lambda i: (
            "leeftijd_bereik",
            {
                "leeftijd": int(leeftijd[i]),
                "minimum": int(min_leeftijd[i]),
                "aow": opmaak.getal(Decimal(int(aow_maanden[i])) / 12),
            },
        ),
    )

    dga = ~inv.arbeidsvermogen
    meld(
        (inv.regime == WAJONG2015) & inv.arbeidsvermogen,
        "arbeidsvermogen",
        "wajong2015_arbeidsvermogen",
    )
    meld(
        dga & ~inv.uitzondering,
        "loondispensatie_uitzondering",
        "uitzondering_nodig",
    )

    max_uren = centiuren(MAX_UREN)
    meld(
        (inv.uren <= 0) | (inv.uren > max_uren),
        "uren_per_week",
        "uren_bereik",
        lambda i: (
            "uren_bereik",
            {"uren": opmaak.uren(inv.uren[i]), "maximum": opmaak.getal(MAX_UREN)},
        ),
    )
    # far more contract hours than the full-time week is implausible (MAX_UREN_BOVEN_VOLTIJD)
    boven = ppm(MAX_UREN_BOVEN_VOLTIJD)
    meld(
        (inv.uren > 0) & (inv.voltijd > 0) & (inv.uren * PPM > inv.voltijd * boven),
        "uren_per_week",
        "uren_boven_voltijd",
        lambda i: (
            "uren_boven_voltijd",
            {
                "uren": opmaak.uren(inv.uren[i]),
                "voltijd": opmaak.uren(inv.voltijd[i]),
                "factor": opmaak.getal(MAX_UREN_BOVEN_VOLTIJD),
                "grens": opmaak.uren(inv.voltijd[i] * boven // PPM),
            },
        ),
    )
    max_voltijd = centiuren(MAX_VOLTIJD)
    meld(
        (inv.voltijd <= 0) | (inv.voltijd > max_voltijd),
        "voltijd_uren_per_week",
        "uren_bereik",
        lambda i: (
            "uren_bereik",
            {"uren": opmaak.uren(inv.voltijd[i]), "maximum": opmaak.getal(MAX_VOLTIJD)},
        ),
    )

    max_loon = centen(MAX_FUNCTIELOON)
    te_laag = heeft_parameters & (inv.functieloon < wml_uur)
    meld(
        te_laag | (inv.functieloon > max_loon),
        "functieloon_per_uur",
        "functieloon_bereik",
        lambda i: (
            (
                "functieloon_bereik",
                {
                    "loon": opmaak.bedrag(inv.functieloon[i]),
                    "wml": opmaak.bedrag(wml_uur[i]),
                    "maximum": _bedrag(MAX_FUNCTIELOON),
                },
            )
            if heeft_parameters[i]
            else (
                "functieloon_te_hoog",
                {"loon": opmaak.bedrag(inv.functieloon[i]), "maximum": _bedrag(MAX_FUNCTIELOON)},
            )
        ),
    )

    lw_max = ppm("0.75")
    meld(
        (inv.loonwaarde <= 0) | (inv.loonwaarde > lw_max),
        "loonwaarde",
        "loonwaarde_bereik",
        lambda i: (
            "loonwaarde_bereik",
            {"loonwaarde": opmaak.getal(Decimal(int(inv.loonwaarde[i])) / PPM)},
        ),
    )

    gb = inv.garantiebedrag
    meld(gb < 0, "garantiebedrag_per_maand", "garantiebedrag_negatief")
    meld(
        (gb > 0) & (inv.regime == WAJONG2015),
        "garantiebedrag_per_maand",
        "garantiebedrag_wajong2015",
    )
    meld(
        heeft_parameters & (gb > wml_maand),
        "garantiebedrag_per_maand",
        "garantiebedrag_boven_wml",
        lambda i: (
            "garantiebedrag_boven_wml",
            {"bedrag": opmaak.bedrag(gb[i]), "wml": opmaak.bedrag(wml_maand[i])},
        ),
    )

    meld(
        (inv.overige < 0) | (inv.overige > centen(MAX_OVERIGE)),
        "overige_inkomsten_per_maand",
        "overige_bereik",
        {"maximum": _bedrag(MAX_OVERIGE)},
    )
    meld(
        (inv.werkgeverslasten < 0) | (inv.werkgeverslasten > ppm(MAX_WERKGEVERSLASTEN)),
        "werkgeverslasten_percentage",
        "werkgeverslasten_bereik",
    )
    _controleer_huishouden(inv, meld)
    return fouten


def _controleer_huishouden(inv: Invoer, meld) -> None:
    """Ranges of the household fields (issue 11); 0 stands for an absent field."""
    for veld, kolom, grens in (
        ("partner_inkomen_per_jaar", inv.partner_inkomen, MAX_PARTNER_INKOMEN),
        ("huur_per_maand", inv.huur, MAX_HUUR),
        ("vermogen", inv.vermogen, MAX_VERMOGEN),
        ("pensioen_franchise_per_jaar", inv.pensioen_franchise, MAX_FRANCHISE),
    ):
        meld(
            (kolom < 0) | (kolom > centen(grens)),
            veld,
            "bedrag_bereik",
            {"maximum": _bedrag(grens)},
        )
    for veld, kolom in (
        ("pensioen_werknemer_percentage", inv.pensioen_werknemer),
        ("pensioen_werkgever_percentage", inv.pensioen_werkgever),
    ):
        meld(
            (kolom < 0) | (kolom > ppm(MAX_PENSIOEN_PERCENTAGE)),
            veld,
            "pensioen_percentage_bereik",
        )


# Which fields each range check of :func:`controleer` depends on: when one of them could not
# be read, that check says nothing (its answer would rest on a stand-in value).
_HANGT_AF_VAN = {
    "uren_per_week": ("uren_per_week", "voltijd_uren_per_week"),
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
