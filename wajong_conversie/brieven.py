"""Letters to the worker and the employer: plain Dutch (B1), their own amounts, HTML and PDF.

The letters are Jinja2 templates in ``templates/brieven/`` (autoescape on, ``StrictUndefined``:
a missing value is an error, never an empty spot). Everything shown is prepared here and
formatted with Babel (:mod:`opmaak`). A letter needs a name and an address; without them it
stops with :class:`BriefFout`, a Dutch message that names the missing field. A BSN is checked
with the elfproef (python-stdnum) and printed with only its last four digits. No name, address
or BSN ever goes into a file name, a log or an error message.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from functools import lru_cache
from typing import Any

import attrs
from stdnum.exceptions import ValidationError
from stdnum.nl import bsn as stdnum_bsn

from wajong_conversie import opmaak, sjablonen
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


class BriefFout(ValueError):
    """A letter that cannot be made; the message is Dutch and names the field."""


@attrs.frozen
class Adres:
    naam: str
    straat: str
    postcode: str
    woonplaats: str


def adres(record: dict[str, Any], aan: str) -> Adres:
    """The addressee from the record, or :class:`BriefFout` naming every missing field."""
    velden = ADRESVELDEN[aan]
    waarden = [str(record.get(v) or "").strip() for v in velden]
    ontbreekt = [VELDNAMEN[v] for v, w in zip(velden, waarden, strict=True) if not w]
    if ontbreekt:
        raise BriefFout(
            f"De brief aan de {aan} kan niet worden gemaakt: {', '.join(ontbreekt)} "
            f"ontbreekt. Vul {'dit' if len(ontbreekt) == 1 else 'deze'} in "
            f"({', '.join(v for v, w in zip(velden, waarden, strict=True) if not w)})."
        )
    return Adres(*waarden)


def bsn_kort(waarde: Any) -> str | None:
    """A valid BSN shown as UWV does: only the last four digits. None when there is none."""
    if waarde is None or str(waarde).strip() == "":
        return None
    tekst = re.sub(r"\D", "", str(waarde))
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
    veilig = re.sub(r"[^A-Za-z0-9_-]", "", sleutel)[:30] or "onbekend"
    return f"{afzender()['kenmerk_voorvoegsel']}/{datum.year}/{veilig}"


def _bedrag(tekst: str) -> str:
    return opmaak.bedrag(centen(tekst))


def _verschil(tekst: str) -> str:
    return opmaak.verschil(centen(tekst))


def _regel(label: str, u: dict, sleutel: str, totaal: bool = False) -> dict[str, Any]:
    return {
        "label": label,
        "nu": _bedrag(u["huidig"][sleutel]),
        "straks": _bedrag(u["nieuw"][sleutel]),
        "verschil": _verschil(u["verschil"][sleutel]),
        "totaal": totaal,
    }


def _delen(u: dict, partij: str) -> dict[str, int]:
    return {d["onderdeel"]: centen(d["bedrag"]) for d in u["verklaring"][partij]["delen"]}


def _waarom_werknemer(u: dict) -> list[str]:
    d = _delen(u, "werknemer")

    def hoe(cent: int, meer: str = "omhoog", minder: str = "omlaag") -> str:
        return f"{meer if cent > 0 else minder} met {opmaak.bedrag(abs(cent))}"

    zinnen = []
    if d["loon"]:
        zinnen.append(f"Uw loon met vakantiegeld gaat {hoe(d['loon'])} per maand.")
    if d["uitkering_formule"]:
        zinnen.append(
            f"Uw Wajong-uitkering volgens de gewone berekening gaat "
            f"{hoe(d['uitkering_formule'])} per maand. Het vakantiegeld op de "
            "uitkering is hierin meegeteld."
        )
    if d["garantiebedrag_toeslag"]:
        zinnen.append(
            f"Het deel van uw uitkering door het garantiebedrag of de toeslag gaat "
            f"{hoe(d['garantiebedrag_toeslag'])} per maand."
        )
    if d["belasting"]:
        zinnen.append(
            f"U betaalt {'minder' if d['belasting'] > 0 else 'meer'} belasting en "
            f"premies: {opmaak.bedrag(abs(d['belasting']))} per maand."
        )
    if d["arbeidskorting"]:
        zinnen.append(
            f"U krijgt {'meer' if d['arbeidskorting'] > 0 else 'minder'} "
            f"arbeidskorting: {opmaak.bedrag(abs(d['arbeidskorting']))} per maand."
        )
    ahk = d["algemene_heffingskorting"] + d["jonggehandicaptenkorting"] + d["kortingen_begrensd"]
    if ahk:
        zinnen.append(f"Uw andere heffingskortingen gaan {hoe(ahk)} per maand.")
    return zinnen


def context_werknemer(
    u: dict, geval: Geval, adres_: Adres, bsn: str | None, datum: dt.date, scenario: Scenario
) -> dict[str, Any]:
    """Everything the worker's letter shows, formatted."""
    signalen = set(u["signalen"])
    netto = centen(u["verschil"]["netto_maand"])
    if "werknemer_achteruit" in signalen:
        situatie = "omlaag"
    elif "werknemer_buitenproportioneel" in signalen and u["nieuw"]["garantiebedrag_toegepast"]:
        situatie = "sterk_omhoog_gb"
    elif u["netto_verandering"]["klasse"] == "gelijk":
        situatie = "gelijk"
    else:
        situatie = "omhoog"
    regels = [
        _regel("Loon met vakantiegeld", u, "loon_incl_vakantiebijslag_maand"),
        _regel("Wajong-uitkering", u, "wajong_uitkering_maand"),
    ]
    if centen(u["huidig"]["aanvulling_uitkering_maand"]) or centen(
        u["nieuw"]["aanvulling_uitkering_maand"]
    ):
        regels.append(_regel("waarvan garantiebedrag of toeslag", u, "aanvulling_uitkering_maand"))
    regels += [
        _regel("Bruto inkomen", u, "bruto_inkomen_maand", totaal=True),
        _regel("Netto inkomen", u, "netto_maand", totaal=True),
    ]
    huishouden = u["huidig"].get("besteedbaar_maand", "niet berekend") != "niet berekend"
    if huishouden:  # issue 11: pension premium, zorgtoeslag and what the worker keeps
        if centen(u["huidig"]["pensioenpremie_werknemer_maand"]) or centen(
            u["nieuw"]["pensioenpremie_werknemer_maand"]
        ):
            regels.append(_regel("waarvan pensioenpremie", u, "pensioenpremie_werknemer_maand"))
        regels += [
            _regel("Zorgtoeslag", u, "zorgtoeslag_maand"),
            _regel("Besteedbaar inkomen", u, "besteedbaar_maand", totaal=True),
        ]
    zorgtoeslag = (
        {
            "nu": opmaak.bedrag(centen(u["huidig"]["zorgtoeslag_maand"])),
            "straks": opmaak.bedrag(centen(u["nieuw"]["zorgtoeslag_maand"])),
            "daalt": "toeslag_terugvordering_risico" in signalen,
        }
        if huishouden
        else None
    )
    delen = _delen(u, "werknemer")
    risico = next((w for w in u["signalen_toelichting"] if w["code"] == "risico_einde_recht"), None)
    return {
        "afzender": afzender(),
        "adres": adres_,
        "brief": {
            "datum": opmaak.datum(datum),
            "kenmerk": kenmerk(geval.id or "geval", datum),
            "bsn": bsn,
            "onderwerp": "Wat loonkostensubsidie betekent voor uw loon en uitkering",
            "beschikking": scenario.beschikking,
            "grondslag": scenario.grondslag,
        },
        "aanhef": f"Beste {adres_.naam},",
        "peildatum": opmaak.datum(geval.peildatum),
        "loonwaarde": opmaak.percentage(ppm(geval.loonwaarde)),
        "functieloon": opmaak.bedrag(centen(geval.functieloon_per_uur)),
        "loon_op_minimumloon": geval.loondispensatie_loonbasis == "minimumloon",  # RULES §3.2
        "uren": opmaak.getal(geval.uren_per_week.normalize()),
        "gb": {
            "heeft": geval.garantiebedrag_per_maand > 0,
            "bedrag": opmaak.bedrag(centen(geval.garantiebedrag_per_maand)),
            "bindend": bool(u["huidig"]["garantiebedrag_toegepast"]),
            "variant": scenario.garantiebedrag if scenario.omzetting else "behouden",
            "afbouw_jaren": scenario.afbouw_jaren,
            # the supplement of inkomensgarantie/afbouw, also without a garantiebedrag (§6)
            "toeslag": scenario.omzetting
            and scenario.garantiebedrag in ("inkomensgarantie", "afbouw")
            and centen(u["nieuw"]["aanvulling_uitkering_maand"]) > 0,
        },
        "situatie": situatie,
        "netto_verschil": opmaak.bedrag(abs(netto)),
        "tabel": {
            "titel": "Uw inkomen per maand, nu en straks",
            "kop_eerste": "Per maand",
            "regels": regels,
            "alleen_verschil": False,
            "noot": "Bruto inkomen is loon met vakantiegeld plus uitkering. Netto inkomen is een "
            "gemiddelde per maand over een heel jaar, met het vakantiegeld op de "
            "uitkering in mei. "
            + (
                "Besteedbaar inkomen is netto inkomen plus zorgtoeslag; huurtoeslag en "
                "kindgebonden budget zijn niet meegeteld."
                if huishouden
                else "Bedragen zonder zorgtoeslag."
            ),
        },
        "zorgtoeslag": zorgtoeslag,
        "waarom": _waarom_werknemer(u),
        "arbeidskorting_omhoog": delen["arbeidskorting"] > 0,
        "risico_einde_recht": risico is not None,
        "risico_grens": opmaak.percentage(750_000),
        "beschikking": scenario.beschikking,
    }


