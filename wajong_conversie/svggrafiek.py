"""Charts as small, hand-written SVG strings: bars, a histogram, lines and points.

One job: turn numbers and Dutch labels into an inline ``<svg>`` that a screen reader can name
(``role="img"``, ``aria-label``, ``<title>``, ``<desc>``) and that stays legible on a phone.
The page puts a table or a sentence with the same numbers next to every chart; the chart is
never the only way to read them.

Legibility: every chart is drawn in a coordinate system ``BREEDTE`` units wide (``viewBox``)
and shown at the width of its box (``width: 100%`` in the page's CSS). The width is chosen so
that at 390 CSS px (a phone, less the page margins) a unit is about 0,8 px: text of 16 units
is then about 13 px; the pages cap the box width on a desktop so text does not grow too large.
Category labels sit above their bars, not beside them, so long names do not squeeze the chart.

Numbers on axes and bars go through :mod:`opmaak` (Babel, nl_NL): ``1.000``, ``-2,5``. Money
arrives already formatted (the caller passes the texts); values for geometry are ``int`` or
``Decimal`` and become floats only for coordinates (# float ok: geometry, never an amount).
Output is deterministic: the same input gives the same bytes (ids come from the caller's
``id_``, coordinates are rounded to 0,1 unit).
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import attrs

from wajong_conversie import opmaak

BREEDTE = 440
RECHTS = 24  # room right of a horizontal axis for half a tick label
RAND = 6  # white space left and right of the drawing, in the viewBox
LETTER = 16  # normal text, in viewBox units
KLEIN = 15  # numbers on bars and axes
REGEL = 21  # line height
VET = 0.64  # the same for bold text
TEKEN = 0.58  # average width of a character as a fraction of the font size (estimate)
# a white outline under text that may cross a grid or zero line (painted before the fill)
HALO = {"stroke": "#ffffff", "stroke_width": 4, "paint_order": "stroke", "stroke_linejoin": "round"}
LETTERTYPE = "system-ui, 'Segoe UI', Roboto, Arial, sans-serif"

# At least 4.5:1 against white (WCAG AA), so they also work for thin lines and text.
KLEUR_OMHOOG = "#1d5c96"  # 6.9:1
KLEUR_OMLAAG = "#a4262c"  # 7.3:1
KLEUR_WERKGEVER = "#6b4c9a"  # 7.1:1
KLEUR_GRIJS = "#5a6470"  # 6.1:1
KLEUR_TEKST = "#1a1a1a"
KLEUR_RASTER = "#d0d4d9"  # gridlines only (decoration; the numbers are in text)
KLEUR_AS = "#5a6470"


# ---------------------------------------------------------------------------------------------
# Small pieces


def tekst(s: str) -> str:
    """Escape for XML text and attribute values (``&``, ``<``, ``>``, ``"``, ``'``)."""
    return html.escape(str(s), quote=True)


def _n(x: float) -> str:  # float ok: a coordinate
    """A coordinate, rounded to 0,1 unit, without a trailing ``.0``: deterministic bytes."""
    s = f"{x:.1f}"
    s = s[:-2] if s.endswith(".0") else s
    return "0" if s == "-0" else s


def _el(tag: str, inhoud: str | None = None, **attr: object) -> str:
    """One element; ``attr`` names use ``_`` for ``-`` (``font_size`` → ``font-size``)."""
    delen = [tag]
    for k, w in attr.items():
        if w is None:
            continue
        naam = k.rstrip("_").replace("_", "-")
        waarde = _n(w) if isinstance(w, float) else tekst(str(w))
        delen.append(f'{naam}="{waarde}"')
    kop = "<" + " ".join(delen)
    return kop + "/>" if inhoud is None else f"{kop}>{inhoud}</{tag}>"


def breedte_tekst(s: str, grootte: float = LETTER) -> float:  # float ok: geometry
    """Estimated width of a text in viewBox units (no font metrics: an average character)."""
    return len(s) * grootte * TEKEN


def inkorten(s: str, ruimte: float, grootte: float = LETTER) -> str:  # float ok
    """Shorten a label to fit ``ruimte`` units, with '…' at the end when cut."""
    past = max(int(ruimte / (grootte * TEKEN)), 1)
    return s if len(s) <= past else s[: max(past - 1, 1)].rstrip() + "…"


def getal(waarde: Decimal | int) -> str:
    """A tick label in Dutch notation: 1.000; -2,5; 0."""
    d = Decimal(waarde)
    if d == d.to_integral_value():
        return opmaak.getal(int(d))
    return opmaak.getal(d.normalize())


def stappen(laag: Decimal, hoog: Decimal, hoogstens: int, heel: bool = False) -> list[Decimal]:
    """Round tick values (1, 2, 2,5 or 5 × a power of ten) from ≤ ``laag`` to ≥ ``hoog``,
    at most about ``hoogstens`` of them; ``heel``: whole numbers only (counts)."""
    laag, hoog = Decimal(laag), Decimal(hoog)
    if hoog <= laag:
        hoog = laag + 1
    ruw = (hoog - laag) / max(hoogstens - 1, 1)
    macht = Decimal(10) ** int(math.floor(math.log10(ruw)))  # float ok: only the exponent
    stap = macht * 10
    for m in ("1", "2", "2.5", "5", "10"):
        if Decimal(m) * macht >= ruw:
            stap = Decimal(m) * macht
            break
    if heel:
        stap = max(stap.to_integral_value(ROUND_CEILING), Decimal(1))
    begin = (laag / stap).to_integral_value(ROUND_FLOOR) * stap
    eind = (hoog / stap).to_integral_value(ROUND_CEILING) * stap
    uit, t = [], begin
    while t <= eind:
        uit.append(t)
        t += stap
    return uit


@attrs.frozen
class Vulling:
    """How a bar or a legend swatch is filled: a colour, optionally hatched (``schuin``:
    diagonal lines, ``stip``: dots), ``open``: white with the pattern in the colour — so
    series also differ without colour."""

    kleur: str
    arcering: str | None = None
    open: bool = False


class _Patronen:
    """The ``<pattern>`` definitions one chart needs, with ids unique on the page."""

    def __init__(self, id_: str):
        self.id_ = id_
        self.defs: dict[Vulling, str] = {}
        self.teksten: list[str] = []

    def fill(self, v: Vulling) -> str:
        if v.arcering is None and not v.open:
            return v.kleur
        if v not in self.defs:
            pid = f"{self.id_}-p{len(self.defs) + 1}"
            self.defs[v] = pid
            achter, voor = ("#ffffff", v.kleur) if v.open else (v.kleur, "#ffffff")
            if v.arcering == "stip":
                teken = _el("circle", cx=3.0, cy=3.0, r=1.3, fill=voor)
            else:
                teken = _el("line", x1=0, y1=0, x2=0, y2=6, stroke=voor, stroke_width=2.2)
            self.teksten.append(
                _el(
                    "pattern",
                    _el("rect", width=6, height=6, fill=achter) + teken,
                    id=pid,
                    patternUnits="userSpaceOnUse",
                    width=6,
                    height=6,
                    patternTransform=None if v.arcering == "stip" else "rotate(45)",
                )
            )
        return f"url(#{self.defs[v]})"

    def svg(self) -> str:
        return _el("defs", "".join(self.teksten)) if self.teksten else ""


def _omhulsel(
    id_: str,
    titel: str,
    omschrijving: str,
    hoogte: float,  # float ok: geometry
    delen: list[str],
    patronen,  # float ok: geometry
) -> str:  # float ok
    """The ``<svg>`` around a chart: accessible name and description, size from the page."""
    kop = _el(
        "svg",
        None,
        role="img",
        aria_label=titel,
        viewBox=f"{-RAND} 0 {BREEDTE + 2 * RAND} {_n(hoogte)}",
        xmlns="http://www.w3.org/2000/svg",
        class_="grafiek",
        font_family=LETTERTYPE,
        font_size=LETTER,
        fill=KLEUR_TEKST,
    )[:-2]
    return (
        kop
        + ">\n"
        + _el("title", tekst(titel))
        + "\n"
        + _el("desc", tekst(omschrijving))
        + "\n"
        + patronen.svg()
        + "\n".join(d for d in delen if d)
        + "\n</svg>"
    )


def _koppen(regels: Sequence[str], delen: list[str]) -> float:  # float ok
    """The visible title: the first entry bold (wrapped over at most three lines), the others
    one line each (shortened); returns the height used."""
    y = 0.0
    for i, r in enumerate(regels):
        grootte = LETTER + 1 if i == 0 else LETTER
        if i == 0:
            per_regel = max(int(BREEDTE / (grootte * VET)), 10)
            stukken = textwrap.wrap(r, per_regel, max_lines=3, placeholder=" …") or [""]
        else:
            stukken = [inkorten(r, BREEDTE, grootte)]
        for stuk in stukken:
            y += REGEL + (1 if i == 0 else 0)
            delen.append(
                _el(
                    "text",
                    tekst(stuk),
                    x=0,
                    y=y - 5,
                    font_weight="bold" if i == 0 else None,
                    font_size=grootte,
                )
            )
    return y + (6 if regels else 0)


@attrs.frozen
class Legendapunt:
    tekst: str
    vulling: Vulling | None = None  # a filled square
    lijn: str | None = None  # or a line sample: colour
    streep: str | None = None  # stroke-dasharray of the line sample
    vorm: str | None = None  # or a marker: rondje, ruit, ring
    kleur: str | None = None  # the marker's colour (else the line's)


def _legenda(
    punten: Sequence[Legendapunt],
    y: float,  # float ok: geometry
    delen: list[str],
    patronen: _Patronen,  # float ok: geometry
) -> float:  # float ok
    """Legend items left to right, wrapping to a new line; returns the new y."""
    if not punten:
        return y
    x, y = 0.0, y + 2
    for p in punten:
        breedte = 24 + breedte_tekst(p.tekst, KLEIN)
        if x > 0 and x + breedte > BREEDTE:
            x, y = 0.0, y + REGEL
        midden = y + REGEL / 2
        if p.vulling is not None:
            delen.append(
                _el(
                    "rect",
                    x=x,
                    y=midden - 7,
                    width=16,
                    height=14,
                    fill=patronen.fill(p.vulling),
                    stroke=p.vulling.kleur,
                )
            )
        elif p.lijn is not None:
            delen.append(
                _el(
                    "line",
                    x1=x,
                    y1=midden,
                    x2=x + 18,
                    y2=midden,
                    stroke=p.lijn,
                    stroke_width=3,
                    stroke_dasharray=p.streep,
                )
            )
        if p.vorm is not None:
            delen.append(_marker(p.vorm, x + 9, midden, p.kleur or p.lijn or KLEUR_TEKST))
        delen.append(
            _el("text", tekst(p.tekst), x=x + 24, y=midden + KLEIN * 0.35, font_size=KLEIN)
        )
        x += breedte + 14
    return y + REGEL + 4


def _marker(vorm: str, x: float, y: float, kleur: str) -> str:  # float ok
    if vorm == "ruit":
        punten = f"{_n(x)},{_n(y - 6)} {_n(x + 6)},{_n(y)} {_n(x)},{_n(y + 6)} {_n(x - 6)},{_n(y)}"
        return _el("polygon", points=punten, fill=kleur)
    if vorm == "ring":
        return _el("circle", cx=x, cy=y, r=9.0, fill="none", stroke=kleur, stroke_width=2.5)
    if vorm == "vierkant":
        return _el("rect", x=x - 3.5, y=y - 3.5, width=7, height=7, fill=kleur)
    return _el("circle", cx=x, cy=y, r=3.5, fill=kleur)


class _As:
    """A linear (or symmetric-log) mapping from values to viewBox units."""

    def __init__(self, laag, hoog, van: float, tot: float, log: bool = False):  # float ok
        self.log = log
        self.laag, self.hoog = self._t(laag), self._t(hoog)
        if self.hoog <= self.laag:
            self.hoog = self.laag + 1
        self.van, self.tot = van, tot

    def _t(self, w) -> float:  # float ok: geometry
        w = float(w)  # float ok: geometry
        if not self.log:
            return w
        return math.copysign(math.log10(1 + abs(w)), w)

    def __call__(self, w) -> float:  # float ok
        f = (self._t(w) - self.laag) / (self.hoog - self.laag)
        return self.van + f * (self.tot - self.van)


def _log_stappen(hoogste: int) -> list[Decimal]:
    """0, 1, 10, 100, … up to the first power of ten at or above ``hoogste``."""
    uit, t = [Decimal(0), Decimal(1)], Decimal(1)
    while t < hoogste:
        t *= 10
        uit.append(t)
    return uit


# ---------------------------------------------------------------------------------------------
# Horizontal bars (one or more series per group), also stacked as panels in one chart


@attrs.frozen
class Reeks:
    """One series of bars: a value per group (``None``: not known, no bar), the text next to
    each bar, and its fill (one for all bars, or one per bar)."""

    naam: str
    waarden: Sequence[Decimal | int | None]
    teksten: Sequence[str]
    vulling: Vulling | Sequence[Vulling]

    def vulling_van(self, i: int) -> Vulling:
        return self.vulling if isinstance(self.vulling, Vulling) else self.vulling[i]


@attrs.frozen
class Paneel:
    """A block of horizontal bars: ``groepen`` are the category labels (above their bars),
    ``as_titel`` says what the values are (with the unit)."""

    titel: str | None
    groepen: Sequence[str]
    reeksen: Sequence[Reeks]
    as_titel: str
    heel: bool = False  # whole-number ticks (counts)


def _paneel(
    p: Paneel,
    y: float,  # float ok: geometry
    delen: list[str],
    patronen: _Patronen,  # float ok: geometry
) -> float:  # float ok: geometry
    """Draw one panel from ``y``; returns the y below it."""
    enkel = len(p.reeksen) == 1
    balk = 22 if enkel else 17
    waarden = [w for r in p.reeksen for w in r.waarden if w is not None]
    laag, hoog = (
        min([Decimal(0), *map(Decimal, waarden)]),
        max([Decimal(0), *map(Decimal, waarden)]),
    )
    if enkel:  # the value sits on the label line, right-aligned: the bars get the full width
        links_ruimte = rechts_ruimte = 4.0
    else:  # counts after the end of each bar
        breed = [
            breedte_tekst(t, KLEIN) + 6
            for r in p.reeksen
            for w, t in zip(r.waarden, r.teksten, strict=True)
            if w is not None
        ]
        rechts_ruimte = max(breed, default=0) if hoog > 0 else 4.0
        links_ruimte = max(breed, default=0) if laag < 0 else 4.0
    if p.titel:
        delen.append(_el("text", tekst(p.titel), x=0, y=y + REGEL - 5, font_weight="bold"))
        y += REGEL + 2
    plek = BREEDTE - links_ruimte - rechts_ruimte
    tick_breedte = max(breedte_tekst(getal(laag), KLEIN), breedte_tekst(getal(hoog), KLEIN)) + 14
    ticks = stappen(laag, hoog, max(int(plek / tick_breedte), 2), heel=p.heel)
    x = _As(ticks[0], ticks[-1], links_ruimte, BREEDTE - rechts_ruimte)
    boven = y
    stukken: list[str] = []
    labels: list[str] = []
    for g, groep in enumerate(p.groepen):
        label_y = y + REGEL - 5
        if enkel:
            r = p.reeksen[0]
            waarde_tekst = r.teksten[g]
            ruimte = BREEDTE - breedte_tekst(waarde_tekst, KLEIN) - 12
            labels.append(_el("text", tekst(inkorten(groep, ruimte)), x=0, y=label_y, **HALO))
            labels.append(
                _el(
                    "text",
                    tekst(waarde_tekst),
                    **HALO,
                    x=BREEDTE,
                    y=label_y,
                    text_anchor="end",
                    font_size=KLEIN,
                    font_weight="bold",
                )
            )
        else:
            labels.append(_el("text", tekst(inkorten(groep, BREEDTE)), x=0, y=label_y, **HALO))
        y += REGEL + 2
        for r in p.reeksen:
            w = r.waarden[g]
            if w is not None:
                a, b = sorted((x(0), x(w)))
                v = r.vulling_van(g)
                stukken.append(
                    _el(
                        "rect",
                        x=a,
                        y=y,
                        width=max(b - a, 1.0),
                        height=balk,
                        fill=patronen.fill(v),
                        stroke=v.kleur if v.open else None,
                    )
                )
                if not enkel:
                    negatief = Decimal(w) < 0
                    stukken.append(
                        _el(
                            "text",
                            tekst(r.teksten[g]),
                            x=(a - 4) if negatief else (b + 4),
                            y=y + balk / 2 + KLEIN * 0.35,
                            text_anchor="end" if negatief else None,
                            font_size=KLEIN,
                        )
                    )
            y += balk + 3
        y += 8
    onder = y
    for t in ticks:  # gridlines under the bars, the zero line over them
        delen.append(
            _el("line", x1=x(t), y1=boven, x2=x(t), y2=onder, stroke=KLEUR_RASTER, stroke_width=1)
        )
    delen.extend(stukken)
    delen.append(
        _el("line", x1=x(0), y1=boven, x2=x(0), y2=onder, stroke=KLEUR_TEKST, stroke_width=1.5)
    )
    delen.extend(labels)
    y = onder + KLEIN + 2
    for i, t in enumerate(ticks):
        anker = "start" if i == 0 and x(t) < 20 else ("end" if x(t) > BREEDTE - 20 else "middle")
        delen.append(
            _el("text", getal(t), x=x(t), y=y, text_anchor=anker, font_size=KLEIN, fill=KLEUR_AS)
        )
    y += REGEL
    delen.append(
        _el("text", tekst(inkorten(p.as_titel, BREEDTE, KLEIN)), x=0, y=y - 2, font_size=KLEIN)
    )
    return y + 10


def balken(
    *,
    id_: str,
    titel: str,
    omschrijving: str,
    kop: Sequence[str],
    panelen: Sequence[Paneel],
    legenda: Sequence[Legendapunt] = (),
) -> str:
    """Horizontal bar chart(s): panels one below the other, each with its own value axis."""
    delen: list[str] = []
    patronen = _Patronen(id_)
    y = _koppen(kop, delen)
    y = _legenda(legenda, y, delen, patronen)
    for p in panelen:
        y = _paneel(p, y, delen, patronen)
    return _omhulsel(id_, titel, omschrijving, y, delen, patronen)


# ---------------------------------------------------------------------------------------------
# Histogram


def histogram(
    *,
    id_: str,
    titel: str,
    omschrijving: str,
    kop: Sequence[str],
    grenzen: Sequence[Decimal | int],
    aantallen: Sequence[int],
    vullingen: Sequence[Vulling],
    x_titel: str,
    y_titel: str,
    log: bool = False,
    nullijn: Decimal | int | None = 0,
    legenda: Sequence[Legendapunt] = (),
) -> str:
    """Counts per bin between ``grenzen`` (len = bins + 1). ``log``: a symmetric-log count
    axis (linear up to 1, then logarithmic: ticks 0, 1, 10, 100, …), so a few people next to
    hundreds still show as a bar."""
    delen: list[str] = []
    patronen = _Patronen(id_)
    y = _koppen(kop, delen)
    y = _legenda(legenda, y, delen, patronen)
    hoogste = max([1, *aantallen])
    ticks_y = _log_stappen(hoogste) if log else stappen(Decimal(0), Decimal(hoogste), 5, heel=True)
    links = 2 * REGEL + 4 + max(breedte_tekst(getal(t), KLEIN) for t in ticks_y)
    boven, onder = y + 8, y + 8 + 200
    ya = _As(0, ticks_y[-1], onder, boven, log=log)
    xa = _As(grenzen[0], grenzen[-1], links, BREEDTE - RECHTS)
    # on a log axis 0 sits just below 1: the axis line says it
    _y_raster(delen, ticks_y, ya, links, zonder_nul=log)
    for a, b, n, v in zip(grenzen[:-1], grenzen[1:], aantallen, vullingen, strict=True):
        if n > 0:
            delen.append(
                _el(
                    "rect",
                    x=xa(a),
                    y=ya(n),
                    width=xa(b) - xa(a),
                    height=max(onder - ya(n), 1.0),
                    fill=patronen.fill(v),
                    stroke="#ffffff",
                    stroke_width=0.6,
                )
            )
    if nullijn is not None:
        delen.append(
            _el(
                "line",
                x1=xa(nullijn),
                y1=boven,
                x2=xa(nullijn),
                y2=onder,
                stroke=KLEUR_TEKST,
                stroke_width=1.5,
            )
        )
    delen.append(_el("line", x1=links, y1=onder, x2=BREEDTE - RECHTS, y2=onder, stroke=KLEUR_AS))
    plek = BREEDTE - RECHTS - links
    breed = max(breedte_tekst(getal(grenzen[0]), KLEIN), breedte_tekst(getal(grenzen[-1]), KLEIN))
    ticks_x = [
        t
        for t in stappen(
            Decimal(grenzen[0]), Decimal(grenzen[-1]), max(int(plek / (breed + 16)), 2)
        )
        if Decimal(grenzen[0]) <= t <= Decimal(grenzen[-1])
    ]
    y = _x_ticks(delen, ticks_x, xa, onder)
    y = _x_titel(x_titel, y, delen)
    delen.append(_y_titel(y_titel, boven, onder))
    return _omhulsel(id_, titel, omschrijving, y + 8, delen, patronen)


def _y_raster(delen: list[str], ticks, ya, links, zonder_nul: bool = False) -> None:
    """Horizontal grid lines at the ticks, each labelled left of the axis (not 0 when
    ``zonder_nul``)."""
    for t in ticks:
        delen.append(
            _el("line", x1=links, y1=ya(t), x2=BREEDTE - RECHTS, y2=ya(t), stroke=KLEUR_RASTER)
        )
        if zonder_nul and t == 0:
            continue
        delen.append(
            _el(
                "text",
                getal(t),
                x=links - 5,
                y=ya(t) + KLEIN * 0.35,
                text_anchor="end",
                font_size=KLEIN,
                fill=KLEUR_AS,
            )
        )


def _x_ticks(delen: list[str], ticks, xa, onder) -> float:  # float ok: geometry
    """Tick marks and labels under a horizontal axis at ``onder``; returns the y below."""
    for t in ticks:
        delen.append(_el("line", x1=xa(t), y1=onder, x2=xa(t), y2=onder + 5, stroke=KLEUR_AS))
        delen.append(
            _el(
                "text",
                getal(t),
                x=xa(t),
                y=onder + 5 + KLEIN,
                text_anchor="middle",
                font_size=KLEIN,
                fill=KLEUR_AS,
            )
        )
    return onder + 5 + KLEIN + REGEL


def _x_titel(regels: str, y: float, delen: list[str]) -> float:  # float ok
    """The axis title under a horizontal axis, wrapped over at most two lines."""
    per_regel, last = int(BREEDTE / (KLEIN * TEKEN)), y
    regels = regels.replace("€ ", "€\u00a0")  # never '(€' at the end of a line
    for i, r in enumerate(textwrap.wrap(regels, per_regel, max_lines=2, placeholder=" …")):
        delen.append(_el("text", tekst(r), x=0, y=y + i * REGEL, font_size=KLEIN))
        last = y + i * REGEL
    return last


def _y_titel(regels: str, boven: float, onder: float) -> str:  # float ok
    """A rotated axis title left of the y axis, wrapped over at most two lines ('\\n' also
    starts a new line)."""
    midden, ruimte = (boven + onder) / 2, onder - boven + 20
    per_regel = int(ruimte / (KLEIN * TEKEN))
    stukken = [s for deel in regels.split("\n") for s in textwrap.wrap(deel, per_regel)]
    if len(stukken) > 2:
        stukken = [stukken[0], inkorten(" ".join(stukken[1:]), ruimte, KLEIN)]
    uit = []
    for i, r in enumerate(stukken):
        x = KLEIN + i * (REGEL - 2)
        uit.append(
            _el(
                "text",
                tekst(r),
                x=x,
                y=midden,
                text_anchor="middle",
                font_size=KLEIN,
                transform=f"rotate(-90 {_n(x)} {_n(midden)})",
            )
        )
    return "".join(uit)


# ---------------------------------------------------------------------------------------------
# Lines


@attrs.frozen
class Lijn:
    naam: str
    waarden: Sequence[Decimal | int]
    kleur: str
    streep: str | None = None  # stroke-dasharray, so lines also differ without colour
    vorm: str = "rondje"


def lijnen(
    *,
    id_: str,
    titel: str,
    omschrijving: str,
    kop: Sequence[str],
    x: Sequence[Decimal | int],
    reeksen: Sequence[Lijn],
    x_titel: str,
    y_titel: str,
    markering: tuple[Decimal | int, str] | None = None,
) -> str:
    """A line chart over ``x`` with a legend; ``markering`` draws a vertical line at a value
    of x with a label (e.g. today's hours)."""
    delen: list[str] = []
    patronen = _Patronen(id_)
    y = _koppen(kop, delen)
    y = _legenda(
        [Legendapunt(r.naam, lijn=r.kleur, streep=r.streep, vorm=r.vorm) for r in reeksen],
        y,
        delen,
        patronen,
    )
    alle = [Decimal(w) for r in reeksen for w in r.waarden]
    ticks_y = stappen(min([Decimal(0), *alle]), max([Decimal(1), *alle]), 5)
    links = 2 * REGEL + 4 + max(breedte_tekst(getal(t), KLEIN) for t in ticks_y)
    boven = y + (REGEL if markering else 8)
    onder = boven + 220
    ya = _As(ticks_y[0], ticks_y[-1], onder, boven)
    xa = _As(x[0], x[-1], links + 6, BREEDTE - RECHTS)
    _y_raster(delen, ticks_y, ya, links)
    delen.append(_el("line", x1=links, y1=onder, x2=BREEDTE - RECHTS, y2=onder, stroke=KLEUR_AS))
    if markering is not None:
        mx, label = markering
        delen.append(
            _el(
                "line",
                x1=xa(mx),
                y1=boven - 4,
                x2=xa(mx),
                y2=onder,
                stroke=KLEUR_TEKST,
                stroke_width=1.5,
                stroke_dasharray="2 3",
            )
        )
        anker = (
            "end" if xa(mx) > BREEDTE * 0.6 else ("start" if xa(mx) < BREEDTE * 0.4 else "middle")
        )
        delen.append(
            _el("text", tekst(label), x=xa(mx), y=boven - 7, text_anchor=anker, font_size=KLEIN)
        )
    for r in reeksen:
        punten = " ".join(f"{_n(xa(a))},{_n(ya(w))}" for a, w in zip(x, r.waarden, strict=True))
        delen.append(
            _el(
                "polyline",
                points=punten,
                fill="none",
                stroke=r.kleur,
                stroke_width=2.5,
                stroke_dasharray=r.streep,
            )
        )
        if markering is not None and markering[0] in x:
            i = list(x).index(markering[0])
            delen.append(_marker(r.vorm, xa(x[i]), ya(r.waarden[i]), r.kleur))
    plek = BREEDTE - RECHTS - links
    breed = breedte_tekst(getal(x[-1]), KLEIN)
    ticks_x = stappen(Decimal(x[0]), Decimal(x[-1]), max(int(plek / (breed + 18)), 2), heel=True)
    y = _x_ticks(delen, [t for t in ticks_x if Decimal(x[0]) <= t <= Decimal(x[-1])], xa, onder)
    y = _x_titel(x_titel, y, delen)
    delen.append(_y_titel(y_titel, boven, onder))
    return _omhulsel(id_, titel, omschrijving, y + 8, delen, patronen)


# ---------------------------------------------------------------------------------------------
# Points


@attrs.frozen
class Punten:
    naam: str
    punten: Sequence[tuple[Decimal | int, Decimal | int]]
    kleur: str
    vorm: str = "rondje"  # rondje, ruit, ring (an open circle around another point)


def spreiding(
    *,
    id_: str,
    titel: str,
    omschrijving: str,
    kop: Sequence[str],
    groepen: Sequence[Punten],
    x_titel: str,
    y_titel: str,
) -> str:
    """A scatter chart; the groups are drawn in order (later on top) and in the legend."""
    delen: list[str] = []
    patronen = _Patronen(id_)
    y = _koppen(kop, delen)
    legenda = [Legendapunt(g.naam, vorm=g.vorm, kleur=g.kleur) for g in groepen if g.punten]
    y = _legenda(legenda, y, delen, patronen)
    xs = [Decimal(a) for g in groepen for a, _ in g.punten]
    ys = [Decimal(b) for g in groepen for _, b in g.punten]
    ticks_y = stappen(min([Decimal(0), *ys]), max([Decimal(1), *ys]), 5, heel=True)
    links = 2 * REGEL + 4 + max(breedte_tekst(getal(t), KLEIN) for t in ticks_y)
    plek = BREEDTE - RECHTS - links
    marge = (max(xs, default=Decimal(1)) - min(xs, default=Decimal(0))) / 20 or Decimal(1)
    x_laag, x_hoog = min(xs, default=Decimal(0)) - marge, max(xs, default=Decimal(1)) + marge
    breed = max(breedte_tekst(getal(x_laag.quantize(Decimal("0.01"))), KLEIN), 30)
    ticks_x = stappen(x_laag, x_hoog, max(int(plek / (breed + 16)), 2))
    boven, onder = y + 8, y + 8 + 220
    ya = _As(ticks_y[0], ticks_y[-1], onder, boven)
    xa = _As(ticks_x[0], ticks_x[-1], links + 6, BREEDTE - RECHTS)
    _y_raster(delen, ticks_y, ya, links)
    delen.append(_el("line", x1=links, y1=onder, x2=BREEDTE - RECHTS, y2=onder, stroke=KLEUR_AS))
    y = _x_ticks(delen, ticks_x, xa, onder)
    for g in groepen:
        for a, b in g.punten:
            delen.append(_marker(g.vorm, xa(a), ya(b), g.kleur))
    y = _x_titel(x_titel, y, delen)
    delen.append(_y_titel(y_titel, boven, onder))
    return _omhulsel(id_, titel, omschrijving, y + 8, delen, patronen)
