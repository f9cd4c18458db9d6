"""One case's result as data for people and programs: the JSON of ``bereken --json``.

The keys of ``huidig``/``nieuw``/``verschil`` are the amount keys of :data:`BEDRAGEN`; the
cohort output uses the same list for its columns. Amounts are strings with two decimals.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import numpy as np

from wajong_conversie import beoordeling, bronnen, opmaak, verklaring
from wajong_conversie.geld import bedrag_tekst
from wajong_conversie.huishouden import NIET_BEREKEND
from wajong_conversie.model import LOONBASES, REGIMES
from wajong_conversie.overgang import KEUZE_INDEXATIE, Jaar
from wajong_conversie.parameters import Parameterwaarde
from wajong_conversie.rekenkern import Resultaat
from wajong_conversie.scenario import Scenario
from wajong_conversie.toelichting import parameter_tekst, redenen, toelichting

BEDRAGEN: tuple[tuple[str, str, str], ...] = (
    # (output key, trace name, Dutch label)
    ("loon_bruto_maand", "loon_maand", "Brutoloon (zonder vakantiegeld)"),
    ("loon_incl_vakantiebijslag_maand", "inkomen_maand", "Brutoloon met vakantiegeld"),
    ("wajong_uitkering_maand", "uitkering_maand", "Wajong-uitkering"),
    ("aanvulling_uitkering_maand", "aanvulling_maand", "Waarvan garantiebedrag of toeslag"),
    ("bruto_inkomen_maand", "bruto_inkomen_maand", "Bruto inkomen (loon + uitkering)"),
    ("netto_maand", "netto_maand", "Netto inkomen per maand"),
    ("netto_jaar", "netto_jaar", "Netto inkomen per jaar"),
    ("belasting_jaar", "belasting_jaar", "Belasting en premies per jaar"),
    ("werkgever_loonkosten_maand", "werkgever_loonkosten_maand", "Loonkosten werkgever"),
    ("loonkostensubsidie_maand", "loonkostensubsidie_maand", "Loonkostensubsidie"),
    (
        "werkgeverslastenvergoeding_maand",
        "werkgeverslastenvergoeding_maand",
        "Vergoeding werkgeverslasten",
    ),
    ("compensatie_werkgever_maand", "compensatie_werkgever_maand", "Compensatie werkgever"),
    ("werkgever_kosten_maand", "werkgever_kosten_maand", "Kosten werkgever"),
    ("overheid_kosten_maand", "overheid_kosten_maand", "Kosten overheid"),
)


HUISHOUD_BEDRAGEN: tuple[tuple[str, str | None, str], ...] = (
    # (output key, trace name or None when not computed yet, Dutch label); issue 11. Without a
    # known household these say "niet berekend" (JSON) or are empty (cohort).
    (
        "pensioenpremie_werknemer_maand",
        "pensioenpremie_werknemer_maand",
        "Pensioenpremie werknemer",
    ),
    ("zorgtoeslag_maand", "zorgtoeslag_maand", "Zorgtoeslag"),
    ("huurtoeslag_maand", "huurtoeslag_maand", "Huurtoeslag"),
    ("kindgebonden_budget_maand", "kindgebonden_budget_maand", "Kindgebonden budget"),
    ("besteedbaar_maand", "besteedbaar_maand", "Besteedbaar inkomen (netto plus toeslagen)"),
    ("pensioeninleg_jaar", "pensioeninleg_jaar", "Pensioeninleg per jaar (werknemer en werkgever)"),
)


BEREKEND = {"huurtoeslag_maand": "huurtoeslag_berekend"}
"""Amounts computed only for part of the known households: the column that says for whom."""


def huishoud_kolom(resultaat: Resultaat, situatie: str, naam: str | None):
    """(cents, computed?) of a household amount; not computed = household unknown or a part
    that is not built yet (or, for huurtoeslag, no rent or a year without its formula)."""
    spoor = getattr(resultaat, situatie)
    if naam is None or naam not in spoor:
        n = len(resultaat)
        return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    bekend = resultaat.invoer.huishouden
    if naam in BEREKEND:
        bekend = bekend & resultaat.huidig[BEREKEND[naam]]
    return spoor[naam], bekend


def bedrag_kolom(resultaat: Resultaat, situatie: str, naam: str) -> np.ndarray:
    """A trace column in cents; amounts a situation does not have (LKS today) are 0."""
    spoor = getattr(resultaat, situatie)
    if naam in spoor:
        return spoor[naam]
    return np.zeros(len(resultaat), dtype=np.int64)


def signaal_codes(resultaat: Resultaat, i: int) -> list[str]:
    return [code for code, kolom in resultaat.signalen.items() if kolom[i]]


def waarschuwingen(resultaat: Resultaat) -> list[str]:
    return [waarschuwing(w) for w in resultaat.onbevestigd]


@functools.lru_cache(maxsize=1024)
def waarschuwing(w: Parameterwaarde) -> str:
    """The warning for a value not yet confirmed in its source; made once per value (a cohort
    asks for it in every batch, and Babel's formatting is not free: ~3 ms a batch)."""
    return (
        f"Let op: {w.omschrijving} ({w.naam}) vanaf {opmaak.datum(w.vanaf)} = "
        f"{parameter_tekst(w)} is nog "
        f"niet bevestigd in de officiële bron ({w.bron})."
    )


def situaties(resultaat: Resultaat, i: int) -> dict[str, dict[str, Any]]:
    """``huidig``, ``nieuw`` and ``verschil`` of row i: amounts as strings with two decimals."""
    uit: dict[str, dict[str, Any]] = {}
    for situatie in ("huidig", "nieuw"):
        uit[situatie] = {
            sleutel: bedrag_tekst(bedrag_kolom(resultaat, situatie, naam)[i])
            for sleutel, naam, _ in BEDRAGEN
        }
        uit[situatie]["garantiebedrag_toegepast"] = bool(
            getattr(resultaat, situatie)["garantiebedrag_toegepast"][i]
        )
    uit["verschil"] = {
        sleutel: bedrag_tekst(
            bedrag_kolom(resultaat, "nieuw", naam)[i] - bedrag_kolom(resultaat, "huidig", naam)[i]
        )
        for sleutel, naam, _ in BEDRAGEN
    }
    for sleutel, naam, _ in HUISHOUD_BEDRAGEN:
        h, bekend = huishoud_kolom(resultaat, "huidig", naam)
        n, _ = huishoud_kolom(resultaat, "nieuw", naam)
        for situatie, waarde in (("huidig", h[i]), ("nieuw", n[i]), ("verschil", n[i] - h[i])):
            uit[situatie][sleutel] = bedrag_tekst(waarde) if bekend[i] else NIET_BEREKEND
    return uit


def verklaring_dict(resultaat: Resultaat, i: int, alle=None) -> dict[str, Any]:
    """The change per party split into parts that add up exactly (see ``verklaring``).
    ``alle``: ``verklaring.delen(resultaat)`` when the caller already has it (batches)."""
    alle = verklaring.delen(resultaat) if alle is None else alle
    uit = {}
    for partij, delen in alle.items():
        if partij == "huishouden" and not resultaat.invoer.huishouden[i]:
            continue
        totaal_naam, totaal_label = verklaring.TOTALEN[partij]
        totaal = int(bedrag_kolom(resultaat, "nieuw", totaal_naam)[i]) - int(
            bedrag_kolom(resultaat, "huidig", totaal_naam)[i]
        )
        uit[partij] = {
            "totaal": bedrag_tekst(totaal),
            "omschrijving": totaal_label,
            "delen": [
                {"onderdeel": code, "omschrijving": label, "bedrag": bedrag_tekst(delen[code][i])}
                for code, label in verklaring.LABELS[partij]
                if code in delen and _deel_berekend(resultaat, code, i)
            ],
        }
    return uit


def _deel_berekend(resultaat: Resultaat, code: str, i: int) -> bool:
    """The huurtoeslag part only where huurtoeslag was computed (it is 0 elsewhere)."""
    kolom = BEREKEND.get(f"{code}_maand")
    return kolom is None or bool(resultaat.huidig[kolom][i])


def scenario_dict(sc: Scenario) -> dict[str, Any]:
    return {
        "naam": sc.naam,
        "omschrijving": sc.omschrijving,
        "omzetting": sc.omzetting,
        "garantiebedrag": sc.garantiebedrag,
        "afbouw_jaren": sc.afbouw_jaren,
        "werkgever": sc.werkgever,
        "compensatie_jaren": sc.compensatie_jaren,
        "ingangsdatum": sc.ingangsdatum.isoformat() if sc.ingangsdatum else None,
    }


def pad_dict(jaren: list[Jaar], i: int = 0) -> list[dict[str, Any]]:
    """The path of row i: per year the keys of ``nieuw``, plus today's rules and the difference
    in that same year. Years after the AOW age are left out."""
    uit = []
    for jaar in jaren:
        if not jaar.actief[i]:
            break
        r = jaar.resultaat
        s = situaties(r, i)
        uit.append(
            {
                "jaar_na_omzetting": jaar.jaar,
                "peildatum": r.invoer.peildatum[i].astype(dt.date).isoformat(),
                **s["nieuw"],
                "vergelijking": {"huidig": s["huidig"], "verschil": s["verschil"]},
                "garantiebedrag_vervallen_huidig": bool(
                    r.stand.gb_vervallen_huidig is not None and r.stand.gb_vervallen_huidig[i]
                ),
                "signalen": signaal_codes(r, i),
                "aannames": list(r.aannames),
            }
        )
    return uit


def als_dict(
    resultaat: Resultaat,
    i: int = 0,
    geval_id: str | None = None,
    jaren: list[Jaar] | None = None,
    met_toelichting: bool = True,
    delen=None,
) -> dict[str, Any]:
    """Row ``i`` of a result as the JSON object of ``bereken --json`` (letters skip the
    step-by-step trace with ``met_toelichting=False``)."""
    inv = resultaat.invoer
    codes = signaal_codes(resultaat, i)
    klasse = beoordeling.KLASSE_CODES[int(resultaat.klasse[i])]
    sc = resultaat.scenario
    uit = {
        "id": geval_id,
        "peildatum": inv.peildatum[i].astype(dt.date).isoformat(),
        "regime": REGIMES[int(inv.regime[i])],
        "loondispensatie_loonbasis": LOONBASES[int(inv.loonbasis[i])],
        "scenario": scenario_dict(sc),
        **situaties(resultaat, i),
        "signalen": codes,
        "signalen_toelichting": [
            {
                "code": code,
                "titel": beoordeling.SIGNALEN[code].titel,
                "ernst": beoordeling.SIGNALEN[code].ernst,
                "redenen": redenen(resultaat, i, code),
                "bron": beoordeling.SIGNALEN[code].bron,
                "bron_links": bronnen.als_dicts(
                    bronnen.voor_signaal(code, inv.peildatum[i].astype(dt.date))
                ),
            }
            for code in codes
        ],
        "netto_verandering": {
            "klasse": klasse,
            "omschrijving": beoordeling.klasse_omschrijving(klasse, sc.drempels),
        },
        "verklaring": verklaring_dict(resultaat, i, delen),
        "waarschuwingen": waarschuwingen(resultaat),
        "aannames": list(resultaat.aannames),
        "toelichting": toelichting(resultaat, i) if met_toelichting else None,
    }
    if jaren is not None:
        uit["pad"] = pad_dict(jaren, i)
        if uit["toelichting"] is not None:
            uit["toelichting"]["keuzes"].append({"naam": "pad", "keuze": KEUZE_INDEXATIE})
        extra = [a for j in jaren for a in j.resultaat.aannames]
        uit["aannames"] = list(dict.fromkeys(uit["aannames"] + extra))
        gezien = set(uit["waarschuwingen"])
        for j in jaren:
            for w in waarschuwingen(j.resultaat):
                if w not in gezien:
                    gezien.add(w)
                    uit["waarschuwingen"].append(w)
    return uit
