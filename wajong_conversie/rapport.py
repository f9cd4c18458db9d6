"""The cohort impact report: one self-contained, printable HTML page from ``samenvatting.json``.

The page is Dutch (readers: policy analysts at SZW and UWV). Every number, amount and date is
formatted here with :mod:`opmaak` (Babel, nl_NL) and handed to the template as text; the
template only places it. Charts are drawn with matplotlib (Agg, no pyplot state) and inlined
as SVG, so the file opens offline and prints without missing images.

Amounts arrive as strings with two decimals and a point (euro); they become exact cents with
:func:`geld.centen`. Floats are used only for chart geometry, never for a shown amount.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import textwrap
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal

from wajong_conversie import bronnen, opmaak, overzicht, rapporthuishouden
from wajong_conversie.geld import PPM, centen, half_up
from wajong_conversie.sjablonen import render as render_sjabloon

SJABLOON = "rapport.html.j2"

TOTAAL_LABELS = {
    "bruto_inkomen_werknemers": "Bruto inkomen werknemers (loon en uitkering)",
    "netto_inkomen_werknemers": "Netto inkomen werknemers",
    "wajong_uitkering": "Wajong-uitkering",
    "loonkostensubsidie": "Loonkostensubsidie",
    "werkgeverslastenvergoeding": "Vergoeding werkgeverslasten",
    "compensatie_werkgevers": "Compensatie werkgevers",
    "kosten_werkgevers": "Kosten werkgevers",
    "kosten_overheid": "Kosten overheid",
    "belastingontvangsten": "Belastingontvangsten",
    "saldo_overheid": "Saldo overheid",
}

UITSPLITSING_TITELS = {
    "loonwaarde": "Naar loonwaarde",
    "uren": "Naar uren per week",
    "regime": "Naar Wajong-regeling",
    "leeftijd": "Naar leeftijd",
    "garantiebedrag": "Naar garantiebedrag",
}

REGIME_NAMEN = {"owajong": "oWajong", "wajong2010": "Wajong 2010", "wajong2015": "Wajong 2015"}

GARANTIEBEDRAG_TEKST = {
    "behouden": "blijft zoals nu (de wet zoals die is)",
    "vervallen": "vervalt bij de omzetting",
    "inkomensgarantie": "wordt een persoonlijke toeslag (inkomensgarantie)",
    "afbouw": "wordt een persoonlijke toeslag die wordt afgebouwd",
}

WERKGEVER_TEKST = {
    "geen": "loonkostensubsidie zoals in de Participatiewet, zonder extra vergoeding",
    "lks_op_functieloon": "loonkostensubsidie berekend op het functieloon",
    "compensatie": "loonkostensubsidie plus vergoeding van de extra kosten",
}

# Colours with at least 4.5:1 contrast on white (WCAG AA), also for text labels on bars.
KLEUR_OMHOOG = "#1d5c96"
KLEUR_OMLAAG = "#a4262c"
KLEUR_TEKST = "#1a1a1a"
KLEUR_RASTER = "#d0d4d9"

FIGUUR_MAAT = (7.0, 3.2)


# ---------------------------------------------------------------------------------------------
# Formatting helpers (all numbers through opmaak)


def _aantal(n: int | None) -> str:
    return "onbekend" if n is None else opmaak.getal(int(n))


def _meervoud(n: int | None, enkel: str, meer: str) -> str:
    """'1 werknemer', '2 werknemers', '0 werknemers' (count through opmaak)."""
    return f"{_aantal(n)} {enkel if n == 1 else meer}"


def _aandeel(deel: int, totaal: int) -> str:
    """Share as a percentage rounded to 0.1 percentage point: 3 of 1985 → '0,2%'."""
    if not totaal:
        return "–"
    promille = half_up(int(deel) * 1000, int(totaal))  # tenths of a percent
    return opmaak.percentage(promille * (PPM // 1000))


def _bedrag(tekst: str | None) -> str:
    return "–" if tekst is None else opmaak.bedrag(centen(tekst))


def _verschil(tekst: str | None) -> str:
    return "–" if tekst is None else opmaak.verschil(centen(tekst))


def _datum(tekst: str) -> str:
    return opmaak.datum(dt.date.fromisoformat(tekst))


def _richting(cent: int) -> str:
    """CSS class for a signed amount, so the sign is also visible (never colour alone)."""
    return "min" if cent < 0 else ("plus" if cent > 0 else "nul")


def _nl(waarde: float) -> str:  # float ok: chart tick labels, not money
    """Tick labels in Dutch number format (1.000; -2,5)."""
    if abs(waarde - round(waarde)) < 1e-9:
        return format_decimal(int(round(waarde)), locale=opmaak.LOCALE)
    return format_decimal(waarde, format="#,##0.##", locale=opmaak.LOCALE)


# ---------------------------------------------------------------------------------------------
# Charts


def _svg(fig, zout: str, titel: str, omschrijving: str) -> str:
    """Save a matplotlib figure as an inline-ready, deterministic SVG string.

    Drops the XML prolog, doctype and metadata; removes ids nobody refers to (matplotlib gives
    every group an id such as ``figure_1``, which would repeat across charts in one page);
    makes the size follow the page (viewBox only) and adds ``role``, ``aria-label``, ``<title>``
    and ``<desc>`` for screen readers.
    """
    import matplotlib

    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": zout}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r"\s*<defs>\s*<style[^>]*>.*?</style>\s*</defs>", "", svg, flags=re.S)
    gebruikt = set(re.findall(r"url\(#([^)]+)\)", svg)) | set(re.findall(r'href="#([^"]+)"', svg))
    svg = re.sub(r' id="([^"]+)"', lambda m: m.group(0) if m.group(1) in gebruikt else "", svg)
    svg = re.sub(r'\s+(width|height)="[^"]*pt"', "", svg, count=2)
    svg = re.sub(r"\n\s*", "\n", svg)  # indentation only costs bytes
    kop = svg.index(">") + 1
    return (
        svg[: kop - 1].replace("<svg", '<svg role="img" aria-label="' + _attr(titel) + '"', 1)
        + ">\n<title>"
        + _tekst(titel)
        + "</title>\n<desc>"
        + _tekst(omschrijving)
        + "</desc>"
        + svg[kop:]
    )


def _tekst(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(s: str) -> str:
    return _tekst(s).replace('"', "&quot;")


def _titel(titel: str, naam: str) -> str:
    """Chart title on two lines: what it shows, and for which scenario (shortened if long)."""
    return f"{titel}\n{textwrap.shorten(naam, width=90, placeholder=' …')}"


def _rc() -> dict[str, Any]:
    return {
        "svg.fonttype": "none",
        "font.family": "sans-serif",
        "font.sans-serif": ["DejaVu Sans", "Arial", "Liberation Sans"],
        "font.size": 9,
        "axes.edgecolor": "#5a6470",
        "axes.labelcolor": KLEUR_TEKST,
        "axes.titlesize": 10,
        "axes.titleweight": "bold",
        "text.color": KLEUR_TEKST,
        "xtick.color": KLEUR_TEKST,
        "ytick.color": KLEUR_TEKST,
        "path.simplify": True,
    }


def _figuur():
    from matplotlib.figure import Figure

    # Fixed margins instead of a layout engine: constrained layout draws every figure twice.
    fig = Figure(figsize=FIGUUR_MAAT)
    fig.subplots_adjust(left=0.11, right=0.965, bottom=0.16, top=0.86)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_axisbelow(True)
    ax.grid(axis="y", color=KLEUR_RASTER, linewidth=0.6)
    return fig, ax


def _formatter():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: _nl(x))


def _histogram(h: dict, naam: str, zout: str) -> str:
    """Bars over the bin edges of the summary; the open ends are noted in the caption."""
    import matplotlib
    from matplotlib.ticker import MaxNLocator

    grenzen = [centen(g) / 100 for g in h["grenzen"]]
    aantallen = [int(a) for a in h["aantallen"]]
    with matplotlib.rc_context(_rc()):
        fig, ax = _figuur()
        links = grenzen[:-1]
        breedtes = [b - a for a, b in zip(grenzen[:-1], grenzen[1:], strict=True)]
        kleuren = [KLEUR_OMLAAG if b <= 0 else KLEUR_OMHOOG for b in grenzen[1:]]
        ax.bar(
            links,
            aantallen,
            width=breedtes,
            align="edge",
            color=kleuren,
            edgecolor="white",
            linewidth=0.5,
        )
        ax.axvline(0, color=KLEUR_TEKST, linewidth=0.8)
        ax.set_xlim(grenzen[0], grenzen[-1])
        ax.set_title(_titel("Verandering netto inkomen per maand", naam), loc="left")
        ax.set_xlabel("Verandering netto inkomen per maand (€)")
        log = _log_schaal(aantallen)
        if log:  # a few losers next to hundreds of others stay visible
            from matplotlib.ticker import SymmetricalLogLocator

            ax.set_yscale("symlog", linthresh=1, linscale=0.4)
            ax.set_ylim(0, max(aantallen) * 1.5)
            ax.yaxis.set_major_locator(SymmetricalLogLocator(base=10, linthresh=1))
            ax.set_ylabel("Aantal werknemers\n(logaritmische schaal)")
        else:
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.set_ylabel("Aantal werknemers")
        ax.xaxis.set_major_formatter(_formatter())
        ax.yaxis.set_major_formatter(_formatter())
        svg = _svg(
            fig,
            zout,
            f"Histogram: verandering netto inkomen per maand, {naam}",
            "Aantal werknemers per klasse van de verandering van het netto inkomen per maand. "
            "Rood: omlaag, blauw: omhoog."
            + (
                " De hoogte is logaritmisch, zodat kleine aantallen zichtbaar blijven."
                if log
                else ""
            ),
        )
    return svg


def _log_schaal(aantallen: list[int]) -> bool:
    """A logarithmic count axis when the smallest non-empty bar would be a sliver (under 2 %
    of the highest): then 3 losers next to 600 others still show."""
    gevuld = [a for a in aantallen if a > 0]
    return bool(gevuld) and min(gevuld) * 50 < max(gevuld)


def _staven(
    labels: list[str], cent: list[int], titel: str, ylabel: str, naam: str, zout: str
) -> str:
    """Vertical bars of signed amounts (euro), each bar labelled with its exact amount."""
    import matplotlib

    waarden = [c / 100 for c in cent]
    with matplotlib.rc_context(_rc()):
        fig, ax = _figuur()
        posities = list(range(len(labels)))
        kleuren = [KLEUR_OMLAAG if c < 0 else KLEUR_OMHOOG for c in cent]
        ax.bar(posities, waarden, color=kleuren, width=0.6)
        ax.axhline(0, color=KLEUR_TEKST, linewidth=0.8)
        ax.set_xticks(posities, labels)
        ax.set_title(_titel(titel, naam), loc="left")
        ax.set_ylabel(ylabel)
        ax.yaxis.set_major_formatter(_formatter())
        ax.margins(y=0.18)
        for x, w, c in zip(posities, waarden, cent, strict=True):
            ax.annotate(
                opmaak.verschil(c),
                (x, w),
                xytext=(0, 3 if c >= 0 else -3),
                textcoords="offset points",
                ha="center",
                va="bottom" if c >= 0 else "top",
                fontsize=8,
            )
        svg = _svg(
            fig,
            zout,
            f"Staafdiagram: {titel}, {naam}",
            "Per groep het gemiddelde; het bedrag staat bij elke staaf.",
        )
    return svg


def _schaal(grootste: int) -> tuple[int, str]:
    """A readable unit for the y axis of large amounts (cents per unit, label)."""
    if grootste >= 100_000_000 * 10:  # ≥ € 10 miljoen
        return 100_000_000, "€ miljoen"
    if grootste >= 100_000 * 10:  # ≥ € 10.000
        return 100_000, "€ duizend"
    return 100, "€"


def _budget_grafiek(rijen: list[dict], naam: str, zout: str) -> str:
    import matplotlib
    from matplotlib.patches import Patch

    cent = [centen(r["kosten_overheid"]["verschil"]) for r in rijen]
    deler, eenheid = _schaal(max((abs(c) for c in cent), default=0))
    with matplotlib.rc_context(_rc()):
        fig, ax = _figuur()
        posities = list(range(len(rijen)))
        for x, r, c in zip(posities, rijen, cent, strict=True):
            ax.bar(
                x,
                c / deler,
                width=0.6,
                color="white" if r["aanname"] else KLEUR_OMHOOG,
                edgecolor=KLEUR_OMHOOG,
                hatch="///" if r["aanname"] else None,
                linewidth=1,
            )
        ax.axhline(0, color=KLEUR_TEKST, linewidth=0.8)
        ax.set_xticks(posities, [_jaar_kort(r) + ("*" if r["aanname"] else "") for r in rijen])
        ax.set_title(_titel("Verschil kosten overheid per jaar", naam), loc="left")
        ax.set_xlabel(
            "Jaar" if all(r.get("jaar") is not None for r in rijen) else "Jaar na de omzetting"
        )
        ax.set_ylabel(f"Verschil kosten overheid ({eenheid})")
        ax.yaxis.set_major_formatter(_formatter())
        soorten = {bool(r["aanname"]) for r in rijen}
        handles = []
        if False in soorten:
            handles.append(Patch(facecolor=KLEUR_OMHOOG, label="bekende parameters"))
        if True in soorten:
            handles.append(
                Patch(
                    facecolor="white",
                    edgecolor=KLEUR_OMHOOG,
                    hatch="///",
                    label="* berust op aannames",
                )
            )
        # below the axes, left of the axis label: never on top of a bar
        fig.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.0, 0.0),
            ncols=2,
            frameon=False,
            fontsize=8,
        )
        svg = _svg(
            fig,
            zout,
            f"Staafdiagram: verschil kosten overheid per jaar, {naam}",
            "Per jaar na de omzetting het verschil in kosten voor de overheid. Gearceerde staven "
            "berusten op aannames.",
        )
    return svg


KLEUR_WERKGEVER = "#6b4c9a"
VERGELIJKING_REEKSEN = (
    ("achteruit", "werknemers gaan netto achteruit", KLEUR_OMLAAG, None),
    ("buitenproportioneel", "werknemers gaan er buiten verhouding op vooruit", KLEUR_OMHOOG, "//"),
    ("werkgevers", "werkgevers gaan meer betalen", KLEUR_WERKGEVER, ".."),
)


def _vergelijking_grafiek(rijen: list[dict]) -> str:
    """Two panels side by side: left per scenario the three counts as grouped horizontal bars
    (colour AND hatch, so not colour alone), right the budget effect per year per scenario."""
    import matplotlib
    from matplotlib.figure import Figure

    namen = [
        "\n".join(textwrap.wrap(f"{r['nr']}. {r['naam']}", width=18, max_lines=2, placeholder=" …"))
        for r in rijen
    ]
    budget = [r["budget_cent"] for r in rijen]
    deler, eenheid = _schaal(max((abs(c) for c in budget if c is not None), default=0))
    with matplotlib.rc_context(_rc()):
        fig = Figure(figsize=(7.0, 0.9 + 0.75 * len(rijen)))
        links, rechts = fig.subplots(1, 2, gridspec_kw={"width_ratios": [3, 2]})
        fig.subplots_adjust(left=0.19, right=0.98, bottom=0.30, top=0.86, wspace=0.08)
        hoogte = 0.8 / len(VERGELIJKING_REEKSEN)
        posities = list(range(len(rijen)))
        grootste = max([1] + [r[k] or 0 for r in rijen for k, *_ in VERGELIJKING_REEKSEN])
        for j, (sleutel, label, kleur, arcering) in enumerate(VERGELIJKING_REEKSEN):
            ys = [y - 0.4 + hoogte * (j + 0.5) for y in posities]
            waarden = [r[sleutel] or 0 for r in rijen]
            links.barh(
                ys,
                waarden,
                height=hoogte,
                color=kleur,
                hatch=arcering,
                edgecolor="white",
                linewidth=0.5,
                label=label,
            )
            for y, w in zip(ys, waarden, strict=True):
                links.annotate(
                    _aantal(w),
                    (w, y),
                    xytext=(2, 0),
                    textcoords="offset points",
                    va="center",
                    fontsize=7,
                )
        links.set_yticks(posities, namen)
        links.invert_yaxis()
        links.set_xlim(0, grootste * 1.18)
        links.xaxis.set_major_formatter(_formatter())
        links.set_title("Aantallen", loc="left")
        links.spines[["top", "right"]].set_visible(False)
        kleur_b = [KLEUR_OMLAAG if (c or 0) > 0 else KLEUR_OMHOOG for c in budget]
        rechts.barh(posities, [(c or 0) / deler for c in budget], height=0.5, color=kleur_b)
        rechts.axvline(0, color=KLEUR_TEKST, linewidth=0.8)
        rechts.set_yticks(posities, [""] * len(posities))
        rechts.invert_yaxis()
        grens = max([1] + [abs(c or 0) / deler for c in budget])
        laag = -grens * 1.9 if any((c or 0) < 0 for c in budget) else 0
        hoog = grens * 1.9 if any((c or 0) > 0 for c in budget) else grens * 0.2
        rechts.set_xlim(laag, hoog)
        rechts.xaxis.set_major_formatter(_formatter())
        rechts.set_title(f"Budget per jaar ({eenheid})", loc="left")
        rechts.spines[["top", "right"]].set_visible(False)
        for y, c in zip(posities, budget, strict=True):
            if c is not None:
                rechts.annotate(
                    opmaak.verschil(c),
                    (c / deler, y),
                    xytext=(3 if c >= 0 else -3, 0),
                    textcoords="offset points",
                    ha="left" if c >= 0 else "right",
                    va="center",
                    fontsize=7,
                )
        fig.legend(
            loc="lower left", bbox_to_anchor=(0.0, 0.0), ncols=2, frameon=False, fontsize=7.5
        )
        svg = _svg(
            fig,
            "rapport-vergelijking",
            "Scenario’s vergeleken: wie gaat erop achteruit, wie vooruit, welke werkgevers "
            "betalen meer en het budgeteffect per jaar",
            " ".join(r["zin"] for r in rijen),
        )
    return svg


def _vergelijking(scenarios: list[dict]) -> list[dict]:
    """Per scenario the four answers of the opening, as numbers (for the chart) and text."""
    uit = []
    for nr, sc in enumerate(scenarios, start=1):
        s = sc["scenario"]
        naam = s.get("naam") or f"Scenario {nr}"
        sig = sc.get("signalen", {})
        wg = sc.get("werkgevers", {})
        per_jaar = sc["totalen"].get("per_jaar", {})
        achteruit = int(sig.get("werknemer_achteruit", 0))
        buiten = int(sig.get("werknemer_buitenproportioneel", 0))
        per_werkgever = wg.get("aantal") is not None
        werkgevers = (
            int(wg.get("aantal_meer_kosten") or 0)
            if per_werkgever
            else int(sig.get("werkgever_achteruit", 0))
        )
        try:  # government cost minus tax received, per year
            budget = centen(per_jaar["kosten_overheid"]["verschil"]) - centen(
                per_jaar["belastingontvangsten"]["verschil"]
            )
        except KeyError:
            budget = None
        wg_tekst = (
            _meervoud(werkgevers, "werkgever gaat", "werkgevers gaan") + " meer betalen"
            if per_werkgever
            else _meervoud(werkgevers, "werknemer werkt", "werknemers werken")
            + " bij een werkgever die meer gaat betalen"
        )
        if budget is None:
            budget_tekst = "het budgeteffect is niet bekend"
        elif budget > 0:
            budget_tekst = f"de overheid is per jaar {opmaak.bedrag(budget)} meer kwijt"
        elif budget < 0:
            budget_tekst = f"de overheid houdt per jaar {opmaak.bedrag(-budget)} over"
        else:
            budget_tekst = "het budget verandert niet"
        zin = (
            f"{naam}: {_meervoud(achteruit, 'werknemer gaat', 'werknemers gaan')} netto "
            f"achteruit, {_meervoud(buiten, 'werknemer gaat', 'werknemers gaan')} er buiten "
            f"verhouding op vooruit, {wg_tekst}; {budget_tekst}."
        )
        uit.append(
            {
                "nr": nr,
                "naam": naam,
                "anker": f"scenario-{nr}",
                "achteruit": achteruit,
                "buitenproportioneel": buiten,
                "werkgevers": werkgevers,
                "per_werkgever": per_werkgever,
                "budget_cent": budget,
                "achteruit_tekst": _aantal(achteruit),
                "achteruit_aandeel": _aandeel(achteruit, int(sc["aantal"])),
                "buitenproportioneel_tekst": _aantal(buiten),
                "buitenproportioneel_aandeel": _aandeel(buiten, int(sc["aantal"])),
                "werkgevers_tekst": _aantal(werkgevers),
                "budget": _verschil(None) if budget is None else opmaak.verschil(budget),
                "budget_richting": _richting(budget or 0),
                "zin": zin,
            }
        )
    return uit


def _werklijst(rijen: list[dict], scenarios: list[dict], werklijsten) -> list[dict]:
    """Per scenario the first WERKLIJST_IN_RAPPORT rows of the one werklijst, and the count."""
    uit = []
    for nr, sc in enumerate(scenarios, start=1):
        naam = sc["scenario"].get("naam") or f"Scenario {nr}"
        eigen = [r for r in rijen if r["nr"] == nr]
        totaal = werklijsten[nr - 1].aantal if werklijsten else len(eigen)
        uit.append(
            {
                "nr": nr,
                "naam": naam,
                "totaal": _meervoud(totaal, "werknemer", "werknemers"),
                "getoond": _aantal(min(len(eigen), WERKLIJST_IN_RAPPORT)),
                "meer": totaal > min(len(eigen), WERKLIJST_IN_RAPPORT),
                "met_naam": any(r.get("naam") for r in eigen[:WERKLIJST_IN_RAPPORT]),
                "rijen": [
                    {
                        "id": r["id"],
                        "naam": r.get("naam") or "",
                        "werkgever": r["werkgever"],
                        "signalen": ", ".join(SIGNAAL_KORT.get(c, c) for c in r["signalen"]),
                        "netto": opmaak.verschil(r["netto"]),
                        "netto_richting": _richting(r["netto"]),
                        "reden": r["reden"],
                    }
                    for r in eigen[:WERKLIJST_IN_RAPPORT]
                ],
            }
        )
    return uit


WERKLIJST_IN_RAPPORT = 50
SIGNAAL_KORT = {
    "werknemer_achteruit": "netto achteruit",
    "werkgever_achteruit": "werkgever betaalt meer",
    "werknemer_buitenproportioneel": "buiten verhouding vooruit",
}


# ---------------------------------------------------------------------------------------------
# Context for the template


def _trio(d: dict) -> dict[str, str]:
    return {
        "huidig": _bedrag(d.get("huidig")),
        "nieuw": _bedrag(d.get("nieuw")),
        "verschil": _verschil(d.get("verschil")),
        "richting": _richting(centen(d["verschil"])) if d.get("verschil") is not None else "nul",
    }


def _scenario_instellingen(s: dict) -> list[tuple[str, str]]:
    if not s.get("omzetting", True):
        return [("Omzetting", "geen: vandaag en nieuw rekenen met dezelfde regels (controle)")]
    gb = s.get("garantiebedrag") or "behouden"
    gb_tekst = GARANTIEBEDRAG_TEKST.get(gb, gb)
    if gb == "afbouw" and s.get("afbouw_jaren"):
        gb_tekst += f" in {opmaak.getal(int(s['afbouw_jaren']))} jaar"
    wg = s.get("werkgever") or "geen"
    wg_tekst = WERKGEVER_TEKST.get(wg, wg)
    if wg == "compensatie" and s.get("compensatie_jaren"):
        wg_tekst += f", {opmaak.getal(int(s['compensatie_jaren']))} jaar lang"
    ingang = s.get("ingangsdatum")
    return [
        ("Omzetting", "ja, van loondispensatie naar loonkostensubsidie"),
        ("Garantiebedrag", gb_tekst),
        ("Werkgever", wg_tekst),
        ("Ingangsdatum", _datum(ingang) if ingang else "de peildatum van de berekening"),
    ]


def _saldo_uitleg(per_jaar: dict) -> str:
    """Say how 'saldo overheid' is built, read from the numbers themselves.

    The summary gives the balance but not its sign convention; check which identity holds.
    """
    try:
        saldo = centen(per_jaar["saldo_overheid"]["verschil"])
        belasting = centen(per_jaar["belastingontvangsten"]["verschil"])
        kosten = centen(per_jaar["kosten_overheid"]["verschil"])
    except (KeyError, TypeError, ValueError):
        return ""
    if saldo == belasting - kosten:
        return (
            "Saldo overheid = belastingontvangsten min kosten overheid. Een plus is gunstig "
            "voor de overheid."
        )
    if saldo == kosten - belasting:
        return (
            "Saldo overheid = kosten overheid min belastingontvangsten (netto kosten). "
            "Een min is gunstig voor de overheid."
        )
    return ""


def _totalen(totalen: dict) -> list[dict]:
    per_maand = totalen.get("per_maand", {})
    per_jaar = totalen.get("per_jaar", {})
    sleutels = list(per_maand) + [k for k in per_jaar if k not in per_maand]
    leeg = {"huidig": "–", "nieuw": "–", "verschil": "–", "richting": "nul"}
    return [
        {
            "label": TOTAAL_LABELS.get(k, k.replace("_", " ").capitalize()),
            "maand": _trio(per_maand[k]) if k in per_maand else leeg,
            "jaar": _trio(per_jaar[k]) if k in per_jaar else leeg,
        }
        for k in sleutels
    ]


def _groep_label(soort: str, groep: str) -> str:
    return REGIME_NAMEN.get(groep, groep) if soort == "regime" else groep


def _uitsplitsingen(uit: dict) -> list[dict]:
    tabellen = []
    for soort, rijen in uit.items():
        tabellen.append(
            {
                "soort": soort,
                "titel": UITSPLITSING_TITELS.get(soort, "Naar " + soort.replace("_", " ")),
                "rijen": [
                    {
                        "groep": _groep_label(soort, r["groep"]),
                        "aantal": _aantal(r["aantal"]),
                        "netto": _verschil(r["netto_verschil_gemiddeld"]),
                        "netto_richting": _richting(centen(r["netto_verschil_gemiddeld"])),
                        "achteruit": _aantal(r["werknemer_achteruit"]),
                        "buitenproportioneel": _aantal(r["werknemer_buitenproportioneel"]),
                        "werkgever_achteruit": _aantal(r["werkgever_achteruit"]),
                        "overheid": _verschil(r["overheid_verschil_per_maand"]),
                    }
                    for r in rijen
                ],
            }
        )
    return tabellen


def _werkgevers(wg: dict, werkgever_achteruit: int | None) -> dict:
    bekend = wg.get("aantal") is not None
    return {
        "bekend": bekend,
        "aantal": _aantal(wg.get("aantal")),
        "aantal_meer_kosten": _aantal(wg.get("aantal_meer_kosten")),
        "meer_kosten_per_maand": _bedrag(wg.get("meer_kosten_per_maand")),
        "werknemers_bij_meer_kosten": _meervoud(
            werkgever_achteruit, "werknemer werkt", "werknemers werken"
        ),
        "ranglijst": [
            {
                "rang": opmaak.getal(i),
                "id": r["werkgever_id"],
                "naam": r.get("werkgever_naam"),
                "aantal": _aantal(r["aantal_werknemers"]),
                "meerkosten": _bedrag(r["meerkosten_per_maand"]),
                "meerkosten_jaar": opmaak.bedrag(centen(r["meerkosten_per_maand"]) * 12),
            }
            for i, r in enumerate(wg.get("ranglijst") or [], start=1)
        ],
    }


def _jaar_kort(r: dict) -> str:
    """A calendar year is a name, not a quantity: '2026', never '2.026'.

    ``jaar`` is null when the workers convert in different calendar years; then only the year
    after the conversion is known.
    """
    if r.get("jaar") is not None:
        return str(r["jaar"])
    return f"jaar {opmaak.getal(int(r['jaar_na_omzetting']))}"


def _jaar_lang(r: dict) -> str:
    if r.get("jaar") is not None:
        return str(r["jaar"])
    return f"{_jaar_kort(r)} na de omzetting"


def _budget(rijen: list[dict]) -> list[dict]:
    uit = []
    for r in rijen:
        uit.append(
            {
                "jaar": _jaar_lang(r),
                "jaar_na_omzetting": opmaak.getal(int(r["jaar_na_omzetting"])),
                "aanname": bool(r["aanname"]),
                "kosten_overheid": _trio(r["kosten_overheid"]),
                "kosten_werkgevers": _trio(r["kosten_werkgevers"]),
                "netto_inkomen_werknemers": _trio(r["netto_inkomen_werknemers"]),
                "belastingontvangsten": _trio(r["belastingontvangsten"]),
                "saldo": _verschil(r["saldo_overheid_verschil"]),
                "saldo_richting": _richting(centen(r["saldo_overheid_verschil"])),
            }
        )
    return uit


def _scenario(nr: int, sc: dict) -> dict:
    s = sc["scenario"]
    naam = s.get("naam") or f"Scenario {nr}"
    aantal = int(sc["aantal"])
    signalen = sc.get("signalen", {})
    titels = sc.get("signaal_titels", {})
    h = sc["netto_verschil_per_maand"]
    per_jaar = sc["totalen"].get("per_jaar", {})
    zout = f"rapport-s{nr}"

    loonwaarde = sc.get("uitsplitsingen", {}).get("loonwaarde") or []
    grafiek_loonwaarde = (
        _staven(
            [r["groep"] for r in loonwaarde],
            [centen(r["netto_verschil_gemiddeld"]) for r in loonwaarde],
            "Gemiddelde verandering netto inkomen per maand, naar loonwaarde",
            "Gemiddeld per werknemer per maand (€)",
            naam,
            zout + "-lw",
        )
        if loonwaarde
        else None
    )
    budget = sc.get("budget_per_jaar") or []
    gemiddelde = centen(h["gemiddelde"])

    def totaal_verschil(sleutel: str) -> str:
        return _verschil(per_jaar[sleutel]["verschil"]) if sleutel in per_jaar else "–"

    return {
        "nr": nr,
        "anker": f"scenario-{nr}",
        "naam": naam,
        "omschrijving": s.get("omschrijving") or "",
        "instellingen": _scenario_instellingen(s),
        "aantal": _aantal(aantal),
        "aantal_werknemers": _meervoud(aantal, "werknemer", "werknemers"),
        "totalen": _totalen(sc["totalen"]),
        "saldo_uitleg": _saldo_uitleg(per_jaar),
        "klassen": [
            {
                "omschrijving": k.get("omschrijving") or k["klasse"],
                "klasse": k["klasse"],
                "aantal": _aantal(k["aantal"]),
                "aandeel": _aandeel(k["aantal"], aantal),
            }
            for k in sc.get("klassen", [])
        ],
        "signalen": [
            {
                "code": code,
                "titel": titels.get(code, code.replace("_", " ")),
                "aantal": _aantal(n),
                "aandeel": _aandeel(n, aantal),
                "waarschuwing": code
                in ("werknemer_achteruit", "werknemer_buitenproportioneel", "werkgever_achteruit"),
                # the report covers many peildata: laws at the fixed consolidation date
                "bron_links": bronnen.als_dicts(bronnen.voor_signaal(code)),
            }
            for code, n in signalen.items()
        ],
        "histogram": {
            "svg": _histogram(h, naam, zout + "-hist") if aantal else None,
            "log": _log_schaal([int(a) for a in h["aantallen"]]),
            "onder": _meervoud(h.get("onder", 0), "werknemer", "werknemers"),
            "boven": _meervoud(h.get("boven", 0), "werknemer", "werknemers"),
            "heeft_onder": bool(h.get("onder")),
            "heeft_boven": bool(h.get("boven")),
            "eerste_grens": _verschil(h["grenzen"][0]),
            "laatste_grens": _verschil(h["grenzen"][-1]),
            "gemiddelde": _verschil(h["gemiddelde"]),
            "gemiddelde_richting": _richting(gemiddelde),
            "minimum": _verschil(h["minimum"]),
            "maximum": _verschil(h["maximum"]),
        },
        "uitsplitsingen": _uitsplitsingen(sc.get("uitsplitsingen", {})),
        "grafiek_loonwaarde": grafiek_loonwaarde,
        "werkgevers": _werkgevers(sc.get("werkgevers", {}), signalen.get("werkgever_achteruit")),
        "huishouden": rapporthuishouden.scenario(sc),  # issue 11
        "budget": _budget(budget),
        "budget_aanname": any(r["aanname"] for r in budget),
        "grafiek_budget": _budget_grafiek(budget, naam, zout + "-budget") if budget else None,
        # the side-by-side table
        "kern": {
            "achteruit": _aantal(signalen.get("werknemer_achteruit")),
            "achteruit_aandeel": _aandeel(signalen.get("werknemer_achteruit", 0), aantal),
            "buitenproportioneel": _aantal(signalen.get("werknemer_buitenproportioneel")),
            "buitenproportioneel_aandeel": _aandeel(
                signalen.get("werknemer_buitenproportioneel", 0), aantal
            ),
            "werkgever_achteruit": _aantal(signalen.get("werkgever_achteruit")),
            "werkgevers_meer_kosten": _aantal(sc.get("werkgevers", {}).get("aantal_meer_kosten")),
            "kosten_overheid_jaar": totaal_verschil("kosten_overheid"),
            "saldo_overheid_jaar": totaal_verschil("saldo_overheid"),
            "netto_jaar": totaal_verschil("netto_inkomen_werknemers"),
            "netto_gemiddeld": _verschil(h["gemiddelde"]),
        },
    }


def context(samenvatting: dict) -> dict:
    """Everything the template shows, as display strings (Dutch)."""
    afgewezen = sorted(
        samenvatting.get("afgewezen_per_veld", {}).items(), key=lambda kv: (-int(kv[1]), kv[0])
    )
    opgelegd = samenvatting.get("peildatum_opgelegd")
    scenarios = [_scenario(i, sc) for i, sc in enumerate(samenvatting["scenarios"], start=1)]
    vergelijking = _vergelijking(samenvatting["scenarios"])
    werklijst = samenvatting.get("_werklijst")
    return {
        "vergelijking": vergelijking,
        "grafiek_vergelijking": _vergelijking_grafiek(vergelijking) if vergelijking else None,
        "werklijst": (
            _werklijst(werklijst, samenvatting["scenarios"], samenvatting.get("_werklijsten"))
            if werklijst is not None
            else None
        ),
        "werklijst_max": _aantal(overzicht.WERKLIJST_MAX),
        "bestand": samenvatting.get("bestand") or "onbekend bestand",
        "gemaakt_met": samenvatting.get("gemaakt_met") or "",
        "peildatum_opgelegd": _datum(opgelegd) if opgelegd else None,
        "peildata": [_datum(p) for p in samenvatting.get("peildata", [])],
        "aantal_ingelezen": _aantal(samenvatting["aantal_ingelezen"]),
        "aantal_berekend": _aantal(samenvatting["aantal_berekend"]),
        "berekend_woord": "werknemer" if samenvatting["aantal_berekend"] == 1 else "werknemers",
        "niets_berekend": not samenvatting["aantal_berekend"],
        "aantal_afgewezen": _aantal(samenvatting["aantal_afgewezen"]),
        "afgewezen_aandeel": _aandeel(
            samenvatting["aantal_afgewezen"], samenvatting["aantal_ingelezen"]
        ),
        "afgewezen_per_veld": [{"veld": k, "aantal": _aantal(v)} for k, v in afgewezen],
        "waarschuwingen": list(samenvatting.get("waarschuwingen") or []),
        "aannames": list(samenvatting.get("aannames") or []),
        "scenarios": scenarios,
        "naast_elkaar": len(scenarios) > 1,
        "bronnen_datum": opmaak.datum(bronnen.consolidatiedatum()),
        "regelingen": bronnen.regelingen(),
        "publicaties": bronnen.publicaties(),
    }


def render(samenvatting: dict) -> str:
    """The complete report as one HTML page (str)."""
    return render_sjabloon(SJABLOON, **context(samenvatting))


def schrijf(samenvatting: dict, pad: Path) -> None:
    Path(pad).write_text(render(samenvatting), encoding="utf-8")