def context_werkgever(
    rijen: list[tuple[str, dict]],
    adres_: Adres,
    sleutel: str,
    datum: dt.date,
    scenario: Scenario,
    peildatum: dt.date,
) -> dict[str, Any]:
    """The employer's letter for all their workers: (label per worker, uitkomst) pairs."""
    totaal = {s: 0 for s in ("huidig", "nieuw")}
    regels = []
    meer = 0
    redenen: list[str] = []
    som_delen: dict[str, int] = {}
    compensatie = 0
    op_minimumloon = 0  # workers whose dispensed wage today is on the WML (RULES §3.2)
    for label, u in rijen:
        op_minimumloon += u["loondispensatie_loonbasis"] == "minimumloon"
        h, n = (
            centen(u["huidig"]["werkgever_kosten_maand"]),
            centen(u["nieuw"]["werkgever_kosten_maand"]),
        )
        totaal["huidig"] += h
        totaal["nieuw"] += n
        extra = centen(u["nieuw"]["compensatie_werkgever_maand"])
        compensatie += extra
        if "werkgever_achteruit" in u["signalen"]:
            meer += 1
            reden = next(s for s in u["signalen_toelichting"] if s["code"] == "werkgever_achteruit")
            zinnen = reden["redenen"][1:]
        elif extra:  # compensated: say why it would cost more without the compensation
            zinnen = [f"Zonder de vergoeding zou u {opmaak.bedrag(extra)} per maand meer betalen."]
            zinnen += [
                s["redenen"][0]
                for s in u["signalen_toelichting"]
                if s["code"] in ("functieloon_boven_wml", "lks_plafond_bindend")
            ]
        else:
            zinnen = []
        for zin in zinnen:
            tekst = f"{label}: {zin}" if len(rijen) > 1 else zin
            if tekst not in redenen:
                redenen.append(tekst)
        regels.append(
            {
                "label": label,
                "nu": opmaak.bedrag(h),
                "straks": opmaak.bedrag(n),
                "verschil": opmaak.verschil(n - h),
                "totaal": False,
            }
        )
        for code, bedrag in _delen(u, "werkgever").items():
            som_delen[code] = som_delen.get(code, 0) + bedrag
    if len(rijen) > 1:
        regels.append(
            {
                "label": "Totaal",
                "nu": opmaak.bedrag(totaal["huidig"]),
                "straks": opmaak.bedrag(totaal["nieuw"]),
                "verschil": opmaak.verschil(totaal["nieuw"] - totaal["huidig"]),
                "totaal": True,
            }
        )
    verschil = totaal["nieuw"] - totaal["huidig"]
    drempel = scenario.drempels.werkgever_achteruit_bedrag
    situatie = "meer" if verschil > drempel else "minder" if verschil < -drempel else "gelijk"
    labels = {
        "loon": "Loon met vakantiegeld",
        "premies": "Werkgeverslasten (premies en pensioen)",
        "loonkostensubsidie": "Loonkostensubsidie (lagere kosten)",
        "werkgeverslastenvergoeding": "Vergoeding werkgeverslasten (lagere kosten)",
        "compensatie": "Vergoeding extra kosten (lagere kosten)",
    }
    opbouw = [
        {"label": labels[c], "verschil": opmaak.verschil(b), "totaal": False}
        for c, b in som_delen.items()
        if b
    ]
    opbouw.append(
        {"label": "Verschil in uw kosten", "verschil": opmaak.verschil(verschil), "totaal": True}
    )
    vergoeding = scenario.werkgeverslastenvergoeding
    return {
        "afzender": afzender(),
        "adres": adres_,
        "brief": {
            "datum": opmaak.datum(datum),
            "kenmerk": kenmerk(sleutel, datum),
            "bsn": None,
            "onderwerp": "Wat loonkostensubsidie betekent voor uw loonkosten",
            "beschikking": scenario.beschikking,
            "grondslag": scenario.grondslag,
        },
        "aanhef": f"Geachte directie van {adres_.naam},",
        "peildatum": opmaak.datum(peildatum),
        "aantal_tekst": "1 werknemer" if len(rijen) == 1 else f"{len(rijen)} werknemers",
        "aantal_meer_tekst": "deze werknemer"
        if len(rijen) == 1
        else (f"{meer} van uw {len(rijen)} werknemers"),
        "vergoeding": opmaak.percentage(vergoeding if vergoeding is not None else 235_000),
        "lks_op_functieloon": scenario.werkgever == "lks_op_functieloon",
        "op_minimumloon": op_minimumloon,
        "op_minimumloon_tekst": "deze werknemer"
        if len(rijen) == 1
        else f"{op_minimumloon} van uw {len(rijen)} werknemers",
        "compensatie_jaren": scenario.compensatie_jaren
        if scenario.werkgever == "compensatie"
        else None,
        "compensatie": opmaak.bedrag(compensatie) if compensatie else None,
        "situatie": situatie,
        "kosten_verschil": opmaak.bedrag(abs(verschil)),
        "tabel": {
            "titel": "Uw kosten per maand per werknemer",
            "kop_eerste": "Werknemer",
            "regels": regels,
            "alleen_verschil": False,
            "noot": "Kosten: loon met vakantiegeld en werkgeverslasten, min de "
            "loonkostensubsidie en de vergoedingen. Het loonkostenvoordeel blijft "
            "gelijk en staat er niet in.",
        },
        "opbouw": {
            "titel": "Waar het verschil per maand uit bestaat",
            "kop_eerste": "Onderdeel",
            "regels": opbouw,
            "noot": "",
            "alleen_verschil": True,
        },
        "redenen": redenen,
    }


