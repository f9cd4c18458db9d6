"""Letters to the worker and the employer: plain Dutch (B1), their own amounts, HTML and PDF.

The letters are Jinja2 templates in ``templates/brieven/`` (autoescape on, ``StrictUndefined``:
a missing value is an error, never an empty spot). Everything shown is prepared here and
formatted with Babel (:mod:`opmaak`). A letter needs a name and an address; without them it
stops with :class:`BriefFout`, a Dutch message that names the missing field. A BSN is checked
with the elfproef (python-stdnum) and printed with only its last four digits. No name, address
or BSN ever goes into a file name, a log or an error message.

What a letter says comes from the numbers of ``bereken --json``: the date of the change is the
scenario's ``ingangsdatum`` (else the peildatum) and the amounts are those of that date (year 0
of the path); the explanation follows the decomposition (``verklaring``), largest parts first;
the path over the years (``pad``) is told when a later year changes the picture. Every amount
in the text is an amount in one of the letter's tables, or the text says how it differs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
import unicodedata
from functools import lru_cache
from typing import Any

import attrs

from wajong_conversie import bronnen, opmaak, sjablonen
from wajong_conversie.geld import centen, ppm
from wajong_conversie.model import Geval
from wajong_conversie.scenario import Scenario

SOORTEN = ("werknemer", "werkgever")
ADRESVELDEN = {
    "werknemer": ("naam", "straat", "postcode", "woonplaats"),
    "werkgever": ("werkgever_naam", "werkgever_straat", "werkgever_postcode", "werkgever_plaats"),
}
VELDNAMEN = {
    "naam": "de naam",
    "straat": "de straat en het huisnummer",
    "postcode": "de postcode",
    "woonplaats": "de woonplaats",
    "werkgever_naam": "de naam van de werkgever",
    "werkgever_straat": "de straat en het huisnummer van de werkgever",
    "werkgever_postcode": "de postcode van de werkgever",
    "werkgever_plaats": "de plaats van de werkgever",
}
# the benefit article for the worker comes from the scenario ([brief] grondslag); the employer's
# decision is about the subsidy (Participatiewet art. 10d)
GRONDSLAG_WERKGEVER = "pw 10d"
BEZWAARTERMIJN_WEKEN = 6  # Awb art. 6:7


class BriefFout(ValueError):
    """A letter that cannot be made; the message is Dutch and names the field."""


@attrs.frozen
class Adres:
    naam: str
    straat: str
    postcode: str
    woonplaats: str


# C0/C1 control characters and the bidirectional embeddings, overrides and isolates
_ONZICHTBAAR = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def schoon(waarde: Any) -> str:
    """A name or address line as it may be printed: control characters and bidi overrides
    removed (they can hide or reverse text), runs of spaces made one."""
    tekst = unicodedata.normalize("NFC", str(waarde if waarde is not None else ""))
    return re.sub(r"\s+", " ", _ONZICHTBAAR.sub(" ", tekst)).strip()


def opsomming(delen: list[str]) -> str:
    """['a', 'b', 'c'] → 'a, b en c'."""
    return delen[0] if len(delen) == 1 else f"{', '.join(delen[:-1])} en {delen[-1]}"


def adres(record: dict[str, Any], aan: str) -> Adres:
    """The addressee from the record, or :class:`BriefFout` naming every missing field."""
    velden = ADRESVELDEN[aan]
    waarden = [schoon(record.get(v)) for v in velden]
    leeg = [v for v, w in zip(velden, waarden, strict=True) if not w]
    if leeg:
        meer = len(leeg) > 1
        raise BriefFout(
            f"De brief aan de {aan} kan niet worden gemaakt: "
            f"{opsomming([VELDNAMEN[v] for v in leeg])} {'ontbreken' if meer else 'ontbreekt'}. "
            f"Vul {'deze' if meer else 'dit'} in ({', '.join(leeg)})."
        )
    return Adres(*waarden)


def bsn_kort(waarde: Any) -> str | None:
    """A valid BSN shown as UWV does: only the last four digits. None when there is none.
    Spaces, dots and hyphens may separate the digits; any other character makes it invalid."""
    from stdnum.exceptions import ValidationError
    from stdnum.nl import bsn as stdnum_bsn

    if waarde is None or str(waarde).strip() == "":
        return None
    tekst = re.sub(r"[ .\-]", "", str(waarde).strip())
    if not tekst.isascii() or not tekst.isdigit():
        raise BriefFout(
            "Het burgerservicenummer (bsn) is niet geldig: het mag alleen cijfers bevatten. "
            "Controleer het nummer."
        )
    try:
        stdnum_bsn.validate(tekst.zfill(9))
    except ValidationError:
        raise BriefFout(
            "Het burgerservicenummer (bsn) is niet geldig: het voldoet niet aan "
            "de elfproef. Controleer het nummer."
        ) from None
    return "*****" + tekst.zfill(9)[-4:]


@lru_cache(maxsize=1)
def afzender() -> dict[str, str]:
    pad = sjablonen.map_sjablonen() / "brieven" / "afzender.toml"
    return tomllib.loads(pad.read_text(encoding="utf-8"))


def kenmerk(sleutel: str, datum: dt.date) -> str:
    """Prefix/year/id plus a short hash of the full id: two ids that differ only in characters
    a kenmerk cannot show (``W-1`` and ``W.1``) never share a kenmerk."""
    veilig = re.sub(r"[^A-Za-z0-9_-]", "", sleutel)[:24] or "onbekend"
    kort = hashlib.sha256(sleutel.encode("utf-8")).hexdigest()[:5]
    return f"{afzender()['kenmerk_voorvoegsel']}/{datum.year}/{veilig}-{kort}"


MIN = "\u2212"  # the real minus sign


def _verschil(cent: int) -> str:
    return opmaak.verschil(cent, minteken=MIN)


def _bedrag(tekst: str) -> str:
    return opmaak.bedrag(centen(tekst))


def _besteedbaar(u: dict) -> dict[str, str]:
    """What the worker keeps to spend (net plus allowances): the direction and the amount of
    the table's Verschil for 'Besteedbaar inkomen'."""
    v = centen(u["verschil"]["besteedbaar_maand"])
    return {
        "richting": "meer" if v > 0 else "minder" if v < 0 else "evenveel",
        "bedrag": opmaak.bedrag(abs(v)),
    }


