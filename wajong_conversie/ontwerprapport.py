"""The policy-design page (``ontwerp.html``) and the terminal summary of ``ontwerp``.

Dutch (B1) for a policy reader who does not use the tool: the question, the variants tried,
the front (table and chart, the chart with a text alternative), the recommended variant and
why. Every number goes through :mod:`opmaak`; the chart is hand-written SVG (:mod:`svggrafiek`),
like the cohort report's.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from wajong_conversie import opmaak, svggrafiek
from wajong_conversie.geld import centen
from wajong_conversie.sjablonen import render as render_sjabloon

SJABLOON = "ontwerp.html.j2"
KLEUR_GRIJS = svggrafiek.KLEUR_GRIJS
KLEUR_OMHOOG = svggrafiek.KLEUR_OMHOOG
KLEUR_OMLAAG = svggrafiek.KLEUR_OMLAAG


def _getal(n: int | None) -> str:
    return "–" if n is None else opmaak.getal(n)


def _rij(v: dict[str, Any], jaren: int, werkgevers: bool) -> dict[str, Any]:
    t = v["totaal"]
    return {
        "naam": v["naam"],
        "bestand": v["bestand"],
        "op_front": v["op_front"],
        "omzetting": v["omzetting"],
        "achteruit": _getal(t["werknemer_achteruit"]),
        "verlies": opmaak.bedrag(centen(t["netto_verlies_achteruit"])),
        "buitenproportioneel": _getal(t["werknemer_buitenproportioneel"]),
        "werkgevers": _getal(
            t["werkgevers_meer_kosten"] if werkgevers else t["werkgever_achteruit"]
        ),
        "saldo_jaar": opmaak.verschil(centen(t["saldo_overheid_per_jaar_gemiddeld"])),
        "saldo_hoogste": opmaak.verschil(centen(t["saldo_overheid_hoogste_jaar"])),
        "saldo_totaal": opmaak.verschil(centen(t["saldo_overheid_verschil"])),
    }


def _per_jaar(v: dict[str, Any], werkgevers: bool) -> list[dict[str, str]]:
    return [
        {
            "jaar": str(j["jaar"]) if j["jaar"] is not None else f"jaar {j['jaar_na_omzetting']}",
            "aanname": j["aanname"],
            "achteruit": _getal(j["werknemer_achteruit"]),
            "verlies": opmaak.bedrag(centen(j["netto_verlies_achteruit"])),
            "buitenproportioneel": _getal(j["werknemer_buitenproportioneel"]),
            "werkgevers": _getal(
                j["werkgevers_meer_kosten"] if werkgevers else j["werkgever_achteruit"]
            ),
            "kosten": opmaak.verschil(centen(j["kosten_overheid_verschil"])),
            "belasting": opmaak.verschil(centen(j["belastingontvangsten_verschil"])),
            "saldo": opmaak.verschil(centen(j["saldo_overheid_verschil"])),
        }
        for j in v["per_jaar"]
    ]


def _grafiek(ontwerp: dict[str, Any]) -> str:
    """Budget (average government balance per year) against losers; the front highlighted."""
    omgezet = [v for v in ontwerp["varianten"] if v["omzetting"]]

    def xy(v):  # € million (geometry only) and a count
        cent = centen(v["totaal"]["saldo_overheid_per_jaar_gemiddeld"])
        return (Decimal(cent) / 100_000_000, int(v["totaal"]["werknemer_achteruit"]))

    gekozen = (ontwerp["aanbeveling"] or {}).get("bestand")
    rest = [xy(v) for v in omgezet if not v["op_front"]]
    # no line through the front: it is four-dimensional, not this curve
    front = sorted(xy(v) for v in omgezet if v["op_front"])
    advies = [xy(v) for v in omgezet if v["bestand"] == gekozen]
    return svggrafiek.spreiding(
        id_="ontwerp",
        titel="Spreidingsdiagram: kosten per jaar tegen het aantal werknemers dat achteruitgaat",
        omschrijving=(
            "Elke stip is een variant. Naar links is goedkoper, naar beneden gaan minder "
            "werknemers achteruit. De ruiten zijn de varianten op het front; de cirkel is het "
            "advies. De tabel 'Het front' geeft dezelfde cijfers."
        ),
        kop=["Kosten per jaar tegen werknemers die achteruitgaan"],
        groepen=[
            svggrafiek.Punten("variant", rest, KLEUR_GRIJS, "rondje"),
            svggrafiek.Punten("op het front", front, KLEUR_OMHOOG, "ruit"),
            svggrafiek.Punten("advies", advies, KLEUR_OMLAAG, "ring"),
        ],
        x_titel="Extra saldo overheid per jaar, gemiddeld (€ miljoen)",
        y_titel="Werknemers netto achteruit",
    )


GARANTIE_UITLEG = {
    "behouden": ("Garantiebedrag blijft", "de wet zoals die nu is."),
    "vervallen": ("Garantiebedrag vervalt", "bij de omzetting; alleen de gewone uitkering."),
    "inkomensgarantie": (
        "Inkomensgarantie",
        "een persoonlijke toeslag, zodat niemand er bruto op achteruitgaat.",
    ),
    "afbouw": ("Afbouw", "dezelfde toeslag, die in gelijke stappen verdwijnt, in"),
}
WERKGEVER_UITLEG = {
    "geen": ("LKS op minimumloon", "loonkostensubsidie zoals in de Participatiewet."),
    "lks_op_functieloon": (
        "LKS op functieloon",
        "de subsidie berekend op het loon van de functie.",
    ),
    "compensatie": ("Compensatie", "de werkgever krijgt de extra kosten vergoed, gedurende"),
}


def _jaren_tekst(jaren: set[int]) -> str:
    return ", ".join(str(j) for j in sorted(jaren)) + (" jaar" if jaren else "")


def _geprobeerd(varianten: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """The choices that occur in the variants, in plain words (title, explanation)."""
    data = [v["scenario"] for v in varianten if v["omzetting"]]
    uit = []
    for sleutel, uitleg, jaren_sleutel in (
        ("garantiebedrag", GARANTIE_UITLEG, "afbouw_jaren"),
        ("werkgever", WERKGEVER_UITLEG, "compensatie_jaren"),
    ):
        for keuze, (titel, tekst) in uitleg.items():
            met = [d for d in data if d.get(sleutel) == keuze]
            if not met:
                continue
            jaren = {d[jaren_sleutel] for d in met if jaren_sleutel in d}
            uit.append((titel, f"{tekst} {_jaren_tekst(jaren)}".strip() if jaren else tekst))
    anders = sorted(
        {f"{k}.{s}" for d in data for k, w in d.items() if isinstance(w, dict) for s in w}
        | {k for d in data for k in d if k == "ingangsdatum"}
    )
    if anders:
        uit.append(("Ook gevarieerd", ", ".join(anders) + "."))
    return uit


def _horizon(varianten: list[dict[str, Any]], jaren: int) -> list[str]:
    """Warnings when a phase-out or a compensation does not end within the years computed:
    what happens after it ends is then not counted."""
    uit = []
    afbouw = sorted({v["scenario"].get("afbouw_jaren") or 0 for v in varianten})
    if afbouw and afbouw[-1] >= jaren:
        uit.append(
            f"We rekenen {jaren} jaar. Bij afbouw in {jaren} jaar of langer is de toeslag aan "
            "het eind nog niet helemaal weg. Wie daarna toch achteruitgaat, telt hier niet mee. "
            "Reken met meer jaren (--jaren) om ook het einde van de afbouw te zien."
        )
    compensatie = sorted({v["scenario"].get("compensatie_jaren") or 0 for v in varianten})
    if compensatie and compensatie[-1] >= jaren:
        uit.append(
            f"Bij compensatie van {jaren} jaar of langer loopt de vergoeding voor werkgevers "
            "tot het eind van de berekening. Werkgevers die daarna meer gaan betalen, tellen "
            "hier niet mee."
        )
    return uit


def context(ontwerp: dict[str, Any]) -> dict[str, Any]:
    jaren = ontwerp["jaren"]
    wg = ontwerp["werkgevers_in_bestand"]
    varianten = ontwerp["varianten"]
    rijen = [_rij(v, jaren, wg) for v in varianten]

    def kosten(i):
        return centen(varianten[i]["totaal"]["saldo_overheid_verschil"])

    front = [
        rijen[i]
        for i in sorted(
            (i for i, v in enumerate(varianten) if v["op_front"]),
            key=lambda i: (kosten(i), rijen[i]["naam"]),
        )
    ]
    referentie = [r for r, v in zip(rijen, varianten, strict=True) if v["referentie"]]
    aanbeveling = ontwerp["aanbeveling"]
    gekozen = None
    if aanbeveling:
        v = next(v for v in varianten if v["bestand"] == aanbeveling["bestand"])
        gekozen = {
            **_rij(v, jaren, wg),
            "per_jaar": _per_jaar(v, wg),
            "afweging": aanbeveling["afweging"],
            "binnen_budget": aanbeveling["binnen_budget"],
        }
    budget = ontwerp["budget_per_jaar"]
    return {
        "bestand": ontwerp["bestand"],
        "gemaakt_met": ontwerp["gemaakt_met"],
        "jaren": jaren,
        "aantal_berekend": opmaak.getal(ontwerp["aantal_berekend"]),
        "aantal_afgewezen": opmaak.getal(ontwerp["aantal_afgewezen"]),
        "aantal_varianten": opmaak.getal(len(varianten)),
        "aantal_front": opmaak.getal(len(front)),
        "werkgevers_in_bestand": wg,
        "budget": opmaak.bedrag(centen(budget)) if budget is not None else None,
        "aannames": ontwerp["aannames"],
        "horizon": _horizon(varianten, jaren),
        "front": front,
        "referentie": referentie,
        "alle": rijen,
        "geprobeerd": _geprobeerd(varianten),
        "gekozen": gekozen,
        "grafiek": _grafiek(ontwerp) if any(v["omzetting"] for v in varianten) else None,
    }


def render(ontwerp: dict[str, Any]) -> str:
    return render_sjabloon(SJABLOON, **context(ontwerp))


def schrijf(ontwerp: dict[str, Any], pad: Path) -> None:
    pad.write_text(render(ontwerp), encoding="utf-8")


def tekst(ontwerp: dict[str, Any], map_: Path) -> str:
    """The terminal summary: the front and the recommended variant."""
    wg = ontwerp["werkgevers_in_bestand"]
    regels = [
        f"{opmaak.getal(len(ontwerp['varianten']))} varianten doorgerekend voor "
        f"{opmaak.getal(ontwerp['aantal_berekend'])} werknemers over {ontwerp['jaren']} jaar "
        f"({opmaak.getal(ontwerp['aantal_afgewezen'])} rijen afgewezen).",
        "",
        "Front (niemand doet het op alle vier punten beter), van goedkoop naar duur:",
        "  achteruit | buiten verhouding | werkgevers meer | saldo overheid per jaar | variant",
    ]
    front = sorted(
        (v for v in ontwerp["varianten"] if v["op_front"]),
        key=lambda v: (centen(v["totaal"]["saldo_overheid_verschil"]), v["naam"]),
    )
    for v in front:
        r = _rij(v, ontwerp["jaren"], wg)
        regels.append(
            f"  {r['achteruit']:>9} | {r['buitenproportioneel']:>17} | {r['werkgevers']:>15} | "
            f"{r['saldo_jaar']:>23} | {r['naam']}"
        )
    a = ontwerp["aanbeveling"]
    if a:
        regels += ["", f"Aanbevolen variant: {a['naam']} ({(map_ / a['bestand']).resolve()})"]
        if a["binnen_budget"] is False:
            regels.append(
                "  Geen variant blijft binnen het budget; dit is de variant die er het dichtst "
                "bij blijft."
            )
        regels.append(f"  {a['afweging']}")
    regels += [
        "",
        f"Rapport: {(map_ / 'ontwerp.html').resolve()}",
        f"Geschreven in {map_.resolve()}: ontwerp.json, ontwerp.html, varianten/ "
        f"({opmaak.getal(len(ontwerp['varianten']))} scenariobestanden)",
    ]
    return "\n".join(regels)
