"""The hand-written SVG charts (svggrafiek): valid XML, an accessible name and description,
values where they belong, Dutch numbers, legible at 390 px, the same bytes on every run —
and the default cohort run no longer imports matplotlib."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wajong_conversie import opmaak, svggrafiek
from wajong_conversie.svggrafiek import Legendapunt, Lijn, Paneel, Punten, Reeks, Vulling

NS = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"


def _balken(naam="Scenario A", waarden=(100, -50, 0)):
    return svggrafiek.balken(
        id_="t-balken",
        titel=f"Staafdiagram: test, {naam}",
        omschrijving="Per groep het bedrag.",
        kop=["Test", naam],
        legenda=[Legendapunt("omhoog", Vulling("#1d5c96"))],
        panelen=[
            Paneel(
                None,
                ["groep 1", "groep 2", "groep 3"],
                [
                    Reeks(
                        "bedrag",
                        [Decimal(w) for w in waarden],
                        [opmaak.verschil(w * 100) for w in waarden],
                        Vulling("#1d5c96"),
                    )
                ],
                "Bedrag (€)",
            )
        ],
    )


def _histogram(aantallen=(100, 200, 50), log=False):
    return svggrafiek.histogram(
        id_="t-hist",
        titel="Histogram: test",
        omschrijving="Aantal per klasse.",
        kop=["Histogram"],
        grenzen=[Decimal(-500), Decimal(0), Decimal(500), Decimal(1000)],
        aantallen=list(aantallen),
        vullingen=[Vulling("#a4262c"), Vulling("#1d5c96"), Vulling("#1d5c96", "schuin")],
        x_titel="Verandering (€)",
        y_titel="Aantal werknemers",
        log=log,
    )


def _lijnen(nu=24):
    uren = list(range(39))
    return svggrafiek.lijnen(
        id_="t-lijn",
        titel="Lijndiagram: test",
        omschrijving="Inkomen naar uren.",
        kop=["Inkomen naar uren"],
        x=uren,
        reeksen=[
            Lijn("Vandaag", [Decimal(1000 + 10 * u) for u in uren], "#5a6470", streep="7 4"),
            Lijn("Met LKS", [Decimal(1000 + 30 * u) for u in uren], "#1d5c96"),
        ],
        x_titel="Uren per week",
        y_titel="Netto per maand (€)",
        markering=(Decimal(nu), f"nu: {nu} uur"),
    )


def _spreiding():
    return svggrafiek.spreiding(
        id_="t-punt",
        titel="Spreidingsdiagram: test",
        omschrijving="Punten.",
        kop=["Punten"],
        groepen=[
            Punten("variant", [(Decimal("7.5"), 200), (Decimal("11.2"), 10)], "#5a6470"),
            Punten("front", [(Decimal("8.25"), 90)], "#1d5c96", "ruit"),
            Punten("advies", [(Decimal("8.25"), 90)], "#a4262c", "ring"),
        ],
        x_titel="Saldo (€ miljoen)",
        y_titel="Werknemers achteruit",
    )


ALLE = [_balken, _histogram, _lijnen, _spreiding]


@pytest.mark.parametrize("maak", ALLE, ids=lambda f: f.__name__)
def test_geldige_xml_met_naam_titel_en_beschrijving(maak):
    svg = maak()
    wortel = ET.fromstring(svg)  # valid XML on its own (inline in HTML it is the same text)
    assert wortel.tag == NS + "svg"
    assert wortel.get("role") == "img" and wortel.get("aria-label")
    assert wortel.find(NS + "title").text == wortel.get("aria-label")
    assert wortel.find(NS + "desc").text
    assert svg.startswith('<svg role="img" aria-label="')
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg


@pytest.mark.parametrize("maak", ALLE, ids=lambda f: f.__name__)
def test_dezelfde_invoer_geeft_dezelfde_bytes(maak):
    assert maak() == maak()


@pytest.mark.parametrize("maak", ALLE, ids=lambda f: f.__name__)
def test_leesbaar_op_390_pixels(maak):
    """At 390 CSS px less the page margins (2 × 20 px) a chart is 350 px wide: its smallest
    text must then still be at least 11,5 px."""
    wortel = ET.fromstring(maak())
    breedte = float(wortel.get("viewBox").split()[2])
    groottes = [float(e.get("font-size")) for e in wortel.iter() if e.get("font-size")]
    assert min(groottes) * 350 / breedte >= 11.5


def test_namen_worden_ontsnapt():
    svg = _balken(naam='Variant "A" <b> & co')
    assert "<b>" not in svg
    assert 'aria-label="Staafdiagram: test, Variant &quot;A&quot; &lt;b&gt; &amp; co"' in svg
    assert ET.fromstring(svg).find(NS + "title").text == 'Staafdiagram: test, Variant "A" <b> & co'


def _rects(svg):
    """The bars: rects with a height, not the legend swatch (16 × 14) or pattern tiles."""
    wortel = ET.fromstring(svg)
    return [
        {k: float(r.get(k)) for k in ("x", "y", "width", "height")}
        for r in wortel.iter(NS + "rect")
        if r.get("x") is not None and r.get("width") != "16"
    ]


def _nullijn_x(svg):
    wortel = ET.fromstring(svg)
    lijnen = [e for e in wortel.iter(NS + "line") if e.get("stroke-width") == "1.5" and e.get("x1")]
    return float(lijnen[-1].get("x1"))


def test_balken_staan_naar_verhouding_vanaf_de_nullijn():
    svg = _balken(waarden=(100, -50, 0))
    nul = _nullijn_x(svg)
    plus, min_, nul_balk = _rects(svg)
    # +100 starts at zero and is twice as long as -50, which ends at zero
    assert plus["x"] == pytest.approx(nul, abs=0.1)
    assert min_["x"] + min_["width"] == pytest.approx(nul, abs=0.1)
    assert plus["width"] == pytest.approx(2 * min_["width"], abs=0.2)
    assert nul_balk["width"] <= 1.0  # zero: a hairline, not a bar
    # the exact amounts are written as text, in Dutch
    assert f"+€{NBSP}100,00" in svg and f"-€{NBSP}50,00" in svg


def test_histogram_lineair_en_logaritmisch():
    lineair = _rects(_histogram((100, 200, 50)))
    # heights in proportion: 200 is twice 100 and four times 50
    assert lineair[1]["height"] == pytest.approx(2 * lineair[0]["height"], abs=0.2)
    assert lineair[1]["height"] == pytest.approx(4 * lineair[2]["height"], abs=0.2)
    # equal bins are equally wide and touch: -500..0, 0..500, 500..1000
    assert lineair[0]["x"] + lineair[0]["width"] == pytest.approx(lineair[1]["x"], abs=0.1)
    assert lineair[0]["width"] == pytest.approx(lineair[1]["width"], abs=0.1)
    # symmetric log: height ∝ log10(1 + n): 99 → 2, 9 → 1, 0 → no bar
    log = _rects(_histogram((99, 9, 0), log=True))
    assert len(log) == 2
    assert log[0]["height"] == pytest.approx(2 * log[1]["height"], abs=0.2)
    svg = _histogram((99, 9, 0), log=True)
    for tick in (">1<", ">10<", ">100<"):  # the count axis 1, 10, 100 (0 is the axis line)
        assert tick in svg


def test_histogram_as_in_nederlandse_getallen():
    svg = _histogram()
    assert ">1.000<" in svg and ">-500<" in svg  # thousands with a dot
    assert ">1000<" not in svg


def test_lijnen_en_de_markering_van_nu():
    svg = _lijnen(nu=24)
    wortel = ET.fromstring(svg)
    lijnen = list(wortel.iter(NS + "polyline"))
    assert len(lijnen) == 2
    vandaag, lks = (
        [tuple(map(float, p.split(","))) for p in lijn.get("points").split()] for lijn in lijnen
    )
    assert len(vandaag) == len(lks) == 39
    # x: equal steps per hour; y: both start at 1.000 (same point), LKS rises faster (up = less y)
    stappen = {round(b[0] - a[0], 1) for a, b in zip(vandaag, vandaag[1:], strict=False)}
    assert max(stappen) - min(stappen) <= 0.2
    assert vandaag[0] == lks[0]
    assert all(l[1] < v[1] for v, l in zip(vandaag[1:], lks[1:], strict=True))
    # rise of LKS from 0 to 38 hours (30 × 38 = 1.140) is three times that of today (380)
    assert lks[0][1] - lks[-1][1] == pytest.approx(3 * (vandaag[0][1] - vandaag[-1][1]), abs=0.3)
    # the dotted line at 24 hours sits at the 25th point's x
    markering = [e for e in wortel.iter(NS + "line") if e.get("stroke-dasharray") == "2 3"]
    assert float(markering[0].get("x1")) == pytest.approx(vandaag[24][0], abs=0.1)
    assert "nu: 24 uur" in svg
    assert ">1.000<" in svg or ">1.500<" in svg  # euro ticks in Dutch notation


def test_spreiding_advies_ligt_om_zijn_punt_en_lager_is_minder():
    wortel = ET.fromstring(_spreiding())
    ruit = [e for e in wortel.iter(NS + "polygon")]
    assert len(ruit) == 2  # the front's diamond, in the chart and in the legend
    punten = [tuple(map(float, p.split(","))) for p in ruit[-1].get("points").split()]
    midden = (punten[0][0], punten[1][1])  # top vertex x, right vertex y
    ring = [e for e in wortel.iter(NS + "circle") if e.get("fill") == "none"][-1]
    assert (float(ring.get("cx")), float(ring.get("cy"))) == pytest.approx(midden, abs=0.1)
    stippen = [e for e in wortel.iter(NS + "circle") if e.get("r") == "3.5"]
    # (7,5; 200) lies left of and above (11,2; 10): more workers = higher = less y
    (a, b) = stippen[-2:]
    assert float(a.get("cx")) < float(b.get("cx")) and float(a.get("cy")) < float(b.get("cy"))


def test_patronen_hebben_ids_van_de_grafiek():
    svg = _histogram()
    ids = re.findall(r' id="([^"]+)"', svg)
    assert ids and all(i.startswith("t-hist-") for i in ids)
    for verwijzing in re.findall(r"url\(#([^)]+)\)", svg):
        assert verwijzing in ids


@pytest.mark.parametrize(
    ("laag", "hoog", "hoogstens", "heel", "verwacht"),
    [
        # (1000 - 0) / 4 = 250: a step of 2,5 × 100
        (0, 1000, 5, False, [0, 250, 500, 750, 1000]),
        # 7 / 4 = 1,75 → 2; whole numbers; the last tick covers 7
        (0, 7, 5, True, [0, 2, 4, 6, 8]),
        # (1000 + 500) / 6 = 250
        (-500, 1000, 7, False, [-500, -250, 0, 250, 500, 750, 1000]),
        # 0,3 / 4 = 0,075 → 0,1; from 0 up
        (0, Decimal("0.3"), 5, False, [0, Decimal("0.1"), Decimal("0.2"), Decimal("0.3")]),
    ],
)
def test_ronde_stappen(laag, hoog, hoogstens, heel, verwacht):
    assert svggrafiek.stappen(Decimal(laag), Decimal(hoog), hoogstens, heel) == [
        Decimal(v) for v in verwacht
    ]


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, places=2),
    st.decimals(min_value=Decimal("0.01"), max_value=10**9, places=2),
    st.integers(min_value=2, max_value=12),
)
def test_stappen_omvatten_het_bereik(laag, breedte, hoogstens):
    hoog = laag + breedte
    t = svggrafiek.stappen(laag, hoog, hoogstens)
    assert t[0] <= laag and t[-1] >= hoog
    assert len(t) <= 2 * hoogstens + 2
    verschillen = {b - a for a, b in zip(t, t[1:], strict=False)}
    assert len(verschillen) == 1  # equal steps


def test_getallen_in_het_nederlands():
    assert svggrafiek.getal(1000) == "1.000"
    assert svggrafiek.getal(Decimal("2.50")) == "2,5"
    assert svggrafiek.getal(Decimal("-0.25")) == "-0,25"
    assert svggrafiek.getal(Decimal("1E+3")) == "1.000"


def test_standaard_cohort_laadt_geen_matplotlib(tmp_path):
    """The default route (rapport and overzicht.xlsx) draws its charts without matplotlib:
    importing it alone cost ~0,45 s of a 100 000-row run (issue 10 item 21)."""
    code = (
        "import sys\n"
        "from wajong_conversie import cli\n"
        f"rc = cli.main(['cohort', {str(ROOT / 'examples' / 'cohort.csv')!r}, '--uit', "
        f"{str(tmp_path / 'uit')!r}])\n"
        "assert rc == 0, rc\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))\n"
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert r.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "uit" / "rapport.html").exists()
    html = (tmp_path / "uit" / "rapport.html").read_text(encoding="utf-8")
    assert html.count('<svg role="img"') >= 2


def test_matplotlib_is_geen_afhankelijkheid_meer():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    alle = project["dependencies"] + [
        d for extra in project.get("optional-dependencies", {}).values() for d in extra
    ]
    assert not any(d.lower().startswith("matplotlib") for d in alle)