def _regel(label: str, u: dict, sleutel: str, soort: str = "") -> dict[str, Any]:
    return {
        "label": label,
        "nu": _bedrag(u["huidig"][sleutel]),
        "straks": _bedrag(u["nieuw"][sleutel]),
        "verschil": _verschil(centen(u["verschil"][sleutel])),
        "soort": soort,
    }


def _delen(u: dict, partij: str) -> dict[str, int]:
    return {d["onderdeel"]: centen(d["bedrag"]) for d in u["verklaring"][partij]["delen"]}


def _richting(cent: int, drempel: int) -> int:
    return 1 if cent > drempel else -1 if cent < -drempel else 0


def _later(verschillen: list[int], drempel: int) -> tuple[int, int] | None:
    """The later year that changes the picture of year 0: the first year whose difference
    has another direction; else the year furthest from year 0 when that is more than € 25
    and 10 % away. (year index, difference) or None."""
    if len(verschillen) < 2:
        return None
    start = verschillen[0]
    for k, v in enumerate(verschillen[1:], start=1):
        if _richting(v, drempel) != _richting(start, drempel):
            return k, v
    k = max(range(1, len(verschillen)), key=lambda j: abs(verschillen[j] - start))
    if abs(verschillen[k] - start) > max(2_500, abs(start) // 10):
        return k, verschillen[k]
    return None


LABELS_WERKNEMER = {
    "loon": "Loon met vakantiegeld",
    "uitkering_formule": "Wajong-uitkering, gewone berekening (met vakantiegeld)",
    "garantiebedrag_toeslag": "Garantiebedrag of toeslag (met vakantiegeld)",
    "belasting": "Loonheffing: belasting en premies",
    "algemene_heffingskorting": "Algemene heffingskorting",
    "arbeidskorting": "Arbeidskorting",
    "jonggehandicaptenkorting": "Jonggehandicaptenkorting",
    "kortingen_begrensd": "Kortingen niet hoger dan de belasting",
    "pensioenpremie": "Pensioenpremie die u zelf betaalt",
    "afronding": "Afronding",
}


def _zin_deel(code: str, cent: int) -> str:
    """One part of the worker's decomposition in words (the amount as in the table)."""
    b = opmaak.bedrag(abs(cent))
    op = cent > 0
    if code == "loon":
        return f"Uw loon met vakantiegeld gaat {'omhoog' if op else 'omlaag'} met {b}."
    if code == "uitkering_formule":
        return (
            f"Uw Wajong-uitkering volgens de gewone berekening gaat "
            f"{'omhoog' if op else 'omlaag'} met {b}, met het vakantiegeld op de uitkering."
        )
    if code == "garantiebedrag_toeslag":
        return (
            f"Het deel van uw uitkering door het garantiebedrag of de toeslag gaat "
            f"{'omhoog' if op else 'omlaag'} met {b}, met vakantiegeld."
        )
    if code == "belasting":
        return f"U betaalt {b} {'minder' if op else 'meer'} belasting en premies."
    if code == "arbeidskorting":
        return (
            f"U krijgt {b} {'meer' if op else 'minder'} arbeidskorting. Dat is een korting op de "
            "belasting voor mensen die werken. Over een uitkering krijgt u die korting niet."
        )
    if code == "pensioenpremie":
        return f"U betaalt {b} {'minder' if op else 'meer'} pensioenpremie."
    if code == "afronding":
        return f"Door afronding scheelt het {b}."
    return f"{LABELS_WERKNEMER[code]}: u krijgt {b} {'meer' if op else 'minder'} korting."


def _waarom_werknemer(u: dict) -> tuple[list[str], dict[str, Any], list[str]]:
    """The largest parts of the change in words (at most three) and the table of all parts."""
    d = _delen(u, "werknemer")
    totaal = centen(u["verklaring"]["werknemer"]["totaal"])
    volgorde = sorted((c for c, b in d.items() if b and c != "afronding"), key=lambda c: -abs(d[c]))
    zinnen = [_zin_deel(c, d[c]) for c in volgorde[:3]]
    # the wage and the benefit against each other: what decides the direction
    if d["loon"] > 0 and d["uitkering_formule"] + d["garantiebedrag_toeslag"] < 0:
        bruto = d["loon"] + d["uitkering_formule"] + d["garantiebedrag_toeslag"]
        if bruto < 0 and totaal < 0:
            oorzaak = (
                " Dat komt vooral doordat het garantiebedrag of de toeslag kleiner wordt."
                if d["garantiebedrag_toeslag"] < d["uitkering_formule"]
                else ""
            )
            zinnen.append(
                "Uw uitkering met vakantiegeld gaat dus meer omlaag dan uw loon met "
                f"vakantiegeld omhoog gaat.{oorzaak} Daardoor houdt u minder over."
            )
    regels = [
        {
            "label": LABELS_WERKNEMER[c],
            "verschil": _verschil(b),
            "soort": "",
        }
        for c, b in sorted(d.items(), key=lambda cb: -abs(cb[1]))
        if b
    ]
    regels.append(
        {"label": "Verschil netto per maand", "verschil": _verschil(totaal), "soort": "totaal"}
    )
    tabel = {
        "titel": "Waar het verschil in uw netto inkomen uit bestaat",
        "kop_eerste": "Onderdeel (per maand, gemiddeld over het jaar)",
        "kolommen": ["Verschil"],
        "regels": regels,
        "noot": "Het vakantiegeld op de uitkering krijgt u in mei. Hier is het verdeeld over "
        "12 maanden. Daarom zijn de bedragen anders dan in de tabel hierboven.",
    }
    return zinnen, tabel, volgorde[:3]


def _padtabel(pad: list[dict], sleutel: str, titel: str, kop: str, namen: tuple[str, str]):
    regels = []
    for jaar in pad:
        datum = dt.date.fromisoformat(jaar["peildatum"])
        v = jaar["vergelijking"]
        regels.append(
            {
                "label": f"Vanaf {opmaak.datum(datum)}",
                "nu": _bedrag(v["huidig"][sleutel]),
                "straks": _bedrag(jaar[sleutel]),
                "verschil": _verschil(centen(v["verschil"][sleutel])),
                "soort": "",
            }
        )
    return {
        "titel": titel,
        "kop_eerste": kop,
        "kolommen": list(namen) + ["Verschil"],
        "regels": regels,
        "noot": "Voor latere jaren rekenen wij met het minimumloon dat nu bekend is. Het "
        "loon voor de functie en het garantiebedrag stijgen mee met het minimumloon.",
    }


def ingangsdatum(scenario: Scenario, peildatum: dt.date, datum: dt.date) -> dt.date:
    """The date of the change: the scenario's ``ingangsdatum``, else the peildatum. A letter
    says what changes from that date on; dated after it, every such sentence ("Vanaf 1 maart
    2026 veranderen uw loon …" in a letter of 1 december 2026) would be untrue: refused."""
    ingang = scenario.ingangsdatum or peildatum
    if ingang < datum:
        bron = (
            "de ingangsdatum van het scenario"
            if scenario.ingangsdatum
            else "de peildatum; het scenario heeft geen ingangsdatum"
        )
        raise BriefFout(
            f"de wijziging gaat in op {opmaak.datum(ingang)} ({bron}). Dat is vóór de datum "
            f"van de brief, {opmaak.datum(datum)}. Een brief kan niet zeggen dat er vanaf een "
            "datum in het verleden iets verandert. Kies een datum van de wijziging op of na "
            f"{opmaak.datum(datum)}: een ingangsdatum in het scenario (bijvoorbeeld ingangsdatum "
            f"= {_eerste_van_volgende_maand(datum).isoformat()}) of een latere peildatum"
        )
    return ingang


def _eerste_van_volgende_maand(datum: dt.date) -> dt.date:
    return (datum.replace(day=1) + dt.timedelta(days=32)).replace(day=1)


def _verjaardag(geboren: dt.date, jaren: int) -> dt.date:
    try:
        return geboren.replace(year=geboren.year + jaren)
    except ValueError:  # 29 February
        return geboren.replace(year=geboren.year + jaren, day=28)


def context_werknemer(
    u: dict,
    geval: Geval,
    adres_: Adres,
    bsn: str | None,
    datum: dt.date,
    scenario: Scenario,
    pad: list[dict] | None = None,
) -> dict[str, Any]:
    """Everything the worker's letter shows, formatted. ``u`` is the result on the date of
    the change (year 0 of ``pad``)."""
    pad = pad or []
    ingang = ingangsdatum(scenario, geval.peildatum, datum)
    signalen = set(u["signalen"])
    netto = centen(u["verschil"]["netto_maand"])
    drempel = scenario.drempels.werknemer_achteruit_bedrag
    if "werknemer_achteruit" in signalen or netto < -drempel:
        situatie = "omlaag"
    elif "werknemer_buitenproportioneel" in signalen and u["nieuw"]["garantiebedrag_toegepast"]:
        situatie = "sterk_omhoog_gb"
    elif u["netto_verandering"]["klasse"] == "gelijk" or netto <= drempel:
        situatie = "gelijk"
    else:
        situatie = "omhoog"
    kop_straks = f"Vanaf {opmaak.datum(ingang)}"
    regels = [
        _regel("Loon met vakantiegeld", u, "loon_incl_vakantiebijslag_maand"),
        _regel("Wajong-uitkering", u, "wajong_uitkering_maand"),
    ]
    h_aanv = centen(u["huidig"]["aanvulling_uitkering_maand"])
    n_aanv = centen(u["nieuw"]["aanvulling_uitkering_maand"])
    if h_aanv or n_aanv:
        regels.append(
            _regel("waarvan garantiebedrag of toeslag", u, "aanvulling_uitkering_maand", "deel")
        )
    regels += [
        _regel("Bruto inkomen", u, "bruto_inkomen_maand", "subtotaal"),
        _regel("Netto inkomen", u, "netto_maand", "totaal"),
    ]
    h_uitk = centen(u["huidig"]["wajong_uitkering_maand"])
    n_uitk = centen(u["nieuw"]["wajong_uitkering_maand"])
    gb = centen(geval.garantiebedrag_per_maand)
    zinnen, opbouw, grootste = _waarom_werknemer(u)
    d = _delen(u, "werknemer")
    huishouden = u["huidig"].get("besteedbaar_maand", "niet berekend") != "niet berekend"
    kgb_h = centen(u["huidig"]["kindgebonden_budget_maand"]) if huishouden else 0
    kgb_n = centen(u["nieuw"]["kindgebonden_budget_maand"]) if huishouden else 0
    huurtoeslag_berekend = u["huidig"]["huurtoeslag_maand"] != "niet berekend"
    if huishouden:  # issue 11: pension premium, allowances and what the worker keeps
        if centen(u["huidig"]["pensioenpremie_werknemer_maand"]) or centen(
            u["nieuw"]["pensioenpremie_werknemer_maand"]
        ):
            regels.append(
                _regel(
                    "pensioenpremie (al van het netto af)",
                    u,
                    "pensioenpremie_werknemer_maand",
                    "deel",
                )
            )
        regels.append(_regel("Zorgtoeslag", u, "zorgtoeslag_maand"))
        if huurtoeslag_berekend:
            regels.append(_regel("Huurtoeslag", u, "huurtoeslag_maand"))
        if kgb_h or kgb_n:
            regels.append(_regel("Kindgebonden budget", u, "kindgebonden_budget_maand"))
        regels.append(_regel("Besteedbaar inkomen", u, "besteedbaar_maand", "totaal"))
    zorgtoeslag = (
        {
            "nu": opmaak.bedrag(centen(u["huidig"]["zorgtoeslag_maand"])),
            "straks": opmaak.bedrag(centen(u["nieuw"]["zorgtoeslag_maand"])),
            "daalt": "toeslag_terugvordering_risico" in signalen,
            "huurtoeslag": {
                "nu": opmaak.bedrag(centen(u["huidig"]["huurtoeslag_maand"])),
                "straks": opmaak.bedrag(centen(u["nieuw"]["huurtoeslag_maand"])),
            }
            if huurtoeslag_berekend
            else None,
        }
        if huishouden
        else None
    )
    kindgebonden_budget = (
        {"nu": opmaak.bedrag(kgb_h), "straks": opmaak.bedrag(kgb_n)} if kgb_h or kgb_n else None
    )
    risico = next((w for w in u["signalen_toelichting"] if w["code"] == "risico_einde_recht"), None)
    # the path: a later year that tells another story, and turning 21
    jong = _verjaardag(geval.geboortedatum, 21) > ingang
    later = _later([centen(j["vergelijking"]["verschil"]["netto_maand"]) for j in pad], drempel)
    toon_pad = bool(pad) and (later is not None or jong)
    later_tekst = None
    if later:
        k, v = later
        jaar = dt.date.fromisoformat(pad[k]["peildatum"])
        if v < -drempel:
            wat = f"is uw netto inkomen {opmaak.bedrag(-v)} per maand lager dan zonder de wijziging"
        elif v > drempel:
            wat = f"is uw netto inkomen {opmaak.bedrag(v)} per maand hoger dan zonder de wijziging"
        else:
            wat = "is uw netto inkomen ongeveer even hoog als zonder de wijziging"
        later_tekst = f"Vanaf {opmaak.datum(jaar)} {wat}."
    variant = scenario.garantiebedrag if scenario.omzetting else "behouden"
    return {
        "afzender": afzender(),
        "adres": adres_,
        "brief": {
            "datum": opmaak.datum(datum),
            "kenmerk": kenmerk(geval.id or "geval", datum),
            "bsn": bsn,
            "onderwerp": f"Besluit over uw loon en uitkering vanaf {opmaak.datum(ingang)}"
            if scenario.beschikking
            else "Wat loonkostensubsidie betekent voor uw loon en uitkering",
            "beschikking": scenario.beschikking,
            "grondslag": scenario.grondslag,
            "grondslag_url": None,
            "aan": "werknemer",
        },
        "aanhef": f"Beste {adres_.naam},",
        "ingang": opmaak.datum(ingang),
        "peildatum": opmaak.datum(geval.peildatum),
        "loonwaarde": opmaak.percentage(ppm(geval.loonwaarde)),
        "functieloon": opmaak.bedrag(centen(geval.functieloon_per_uur)),
        "functieloon_straks": opmaak.bedrag(u["_functieloon_ingang"]),
        "functieloon_verhoogd": u["_functieloon_ingang"] > centen(geval.functieloon_per_uur),
        "loon_op_minimumloon": geval.loondispensatie_loonbasis == "minimumloon",  # RULES §3.2
        "uren": opmaak.getal(geval.uren_per_week.normalize()),
        "uitkering": {
            "nu": opmaak.bedrag(h_uitk),
            "straks": opmaak.bedrag(n_uitk),
            "stopt": n_uitk == 0 and h_uitk > 0,
            "richting": _richting(n_uitk - h_uitk, 0),
        },
        "gb": {
            "heeft": gb > 0,
            "bedrag": opmaak.bedrag(gb),
            "bindend": bool(u["huidig"]["garantiebedrag_toegepast"]),
            # per-day rounding: the month's benefit is a few cents off the garantiebedrag
            "afwijking": opmaak.bedrag(abs(gb - h_uitk)) if gb and gb != h_uitk else None,
            "afwijking_minder": h_uitk < gb,
            "variant": variant,
            "afbouw_jaren": scenario.afbouw_jaren,
            # the supplement of inkomensgarantie/afbouw, also without a garantiebedrag (§6)
            "toeslag": scenario.omzetting
            and scenario.garantiebedrag in ("inkomensgarantie", "afbouw")
            and n_aanv > 0,
        },
        "situatie": situatie,
        "netto_verschil": opmaak.bedrag(abs(netto)),
        "tabel": {
            "titel": "Uw inkomen per maand",
            "kop_eerste": "Per maand",
            "kolommen": ["Nu", kop_straks, "Verschil"],
            "regels": regels,
            "noot": "Bruto is het bedrag vóór belasting. Netto is wat u op uw rekening krijgt. "
            "Bruto inkomen is loon met vakantiegeld plus uitkering. Netto inkomen is een "
            "gemiddelde per maand over een heel jaar, met het vakantiegeld op de "
            "uitkering in mei. "
            + (
                (
                    "Besteedbaar inkomen is netto inkomen plus zorgtoeslag, huurtoeslag en "
                    "kindgebonden budget."
                    if huurtoeslag_berekend
                    else "Besteedbaar inkomen is netto inkomen plus zorgtoeslag en kindgebonden "
                    "budget; huurtoeslag is niet meegeteld."
                )
                if huishouden
                else "Bedragen zonder zorgtoeslag."
            )
            + (
                f" Ook onder Nu staan de bedragen op {opmaak.datum(ingang)}: wat u dan zonder de "
                "wijziging zou krijgen, met het minimumloon van die datum."
                if ingang != geval.peildatum
                else ""
            ),
        },
        "opbouw": opbouw,
        "waarom": zinnen,
        # only when it is one of the causes named above, and the net goes up
        # net falls, and without the smaller garantiebedrag/supplement it would not (verklaring)
        "oorzaak_gb": netto < 0
        and d["garantiebedrag_toeslag"] < 0 < netto - d["garantiebedrag_toeslag"],
        "arbeidskorting_omhoog": "arbeidskorting" in grootste
        and d["arbeidskorting"] > 0
        and netto > 0,
        "zorgtoeslag": zorgtoeslag,
        "kindgebonden_budget": kindgebonden_budget,
        "besteedbaar": _besteedbaar(u) if huishouden else None,
        "risico_einde_recht": risico is not None,
        "risico_grens": opmaak.percentage(750_000),
        "jong": jong,
        "wordt_21": opmaak.datum(_verjaardag(geval.geboortedatum, 21)),
        "later": later_tekst,
        "pad": _padtabel(
            pad,
            "netto_maand",
            "Uw netto inkomen per maand in de komende jaren",
            "Jaar",
            ("Zonder wijziging", "Met loonkostensubsidie"),
        )
        if toon_pad
        else None,
        "beschikking": scenario.beschikking,
    }


def context_werkgever(
    rijen: list[tuple[str, dict]],
    adres_: Adres,
    sleutel: str,
    datum: dt.date,
    scenario: Scenario,
    peildatum: dt.date,
    paden: list[list[dict]] | None = None,
    referenties: list[str] | None = None,
) -> dict[str, Any]:
    """The employer's letter for all their workers: (label per worker, uitkomst) pairs, with
    the path per worker (``paden``) and a reference per worker (the worker's id)."""
    ingang = ingangsdatum(scenario, peildatum, datum)
    referenties = referenties or ["" for _ in rijen]
    drempel = scenario.drempels.werkgever_achteruit_bedrag
    groepen: dict[str, list[dict[str, Any]]] = {"meer": [], "gelijk": [], "minder": []}
    som_delen: dict[str, int] = {}
    compensatie = 0
    op_minimumloon = 0  # workers whose dispensed wage today is on the WML (RULES §3.2)
    boven_wml = plafond = 0
    lks_totaal = 0
    for (label, u), ref in zip(rijen, referenties, strict=True):
        op_minimumloon += u["loondispensatie_loonbasis"] == "minimumloon"
        h = centen(u["huidig"]["werkgever_kosten_maand"])
        n = centen(u["nieuw"]["werkgever_kosten_maand"])
        lks = centen(u["nieuw"]["loonkostensubsidie_maand"])
        lks_totaal += lks
        compensatie += centen(u["nieuw"]["compensatie_werkgever_maand"])
        codes = set(u["signalen"])
        boven_wml += "functieloon_boven_wml" in codes
        plafond += "lks_plafond_bindend" in codes
        groep = "meer" if n - h > drempel else "minder" if n - h < -drempel else "gelijk"
        groepen[groep].append(
            {
                "ref": ref,
                "label": schoon(label),
                "h": h,
                "n": n,
                "lks": lks,
            }
        )
        for code, bedrag in _delen(u, "werkgever").items():
            som_delen[code] = som_delen.get(code, 0) + bedrag
    aantal = len(rijen)
    regels = []
    samenvatting = {}
    namen = {"meer": "meer kosten", "gelijk": "ongeveer gelijk", "minder": "minder kosten"}
    niet_leeg = [g for g in groepen if groepen[g]]
    for g in ("meer", "gelijk", "minder"):
        leden = sorted(groepen[g], key=lambda r: -(r["n"] - r["h"]))
        som_h = sum(r["h"] for r in leden)
        som_n = sum(r["n"] for r in leden)
        samenvatting[g] = {"aantal": len(leden), "verschil": opmaak.bedrag(abs(som_n - som_h))}
        for r in leden:
            regels.append(
                {
                    "ref": r["ref"],
                    "label": r["label"],
                    "nu": opmaak.bedrag(r["h"]),
                    "straks": opmaak.bedrag(r["n"]),
                    "verschil": _verschil(r["n"] - r["h"]),
                    "lks": opmaak.bedrag(r["lks"]),
                    "soort": "",
                }
            )
        if aantal > 1 and leden and len(niet_leeg) > 1:
            regels.append(
                {
                    "ref": "",
                    "label": f"Samen: {namen[g]} ({_werknemers(len(leden))})",
                    "nu": opmaak.bedrag(som_h),
                    "straks": opmaak.bedrag(som_n),
                    "verschil": _verschil(som_n - som_h),
                    "lks": opmaak.bedrag(sum(r["lks"] for r in leden)),
                    "soort": "subtotaal",
                }
            )
    totaal_h = sum(r["h"] for g in groepen.values() for r in g)
    totaal_n = sum(r["n"] for g in groepen.values() for r in g)
    verschil = totaal_n - totaal_h
    if aantal > 1:
        regels.append(
            {
                "ref": "",
                "label": f"Totaal ({_werknemers(aantal)})",
                "nu": opmaak.bedrag(totaal_h),
                "straks": opmaak.bedrag(totaal_n),
                "verschil": _verschil(verschil),
                "lks": opmaak.bedrag(lks_totaal),
                "soort": "totaal",
            }
        )
    situatie = "meer" if verschil > drempel else "minder" if verschil < -drempel else "gelijk"
    labels = {
        "loon": "Loon met vakantiegeld",
        "premies": "Werkgeverslasten (premies en pensioen)",
        "loonkostensubsidie": "Loonkostensubsidie (lagere kosten)",
        "werkgeverslastenvergoeding": "Vergoeding werkgeverslasten (lagere kosten)",
        "compensatie": "Vergoeding extra kosten (lagere kosten)",
    }
    opbouw = [
        {"label": labels[c], "verschil": _verschil(b), "soort": ""}
        for c, b in sorted(som_delen.items(), key=lambda cb: -abs(cb[1]))
        if b
    ]
    opbouw.append(
        {"label": "Verschil in uw kosten", "verschil": _verschil(verschil), "soort": "totaal"}
    )
    # the path: the total difference per year over all workers
    pad_regels = []
    later = None
    if paden:
        jaren = min(len(p) for p in paden)
        for k in range(jaren):
            h = sum(centen(p[k]["vergelijking"]["huidig"]["werkgever_kosten_maand"]) for p in paden)
            n = sum(centen(p[k]["werkgever_kosten_maand"]) for p in paden)
            wanneer = dt.date.fromisoformat(paden[0][k]["peildatum"])
            pad_regels.append(
                {
                    "label": f"Vanaf {opmaak.datum(wanneer)}",
                    "nu": opmaak.bedrag(h),
                    "straks": opmaak.bedrag(n),
                    "verschil": _verschil(n - h),
                    "soort": "",
                    "v": n - h,
                }
            )
        gevonden = _later([r["v"] for r in pad_regels], drempel)
        if gevonden:
            later = (gevonden[0], gevonden[1], pad_regels[gevonden[0]]["label"])
    later_tekst = None
    if later:
        _, v, wanneer = later
        if v > drempel:
            wat = f"betaalt u {opmaak.bedrag(v)} per maand meer dan nu"
        elif v < -drempel:
            wat = f"betaalt u {opmaak.bedrag(-v)} per maand minder dan nu"
        else:
            wat = "zijn uw kosten ongeveer gelijk aan nu"
        later_tekst = f"{wanneer} {wat}."
    vergoeding = scenario.werkgeverslastenvergoeding
    grond = bronnen.link(GRONDSLAG_WERKGEVER, ingang)
    return {
        "afzender": afzender(),
        "adres": adres_,
        "brief": {
            "datum": opmaak.datum(datum),
            "kenmerk": kenmerk(sleutel, datum),
            "bsn": None,
            "onderwerp": f"Besluit over loonkostensubsidie vanaf {opmaak.datum(ingang)}"
            if scenario.beschikking
            else "Wat loonkostensubsidie betekent voor uw loonkosten",
            "beschikking": scenario.beschikking,
            "grondslag": "artikel 10d van de Participatiewet",
            "grondslag_url": grond.url,
            "aan": "werkgever",
        },
        "aanhef": f"Geachte directie van {adres_.naam},",
        "ingang": opmaak.datum(ingang),
        "peildatum": opmaak.datum(peildatum),
        "aantal": aantal,
        "aantal_tekst": _werknemers(aantal),
        "groepen": samenvatting,
        "vergoeding": opmaak.percentage(vergoeding if vergoeding is not None else 235_000),
        "lks_op_functieloon": scenario.werkgever == "lks_op_functieloon",
        "op_minimumloon": op_minimumloon,
        "op_minimumloon_tekst": "deze werknemer"
        if aantal == 1
        else f"{op_minimumloon} van uw {aantal} werknemers",
        "boven_wml": boven_wml,
        "boven_wml_tekst": "deze werknemer" if aantal == 1 else _werknemers(boven_wml),
        "plafond": plafond,
        "plafond_tekst": "deze werknemer" if aantal == 1 else _werknemers(plafond),
        "compensatie_jaren": scenario.compensatie_jaren
        if scenario.werkgever == "compensatie"
        else None,
        "compensatie": opmaak.bedrag(compensatie) if compensatie else None,
        "situatie": situatie,
        "kosten_verschil": opmaak.bedrag(abs(verschil)),
        "lks_totaal": opmaak.bedrag(lks_totaal),
        "tabel": {
            "titel": "Uw kosten per maand per werknemer"
            if aantal > 1
            else "Uw kosten per maand voor deze werknemer",
            "kop_eerste": "Werknemer",
            "kolommen": ["Nu", f"Vanaf {opmaak.datum(ingang)}", "Verschil"]
            + (["Subsidie"] if scenario.beschikking else []),
            "met_ref": aantal > 1,
            "met_lks": scenario.beschikking,
            "regels": regels,
            "noot": "Kosten: loon met vakantiegeld en werkgeverslasten, min de "
            "loonkostensubsidie en de vergoedingen. Het loonkostenvoordeel blijft "
            "gelijk en staat er niet in."
            + (" Kenmerk: het nummer van de werknemer in ons bestand." if aantal > 1 else ""),
        },
        "opbouw": {
            "titel": "Waar het verschil in uw kosten per maand uit bestaat",
            "kop_eerste": "Onderdeel",
            "kolommen": ["Verschil"],
            "regels": opbouw,
            "noot": "",
        },
        "later": later_tekst,
        "pad": {
            "titel": "Uw kosten per maand in de komende jaren"
            + ("" if aantal == 1 else ", alle werknemers samen"),
            "kop_eerste": "Jaar",
            "kolommen": ["Zonder wijziging", "Met loonkostensubsidie", "Verschil"],
            "regels": pad_regels,
            "noot": "Voor latere jaren rekenen wij met het minimumloon dat nu bekend is.",
        }
        if later
        else None,
    }


def _werknemers(n: int) -> str:
    return f"{n} werknemer" if n == 1 else f"{n} werknemers"


def render(soort: str, context: dict[str, Any]) -> str:
    if soort not in SOORTEN:
        raise BriefFout(f"onbekende brief '{soort}'; kies werknemer of werkgever")
    return sjablonen.render(f"brieven/{soort}.html.j2", **context)


def reken(invoer, scenario: Scenario) -> list[tuple[dict, list[dict]]]:
    """Per row: the result on the date of the change (``bereken --json`` without the trace,
    year 0 of the path) and the path itself, long enough to show the end of a phase-out or
    compensation (``overgangsjaren``: at least 5 years, which also covers turning 21)."""
    from wajong_conversie import overgang, verklaring
    from wajong_conversie.rekenkern import bereken
    from wajong_conversie.uitvoer import als_dict, pad_dict

    jaren = overgang.pad(invoer, scenario, scenario.overgangsjaren, jaar0=bereken(invoer, scenario))
    r = jaren[0].resultaat
    delen = verklaring.delen(r)
    uit = []
    for i in range(len(invoer)):
        u = als_dict(r, i, None, met_toelichting=False, delen=delen)
        # the functieloon the calculation used on that date: the input, or (a later
        # ingangsdatum) at least the minimum wage for the age then (overgang.pad)
        u["_functieloon_ingang"] = int(r.invoer.functieloon[i])
        uit.append((u, pad_dict(jaren, i)))
    return uit


def vandaag() -> dt.date:
    """The date of a letter unless one is given (one place, so a test can fix it)."""
    return dt.date.today()


def brief_voor_geval(
    record: dict[str, Any], scenario: Scenario, aan: str, datum: dt.date | None = None
) -> str:
    """The complete letter (HTML) for one case. Raises ``Invoerfout`` for input the
    calculation cannot use and :class:`BriefFout` for what the letter itself needs."""
    from wajong_conversie.validatie import BRIEFVELDEN, lees_en_controleer

    if aan not in SOORTEN:
        raise BriefFout(f"onbekende brief '{aan}'; kies werknemer of werkgever")
    geval, invoer = lees_en_controleer(record, extra=frozenset({"id", *BRIEFVELDEN}))
    ontvanger = adres(record, aan)
    bsn = bsn_kort(record.get("bsn")) if aan == "werknemer" else None
    datum = datum or vandaag()
    [(u, pad)] = reken(invoer, scenario)
    if aan == "werknemer":
        return render(
            "werknemer", context_werknemer(u, geval, ontvanger, bsn, datum, scenario, pad)
        )
    label = schoon(record.get("naam")) or f"werknemer {geval.id or ''}".strip()
    sleutel = str(record.get("werkgever_id") or geval.id or "werkgever")
    return render(
        "werkgever",
        context_werkgever(
            [(label, u)],
            ontvanger,
            sleutel,
            datum,
            scenario,
            geval.peildatum,
            [pad],
            [schoon(geval.id or "")],
        ),
    )


def naar_pdf(html: str) -> bytes:
    """The same HTML as an A4 PDF (print CSS), fonts embedded, tagged for accessibility."""
    from wajong_conversie import briefpdf

    return briefpdf.naar_pdf(html)