def render(soort: str, context: dict[str, Any]) -> str:
    if soort not in SOORTEN:
        raise BriefFout(f"onbekende brief '{soort}'; kies werknemer of werkgever")
    return sjablonen.render(f"brieven/{soort}.html.j2", **context)


def brief_voor_geval(
    record: dict[str, Any], scenario: Scenario, aan: str, datum: dt.date | None = None
) -> str:
    """The complete letter (HTML) for one case. Raises ``Invoerfout`` for input the
    calculation cannot use and :class:`BriefFout` for what the letter itself needs."""
    from wajong_conversie.rekenkern import bereken
    from wajong_conversie.uitvoer import als_dict
    from wajong_conversie.validatie import BRIEFVELDEN, lees_en_controleer

    if aan not in SOORTEN:
        raise BriefFout(f"onbekende brief '{aan}'; kies werknemer of werkgever")
    geval, invoer = lees_en_controleer(record, extra=frozenset({"id", *BRIEFVELDEN}))
    ontvanger = adres(record, aan)
    bsn = bsn_kort(record.get("bsn")) if aan == "werknemer" else None
    datum = datum or dt.date.today()
    u = als_dict(bereken(invoer, scenario), 0, geval.id, met_toelichting=False)
    if aan == "werknemer":
        return render("werknemer", context_werknemer(u, geval, ontvanger, bsn, datum, scenario))
    label = str(record.get("naam") or "").strip() or f"werknemer {geval.id or ''}".strip()
    sleutel = str(record.get("werkgever_id") or geval.id or "werkgever")
    return render(
        "werkgever",
        context_werkgever([(label, u)], ontvanger, sleutel, datum, scenario, geval.peildatum),
    )


def naar_pdf(html: str) -> bytes:
    """The same HTML as an A4 PDF (print CSS), fonts embedded, tagged for accessibility."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(sjablonen.map_sjablonen()))
    try:
        return document.write_pdf(pdf_variant="pdf/ua-1")
    except (ValueError, TypeError):  # an older WeasyPrint without PDF/UA
        return document.write_pdf()
